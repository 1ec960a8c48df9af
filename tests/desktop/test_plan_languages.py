"""Every plan screen speaks the interface language: no English word is left on a section's
page in Spanish, Arabic or Chinese (titles, explanations, questions, examples, checklists, help
lines, buttons), and Arabic lays the plan out right to left."""

from __future__ import annotations

import re
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QPlainTextEdit

from desktop.workspace.plan_editor import PlanEditor
from tests.desktop.account_steps import click
from tests.desktop.helpers import add_youth, complete_setup, workspace

NUMBER_OR_NAME = re.compile(r"^[\W\d_]*$|Jordan Sample|Waymark")


def _words_on(editor: PlanEditor) -> set[str]:
    found: set[str] = set()

    def shown(widgets: list[Any]) -> list[Any]:
        return [widget for widget in widgets if widget.isVisibleTo(editor)]

    for label in shown(editor.findChildren(QLabel)):
        found.add(label.text())
    for button in shown(editor.findChildren(QAbstractButton)):
        found.add(button.text())
    for field in shown(editor.findChildren(QLineEdit) + editor.findChildren(QPlainTextEdit)):
        found.add(field.placeholderText())
    for row in range(editor.guide.count()):
        found.add(editor.guide.item(row).text())
    return {text.replace("&", "") for text in found
            if text and not NUMBER_OR_NAME.search(text.replace("\u2066", "").replace("\u2069", ""))}


def _left_in_english(shell: Any, editor: PlanEditor, code: str) -> set[str]:
    """Each section shown in English, then switched to `code` while it is on screen: the
    English words still shown."""
    left: set[str] = set()
    for row in range(editor.guide.count()):
        editor.guide.setCurrentRow(row)
        QApplication.processEvents()
        english = _words_on(editor)
        shell.switch(code)
        QApplication.processEvents()
        left |= english & _words_on(editor)
        shell.switch("en")
        QApplication.processEvents()
    return left


@pytest.mark.parametrize("code", ["es", "ar", "zh_CN"])
def test_no_english_is_left_on_any_section_of_the_plan(
    qtbot: QtBot, start_shell: Any, code: str
) -> None:
    shell = start_shell()
    complete_setup(qtbot, shell)
    add_youth(qtbot, shell, "Jordan Sample")
    ws = workspace(shell)
    ws.tabs.setCurrentWidget(ws.plan)
    click(qtbot, ws.plan.start_button)
    left = sorted(_left_in_english(shell, ws.plan, code))
    assert left == [], f"English left in {code}: {left[:5]}"
    shell.switch(code)
    QApplication.processEvents()
    if code == "ar":
        assert ws.plan.isRightToLeft()
        assert ws.plan.guide.layoutDirection() == Qt.LayoutDirection.RightToLeft
