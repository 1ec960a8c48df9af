"""A supervisor reads the audit trail: who did what to which record, filtered, newest first."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from casefile.store import open_store
from casefile.trail import audit_view
from desktop.admin.audit_dialog import AuditTrailDialog
from desktop.admin.audit_model import Column
from tests.desktop.account_steps import (
    add_account_directly,
    choose,
    click,
    click_row,
    open_dialog,
    restart,
    sign_in,
)
from tests.desktop.conftest import PASSWORD
from tests.desktop.helpers import add_youth, complete_setup, type_into, wait_saved, workspace


def _rows(dialog: Any) -> list[tuple[str, str, str, str]]:
    model = dialog.model
    return [tuple(model.index(r, c).data() for c in (Column.STAFF, Column.ACTION, Column.RECORD,
                                                     Column.NOTE))
            for r in range(model.rowCount())]


def _team(qtbot: QtBot, start_shell: Any, data_dir: Path) -> Any:
    """Ada sets up; Sue supervises Cam, who adds two youth and edits one. Returns a shell."""
    shell = start_shell()
    complete_setup(qtbot, shell)
    shell.close()
    sue = add_account_directly(data_dir, "sue", "Sue Supervisor", {"supervisor"})
    add_account_directly(data_dir, "cam", "Cam Caseworker", {"caseworker"}, supervisor_id=sue)
    shell = start_shell()
    sign_in(qtbot, shell, "cam")
    add_youth(qtbot, shell, "Jordan Sample")
    type_into(qtbot, workspace(shell).profile.pronouns, "they/them")
    wait_saved(qtbot, shell)
    add_youth(qtbot, shell, "Riley Example")
    return restart(start_shell, shell)


def test_supervisor_sees_who_did_what_and_filters_by_staff_and_youth(
    qtbot: QtBot, start_shell: Any, data_dir: Path
) -> None:
    shell = _team(qtbot, start_shell, data_dir)
    sign_in(qtbot, shell, "sue")
    assert not shell.account_menus.admin_menu.menuAction().isVisible()
    dialog = open_dialog(shell, "audit_action")
    rows = _rows(dialog)
    assert rows[0] == ("Sue Supervisor", "Audit trail viewed", "Audit trail", "")  # newest first
    assert rows[1] == ("Sue Supervisor", "Signed in", "", "")
    assert ("Cam Caseworker", "Youth added", "Youth #1", "") in rows
    assert ("Cam Caseworker", "Profile edited", "Youth #1", "") in rows
    assert ("Cam Caseworker", "Youth added", "Youth #2", "") in rows
    assert ("Cam Caseworker", "Signed in", "", "") in rows
    assert all(row[3] == "" for row in rows)  # no emergency access yet
    assert dialog.count.text() == f"{len(rows)} entries shown"
    time_text = dialog.model.index(0, Column.TIME).data()
    assert time_text and any(ch.isdigit() for ch in time_text)

    choose(dialog.staff, "Cam Caseworker")
    assert {row[0] for row in _rows(dialog)} == {"Cam Caseworker"}
    choose(dialog.staff, "Everyone")
    type_into(qtbot, dialog.youth.lineEdit(), "Jordan")
    click(qtbot, dialog.search_button)
    youth_rows = _rows(dialog)
    assert youth_rows and {row[2] for row in youth_rows} == {"Youth #1"}
    assert [row[1] for row in youth_rows] == ["Profile edited", "Youth added"]
    choose(dialog.youth, "Riley Example (#2)")
    assert [row[1:3] for row in _rows(dialog)] == [("Youth added", "Youth #2")]
    type_into(qtbot, dialog.youth.lineEdit(), "#1")
    click(qtbot, dialog.search_button)
    assert {row[2] for row in _rows(dialog)} == {"Youth #1"}
    dialog.close()
    shell.close()

    store = open_store(data_dir, "sue", PASSWORD)
    try:
        views = [row for row in audit_view.list_entries(store, staff_id=store.user.id)
                 if row.record_type == audit_view.AUDIT]
    finally:
        store.close()
    # each search is recorded with its filters (ids, never names); newest first, this one too
    assert [view.detail for view in views] == [
        "staff 2", "youth 1", "youth 2", "youth 1", "all", "staff 3", "all"]


def test_older_entries_load_a_page_at_a_time(
    qtbot: QtBot, start_shell: Any, data_dir: Path
) -> None:
    shell = _team(qtbot, start_shell, data_dir)
    sign_in(qtbot, shell, "sue")
    dialog = AuditTrailDialog(shell.workspace.session, shell, page=3)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.model.rowCount() == 3
    assert dialog.more_button.isEnabled()
    first_ids = [row.id for row in dialog.model.rows]
    click(qtbot, dialog.more_button)
    ids = [row.id for row in dialog.model.rows]
    assert len(ids) == 6 and ids[:3] == first_ids
    assert ids == sorted(ids, reverse=True)
    while dialog.more_button.isEnabled():
        click(qtbot, dialog.more_button)
    assert [row.id for row in dialog.model.rows][-1] == 1  # down to the very first entry
    dialog.close()
    shell.close()


def test_caseworkers_have_no_audit_trail(qtbot: QtBot, start_shell: Any, data_dir: Path) -> None:
    shell = _team(qtbot, start_shell, data_dir)
    sign_in(qtbot, shell, "cam")
    assert not shell.account_menus.supervision_menu.menuAction().isVisible()
    assert not shell.account_menus.admin_menu.menuAction().isVisible()
    shell.close()


def test_each_action_is_named_for_what_it_was(
    qtbot: QtBot, start_shell: Any, data_dir: Path
) -> None:
    """Issue 8: adding an account read "Account changed" and closing a case "Edited"."""
    from tests.desktop.test_admin import _add_account

    shell = start_shell()
    complete_setup(qtbot, shell)
    accounts_dialog = open_dialog(shell, "accounts_action")
    _add_account(qtbot, accounts_dialog, "Sue Supervisor", "sue", PASSWORD,
                 ("supervisor", "caseworker"))
    click_row(qtbot, accounts_dialog.table, "Sue Supervisor")
    click(qtbot, accounts_dialog.enable_button)  # disable …
    click(qtbot, accounts_dialog.child.findChild(type(accounts_dialog.add_button), "yes"))
    click(qtbot, accounts_dialog.enable_button)  # … and enable again
    click(qtbot, accounts_dialog.reset_button)
    type_into(qtbot, accounts_dialog.child.new, PASSWORD)
    type_into(qtbot, accounts_dialog.child.repeat, PASSWORD)
    click(qtbot, accounts_dialog.child.ok_button)
    accounts_dialog.close()
    shell.close()
    sue = open_store(data_dir, "sue", PASSWORD)
    sue_id = sue.user.id
    sue.close()
    add_account_directly(data_dir, "cam", "Cam Caseworker", {"caseworker"}, supervisor_id=sue_id)

    shell = start_shell()
    sign_in(qtbot, shell, "sue")
    add_youth(qtbot, shell, "Jordan Sample")
    profile = workspace(shell).profile
    choose(profile.caseworker_id, "Cam Caseworker")
    wait_saved(qtbot, shell)
    click(qtbot, profile.status_button)  # Close case
    click(qtbot, profile.status_button)  # Reopen case
    dialog = open_dialog(shell, "audit_action")
    titles = [row[1] for row in _rows(dialog)]
    dialog.close()
    shell.close()
    assert titles[:6] == ["Audit trail viewed", "Case reopened", "Case closed",
                          "Youth reassigned", "Youth added", "Signed in"]
    for title in ("Account added", "Account disabled", "Account enabled", "Password reset"):
        assert title in titles
    assert "Account changed" not in titles and "Edited" not in titles


def test_a_record_of_the_plan_or_the_needs_is_named_in_the_readers_language() -> None:
    from datetime import datetime

    from desktop.admin.audit_model import record_text
    from desktop.operations.types import AuditRow
    from i18n import set_language

    def row(record_type: str, record_id: int | None) -> AuditRow:
        return AuditRow(1, datetime(2026, 12, 5), 1, "Ada", "view", record_type, record_id, "",
                        False)

    try:
        assert record_text(row("needs-assessment", 12)) == "Needs assessment #12"
        assert record_text(row("due-list", None)) == "What is due this week"
        set_language("ar")
        assert record_text(row("referral", 3)) == "إحالة رقم 3"
        assert record_text(row("a-newer-kind", 4)) == "a-newer-kind #4"  # as written
    finally:
        set_language("en")
