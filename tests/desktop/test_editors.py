"""The youth's page hosts editors through one protocol: a new editor, registered from outside,
is loaded for each youth, keeps its typing over a lock and hears what other screens changed,
with no change to the workspace or the lock code."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout, QWidget

from desktop.operations.runner import ChangeNotice
from desktop.operations.session import Session
from desktop.workspace import editor as editor_module
from desktop.workspace.editor import EditorSnapshot
from tests.desktop.conftest import page
from tests.desktop.helpers import type_into, workspace
from tests.desktop.test_locking import signed_in_with_youth, unlock

TYPED = "Wants to talk about school first 📚"


class ScratchEditor(QWidget):
    """A small editor of notes kept in memory, standing in for the safety plan."""

    key = "scratch"

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.text = QPlainTextEdit()
        self.text.setObjectName("scratch-text")
        QVBoxLayout(self).addWidget(self.text)
        self.loaded: list[int] = []
        self.notices: list[ChangeNotice] = []
        self.flushes = 0
        made.append(self)

    def tab_title(self) -> str:
        return "&Scratch"

    def load(self, youth_id: int) -> None:
        self.loaded.append(youth_id)
        self.text.clear()

    def flush(self) -> None:
        self.flushes += 1

    def has_unsaved(self) -> bool:
        return bool(self.text.toPlainText())

    def snapshot(self) -> EditorSnapshot:
        return EditorSnapshot({"text": self.text.toPlainText()})

    def restore(self, snapshot: EditorSnapshot) -> None:
        self.text.setPlainText(snapshot.unsaved.get("text", ""))

    def accept(self, notice: ChangeNotice) -> None:
        self.notices.append(notice)


made: list[ScratchEditor] = []


@pytest.fixture(autouse=True)
def scratch_registered(monkeypatch: pytest.MonkeyPatch) -> None:
    made.clear()
    monkeypatch.setattr(editor_module, "_FACTORIES", [])
    editor_module.register_editor(ScratchEditor)


def test_a_registered_editor_is_a_tab_of_the_youth_page_and_keeps_its_typing_over_a_lock(
    qtbot: QtBot, start_shell: Any,
) -> None:
    shell = signed_in_with_youth(qtbot, start_shell)
    ws = workspace(shell)
    scratch = made[-1]
    assert [ws.tabs.tabText(i) for i in range(ws.tabs.count())] == [
        "Pro&file", "Safety &plan", "&Versions", "Missing from &care", "&Scratch", "Doc&uments"]
    youth_id = ws.profile.record.id  # type: ignore[union-attr]
    assert scratch.loaded == [youth_id]  # loaded once the new youth was saved
    assert ChangeNotice(youth_id, "profile") in scratch.notices
    ws.tabs.setCurrentWidget(scratch)
    type_into(qtbot, scratch.text, TYPED)
    shell.lock_action.trigger()
    assert scratch.flushes >= 1  # asked to save before the lock
    unlock(qtbot, shell)
    again = workspace(shell)
    back = made[-1]
    assert back is not scratch  # a new workspace, a new editor
    assert back.text.toPlainText() == TYPED
    assert again.tabs.currentWidget() is back
    assert back.loaded[-1] == youth_id


def test_other_editors_wait_until_a_new_youth_is_saved(qtbot: QtBot, start_shell: Any) -> None:
    shell = signed_in_with_youth(qtbot, start_shell)
    ws = workspace(shell)
    ws.new_youth()
    assert ws.tabs.isTabEnabled(0) and not ws.tabs.isTabEnabled(1)
    type_into(qtbot, ws.profile.legal_name, "Another Sample")
    ws.profile.autosave.flush()
    assert ws.tabs.isTabEnabled(1)
    assert made[-1].loaded[-1] == ws.profile.record.id  # type: ignore[union-attr]
    assert page(shell) is ws


def test_a_change_notice_from_the_runner_reaches_every_editor(
    qtbot: QtBot, start_shell: Any,
) -> None:
    shell = signed_in_with_youth(qtbot, start_shell)
    scratch = made[-1]
    notice = ChangeNotice(41, "plan")
    shell.runner.run(lambda: None, notice=lambda _result: notice)
    qtbot.waitUntil(lambda: notice in scratch.notices, timeout=3000)


def test_a_fresh_waymark_has_the_needs_assessment_and_goals_tabs_registered() -> None:
    """Registered by the workspace's own imports, not by whatever a test happened to import."""
    import os
    import subprocess
    import sys

    found = subprocess.run(
        [sys.executable, "-c", "from desktop.workspace import workspace\n"
         "from desktop.workspace.editor import registered_editors\n"
         "print(' '.join(make.__name__ for make in registered_editors()))"],
        capture_output=True, text=True, check=True, env={**os.environ,
                                                         "QT_QPA_PLATFORM": "offscreen"})
    assert found.stdout.split() == ["AssessmentEditor", "GoalsEditor"]
