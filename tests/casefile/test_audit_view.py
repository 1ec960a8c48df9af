"""Reading the audit trail: supervisors only, newest first, filtered, a page at a time."""

from __future__ import annotations

import pytest

from casefile import accounts, audit, audit_view
from casefile.errors import NotPermitted
from casefile.store import Store, open_store
from casefile.youth import YouthFields, create_youth, get_youth
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
