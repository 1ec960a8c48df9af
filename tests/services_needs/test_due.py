"""What is due: a caseworker sees their own youth's overdue and coming steps and referral
follow-ups, a supervisor their team's, nobody else's; done, declined, set-aside and closed work
is not due; the youth list's flags say which youth have something overdue."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from casefile.cases.youth import YouthFields, create_youth, get_youth, set_status
from casefile.db.models.youth import CLOSED
from casefile.staff.accounts import add_account
from casefile.store import CASEWORKER, SUPERVISOR, Store, open_store
from services_needs import due, goals, referrals, steps
from services_needs.goals import DONE, SET_ASIDE, StepFields
from services_needs.referrals import COMPLETED, MADE, ReferralFields

PASSWORD = "a long enough password"
TODAY = date(2027, 3, 10)


@pytest.fixture
def team(store: Store) -> None:
    """Sue supervises Cam and Dee; Eve is on no one's team."""
    sue = add_account(store, "sue", "Sue Supervisor", {SUPERVISOR}, PASSWORD)
    add_account(store, "cam", "Cam Caseworker", {CASEWORKER}, PASSWORD, sue)
    add_account(store, "dee", "Dee Caseworker", {CASEWORKER}, PASSWORD, sue)
    add_account(store, "eve", "Eve Elsewhere", {CASEWORKER}, PASSWORD)


def _as(data_dir: Path, login: str) -> Store:
    return open_store(data_dir, login, PASSWORD)


def _work(data_dir: Path, login: str, name: str, due_on: date, follow_up: date | None = None,
          preferred: str = "") -> int:
    """A youth of `login` with one step due on `due_on` (and a referral to follow up)."""
    store = _as(data_dir, login)
    try:
        youth = create_youth(store, YouthFields(legal_name=name, preferred_name=preferred)).id
        goal = goals.add_goal(store, youth, "housing", "A place of my own")
        steps.add_step(store, goal.id, StepFields(f"Step of {name}", due_on=due_on), TODAY)
        if follow_up is not None:
            referrals.add_referral(store, goal.id, TODAY, service_name=f"Service for {name}",
                                   values=ReferralFields(MADE, follow_up_on=follow_up))
        return youth
    finally:
        store.close()


def _items(data_dir: Path, login: str, today: date = TODAY) -> list[tuple[str, str, bool]]:
    store = _as(data_dir, login)
    try:
        return [(item.youth_name, item.what, item.overdue)
                for item in due.due_items(store, today)]
    finally:
        store.close()


def test_a_caseworker_sees_their_own_and_a_supervisor_the_teams(
    team: None, data_dir: Path
) -> None:
    _work(data_dir, "cam", "Cam's Youth", date(2027, 3, 1), preferred="Sky")
    _work(data_dir, "dee", "Dee's Youth", date(2027, 3, 17), follow_up=date(2027, 3, 15))
    _work(data_dir, "eve", "Eve's Youth", date(2027, 3, 9))
    assert _items(data_dir, "cam") == [("Sky", "Step of Cam's Youth", True)]
    assert _items(data_dir, "dee") == [("Dee's Youth", "Service for Dee's Youth", False),
                                       ("Dee's Youth", "Step of Dee's Youth", False)]
    assert _items(data_dir, "sue") == [("Sky", "Step of Cam's Youth", True),
                                       ("Dee's Youth", "Service for Dee's Youth", False),
                                       ("Dee's Youth", "Step of Dee's Youth", False)]
    assert [what for _, what, _ in _items(data_dir, "eve")] == ["Step of Eve's Youth"]
    # a week on, Dee's are overdue; a step nine days ahead is beyond the week
    assert _items(data_dir, "dee", date(2027, 3, 18))[0][2]
    assert _items(data_dir, "dee", date(2027, 3, 8)) == [
        ("Dee's Youth", "Service for Dee's Youth", False)]


def test_done_declined_set_aside_and_closed_work_is_not_due(store: Store) -> None:
    youth = create_youth(store, YouthFields(legal_name="Jordan")).id
    goal = goals.add_goal(store, youth, "housing", "A place of my own")
    done = steps.add_step(store, goal.id, StepFields("Done one", due_on=date(2027, 3, 1)), TODAY)
    steps.save_step(store, done.id, done.version, replace(done.fields(), status=DONE), TODAY)
    referral = referrals.add_referral(store, goal.id, TODAY, service_name="Clinic",
                                      values=ReferralFields(follow_up_on=date(2027, 3, 2)))
    referrals.save_referral(store, referral.id, referral.version,
                            replace(referral.fields(), status=COMPLETED), TODAY)
    other = goals.add_goal(store, youth, "education", "Finish school")
    steps.add_step(store, other.id, StepFields("Enrol", due_on=date(2027, 3, 3)), TODAY)
    assert due.overdue_by_youth(store, TODAY) == {youth: {due.STEP_OVERDUE}}
    goals.save_goal(store, other.id, other.version, status=SET_ASIDE)
    assert due.due_items(store, TODAY) == []
    assert due.overdue_by_youth(store, TODAY) == {}
    late = referrals.add_referral(store, goal.id, TODAY, service_name="Lawyer",
                                  values=ReferralFields(follow_up_on=date(2027, 3, 9)))
    assert due.overdue_by_youth(store, TODAY) == {youth: {due.REFERRAL_OVERDUE}}
    assert [i.kind for i in due.due_items(store, TODAY)] == [due.REFERRAL]
    assert late.overdue(TODAY)
    set_status(store, youth, get_youth(store, youth).row_version, CLOSED)
    assert due.due_items(store, TODAY) == [] and due.overdue_by_youth(store, TODAY) == {}


def test_the_youth_lists_flags_name_steps_and_referrals_apart(store: Store) -> None:
    youth = create_youth(store, YouthFields(legal_name="Jordan")).id
    goal = goals.add_goal(store, youth, "housing", "A place of my own")
    steps.add_step(store, goal.id, StepFields("Today", due_on=TODAY), TODAY)
    assert due.overdue_by_youth(store, TODAY) == {}  # due today is not overdue yet
    assert due.overdue_by_youth(store, date(2027, 3, 11)) == {youth: {due.STEP_OVERDUE}}
    referrals.add_referral(store, goal.id, TODAY, service_name="Clinic",
                           values=ReferralFields(follow_up_on=date(2027, 3, 10)))
    assert due.overdue_by_youth(store, date(2027, 3, 11)) == {
        youth: {due.STEP_OVERDUE, due.REFERRAL_OVERDUE}}
