"""Reading the audit trail: supervisors only, newest first, filtered, a page at a time."""

from __future__ import annotations

import pytest

from casefile.cases.youth import YouthFields, create_youth, get_youth
from casefile.errors import NotPermitted
from casefile.staff import accounts
from casefile.store import Store, open_store
from casefile.trail import audit, audit_view
from tests.casefile.conftest import ADMIN_PASSWORD


def _supervisor(store: Store) -> Store:
    accounts.add_account(store, "sue", "Sue Supervisor", {"supervisor"}, ADMIN_PASSWORD)
    return open_store(store.paths.data_dir, "sue", ADMIN_PASSWORD)


def test_only_supervisors_read_the_trail(store: Store) -> None:
    with pytest.raises(NotPermitted):
        audit_view.list_entries(store)
    with pytest.raises(NotPermitted):
        audit_view.staff_names(store)


def test_entries_newest_first_filtered_and_paged(store: Store) -> None:
    first = create_youth(store, YouthFields(legal_name="First Youth")).id
    second = create_youth(store, YouthFields(legal_name="Second Youth")).id
    get_youth(store, first)
    sue = _supervisor(store)
    try:
        rows = audit_view.list_entries(sue)
        assert [row.id for row in rows] == sorted((row.id for row in rows), reverse=True)
        assert (rows[0].action, rows[0].record_type) == (audit.VIEW, audit_view.AUDIT)
        about_first = audit_view.list_entries(sue, youth_id=first)
        assert [row.action for row in about_first] == [audit.VIEW, audit.CREATE]
        assert all(row.staff_name == "Ada Admin" for row in about_first)
        assert [r.record_id for r in audit_view.list_entries(sue, youth_id=second)] == [second]
        by_sue = audit_view.list_entries(sue, staff_id=sue.user.id)
        assert {row.staff_name for row in by_sue} == {"Sue Supervisor"}
        page = audit_view.list_entries(sue, limit=2)
        rest = audit_view.list_entries(sue, limit=1000, before_id=page[-1].id)
        everything = audit_view.list_entries(sue, limit=1000)
        assert [r.id for r in page + rest] == [r.id for r in everything][1:]  # one more view
        text = " ".join(f"{r.detail} {r.staff_name}" for r in everything)
        assert "First Youth" not in text and "Second Youth" not in text
    finally:
        sue.close()


def _action_constants() -> dict[str, str]:
    not_actions = {"YOUTH", "STAFF"}
    return {name: value for name, value in vars(audit).items()
            if name.isupper() and isinstance(value, str) and name not in not_actions}


def test_every_action_has_a_title_of_its_own() -> None:
    from casefile.trail.audit_labels import all_titles, entry_title

    for name, action in _action_constants().items():
        assert entry_title(action) is not None, f"audit.{name} has no title"
    titles = all_titles()
    assert len(titles) == len(set(titles))  # no two kinds of entry read the same
    assert entry_title("from-a-newer-waymark") is None


def test_entries_are_named_for_what_was_done(store: Store) -> None:
    from casefile.cases.youth import set_status, update_youth
    from casefile.db.models.youth import CLOSED, OPEN

    accounts.add_account(store, "cam", "Cam Caseworker", {"caseworker"}, ADMIN_PASSWORD)
    cam = next(a for a in accounts.list_accounts(store) if a.login == "cam")
    accounts.set_active(store, cam.id, False)
    accounts.set_active(store, cam.id, True)
    accounts.reset_password(store, cam.id, ADMIN_PASSWORD)
    accounts.add_account(store, "sue", "Sue Supervisor", {"supervisor", "caseworker"},
                         ADMIN_PASSWORD)
    sue = open_store(store.paths.data_dir, "sue", ADMIN_PASSWORD)
    try:
        youth = create_youth(sue, YouthFields(legal_name="Jordan Sample",
                                              caseworker_id=sue.user.id))
        closed = set_status(sue, youth.id, youth.row_version, CLOSED)
        reopened = set_status(sue, youth.id, closed.row_version, OPEN)
        update_youth(sue, youth.id, reopened.row_version,
                     {"caseworker_id": None, "pronouns": "they/them"})
        rows = audit_view.list_entries(sue, limit=1000)
    finally:
        sue.close()
    titles = [row.title for row in reversed(rows)]
    assert [title for title in titles if title in {
        "Youth added", "Case closed", "Case reopened", "Account added", "Account disabled",
        "Account enabled", "Password reset", "Youth reassigned", "Profile edited",
    }] == ["Account added", "Account disabled", "Account enabled", "Password reset",
           "Account added", "Youth added", "Case closed", "Case reopened", "Youth reassigned",
           "Profile edited"]
    reassigned = next(row for row in rows if row.action == audit.REASSIGN)
    assert reassigned.detail == f"caseworker {reassigned.staff_id} to -"  # ids, never names
    edited = next(row for row in rows if row.action == audit.EDIT)
    assert edited.detail == "pronouns"


def test_entries_from_before_the_finer_names_still_read_right() -> None:
    from casefile.trail.audit_labels import entry_title

    assert entry_title(audit.EDIT, audit.YOUTH, "status", 1) == "Case closed or reopened"
    assert entry_title(audit.EDIT, audit.YOUTH, "caseworker_id,pronouns", 1) == "Profile edited"
    assert entry_title(audit.CREATE, audit.YOUTH, "250 synthetic youth") == "Demo youth added"
    assert entry_title(audit.ACCOUNT, audit.STAFF, "roles caseworker; supervisor -", 2) == (
        "Account details changed")
    assert entry_title(audit.PASSWORD, audit.STAFF, "changed by its owner", 2) == (
        "Password changed")


def test_every_kind_of_record_the_plan_and_the_needs_write_has_a_name_in_the_viewer() -> None:
    """The viewer names a record in the reader's language ("Needs assessment #12"), never by
    the code's word for it; casefile cannot import the record types, so this keeps them in step."""
    from casefile.trail.audit_labels import RECORD_KINDS, RECORD_NAMES
    from planning import debrief, missing, plans
    from services_needs import assessments, directory, documents, due, goals, referrals

    written = {plans.PLAN, missing.EPISODE, debrief.DEBRIEF, assessments.ASSESSMENT, goals.GOAL,
               goals.STEP, referrals.REFERRAL, documents.DOCUMENT, directory.SERVICE}
    assert written == set(RECORD_NAMES)
    assert due.DUE_LIST in RECORD_KINDS and all("{id}" in name for name in RECORD_NAMES.values())
