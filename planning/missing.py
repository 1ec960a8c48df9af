"""Missing-from-care episodes: when the youth was found missing, the reports to law enforcement
(for NCIC) and to NCMEC with their numbers and times, the return, and where they were if known.

Federal law (P.L. 113-183, section 104) asks agencies to report a missing youth to law
enforcement and to NCMEC within 24 hours, so an episode whose reports are not filled in 24 hours
after the youth was found missing is flagged, as is an open episode and a return whose debrief is
not done within the agency's days. The clock is always passed in (`now`, naive UTC like every
stored time), never read here, so the flags can be tested without waiting.

A return brings the youth's plan review nearer: the agency's days after the return (7 by
default), unless a review is already due sooner.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from casefile.db.models import Youth
from casefile.errors import EditConflict, InvalidInput, RecordNotFound
from casefile.staff import access
from casefile.store import Store
from casefile.trail import audit
from i18n import N_
from planning.episode_models import MissingEpisode, ReturnDebrief
from planning.plans import youth_for_change

EPISODE = "missing-episode"  # the audit trail's record type
REPORT_WITHIN = timedelta(hours=24)
MAX_NUMBER = 100  # characters of a report number
MAX_WHEREABOUTS = 20_000

# Flags, on the youth list and the youth's page.
MISSING = "missing"  # an open episode: not returned yet
REPORT_OVERDUE = "report-overdue"  # 24 hours passed without both reports filled in
DEBRIEF_DUE = "debrief-due"  # returned; the debrief is not done yet
DEBRIEF_OVERDUE = "debrief-overdue"  # ... and the agency's days have passed


@dataclass(frozen=True)
class EpisodeFields:
    missing_at: datetime
    police_reported_at: datetime | None = None
    police_report_number: str = ""
    ncmec_reported_at: datetime | None = None
    ncmec_report_number: str = ""
    returned_at: datetime | None = None
    whereabouts: str = ""


@dataclass(frozen=True)
class EpisodeView(EpisodeFields):
    id: int = 0
    youth_id: int = 0
    version: int = 0
    debrief_done: bool = False

    def debrief_due(self, debrief_days: int) -> datetime | None:
        """When the return debrief is due (None before a return)."""
        if self.returned_at is None:
            return None
        return self.returned_at + timedelta(days=debrief_days)

    def flags(self, now: datetime, debrief_days: int) -> frozenset[str]:
        found: set[str] = set()
        if self.returned_at is None:
            found.add(MISSING)
        reports_missing = self.police_reported_at is None or self.ncmec_reported_at is None
        if reports_missing and now - self.missing_at >= REPORT_WITHIN:
            found.add(REPORT_OVERDUE)
        due = self.debrief_due(debrief_days)
        if due is not None and not self.debrief_done:
            found.add(DEBRIEF_OVERDUE if now >= due else DEBRIEF_DUE)
        return frozenset(found)

    def fields(self) -> EpisodeFields:
        return EpisodeFields(**{f.name: getattr(self, f.name) for f in fields(EpisodeFields)})


_FIELDS = tuple(f.name for f in fields(EpisodeFields))


def _view(episode: MissingEpisode, debrief_done: bool) -> EpisodeView:
    return EpisodeView(**{name: getattr(episode, name) for name in _FIELDS}, id=episode.id,
                       youth_id=episode.youth_id, version=episode.row_version,
                       debrief_done=debrief_done)


def _check(values: EpisodeFields, now: datetime) -> None:
    if values.missing_at > now:
        raise InvalidInput(N_("The time the youth was found missing cannot be in the future."))
    for reported in (values.police_reported_at, values.ncmec_reported_at):
        if reported is not None and reported > now:
            raise InvalidInput(N_("A report time cannot be in the future. Give the time the "
                                  "report was made."))
        if reported is not None and reported < values.missing_at:
            raise InvalidInput(N_("A report time cannot be before the youth was found missing."))
    if values.returned_at is not None and values.returned_at > now:
        raise InvalidInput(N_("The return cannot be in the future. Record it once the youth "
                              "is back."))
    if values.returned_at is not None and values.returned_at < values.missing_at:
        raise InvalidInput(N_("The return cannot be before the time the youth was found "
                              "missing. Check both dates and times."))
    for number in (values.police_report_number, values.ncmec_report_number):
        if len(number) > MAX_NUMBER:
            raise InvalidInput(N_("A report number may be at most {count} characters."),
                               count=MAX_NUMBER)
    if len(values.whereabouts) > MAX_WHEREABOUTS:
        raise InvalidInput(N_("This answer is longer than {count} characters. Nothing was "
                              "saved; shorten it and it will be saved."), count=MAX_WHEREABOUTS)


def _debriefed(session: Session, episode_id: int) -> bool:
    done = session.scalar(select(ReturnDebrief.completed_at)
                          .where(ReturnDebrief.episode_id == episode_id))
    return done is not None


def _bring_review_nearer(youth: Youth, returned: datetime, days: int) -> None:
    due = returned.date() + timedelta(days=days)
    if youth.review_due_on is None or due < youth.review_due_on:
        youth.review_due_on = due


def record_missing(store: Store, youth_id: int, values: EpisodeFields,
                   now: datetime, return_review_days: int) -> EpisodeView:
    """Open an episode (or record a whole one, return included, after the fact)."""
    _check(values, now)
    with store.unit() as session:
        youth, flagged = youth_for_change(session, store, youth_id)
        still_open = session.scalar(select(MissingEpisode.id).where(
            MissingEpisode.youth_id == youth_id, MissingEpisode.returned_at.is_(None)))
        if still_open is not None:
            raise InvalidInput(N_("This youth is already recorded as missing. Record their "
                                  "return on that episode before opening another."))
        episode = MissingEpisode(youth_id=youth_id, created_by=store.user.id,
                                 **{name: getattr(values, name) for name in _FIELDS})
        session.add(episode)
        if values.returned_at is not None:
            _bring_review_nearer(youth, values.returned_at, return_review_days)
        session.flush()
        store.record(session, audit.CREATE, record_type=EPISODE, record_id=episode.id,
                     detail=f"youth {youth_id}", flagged=flagged)
        return _view(episode, False)


def save_episode(store: Store, episode_id: int, expected_version: int, values: EpisodeFields,
                 now: datetime, return_review_days: int) -> EpisodeView:
    """Save an episode's reports, return and whereabouts; `EditConflict` when someone saved it
    first."""
    _check(values, now)
    with store.unit() as session:
        episode = session.get(MissingEpisode, episode_id)
        if episode is None:
            raise RecordNotFound()
        youth, flagged = youth_for_change(session, store, episode.youth_id)
        if episode.row_version != expected_version:
            raise EditConflict()
        if values.returned_at is None and episode.returned_at is None:
            other = session.scalar(select(MissingEpisode.id).where(
                MissingEpisode.youth_id == episode.youth_id, MissingEpisode.id != episode.id,
                MissingEpisode.returned_at.is_(None)))
            if other is not None:  # never two open at once
                raise InvalidInput(N_("This youth is already recorded as missing."))
        changed = [name for name in _FIELDS if getattr(values, name) != getattr(episode, name)]
        if values.returned_at is not None and episode.returned_at != values.returned_at:
            _bring_review_nearer(youth, values.returned_at, return_review_days)
        for name in changed:
            setattr(episode, name, getattr(values, name))
        session.flush()
        if changed:
            store.record(session, audit.EDIT, record_type=EPISODE, record_id=episode.id,
                         detail=",".join(changed), flagged=flagged)
        return _view(episode, _debriefed(session, episode.id))


def episodes(store: Store, youth_id: int) -> list[EpisodeView]:
    """The youth's episodes, the latest first (viewing them is audited)."""
    with store.unit() as session:
        _youth, flagged = access.youth_for(session, store.user, youth_id)
        rows = session.execute(
            select(MissingEpisode, ReturnDebrief.completed_at)
            .outerjoin(ReturnDebrief, ReturnDebrief.episode_id == MissingEpisode.id)
            .where(MissingEpisode.youth_id == youth_id)
            .order_by(MissingEpisode.missing_at.desc())).all()
        for episode, _done in rows:
            store.record(session, audit.VIEW, record_type=EPISODE, record_id=episode.id,
                         flagged=flagged)
        return [_view(episode, done is not None) for episode, done in rows]


def alerts(store: Store, now: datetime, debrief_days: int) -> dict[int, frozenset[str]]:
    """The flags of every youth the signed-in person may see who has any, by youth id."""
    with store.unit() as session:
        rows = session.execute(
            select(MissingEpisode, ReturnDebrief.completed_at)
            .join(Youth, Youth.id == MissingEpisode.youth_id)
            .outerjoin(ReturnDebrief, ReturnDebrief.episode_id == MissingEpisode.id)
            .where(access.visible_youth(store.user))
            .where(MissingEpisode.returned_at.is_(None) | ReturnDebrief.completed_at.is_(None)
                   | MissingEpisode.police_reported_at.is_(None)
                   | MissingEpisode.ncmec_reported_at.is_(None)))
        found: dict[int, set[str]] = {}
        for episode, done in rows:
            flags = _view(episode, done is not None).flags(now, debrief_days)
            if flags:
                found.setdefault(episode.youth_id, set()).update(flags)
        return {youth_id: frozenset(flags) for youth_id, flags in found.items()}
