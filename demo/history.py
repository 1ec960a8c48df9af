"""A made-up history for demo plans, so a trainee sees a plan kept over time: about four in ten
of the demo drafts are agreed (signed by the young person, or recorded as declined), some have
a second version with one answer changed and a safe person added, some a draft of changes
after that; their reviews fall due, some overdue. A few youth are missing from care now (one in
three without the NCMEC report recorded after 24 hours), a few have just come back with the
debrief not done, a few have come back and been debriefed. Nothing here is a real person."""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import insert, select, update

from casefile.db.models import Youth
from casefile.db.models.base import utcnow
from casefile.db.models.youth import OPEN
from casefile.store import Store
from casefile.trail import audit
from planning.episode_models import MissingEpisode, ReturnDebrief
from planning.models import AGREED, DRAFT, Plan, PlanAgreement, PlanItem, PlanSection
from planning.plans import PLAN

AGREED_SHARE, SECOND_SHARE, REDRAFT_SHARE = 0.4, 0.4, 0.3
MISSING_SHARE, RETURNED_SHARE, DEBRIEFED_SHARE = 0.02, 0.02, 0.02
_CHANGED = {"en": "I fix bikes and help at the bike shop on Saturdays.",
            "es": "Arreglo bicicletas y ayudo en el taller los sábados."}
_ADDED = ("Ms. Pat Example", "my teacher", "555-0142", "She will let me stay after school.")


def add_demo_history(store: Store, seed: int | None = None) -> None:
    rng = random.Random(None if seed is None else f"history-{seed}")
    now = utcnow()
    with store.unit() as session:
        drafts = session.execute(select(Plan.id, Plan.youth_id, Plan.created_at,
                                        Youth.preferred_language)
                                 .join(Youth, Youth.id == Plan.youth_id)
                                 .where(Plan.status == DRAFT, Youth.status == OPEN)
                                 .order_by(Plan.id)).all()
        agreed = [row for row in drafts if rng.random() < AGREED_SHARE]
        seconds: list[tuple[int, int, str, datetime]] = []
        for plan_id, youth_id, _created, language in agreed:
            when = now - timedelta(days=rng.randint(5, 160))  # some reviews now overdue
            _agree(session, store, rng, plan_id, youth_id, 1, when)
            if rng.random() < SECOND_SHARE:
                seconds.append((plan_id, youth_id, language, when))
        for plan_id, youth_id, language, when in seconds:
            later = min(when + timedelta(days=rng.randint(20, 80)), now)
            second = _copy(session, plan_id, youth_id, later, language, store.user.id)
            _agree(session, store, rng, second, youth_id, 2, later)
            if rng.random() < REDRAFT_SHARE:
                _copy(session, second, youth_id, now, language, store.user.id, draft=True)
        youth = session.scalars(select(Youth.id).where(Youth.status == OPEN)
                                .order_by(Youth.id)).all()
        _add_episodes(session, rng, list(youth), now, store.user.id)
        store.record(session, audit.CREATE, record_type=PLAN,
                     detail=f"{len(agreed)} synthetic agreements, {len(seconds)} second versions")


def _agree(session: Any, store: Store, rng: random.Random, plan_id: int, youth_id: int,
           number: int, when: datetime) -> None:
    review = (when + timedelta(days=90)).date()
    session.execute(update(Plan).where(Plan.id == plan_id).values(
        status=AGREED, version=number, agreed_at=when, agreed_by=store.user.id,
        review_on=review, created_at=when - timedelta(days=2), updated_at=when))
    declined = rng.random() < 0.1
    session.execute(insert(PlanAgreement).values(
        plan_id=plan_id, youth_name="" if declined else "(signed)",
        youth_signed_on=None if declined else when.date(), youth_declined=declined,
        caseworker_name=store.user.display_name, caseworker_signed_on=when.date(),
        helpers="", copies=""))
    session.execute(update(Youth).where(Youth.id == youth_id).values(review_due_on=review))


def _copy(session: Any, source: int, youth_id: int, when: datetime, language: str,
          staff_id: int, draft: bool = False) -> int:
    """A new plan from `source`'s items (lineage kept); a second version changes the first
    answer and adds a safe person, a draft of changes only copies."""
    plan_id = int(session.scalar(insert(Plan).returning(Plan.id).values(
        youth_id=youth_id, status=DRAFT, created_by=staff_id, created_at=when,
        updated_at=when, based_on=source)))
    rows = session.scalars(select(PlanItem).where(PlanItem.plan_id == source)
                           .order_by(PlanItem.id)).all()
    items = [{"plan_id": plan_id, "section": i.section, "kind": i.kind,
              "content_key": i.content_key, "position": i.position, "data": i.data,
              "voice": i.voice, "keep_off_print": i.keep_off_print, "lineage": i.lineage,
              "created_at": when, "updated_at": when, "row_version": 1} for i in rows]
    if not draft:
        if items:
            items[0]["data"] = json.dumps({"text": _CHANGED.get(language, _CHANGED["en"])},
                                          ensure_ascii=False)
        name, relationship, phone, will_do = _ADDED
        items.append({"plan_id": plan_id,
                      "section": "safe-people", "kind": "person", "content_key": "",
                      "position": 9, "voice": "youth", "keep_off_print": False,
                      "lineage": f"d{plan_id}.added", "created_at": when, "updated_at": when,
                      "row_version": 1, "data": json.dumps({
                          "name": name, "relationship": relationship, "phone": phone,
                          "will_do": will_do})})
    if items:
        session.execute(insert(PlanItem), items)
    states = session.execute(select(PlanSection.section, PlanSection.state)
                             .where(PlanSection.plan_id == source)).all()
    if states:
        session.execute(insert(PlanSection), [{"plan_id": plan_id, "section": section,
                                               "state": state} for section, state in states])
    return plan_id


def _add_episodes(session: Any, rng: random.Random, youth: list[int], now: datetime,
                  staff_id: int) -> None:
    episodes: list[dict[str, Any]] = []
    debriefed: list[int] = []
    for youth_id in youth:
        roll = rng.random()
        if roll < MISSING_SHARE:  # missing now; a third without the NCMEC report after 24 h
            gone = now - timedelta(hours=rng.randint(3, 60))
            late = rng.random() < 0.34
            episodes.append(_episode(youth_id, gone, None, staff_id, ncmec=not late))
        elif roll < MISSING_SHARE + RETURNED_SHARE + DEBRIEFED_SHARE:
            gone = now - timedelta(days=rng.randint(2, 30), hours=rng.randint(0, 23))
            back = min(gone + timedelta(hours=rng.randint(10, 70)), now - timedelta(hours=1))
            episodes.append(_episode(youth_id, gone, back, staff_id, ncmec=True))
            if roll >= MISSING_SHARE + RETURNED_SHARE:
                debriefed.append(len(episodes) - 1)
            due = (back + timedelta(days=7)).date()
            session.execute(update(Youth).where(Youth.id == youth_id)
                            .values(review_due_on=due))
    if not episodes:
        return
    ids = session.scalars(insert(MissingEpisode).returning(
        MissingEpisode.id, sort_by_parameter_order=True), episodes).all()
    if debriefed:
        session.execute(insert(ReturnDebrief), [{
            "episode_id": ids[n], "before_leaving": "(made up) Arguments at home.",
            "while_away": "(made up) Stayed with a friend.", "would_help": "(made up) Time "
            "with my aunt.", "screen": "{}", "notes": "", "completed_by": staff_id,
            "completed_at": episodes[n]["returned_at"] + timedelta(days=1),
            "created_at": now, "updated_at": now, "row_version": 1} for n in debriefed])


def _episode(youth_id: int, gone: datetime, back: datetime | None, staff_id: int,
             ncmec: bool) -> dict[str, Any]:
    return {"youth_id": youth_id, "missing_at": gone,
            "police_reported_at": gone + timedelta(hours=1),
            "police_report_number": f"DEMO-PD-{youth_id:05d}",
            "ncmec_reported_at": gone + timedelta(hours=3) if ncmec else None,
            "ncmec_report_number": f"DEMO-NCMEC-{youth_id:05d}" if ncmec else "",
            "returned_at": back, "whereabouts": "", "created_by": staff_id,
            "created_at": gone, "updated_at": back or gone, "row_version": 1}
