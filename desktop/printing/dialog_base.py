"""What every print dialog shares (the safety plan's, the needs assessment's): the choices of a
copy beside a preview of its pages as they will be printed; Print…, which asks for a printer and
sends the pages; Save as PDF…, only after a warning that the file is not encrypted; a message
line. Each print and each saved file is noted in the audit trail first (no copy leaves
unaudited).

The PDF lives in memory: the preview and the printer are drawn from it, and a file exists only
when the person chose to save one. Closing the dialog (Close, Escape, a lock) drops its pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casefile.errors import WaymarkError
from desktop import look
from desktop.forms import LTR, heading, message_label, wait_cursor
from desktop.look import TYPE, MessageKind
from desktop.operations import printing as ops
from desktop.operations.session import Session
from desktop.printing import paper
from desktop.printing.preview import Preview
from desktop.translation import RetranslateMixin
from i18n import N_, _, language, ngettext

SAVED = N_("Saved as {path}. The file is not encrypted: keep it somewhere only you can open, "
           "and delete it when it is no longer needed.")


@dataclass(frozen=True)
class DialogWords:
    """What one kind of copy is called in its dialog (messages marked with N_)."""

    window_title: str  # never the youth's name
    heading: str
    no_printer: str
    sent: str
    readable: str  # the save warning: who can read the unencrypted file
    keep_nothing: str  # the save warning's advice
    save_title: str
    file_name: str  # the name the file dialog suggests: never the youth's


class PrintDialogBase(RetranslateMixin, QDialog):
    """Choose, preview, print or save a copy. Subclasses add their choices to `form`, build the
    PDF (`make_pdf`) and note a print or a save in the audit trail (`record`)."""

    words: DialogWords

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.pdf = b""
        self.child: QDialog | None = None  # the warning or file dialog open over this one
        self._message: tuple[str, dict[str, object], MessageKind] | WaymarkError | None = None
        self._build()

    # construction
    def _build(self) -> None:
        self.heading = heading(scale=TYPE.subtitle)
        self.language = QComboBox()
        self.language.setObjectName("print-language")
        for code in ops.print_languages(self._session):
            self.language.addItem(language(code).native_name, code)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.message = message_label()
        self.message.setObjectName("print-message")
        self.print_button = QPushButton()
        self.print_button.setObjectName("print")
        self.print_button.setDefault(True)
        self.save_button = QPushButton()
        self.save_button.setObjectName("save-pdf")
        self.close_button = QPushButton()
        self.close_button.setObjectName("close")
        buttons = QHBoxLayout()
        for button in (self.print_button, self.save_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        self.preview = Preview()
        self.page_count = QLabel()
        self.page_count.setObjectName("list-count")
        choices = QVBoxLayout()
        choices.setSpacing(look.space(3))
        choices.addWidget(self.heading)
        choices.addLayout(self.form)
        choices.addWidget(self.message)
        choices.addStretch(1)
        choices.addLayout(buttons)
        pages = QVBoxLayout()
        pages.addWidget(self.page_count)
        pages.addWidget(self.preview, 1)
        row = QHBoxLayout(self)
        row.addLayout(choices, 1)
        row.addLayout(pages, 2)
        self.resize(1000, 720)

    def start(self) -> None:
        """Called by a subclass once its choices are in place: follow them, show the first
        preview."""
        self.language.currentIndexChanged.connect(self.render_preview)
        self.print_button.clicked.connect(self.print_copy)
        self.save_button.clicked.connect(self.save_pdf)
        self.close_button.clicked.connect(self.reject)
        self.retranslate_ui()
        self.render_preview()

    def cannot_print(self, error: WaymarkError) -> None:
        """Nothing to print (the record is gone, or not the person's to read): say why."""
        self._message = error
        for widget in (self.print_button, self.save_button, *self.choices()):
            widget.setEnabled(False)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_(self.words.window_title))
        self.heading.setText(_(self.words.heading))
        self.print_button.setText(_("&Print…"))
        self.save_button.setText(_("Save as P&DF…"))
        self.close_button.setText(_("Close"))
        self.preview.setAccessibleName(_("Preview of the printed copy"))
        self.preview.name_pages()
        self._show_page_count()
        self._show_message()

    # what a kind of copy provides
    def choices(self) -> tuple[QWidget, ...]:
        """The widgets of its choices other than the language (disabled when nothing prints)."""
        return ()

    def ready(self) -> bool:
        """Whether there is something to print."""
        raise NotImplementedError

    def make_pdf(self) -> bytes:
        """The copy as chosen, as PDF bytes (may raise WaymarkError)."""
        raise NotImplementedError

    def record(self, saved: bool) -> None:
        """Note the print (or the saved file) in the audit trail."""
        raise NotImplementedError

    def doc_name(self) -> str:
        """The print queue's name for the job: never the youth's."""
        return "Waymark"

    def show_options(self) -> None:
        """Show only the choices that apply to what is chosen."""

    def forget(self) -> None:
        """Drop what was gathered for printing when the dialog closes."""

    def print_code(self) -> str:
        return str(self.language.currentData() or "en")

    # the preview
    def render_preview(self) -> None:
        """Build the PDF for the choices made and show its pages."""
        self.show_options()
        if not self.ready():
            return
        try:
            with wait_cursor():
                self.pdf = self.make_pdf()
                self.preview.show_pdf(self.pdf)
            if isinstance(self._message, WaymarkError):  # the copy could be made after all
                self._say(None)
        except WaymarkError as error:
            self.pdf = b""
            self.preview.clear()
            self._say(error)
        for button in (self.print_button, self.save_button):  # nothing to print: say so only
            button.setEnabled(bool(self.pdf))
        self._show_page_count()

    def _show_page_count(self) -> None:
        count = len(self.preview.pages)
        self.page_count.setText(ngettext("{count} page", "{count} pages", count).format(
            count=count) if count else "")

    # printing
    def print_copy(self) -> None:
        if not self.ready() or not self.pdf:
            return
        if not paper.printer_available():
            self._say(self.words.no_printer, kind=MessageKind.WARNING)
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.doc_name())
        printer.setCreator(self.doc_name())
        if not paper.ask_for_printer(printer, self):
            return
        try:
            self.record(saved=False)
            with wait_cursor():
                paper.print_pdf(printer, self.pdf)
        except WaymarkError as error:
            self._say(error)
            return
        self._say(self.words.sent, kind=MessageKind.SUCCESS)

    # saving
    def save_pdf(self) -> None:
        """Warn that the file is not encrypted; only then ask where to save it."""
        if not self.ready() or not self.pdf:
            return
        warning = QMessageBox(QMessageBox.Icon.Warning, _("Save as a PDF file"),
                              _(self.words.readable), QMessageBox.StandardButton.NoButton, self)
        warning.setObjectName("confirm-save-pdf")
        warning.setInformativeText(_(self.words.keep_nothing))
        save = warning.addButton(_("Save anyway"), QMessageBox.ButtonRole.AcceptRole)
        save.setObjectName("yes")
        cancel = warning.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
        cancel.setObjectName("no")
        warning.setDefaultButton(cancel)
        warning.buttonClicked.connect(
            lambda button: self._ask_where(button) if button is save else None)
        self.child = warning
        warning.open()

    def _ask_where(self, _button: QAbstractButton | None = None) -> None:
        chooser = QFileDialog(self, _(self.words.save_title), str(Path.home()))
        chooser.setObjectName("save-pdf-file")
        chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        # Qt's own dialog: the system's would add the file to the desktop's recent files
        chooser.setOption(QFileDialog.Option.DontUseNativeDialog)
        chooser.setNameFilter(_("PDF files (*.pdf)"))
        chooser.setDefaultSuffix("pdf")
        chooser.selectFile(self.words.file_name)
        chooser.fileSelected.connect(self._save_to)
        self.child = chooser
        chooser.open()

    def _save_to(self, chosen: str) -> None:
        if not chosen or not self.ready() or not self.pdf:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            self.record(saved=True)  # first: no copy leaves unaudited
            ops.save_pdf(path, self.pdf)
        except WaymarkError as error:
            self._say(error)
            return
        self._say(SAVED, path=LTR.format(path), kind=MessageKind.SUCCESS)

    def done(self, result: int) -> None:
        """Closed (by Close, Escape or a lock): the copy's pages leave memory with it."""
        if isinstance(self.child, QDialog):
            self.child.close()
        self.pdf = b""
        self.forget()
        self.preview.clear()
        super().done(result)

    # the message line
    def _say(self, message: str | WaymarkError | None, kind: MessageKind = MessageKind.ERROR,
             **params: object) -> None:
        self._message = message if message is None or isinstance(message, WaymarkError) \
            else (message, params, kind)
        self._show_message()

    def _show_message(self) -> None:
        message = self._message
        if message is None:
            self.message.clear()
        elif isinstance(message, WaymarkError):
            self.message.show_error(message.user_message())
        else:
            text, params, kind = message
            self.message.show_message(_(text).format(**params), kind)
