"""Referrals from a goal to a service: the directory's name and phone copied when it is chosen
and kept after the service is changed or removed, a status change dated the day it happened,
an optional follow-up, conflicts refused, a closed case refused, and the audit trail."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from sqlalchemy import select

from casefile.cases.youth import YouthFields, create_youth, get_youth, set_status
from casefile.db.models import AuditEntry
from casefile.db.models.youth import CLOSED
from casefile.errors import EditConflict, InvalidInput
from casefile.store import Store
from services_needs import goals, referrals
from services_needs.models import Service
from services_needs.referrals import ACCEPTED, COMPLETED, MADE, SUGGESTED, ReferralFields

TODAY = date(2027, 3, 10)


def _service(store: Store, name: str = "Harbor Youth Housing",
             phone: str = "+1 (555) 010-4477") -> int:
    with store.unit() as session:
        service = Service(name=name, phone=phone, domains="housing")
        session.add(service)
        session.flush()
        return service.id


def _goal(store: Store) -> goals.GoalView:
    youth = create_youth(store, YouthFields(legal_name="Jordan")).id
    return goals.add_goal(store, youth, "housing", "A place of my own")


def test_a_referral_keeps_the_services_name_and_phone_after_the_directory_changes(
    store: Store
) -> None:
    goal = _goal(store)
    service = _service(store)
    referral = referrals.add_referral(store, goal.id, TODAY, service_id=service)
    assert (referral.service_name, referral.service_phone) == ("Harbor Youth Housing",
                                                               "+1 (555) 010-4477")
    assert (referral.domain, referral.youth_id, referral.status) == ("housing", goal.youth_id,
                                                                     SUGGESTED)
    with store.unit() as session:  # the directory renames it, then removes it
        row = session.get(Service, service)
        assert row is not None
        row.name, row.phone = "Harbor Housing (new name)", "555 0000"
    [read] = referrals.referrals(store, goal.youth_id)
    assert (read.service_name, read.service_phone, read.service_removed) == (
        "Harbor Youth Housing", "+1 (555) 010-4477", False)
    with store.unit() as session:
        row = session.get(Service, service)
        assert row is not None
        row.removed_at = datetime(2027, 3, 11)
    [read] = referrals.referrals(store, goal.youth_id)
    assert (read.service_name, read.service_phone, read.service_removed) == (
        "Harbor Youth Housing", "+1 (555) 010-4477", True)
    saved = referrals.save_referral(store, read.id, read.version,
                                    replace(read.fields(), notes="Still waiting"), TODAY)
    assert saved.service_name == "Harbor Youth Housing" and saved.service_removed
    with pytest.raises(InvalidInput, match="no longer in the directory"):
        referrals.add_referral(store, goal.id, TODAY, service_id=service)


def test_a_service_the_directory_does_not_list_can_be_typed(store: Store) -> None:
    goal = _goal(store)
    typed = referrals.add_referral(store, goal.id, TODAY, service_name="  Aunt's church pantry ",
                                   service_phone="555-0199")
    assert (typed.service_id, typed.service_name, typed.service_phone) == (
        None, "Aunt's church pantry", "555-0199")
    with pytest.raises(InvalidInput, match="type its name"):
        referrals.add_referral(store, goal.id, TODAY, service_name="   ")


def test_each_status_change_is_dated_the_day_it_happened(store: Store) -> None:
    goal = _goal(store)
    referral = referrals.add_referral(store, goal.id, TODAY, service_id=_service(store))
    assert (referral.status_on, referral.made_on, referral.follow_up_on) == (TODAY, None, None)
    made_day = date(2027, 3, 12)
    referral = referrals.save_referral(store, referral.id, referral.version, replace(
        referral.fields(), status=MADE, follow_up_on=date(2027, 3, 19)), made_day)
    assert (referral.status_on, referral.made_on) == (made_day, made_day)
    assert not referral.overdue(date(2027, 3, 19)) and referral.overdue(date(2027, 3, 20))
    notes_day = date(2027, 3, 15)  # notes only: the status keeps its day
    referral = referrals.save_referral(store, referral.id, referral.version,
                                       replace(referral.fields(), notes="Called"), notes_day)
    assert referral.status_on == made_day
    accepted_day = date(2027, 3, 25)
    referral = referrals.save_referral(store, referral.id, referral.version,
                                       replace(referral.fields(), status=ACCEPTED), accepted_day)
    assert (referral.status, referral.status_on, referral.made_on) == (ACCEPTED, accepted_day,
                                                                       made_day)
    assert referral.overdue(accepted_day)  # accepted, still to follow up
    referral = referrals.save_referral(store, referral.id, referral.version,
                                       replace(referral.fields(), status=COMPLETED), accepted_day)
    assert not referral.overdue(date(2027, 12, 1))


def test_a_made_day_given_by_the_person_is_kept_and_one_to_come_is_refused(store: Store) -> None:
    goal = _goal(store)
    earlier = date(2027, 3, 2)  # made last week, recorded today
    referral = referrals.add_referral(store, goal.id, TODAY, service_id=_service(store),
                                      values=ReferralFields(MADE, made_on=earlier))
    assert referral.made_on == earlier
    with pytest.raises(InvalidInput, match="day still to come"):
        referrals.save_referral(store, referral.id, referral.version,
                                replace(referral.fields(), made_on=date(2027, 3, 11)), TODAY)


def test_conflicts_a_closed_case_and_a_goal_with_referrals_are_refused(store: Store) -> None:
    goal = _goal(store)
    referral = referrals.add_referral(store, goal.id, TODAY, service_id=_service(store))
    referrals.save_referral(store, referral.id, referral.version,
                            replace(referral.fields(), notes="mine"), TODAY)
    with pytest.raises(EditConflict):
        referrals.save_referral(store, referral.id, referral.version,
                                replace(referral.fields(), notes="theirs"), TODAY)
    assert referrals.referral_now(store, referral.id).notes == "mine"
    with pytest.raises(InvalidInput, match="has referrals"):
        goals.remove_goal(store, goal.id, goal.version)
    set_status(store, goal.youth_id, get_youth(store, goal.youth_id).row_version, CLOSED)
    with pytest.raises(InvalidInput, match="case is closed"):
        referrals.add_referral(store, goal.id, TODAY, service_name="Anyone")
    assert len(referrals.referrals(store, goal.youth_id)) == 1  # still readable


def test_a_referral_removed_is_gone_and_the_trail_holds_no_words(store: Store) -> None:
    goal = _goal(store)
    referral = referrals.add_referral(store, goal.id, TODAY, service_name="Clinic",
                                      values=ReferralFields(notes="private note"))
    referral = referrals.save_referral(store, referral.id, referral.version,
                                       replace(referral.fields(), status=MADE), TODAY)
    referrals.remove_referral(store, referral.id, referral.version)
    assert referrals.referrals(store, goal.youth_id) == []
    with store.unit() as session:
        trail = [(e.action, e.detail) for e in session.scalars(
            select(AuditEntry).where(AuditEntry.record_type == referrals.REFERRAL))]
    assert [action for action, _ in trail] == ["create", "edit", "delete"]
    assert trail[1][1] == "status,status_on,made_on"
    assert not any("private" in detail or "Clinic" in detail for _, detail in trail)
