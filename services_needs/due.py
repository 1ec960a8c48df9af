"""What is due: the action steps and referral follow-ups of the youth the signed-in person works
with (a caseworker their own, a supervisor their team's), overdue or due within a few days, and
which youth have something overdue (for the youth list).

A step is due while it is to do or in progress and its goal is still being worked on; a referral
while it is neither completed nor declined. Something is overdue once its day has passed (a step
due today is due, not overdue). Closed cases have nothing due. The clock is passed in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import ColumnElement, Row, select

from casefile.db.models import Youth
from casefile.db.models.youth import CLOSED
from casefile.staff import access
from casefile.store import Store
from casefile.trail import audit
from services_needs.goals import DOING, OPEN, TO_DO
from services_needs.models import ActionStep, Goal, Referral
from services_needs.referrals import FINISHED

DUE_LIST = "due-list"  # the audit trail's record type of "someone read what is due"
STEP, REFERRAL = "step", "referral"  # what a due item is
STEP_OVERDUE = "step-overdue"  # the youth list's flags
REFERRAL_OVERDUE = "referral-overdue"
WEEK = 7


@dataclass(frozen=True)
class DueItem:
    kind: str  # STEP or REFERRAL
    record_id: int
    youth_id: int
    youth_name: str  # the name they go by
    what: str  # the step's words, or the service's name
    due_on: date  # the step's due date, or the referral's follow-up date
    overdue: bool


def _step_due(until: date) -> ColumnElement[bool]:
    return (ActionStep.status.in_((TO_DO, DOING)) & (Goal.status == OPEN)
            & ActionStep.due_on.is_not(None) & (ActionStep.due_on <= until))


def _referral_due(until: date) -> ColumnElement[bool]:
    return (Referral.status.not_in(FINISHED) & Referral.follow_up_on.is_not(None)
            & (Referral.follow_up_on <= until))


def _item(kind: str, row: Row[int, int, str, str, str, date | None],
          today: date) -> DueItem:
    record_id, youth_id, preferred, legal, what, due_on = row
    assert due_on is not None  # only rows with a date are read
    return DueItem(kind, record_id, youth_id, preferred or legal, what, due_on, due_on < today)


def due_items(store: Store, today: date, days: int = WEEK) -> list[DueItem]:
    """Steps and referral follow-ups overdue or due within `days`, soonest first (reading
    them is audited once, with how many there were)."""
    until = today + timedelta(days=days)
    mine = access.regular_access(store.user) & (Youth.status != CLOSED)
    name = Youth.preferred_name, Youth.legal_name
    with store.unit() as session:
        steps = session.execute(
            select(ActionStep.id, Youth.id, *name, ActionStep.words, ActionStep.due_on)
            .join(Goal, Goal.id == ActionStep.goal_id).join(Youth, Youth.id == Goal.youth_id)
            .where(mine, _step_due(until))).all()
        referrals = session.execute(
            select(Referral.id, Youth.id, *name, Referral.service_name, Referral.follow_up_on)
            .join(Youth, Youth.id == Referral.youth_id)
            .where(mine, _referral_due(until))).all()
        found = [_item(kind, row, today)
                 for kind, rows in ((STEP, steps), (REFERRAL, referrals)) for row in rows]
        store.record(session, audit.VIEW, record_type=DUE_LIST,
                     detail=f"{len(found)} items within {days} days")
    return sorted(found, key=lambda item: (item.due_on, item.youth_name.casefold(),
                                           item.kind != STEP, item.record_id))


def overdue_by_youth(store: Store, today: date) -> dict[int, frozenset[str]]:
    """Which youth on the signed-in person's list have a step or a referral follow-up overdue.
    Each query starts from what is overdue (the due-date indexes), not from every youth."""
    yesterday = today - timedelta(days=1)
    shown = access.visible_youth(store.user) & (Youth.status != CLOSED)
    late_steps = (select(Goal.youth_id).join(ActionStep, ActionStep.goal_id == Goal.id)
                  .where(_step_due(yesterday)))
    late_referrals = select(Referral.youth_id).where(_referral_due(yesterday))
    with store.unit() as session:
        steps = session.scalars(select(Youth.id).where(shown, Youth.id.in_(late_steps))).all()
        referrals = session.scalars(
            select(Youth.id).where(shown, Youth.id.in_(late_referrals))).all()
    found: dict[int, set[str]] = {}
    for flag, youth_ids in ((STEP_OVERDUE, steps), (REFERRAL_OVERDUE, referrals)):
        for youth_id in youth_ids:
            found.setdefault(youth_id, set()).add(flag)
    return {youth_id: frozenset(flags) for youth_id, flags in found.items()}
