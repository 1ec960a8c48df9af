"""Emergency (break-glass) access: a supervisor opens a youth outside their team, with a reason,
for a limited time; the record says so on screen and the audit trail marks it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt

from desktop.admin.audit_model import Column
from tests.desktop.account_steps import (
    add_account_directly,
    click,
    open_dialog,
    restart,
    sign_in,
)
from tests.desktop.helpers import add_youth, complete_setup, type_into, wait_saved, workspace

LEFT = Qt.MouseButton.LeftButton
CAM_ID = 3
REASON = "Police called: Jordan was found and asks for their caseworker, who is off today."


def _youth_outside_the_team(qtbot: QtBot, start_shell: Any, data_dir: Path) -> Any:
    """Cam (no supervisor) adds Jordan; Sue supervises nobody. Returns a shell at sign-in."""
    shell = start_shell()
    complete_setup(qtbot, shell)
    shell.close()
    add_account_directly(data_dir, "sue", "Sue Supervisor", {"supervisor"})
    assert add_account_directly(data_dir, "cam", "Cam Caseworker", {"caseworker"}) == CAM_ID
    shell = start_shell()
    sign_in(qtbot, shell, "cam")
    add_youth(qtbot, shell, "Jordan Sample")
    return restart(start_shell, shell)


def test_a_reason_comes_first_and_opens_the_record_with_a_banner(
    qtbot: QtBot, start_shell: Any, data_dir: Path
) -> None:
    shell = _youth_outside_the_team(qtbot, start_shell, data_dir)
    sign_in(qtbot, shell, "sue")
    panel = workspace(shell).list_panel
    assert panel.model.counts() == (0, 0)
    dialog = open_dialog(shell, "emergency_action")
    assert "recorded in the audit trail" in dialog.warning.text()
    assert "60 minutes" in dialog.warning.text()
    assert not dialog.name.isEnabled() and not dialog.ok_button.isEnabled()
    type_into(qtbot, dialog.reason, "urgent")  # too short to be a reason
    assert not dialog.name.isEnabled()
    type_into(qtbot, dialog.reason, " " + REASON)
    assert dialog.name.isEnabled() and not dialog.ok_button.isEnabled()
    type_into(qtbot, dialog.name, "jor")
    assert dialog.matches.count() == 1
    assert dialog.matches.item(0).text() == "Jordan Sample (#1)"
    item = dialog.matches.item(0)
    rect = dialog.matches.visualItemRect(item)
    qtbot.mouseClick(dialog.matches.viewport(), LEFT, pos=rect.center())
    click(qtbot, dialog.ok_button)
    assert not dialog.isVisible()

    assert panel.model.counts() == (1, 1)
    assert panel.model.index(0, 0).data() == "Jordan Sample (emergency access)"
    profile = workspace(shell).profile
    assert profile.isVisibleTo(shell) and profile.record is not None
    assert profile.legal_name.text() == "Jordan Sample"
    banner = profile.emergency_banner
    assert banner.isVisibleTo(shell)
    assert banner.text().startswith("Emergency access until ")
    assert banner.text().endswith("— recorded in the audit trail")
    assert shell.windowTitle() == "Waymark"

    assert profile.caseworker_id.currentText() == "Another caseworker"
    type_into(qtbot, profile.pronouns, "they/them")  # work done under emergency access
    wait_saved(qtbot, shell)
    assert banner.isVisibleTo(shell)  # still shown after a save
    assert profile.record.caseworker_id == CAM_ID  # the youth stays Cam's

    trail = open_dialog(shell, "audit_action")
    model = trail.model
    flagged = [(model.index(r, Column.ACTION).data(), model.index(r, Column.NOTE).data())
               for r in range(model.rowCount()) if model.rows[r].flagged]
    assert flagged == [("Profile edited", "⚑ Emergency access"),
                       ("Youth record viewed", "⚑ Emergency access"),
                       ("Emergency access granted", "⚑ Emergency access")]
    trail.close()
    shell.close()


def test_search_finds_nothing_without_a_reason_and_cancel_changes_nothing(
    qtbot: QtBot, start_shell: Any, data_dir: Path
) -> None:
    shell = _youth_outside_the_team(qtbot, start_shell, data_dir)
    sign_in(qtbot, shell, "sue")
    dialog = open_dialog(shell, "emergency_action")
    dialog.name.setText("jordan")  # even if the field were reached, no reason means no search
    assert dialog.matches.count() == 0
    type_into(qtbot, dialog.reason, REASON)
    type_into(qtbot, dialog.name, "jordan")
    assert dialog.matches.count() == 1
    click(qtbot, dialog.cancel_button)
    assert workspace(shell).list_panel.model.counts() == (0, 0)
    shell.close()



def test_hiding_the_screen_destroys_the_emergency_search_and_its_names(
    qtbot: QtBot, start_shell: Any, data_dir: Path
) -> None:
    from PySide6.QtWidgets import QApplication, QLineEdit, QListWidget

    from tests.desktop.test_locking import hide_keys

    shell = _youth_outside_the_team(qtbot, start_shell, data_dir)
    sign_in(qtbot, shell, "sue")
    dialog = open_dialog(shell, "emergency_action")
    type_into(qtbot, dialog.reason, REASON)
    type_into(qtbot, dialog.name, "jor")
    assert dialog.matches.item(0).text() == "Jordan Sample (#1)"
    hide_keys(qtbot, dialog.name)

    def names_left() -> list[object]:
        found: list[object] = []
        for widget in QApplication.allWidgets():
            if isinstance(widget, QLineEdit) and "jor" in widget.text():
                found.append(widget)
            if isinstance(widget, QListWidget) and any(
                    "Jordan" in widget.item(row).text() for row in range(widget.count())):
                found.append(widget)
        return found

    qtbot.waitUntil(lambda: not names_left(), timeout=3000)
