"""A youth's plan in the store: started as a draft, items added and changed exactly as typed,
kept off the printed copy by kind, conflicts refused, and an audit trail without plan text."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from casefile.cases.youth import YouthFields, create_youth
from casefile.db.models import AuditEntry
from casefile.errors import EditConflict, InvalidInput, NotPermitted
from casefile.staff.accounts import add_account
from casefile.store import Store, open_store
from planning import plans
from planning.items import MAX_VALUE_CHARS, STAFF, YOUTH
from tests.planning.conftest import ADMIN_PASSWORD

LONG = "I like to draw. " * 625  # 10,000 characters
MIXED = "Rosa 🌹 روزا 玫瑰 (my aunt)"


def _youth(store: Store, name: str = "Jordan Sample") -> int:
    return create_youth(store, YouthFields(legal_name=name)).id


def test_a_youth_has_no_plan_until_one_is_started(store: Store) -> None:
    youth = _youth(store)
    assert plans.open_plan(store, youth) is None
    assert plans.plan_states(store) == {}
    plan = plans.start_plan(store, youth)
    assert plan.status == plans.DRAFT and plan.items == ()
    assert plans.start_plan(store, youth).id == plan.id  # one draft, not two
    assert plans.plan_states(store) == {youth: plans.DRAFT}


def test_items_are_kept_exactly_as_typed_and_survive_reopening(
    store: Store, data_dir: Path
) -> None:
    youth = _youth(store)
    plan = plans.start_plan(store, youth)
    answer = plans.add_item(store, plan.id, "about-me", "answer", "strengths", {"text": LONG})
    person = plans.add_item(store, plan.id, "safe-people", "person",
                            values={"name": MIXED, "phone": "+52 (55) 1234-5678 ext. 9"})
    plans.save_item(store, person.id, person.version, values={"will_do": "Pick me up\nany time"},
                    voice=STAFF)
    store.close()
    again = open_store(data_dir, "ada", ADMIN_PASSWORD)
    try:
        reopened = plans.open_plan(again, youth)
        assert reopened is not None
        items = {item.id: item for item in reopened.items}
        assert items[answer.id].values == {"text": LONG} and len(LONG) == 10_000
        assert items[answer.id].voice == YOUTH  # the young person's words by default
        assert items[person.id].values == {"name": MIXED, "phone": "+52 (55) 1234-5678 ext. 9",
                                           "will_do": "Pick me up\nany time"}
        assert items[person.id].voice == STAFF
    finally:
        again.close()


def test_some_kinds_stay_off_the_printed_copy_until_the_youth_chooses(store: Store) -> None:
    plan = plans.start_plan(store, _youth(store))
    avoid = plans.add_item(store, plan.id, "warning-signs", "avoid-person", values={"name": "D"})
    hidden = plans.add_item(store, plan.id, "safe-places", "private-place")
    code = plans.add_item(store, plan.id, "safe-people", "code-word")
    person = plans.add_item(store, plan.id, "safe-people", "person")
    assert avoid.keep_off_print and hidden.keep_off_print and code.keep_off_print
    assert not person.keep_off_print
    shown = plans.save_item(store, code.id, code.version, keep_off_print=False)
    assert not shown.keep_off_print
    kept = plans.save_item(store, person.id, person.version, keep_off_print=True)
    assert kept.keep_off_print


def test_a_save_against_an_older_version_is_refused_and_changes_nothing(store: Store) -> None:
    plan = plans.start_plan(store, _youth(store))
    item = plans.add_item(store, plan.id, "calm-and-safe", "step", values={"text": "music"})
    plans.save_item(store, item.id, item.version, values={"text": "music, loud"})
    with pytest.raises(EditConflict):
        plans.save_item(store, item.id, item.version, values={"text": "a walk"})
    reopened = plans.open_plan(store, plan.youth_id)
    assert reopened is not None and reopened.items[0].values == {"text": "music, loud"}


def test_a_checklist_item_ticked_at_two_desks_is_on_the_plan_once(store: Store) -> None:
    plan = plans.start_plan(store, _youth(store))
    first = plans.add_item(store, plan.id, "warning-signs", "check", "gifts")
    second = plans.add_item(store, plan.id, "warning-signs", "check", "gifts")  # the other desk
    assert second.id == first.id
    plans.add_item(store, plan.id, "help-lines", "helpline", "crisis")
    plans.add_item(store, plan.id, "help-lines", "helpline", "crisis")
    reopened = plans.open_plan(store, plan.youth_id)
    assert reopened is not None
    assert [(i.kind, i.content_key) for i in reopened.items] == [
        ("helpline", "crisis"), ("check", "gifts")]


def test_an_answer_too_long_to_keep_is_refused_with_a_message(store: Store) -> None:
    plan = plans.start_plan(store, _youth(store))
    with pytest.raises(InvalidInput) as raised:
        plans.add_item(store, plan.id, "about-me", "answer", "calm",
                       {"text": "x" * (MAX_VALUE_CHARS + 1)})
    assert "Nothing was saved" in raised.value.user_message()
    reopened = plans.open_plan(store, plan.youth_id)
    assert reopened is not None and reopened.items == ()


def test_sections_are_marked_done_or_skipped_and_back(store: Store) -> None:
    plan = plans.start_plan(store, _youth(store))
    plans.set_section_state(store, plan.id, "about-me", plans.DONE)
    plans.set_section_state(store, plan.id, "warning-signs", plans.SKIPPED)
    plans.set_section_state(store, plan.id, "warning-signs", None)
    reopened = plans.open_plan(store, plan.youth_id)
    assert reopened is not None and reopened.sections == {"about-me": plans.DONE}


def test_the_audit_trail_names_records_and_fields_never_plan_text(store: Store) -> None:
    plan = plans.start_plan(store, _youth(store))
    item = plans.add_item(store, plan.id, "safe-people", "person", values={"name": "Rosa"})
    plans.save_item(store, item.id, item.version, values={"phone": "555 0100"})
    plans.open_plan(store, plan.youth_id)
    with store.unit() as session:
        entries = [(e.action, e.record_type, e.record_id, e.detail) for e in session.scalars(
            select(AuditEntry).where(AuditEntry.record_type == plans.PLAN))]
    assert ("create", "plan", plan.id, f"youth {plan.youth_id}") in entries
    assert ("create", "plan", plan.id, f"item {item.id} person in safe-people") in entries
    assert ("edit", "plan", plan.id, f"item {item.id}: phone") in entries
    assert ("view", "plan", plan.id, "") in entries
    assert not any("Rosa" in detail or "555" in detail for *_rest, detail in entries)


def test_a_caseworker_cannot_reach_another_caseworkers_youth_plan(store: Store,
                                                                  data_dir: Path) -> None:
    plan = plans.start_plan(store, _youth(store))
    add_account(store, "cam", "Cam Caseworker", {"caseworker"}, ADMIN_PASSWORD)
    cam = open_store(data_dir, "cam", ADMIN_PASSWORD)
    try:
        with pytest.raises(NotPermitted):
            plans.open_plan(cam, plan.youth_id)
        with pytest.raises(NotPermitted):
            plans.add_item(cam, plan.id, "about-me", "answer", "calm", {"text": "hi"})
    finally:
        cam.close()


def test_a_print_and_a_saved_file_are_audited_with_variant_and_language_only(
    store: Store
) -> None:
    plan = plans.start_plan(store, _youth(store))
    plans.record_print(store, plan.id, "wallet", "es")
    plans.record_print(store, plan.id, "full", "ar", saved=True)
    with store.unit() as session:
        entries = [(e.action, e.record_id, e.detail) for e in session.scalars(
            select(AuditEntry).where(AuditEntry.action.in_(["print", "export"])))]
    assert entries == [("print", plan.id, "wallet es"), ("export", plan.id, "full ar")]
