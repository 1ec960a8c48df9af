"""First run: create the store and the first administrator, see the recovery key once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt

from casefile.files.paths import StorePaths, StoreState
from casefile.keys.keyfile import read_key_file, unlock_with_recovery_key
from desktop.pages.login import LoginPage
from desktop.pages.setup import SetupPage
from desktop.workspace.workspace import Workspace
from tests.desktop.conftest import PASSWORD, page
from tests.desktop.helpers import complete_setup, type_into


def test_setup_creates_store_and_shows_a_working_recovery_key(
    qtbot: QtBot, start_shell: Any, data_dir: Path
) -> None:
    shell = start_shell()
    assert isinstance(page(shell), SetupPage)
    key = complete_setup(qtbot, shell)
    assert isinstance(page(shell), Workspace)
    paths = StorePaths(data_dir)
    assert paths.state() is StoreState.READY
    assert len(unlock_with_recovery_key(read_key_file(paths.keys), key)) == 32
    assert key not in paths.keys.read_text()


def test_setup_refuses_mismatched_passwords_and_creates_nothing(
    qtbot: QtBot, start_shell: Any, data_dir: Path
) -> None:
    shell = start_shell()
    setup = page(shell)
    type_into(qtbot, setup.display_name, "Ada Admin")
    type_into(qtbot, setup.login, "ada")
    type_into(qtbot, setup.password, PASSWORD)
    type_into(qtbot, setup.confirm, PASSWORD + "x")
    qtbot.mouseClick(setup.submit, Qt.MouseButton.LeftButton)
    assert setup.message.text() == "The two passwords are not the same."
    assert StorePaths(data_dir).state() is StoreState.NEW


def test_continue_needs_the_key_confirmed(qtbot: QtBot, start_shell: Any) -> None:
    shell = start_shell()
    setup = page(shell)
    for field, text in ((setup.display_name, "Ada"), (setup.login, "ada"),
                        (setup.password, PASSWORD), (setup.confirm, PASSWORD)):
        type_into(qtbot, field, text)
    qtbot.mouseClick(setup.submit, Qt.MouseButton.LeftButton)
    recovery = page(shell)
    assert not recovery.proceed.isEnabled()
    qtbot.mouseClick(recovery.confirm, Qt.MouseButton.LeftButton)
    assert recovery.proceed.isEnabled()


def test_next_start_asks_to_sign_in(qtbot: QtBot, start_shell: Any) -> None:
    first = start_shell()
    complete_setup(qtbot, first)
    first.close()
    second = start_shell()
    assert isinstance(page(second), LoginPage)


def test_the_data_folder_keeps_its_own_direction_in_arabic(
    qtbot: QtBot, start_shell: Any, data_dir: Path, switcher: Any,
) -> None:
    """In Arabic the folder read "tmp/xrun/": a path is isolated left to right."""
    switcher.switch("ar")
    shell = start_shell()
    setup = page(shell)
    assert isinstance(setup, SetupPage)
    assert f"\u2066{data_dir}\u2069" in setup.intro.text()
    switcher.switch("en")
