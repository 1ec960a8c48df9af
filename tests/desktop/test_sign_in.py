"""Signing in, and what a wrong password does (a clear message, nothing written)."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from shiboken6 import isValid

from casefile import unlocking
from casefile.files.paths import KEYS_NAME
from casefile.keys.keyfile import read_key_file
from casefile.store import create_store
from desktop.operations import signing_in
from desktop.pages.login import LoginPage
from desktop.workspace.workspace import Workspace
from tests.desktop.conftest import PASSWORD, page
from tests.desktop.helpers import press_and_settle, type_into


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
    press_and_settle(qtbot, login.password, Qt.Key.Key_Return)
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
    press_and_settle(qtbot, login.submit)
    assert isinstance(page(shell), Workspace)
    assert not isValid(login) or login.password.text() == ""  # the password is gone


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
    press_and_settle(qtbot, login.submit)
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
    press_and_settle(qtbot, login.password, Qt.Key.Key_Return)
    assert "Nothing was changed" not in login.message.text()
    assert "The failed try was counted" in login.message.text()


def test_signing_in_runs_off_the_window_which_waits_and_keeps_painting(
    qtbot: QtBot, start_shell: Any, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The key derivation takes a noticeable moment: the window shows that it waits (the page
    disabled, the busy cursor) and goes on handling events until the workspace appears."""
    create_store(data_dir, "ada", "Ada Admin", PASSWORD)[0].close()
    threads: list[int] = []
    real_unlock = unlocking.unlock_with_password

    def slow_unlock(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.get_ident())
        time.sleep(0.3)
        return real_unlock(*args, **kwargs)

    monkeypatch.setattr(signing_in, "unlock_with_password", slow_unlock)
    shell = start_shell()
    login = page(shell)
    type_into(qtbot, login.login, "ada")
    type_into(qtbot, login.password, PASSWORD)
    ticks: list[int] = []
    ticker = QTimer(interval=10)
    ticker.timeout.connect(lambda: ticks.append(1))
    ticker.start()
    qtbot.mouseClick(login.submit, Qt.MouseButton.LeftButton)
    assert not login.isEnabled()
    assert QGuiApplication.overrideCursor() is not None
    qtbot.waitUntil(lambda: isinstance(page(shell), Workspace), timeout=10000)
    ticker.stop()
    assert threads and threads[0] != threading.get_ident()
    assert len(ticks) >= 10  # 0.3 s of waiting, and the window handled its timer all along
    assert QGuiApplication.overrideCursor() is None


def test_the_keyring_is_asked_off_the_window_while_the_person_types(
    qtbot: QtBot, start_shell: Any, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Asking the system keyring can take a while (a D-Bus round trip, an unlock prompt): it is
    done on the worker as the sign-in page appears, and the click finds the answer ready."""
    from casefile import workstation as workstation_module

    create_store(data_dir, "ada", "Ada Admin", PASSWORD)[0].close()
    asked: list[int] = []
    real = workstation_module.current_workstation

    def asking() -> Any:
        asked.append(threading.get_ident())
        return real()

    monkeypatch.setattr(workstation_module, "current_workstation", asking)
    shell = start_shell()
    qtbot.waitUntil(lambda: bool(asked), timeout=5000)
    login = page(shell)
    type_into(qtbot, login.login, "ada")
    type_into(qtbot, login.password, PASSWORD)
    press_and_settle(qtbot, login.submit)
    assert isinstance(page(shell), Workspace)
    assert len(asked) == 1 and asked[0] != threading.get_ident()
