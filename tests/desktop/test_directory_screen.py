"""The resource directory as a person uses it: opened from the Directory menu, searched by
typing and narrowed by filters, a CSV imported with its report, a service added, changed and
removed; a caseworker reads it and cannot change it; a help line from it chosen on a safety plan
and printed; the window speaks the new language, mirrors, and closes on a lock."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from casefile.cases.youth import list_youth
from desktop.directory.screen import DirectoryWindow
from desktop.operations import printing as print_ops
from desktop.operations.session import store_of
from desktop.shell import Shell
from printing.options import PrintOptions
from services_needs.directory import ServiceFields, add_service, list_services
from tests.desktop.account_steps import add_account_directly, choose, click, restart, sign_in
from tests.desktop.helpers import add_youth, complete_setup, settle, type_into, workspace

CASA = ServiceFields("Casa Esperanza Youth Shelter", ("housing",), phone="555-0101",
                     languages=("Español", "English"), youth_friendly=True)
CLINIC = ServiceFields("Northside Teen Clinic", ("physical-health",), phone="555-0102",
                       languages=("English",), lgbtq_friendly=True)
LINE = ServiceFields("Harbor County Youth Crisis Line", ("safety",), phone="555-0110",
                     hours="Any time", help_line=True)


def _fill(shell: Shell, *services: ServiceFields) -> None:
    store = store_of(workspace(shell).session)
    for values in services:
        add_service(store, values)


def _open(qtbot: QtBot, shell: Shell) -> DirectoryWindow:
    menu = shell.account_menus.directory
    assert menu.open_action.isVisible() and menu.menu.menuAction().isVisible()
    menu.open_action.trigger()
    window = menu.window
    assert window is not None and window.isVisible()
    settle(qtbot, shell.runner)
    return window


def _child(window: DirectoryWindow) -> Any:
    """The dialog the window opened last (a form, a question, a report)."""
    child = window.child
    assert child is not None and child.isVisible()
    return child


def _names(window: DirectoryWindow) -> list[str]:
    model = window.model
    return [model.service(row).name for row in range(model.rowCount())]


def test_typing_finds_a_service_and_the_filters_narrow_the_list(
        qtbot: QtBot, start_shell: Any) -> None:
    shell = start_shell()
    complete_setup(qtbot, shell)
    _fill(shell, CASA, CLINIC, LINE)
    window = _open(qtbot, shell)
    assert window.count.text() == "3 services"
    type_into(qtbot, window.search, "esperanza")
    assert _names(window) == [CASA.name]
    assert window.details.title.text() == CASA.name  # the one found is shown beside
    assert "\u2066555-0101\u2069" in window.details.values["phone"].text()  # kept LTR
    window.search.clear()
    choose(window.domain, "A safe place to live")  # housing
    assert _names(window) == [CASA.name]
    choose(window.domain, "Any need")
    choose(window.language, "English")
    assert _names(window) == [CASA.name, CLINIC.name]
    window.lgbtq.click()
    assert _names(window) == [CLINIC.name]
    type_into(qtbot, window.search, "shelter")
    assert _names(window) == [] and "No service matches" in window.count.text()
    window.reject()


def test_an_import_shows_every_bad_row_and_duplicate_in_its_report(
        qtbot: QtBot, start_shell: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shell = start_shell()
    complete_setup(qtbot, shell)
    _fill(shell, CASA)
    window = _open(qtbot, shell)
    source = tmp_path / "services.csv"
    source.write_bytes("Name;Phone;Ages;Colour\r\nCasa Esperanza Youth Shelter;555-0101;;\r\n"
                       "Clínica Niños;555-0120;12-18;red\r\n;555-0121;;\r\n"
                       "Teen Center;555-0122;ten to 20;\r\n".encode("cp1252"))
    monkeypatch.setattr(window, "choose_import_file", lambda: source)
    click(qtbot, window.buttons["import-csv"])
    settle(qtbot, shell.runner)
    report = _child(window)
    qtbot.addWidget(report)
    assert report.summary.text() == ("1 service was added to the directory. 2 rows could not "
                                     "be read.")
    assert "Windows-1252" in report.read_as.text() and "semicolons" in report.read_as.text()
    problems = [report.problems.item(n).text() for n in range(report.problems.count())]
    assert problems[0] == "Row 4: the name is empty"
    assert problems[1].startswith('Row 5: the age range "ten to 20" is not two numbers')
    assert report.duplicates.item(0).text() == (
        "Row 2: \u201cCasa Esperanza Youth Shelter\u201d is already in the directory.")
    assert "\u201cColour\u201d" in report.ignored.text()
    report.reject()
    assert "Clínica Niños" in _names(window)
    window.reject()


def test_add_change_and_remove_a_service(qtbot: QtBot, start_shell: Any) -> None:
    shell = start_shell()
    complete_setup(qtbot, shell)
    window = _open(qtbot, shell)
    assert window.body.currentWidget() is window.empty  # says what to do next
    assert "Add the services" in window.empty.text()
    click(qtbot, window.buttons["add-service"])
    form = _child(window)
    type_into(qtbot, form.name, "Riverbend Legal Aid")
    type_into(qtbot, form.phone, "call the front desk")
    type_into(qtbot, form.age_from, "ten")
    click(qtbot, form.ok_button)
    assert form.isVisible() and 'youngest age "ten" is not a whole number' in form.message.text()
    type_into(qtbot, form.age_from, "21")
    type_into(qtbot, form.age_to, "18")
    click(qtbot, form.ok_button)
    assert form.isVisible() and "above the oldest" in form.message.text()
    form.age_to.clear()
    form.domains.item(5).setCheckState(Qt.CheckState.Checked)  # legal help
    click(qtbot, form.ok_button)
    assert not form.isVisible()
    settle(qtbot, shell.runner)
    assert _names(window) == ["Riverbend Legal Aid"]
    assert window.details.values["phone"].text() == "\u2066call the front desk\u2069"
    assert "added" in window.message.text()
    click(qtbot, window.buttons["edit-service"])
    form = _child(window)
    type_into(qtbot, form.name, "Riverbend Legal Aid Society")
    click(qtbot, form.ok_button)
    settle(qtbot, shell.runner)
    assert _names(window) == ["Riverbend Legal Aid Society"]
    click(qtbot, window.buttons["remove-service"])
    question = _child(window)
    assert isinstance(question, QMessageBox) and "keep its name" in question.text()
    yes = question.findChild(QPushButton, "yes")
    assert yes is not None
    click(qtbot, yes)
    settle(qtbot, shell.runner)
    assert _names(window) == []
    store = store_of(workspace(shell).session)
    assert list_services(store) == []  # removed; its row is kept for referrals
    window.reject()


def test_a_caseworker_reads_the_directory_but_cannot_change_it(
        qtbot: QtBot, start_shell: Any, data_dir: Path) -> None:
    shell = start_shell()
    complete_setup(qtbot, shell)
    _fill(shell, CASA)
    add_account_directly(data_dir, "cam", "Cam Caseworker", {"caseworker"})
    shell = restart(start_shell, shell)
    sign_in(qtbot, shell, "cam")
    window = _open(qtbot, shell)
    assert _names(window) == [CASA.name]
    assert not any(button.isVisible() for button in window.buttons.values())
    assert "Supervisors and administrators keep it up to date" in window.who.text()
    window.table.doubleClicked.emit(window.model.index(0, 0))  # no form opens
    assert window.child is None
    window.reject()


def test_a_help_line_from_the_directory_is_chosen_on_the_plan_and_printed(
        qtbot: QtBot, start_shell: Any) -> None:
    shell = start_shell()
    complete_setup(qtbot, shell)
    _fill(shell, LINE, CASA)  # only the one marked as a help line is offered
    add_youth(qtbot, shell, "Jordan Sample")
    ws = workspace(shell)
    store = store_of(ws.session)
    youth_id = next(r.id for r in list_youth(store) if r.legal_name == "Jordan Sample")
    ws.tabs.setCurrentWidget(ws.plan)
    click(qtbot, ws.plan.start_button)
    section = next(n for n, s in enumerate(ws.plan.content.sections) if s.helplines)
    ws.plan.show_section(section)
    rows = {row.key: row for row in ws.plan.ticks}
    key = f"local:{LINE.name}"
    assert key in rows and f"local:{CASA.name}" not in rows
    assert "555-0110" in rows[key].words.text() and rows[key].detail.text() == "Any time"
    rows[key].tick.click()
    printout = print_ops.printout(ws.session, youth_id)
    assert any(i.content_key == key for i in printout.plan.items)
    for variant in ("full", "wallet"):
        pdf = print_ops.render(printout, PrintOptions(variant, "en"))
        text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
        assert "555-0110" in text, variant
    window = _open(qtbot, shell)  # a line added to the directory is offered at once
    click(qtbot, window.buttons["add-service"])
    form = _child(window)
    type_into(qtbot, form.name, "Night Text Line")
    type_into(qtbot, form.phone, "555-0111")
    form.help_line.click()
    click(qtbot, form.ok_button)
    settle(qtbot, shell.runner)
    assert "local:Night Text Line" in {row.key for row in ws.plan.ticks}
    ticked = next(row for row in ws.plan.ticks if row.key == key)
    assert ticked.tick.isChecked()  # the choice made before is kept
    window.reject()


def test_the_window_speaks_the_new_language_mirrors_and_closes_on_a_lock(
        qtbot: QtBot, start_shell: Any) -> None:
    shell = start_shell()
    complete_setup(qtbot, shell)
    _fill(shell, CASA)
    window = _open(qtbot, shell)
    type_into(qtbot, window.search, "casa")
    shell.choose_language("es")
    assert window.search.text() == "casa"  # typing kept
    shell.choose_language("ar")
    assert window.isRightToLeft()
    assert window.details.values["phone"].text() == "\u2066555-0101\u2069"
    shell.choose_language("en")
    shell.lock_action.trigger()
    assert shell.account_menus.directory.window is None
    assert not window.isVisible()
