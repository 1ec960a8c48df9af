"""Action steps towards a goal: add, save and remove them (their views and names are in
`services_needs.goals`).

Marking a step done records the day (`done_on`, from the `today` passed in); marking it anything
else clears that day again. The due date is only ever what a person gave.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from casefile.errors import EditConflict, InvalidInput, RecordNotFound
from casefile.staff import access
from casefile.store import Store
from casefile.trail import audit
from i18n import N_
from services_needs.goals import (
    DONE,
    MAX_NAME,
    OWNERS,
    STEP,
    STEP_FIELDS,
    STEP_STATUSES,
    StepFields,
    StepView,
    check_words,
    goal_for_change,
    step_view,
)
from services_needs.models import ActionStep, Goal


def _check(values: StepFields) -> None:
    if values.owner not in OWNERS:
        raise ValueError(values.owner)
    if values.status not in STEP_STATUSES:
        raise ValueError(values.status)
    if not values.words.strip():
        raise InvalidInput(N_("Write what the step is before it can be saved."))
    check_words(values.words)
    if len(values.owner_name) > MAX_NAME:
        raise InvalidInput(N_("A name may be at most {count} characters."), count=MAX_NAME)


def _done_on(values: StepFields, was: date | None, today: date) -> date | None:
    if values.status != DONE:
        return None
    return was or today


def _step_for_change(session: Session, store: Store, step_id: int,
                     expected_version: int) -> tuple[ActionStep, bool]:
    step = session.get(ActionStep, step_id)
    if step is None:
        raise RecordNotFound()
    _goal, flagged = goal_for_change(session, store, step.goal_id)
    if step.row_version != expected_version:
        raise EditConflict()
    return step, flagged


def add_step(store: Store, goal_id: int, values: StepFields, today: date) -> StepView:
    """Add a step to a goal, after its others."""
    _check(values)
    with store.unit() as session:
        _goal, flagged = goal_for_change(session, store, goal_id)
        position = session.scalar(select(func.coalesce(func.max(ActionStep.position), -1) + 1)
                                  .where(ActionStep.goal_id == goal_id))
        step = ActionStep(goal_id=goal_id, position=position or 0,
                          done_on=_done_on(values, None, today),
                          **{name: getattr(values, name) for name in STEP_FIELDS})
        session.add(step)
        session.flush()
        store.record(session, audit.CREATE, record_type=STEP, record_id=step.id,
                     detail=f"goal {goal_id}", flagged=flagged)
        return step_view(step)


def save_step(store: Store, step_id: int, expected_version: int, values: StepFields,
              today: date) -> StepView:
    """Save what changed in a step; `EditConflict` when someone saved it first."""
    _check(values)
    with store.unit() as session:
        step, flagged = _step_for_change(session, store, step_id, expected_version)
        changed = [name for name in STEP_FIELDS if getattr(values, name) != getattr(step, name)]
        for name in changed:
            setattr(step, name, getattr(values, name))
        done_on = _done_on(values, step.done_on, today)
        if done_on != step.done_on:
            step.done_on = done_on
            changed.append("done_on")
        session.flush()
        if changed:
            store.record(session, audit.EDIT, record_type=STEP, record_id=step.id,
                         detail=",".join(changed), flagged=flagged)
        return step_view(step)


def remove_step(store: Store, step_id: int, expected_version: int) -> None:
    with store.unit() as session:
        if session.get(ActionStep, step_id) is None:
            return  # already gone
        step, flagged = _step_for_change(session, store, step_id, expected_version)
        session.delete(step)
        store.record(session, audit.DELETE, record_type=STEP, record_id=step_id,
                     detail=f"goal {step.goal_id}", flagged=flagged)


def step_now(store: Store, step_id: int) -> StepView:
    """A step as it is saved now (after someone else's save, for example)."""
    with store.unit() as session:
        step = session.get(ActionStep, step_id)
        if step is None:
            raise RecordNotFound()
        goal = session.get(Goal, step.goal_id)
        assert goal is not None
        access.youth_for(session, store.user, goal.youth_id)
        return step_view(step)
