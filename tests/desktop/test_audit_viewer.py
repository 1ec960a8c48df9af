"""A supervisor reads the audit trail: who did what to which record, filtered, newest first."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from casefile import audit_view
from casefile.store import open_store
from desktop.admin.audit_dialog import AuditTrailDialog
from desktop.admin.audit_model import Column
from tests.desktop.account_steps import (
    add_account_directly,
    choose,
    click,
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
    assert rows[0] == ("Sue Supervisor", "Viewed", "Audit trail", "")  # newest first
    assert rows[1] == ("Sue Supervisor", "Signed in", "", "")
    assert ("Cam Caseworker", "Created", "Youth #1", "") in rows
    assert ("Cam Caseworker", "Edited", "Youth #1", "") in rows
    assert ("Cam Caseworker", "Created", "Youth #2", "") in rows
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
    assert [row[1] for row in youth_rows] == ["Edited", "Created"]
    choose(dialog.youth, "Riley Example (#2)")
    assert [row[1:3] for row in _rows(dialog)] == [("Created", "Youth #2")]
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
    store = shell.workspace.store
    dialog = AuditTrailDialog(store, shell, page=3)
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
