"""The together view: a young person at the screen sees their own plan in large text and
nothing else: no youth list, no other youth's name, no staff-only control, no menus. Leaving it
asks for the staff member's password; entering and leaving are in the audit trail; quick-hide
still locks at once."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget

from casefile.db.models import AuditEntry
from desktop.locking.page import LockPage
from desktop.operations.session import store_of
from desktop.workspace.together import SCALE, TogetherPage
from tests.desktop.account_steps import click
from tests.desktop.conftest import PASSWORD, page
from tests.desktop.helpers import add_youth, complete_setup, type_into, workspace
from tests.desktop.test_locking import hide_keys, unlock


def _together(qtbot: QtBot, start_shell: Any) -> Any:
    """Two youth; Jordan's plan started and shown in the together view."""
    shell = start_shell()
    complete_setup(qtbot, shell)
    add_youth(qtbot, shell, "Mariana Ejemplo")
    add_youth(qtbot, shell, "Jordan Sample")
    ws = workspace(shell)
    ws.tabs.setCurrentWidget(ws.plan)
    click(qtbot, ws.plan.start_button)
    click(qtbot, ws.plan.together_button)
    assert isinstance(shell.pages.currentWidget(), TogetherPage)
    return shell


def _shown_texts(window: QWidget) -> list[str]:
    texts = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            texts.append(widget.text())
    return texts


def test_the_together_view_shows_one_youths_plan_in_large_text_and_nothing_else(
    qtbot: QtBot, start_shell: Any
) -> None:
    shell = _together(qtbot, start_shell)
    together = shell.together
    ws = workspace(shell)
    assert not shell.menuBar().isVisible()
    assert not ws.isVisible() and not ws.list_panel.isVisible()
    texts = " ".join(_shown_texts(shell))
    assert "Mariana" not in texts  # no other youth's name anywhere on screen
    assert "Placement" not in texts and "Caseworker" not in texts  # no case notes, no staff
    assert not any(box.voice.isVisibleTo(together) for box in together.editor.boxes)
    assert all(box.keep_off.isVisibleTo(together) for box in together.editor.boxes)
    assert not together.editor.guide.isVisibleTo(together)
    normal = ws.plan.title.font().pointSizeF()
    assert together.editor.title.font().pointSizeF() >= 1.4 * normal
    answer = together.editor.boxes[0]
    assert answer.fields["text"].font().pointSizeF() >= 1.4 * QApplication.font().pointSizeF()
    assert answer.labels["text"].font().pointSizeF() >= 1.4 * QApplication.font().pointSizeF()
    assert SCALE >= 1.4
    qtbot.keyClick(together.editor.next_button, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert shell.pages.currentWidget() is together  # New youth is not reachable from here


def test_leaving_asks_for_the_staff_password_and_both_are_in_the_audit_trail(
    qtbot: QtBot, start_shell: Any
) -> None:
    shell = _together(qtbot, start_shell)
    together = shell.together
    type_into(qtbot, together.editor.boxes[0].fields["text"], "I am good at soccer.")
    click(qtbot, together.leave_button)
    type_into(qtbot, together.password, "not the password")
    click(qtbot, together.confirm)
    qtbot.waitUntil(lambda: bool(together.message.text()), timeout=10000)
    assert "do not match" in together.message.text()
    assert shell.pages.currentWidget() is together  # still the young person's view
    type_into(qtbot, together.password, PASSWORD)
    click(qtbot, together.confirm)
    qtbot.waitUntil(lambda: shell.together is None, timeout=10000)
    ws = workspace(shell)
    assert shell.pages.currentWidget() is ws and shell.menuBar().isVisibleTo(shell)
    assert ws.plan.boxes[0].values() == {"text": "I am good at soccer."}
    with store_of(ws.session).unit() as session:
        actions = list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
    assert actions.count("together-start") == 1 and actions.count("together-end") == 1
    assert actions.index("together-start") < actions.index("together-end")


def test_quick_hide_locks_the_together_view_at_once(qtbot: QtBot, start_shell: Any) -> None:
    shell = _together(qtbot, start_shell)
    together = shell.together
    type_into(qtbot, together.editor.boxes[0].fields["text"], "Music")
    hide_keys(qtbot, together.editor.boxes[0].fields["text"])
    assert isinstance(page(shell), LockPage)
    assert shell.together is None
    QApplication.processEvents()
    unlock(qtbot, shell)
    ws = workspace(shell)
    assert shell.pages.currentWidget() is ws  # unlocking opens the full view
    assert ws.plan.boxes[0].values() == {"text": "Music"}
