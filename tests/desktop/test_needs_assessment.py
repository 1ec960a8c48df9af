"""The needs assessment as a caseworker does it with a young person: started from nothing, three
domains rated (one with the keyboard), the others left unrated, notes on an unrated domain that
stays "Not rated", completed with who and when; a month later a reassessment with changed levels,
completed too; the change since last time and the chart's values; all of it there after a
restart; and a live switch to Arabic keeps unsaved typing and mirrors the screen."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from casefile.cases.youth import list_youth
from desktop.operations import assessment as assessment_ops
from desktop.operations.session import store_of
from desktop.workspace.assessment_editor import AssessmentEditor
from desktop.workspace.assessment_over_time import local_day
from i18n.formatting import format_date
from tests.desktop.account_steps import click, restart, sign_in
from tests.desktop.helpers import add_youth, complete_setup, type_into, workspace
from tests.desktop.test_accessibility import _unnamed
from tests.desktop.test_locking import unlock

MAY = datetime(2026, 5, 4, 15, 0)  # naive UTC, as stored
JUNE = MAY + timedelta(days=31)
LEFT = Qt.MouseButton.LeftButton


def _open(shell: Any, name: str) -> AssessmentEditor:
    ws = workspace(shell)
    youth_id = next(r.id for r in list_youth(store_of(ws.session)) if r.legal_name == name)
    ws.list_panel.select(youth_id)
    ws.open_youth(youth_id)
    editor = next(e for e in ws.editors if isinstance(e, AssessmentEditor))
    ws.tabs.setCurrentWidget(editor)
    return editor


def _started(qtbot: QtBot, start_shell: Any) -> tuple[Any, AssessmentEditor]:
    shell = start_shell()
    complete_setup(qtbot, shell)
    add_youth(qtbot, shell, "Jordan Sample")
    editor = _open(shell, "Jordan Sample")
    assert editor.pages.currentIndex() == 0 and editor.empty_title.text() == \
        "No needs assessment yet"
    click(qtbot, editor.start_button)
    return shell, editor


def _go(qtbot: QtBot, editor: AssessmentEditor, domain: str) -> None:
    """Click the domain in the list."""
    row = [d.id for d in assessment_ops.domains()].index(domain)
    item = editor.list.item(row)
    editor.list.scrollToItem(item)
    qtbot.mouseClick(editor.list.viewport(), LEFT, pos=editor.list.visualItemRect(item).center())
    assert editor.domain == domain


def _rate(qtbot: QtBot, editor: AssessmentEditor, domain: str, level: int) -> None:
    _go(qtbot, editor, domain)
    qtbot.mouseClick(editor.panel.levels.rows[level - 1].radio, LEFT)
    assert editor.save_state.text() == "Saved"


def _listed(editor: AssessmentEditor, domain: str) -> list[str]:
    row = [d.id for d in assessment_ops.domains()].index(domain)
    return str(editor.list.item(row).text()).split("\n")


def _saved(qtbot: QtBot, editor: AssessmentEditor) -> None:
    editor.autosave.flush()
    qtbot.waitUntil(lambda: editor.save_state.text() == "Saved", timeout=3000)


def _complete(qtbot: QtBot, editor: AssessmentEditor) -> None:
    click(qtbot, editor.bar.complete_button)
    assert editor.bar.confirm.isVisibleTo(editor) and "the others stay" in \
        editor.bar.confirm_text.text()
    click(qtbot, editor.bar.confirm_button)


def _table(editor: AssessmentEditor) -> dict[str, list[str]]:
    """The levels table's rows by domain title: the change, then each assessment's level."""
    table = editor.over_time.table

    def cell(row: int, column: int) -> str:
        item = table.item(row, column)
        return item.text() if item is not None else ""

    return {cell(r, 0): [cell(r, c) for c in range(1, table.columnCount())]
            for r in range(table.rowCount())}


def test_an_assessment_and_a_reassessment_a_month_later_and_what_changed(
    qtbot: QtBot, start_shell: Any, monkeypatch: Any
) -> None:
    now = [MAY]
    monkeypatch.setattr(assessment_ops, "clock", lambda: now[0])
    shell, editor = _started(qtbot, start_shell)
    assert _unnamed(editor) == []  # every control is named for screen readers
    assert all(_listed(editor, d.id)[1] == "Not rated" for d in assessment_ops.domains())
    assert editor.panel.levels.level() is None  # never a pre-selected level
    _rate(qtbot, editor, "housing", 2)
    assert _listed(editor, "housing")[1] == "Level 2 · Struggling"
    _rate(qtbot, editor, "education", 4)
    _go(qtbot, editor, "safety")  # with the keyboard: Space chooses, the arrows move
    first = editor.panel.levels.rows[0].radio
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Space)
    qtbot.keyClick(first, Qt.Key.Key_Down)
    qtbot.keyClick(editor.panel.levels.rows[1].radio, Qt.Key.Key_Down)
    assert editor.panel.levels.level() == 3 and editor.save_state.text() == "Saved"
    _rate(qtbot, editor, "work-money", 1)
    click(qtbot, editor.panel.levels.clear_button)  # chosen by mistake: back to not rated
    assert editor.save_state.text() == "Saved" and _listed(editor, "work-money")[1] == "Not rated"
    _go(qtbot, editor, "legal")  # notes on a domain not rated
    type_into(qtbot, editor.panel.notes, "Court date in June; not sure of the day")
    editor.panel.priority.setCurrentIndex(editor.panel.priority.findData("a-lot"))
    _saved(qtbot, editor)
    assert _listed(editor, "legal")[1] == "Not rated"
    assert "3 of 12 domains rated" in editor.bar.status.text()
    _complete(qtbot, editor)
    assert editor.bar.status.text().startswith(
        f"Completed on {format_date(local_day(MAY))} by Ada Admin.")
    assert not editor.panel.levels.rows[0].radio.isEnabled() and editor.panel.notes.isReadOnly()
    assert editor.bar.reassess_button.isVisible() and not editor.bar.complete_button.isVisible()

    now[0] = JUNE  # a month later
    click(qtbot, editor.bar.reassess_button)
    assert not editor.current or not editor.current.completed
    assert _listed(editor, "housing")[1:] == ["Not rated", "Last time: Level 2 · Struggling"]
    _go(qtbot, editor, "housing")
    assert editor.panel.last_time.text() == "Last time: Level 2 · Struggling"
    assert editor.panel.levels.level() is None  # a reassessment starts with nothing rated
    _rate(qtbot, editor, "housing", 4)
    _rate(qtbot, editor, "education", 4)
    _rate(qtbot, editor, "safety", 2)
    _rate(qtbot, editor, "documents", 1)
    _complete(qtbot, editor)
    _check_over_time(editor)

    shell = restart(start_shell, shell)
    sign_in(qtbot, shell, "ada")
    editor = _open(shell, "Jordan Sample")
    assert editor.current is not None and editor.current.completed
    assert editor.bar.status.text().startswith(f"Completed on {format_date(local_day(JUNE))}")
    _go(qtbot, editor, "legal")
    assert editor.panel.notes.toPlainText() == ""  # the notes were on the first assessment
    _check_over_time(editor)
    legal = [v for v in editor.shown.history if v.rating("legal").notes]
    assert [v.rating("legal").priority for v in legal] == ["a-lot"]


def _check_over_time(editor: AssessmentEditor) -> None:
    editor.views.setCurrentIndex(1)
    over = editor.over_time
    assert _unnamed(editor) == []
    may, june = format_date(local_day(MAY)), format_date(local_day(JUNE))
    assert over.compared.text() == f"Compared with the assessment completed on {may}."
    model = over.table.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(over.table.columnCount())]
    assert headers == ["Domain", "Change since last time", may, june]
    rows = _table(editor)
    assert rows["A safe place to live"] == ["2 → 4, up", "Level 2 · Struggling",
                                            "Level 4 · Doing well"]
    assert rows["School and learning"] == ["4 → 4, same", "Level 4 · Doing well",
                                           "Level 4 · Doing well"]
    assert rows["Feeling safe"] == ["3 → 2, down", "Level 3 · Getting by",
                                    "Level 2 · Struggling"]
    assert rows["ID and papers"] == ["Not rated before → 1", "Not rated",
                                     "Level 1 · Needs help now"]
    assert rows["Legal help"] == ["Not rated either time", "Not rated", "Not rated"]
    assert over.change_text("housing") == "2 → 4, up"
    over.table.setCurrentCell(1, 0)  # the chart follows the row chosen in the table
    assert over.chart.accessibleName() == "Levels over time: A safe place to live"
    assert over.chart.accessibleDescription() == \
        f"{may}: Level 2 · Struggling; {june}: Level 4 · Doing well"
    assert [p.level for p in over.chart.points] == [2, 4]
    row = [d.id for d in assessment_ops.domains()].index("documents")
    over.table.setCurrentCell(row, 0)
    assert [p.level for p in over.chart.points] == [None, 1]  # a gap, never a zero
    editor.views.setCurrentIndex(0)


def test_a_language_switch_to_arabic_keeps_unsaved_typing_and_mirrors_the_screen(
    qtbot: QtBot, start_shell: Any
) -> None:
    shell, editor = _started(qtbot, start_shell)
    _rate(qtbot, editor, "housing", 3)
    typed = "يحب الرسم 🎨 and music"
    type_into(qtbot, editor.panel.strengths, typed)
    assert editor.has_unsaved() and editor.save_state.text() == "Not saved yet"
    shell.switch("ar")
    QApplication.processEvents()
    try:
        assert editor.isRightToLeft() and editor.over_time.chart.isRightToLeft()
        assert editor.panel.strengths.toPlainText() == typed
        assert editor.panel.notes_label.text() == "ملاحظات"  # said again in Arabic
        assert editor.panel.levels.level() == 3
        list_x = editor.list.mapTo(editor, editor.list.rect().center()).x()
        panel_x = editor.panel.mapTo(editor, editor.panel.rect().center()).x()
        assert list_x > panel_x  # the domains' list is on the right
        editor.autosave.flush()
        assert editor.saving.state == "Saved"  # the message, said in Arabic
    finally:
        shell.switch("en")
    reopened = assessment_ops.assessment_now(workspace(shell).session, editor.current.id)  # type: ignore[union-attr]
    assert reopened.rating("housing").strengths == typed


def test_another_desks_save_is_shown_beside_the_typing_which_is_kept_over_a_lock(
    qtbot: QtBot, start_shell: Any
) -> None:
    from services_needs import assessments

    shell, editor = _started(qtbot, start_shell)
    _rate(qtbot, editor, "housing", 2)
    view = editor.current
    assert view is not None
    store = store_of(workspace(shell).session)
    assessments.save_rating(store, view.id, "housing", 1, level=3,
                            notes="Saved at the other desk")  # meanwhile, at another desk
    type_into(qtbot, editor.panel.notes, "Typed here")
    editor.autosave.flush()
    assert "Someone else changed this record" in editor.save_state.text()
    assert editor.panel.conflict.isVisibleTo(editor)
    assert "Saved at the other desk" in editor.panel.their_words.text()
    assert "Level 3 · Getting by" in editor.panel.their_words.text()
    assert editor.panel.notes.toPlainText() == "Typed here"  # the typing stays

    shell.lock_action.trigger()
    unlock(qtbot, shell)
    editor = next(e for e in workspace(shell).editors if isinstance(e, AssessmentEditor))
    assert editor.domain == "housing" and editor.panel.notes.toPlainText() == "Typed here"
    assert editor.panel.conflict.isVisibleTo(editor)  # still asked, never overwritten
    click(qtbot, editor.panel.keep_button)
    assert editor.save_state.text() == "Saved" and not editor.panel.conflict.isVisibleTo(editor)
    saved = assessment_ops.assessment_now(workspace(shell).session, view.id).rating("housing")
    assert (saved.level, saved.notes) == (2, "Typed here")  # mine, as I chose


def test_an_answer_too_long_is_refused_with_a_message_and_the_typing_stays_on_screen(
    qtbot: QtBot, start_shell: Any
) -> None:
    shell, editor = _started(qtbot, start_shell)
    _go(qtbot, editor, "education")
    too_long = "Wants to finish school. " * 834  # 20,016 characters
    type_into(qtbot, editor.panel.notes, too_long)
    editor.autosave.flush()
    assert "longer than 20000 characters" in editor.save_state.text()
    item = editor.list.item([d.id for d in assessment_ops.domains()].index("housing"))
    qtbot.mouseClick(editor.list.viewport(), LEFT, pos=editor.list.visualItemRect(item).center())
    assert editor.domain == "education"  # the typing is not left behind
    assert editor.panel.notes.toPlainText() == too_long
    editor.panel.notes.setPlainText(too_long[:20_000])
    _saved(qtbot, editor)
    assert editor.current is not None
    saved = assessment_ops.assessment_now(workspace(shell).session, editor.current.id)
    assert saved.rating("education").notes == too_long[:20_000]
    assert saved.rating("education").level is None  # notes alone rate nothing
    _go(qtbot, editor, "housing")
