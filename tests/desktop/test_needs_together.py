"""The needs assessment, its goals and documents as a caseworker works through them with a young
person in one sitting, and a month later: several domains rated and the others left unrated, a
goal with two action steps and a referral to a service found by typing in the directory's search,
a birth certificate marked requested, the assessment completed; a reassessment completed a month
later (the clock is supplied to the code) shows the change and the chart; everything is there
after a restart, and the case-file printout holds every rated domain's own level words and no
score for the unrated ones."""

from __future__ import annotations

from datetime import date, timedelta
from io import BytesIO
from typing import Any

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QApplication

from desktop.operations import assessment as assessment_ops
from desktop.operations import assessment_printing
from desktop.operations import documents as documents_ops
from desktop.operations import goals as goals_ops
from desktop.operations.session import store_of
from desktop.workspace import goals_saving
from desktop.workspace.goals_editor import GoalsEditor
from services_needs.content import domain
from services_needs.directory import ServiceFields, add_service
from tests.desktop.account_steps import click, restart, sign_in
from tests.desktop.helpers import add_youth, complete_setup, workspace
from tests.desktop.test_documents_tracker import NO, _card, _saved, _type_date
from tests.desktop.test_goals_and_steps import _add_goal, _fill_step, _refer
from tests.desktop.test_goals_and_steps import _saved as _goals_saved
from tests.desktop.test_needs_assessment import JUNE, MAY, _complete, _open, _rate, _table


@pytest.fixture(autouse=True)
def clock(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """One clock for every screen: a test moves it a month on by changing `[0]`."""
    now = [MAY]
    monkeypatch.setattr(assessment_ops, "clock", lambda: now[0])
    monkeypatch.setattr(goals_ops, "today", lambda: now[0].date())
    monkeypatch.setattr(documents_ops, "today", lambda: now[0].date())
    monkeypatch.setattr(goals_saving, "_confirm", lambda parent, question: True)
    return now


def _goals(shell: Any) -> GoalsEditor:
    ws = workspace(shell)
    editor = next(e for e in ws.editors if isinstance(e, GoalsEditor))
    ws.tabs.setCurrentWidget(editor)
    QApplication.processEvents()
    return editor


def test_an_assessment_goals_a_referral_and_documents_over_a_month_and_a_restart(
    qtbot: QtBot, start_shell: Any, clock: list[Any]
) -> None:
    shell = start_shell()
    complete_setup(qtbot, shell)
    store = store_of(workspace(shell).session)
    for name, helps in (("Harbor Youth Housing", "housing"), ("Northside Teen Clinic",
                                                              "physical-health")):
        add_service(store, ServiceFields(name, (helps,), phone="555-0140"))
    add_youth(qtbot, shell, "Jordan Sample")
    editor = _open(shell, "Jordan Sample")
    click(qtbot, editor.start_button)
    for rated, level in (("housing", 2), ("education", 4), ("safety", 3)):
        _rate(qtbot, editor, rated, level)

    goals = _goals(shell)
    box = _add_goal(qtbot, goals, "A safe place to live", "My own place by the summer")
    _fill_step(qtbot, box.steps[0], "Fill in the housing form", "The young person", "2026-05-20")
    click(qtbot, box.add_step_button)
    _fill_step(qtbot, box.steps[1], "Call the landlord", "A provider", "2026-05-12",
               name="Ms. Ortega")
    _goals_saved(qtbot, goals)
    _refer(qtbot, goals, box, "harb")  # found by typing in the directory's search
    assert box.referrals[0].referral.service_name == "Harbor Youth Housing"

    ws = workspace(shell)
    ws.tabs.setCurrentWidget(ws.documents)
    birth = _card(ws, "birth-certificate")
    click(qtbot, birth.choices[NO])
    _type_date(qtbot, birth.dates["requested_on"], "5/1/2026")
    _saved(qtbot, birth)

    editor = _open(shell, "Jordan Sample")
    _complete(qtbot, editor)
    clock[0] = JUNE  # a month later
    click(qtbot, editor.bar.reassess_button)
    for rated, level in (("housing", 4), ("education", 4), ("safety", 2)):
        _rate(qtbot, editor, rated, level)
    _complete(qtbot, editor)

    shell = restart(start_shell, shell)
    sign_in(qtbot, shell, "ada")
    editor = _open(shell, "Jordan Sample")
    editor.views.setCurrentIndex(1)
    rows = _table(editor)
    assert rows["A safe place to live"][0] == "2 → 4, up"
    assert rows["Feeling safe"][0] == "3 → 2, down"
    assert rows["Legal help"][0] == "Not rated either time"
    editor.over_time.table.setCurrentCell(1, 0)
    assert [p.level for p in editor.over_time.chart.points] == [2, 4]
    [box] = _goals(shell).boxes
    assert [s.words.text() for s in box.steps] == ["Fill in the housing form",
                                                   "Call the landlord"]
    assert box.referrals[0].referral.service_name == "Harbor Youth Housing"
    ws = workspace(shell)
    ws.tabs.setCurrentWidget(ws.documents)
    assert _card(ws, "birth-certificate").dates["requested_on"].value() == date(2026, 5, 1)

    youth_id = ws.profile.record.id  # type: ignore[union-attr]
    printout = assessment_printing.gather(ws.session, youth_id, JUNE.date() + timedelta(days=1))
    pages = PdfReader(BytesIO(assessment_printing.render(printout, "en"))).pages
    text = " ".join(" ".join(page.extract_text().split()) for page in pages)
    for rated, level in (("housing", 4), ("education", 4), ("safety", 2)):
        assert " ".join(str(domain(rated).level(level)).split()) in text
    legal = text[text.index("Legal help"):text.index(str(domain("education").title))]
    assert "Not rated" in legal and not any(ch.isdigit() for ch in legal)
    assert "Harbor Youth Housing" in text and "Call the landlord" in text

    editor = _open(shell, "Jordan Sample")  # the same copy, from the assessment's own page
    click(qtbot, editor.bar.print_button)
    dialog = editor.print_dialog
    assert dialog.isVisible() and len(dialog.preview.pages) == len(pages)
    printed = " ".join(" ".join(page.extract_text().split())
                       for page in PdfReader(BytesIO(dialog.pdf)).pages)
    assert "Harbor Youth Housing" in printed and "Jordan Sample" in printed
    dialog.reject()
