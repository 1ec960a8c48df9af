"""Steps a person takes, shared by desktop tests."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from desktop.shell import Shell
from desktop.workspace.workspace import Workspace
from tests.desktop.conftest import PASSWORD, page


def type_into(qtbot: QtBot, field: QWidget, text: str) -> None:
    """Type `text` into `field`, replacing a line edit's text.

    Short ASCII text is typed key by key. Other scripts, emoji and
    very long text arrive as one key event carrying the whole text, as an input method sends
    it (QTest.keyClicks aborts on characters outside Latin-1).
    """
    field.setFocus()
    if isinstance(field, QLineEdit):
        field.selectAll()
    if len(text) > 100 or not text.isascii():
        event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown,
                          Qt.KeyboardModifier.NoModifier, text)
        QApplication.sendEvent(field, event)
    else:
        qtbot.keyClicks(field, text)


def complete_setup(qtbot: QtBot, shell: Shell, login: str = "ada") -> str:
    """Fill in first-run setup, confirm the recovery key, and return the key shown."""
    setup = page(shell)
    type_into(qtbot, setup.display_name, "Ada Admin")
    type_into(qtbot, setup.login, login)
    type_into(qtbot, setup.password, PASSWORD)
    type_into(qtbot, setup.confirm, PASSWORD)
    qtbot.mouseClick(setup.submit, Qt.MouseButton.LeftButton)
    recovery = page(shell)
    key = str(recovery.key.text())
    qtbot.mouseClick(recovery.confirm, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(recovery.proceed, Qt.MouseButton.LeftButton)
    return key


def workspace(shell: Shell) -> Workspace:
    assert shell.workspace is not None
    return shell.workspace


def add_youth(qtbot: QtBot, shell: Shell, name: str) -> None:
    """Click "New youth", type a name, and wait until the profile says it was saved."""
    ws = workspace(shell)
    qtbot.mouseClick(ws.list_panel.new_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, ws.profile.legal_name, name)
    wait_saved(qtbot, shell)


def wait_saved(qtbot: QtBot, shell: Shell) -> None:
    label = workspace(shell).profile.save_state
    qtbot.waitUntil(lambda: label.text().startswith("Saved"), timeout=3000)


def settle(qtbot: QtBot, runner: Any) -> None:
    """Wait until the operations started on `runner` (a sign-in, an unlock) have finished."""
    qtbot.waitUntil(lambda: not runner.busy, timeout=15000)


def runner_of(widget: QWidget) -> Any:
    """The runner of the main window `widget` is in (a dialog's parent's), or None."""
    shown: QWidget | None = widget
    while shown is not None and not hasattr(shown, "runner"):
        shown = shown.parentWidget()
    return getattr(shown, "runner", None)


def press_and_settle(qtbot: QtBot, widget: QWidget, key: Qt.Key | None = None) -> None:
    """Click `widget` (or press `key` in it) and wait for what that started to finish."""
    runner = runner_of(widget)
    if key is None:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    else:
        qtbot.keyClick(widget, key)
    settle(qtbot, runner)
