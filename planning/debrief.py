"""The return debrief: after a youth comes back from missing, the caseworker talks with them
about why they left, what happened while away and what would help, and goes through Waymark's
trafficking-indicators screen (`planning.debrief_content`). The answers are case data: the
audit trail names the record and the fields, never what was said.

A debrief is saved as it is typed and is done when the caseworker completes it (who and when are
recorded). It can only follow a recorded return.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from casefile.db.models import Staff
from casefile.db.models.base import utcnow
from casefile.errors import EditConflict, InvalidInput, RecordNotFound
from casefile.staff import access
from casefile.store import Store
from casefile.trail import audit
from i18n import N_
from planning.debrief_content import ANSWERS
from planning.episode_models import MissingEpisode, ReturnDebrief
from planning.plans import youth_for_change

DEBRIEF = "return-debrief"  # the audit trail's record type
MAX_TEXT = 20_000
TEXTS = ("before_leaving", "while_away", "would_help", "notes")


@dataclass(frozen=True)
class DebriefFields:
    before_leaving: str = ""
    while_away: str = ""
    would_help: str = ""
    notes: str = ""
    screen: dict[str, str] = field(default_factory=dict)  # question id: answer


@dataclass(frozen=True)
class DebriefView(DebriefFields):
    episode_id: int = 0
    version: int = 0  # 0: nothing saved yet
    completed_at: datetime | None = None
    completed_by: str = ""


def _view(episode_id: int, row: ReturnDebrief | None, completed_by: str = "") -> DebriefView:
    if row is None:
        return DebriefView(episode_id=episode_id)
    return DebriefView(row.before_leaving, row.while_away, row.would_help, row.notes,
                       json.loads(row.screen), episode_id, row.row_version, row.completed_at,
                       completed_by)


def _check(values: DebriefFields) -> None:
    for name in TEXTS:
        if len(getattr(values, name)) > MAX_TEXT:
            raise InvalidInput(N_("This answer is longer than {count} characters. Nothing was "
                                  "saved; shorten it and it will be saved."), count=MAX_TEXT)
    for answer in values.screen.values():
        if answer not in ANSWERS:
            raise ValueError(answer)


def _episode_and_debrief(session: Session,
                         episode_id: int) -> tuple[MissingEpisode, ReturnDebrief | None]:
    episode = session.get(MissingEpisode, episode_id)
    if episode is None:
        raise RecordNotFound()
    return episode, session.scalars(select(ReturnDebrief)
                                    .where(ReturnDebrief.episode_id == episode_id)).first()


def _shown(session: Session, episode_id: int, row: ReturnDebrief | None) -> DebriefView:
    who = session.get(Staff, row.completed_by) if row and row.completed_by else None
    return _view(episode_id, row, who.display_name if who else "")


def open_debrief(store: Store, episode_id: int) -> DebriefView:
    with store.unit() as session:
        episode, row = _episode_and_debrief(session, episode_id)
        _youth, flagged = access.youth_for(session, store.user, episode.youth_id)
        if row is not None:
            store.record(session, audit.VIEW, record_type=DEBRIEF, record_id=row.id,
                         flagged=flagged)
        return _shown(session, episode_id, row)


def save_debrief(store: Store, episode_id: int, expected_version: int, values: DebriefFields,
                 complete: bool = False) -> DebriefView:
    """Save what is typed (version 0: the first save); `complete` also marks it done.
    `EditConflict` when someone saved it first."""
    _check(values)
    with store.unit() as session:
        episode, row = _episode_and_debrief(session, episode_id)
        _youth, flagged = youth_for_change(session, store, episode.youth_id)
        if episode.returned_at is None:
            raise InvalidInput(N_("Record the youth's return first; the debrief follows it."))
        if (row.row_version if row else 0) != expected_version:
            raise EditConflict()
        action = audit.EDIT if row else audit.CREATE
        if row is None:
            row = ReturnDebrief(episode_id=episode_id, screen="{}",
                                **dict.fromkeys(TEXTS, ""))
            session.add(row)
        changed = [name for name in TEXTS if getattr(row, name) != getattr(values, name)]
        screen = json.dumps(values.screen, ensure_ascii=False, sort_keys=True)
        if row.screen != screen:
            changed.append("screen")
        for name in TEXTS:
            setattr(row, name, getattr(values, name))
        row.screen = screen
        if complete and row.completed_at is None:
            row.completed_at, row.completed_by = utcnow(), store.user.id
            changed.append("completed")
        session.flush()
        if changed or action == audit.CREATE:
            store.record(session, action, record_type=DEBRIEF, record_id=row.id,
                         detail=f"episode {episode_id}: {','.join(changed)}", flagged=flagged)
        return _shown(session, episode_id, row)
