"""Adding, finding, editing and closing youth in the workspace, as a caseworker does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QSplitter

from casefile.cases.youth import YouthFields, create_youth, get_youth, list_youth, update_youth
from casefile.store import open_store
from desktop.operations.session import store_of
from tests.desktop.account_steps import sign_in
from tests.desktop.conftest import PASSWORD
from tests.desktop.helpers import add_youth, complete_setup, type_into, wait_saved, workspace

ARABIC = "ليلى تجريبي"
LONG_NAME = "Zebulon " + "x" * 9_990


def _names_in_store(data_dir: Path) -> list[str]:
    store = open_store(data_dir, "ada", PASSWORD)
    try:
        return [row.legal_name for row in list_youth(store)]
    finally:
        store.close()


def test_new_youth_is_saved_only_when_committed(
    qtbot: QtBot, start_shell: Any, data_dir: Path
) -> None:
    shell = start_shell()
    complete_setup(qtbot, shell)
    ws = workspace(shell)
    qtbot.mouseClick(ws.list_panel.new_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, ws.profile.legal_name, "Jordan Sample")
    assert ws.profile.save_state.text() == "Not saved yet"
    wait_saved(qtbot, shell)
    assert ws.profile.record is not None
    assert get_youth(store_of(ws.session), ws.profile.record.id).legal_name == "Jordan Sample"
    assert ws.list_panel.model.counts() == (1, 1)


def test_names_of_any_script_and_length_are_kept_exactly(
    qtbot: QtBot, start_shell: Any, data_dir: Path
) -> None:
    shell = start_shell()
    complete_setup(qtbot, shell)
    for name in (ARABIC, "张三 👩🏽‍💻", LONG_NAME):
        add_youth(qtbot, shell, name)
    shell.close()
    assert sorted(_names_in_store(data_dir)) == sorted([ARABIC, "张三 👩🏽‍💻", LONG_NAME])


def test_search_as_you_type_filters_the_list(qtbot: QtBot, start_shell: Any) -> None:
    shell = start_shell()
    complete_setup(qtbot, shell)
    for name in ("José Núñez", "Jordan Sample", ARABIC):
        add_youth(qtbot, shell, name)
    panel = workspace(shell).list_panel
    type_into(qtbot, panel.search, "jose")
    assert panel.model.counts() == (1, 3)
    assert panel.model.index(0, 0).data() == "José Núñez"
    assert panel.count.text() == "Showing 1 of 3"
    type_into(qtbot, panel.search, "تجريبي")
    assert panel.model.index(0, 0).data() == ARABIC


def test_editing_a_field_autosaves_and_updates_the_list(qtbot: QtBot, start_shell: Any) -> None:
    shell = start_shell()
    complete_setup(qtbot, shell)
    add_youth(qtbot, shell, "Jordan Sample")
    ws = workspace(shell)
    type_into(qtbot, ws.profile.preferred_name, "JJ")
    wait_saved(qtbot, shell)
    assert ws.list_panel.model.index(0, 0).data() == "\u2068JJ\u2069 (\u2068Jordan Sample\u2069)"
    assert get_youth(store_of(ws.session), ws.profile.record.id).preferred_name == "JJ"  # type: ignore[union-attr]


def test_close_and_reopen_a_case(qtbot: QtBot, start_shell: Any) -> None:
    shell = start_shell()
    complete_setup(qtbot, shell)
    add_youth(qtbot, shell, "Jordan Sample")
    profile = workspace(shell).profile
    qtbot.mouseClick(profile.status_button, Qt.MouseButton.LeftButton)
    assert get_youth(store_of(profile._session), profile.record.id).status == "closed"  # type: ignore[union-attr]
    assert profile.status_button.text() == "Reopen case"
    qtbot.mouseClick(profile.status_button, Qt.MouseButton.LeftButton)
    assert get_youth(store_of(profile._session), profile.record.id).status == "open"  # type: ignore[union-attr]


def test_someone_elses_newer_save_is_shown_not_overwritten(
    qtbot: QtBot, start_shell: Any, data_dir: Path
) -> None:
    shell = start_shell()
    complete_setup(qtbot, shell)
    add_youth(qtbot, shell, "Jordan Sample")
    ws = workspace(shell)
    record = ws.profile.record
    assert record is not None
    other = open_store(data_dir, "ada", PASSWORD)
    update_youth(other, record.id, record.row_version, {"pronouns": "they/them"})
    other.close()
    type_into(qtbot, ws.profile.pronouns, "he/him")
    qtbot.waitUntil(lambda: "Someone else changed" in ws.profile.save_state.text(), timeout=3000)
    assert ws.profile.pronouns.text() == "he/him"
    assert get_youth(store_of(ws.session), record.id).pronouns == "they/them"


def test_window_title_never_names_the_youth(qtbot: QtBot, start_shell: Any) -> None:
    shell = start_shell()
    complete_setup(qtbot, shell)
    add_youth(qtbot, shell, "Jordan Sample")
    assert shell.windowTitle() == "Waymark"


def test_demo_mode_lists_made_up_youth(qtbot: QtBot, start_shell: Any) -> None:
    shell = start_shell(demo=True)
    ws = workspace(shell)
    shown, total = ws.list_panel.model.counts()
    assert total >= 100 and shown == total
    assert ws.banner.isVisibleTo(shell)


def _isolated(name: str) -> str:
    return f"\u2068{name}\u2069"  # kept whole inside text of the other direction


def test_youth_who_go_by_the_same_name_are_told_apart_by_their_legal_name(
    qtbot: QtBot, start_shell: Any
) -> None:
    """Issue 8: three rows "Ave" could only be told apart by the date of birth."""
    shell = start_shell()
    complete_setup(qtbot, shell)
    ws = workspace(shell)
    for legal in ("Avery Sample", "Avery Example", "Ave"):
        add_youth(qtbot, shell, legal)
        type_into(qtbot, ws.profile.preferred_name, "Ave")
        wait_saved(qtbot, shell)
    add_youth(qtbot, shell, "Riley Demo")
    type_into(qtbot, ws.profile.preferred_name, "riley  demo")  # the same name, typed loosely
    wait_saved(qtbot, shell)
    model = ws.list_panel.model
    names = sorted(model.index(row, 0).data() for row in range(model.rowCount()))
    assert names == sorted([
        "Ave",  # the name they go by is their legal name: nothing to add
        f"{_isolated('Ave')} ({_isolated('Avery Example')})",
        f"{_isolated('Ave')} ({_isolated('Avery Sample')})",
        "riley  demo",
    ])
    type_into(qtbot, ws.list_panel.search, "ave exam")  # the legal name is searched too
    assert model.counts() == (1, 4)
    assert model.index(0, 0).data() == f"{_isolated('Ave')} ({_isolated('Avery Example')})"


def test_a_list_restarted_with_youth_going_by_one_name_still_tells_them_apart(
    qtbot: QtBot, start_shell: Any, data_dir: Path
) -> None:
    shell = start_shell()
    complete_setup(qtbot, shell)
    store = store_of(workspace(shell).session)
    for legal in ("Avery Sample", "Avery Example"):
        created = create_youth(store, YouthFields(legal_name=legal, preferred_name="Ave"))
        assert created.id
    shell.close()
    shell = start_shell()
    sign_in(qtbot, shell, "ada")
    model = workspace(shell).list_panel.model
    shown = sorted(model.index(row, 0).data() for row in range(model.rowCount()))
    assert shown == [f"{_isolated('Ave')} ({_isolated('Avery Example')})",
                     f"{_isolated('Ave')} ({_isolated('Avery Sample')})"]
    shell.close()


def test_the_list_shows_whether_each_youth_has_no_plan_a_draft_or_an_agreed_plan(
    qtbot: QtBot, start_shell: Any
) -> None:
    from desktop.workspace.list_model import Column
    from planning import plans

    shell = start_shell()
    complete_setup(qtbot, shell)
    add_youth(qtbot, shell, "Jordan Sample")
    add_youth(qtbot, shell, "Mariana Ejemplo")
    ws = workspace(shell)
    store = store_of(ws.session)
    jordan = next(row.id for row in list_youth(store) if row.legal_name == "Jordan Sample")
    plans.start_plan(store, jordan)
    ws.reload_list()
    model = ws.list_panel.model
    shown = {model.index(row, Column.NAME).data(): model.index(row, Column.PLAN).data()
             for row in range(model.rowCount())}
    assert shown == {"Jordan Sample": "Draft", "Mariana Ejemplo": "None yet"}
    assert model.headerData(Column.PLAN, Qt.Orientation.Horizontal) == "Safety plan"
    ws.list_panel.table.sortByColumn(Column.PLAN, Qt.SortOrder.DescendingOrder)
    assert model.index(0, Column.NAME).data() == "Jordan Sample"


def test_beside_a_safety_plan_the_list_shows_whole_names_and_the_plan_gets_the_room(
    qtbot: QtBot, start_shell: Any
) -> None:
    """At 1100 px the list beside a youth's page left the plan cramped and its six columns left
    names as "Fab…": beside the safety plan it keeps only the names, the plan takes the rest,
    and back on the profile every column and the earlier width return."""
    from desktop.workspace.list_model import Column

    shell = start_shell()
    shell.resize(1100, 700)
    complete_setup(qtbot, shell)
    add_youth(qtbot, shell, "Fabienne Échantillon-Beaumont")
    ws = workspace(shell)
    QApplication.processEvents()
    splitter = ws.findChild(QSplitter)
    assert splitter is not None
    before = splitter.sizes()
    ws.tabs.setCurrentWidget(ws.plan)
    QApplication.processEvents()
    table = ws.list_panel.table
    assert ws.right.width() >= 700
    assert table.columnWidth(Column.NAME) >= 200
    assert all(table.isColumnHidden(c) for c in Column if c != Column.NAME)
    type_into(qtbot, ws.list_panel.search, "Fab")  # search as you type still works
    assert ws.list_panel.model.rowCount() == 1
    ws.tabs.setCurrentWidget(ws.profile)
    QApplication.processEvents()
    assert splitter.sizes() == before
    assert not any(table.isColumnHidden(c) for c in Column)


def test_with_no_youth_open_the_list_has_the_room_and_shows_whole_names(
    qtbot: QtBot, start_shell: Any
) -> None:
    """Seen on a real display: with every column in two fifths of the window, names were cut to
    "Aali…". The list takes three fifths at first, names are sized to be whole and the other
    columns scroll sideways when they do not fit."""
    from desktop.workspace.list_model import Column

    shell = start_shell()
    shell.resize(1100, 700)
    complete_setup(qtbot, shell)
    add_youth(qtbot, shell, "Fabienne Échantillon-Beaumont")
    ws = workspace(shell)
    ws.right.setCurrentWidget(ws.empty)  # as at sign-in: nobody chosen yet
    QApplication.processEvents()
    table = ws.list_panel.table
    name = table.model().index(0, Column.NAME).data()
    assert table.columnWidth(Column.NAME) > table.fontMetrics().horizontalAdvance(name)
    assert not any(table.isColumnHidden(c) for c in Column)


def test_beside_a_youths_profile_every_tab_of_the_page_is_in_view(
    qtbot: QtBot, start_shell: Any
) -> None:
    """Seven tabs did not fit in two fifths of the window: the last ones hid behind arrows."""
    shell = start_shell()
    shell.resize(1100, 700)
    complete_setup(qtbot, shell)
    add_youth(qtbot, shell, "Fabienne Échantillon-Beaumont")
    ws = workspace(shell)
    ws.tabs.setCurrentWidget(ws.profile)
    QApplication.processEvents()
    bar = ws.tabs.tabBar()
    assert bar.count() >= 7 and bar.width() >= bar.sizeHint().width()
