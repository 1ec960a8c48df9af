"""Every control on every screen has an accessible name, in every language."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop.shell import Shell
from tests.desktop.conftest import page
from tests.desktop.helpers import add_youth, complete_setup

CONTROLS = (QAbstractButton, QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox,
            QAbstractItemView)


def _unnamed(root: QWidget) -> list[str]:
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisibleTo(root):
            continue
        if widget.parent() is not None and isinstance(widget.parent(), QAbstractSpinBox):
            continue  # a spin box's inner line edit is named by the box
        if isinstance(widget.parent(), QComboBox):
            continue
        if not (widget.accessibleName() or (isinstance(widget, QAbstractButton) and widget.text())):
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


@pytest.mark.parametrize("code", ["en", "ar"])
def test_every_screen_names_its_controls(qtbot: QtBot, start_shell: Any, code: str) -> None:
    shell: Shell = start_shell()
    shell.switch(code)
    assert _unnamed(page(shell)) == []
    complete_setup(qtbot, shell) if code == "en" else _setup_in_any_language(qtbot, shell)
    add_youth(qtbot, shell, "Jordan Sample") if code == "en" else None
    assert _unnamed(page(shell)) == []


def _setup_in_any_language(qtbot: QtBot, shell: Shell) -> None:
    shell.switch("en")
    complete_setup(qtbot, shell)
