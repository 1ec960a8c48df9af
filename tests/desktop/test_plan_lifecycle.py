"""A plan kept true over time, as a caseworker does it: a first version agreed with both
signatures, one answer edited and a safe person added in a new draft, a second version agreed,
and "What changed" shows exactly those two changes; everything is there after a restart."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QLabel

from desktop.operations import lifecycle
from desktop.workspace.list_model import Column
from tests.desktop.account_steps import click, restart, sign_in
from tests.desktop.conftest import PASSWORD
from tests.desktop.helpers import type_into, workspace
from tests.desktop.test_plan_editor import _add, _go, _open_plan, _saved, started_plan


def _cell(table: Any, row: int, column: int) -> str:
    """A cell's words, without the marks that keep the youth's words in their own direction."""
    return str(table.item(row, column).text()).replace("\u2068", "").replace("\u2069", "")


def _sign(qtbot: QtBot, editor: Any, youth_name: str) -> None:
    _go(editor, "agreement")
    panel = editor.agreement
    assert panel is not None
    type_into(qtbot, panel.youth_name, youth_name)
    click(qtbot, panel.agree_button)


def test_two_versions_agreed_and_what_changed_between_them(
    qtbot: QtBot, start_shell: Any, data_dir: Path
) -> None:
    shell, editor = started_plan(qtbot, start_shell)
    type_into(qtbot, editor.boxes[0].fields["text"], "I fix bikes")
    _saved(qtbot, editor)
    _sign(qtbot, editor, "Jordan")
    assert editor.agreed() and "Version 1, agreed on" in editor.agreed_line.text()
    assert editor.save_state.text() == "Agreed and saved"
    ws = workspace(shell)
    assert ws.list_panel.model.index(0, Column.PLAN).data() == "Agreed"
    review = lifecycle.today() + timedelta(days=90)
    assert ws.profile.record is not None and ws.profile.record.review_due_on == review
    _go(editor, "about-me")
    assert editor.boxes[0].fields["text"].isReadOnly()  # an agreed version never changes

    click(qtbot, editor.new_draft_button)
    assert not editor.agreed() and editor.title.text() == "About me"
    strengths = editor.boxes[0]
    strengths.fields["text"].selectAll()
    type_into(qtbot, strengths.fields["text"], "I fix bikes and skateboards")
    _go(editor, "safe-people")
    rosa = _add(qtbot, editor, "person")
    type_into(qtbot, rosa.fields["name"], "Aunt Rosa")
    _saved(qtbot, editor)
    _sign(qtbot, editor, "Jordan")
    assert "Version 2" in editor.agreed_line.text()

    shell = restart(start_shell, shell)
    sign_in(qtbot, shell, "ada")
    _open_plan(qtbot, shell, "Jordan Sample")
    versions = workspace(shell).versions
    workspace(shell).tabs.setCurrentWidget(versions)
    assert versions.table.rowCount() == 2
    assert [_cell(versions.table, r, 0) for r in range(2)] == ["2", "1"]
    assert _cell(versions.table, 0, 3) == "Signed"
    rows = [[_cell(versions.changes_table, r, c) for c in range(3)]
            for r in range(versions.changes_table.rowCount())]
    assert rows == [
        ["Changed: About me — What are you good at? What do people like about you?",
         "I fix bikes", "I fix bikes and skateboards"],
        ["Added: My safe people — Safe person", "", "Aunt Rosa"],
    ]


def _type_moment(qtbot: QtBot, field: Any, when: datetime) -> None:
    local = when.replace(tzinfo=UTC).astimezone()
    type_into(qtbot, field.day.edit, local.strftime("%m/%d/%Y"))
    field.day.edit.editingFinished.emit()
    type_into(qtbot, field.clock, local.strftime("%H:%M"))


def test_a_missing_episode_its_24_hour_flag_the_return_and_the_debrief_into_a_new_draft(
    qtbot: QtBot, start_shell: Any, data_dir: Path, monkeypatch: Any
) -> None:
    from desktop.operations import missing as missing_ops

    found = datetime(2026, 12, 1, 21, 0)  # naive UTC, as stored
    now = [found + timedelta(hours=2)]
    monkeypatch.setattr(missing_ops, "clock", lambda: now[0])
    shell, editor = started_plan(qtbot, start_shell)
    _sign(qtbot, editor, "Jordan")
    ws = workspace(shell)
    page = ws.missing
    ws.tabs.setCurrentWidget(page)
    _type_moment(qtbot, page.moments["missing_at"], found)
    click(qtbot, page.save_button)
    assert page.state.text() == "Saved"
    assert "Missing now" in page.flags_line.text()
    assert "24 hours" not in page.flags_line.text()
    assert ws.list_panel.model.index(0, Column.ALERTS).data() == "Missing now"

    now[0] = found + timedelta(hours=25)  # a day later, the reports still not filled in
    ws.list_panel.model.set_alerts(missing_ops.alerts(ws.session))
    page.load(page.youth_id or 0)
    assert "More than 24 hours" in page.flags_line.text()
    assert ws.list_panel.model.index(0, Column.ALERTS).data() == "Missing now, Report overdue"

    _type_moment(qtbot, page.moments["returned_at"], found - timedelta(hours=1))
    click(qtbot, page.save_button)  # a return before the youth went missing: refused
    assert "cannot be before" in page.state.text()
    assert page.moments["returned_at"].clock.text()  # the typing stays
    back = found + timedelta(hours=24)
    _type_moment(qtbot, page.moments["returned_at"], back)
    click(qtbot, page.save_button)
    assert page.state.text() == "Saved"
    assert ws.profile.record is not None  # the review moved to 7 days after the return
    assert ws.profile.record.review_due_on == back.date() + timedelta(days=7)
    assert ws.profile.review_due_on.value() == back.date() + timedelta(days=7)
    assert "debrief is due" in page.flags_line.text()

    debrief = page.debrief
    assert debrief.isEnabled()
    type_into(qtbot, debrief.texts["before_leaving"], "Fights at home")
    type_into(qtbot, debrief.texts["would_help"], "Talk to my mom first")
    debrief.answers["documents-phone"].setCurrentIndex(
        debrief.answers["documents-phone"].findData("yes"))
    assert debrief.protocol.isVisibleTo(page) and "protocol" in debrief.protocol.text()
    click(qtbot, debrief.done_button)
    assert "Debrief done on" in debrief.done_line.text()
    assert ws.list_panel.model.index(0, Column.ALERTS).data() == "Report overdue"

    click(qtbot, debrief.plan_button)  # change the plan with the debrief beside it
    assert ws.tabs.currentWidget() is ws.plan
    assert not editor.agreed() and editor.beside.isVisibleTo(ws)
    assert "Fights at home" in editor.beside.text.text()
    assert "ID, documents or phone" in editor.beside.text.text()
    click(qtbot, editor.together_button)  # the young person's view: no debrief anywhere
    together = shell.together
    assert together is not None
    shown = " ".join(label.text() for label in together.findChildren(QLabel)
                     if label.isVisibleTo(together))
    assert "Fights at home" not in shown and "documents or phone" not in shown
    click(qtbot, together.leave_button)
    type_into(qtbot, together.password, PASSWORD)
    click(qtbot, together.confirm)
    qtbot.waitUntil(lambda: shell.together is None, timeout=10000)

    shell = restart(start_shell, shell)
    sign_in(qtbot, shell, "ada")
    editor = _open_plan(qtbot, shell, "Jordan Sample")
    assert not editor.agreed()  # the new draft is there
    ws = workspace(shell)
    assert ws.missing.debrief.texts["before_leaving"].toPlainText() == "Fights at home"
    assert ws.missing.moments["returned_at"].value() == back


def test_a_draft_agreed_meanwhile_at_another_desk_is_shown_and_the_typing_kept(
    qtbot: QtBot, start_shell: Any, data_dir: Path
) -> None:
    from casefile.store import open_store
    from planning import agreement

    _shell, editor = started_plan(qtbot, start_shell)
    _go(editor, "agreement")
    panel = editor.agreement
    assert panel is not None
    type_into(qtbot, panel.youth_name, "Jordan")
    other = open_store(data_dir, "ada", PASSWORD)
    try:
        plan = editor.view.plan if editor.view else None
        assert plan is not None
        today = lifecycle.today()
        agreement.agree(other, plan.id, agreement.Signatures("Ada Admin", today, "J", today),
                        today + timedelta(days=30), today)
    finally:
        other.close()
    click(qtbot, panel.agree_button)
    assert "agreed this plan meanwhile, as version 1" in editor.save_state.text()
    assert editor.agreement is panel and panel.youth_name.text() == "Jordan"  # kept on screen
