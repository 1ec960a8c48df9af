"""Goals and steps as a caseworker works with them: a goal in the young person's words with two
action steps (who does them, by when) and a referral to a service found by typing in the
directory; a step past due shows in the youth list's "Needs attention" column and in "Due this
week" once the clock moves on, and choosing it there opens the youth's Goals and steps tab;
everything is there after a restart; a switch to Arabic keeps what is typed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from casefile.cases.youth import list_youth
from desktop.operations import goals as goals_ops
from desktop.operations.session import store_of
from desktop.shell import Shell
from desktop.workspace import goals_saving
from desktop.workspace.goal_box import GoalBox
from desktop.workspace.goals_editor import GoalsEditor
from desktop.workspace.list_model import Column, Showing
from desktop.workspace.referral_dialog import ReferralDialog
from desktop.workspace.step_row import StepRow
from services_needs.directory import ServiceFields, add_service
from tests.desktop.account_steps import choose, click, restart, sign_in
from tests.desktop.helpers import add_youth, complete_setup, type_into, workspace
from tests.desktop.test_locking import unlock

TODAY = date(2027, 3, 10)
GOAL = "Get my own place by the summer 🏠"


@pytest.fixture(autouse=True)
def clock(monkeypatch: pytest.MonkeyPatch) -> list[date]:
    """The day the goals' screens and operations see; a test moves it by changing `[0]`."""
    day = [TODAY]
    monkeypatch.setattr(goals_ops, "today", lambda: day[0])
    monkeypatch.setattr(goals_saving, "_confirm", lambda parent, question: True)
    return day


def _bare(text: str) -> str:
    """Words without the marks that keep a youth's words in their own direction."""
    return text.replace("\u2068", "").replace("\u2069", "")


def _goals_tab(shell: Shell, name: str = "Jordan Sample") -> GoalsEditor:
    ws = workspace(shell)
    youth_id = next(r.id for r in list_youth(store_of(ws.session)) if r.legal_name == name)
    ws.list_panel.select(youth_id)
    ws.open_youth(youth_id)
    editor = next(e for e in ws.editors if isinstance(e, GoalsEditor))
    ws.tabs.setCurrentWidget(editor)
    QApplication.processEvents()
    return editor


def _started(qtbot: QtBot, start_shell: Any) -> tuple[Shell, GoalsEditor]:
    """A new store with a directory of two services and Jordan Sample, on the goals tab."""
    shell = start_shell()
    complete_setup(qtbot, shell)
    store = store_of(workspace(shell).session)
    add_service(store, ServiceFields("Harbor Youth Housing", ("housing",),
                                     phone="+1 (555) 010-4477"))
    add_service(store, ServiceFields("Northside Teen Clinic", ("physical-health",),
                                     phone="555-0102"))
    add_youth(qtbot, shell, "Jordan Sample")
    return shell, _goals_tab(shell)


def _add_goal(qtbot: QtBot, editor: GoalsEditor, domain: str, words: str) -> GoalBox:
    choose(editor.new_goal.domain, domain)
    type_into(qtbot, editor.new_goal.words, words)
    click(qtbot, editor.new_goal.add_button)
    QApplication.processEvents()
    return editor.boxes[-1]


def _fill_step(qtbot: QtBot, row: StepRow, words: str, owner: str, due: str,
               name: str = "") -> None:
    type_into(qtbot, row.words, words)
    choose(row.owner, owner)
    if name:
        type_into(qtbot, row.owner_name, name)
    type_into(qtbot, row.due.edit, due)


def _saved(qtbot: QtBot, editor: GoalsEditor) -> None:
    editor.autosave.flush()
    qtbot.waitUntil(lambda: editor.state.text() == "Saved", timeout=3000)


def _refer(qtbot: QtBot, editor: GoalsEditor, box: GoalBox, search: str) -> None:
    click(qtbot, box.refer_button)
    dialog = editor.findChild(ReferralDialog)
    assert dialog is not None and dialog.isVisible()
    type_into(qtbot, dialog.picker.search, search)
    qtbot.keyClick(dialog.picker.search, Qt.Key.Key_Return)
    assert not dialog.isVisible()


def test_a_goal_with_two_steps_and_a_referral_is_all_there_after_a_restart(
    qtbot: QtBot, start_shell: Any
) -> None:
    shell, editor = _started(qtbot, start_shell)
    assert editor.empty.isVisibleTo(editor) and "No goals yet" in editor.empty.text()
    box = _add_goal(qtbot, editor, "A safe place to live", GOAL)
    assert not editor.empty.isVisibleTo(editor)
    assert editor.sections["housing"][0].isVisibleTo(editor)  # under its domain's title
    first = box.steps[0]  # a new goal opens its first step
    assert first.words.hasFocus()
    _fill_step(qtbot, first, "Fill in the housing form", "The young person", "2027-03-20")
    click(qtbot, box.add_step_button)
    _fill_step(qtbot, box.steps[1], "Call the landlord", "A provider", "2027-03-12",
               name="Ms. Ortega")
    _saved(qtbot, editor)
    _refer(qtbot, editor, box, "harbor")
    [referral] = box.referrals
    assert "Harbor Youth Housing" in referral.service.text()
    assert "\u2066+1 (555) 010-4477\u2069" in referral.service.text()  # left to right
    choose(referral.status, "Referral made")
    type_into(qtbot, referral.follow_up_on.edit, "2027-03-17")
    _saved(qtbot, editor)
    assert referral.state_line.text() == "Marked “Referral made” on Mar 10, 2027."

    shell = restart(start_shell, shell)
    sign_in(qtbot, shell, "ada")
    editor = _goals_tab(shell)
    [box] = editor.boxes
    assert box.words.toPlainText() == GOAL and box.status.currentText() == "Working on it"
    assert [(r.words.text(), r.owner.currentText(), r.owner_name.text(), r.due.value(),
             r.status.currentText()) for r in box.steps] == [
        ("Fill in the housing form", "The young person", "", date(2027, 3, 20), "To do"),
        ("Call the landlord", "A provider", "Ms. Ortega", date(2027, 3, 12), "To do")]
    [referral] = box.referrals
    assert referral.referral.service_name == "Harbor Youth Housing"
    assert (referral.status.currentText(), referral.made_on.value(),
            referral.follow_up_on.value()) == ("Referral made", TODAY, date(2027, 3, 17))
    assert not editor.flags_line.isVisibleTo(editor)  # nothing overdue yet


def test_a_step_past_due_shows_in_the_list_and_in_due_this_week(
    qtbot: QtBot, start_shell: Any, clock: list[date]
) -> None:
    shell, editor = _started(qtbot, start_shell)
    box = _add_goal(qtbot, editor, "A safe place to live", GOAL)
    _fill_step(qtbot, box.steps[0], "Call the landlord", "Caseworker", "2027-03-12")
    _saved(qtbot, editor)
    ws = workspace(shell)
    assert ws.list_panel.model.index(0, Column.ALERTS).data() == ""

    clock[0] = TODAY + timedelta(days=5)  # the step's day passes; Waymark opened again
    shell = restart(start_shell, shell)
    sign_in(qtbot, shell, "ada")
    ws = workspace(shell)
    assert ws.list_panel.model.index(0, Column.ALERTS).data() == "Action step overdue"
    choose(ws.list_panel.showing, "Steps or referrals overdue")
    assert ws.list_panel.model.showing == Showing.WORK_OVERDUE
    assert ws.list_panel.model.counts() == (1, 1)

    click(qtbot, ws.list_panel.due_button)
    due = ws.due
    assert due is not None and due.isVisible()
    assert [_bare(due.table.item(0, c).text()) for c in range(4)] == [  # type: ignore[union-attr]
        "Jordan Sample", "Step: Call the landlord", "Mar 12, 2027", "Overdue by 3 days"]
    click(qtbot, due.open_button)
    assert not due.isVisible()
    editor = next(e for e in ws.editors if isinstance(e, GoalsEditor))
    assert ws.tabs.currentWidget() is editor
    row = editor.boxes[0].steps[0]
    assert row.due_line.text() == "Overdue: this step was due on Mar 12, 2027."
    assert editor.flags_line.text() == "1 action step is overdue."

    choose(row.status, "Done")  # done: no longer overdue, in the list either
    _saved(qtbot, editor)
    assert row.due_line.text() == "Done on Mar 15, 2027."
    assert ws.list_panel.model.counts() == (0, 1)  # nobody has anything overdue now
    choose(ws.list_panel.showing, "All youth")
    assert ws.list_panel.model.index(0, Column.ALERTS).data() == ""
    click(qtbot, ws.list_panel.due_button)
    due = ws.due
    assert due is not None and due.empty.isVisibleTo(due)
    assert due.empty.text() == "Nothing due this week."
    due.reject()


def test_a_due_date_in_the_past_is_overdue_at_once(qtbot: QtBot, start_shell: Any) -> None:
    shell, editor = _started(qtbot, start_shell)
    box = _add_goal(qtbot, editor, "School and learning", "Finish my GED")
    _fill_step(qtbot, box.steps[0], "Sign up for the class", "The young person", "2027-03-01")
    assert box.steps[0].due_line.text() == "Overdue: this step was due on Mar 1, 2027."
    _saved(qtbot, editor)
    ws = workspace(shell)
    assert ws.list_panel.model.index(0, Column.ALERTS).data() == "Action step overdue"
    assert editor.flags_line.isVisibleTo(editor)
    choose(box.status, "Set aside for now")  # a goal set aside has nothing due
    _saved(qtbot, editor)
    assert not box.steps[0].due_line.isVisibleTo(editor)
    assert not editor.flags_line.isVisibleTo(editor)
    assert ws.list_panel.model.index(0, Column.ALERTS).data() == ""


def test_a_switch_to_arabic_keeps_the_typing_and_mirrors_the_tab(
    qtbot: QtBot, start_shell: Any
) -> None:
    shell, editor = _started(qtbot, start_shell)
    box = _add_goal(qtbot, editor, "A safe place to live", GOAL)
    _refer(qtbot, editor, box, "harbor")
    type_into(qtbot, box.steps[0].words, "Call the landlord")  # waiting to be saved
    choose(editor.new_goal.domain, "School and learning")
    type_into(qtbot, editor.new_goal.words, "أريد أن أنهي المدرسة")  # not added yet
    shell.switch("ar")
    QApplication.processEvents()
    try:
        assert editor.isRightToLeft()
        assert box.steps[0].words.text() == "Call the landlord"
        assert editor.new_goal.words.text() == "أريد أن أنهي المدرسة"
        assert editor.new_goal.domain.currentData() == "education"
        phone = box.referrals[0].service.text()
        assert "\u2066+1 (555) 010-4477\u2069" in phone  # the number stays left to right
        assert box.steps[0].due.edit.layoutDirection() == Qt.LayoutDirection.LeftToRight
    finally:
        shell.switch("en")
    _saved(qtbot, editor)
    assert box.steps[0].step is not None and box.steps[0].step.words == "Call the landlord"


def test_typing_not_added_yet_comes_back_after_a_lock(qtbot: QtBot, start_shell: Any) -> None:
    shell, editor = _started(qtbot, start_shell)
    box = _add_goal(qtbot, editor, "A safe place to live", GOAL)
    type_into(qtbot, box.steps[0].words, "Call the landlord")
    type_into(qtbot, editor.new_goal.words, "See a dentist")
    shell.controller.lock()  # type: ignore[attr-defined]
    unlock(qtbot, shell)
    editor = next(e for e in workspace(shell).editors if isinstance(e, GoalsEditor))
    assert workspace(shell).tabs.currentWidget() is editor
    assert editor.new_goal.words.text() == "See a dentist"
    assert editor.boxes[0].steps[0].words.text() == "Call the landlord"  # saved before locking
    assert editor.boxes[0].steps[0].step is not None


def test_a_step_saved_at_another_desk_meanwhile_is_shown_and_the_typing_kept(
    qtbot: QtBot, start_shell: Any
) -> None:
    shell, editor = _started(qtbot, start_shell)
    box = _add_goal(qtbot, editor, "A safe place to live", GOAL)
    row = box.steps[0]
    _fill_step(qtbot, row, "Call the landlord", "Caseworker", "2027-03-12")
    _saved(qtbot, editor)
    assert row.step is not None
    session = workspace(shell).session
    goals_ops.save_step(session, row.step, replace(row.step.fields(), words="Call on Monday"))
    type_into(qtbot, row.words, "Email the landlord")
    editor.autosave.flush()
    assert row.conflict.isVisibleTo(editor)
    assert "Call on Monday" in row.conflict.words.text()
    assert row.words.text() == "Email the landlord"  # the typing is kept
    assert editor.state.text().startswith("Someone else changed this record")
    shell.controller.lock()  # type: ignore[attr-defined]
    unlock(qtbot, shell)  # the choice still waits, beside the typing
    editor = next(e for e in workspace(shell).editors if isinstance(e, GoalsEditor))
    row = editor.boxes[0].steps[0]
    assert row.words.text() == "Email the landlord"
    assert row.conflict.isVisibleTo(editor) and "Call on Monday" in row.conflict.words.text()
    assert row.step is not None
    session = workspace(shell).session
    click(qtbot, row.conflict.mine_button)  # seen theirs; keep mine
    _saved(qtbot, editor)
    assert goals_ops.step_now(session, row.step).words == "Email the landlord"


def test_a_referral_and_then_its_goal_are_removed(qtbot: QtBot, start_shell: Any) -> None:
    shell, editor = _started(qtbot, start_shell)
    box = _add_goal(qtbot, editor, "A safe place to live", GOAL)
    _refer(qtbot, editor, box, "harbor")
    click(qtbot, box.remove_button)
    assert "has referrals" in editor.state.text() and editor.boxes == [box]  # kept
    click(qtbot, box.referrals[0].remove_button)
    assert box.referrals == []
    click(qtbot, box.remove_button)
    assert editor.boxes == [] and editor.empty.isVisibleTo(editor)
    shell = restart(start_shell, shell)
    sign_in(qtbot, shell, "ada")
    assert _goals_tab(shell).boxes == []
