"""Signing in, and what a wrong password does (a clear message, nothing written)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt

from casefile.keyfile import read_key_file
from casefile.paths import KEYS_NAME
from casefile.store import create_store
from desktop.pages.login import LoginPage
from desktop.workspace.workspace import Workspace
from tests.desktop.conftest import PASSWORD, page
from tests.desktop.helpers import type_into


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file but the key file's lock (created empty by the first key-file update)."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())
            if p.name != KEYS_NAME + ".lock"}


def test_wrong_password_shows_message_and_writes_only_the_failure(
    qtbot: QtBot, start_shell: Any, data_dir: Path
) -> None:
    create_store(data_dir, "ada", "Ada Admin", PASSWORD)[0].close()
    before = _snapshot(data_dir)
    shell = start_shell()
    login = page(shell)
    assert isinstance(login, LoginPage)
    type_into(qtbot, login.login, "ada")
    type_into(qtbot, login.password, "not it")
    qtbot.keyClick(login.password, Qt.Key.Key_Return)
    assert "do not match" in login.message.text()
    assert isinstance(page(shell), LoginPage)
    after = _snapshot(data_dir)
    assert after.pop(KEYS_NAME) != before.pop(KEYS_NAME)  # the failure, for back-off and audit
    before.pop(KEYS_NAME + ".lock", None)  # the key file's lock, empty, made with the store
    assert after == before
    failures = read_key_file(data_dir / KEYS_NAME).failures_of("ada")
    assert failures is not None and failures.count == 1


def test_right_password_opens_the_workspace(
    qtbot: QtBot, start_shell: Any, data_dir: Path
) -> None:
    create_store(data_dir, "ada", "Ada Admin", PASSWORD)[0].close()
    shell = start_shell()
    login = page(shell)
    type_into(qtbot, login.login, "ADA ")
    type_into(qtbot, login.password, PASSWORD)
    qtbot.mouseClick(login.submit, Qt.MouseButton.LeftButton)
    assert isinstance(page(shell), Workspace)
    assert login.password.text() == ""


def test_a_key_file_that_is_a_folder_is_one_clear_sentence_naming_it(
    qtbot: QtBot, start_shell: Any, data_dir: Path
) -> None:
    create_store(data_dir, "ada", "Ada Admin", PASSWORD)[0].close()
    keys = data_dir / KEYS_NAME
    keys.unlink()
    keys.mkdir()
    shell = start_shell()
    login = page(shell)
    type_into(qtbot, login.login, "ada")
    type_into(qtbot, login.password, PASSWORD)
    qtbot.mouseClick(login.submit, Qt.MouseButton.LeftButton)
    assert isinstance(page(shell), LoginPage)
    assert str(keys) in login.message.text()
    assert "it is a folder, not a file" in login.message.text()
    assert keys.is_dir() and list(keys.iterdir()) == []


def test_the_wrong_password_message_says_what_was_written(
    qtbot: QtBot, start_shell: Any, data_dir: Path
) -> None:
    create_store(data_dir, "ada", "Ada Admin", PASSWORD)[0].close()
    shell = start_shell()
    login = page(shell)
    type_into(qtbot, login.login, "ada")
    type_into(qtbot, login.password, "not it")
    qtbot.keyClick(login.password, Qt.Key.Key_Return)
    assert "Nothing was changed" not in login.message.text()
    assert "The failed try was counted" in login.message.text()
