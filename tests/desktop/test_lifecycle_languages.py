"""The plan's lifecycle screens speak the interface language: the agreement panel, an agreed
plan, the versions and what changed, a missing episode with its flags and the return debrief,
switched live to Spanish, Arabic and Chinese while shown, leave no English word; Arabic lays
them out right to left; typing in the debrief is kept over the switch."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QWidget,
)

from desktop.operations import missing as missing_ops
from planning.missing import EpisodeFields
from tests.desktop.account_steps import click
from tests.desktop.helpers import type_into, workspace
from tests.desktop.test_plan_editor import _go, started_plan
from tests.desktop.test_plan_languages import NUMBER_OR_NAME
from tests.desktop.test_plan_lifecycle import _sign


def _words_on(page: QWidget) -> set[str]:
    found: set[str] = set()

    def shown(widgets: list[Any]) -> list[Any]:
        return [widget for widget in widgets if widget.isVisibleTo(page)]

    for label in shown(page.findChildren(QLabel)):
        found.add(label.text())
    for button in shown(page.findChildren(QAbstractButton)):
        found.add(button.text())
    for field in shown(page.findChildren(QLineEdit) + page.findChildren(QPlainTextEdit)):
        found.add(field.placeholderText())
    for combo in shown(page.findChildren(QComboBox)):
        found |= {combo.itemText(i) for i in range(combo.count())}
    for table in shown(page.findChildren(QTableWidget)):
        found |= {str(table.horizontalHeaderItem(c).text()) for c in range(table.columnCount())
                  if table.horizontalHeaderItem(c) is not None}
        found |= {table.item(r, c).text() for r in range(table.rowCount())
                  for c in range(table.columnCount()) if table.item(r, c) is not None}
    typed = {"Fights at home", "I fix bikes", "I fix bikes and skateboards", "Jordan",
             "Ada Admin", "No"}  # what was typed, a name, and Spanish for "No"
    bare = {text.replace("\u2068", "").replace("\u2069", "").replace("&", "") for text in found}
    return {text for text in bare if text and text not in typed
            and not NUMBER_OR_NAME.search(text.replace("\u2066", ""))}


def _left(shell: Any, page: QWidget, code: str) -> set[str]:
    QApplication.processEvents()
    english = _words_on(page)
    shell.switch(code)
    QApplication.processEvents()
    left = english & _words_on(page)
    if code == "ar":
        assert page.isRightToLeft()
    shell.switch("en")
    QApplication.processEvents()
    return left


@pytest.mark.parametrize("code", ["es", "ar", "zh_CN"])
def test_no_english_is_left_on_the_lifecycle_screens(
    qtbot: QtBot, start_shell: Any, code: str
) -> None:
    shell, editor = started_plan(qtbot, start_shell)
    type_into(qtbot, editor.boxes[0].fields["text"], "I fix bikes")
    _go(editor, "agreement")
    left = _left(shell, editor, code)  # the agreement panel
    _sign(qtbot, editor, "Jordan")
    left |= _left(shell, editor, code)  # an agreed version
    click(qtbot, editor.new_draft_button)
    _go(editor, "about-me")
    editor.boxes[0].fields["text"].selectAll()
    type_into(qtbot, editor.boxes[0].fields["text"], "I fix bikes and skateboards")
    _sign(qtbot, editor, "Jordan")
    ws = workspace(shell)
    ws.tabs.setCurrentWidget(ws.versions)
    left |= _left(shell, ws.versions, code)  # the versions and what changed
    now = missing_ops.clock()
    youth = ws.profile.record.id  # type: ignore[union-attr]
    missing_ops.record_missing(ws.session, youth, EpisodeFields(
        now - timedelta(days=2), returned_at=now - timedelta(hours=1)))
    missing_ops.record_missing(ws.session, youth, EpisodeFields(now - timedelta(minutes=30)))
    ws.tabs.setCurrentWidget(ws.missing)
    ws.missing.load(youth)
    left |= _left(shell, ws.missing, code)  # an open episode, its flags
    ws.missing.list.setCurrentRow(1)  # the return, and its debrief
    debrief = ws.missing.debrief
    type_into(qtbot, debrief.texts["before_leaving"], "Fights at home")
    debrief.answers["threats"].setCurrentIndex(debrief.answers["threats"].findData("yes"))
    left |= _left(shell, ws.missing, code)
    assert debrief.texts["before_leaving"].toPlainText() == "Fights at home"  # kept
    assert sorted(left) == [], f"English left in {code}: {sorted(left)[:5]}"
