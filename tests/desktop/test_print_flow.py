"""Printing a youth's plan as a caseworker does: Print… on the plan, choose the copy, its
language and options and see the pages; print (to a PDF file, the physical path) with the plan's
words kept as hidden, extractable text; save a PDF only after the warning; and, with no printer
set up, a clear message while preview and save still work. Nothing is left in the temporary
folder or the data folder."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFileDialog,
    QMessageBox,
    QPushButton,
    QWidget,
)

from casefile.cases.youth import list_youth
from casefile.db.models import AuditEntry
from desktop.printing import paper
from desktop.printing.print_dialog import NO_PRINTER, PrintDialog
from desktop.workspace.plan_editor import PlanEditor
from tests.desktop.account_steps import click
from tests.desktop.helpers import add_youth, complete_setup, type_into, wait_saved, workspace

WORDS = "I fix bikes and my aunt Rosa calls me back"


@pytest.fixture
def own_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary folder of this test's own (Python's and Qt's), to see what lands there."""
    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _files(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def _store(shell: Any) -> Any:
    from desktop.operations.session import store_of

    return store_of(workspace(shell).session)


def _plan_with_words(qtbot: QtBot, shell: Any, language_code: str = "en") -> PlanEditor:
    """A youth whose copy is printed in `language_code`, with a plan holding WORDS."""
    complete_setup(qtbot, shell)
    add_youth(qtbot, shell, "Jordan Sample")
    ws = workspace(shell)
    choice = ws.profile.preferred_language
    choice.setCurrentIndex(choice.findData(language_code))
    choice.activated.emit(choice.currentIndex())  # as when a person picks it
    ws.profile.autosave.flush()
    wait_saved(qtbot, shell)
    youth_id = next(r.id for r in list_youth(_store(shell)) if r.legal_name == "Jordan Sample")
    ws.open_youth(youth_id)
    ws.tabs.setCurrentWidget(ws.plan)
    editor = ws.plan
    assert not editor.print_button.isEnabled()  # no plan yet: nothing to print
    click(qtbot, editor.start_button)
    assert editor.print_button.isEnabled() and editor.print_button.isVisible()
    type_into(qtbot, editor.boxes[0].fields["text"], WORDS)
    return editor


def _open_print(qtbot: QtBot, editor: PlanEditor) -> PrintDialog:
    click(qtbot, editor.print_button)  # also saves what was just typed
    dialog = editor.print_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.addWidget(dialog)  # closed after the test, whatever happened
    return dialog


def tick(qtbot: QtBot, box: QCheckBox) -> None:
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)


def _pdf_text(source: Path | bytes) -> str:
    reader = PdfReader(source if isinstance(source, Path) else __import__("io").BytesIO(source))
    return " ".join(page.extract_text() for page in reader.pages)


def _audit(shell: Any) -> list[tuple[str, str]]:
    with _store(shell).unit() as session:
        return [(e.action, e.detail) for e in session.scalars(
            select(AuditEntry).where(AuditEntry.action.in_(["print", "export"])))]


@pytest.fixture
def to_pdf_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A printer is set up, and the person picks "print to file" in the system's dialog."""
    out = tmp_path / "printed" / "copy.pdf"
    out.parent.mkdir()
    asked: list[QPrinter] = []

    def choose(printer: QPrinter, parent: QWidget) -> bool:
        asked.append(printer)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return True

    monkeypatch.setattr(paper, "printer_available", lambda: True)
    monkeypatch.setattr(paper, "ask_for_printer", choose)
    yield out


def test_print_opens_on_the_youths_language_and_the_preview_follows_each_choice(
    qtbot: QtBot, start_shell: Any
) -> None:
    shell = start_shell()
    editor = _plan_with_words(qtbot, shell, "es")
    dialog = _open_print(qtbot, editor)
    assert dialog.language.currentData() == "es"  # the youth's, not the interface's
    assert [dialog.language.itemText(i) for i in range(dialog.language.count())] == [
        "English", "Español", "العربية", "中文（简体）"]
    assert dialog.second_language.currentData() is None
    assert "Jordan" not in dialog.windowTitle()
    pages = len(PdfReader(BytesIO(dialog.pdf)).pages)  # every page of the copy, previewed
    assert pages >= 1 and len(dialog.preview.pages) == pages
    assert dialog.page_count.text() == ("1 page" if pages == 1 else f"{pages} pages")
    assert not dialog.preview.pages[0].pixmap().isNull()
    assert WORDS in _pdf_text(dialog.pdf)  # what is previewed is the plan
    assert dialog.large_print.isVisible() and not dialog.title.isVisible()

    before = dialog.pdf
    tick(qtbot, dialog.large_print)
    assert dialog.options().large_print and dialog.pdf != before
    dialog.variant.setCurrentIndex(dialog.variant.findData("discreet"))
    assert dialog.title.isVisible() and dialog.say_what.isVisible()
    assert not dialog.large_print.isVisible() and not dialog.code_word.isVisible()
    assert dialog.title.placeholderText() == dialog.options().title  # the plain title, shown
    type_into(qtbot, dialog.title, "Bike notes")
    qtbot.waitUntil(lambda: dialog.options().title == "Bike notes", timeout=2000)
    dialog.variant.setCurrentIndex(dialog.variant.findData("wallet"))
    assert dialog.code_word.isVisible() and not dialog.title.isVisible()
    tick(qtbot, dialog.code_word)
    dialog.second_language.setCurrentIndex(dialog.second_language.findData("en"))
    options = dialog.options()
    assert (options.variant, options.language, options.second_language, options.code_word) == (
        "wallet", "es", "en", True)
    assert options.title == "" and not options.large_print  # another copy's options stay out
    click(qtbot, dialog.close_button)
    assert not dialog.isVisible()


def test_print_to_a_pdf_file_holds_the_plans_words_as_hidden_text_and_is_audited(
    qtbot: QtBot, start_shell: Any, to_pdf_file: Path
) -> None:
    shell = start_shell()
    dialog = _open_print(qtbot, _plan_with_words(qtbot, shell))
    click(qtbot, dialog.print_button)
    assert dialog.message.text() == "The plan was sent to the printer."
    text = _pdf_text(to_pdf_file)
    for word in WORDS.split():
        assert word in text
    assert "Jordan" not in str(PdfReader(to_pdf_file).metadata)
    assert _audit(shell) == [("print", "full en")]  # the variant and language, never words
    click(qtbot, dialog.close_button)


def _render(path: Path) -> bytes:
    document = pdfium.PdfDocument(path)
    try:
        return bytes(document[0].render(scale=1).buffer)
    finally:
        document.close()


def test_the_hidden_text_cannot_be_seen_on_the_page(
    qtbot: QtBot, start_shell: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page printed with its text layer looks exactly like the page printed without it."""
    shell = start_shell()
    dialog = _open_print(qtbot, _plan_with_words(qtbot, shell))
    with_text, without = tmp_path / "with.pdf", tmp_path / "without.pdf"
    for path in (with_text, without):
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        paper.print_pdf(printer, dialog.pdf)
        monkeypatch.setattr(paper, "_write_words", lambda *args: None)
    assert "bikes" in _pdf_text(with_text) and "bikes" not in _pdf_text(without)
    assert _render(with_text) == _render(without)
    click(qtbot, dialog.close_button)


def test_with_no_printer_it_says_so_and_preview_and_save_still_work(
    qtbot: QtBot, start_shell: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(paper, "printer_available", lambda: False)
    asked: list[object] = []

    def ask(*args: object) -> bool:
        asked.append(args)
        return True

    monkeypatch.setattr(paper, "ask_for_printer", ask)
    shell = start_shell()
    dialog = _open_print(qtbot, _plan_with_words(qtbot, shell))
    assert dialog.print_button.isVisible() and dialog.print_button.isEnabled()
    click(qtbot, dialog.print_button)
    assert dialog.message.text() == NO_PRINTER
    assert dialog.message.kind is not None and dialog.message.kind.value == "warning"
    assert asked == [] and _audit(shell) == []
    assert len(dialog.preview.pages) >= 1  # the preview is still there
    target = tmp_path / "kept.pdf"
    _save(qtbot, dialog, target)
    assert WORDS in _pdf_text(target)
    click(qtbot, dialog.close_button)


def _button(box: QMessageBox, name: str) -> QPushButton:
    button = box.findChild(QPushButton, name)
    assert button is not None
    return button


def _save(qtbot: QtBot, dialog: PrintDialog, target: Path) -> None:
    """Save as PDF…, Save anyway at the warning, then the file's name in the file dialog."""
    click(qtbot, dialog.save_button)
    warning = dialog.child
    assert isinstance(warning, QMessageBox) and warning.isVisible()
    assert "not encrypted" in warning.text()
    click(qtbot, _button(warning, "yes"))
    chooser = dialog.child
    assert isinstance(chooser, QFileDialog) and chooser.isVisible()
    assert chooser.selectedFiles()[0].endswith("plan.pdf")  # never the youth's name
    chooser.selectFile(str(target))
    chooser.accept()


def test_save_as_pdf_only_after_the_warning_owner_only_and_audited(
    qtbot: QtBot, start_shell: Any, tmp_path: Path
) -> None:
    shell = start_shell()
    dialog = _open_print(qtbot, _plan_with_words(qtbot, shell, "ar"))
    folder = tmp_path / "chosen"
    folder.mkdir()
    click(qtbot, dialog.save_button)
    warning = dialog.child
    assert isinstance(warning, QMessageBox)
    click(qtbot, _button(warning, "no"))  # Cancel: nothing asked, nothing written
    assert dialog.child is warning and not warning.isVisible()
    assert _files(folder) == set() and _audit(shell) == []

    _save(qtbot, dialog, folder / "copy")
    saved = folder / "copy.pdf"
    assert _files(folder) == {"copy.pdf"}  # and no temporary file beside it
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert saved.read_bytes() == dialog.pdf
    assert "not encrypted" in dialog.message.text() and "copy.pdf" in dialog.message.text()
    assert _audit(shell) == [("export", "full ar")]
    click(qtbot, dialog.close_button)


def test_a_failed_save_says_so_and_leaves_no_file(
    qtbot: QtBot, start_shell: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shell = start_shell()
    dialog = _open_print(qtbot, _plan_with_words(qtbot, shell))
    folder = tmp_path / "failing"
    folder.mkdir()

    def disk_error(fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fsync", disk_error)  # the disk fails while the file is written
    _save(qtbot, dialog, folder / "copy.pdf")
    monkeypatch.undo()
    assert _files(folder) == set()
    assert dialog.message.kind is not None and dialog.message.kind.value == "error"
    assert "copy.pdf" in dialog.message.text() and "read or write error" in dialog.message.text()
    click(qtbot, dialog.close_button)


def test_preview_print_and_cancel_leave_nothing_in_the_temp_or_data_folder(
    qtbot: QtBot, start_shell: Any, data_dir: Path, own_temp: Path, to_pdf_file: Path
) -> None:
    shell = start_shell()
    editor = _plan_with_words(qtbot, shell)
    editor.autosave.flush()
    data_before = _files(data_dir)
    dialog = _open_print(qtbot, editor)
    dialog.variant.setCurrentIndex(dialog.variant.findData("wallet"))  # preview again
    click(qtbot, dialog.print_button)
    assert to_pdf_file.is_file()
    click(qtbot, dialog.save_button)
    warning = dialog.child
    assert isinstance(warning, QMessageBox)
    click(qtbot, _button(warning, "no"))
    click(qtbot, dialog.close_button)
    QApplication.processEvents()
    assert _files(own_temp) == set()
    assert _files(data_dir) == data_before


def test_the_dialog_speaks_the_new_language_and_mirrors(qtbot: QtBot, start_shell: Any) -> None:
    shell = start_shell()
    dialog = _open_print(qtbot, _plan_with_words(qtbot, shell))
    english = (dialog.windowTitle(), dialog.print_button.text(), dialog.variant.itemText(0),
               dialog.labels["language"].text())
    pdf = dialog.pdf
    shell.switch("ar")
    QApplication.processEvents()
    try:
        arabic = (dialog.windowTitle(), dialog.print_button.text(), dialog.variant.itemText(0),
                  dialog.labels["language"].text())
        assert arabic == ("طباعة الخطة", "&طباعة…", "الخطة كاملة", "ال&لغة"), english
        assert dialog.isRightToLeft() and dialog.preview.isRightToLeft()
        assert dialog.language.currentData() == "en"  # the print language did not change
        assert dialog.pdf == pdf
    finally:
        shell.switch("en")
        QApplication.processEvents()
    assert dialog.print_button.text() == "&Print…" and not dialog.isRightToLeft()
    click(qtbot, dialog.close_button)


def test_print_is_not_offered_in_the_together_view(qtbot: QtBot, start_shell: Any) -> None:
    shell = start_shell()
    editor = _plan_with_words(qtbot, shell)
    together = PlanEditor(workspace(shell).session, together=True)
    qtbot.addWidget(together)
    assert together.print_button.isHidden() and not editor.print_button.isHidden()


def test_hiding_the_screen_closes_the_dialog_and_its_pages(
    qtbot: QtBot, start_shell: Any
) -> None:
    shell = start_shell()
    editor = _plan_with_words(qtbot, shell)
    dialog = _open_print(qtbot, editor)
    click(qtbot, dialog.save_button)  # the warning is open over it, too
    warning = dialog.child
    assert isinstance(warning, QMessageBox) and warning.isVisible()
    qtbot.mouseClick(shell.hide_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and not warning.isVisible()
    assert dialog.pdf == b"" and dialog.preview.pages == []
    assert editor.print_dialog is None
