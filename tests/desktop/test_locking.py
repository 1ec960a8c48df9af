"""Locking: idle time, quick-hide, the system's screen lock; what is gone and what comes back."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from casefile import workstation as workstation_module
from casefile.db.models.audit import AuditEntry
from casefile.keys.devicesecret import KeyringCheck, MemoryKeystore
from casefile.policy import HelpLine, Policy
from casefile.staff.accounts import add_account
from casefile.store import CASEWORKER, Store, open_store
from casefile.trail import audit
from casefile.workstation import Workstation
from desktop.locking import activity
from desktop.locking.clipboard import ClipboardGuard
from desktop.locking.os_lock import OsLockWatcher
from desktop.locking.page import LockPage
from desktop.operations.session import store_of
from desktop.pages.login import LoginPage
from desktop.pages.setup import RecoveryKeyPage, SetupPage
from desktop.shell import Shell
from desktop.workspace.profile import YouthProfile
from desktop.workspace.workspace import Workspace
from desktop.workspace.youth_list import YouthListPanel
from tests.desktop.conftest import PASSWORD, page
from tests.desktop.helpers import (
    add_youth,
    complete_setup,
    press_and_settle,
    type_into,
    wait_saved,
    workspace,
)

YOUTH = "Jordan Lockwood-Sample"
OTHER_YOUTH = "Mariana Ejemplo"
NOTE = "Meets her aunt on Tuesdays"
BO_PASSWORD = "bo's own long password"


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Callable[[float], None]:
    """Check idle time often, and let a test move the wall clock forward by some seconds."""
    monkeypatch.setattr(activity, "CHECK_MS", 10)
    offset = [0.0]
    monkeypatch.setattr(activity, "now", lambda: time.time() + offset[0])

    def advance(seconds: float) -> None:
        offset[0] += seconds

    return advance


def use_policy(monkeypatch: pytest.MonkeyPatch, policy: Policy) -> None:
    """Install `policy` as this workstation's (with a keyring of its own, in memory)."""
    here = Workstation(policy, KeyringCheck(MemoryKeystore(), ""))
    monkeypatch.setattr("casefile.policy.load_policy", lambda: policy)
    monkeypatch.setattr(workstation_module, "current_workstation", lambda: here)


def _texts(widget: QWidget) -> list[str]:
    if isinstance(widget, QLineEdit | QLabel | QAbstractButton):
        return [widget.text()]
    if isinstance(widget, QPlainTextEdit):
        return [widget.toPlainText()]
    return []


def case_widgets(shell: Shell, *secrets: str) -> list[QWidget]:
    """Every widget of `shell` that is a case widget, and every widget anywhere showing a secret."""
    found: list[QWidget] = []
    for widget in QApplication.allWidgets():
        case = isinstance(widget, Workspace | YouthProfile | YouthListPanel)
        if (case and widget.window() is shell) or \
                any(secret in text for secret in secrets for text in _texts(widget)):
            found.append(widget)
    return found


def assert_locked(qtbot: QtBot, shell: Shell, store: Store, *secrets: str) -> LockPage:
    lock = page(shell)
    assert isinstance(lock, LockPage)
    assert shell.workspace is None
    assert not store.is_open
    with pytest.raises(RuntimeError):
        _ = store.data_key  # the key is dropped
    assert shell.windowTitle() == "Waymark"
    qtbot.waitUntil(lambda: not case_widgets(shell, *secrets), timeout=3000)
    return lock


def signed_in_with_youth(qtbot: QtBot, start_shell: Any, *names: str) -> Shell:
    shell: Shell = start_shell()
    complete_setup(qtbot, shell)
    for name in names or (YOUTH,):
        add_youth(qtbot, shell, name)
    return shell


def unlock(qtbot: QtBot, shell: Shell, password: str = PASSWORD) -> None:
    lock = page(shell)
    type_into(qtbot, lock.password, password)
    press_and_settle(qtbot, lock.password, Qt.Key.Key_Return)


def hide_keys(qtbot: QtBot, widget: QWidget) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_H,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def actions_in_audit(data_dir: Path) -> list[str]:
    store = open_store(data_dir, "ada", PASSWORD)
    try:
        with store.unit() as session:
            return list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
    finally:
        store.close()


# idle time
def test_idle_time_locks_and_leaves_no_case_widget(
    qtbot: QtBot, start_shell: Any, clock: Callable[[float], None]
) -> None:
    shell = signed_in_with_youth(qtbot, start_shell)
    ws = workspace(shell)
    type_into(qtbot, ws.profile.placement_notes, NOTE)
    store = store_of(ws.session)
    clock(5 * 60 + 1)  # the default policy: five minutes
    qtbot.waitUntil(lambda: isinstance(page(shell), LockPage), timeout=2000)
    assert_locked(qtbot, shell, store, YOUTH, NOTE)
    assert not shiboken6.isValid(ws)


def test_any_input_starts_the_idle_time_again(
    qtbot: QtBot, start_shell: Any, clock: Callable[[float], None]
) -> None:
    shell = signed_in_with_youth(qtbot, start_shell)
    clock(4 * 60)
    qtbot.keyClick(workspace(shell).list_panel.search, Qt.Key.Key_J)
    clock(4 * 60)
    qtbot.wait(60)
    assert isinstance(page(shell), Workspace)
    clock(60 + 1)
    qtbot.waitUntil(lambda: isinstance(page(shell), LockPage), timeout=2000)


def test_the_agency_idle_minutes_are_respected(
    qtbot: QtBot, start_shell: Any, clock: Callable[[float], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    use_policy(monkeypatch, Policy(idle_minutes=1))
    shell = signed_in_with_youth(qtbot, start_shell)
    clock(55)
    qtbot.wait(60)
    assert isinstance(page(shell), Workspace)
    clock(6)
    qtbot.waitUntil(lambda: isinstance(page(shell), LockPage), timeout=2000)


# quick-hide
def test_hide_keys_lock_at_once(qtbot: QtBot, start_shell: Any) -> None:
    shell = signed_in_with_youth(qtbot, start_shell)
    ws = workspace(shell)
    store = store_of(ws.session)
    type_into(qtbot, ws.profile.pronouns, "they/them")
    hide_keys(qtbot, ws.profile.pronouns)
    assert isinstance(page(shell), LockPage)  # no waiting
    assert_locked(qtbot, shell, store, YOUTH)
    assert shell.lock_action.shortcut() == QKeySequence("Ctrl+Shift+H")


def test_the_workspace_is_kept_out_of_collections_until_a_lock_gives_it_back(
    qtbot: QtBot, start_shell: Any
) -> None:
    """Signed in, the long-lived objects are frozen (full collections skip them, and the
    window does not stall while the worker loads); a lock unfreezes them, so a deleted
    workspace's cycles are collected and locking again and again leaks nothing."""
    shell = signed_in_with_youth(qtbot, start_shell)
    assert gc.get_freeze_count() > 0
    hide_keys(qtbot, workspace(shell).profile.pronouns)
    assert isinstance(page(shell), LockPage)
    assert gc.get_freeze_count() == 0


def test_hide_button_locks_at_once(qtbot: QtBot, start_shell: Any) -> None:
    shell = signed_in_with_youth(qtbot, start_shell)
    store = store_of(workspace(shell).session)
    assert shell.hide_button.isVisible()
    qtbot.mouseClick(shell.hide_button, Qt.MouseButton.LeftButton)
    assert isinstance(page(shell), LockPage)
    assert_locked(qtbot, shell, store, YOUTH)
    assert not shell.hide_button.isVisible()


def test_hide_keys_work_in_a_dialog_and_close_it(
    qtbot: QtBot, start_shell: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_policy(monkeypatch, Policy(help_lines=(HelpLine("Crisis line", "988", "any time"),)))
    shell = signed_in_with_youth(qtbot, start_shell)
    store = store_of(workspace(shell).session)
    shell.help_lines_action.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets()
                  if isinstance(w, QDialog) and w.isVisible())
    qtbot.waitExposed(dialog)
    hide_keys(qtbot, dialog)
    assert isinstance(page(shell), LockPage)
    assert not dialog.isVisible()
    assert_locked(qtbot, shell, store, YOUTH)


def test_hiding_on_the_setup_and_recovery_key_pages_changes_nothing(
    qtbot: QtBot, start_shell: Any
) -> None:
    shell = start_shell()
    setup = page(shell)
    assert isinstance(setup, SetupPage)
    assert not shell.lock_action.isEnabled()
    hide_keys(qtbot, setup.display_name)
    assert page(shell) is setup
    for field, text in ((setup.display_name, "Ada Admin"), (setup.login, "ada"),
                        (setup.password, PASSWORD), (setup.confirm, PASSWORD)):
        type_into(qtbot, field, text)
    qtbot.mouseClick(setup.submit, Qt.MouseButton.LeftButton)
    recovery = page(shell)
    assert isinstance(recovery, RecoveryKeyPage)
    key = recovery.key.text()
    hide_keys(qtbot, recovery.confirm)
    assert page(shell) is recovery and recovery.key.text() == key


def test_hiding_on_the_sign_in_page_changes_nothing(
    qtbot: QtBot, start_shell: Any
) -> None:
    first = signed_in_with_youth(qtbot, start_shell)
    first.close()
    shell = start_shell()
    login = page(shell)
    assert isinstance(login, LoginPage)
    type_into(qtbot, login.login, "ada")
    hide_keys(qtbot, login.login)
    assert page(shell) is login and login.login.text() == "ada"


# the system's own lock
def test_the_system_locking_the_screen_locks_waymark(qtbot: QtBot, start_shell: Any) -> None:
    shell = signed_in_with_youth(qtbot, start_shell)
    store = store_of(workspace(shell).session)
    watcher = shell.findChild(OsLockWatcher)
    assert watcher is not None
    watcher.screensaver(False)  # the screensaver turning off is no reason to lock
    watcher.sleeping(False)  # nor is waking up
    assert isinstance(page(shell), Workspace)
    watcher.screensaver(True)
    assert_locked(qtbot, shell, store, YOUTH)


@pytest.mark.parametrize("event", ["sleeping", "session_locked"])
def test_suspend_and_session_lock_lock_waymark(
    qtbot: QtBot, start_shell: Any, event: str
) -> None:
    shell = signed_in_with_youth(qtbot, start_shell)
    store = store_of(workspace(shell).session)
    watcher = shell.findChild(OsLockWatcher)
    assert watcher is not None
    if event == "sleeping":
        watcher.sleeping(True)
    else:
        watcher.session_locked()
    assert_locked(qtbot, shell, store, YOUTH)


# unlocking
def test_unlocking_brings_back_the_youth_the_search_and_the_typing(
    qtbot: QtBot, start_shell: Any, data_dir: Path
) -> None:
    shell = signed_in_with_youth(qtbot, start_shell, YOUTH, OTHER_YOUTH)
    ws = workspace(shell)
    type_into(qtbot, ws.list_panel.search, "lockwood")
    qtbot.mouseClick(ws.list_panel.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=ws.list_panel.table.visualRect(ws.list_panel.model.index(0, 0)).center())
    assert ws.profile.legal_name.text() == YOUTH
    type_into(qtbot, ws.profile.placement_notes, NOTE)  # still waiting to be saved
    hide_keys(qtbot, ws.profile.placement_notes)
    assert_locked(qtbot, shell, store_of(ws.session), YOUTH, NOTE)
    unlock(qtbot, shell)
    back = workspace(shell)
    assert back is not ws and store_of(back.session).is_open
    assert back.list_panel.search.text() == "lockwood"
    assert back.list_panel.model.counts() == (1, 2)
    assert back.profile.legal_name.text() == YOUTH
    assert back.profile.placement_notes.toPlainText() == NOTE
    assert back.profile.record is not None
    assert back.profile.record.placement_notes == NOTE  # saved before the lock
    assert back.list_panel.table.currentIndex().row() == 0
    shell.close()
    actions = actions_in_audit(data_dir)
    assert actions[-5:] == [audit.EDIT, audit.LOCK, audit.UNLOCK, audit.VIEW, audit.SIGN_IN]


def test_typing_that_could_not_be_saved_comes_back_after_unlocking(
    qtbot: QtBot, start_shell: Any
) -> None:
    shell = signed_in_with_youth(qtbot, start_shell)
    ws = workspace(shell)
    qtbot.mouseClick(ws.list_panel.new_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, ws.profile.preferred_name, "Sunny")  # no name yet: cannot be saved
    hide_keys(qtbot, ws.profile.preferred_name)
    assert_locked(qtbot, shell, store_of(ws.session), "Sunny")
    unlock(qtbot, shell)
    back = workspace(shell)
    assert back.profile.record is None
    assert back.profile.preferred_name.text() == "Sunny"
    type_into(qtbot, back.profile.legal_name, "Sunny Example")
    wait_saved(qtbot, shell)
    assert back.profile.record is not None
    assert back.profile.record.preferred_name == "Sunny"


def test_a_wrong_password_keeps_it_locked(qtbot: QtBot, start_shell: Any) -> None:
    shell = signed_in_with_youth(qtbot, start_shell)
    store = store_of(workspace(shell).session)
    qtbot.mouseClick(shell.hide_button, Qt.MouseButton.LeftButton)
    unlock(qtbot, shell, "not the password")
    lock = assert_locked(qtbot, shell, store, YOUTH)
    assert "does not unlock Waymark" in lock.message.text()
    unlock(qtbot, shell)
    assert isinstance(page(shell), Workspace)


def test_someone_else_signing_in_sees_only_their_own_workspace(
    qtbot: QtBot, start_shell: Any
) -> None:
    shell = signed_in_with_youth(qtbot, start_shell)
    ws = workspace(shell)
    add_account(store_of(ws.session), "bo", "Bo Worker", {CASEWORKER}, BO_PASSWORD)
    type_into(qtbot, ws.profile.placement_notes, NOTE)
    hide_keys(qtbot, ws.profile.placement_notes)
    lock = page(shell)
    qtbot.mouseClick(lock.other, Qt.MouseButton.LeftButton)
    login = page(shell)
    assert isinstance(login, LoginPage)
    type_into(qtbot, login.login, "bo")
    type_into(qtbot, login.password, BO_PASSWORD)
    press_and_settle(qtbot, login.password, Qt.Key.Key_Return)
    theirs = workspace(shell)
    assert store_of(theirs.session).user.login == "bo"
    assert theirs.list_panel.model.counts() == (0, 0)
    assert theirs.list_panel.search.text() == ""
    assert theirs.right.currentWidget() is theirs.empty
    qtbot.waitUntil(lambda: not [w for w in QApplication.allWidgets()
                                 if any(s in t for s in (YOUTH, NOTE) for t in _texts(w))],
                    timeout=3000)
    # Ada signing in again later finds her own place, not Bo's
    qtbot.mouseClick(shell.hide_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page(shell).other, Qt.MouseButton.LeftButton)
    type_into(qtbot, page(shell).login, "ada")
    type_into(qtbot, page(shell).password, PASSWORD)
    press_and_settle(qtbot, page(shell).password, Qt.Key.Key_Return)
    assert store_of(workspace(shell).session).user.login == "ada"
    assert workspace(shell).list_panel.model.counts() == (1, 1)


def test_the_person_who_locked_can_also_come_back_through_sign_in(
    qtbot: QtBot, start_shell: Any
) -> None:
    shell = signed_in_with_youth(qtbot, start_shell, YOUTH, OTHER_YOUTH)
    ws = workspace(shell)
    type_into(qtbot, ws.list_panel.search, "ejemplo")
    qtbot.mouseClick(shell.hide_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page(shell).other, Qt.MouseButton.LeftButton)
    type_into(qtbot, page(shell).login, "ada")
    type_into(qtbot, page(shell).password, PASSWORD)
    press_and_settle(qtbot, page(shell).password, Qt.Key.Key_Return)
    assert workspace(shell).list_panel.search.text() == "ejemplo"


# the clipboard
def _copy(qtbot: QtBot, field: QLineEdit) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)


def test_the_clipboard_is_cleared_when_it_holds_what_waymark_copied(
    qtbot: QtBot, start_shell: Any
) -> None:
    shell = signed_in_with_youth(qtbot, start_shell)
    ws = workspace(shell)
    _copy(qtbot, ws.profile.legal_name)
    clipboard = QApplication.clipboard()
    assert clipboard.text() == YOUTH
    qtbot.mouseClick(shell.hide_button, Qt.MouseButton.LeftButton)
    assert clipboard.text() == ""


def test_the_clipboard_is_kept_when_another_application_copied_since(
    qtbot: QtBot, start_shell: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    shell = signed_in_with_youth(qtbot, start_shell)
    _copy(qtbot, workspace(shell).profile.legal_name)
    clipboard = QApplication.clipboard()
    # Another application in front copies something of its own.
    with monkeypatch.context() as other_app:
        other_app.setattr(ClipboardGuard, "_owns", lambda self, mode: False)
        other_app.setattr(ClipboardGuard, "_waymark_in_front", staticmethod(lambda: False))
        clipboard.setText("a shopping list")
    qtbot.mouseClick(shell.hide_button, Qt.MouseButton.LeftButton)
    assert clipboard.text() == "a shopping list"
    clipboard.clear()


def test_quitting_while_locked_is_quiet(qtbot: QtBot, start_shell: Any, data_dir: Path) -> None:
    shell = signed_in_with_youth(qtbot, start_shell)
    qtbot.mouseClick(shell.hide_button, Qt.MouseButton.LeftButton)
    shell.close()
    assert actions_in_audit(data_dir)[-2:] == [audit.LOCK, audit.SIGN_IN]  # then this check's


def test_unlocking_brings_back_the_saved_line_and_the_place_of_typing(
    qtbot: QtBot, start_shell: Any
) -> None:
    """Issue 8: after unlocking the "Saved" line was blank and the focus in the search box."""
    shell = signed_in_with_youth(qtbot, start_shell)
    ws = workspace(shell)
    type_into(qtbot, ws.profile.placement_notes, NOTE)
    wait_saved(qtbot, shell)
    saved = ws.profile.save_state.text()
    assert saved.startswith("Saved at ")
    hide_keys(qtbot, ws.profile.placement_notes)
    assert_locked(qtbot, shell, store_of(ws.session), YOUTH, NOTE)
    unlock(qtbot, shell)
    back = workspace(shell)
    assert back.profile.save_state.text() == saved
    typing_in = shell.focusWidget()
    assert typing_in is back.profile.placement_notes
    qtbot.keyClicks(typing_in, " and Fridays")  # the text cursor is where it was, at the end
    assert back.profile.placement_notes.toPlainText() == NOTE + " and Fridays"
    wait_saved(qtbot, shell)
    shell.close()


def test_unlocking_puts_the_cursor_back_inside_a_line(qtbot: QtBot, start_shell: Any) -> None:
    shell = signed_in_with_youth(qtbot, start_shell)
    ws = workspace(shell)
    type_into(qtbot, ws.profile.pronouns, "she/her")
    wait_saved(qtbot, shell)
    ws.profile.pronouns.setCursorPosition(3)  # after "she"
    hide_keys(qtbot, ws.profile.pronouns)
    unlock(qtbot, shell)
    back = workspace(shell)
    assert shell.focusWidget() is back.profile.pronouns
    qtbot.keyClicks(shell.focusWidget(), "/they")
    assert back.profile.pronouns.text() == "she/they/her"
    shell.close()


def test_unlocking_focuses_the_search_box_if_that_is_where_the_person_was(
    qtbot: QtBot, start_shell: Any
) -> None:
    shell = signed_in_with_youth(qtbot, start_shell)
    ws = workspace(shell)
    type_into(qtbot, ws.list_panel.search, "lock")
    hide_keys(qtbot, ws.list_panel.search)
    unlock(qtbot, shell)
    back = workspace(shell)
    assert shell.focusWidget() is back.list_panel.search
    assert back.list_panel.search.text() == "lock"
    shell.close()


def test_unlocking_after_a_new_youth_form_was_left_empty_keeps_the_line_blank(
    qtbot: QtBot, start_shell: Any
) -> None:
    shell = signed_in_with_youth(qtbot, start_shell)
    ws = workspace(shell)
    qtbot.mouseClick(ws.list_panel.new_button, Qt.MouseButton.LeftButton)
    assert ws.profile.save_state.text() == ""
    hide_keys(qtbot, ws.profile.legal_name)
    unlock(qtbot, shell)
    back = workspace(shell)
    assert back.profile.record is None and back.profile.save_state.text() == ""
    assert shell.focusWidget() is back.profile.legal_name
    shell.close()
