"""Desktop fixtures: one session QApplication (pytest-qt), a language switcher, the main window."""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QApplication

from desktop.app import Controller
from desktop.shell import Shell
from desktop.translation import LanguageSwitcher

PASSWORD = "a long enough password"


@pytest.fixture
def switcher(qapp: QApplication) -> Iterator[LanguageSwitcher]:
    switcher = LanguageSwitcher(qapp)
    switcher.switch("en")
    yield switcher
    switcher.switch("en")
    switcher.deleteLater()


@pytest.fixture
def start_shell(qtbot: QtBot, switcher: LanguageSwitcher, data_dir: Path):  # type: ignore[no-untyped-def]
    """Start Waymark on `data_dir` as the `waymark` command would, and return its window."""

    def start(demo: bool = False) -> Shell:
        shell = Shell(switcher, data_dir, demo=demo)
        qtbot.addWidget(shell)
        controller = Controller(shell)
        controller.start_demo() if demo else controller.start()
        shell.show()
        shell.controller = controller  # type: ignore[attr-defined]
        return shell

    return start


def page(shell: Shell) -> Any:
    """The page on screen; typed loosely because each test knows which page it expects."""
    widget = shell.pages.currentWidget()
    assert widget is not None
    return widget


@pytest.fixture(autouse=True)
def keep_none_alive() -> Iterator[None]:
    """Give back the references to None that PySide6 6.12 drops.

    On Python 3.11, QApplication.processEvents() and QTest.qWait() (used by qtbot.waitUntil)
    each release one reference to None that they never took. Enough of them abort the run with
    "deallocating None". Waymark itself never calls either; the tests do.
    """
    before = sys.getrefcount(None)
    yield
    for _ in range(max(0, before - sys.getrefcount(None))):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(None))


@pytest.fixture(autouse=True)
def no_leaked_windows(qapp: QApplication) -> Iterator[None]:
    before = set(qapp.topLevelWidgets())
    yield
    QApplication.processEvents()
    leaked = [w for w in qapp.topLevelWidgets() if w not in before and w.isVisible()]
    assert not leaked, f"windows left open: {leaked}"
