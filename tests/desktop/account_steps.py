"""Steps an administrator, a supervisor or a caseworker takes with accounts and menus."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QWidget

from casefile.staff import accounts
from casefile.store import open_store
from desktop.shell import Shell
from tests.desktop.conftest import PASSWORD, page
from tests.desktop.helpers import runner_of, settle, type_into

LEFT = Qt.MouseButton.LeftButton


def click(qtbot: QtBot, button: QWidget) -> None:
    """Click `button` and wait for any operation that started (a sign-in) to finish."""
    assert button.isEnabled(), f"{button.objectName()} is disabled"
    runner = runner_of(button)
    qtbot.mouseClick(button, LEFT)
    if runner is not None:
        settle(qtbot, runner)


def sign_in(qtbot: QtBot, shell: Shell, login: str, password: str = PASSWORD) -> Any:
    """Type a sign-in name and password on the sign-in page and press Sign in."""
    login_page = page(shell)
    type_into(qtbot, login_page.login, login)
    type_into(qtbot, login_page.password, password)
    click(qtbot, login_page.submit)
    return page(shell)


def restart(start_shell: Any, shell: Shell) -> Shell:
    """Close Waymark and start it again on the same data folder."""
    shell.close()
    return start_shell()  # type: ignore[no-any-return]


def open_dialog(shell: Shell, action_name: str) -> Any:
    """Choose a menu item (by its object name) and return the dialog it opened."""
    menus = shell.account_menus
    action = getattr(menus, action_name)
    assert action.isVisible() and action.isEnabled(), f"{action_name} is not offered"
    action.trigger()
    dialog = menus.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def click_row(qtbot: QtBot, table: QAbstractItemView, text: str, column: int = 0) -> None:
    """Click the row whose cell in `column` shows `text`."""
    model = table.model()
    for row in range(model.rowCount()):
        index = model.index(row, column)
        if index.data() == text:
            table.scrollTo(index)
            qtbot.mouseClick(table.viewport(), LEFT, pos=table.visualRect(index).center())
            return
    raise AssertionError(f"no row shows {text!r}")


def choose(combo: QComboBox, text: str) -> None:
    """Pick the item showing `text` from a drop-down list, as a person does with the mouse."""
    position = combo.findText(text)
    assert position >= 0, f"{text!r} is not offered"
    combo.setCurrentIndex(position)
    combo.activated.emit(position)


def add_account_directly(data_dir: Path, login: str, name: str, roles: set[str],
                         supervisor_id: int | None = None, password: str = PASSWORD) -> int:
    """Set-up for tests about something else: an account made as `waymark-admin user add` would."""
    store = open_store(data_dir, "ada", PASSWORD)
    try:
        return accounts.add_account(store, login, name, roles, password, supervisor_id)
    finally:
        store.close()
