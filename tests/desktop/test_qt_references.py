"""The Qt binding keeps Python's references straight: a long session must not crash.

PySide6 6.12.0 on Python 3.11 released a reference to None on every call of a method that
returns nothing (setText, setEnabled, …) and to True or False around queued signals: after
enough clicks and keystrokes the interpreter aborts with "deallocating None". pyproject.toml
keeps that release out; this test fails on any binding that does it again.
"""

from __future__ import annotations

import functools
import sys

from pytestqt.qtbot import QtBot

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit, QMenu

from desktop.operations.runner import Runner


def _references() -> tuple[int, int, int]:
    return sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)


def test_calls_that_return_nothing_keep_their_references(qtbot: QtBot) -> None:
    field = QLineEdit()
    qtbot.addWidget(field)
    before = _references()
    for number in range(1000):
        field.setText(str(number))
        field.setEnabled(number % 2 == 0)
    after = _references()
    assert all(a >= b for a, b in zip(after, before, strict=True)), (before, after)


def test_operations_through_the_runner_keep_their_references(qtbot: QtBot) -> None:
    runner = Runner()
    field = QLineEdit()
    qtbot.addWidget(field)
    results: list[int] = []
    before = _references()
    for number in range(200):
        runner.run(functools.partial(int, number), on_done=results.append, caller=field)
        runner.wait()
    after = _references()
    assert len(results) == 200
    assert all(a >= b for a, b in zip(after, before, strict=True)), (before, after)


def test_objects_made_after_many_operations_are_what_they_were_made_as(qtbot: QtBot) -> None:
    """A QRunnable deleted by Qt left PySide a stale wrapper at its address: a menu separator
    made later came back as that QRunnable, and the sign-in window failed to open."""
    runner = Runner()
    menu = QMenu()
    qtbot.addWidget(menu)
    for number in range(300):
        runner.run(functools.partial(int, number))
        runner.wait()
        made = [menu.addSeparator(), QObject(), QTimer()]
        assert [type(thing) for thing in made] == [QAction, QObject, QTimer]
