"""Goals in the young person's words and the steps towards them: added, changed and removed with
row versions, a due date in the past kept and overdue at once, done recording its day, a closed
case refused, and the audit trail naming fields, never words."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from casefile.cases.youth import YouthFields, create_youth, get_youth, set_status
from casefile.db.models import AuditEntry
from casefile.db.models.youth import CLOSED
from casefile.errors import EditConflict, InvalidInput, RecordNotFound
from casefile.store import Store
from services_needs import goals, steps
from services_needs.goals import DONE, NOT_NEEDED, StepFields

TODAY = date(2027, 3, 10)
WORDS = "Get my own place by the summer 🏠"


def _youth(store: Store, name: str = "Jordan") -> int:
    return create_youth(store, YouthFields(legal_name=name)).id


def _audit(store: Store) -> list[tuple[str, str, str]]:
    with store.unit() as session:
        return [(e.action, e.record_type, e.detail) for e in session.scalars(
            select(AuditEntry).where(AuditEntry.record_type.in_(
                (goals.GOAL, goals.STEP))).order_by(AuditEntry.id))]


def test_a_goal_with_two_steps_is_read_back_in_order_with_owners_and_dates(store: Store) -> None:
    youth = _youth(store)
    goal = goals.add_goal(store, youth, "housing", WORDS)
    first = steps.add_step(store, goal.id, StepFields(
        "Fill in the housing form", "youth", "", date(2027, 3, 20)), TODAY)
    second = steps.add_step(store, goal.id, StepFields(
        "Call the landlord", "provider", "Ms. Ortega — رنا", None), TODAY)
    [read] = goals.goals(store, youth)
    assert (read.domain, read.words, read.status) == ("housing", WORDS, goals.OPEN)
    assert [s.words for s in read.steps] == ["Fill in the housing form", "Call the landlord"]
    assert read.steps[0] == first and read.steps[1] == second
    assert second.owner_name == "Ms. Ortega — رنا" and second.due_on is None  # none invented
    assert not first.overdue(TODAY) and first.overdue(date(2027, 3, 21))
    assert not first.overdue(date(2027, 3, 20))  # due today is due, not overdue


def test_a_due_date_in_the_past_is_kept_and_the_step_is_overdue_at_once(store: Store) -> None:
    goal = goals.add_goal(store, _youth(store), "education", "Finish my GED")
    late = steps.add_step(store, goal.id, StepFields("Sign up for the class",
                                                     due_on=date(2027, 2, 1)), TODAY)
    assert late.due_on == date(2027, 2, 1) and late.overdue(TODAY)


def test_done_records_its_day_and_undoing_clears_it(store: Store) -> None:
    goal = goals.add_goal(store, _youth(store), "physical-health", "See a dentist")
    step = steps.add_step(store, goal.id, StepFields("Book it", due_on=date(2027, 3, 1)), TODAY)
    step = steps.save_step(store, step.id, step.version, replace(step.fields(), status=DONE),
                           TODAY)
    assert step.done_on == TODAY and not step.overdue(TODAY)
    later = date(2027, 4, 1)  # saving other words later keeps the day it was done
    step = steps.save_step(store, step.id, step.version,
                           replace(step.fields(), words="Book it (done)"), later)
    assert step.done_on == TODAY
    step = steps.save_step(store, step.id, step.version,
                           replace(step.fields(), status=NOT_NEEDED), later)
    assert step.done_on is None and not step.overdue(later)


def test_a_save_against_an_older_version_is_refused_and_nothing_is_overwritten(
    store: Store
) -> None:
    goal = goals.add_goal(store, _youth(store), "housing", WORDS)
    mine = goals.save_goal(store, goal.id, goal.version, words="A place of my own")
    with pytest.raises(EditConflict):
        goals.save_goal(store, goal.id, goal.version, words="Someone else's words")
    assert goals.goal_now(store, goal.id).words == "A place of my own"
    step = steps.add_step(store, goal.id, StepFields("Call"), TODAY)
    steps.save_step(store, step.id, step.version, replace(step.fields(), words="Call twice"),
                    TODAY)
    with pytest.raises(EditConflict):
        steps.save_step(store, step.id, step.version, replace(step.fields(), words="x"), TODAY)
    with pytest.raises(EditConflict):
        steps.remove_step(store, step.id, step.version)
    assert steps.step_now(store, step.id).words == "Call twice"
    with pytest.raises(EditConflict):
        goals.remove_goal(store, goal.id, goal.version)
    goals.remove_goal(store, goal.id, mine.version)  # with its step
    assert goals.goals(store, goal.youth_id) == []
    with pytest.raises(RecordNotFound):
        steps.step_now(store, step.id)


def test_empty_words_too_long_words_and_an_unknown_domain_are_refused_clearly(
    store: Store
) -> None:
    youth = _youth(store)
    with pytest.raises(InvalidInput, match="own words"):
        goals.add_goal(store, youth, "housing", "   ")
    with pytest.raises(InvalidInput, match="part of the young person's life"):
        goals.add_goal(store, youth, "astrology", WORDS)
    long = "x" * 10_000  # a long answer is kept whole
    goal = goals.add_goal(store, youth, "housing", long)
    assert goals.goal_now(store, goal.id).words == long
    with pytest.raises(InvalidInput, match="longer than 20000 characters"):
        goals.save_goal(store, goal.id, goal.version, words="x" * 20_001)
    with pytest.raises(InvalidInput, match="what the step is"):
        steps.add_step(store, goal.id, StepFields(""), TODAY)
    assert goals.goal_now(store, goal.id).words == long  # nothing lost


def test_a_closed_case_stays_readable_and_refuses_changes(store: Store) -> None:
    youth = _youth(store)
    goal = goals.add_goal(store, youth, "housing", WORDS)
    step = steps.add_step(store, goal.id, StepFields("Call"), TODAY)
    set_status(store, youth, get_youth(store, youth).row_version, CLOSED)
    assert goals.goals(store, youth)[0].steps == (step,)
    for change in (lambda: goals.add_goal(store, youth, "housing", "More"),
                   lambda: goals.save_goal(store, goal.id, goal.version, words="New"),
                   lambda: steps.add_step(store, goal.id, StepFields("Another"), TODAY),
                   lambda: steps.save_step(store, step.id, step.version,
                                           replace(step.fields(), status=DONE), TODAY),
                   lambda: goals.remove_goal(store, goal.id, goal.version)):
        with pytest.raises(InvalidInput, match="case is closed"):
            change()


def test_the_audit_trail_names_fields_and_never_the_young_persons_words(store: Store) -> None:
    youth = _youth(store)
    goal = goals.add_goal(store, youth, "housing", WORDS)
    step = steps.add_step(store, goal.id, StepFields("Secret step words"), TODAY)
    steps.save_step(store, step.id, step.version,
                    replace(step.fields(), words="Other secret", due_on=TODAY), TODAY)
    goals.goals(store, youth)
    trail = _audit(store)
    assert ("edit", goals.STEP, "words,due_on") in trail
    assert ("view", goals.GOAL, "") in trail
    assert {action for action, _type, _detail in trail} == {"create", "edit", "view"}
    assert not any("secret" in detail.casefold() or "place" in detail for *_, detail in trail)
