"""A youth's goals, in their own words, each under one domain of their life, and what the action
steps towards each are: what, who does it, by when, and where it stands (`services_needs.steps`
adds, saves and removes them).

Every function is one unit of work on the store: it checks that the signed-in person may see the
youth (and, for a change, that the case is open), and writes the audit trail with record ids and
field names, never what the young person said. Each goal and step carries a row version; a save
made against an older one is refused with `EditConflict`, so nobody's words are silently
overwritten.

Nothing is invented: a step has no due date until someone gives one. A due date in the past is
allowed (a step can be recorded late); such a step is overdue at once. The clock is passed in
(`today`), never read here.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from casefile.errors import EditConflict, InvalidInput, RecordNotFound
from casefile.staff import access
from casefile.staff.access import youth_for_change as youth_for_change
from casefile.store import Store
from casefile.trail import audit
from i18n import N_
from services_needs.content import domain_ids
from services_needs.models import ActionStep, Goal, Referral

GOAL = "needs-goal"  # the audit trail's record types
STEP = "action-step"
MAX_WORDS = 20_000  # a long answer (10,000 characters and more) is kept whole
MAX_NAME = 200

OWNERS = ("youth", "caseworker", "caregiver", "provider")
OWNER_NAMES = {"youth": N_("The young person"), "caseworker": N_("Caseworker"),
               "caregiver": N_("Caregiver"), "provider": N_("A provider")}
TO_DO, DOING, DONE, NOT_NEEDED = "to-do", "doing", "done", "not-needed"
STEP_STATUSES = (TO_DO, DOING, DONE, NOT_NEEDED)
STEP_STATUS_NAMES = {TO_DO: N_("To do"), DOING: N_("In progress"), DONE: N_("Done"),
                     NOT_NEEDED: N_("No longer needed")}
OPEN, REACHED, SET_ASIDE = "open", "reached", "set-aside"
GOAL_STATUSES = (OPEN, REACHED, SET_ASIDE)
GOAL_STATUS_NAMES = {OPEN: N_("Working on it"), REACHED: N_("Reached"),
                     SET_ASIDE: N_("Set aside for now")}


@dataclass(frozen=True)
class StepFields:
    """What a person sets on a step (`done_on` is recorded when it is marked done)."""

    words: str
    owner: str = "youth"
    owner_name: str = ""
    due_on: date | None = None
    status: str = TO_DO


@dataclass(frozen=True)
class StepView(StepFields):
    id: int = 0
    goal_id: int = 0
    done_on: date | None = None
    version: int = 0

    @property
    def open(self) -> bool:
        """Still to be done (not done, not needed any more)."""
        return self.status in (TO_DO, DOING)

    def overdue(self, today: date) -> bool:
        return self.open and self.due_on is not None and self.due_on < today

    def fields(self) -> StepFields:
        return StepFields(**{name: getattr(self, name) for name in STEP_FIELDS})


STEP_FIELDS = tuple(f.name for f in fields(StepFields))


@dataclass(frozen=True)
class GoalView:
    id: int
    youth_id: int
    domain: str
    words: str
    status: str
    version: int
    steps: tuple[StepView, ...] = ()


def check_words(text: str, limit: int = MAX_WORDS) -> None:
    if len(text) > limit:
        raise InvalidInput(N_("This answer is longer than {count} characters. Nothing was "
                              "saved; shorten it and it will be saved."), count=limit)


def step_view(step: ActionStep) -> StepView:
    return StepView(**{name: getattr(step, name) for name in STEP_FIELDS}, id=step.id,
                    goal_id=step.goal_id, done_on=step.done_on, version=step.row_version)


def goal_view(session: Session, goal: Goal) -> GoalView:
    steps = session.scalars(select(ActionStep).where(ActionStep.goal_id == goal.id)
                            .order_by(ActionStep.position, ActionStep.id))
    return GoalView(goal.id, goal.youth_id, goal.domain, goal.words, goal.status,
                    goal.row_version, tuple(step_view(step) for step in steps))


def goal_for_change(session: Session, store: Store, goal_id: int,
                    expected_version: int | None = None) -> tuple[Goal, bool]:
    """The goal (and whether it is reached through emergency access) when it may be changed;
    `EditConflict` when `expected_version` is not the one saved."""
    goal = session.get(Goal, goal_id)
    if goal is None:
        raise RecordNotFound()
    _youth, flagged = youth_for_change(session, store, goal.youth_id)
    if expected_version is not None and goal.row_version != expected_version:
        raise EditConflict()
    return goal, flagged


def _check_goal(domain: str, words: str, status: str) -> None:
    if domain not in domain_ids():
        raise InvalidInput(N_("Choose the part of the young person's life this goal is about."))
    if status not in GOAL_STATUSES:
        raise ValueError(status)
    if not words.strip():
        raise InvalidInput(N_("Write the goal in the young person's own words first."))
    check_words(words)


def goals(store: Store, youth_id: int) -> list[GoalView]:
    """The youth's goals with their steps, in the order they were added (viewing is audited)."""
    with store.unit() as session:
        _youth, flagged = access.youth_for(session, store.user, youth_id)
        rows = session.scalars(select(Goal).where(Goal.youth_id == youth_id)
                               .order_by(Goal.position, Goal.id)).all()
        for goal in rows:
            store.record(session, audit.VIEW, record_type=GOAL, record_id=goal.id,
                         flagged=flagged)
        return [goal_view(session, goal) for goal in rows]


def add_goal(store: Store, youth_id: int, domain: str, words: str) -> GoalView:
    _check_goal(domain, words, OPEN)
    with store.unit() as session:
        _youth, flagged = youth_for_change(session, store, youth_id)
        position = session.scalar(select(func.coalesce(func.max(Goal.position), -1) + 1)
                                  .where(Goal.youth_id == youth_id))
        goal = Goal(youth_id=youth_id, domain=domain, words=words, status=OPEN,
                    position=position or 0, created_by=store.user.id)
        session.add(goal)
        session.flush()
        store.record(session, audit.CREATE, record_type=GOAL, record_id=goal.id,
                     detail=f"youth {youth_id} {domain}", flagged=flagged)
        return goal_view(session, goal)


def save_goal(store: Store, goal_id: int, expected_version: int, *, words: str | None = None,
              status: str | None = None, domain: str | None = None) -> GoalView:
    """Save what changed in a goal; `EditConflict` when someone saved it first."""
    with store.unit() as session:
        goal, flagged = goal_for_change(session, store, goal_id, expected_version)
        new = {"words": goal.words if words is None else words,
               "status": goal.status if status is None else status,
               "domain": goal.domain if domain is None else domain}
        _check_goal(new["domain"], new["words"], new["status"])
        changed = [name for name, value in new.items() if getattr(goal, name) != value]
        for name in changed:
            setattr(goal, name, new[name])
        session.flush()
        if changed:
            store.record(session, audit.EDIT, record_type=GOAL, record_id=goal.id,
                         detail=",".join(changed), flagged=flagged)
        return goal_view(session, goal)


def remove_goal(store: Store, goal_id: int, expected_version: int) -> None:
    """Remove a goal and its steps. A goal with referrals is kept: a referral is a record of
    what was asked of a service, so it is set aside instead (or its referrals removed first)."""
    with store.unit() as session:
        if session.get(Goal, goal_id) is None:
            return  # already gone
        goal, flagged = goal_for_change(session, store, goal_id, expected_version)
        if session.scalar(select(Referral.id).where(Referral.goal_id == goal_id).limit(1)):
            raise InvalidInput(N_("This goal has referrals, so it cannot be removed. Set it "
                                  "aside instead, or remove its referrals first."))
        for step in session.scalars(select(ActionStep).where(ActionStep.goal_id == goal_id)):
            session.delete(step)
            store.record(session, audit.DELETE, record_type=STEP, record_id=step.id,
                         detail=f"goal {goal_id}", flagged=flagged)
        session.flush()  # the steps before the goal they point to
        session.delete(goal)
        store.record(session, audit.DELETE, record_type=GOAL, record_id=goal_id,
                     detail=f"youth {goal.youth_id}", flagged=flagged)


def goal_now(store: Store, goal_id: int) -> GoalView:
    """A goal as it is saved now (after someone else's save, for example)."""
    with store.unit() as session:
        goal = session.get(Goal, goal_id)
        if goal is None:
            raise RecordNotFound()
        access.youth_for(session, store.user, goal.youth_id)
        return goal_view(session, goal)
