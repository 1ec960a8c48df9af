"""Printing a youth's needs assessment and action plan as a caseworker does, through the dialog
the assessment's screen opens: it opens on the youth's language with the pages previewed and
follows another language; it prints (to a PDF file, the physical path) and saves a PDF only after
the warning, each audited as the assessment with its language; a printout that cannot be
gathered is said, and nothing can be printed."""

from __future__ import annotations

import stat
from dataclasses import replace
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QMessageBox, QPushButton

from casefile.cases.youth import list_youth
from casefile.db.models import AuditEntry
from casefile.errors import RecordNotFound
from desktop.operations.assessment_printing import AssessmentPrintout
from desktop.operations.session import store_of
from desktop.printing import paper
from desktop.printing.assessment_dialog import (
    NO_PRINTER,
    AssessmentPrintDialog,
    open_assessment_print_dialog,
)
from printing.assessment_sample import sample_assessment
from tests.desktop.account_steps import click
from tests.desktop.helpers import add_youth, complete_setup, wait_saved, workspace


def _youth(qtbot: QtBot, shell: Any, language_code: str) -> int:
    """A youth whose copies are printed in `language_code`."""
    complete_setup(qtbot, shell)
    add_youth(qtbot, shell, "Jordan Sample")
    ws = workspace(shell)
    choice = ws.profile.preferred_language
    choice.setCurrentIndex(choice.findData(language_code))
    choice.activated.emit(choice.currentIndex())  # as when a person picks it
    ws.profile.autosave.flush()
    wait_saved(qtbot, shell)
    store = store_of(ws.session)
    return next(r.id for r in list_youth(store) if r.legal_name == "Jordan Sample")


class Gathered:
    """The assessment screen's part: the printout in the language asked for."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def __call__(self, code: str) -> AssessmentPrintout:
        self.asked.append(code)
        return replace(sample_assessment(code), name="Jordan Sample-Print")


def _open(qtbot: QtBot, shell: Any, youth_id: int,
          build: Any = None) -> AssessmentPrintDialog:
    ws = workspace(shell)
    dialog = open_assessment_print_dialog(ws, ws.session, youth_id, build or Gathered())
    assert dialog.isVisible()
    return dialog


def _text(data: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split())
                    for page in PdfReader(BytesIO(data)).pages)


def _audit(shell: Any) -> list[tuple[str, str, str]]:
    with store_of(workspace(shell).session).unit() as session:
        return [(e.action, e.record_type, e.detail) for e in session.scalars(
            select(AuditEntry).where(AuditEntry.action.in_(["print", "export"])))]


def test_it_opens_on_the_youths_language_and_the_preview_follows_another(
    qtbot: QtBot, start_shell: Any
) -> None:
    shell = start_shell()
    youth_id = _youth(qtbot, shell, "es")
    gathered = Gathered()
    dialog = _open(qtbot, shell, youth_id, gathered)
    assert dialog.language.currentData() == "es" and gathered.asked == ["es"]
    assert dialog.windowTitle() == "Print the assessment" and "Jordan" not in dialog.windowTitle()
    assert dialog.findChild(QComboBox, "print-variant") is None  # no discreet copy, no card
    assert dialog.findChildren(QComboBox) == [dialog.language]
    pages = len(PdfReader(BytesIO(dialog.pdf)).pages)
    assert pages >= 2 and len(dialog.preview.pages) == pages
    assert dialog.page_count.text() == f"{pages} pages"
    assert not dialog.preview.pages[0].pixmap().isNull()
    text = _text(dialog.pdf)
    assert "Jordan Sample-Print" in text and "Sin calificar" in text and "15 ene 2027" in text

    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    assert gathered.asked == ["es", "zh_CN"]  # gathered again, in the new language
    assert "2027年1月15日" in "".join(_text(dialog.pdf).split())
    assert len(dialog.preview.pages) == len(PdfReader(BytesIO(dialog.pdf)).pages)

    shell.switch("ar")
    QApplication.processEvents()
    try:
        assert dialog.isRightToLeft() and dialog.preview.isRightToLeft()
        assert dialog.language.currentData() == "zh_CN"  # the print language did not change
    finally:
        shell.switch("en")
        QApplication.processEvents()
    click(qtbot, dialog.close_button)
    assert not dialog.isVisible()


def _button(box: QMessageBox, name: str) -> QPushButton:
    button = box.findChild(QPushButton, name)
    assert button is not None
    return button


def test_save_as_pdf_only_after_the_warning_and_audited(
    qtbot: QtBot, start_shell: Any, tmp_path: Path
) -> None:
    shell = start_shell()
    dialog = _open(qtbot, shell, _youth(qtbot, shell, "ar"))
    folder = tmp_path / "chosen"
    folder.mkdir()
    click(qtbot, dialog.save_button)
    warning = dialog.child
    assert isinstance(warning, QMessageBox) and "read the assessment" in warning.text()
    click(qtbot, _button(warning, "no"))  # Cancel: nothing asked, nothing written
    assert list(folder.iterdir()) == [] and _audit(shell) == []

    click(qtbot, dialog.save_button)
    click(qtbot, _button(dialog.child, "yes"))  # type: ignore[arg-type]
    chooser = dialog.child
    assert isinstance(chooser, QFileDialog) and chooser.isVisible()
    assert chooser.selectedFiles()[0].endswith("assessment.pdf")  # never the youth's name
    chooser.selectFile(str(folder / "copy"))
    chooser.accept()
    saved = folder / "copy.pdf"
    assert [p.name for p in folder.iterdir()] == ["copy.pdf"]
    assert saved.read_bytes() == dialog.pdf and stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert "not encrypted" in dialog.message.text()
    assert "Jordan" not in str(PdfReader(saved).metadata)
    assert _audit(shell) == [("export", "youth", "assessment ar")]
    click(qtbot, dialog.close_button)


def test_print_goes_to_the_printer_and_is_audited(
    qtbot: QtBot, start_shell: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "printed.pdf"

    def choose(printer: QPrinter, parent: Any) -> bool:  # "print to file" in the system dialog
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return True

    monkeypatch.setattr(paper, "printer_available", lambda: False)
    shell = start_shell()
    dialog = _open(qtbot, shell, _youth(qtbot, shell, "en"))
    click(qtbot, dialog.print_button)
    assert dialog.message.text() == NO_PRINTER
    assert _audit(shell) == []
    monkeypatch.setattr(paper, "printer_available", lambda: True)
    monkeypatch.setattr(paper, "ask_for_printer", choose)
    click(qtbot, dialog.print_button)
    assert dialog.message.text() == "The assessment and action plan was sent to the printer."
    assert "Harbor Youth Housing" in _text(out.read_bytes())  # the hidden text layer
    assert _audit(shell) == [("print", "youth", "assessment en")]
    click(qtbot, dialog.close_button)


def test_a_printout_that_cannot_be_gathered_is_said_and_nothing_prints(
    qtbot: QtBot, start_shell: Any
) -> None:
    def gone(code: str) -> AssessmentPrintout:
        raise RecordNotFound()

    shell = start_shell()
    dialog = _open(qtbot, shell, _youth(qtbot, shell, "en"), gone)
    assert dialog.message.text() == "That record no longer exists."
    assert dialog.pdf == b"" and dialog.preview.pages == []
    assert not dialog.print_button.isEnabled() and not dialog.save_button.isEnabled()
    click(qtbot, dialog.close_button)
