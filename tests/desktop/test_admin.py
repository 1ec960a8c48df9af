"""Administrators manage staff accounts through the Administration menu; everyone can change
their own password; an administrator-only account sees no case records."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from casefile import workstation as workstation_module
from desktop.admin.admin_home import AdminHome
from desktop.admin.status_dialog import StatusDialog
from desktop.pages.login import LoginPage
from desktop.shell import Shell
from desktop.workspace.workspace import Workspace
from tests.desktop.account_steps import (
    add_account_directly,
    choose,
    click,
    click_row,
    open_dialog,
    restart,
    sign_in,
)
from tests.desktop.conftest import PASSWORD, page
from tests.desktop.helpers import add_youth, complete_setup, type_into, workspace
from tests.desktop.test_accessibility import _unnamed
from tests.keys import PASSWORD_ONLY

CAM_PASSWORD = "cams first password"


def _names_listed(shell: Shell) -> list[str]:
    model = workspace(shell).list_panel.model
    return sorted(model.index(row, 0).data() for row in range(model.rowCount()))


def _add_account(qtbot: QtBot, dialog: Any, name: str, login: str, password: str,
                 roles: tuple[str, ...] = ("caseworker",)) -> None:
    """In Staff accounts: click Add, fill in the form, tick the roles and press Add account."""
    click(qtbot, dialog.add_button)
    editor = dialog.child
    type_into(qtbot, editor.display_name, name)
    type_into(qtbot, editor.login, login)
    for role, box in editor.role_boxes.items():
        if box.isChecked() != (role in roles):
            click(qtbot, box)
    type_into(qtbot, editor.password, password)
    type_into(qtbot, editor.repeat, password)
    click(qtbot, editor.ok_button)
    assert not editor.isVisible(), editor.message.text()


def test_admin_adds_a_caseworker_who_then_sees_only_their_own_youth(
    qtbot: QtBot, start_shell: Any
) -> None:
    shell = start_shell()
    complete_setup(qtbot, shell)
    add_youth(qtbot, shell, "Ada's Youth")
    dialog = open_dialog(shell, "accounts_action")
    _add_account(qtbot, dialog, "Cam Caseworker", "cam", CAM_PASSWORD)
    assert dialog.message.text() == "The account was added."
    rows = {dialog.table.item(r, 1).text(): dialog.table.item(r, 2).text()
            for r in range(dialog.table.rowCount())}
    assert rows == {"ada": "Caseworker, Administrator", "cam": "Caseworker"}
    dialog.close()

    shell = restart(start_shell, shell)
    assert isinstance(sign_in(qtbot, shell, "cam", CAM_PASSWORD), Workspace)
    assert _names_listed(shell) == []
    add_youth(qtbot, shell, "Cam's Youth")
    assert _names_listed(shell) == ["Cam's Youth"]
    menus = shell.account_menus
    assert not menus.admin_menu.menuAction().isVisible()
    assert not menus.supervision_menu.menuAction().isVisible()
    assert menus.change_password.isVisible()

    shell = restart(start_shell, shell)
    sign_in(qtbot, shell, "ada")
    assert _names_listed(shell) == ["Ada's Youth"]  # nor does Ada see Cam's youth
    shell.close()


def test_two_caseworkers_cannot_see_each_others_youth(
    qtbot: QtBot, start_shell: Any, data_dir: Path
) -> None:
    shell = start_shell()
    complete_setup(qtbot, shell)
    shell.close()
    add_account_directly(data_dir, "cam", "Cam Caseworker", {"caseworker"})
    add_account_directly(data_dir, "dee", "Dee Caseworker", {"caseworker"})
    for login in ("cam", "dee"):
        shell = start_shell()
        sign_in(qtbot, shell, login)
        add_youth(qtbot, shell, f"Youth of {login}")
        shell.close()
    for login in ("cam", "dee"):
        shell = start_shell()
        sign_in(qtbot, shell, login)
        assert _names_listed(shell) == [f"Youth of {login}"]
        search = workspace(shell).list_panel.search
        type_into(qtbot, search, "Youth of")
        assert workspace(shell).list_panel.model.counts() == (1, 1)
        shell.close()


def test_a_disabled_account_cannot_sign_in_until_enabled_and_given_a_password(
    qtbot: QtBot, start_shell: Any, data_dir: Path
) -> None:
    shell = start_shell()
    complete_setup(qtbot, shell)
    add_account_directly(data_dir, "cam", "Cam Caseworker", {"caseworker"}, password=CAM_PASSWORD)
    dialog = open_dialog(shell, "accounts_action")
    click_row(qtbot, dialog.table, "Cam Caseworker")
    assert dialog.enable_button.text() == "&Disable…"
    click(qtbot, dialog.enable_button)
    question = dialog.child
    click(qtbot, question.findChild(type(dialog.add_button), "yes"))
    assert dialog.message.text() == "The account is disabled."
    assert dialog.table.item(dialog.table.currentRow(), 4).text() == "Disabled"
    assert not dialog.reset_button.isEnabled()  # a disabled account gets no password
    dialog.close()

    second = start_shell()  # another window on the same workstation
    sign_in(qtbot, second, "cam", CAM_PASSWORD)
    login_page = page(second)
    assert isinstance(login_page, LoginPage)
    assert "do not match" in login_page.message.text()
    second.close()

    dialog = open_dialog(shell, "accounts_action")
    click_row(qtbot, dialog.table, "Cam Caseworker")
    click(qtbot, dialog.enable_button)
    assert dialog.table.item(dialog.table.currentRow(), 4).text() == "No password set"
    click(qtbot, dialog.reset_button)
    type_into(qtbot, dialog.child.new, "a temporary password")
    type_into(qtbot, dialog.child.repeat, "a temporary password")
    click(qtbot, dialog.child.ok_button)
    dialog.close()
    shell.close()
    shell = start_shell()
    assert isinstance(sign_in(qtbot, shell, "cam", "a temporary password"), Workspace)
    shell.close()


def test_reset_password_replaces_the_forgotten_one(
    qtbot: QtBot, start_shell: Any, data_dir: Path
) -> None:
    shell = start_shell()
    complete_setup(qtbot, shell)
    add_account_directly(data_dir, "cam", "Cam Caseworker", {"caseworker"}, password=CAM_PASSWORD)
    dialog = open_dialog(shell, "accounts_action")
    click_row(qtbot, dialog.table, "Cam Caseworker")
    click(qtbot, dialog.reset_button)
    reset = dialog.child
    assert "Cam Caseworker" in reset.intro.text()
    type_into(qtbot, reset.new, "new temporary pw")
    type_into(qtbot, reset.repeat, "not the same")
    click(qtbot, reset.ok_button)
    assert reset.message.text() == "The two passwords are not the same."
    type_into(qtbot, reset.new, "short")
    type_into(qtbot, reset.repeat, "short")
    click(qtbot, reset.ok_button)
    assert "at least 8 characters" in reset.message.text()
    type_into(qtbot, reset.new, "new temporary pw")
    type_into(qtbot, reset.repeat, "new temporary pw")
    click(qtbot, reset.ok_button)
    assert not reset.isVisible()
    assert dialog.message.text() == "The new password is set. It works from now on."
    dialog.close()
    shell.close()

    shell = start_shell()
    sign_in(qtbot, shell, "cam", CAM_PASSWORD)
    assert "do not match" in page(shell).message.text()
    assert isinstance(sign_in(qtbot, shell, "cam", "new temporary pw"), Workspace)
    shell.close()


def test_edit_gives_a_caseworker_a_supervisor_and_roles(
    qtbot: QtBot, start_shell: Any, data_dir: Path
) -> None:
    shell = start_shell()
    complete_setup(qtbot, shell)
    add_account_directly(data_dir, "sue", "Sue Supervisor", {"supervisor"})
    add_account_directly(data_dir, "cam", "Cam Caseworker", {"caseworker"})
    dialog = open_dialog(shell, "accounts_action")
    click_row(qtbot, dialog.table, "Cam Caseworker")
    click(qtbot, dialog.edit_button)
    editor = dialog.child
    assert editor.login.isReadOnly()
    assert [editor.supervisor.itemText(i) for i in range(editor.supervisor.count())] == [
        "No supervisor", "Sue Supervisor"]  # only people with the supervisor role
    choose(editor.supervisor, "Sue Supervisor")
    click(qtbot, editor.role_boxes["supervisor"])
    click(qtbot, editor.ok_button)
    assert not editor.isVisible(), editor.message.text()
    row = dialog.table.currentRow()
    assert dialog.table.item(row, 0).text() == "Cam Caseworker"
    assert dialog.table.item(row, 2).text() == "Caseworker, Supervisor"
    assert dialog.table.item(row, 3).text() == "Sue Supervisor"

    click_row(qtbot, dialog.table, "Ada Admin")  # the only administrator stays one
    click(qtbot, dialog.edit_button)
    editor = dialog.child
    click(qtbot, editor.role_boxes["admin"])
    click(qtbot, editor.ok_button)
    assert editor.isVisible()
    assert "only active administrator" in editor.message.text()
    click(qtbot, editor.cancel_button)
    dialog.close()
    shell.close()


def test_change_own_password(qtbot: QtBot, start_shell: Any) -> None:
    shell = start_shell()
    complete_setup(qtbot, shell)
    dialog = open_dialog(shell, "change_password")
    type_into(qtbot, dialog.old, "not my password")
    type_into(qtbot, dialog.new, "my brand new password")
    type_into(qtbot, dialog.repeat, "my brand new password")
    click(qtbot, dialog.ok_button)
    assert "do not match" in dialog.message.text()
    type_into(qtbot, dialog.old, PASSWORD)
    type_into(qtbot, dialog.new, "my brand new password")
    type_into(qtbot, dialog.repeat, "my brand new password")
    click(qtbot, dialog.ok_button)
    assert not dialog.isVisible()
    assert shell.statusBar().currentMessage() == "Your password was changed."

    shell = restart(start_shell, shell)
    sign_in(qtbot, shell, "ada", PASSWORD)
    assert "do not match" in page(shell).message.text()
    assert isinstance(sign_in(qtbot, shell, "ada", "my brand new password"), Workspace)
    shell.close()


def test_an_administrator_only_account_sees_no_case_records(
    qtbot: QtBot, start_shell: Any
) -> None:
    shell = start_shell()
    complete_setup(qtbot, shell)
    add_youth(qtbot, shell, "Jordan Sample")
    dialog = open_dialog(shell, "accounts_action")
    _add_account(qtbot, dialog, "Ian IT", "ian", "ians password", roles=("admin",))
    dialog.close()

    shell = restart(start_shell, shell)
    ws = sign_in(qtbot, shell, "ian", "ians password")
    assert isinstance(ws, Workspace)
    home = ws.findChild(AdminHome)
    assert home is not None and home.isVisibleTo(shell)
    assert "no access to case records" in home.explanation.text()
    assert not ws.list_panel.isVisibleTo(shell)
    assert not ws.profile.isVisibleTo(shell)
    assert ws.list_panel.model.counts() == (0, 0)
    menus = shell.account_menus
    assert menus.admin_menu.menuAction().isVisible()
    assert not menus.supervision_menu.menuAction().isVisible()
    shell.close()


def test_menus_appear_only_once_signed_in(qtbot: QtBot, start_shell: Any) -> None:
    shell = start_shell()
    menus = shell.account_menus
    assert not menus.change_password.isVisible()
    assert not menus.admin_menu.menuAction().isVisible()
    complete_setup(qtbot, shell)
    assert menus.change_password.isVisible()
    assert menus.admin_menu.menuAction().isVisible()
    assert not menus.supervision_menu.menuAction().isVisible()  # Ada is not a supervisor
    shell.close()


def test_status_shows_the_keyring_and_the_policy_read_only(
    qtbot: QtBot, start_shell: Any, data_dir: Path
) -> None:
    shell = start_shell()
    complete_setup(qtbot, shell)
    dialog = open_dialog(shell, "status_action")
    values = {name: label.text() for name, label in dialog.values.items()}
    assert str(data_dir) in values["data_folder"]
    assert values["keyring"] == "memory (demo)"
    assert values["password_only"] == "None"
    assert values["policy_file"] == "None: the built-in defaults are in force"
    assert values["idle_lock"] == "after 5 minutes"
    assert values["keyring_required"] == "No"
    assert values["emergency_minutes"] == "60 minutes"
    assert "cannot be changed here" in dialog.policy_note.text()
    assert not dialog.findChildren(QLineEdit)  # nothing to edit
    dialog.close()
    shell.close()


def test_status_warns_when_there_is_no_secure_keyring(
    qtbot: QtBot, start_shell: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workstation_module, "current_workstation", lambda: PASSWORD_ONLY)
    shell = start_shell()
    complete_setup(qtbot, shell)
    dialog = open_dialog(shell, "status_action")
    keyring = dialog.values["keyring"]
    assert keyring.text() == ("Password only: no secure keyring on this computer. "
                              "Waymark cannot use a system keyring on this computer.")
    assert keyring.property("kind") == "warning"  # in the warning's colours, with the words
    assert dialog.values["keyring_detail"].text() == "\u2066no keyring in this test\u2069"
    assert dialog.values["password_only"].text() == "ada"
    dialog.close()
    shell.close()


@pytest.mark.parametrize("code", ["en", "es", "ar", "zh_CN"])
def test_status_says_what_is_wrong_with_the_keyring_in_words(
    qtbot: QtBot, start_shell: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, code: str
) -> None:
    """Issue 8: the status showed "no keyring backend is available
    (keyring.backends.fail.Keyring)", untranslated and garbled in Arabic."""
    import keyring

    from casefile.keys.devicesecret import system_keystore
    from casefile.policy import Policy
    from casefile.workstation import Workstation
    from i18n import translator

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)
    monkeypatch.setattr(keyring.core, "_config_path", lambda: tmp_path / "no-keyringrc.cfg")
    here = Workstation(Policy(), system_keystore())
    monkeypatch.setattr(workstation_module, "current_workstation", lambda: here)
    shell = start_shell()
    complete_setup(qtbot, shell)
    dialog = open_dialog(shell, "status_action")
    shell.language_actions[code].trigger()  # switched with the window open
    QApplication.processEvents()
    words = translator(code)
    keyring_text = dialog.values["keyring"].text()
    assert keyring_text == " ".join((
        words.gettext("Password only: no secure keyring on this computer."),
        words.gettext("This computer has no system keyring that Waymark can use.")))
    assert "keyring.backends" not in keyring_text and "(" not in keyring_text
    detail = dialog.values["keyring_detail"]
    assert detail.isVisibleTo(dialog)
    assert detail.text() == "\u2066keyring.backends.fail.Keyring\u2069"  # kept left to right
    assert detail.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert dialog.names["keyring_detail"].text() == words.gettext("Technical detail")
    dialog.close()
    shell.close()


def test_status_shows_no_technical_detail_with_a_secure_keyring(
    qtbot: QtBot, start_shell: Any
) -> None:
    shell = start_shell()
    complete_setup(qtbot, shell)
    dialog = open_dialog(shell, "status_action")
    assert not dialog.values["keyring_detail"].isVisibleTo(dialog)
    assert not dialog.names["keyring_detail"].isVisibleTo(dialog)
    dialog.close()
    shell.close()


def test_back_up_then_restore_returns_to_sign_in_with_the_backed_up_data(
    qtbot: QtBot, start_shell: Any, data_dir: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "waymark-backup.wmbackup"
    monkeypatch.setattr(StatusDialog, "choose_backup_target", lambda self: target)
    monkeypatch.setattr(StatusDialog, "choose_backup_source", lambda self: target)
    shell = start_shell()
    complete_setup(qtbot, shell)
    add_youth(qtbot, shell, "Before Backup")
    dialog = open_dialog(shell, "status_action")
    click(qtbot, dialog.backup_button)
    assert target.exists()
    assert dialog.message.text() == f"The backup was saved to \u2066{target}\u2069."
    click(qtbot, dialog.backup_button)  # an existing backup is never replaced
    assert "already exists, so no backup was written" in dialog.message.text()
    dialog.close()
    add_youth(qtbot, shell, "After Backup")

    dialog = open_dialog(shell, "status_action")
    click(qtbot, dialog.restore_button)
    question = dialog.child
    assert "pre-restore backup" in question.informativeText()
    click(qtbot, question.no)  # changing one's mind changes nothing
    assert isinstance(page(shell), Workspace)
    click(qtbot, dialog.restore_button)
    click(qtbot, dialog.child.yes)
    assert isinstance(page(shell), LoginPage)
    assert not shell.account_menus.admin_menu.menuAction().isVisible()
    assert list((data_dir / "backups").glob("before-restore-*.wmbackup"))

    sign_in(qtbot, shell, "ada")
    assert _names_listed(shell) == ["Before Backup"]
    shell.close()


@pytest.mark.parametrize("code", ["en", "ar"])
def test_every_new_dialog_names_its_controls(
    qtbot: QtBot, start_shell: Any, data_dir: Path, code: str
) -> None:
    shell = start_shell()
    complete_setup(qtbot, shell)
    add_account_directly(data_dir, "sue", "Sue Supervisor", {"supervisor", "admin"})
    shell = restart(start_shell, shell)
    sign_in(qtbot, shell, "sue")
    shell.switch(code)
    for action in ("change_password", "accounts_action", "status_action", "audit_action",
                   "emergency_action"):
        dialog = open_dialog(shell, action)
        assert _unnamed(dialog) == [], action
        if action == "accounts_action":
            click_row(qtbot, dialog.table, "Ada Admin")
            for button in (dialog.add_button, dialog.edit_button, dialog.reset_button):
                click(qtbot, button)
                assert _unnamed(dialog.child) == [], button.objectName()
                dialog.child.close()
        dialog.close()
    shell.close()
    shell = start_shell()
    click(qtbot, page(shell).recover)
    assert _unnamed(page(shell)) == []
    shell.close()
