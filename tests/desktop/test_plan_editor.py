"""The safety plan as a caseworker and a young person build it: started from an empty youth,
section by section (typing answers, ticking a red flag, adding two safe people and a safe
place, choosing a help line, keeping one person off the printed copy), and every word and
choice is there after Waymark is closed and opened again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

from casefile.cases.youth import list_youth
from desktop import look
from desktop.workspace.list_model import Column
from desktop.workspace.plan_editor import PlanEditor
from desktop.workspace.plan_items import ItemBox
from planning import plans
from tests.desktop.account_steps import click, restart, sign_in
from tests.desktop.conftest import PASSWORD
from tests.desktop.helpers import add_youth, complete_setup, type_into, workspace

LEFT = Qt.MouseButton.LeftButton


def _open_plan(qtbot: QtBot, shell: Any, name: str) -> PlanEditor:
    ws = workspace(shell)
    youth_id = next(r.id for r in list_youth(_store(shell)) if r.legal_name == name)
    ws.list_panel.select(youth_id)
    ws.open_youth(youth_id)
    ws.tabs.setCurrentWidget(ws.plan)
    return ws.plan


def started_plan(qtbot: QtBot, start_shell: Any) -> tuple[Any, PlanEditor]:
    """A new store with Jordan Sample, whose plan has just been started on the plan tab."""
    shell = start_shell()
    complete_setup(qtbot, shell)
    add_youth(qtbot, shell, "Jordan Sample")
    editor = _open_plan(qtbot, shell, "Jordan Sample")
    click(qtbot, editor.start_button)
    return shell, editor


def _store(shell: Any) -> Any:
    from desktop.operations.session import store_of

    return store_of(workspace(shell).session)


def _go(editor: PlanEditor, section: str) -> None:
    ids = [s.id for s in editor.content.sections]
    editor.guide.setCurrentRow(ids.index(section))
    assert editor.title.text() == str(editor.content.section(section).title)


def _saved(qtbot: QtBot, editor: PlanEditor) -> None:
    editor.autosave.flush()
    qtbot.waitUntil(lambda: editor.save_state.text() == "Saved", timeout=3000)


def _add(qtbot: QtBot, editor: PlanEditor, kind: str) -> ItemBox:
    button = editor.body.findChild(QPushButton, f"add-{kind}")
    assert button is not None
    click(qtbot, button)
    QApplication.processEvents()  # a widget added to a shown layout is shown by an event
    return editor.boxes[-1]


def test_a_plan_built_section_by_section_is_all_there_after_a_restart(
    qtbot: QtBot, start_shell: Any, data_dir: Path
) -> None:
    shell = start_shell()
    complete_setup(qtbot, shell)
    add_youth(qtbot, shell, "Jordan Sample")
    editor = _open_plan(qtbot, shell, "Jordan Sample")
    assert editor.pages.currentIndex() == 0  # no plan yet: offered to start one
    click(qtbot, editor.start_button)
    assert editor.pages.currentIndex() == 1
    assert workspace(shell).list_panel.model.index(0, Column.PLAN).data() == "Draft"
    assert "Section 1 of 13" in editor.progress.text()
    about = editor.body.findChild(QLabel, "about-from-profile")
    assert about is not None and "Jordan Sample" in about.text()  # from the profile
    strengths = editor.boxes[0]
    type_into(qtbot, strengths.fields["text"], "I fix bikes. 🚲 أنا ماهر")
    _saved(qtbot, editor)
    click(qtbot, editor.next_button)  # About me done, on to Warning signs
    assert "Section 2 of 13 · 1 done" in editor.progress.text()

    promises = next(row for row in editor.ticks if row.key == "promises")
    promises.tick.click()
    avoid = _add(qtbot, editor, "avoid-person")
    assert avoid.keep_off.isChecked()  # someone to stay away from: off the copy by default
    type_into(qtbot, avoid.fields["name"], "D.")
    _saved(qtbot, editor)
    click(qtbot, editor.skip_button)  # Things I can do: skipped for now

    _go(editor, "safe-people")
    rosa = _add(qtbot, editor, "person")
    type_into(qtbot, rosa.fields["name"], "Rosa Example")
    type_into(qtbot, rosa.fields["phone"], "+1 (555) 010-0199")
    sam = _add(qtbot, editor, "person")
    type_into(qtbot, sam.fields["name"], "Sam Sample")
    type_into(qtbot, sam.fields["phone"], "call the gym")
    assert sam.hint.isVisibleTo(editor) and "kept as typed" in sam.hint.text()
    sam.keep_off.setChecked(True)
    _saved(qtbot, editor)

    _go(editor, "safe-places")
    library = _add(qtbot, editor, "place")
    type_into(qtbot, library.fields["name"], "The library")
    _saved(qtbot, editor)

    _go(editor, "help-lines")
    next(row for row in editor.ticks if row.key == "trafficking").tick.click()
    assert editor.save_state.text() == "Saved"

    _go(editor, "calm-and-safe")  # then together at one screen, and back
    click(qtbot, editor.together_button)
    together = shell.together
    assert together is not None
    step = _add(qtbot, together.editor, "step")
    type_into(qtbot, step.fields["text"], "Put my headphones on")
    click(qtbot, together.leave_button)
    type_into(qtbot, together.password, PASSWORD)
    click(qtbot, together.confirm)
    qtbot.waitUntil(lambda: shell.together is None, timeout=10000)
    editor = workspace(shell).plan
    assert [box.values() for box in editor.boxes if box.kind == "step"] == [
        {"text": "Put my headphones on"}]

    shell = restart(start_shell, shell)
    sign_in(qtbot, shell, "ada")
    editor = _open_plan(qtbot, shell, "Jordan Sample")
    assert editor.pages.currentIndex() == 1
    assert editor.boxes[0].values() == {"text": "I fix bikes. 🚲 أنا ماهر"}
    _go(editor, "warning-signs")
    assert next(r for r in editor.ticks if r.key == "promises").tick.isChecked()
    _go(editor, "safe-people")
    people = {box.values()["name"]: box for box in editor.boxes if box.kind == "person"}
    assert people["Rosa Example"].values()["phone"] == "+1 (555) 010-0199"
    assert people["Sam Sample"].values()["phone"] == "call the gym"  # kept as typed
    assert people["Sam Sample"].keep_off.isChecked()
    assert not people["Rosa Example"].keep_off.isChecked()
    _go(editor, "help-lines")
    chosen = [row.key for row in editor.ticks if row.tick.isChecked()]
    assert chosen == ["trafficking"]
    plan = plans.open_plan(_store(shell), editor.youth_id or 0)
    assert plan is not None
    assert plan.sections == {"about-me": plans.DONE, "warning-signs": plans.SKIPPED}
    assert {i.kind for i in plan.items} == {"answer", "check", "avoid-person", "person",
                                             "place", "helpline", "step"}


def test_a_plan_editor_follows_a_language_switch_with_its_typing_kept(
    qtbot: QtBot, start_shell: Any
) -> None:
    shell, editor = started_plan(qtbot, start_shell)
    type_into(qtbot, editor.boxes[0].fields["text"], "Drawing")
    shell.switch("es")
    QApplication.processEvents()
    assert editor.title.text() == str(editor.content.section("about-me").title) != "About me"
    assert editor.next_button.text() == "&Listo, siguiente sección"
    assert editor.boxes[0].values() == {"text": "Drawing"}
    assert editor.boxes[0].keep_off.text() == "No poner en mi copia impresa"
    shell.switch("en")
    QApplication.processEvents()
    _saved(qtbot, editor)
    store = _store(shell)
    plan = plans.open_plan(store, editor.youth_id or 0)
    assert plan is not None and plan.items[0].values == {"text": "Drawing"}


def test_a_lock_keeps_the_plan_the_section_and_the_typing(
    qtbot: QtBot, start_shell: Any
) -> None:
    from desktop.locking.page import LockPage
    from tests.desktop.conftest import page
    from tests.desktop.test_locking import hide_keys, unlock

    shell, editor = started_plan(qtbot, start_shell)
    _go(editor, "safe-people")
    rosa = _add(qtbot, editor, "person")
    type_into(qtbot, rosa.fields["name"], "Rosa Example")  # not saved yet when the lock comes
    hide_keys(qtbot, rosa.fields["name"])
    assert isinstance(page(shell), LockPage)
    unlock(qtbot, shell)
    ws = workspace(shell)
    assert ws.tabs.currentWidget() is ws.plan
    editor = ws.plan
    assert editor.title.text() == "My safe people"
    assert [box.values()["name"] for box in editor.boxes if box.kind == "person"] == [
        "Rosa Example"]


def test_building_the_plan_screens_opens_no_window_of_its_own(qtbot: QtBot) -> None:
    """A widget shown before it has a parent is a window of its own, if only for a moment: the
    plan's guide list did that and took the keyboard focus from the main window (a date typed
    into the profile was then never read)."""
    from PySide6.QtCore import QEvent, QObject

    from desktop.operations.session import Session
    from desktop.workspace.plan_items import TickRow

    class Windows(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.shown: list[str] = []

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) \
                    and watched.isWindow():
                self.shown.append(type(watched).__name__)
            return False

    windows = Windows()
    QApplication.instance().installEventFilter(windows)  # type: ignore[union-attr]
    try:
        box = ItemBox("person", "safe-people", removable=True, example="Rosa")
        row = TickRow("trafficking", "Hotline", "Call or text")
        editor = PlanEditor(Session.__new__(Session))
        for widget in (box, row, editor):
            qtbot.addWidget(widget)
    finally:
        QApplication.instance().removeEventFilter(windows)  # type: ignore[union-attr]
    assert windows.shown == []


def test_a_plan_item_changed_in_another_session_is_never_silently_overwritten(
    qtbot: QtBot, start_shell: Any, data_dir: Path
) -> None:
    from casefile.store import open_store

    _shell, editor = started_plan(qtbot, start_shell)
    answer = editor.boxes[0]
    type_into(qtbot, answer.fields["text"], "Drawing")
    _saved(qtbot, editor)
    other = open_store(data_dir, "ada", PASSWORD)  # the same plan open at another desk
    try:
        assert answer.item is not None
        plans.save_item(other, answer.item.id, answer.item.version,
                        values={"text": "Soccer, from the other desk"})
        answer.fields["text"].selectAll()  # type over it
        type_into(qtbot, answer.fields["text"], "Drawing and music")
        editor.autosave.flush()
        assert "Someone else changed this record" in editor.save_state.text()
        assert answer.values() == {"text": "Drawing and music"}  # the typing stays on screen
        plan = plans.open_plan(other, editor.youth_id or 0)
        assert plan is not None and plan.items[0].values == {"text": "Soccer, from the other desk"}
        assert not answer.conflict.isHidden()  # their words and the two choices are shown
        assert "Soccer, from the other desk" in answer.their_words.text()
        editor.guide.setCurrentRow(3)  # going on would lose the typing: it waits for a choice
        assert editor.title.text() == "About me"
        click(qtbot, answer.keep_mine)
        _saved(qtbot, editor)
        plan = plans.open_plan(other, editor.youth_id or 0)
        assert plan is not None and plan.items[0].values == {"text": "Drawing and music"}
    finally:
        other.close()


def test_a_tick_or_removal_against_a_change_made_at_another_desk_shows_it_and_asks_again(
    qtbot: QtBot, start_shell: Any, data_dir: Path
) -> None:
    from casefile.store import open_store

    _shell, editor = started_plan(qtbot, start_shell)
    _go(editor, "warning-signs")
    gifts = next(row for row in editor.ticks if row.key == "gifts")
    gifts.tick.setChecked(True)
    assert gifts.item is not None
    _go(editor, "safe-people")
    person = _add(qtbot, editor, "person")
    type_into(qtbot, person.fields["name"], "Aunt Rosa")
    _saved(qtbot, editor)
    other = open_store(data_dir, "ada", PASSWORD)  # the same plan open at another desk
    try:
        assert gifts.item is not None and person.item is not None
        plans.save_item(other, gifts.item.id, gifts.item.version, keep_off_print=True)
        plans.save_item(other, person.item.id, person.item.version,
                        values={"phone": "555-0100"})
        click(qtbot, person.remove_button)  # removing what was changed meanwhile: not removed
        assert person in editor.boxes and not person.conflict.isHidden()
        assert "555-0100" in person.their_words.text()
        assert "Someone else changed this record" in editor.save_state.text()
        click(qtbot, person.use_theirs)
        click(qtbot, person.remove_button)  # seen, and removed now
        assert person not in editor.boxes
        _go(editor, "warning-signs")
        gifts = next(row for row in editor.ticks if row.key == "gifts")
        gifts.tick.setChecked(False)  # against the older version: shown as saved now
        assert gifts.tick.isChecked() and gifts.keep_off.isChecked()
        assert "Someone else changed this choice" in editor.save_state.text()
        gifts.tick.setChecked(False)  # chosen again, seeing what was saved
        assert gifts.item is None and editor.save_state.text() == "Saved"
        plan = plans.open_plan(other, editor.youth_id or 0)
        assert plan is not None and plan.items == ()
    finally:
        other.close()


def test_words_typed_into_an_item_removed_at_another_desk_are_saved_again(
    qtbot: QtBot, start_shell: Any, data_dir: Path
) -> None:
    from casefile.store import open_store

    _shell, editor = started_plan(qtbot, start_shell)
    _go(editor, "safe-people")
    person = _add(qtbot, editor, "person")
    type_into(qtbot, person.fields["name"], "Aunt Rosa")
    _saved(qtbot, editor)
    other = open_store(data_dir, "ada", PASSWORD)
    try:
        assert person.item is not None
        plans.remove_item(other, person.item.id, person.item.version)
        type_into(qtbot, person.fields["phone"], "555-0100")
        editor.autosave.flush()
        assert "Your words were kept and saved again" in editor.save_state.text()
        plan = plans.open_plan(other, editor.youth_id or 0)
        assert plan is not None
        assert [(i.values["name"], i.values["phone"]) for i in plan.items] == [
            ("Aunt Rosa", "555-0100")]
    finally:
        other.close()


def test_the_last_section_offers_done_not_a_next_section(qtbot: QtBot, start_shell: Any) -> None:
    _shell, editor = started_plan(qtbot, start_shell)
    assert editor.next_button.text() == "&Done, next section"
    _go(editor, "agreement")
    assert editor.next_button.text() == "&Done"
    _go(editor, "health")
    assert editor.next_button.text() == "&Done, next section"


def _text_starts(editor: PlanEditor) -> list[int]:
    """Where each row of the section guide begins its words: the left edge of the words, or
    the right edge right to left."""
    from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

    guide, starts = editor.guide, []
    for row in range(guide.count()):
        option = QStyleOptionViewItem()
        guide.initViewItemOption(option)
        index = guide.model().index(row, 0)
        option.rect = guide.visualRect(index)
        delegate = guide.itemDelegate()
        assert isinstance(delegate, QStyledItemDelegate)
        delegate.initStyleOption(option, index)
        text = guide.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, guide)
        starts.append(text.right() if guide.isRightToLeft() else text.left())
    return starts


def test_the_section_guide_numbers_line_up_whatever_the_mark_and_direction(
    qtbot: QtBot, start_shell: Any, qapp: QApplication
) -> None:
    """A mark in front of a title pushed its number along (a tick is wider than a space): the
    mark is an icon of one width, so every row's words (its number first) start at one place,
    and a screen reader still hears whether a section is done or skipped."""
    shell, editor = started_plan(qtbot, start_shell)
    click(qtbot, editor.next_button)  # About me done
    click(qtbot, editor.skip_button)  # Warning signs skipped
    guide = editor.guide
    look.apply(qapp)  # the style sheet's padding around each row
    try:
        for code in ("en", "es", "ar"):
            shell.switch(code)
            QApplication.processEvents()
            assert guide.isRightToLeft() == (code == "ar")
            for row in range(guide.count()):
                assert guide.item(row).text().startswith(f"{row + 1}. ")
            assert len(set(_text_starts(editor))) == 1
    finally:
        qapp.setStyleSheet("")
    shell.switch("en")
    QApplication.processEvents()
    spoken = [guide.item(row).data(Qt.ItemDataRole.AccessibleTextRole) for row in range(3)]
    assert spoken == ["1. About me, done", "2. Warning signs, skipped",
                      "3. Things I can do on my own"]
