"""The print dialog of a youth's safety plan: which copy (full plan, discreet plan, wallet card),
in which language (the youth's own by default, with a second one beneath if they want), its
options, and a preview of the pages as they will be printed. From there the copy is printed, or
saved as a PDF file after a warning that the file is not encrypted.

The PDF lives in memory: the preview and the printer are drawn from it, and a file exists only
when the person chose to save one.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casefile.errors import WaymarkError
from desktop import look
from desktop.forms import LTR, heading, labelled_row, message_label, set_label, wait_cursor
from desktop.look import TYPE, MessageKind
from desktop.operations import printing as ops
from desktop.operations.session import Session
from desktop.operations.types import DISCREET, FULL, WALLET, PlanPrintout, PrintOptions
from desktop.printing import paper
from desktop.printing.preview import Preview
from desktop.translation import RetranslateMixin
from i18n import N_, _, language, ngettext

VARIANT_NAMES = ((FULL, N_("Full plan")), (DISCREET, N_("Discreet plan")),
                 (WALLET, N_("Wallet card")))
NO_PRINTER = N_("No printer is set up on this computer. You can still preview the plan, or "
                "save it as a PDF file.")
SENT = N_("The plan was sent to the printer.")
SAVED = N_("Saved as {path}. The file is not encrypted: keep it somewhere only you can open, "
           "and delete it when it is no longer needed.")
TITLE_PAUSE_MS = 300  # the preview follows the title once typing pauses


class PrintDialog(RetranslateMixin, QDialog):
    """Choose, preview, print or save one youth's plan."""

    def __init__(self, session: Session, youth_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("print-dialog")
        self._session = session
        self.pdf = b""
        self.child: QDialog | None = None  # the warning or file dialog open over this one
        self._message: tuple[str, dict[str, object], MessageKind] | WaymarkError | None = None
        self._printout: PlanPrintout | None = None
        self._title_pause = QTimer(self)
        self._title_pause.setSingleShot(True)
        self._title_pause.setInterval(TITLE_PAUSE_MS)
        self._build()
        self._load(youth_id)
        self._connect()
        self.retranslate_ui()
        self.render_preview()

    # construction
    def _build(self) -> None:
        self.heading = heading(scale=TYPE.subtitle)
        self.variant = QComboBox()
        self.variant.setObjectName("print-variant")
        for code, _name in VARIANT_NAMES:
            self.variant.addItem("", code)
        self.language = QComboBox()
        self.language.setObjectName("print-language")
        self.second_language = QComboBox()
        self.second_language.setObjectName("second-language")
        self.large_print = QCheckBox()
        self.large_print.setObjectName("large-print")
        self.title = QLineEdit()
        self.title.setObjectName("discreet-title")
        self.say_what = QCheckBox()
        self.say_what.setObjectName("say-what-lines-are-for")
        self.code_word = QCheckBox()
        self.code_word.setObjectName("print-code-word")
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels = {name: labelled_row(self.form, field) for name, field in (
            ("variant", self.variant), ("language", self.language),
            ("second", self.second_language), ("title", self.title))}
        for box in (self.large_print, self.say_what, self.code_word):
            self.form.addRow(box)
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

    def _load(self, youth_id: int) -> None:
        codes = ops.print_languages(self._session)
        for code in codes:
            self.language.addItem(language(code).native_name, code)
        self.second_language.addItem("", None)
        for code in codes:
            self.second_language.addItem(language(code).native_name, code)
        try:
            self._printout = ops.printout(self._session, youth_id)
            preferred = ops.preferred_language(self._session, youth_id)
        except WaymarkError as error:
            self._message = error
            for widget in (self.print_button, self.save_button, self.variant):
                widget.setEnabled(False)
            return
        self.language.setCurrentIndex(max(self.language.findData(preferred), 0))

    def _connect(self) -> None:
        for combo in (self.variant, self.language, self.second_language):
            combo.currentIndexChanged.connect(self.render_preview)
        for box in (self.large_print, self.say_what, self.code_word):
            box.toggled.connect(self.render_preview)
        self.title.textChanged.connect(self._title_pause.start)
        self._title_pause.timeout.connect(self.render_preview)
        self.title.editingFinished.connect(self._title_done)
        self.print_button.clicked.connect(self.print_plan)
        self.save_button.clicked.connect(self.save_pdf)
        self.close_button.clicked.connect(self.reject)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Print the plan"))  # never the youth's name
        self.heading.setText(_("Print a copy to keep"))
        for index, (_code, name) in enumerate(VARIANT_NAMES):
            self.variant.setItemText(index, _(name))
        self.second_language.setItemText(0, _("None"))
        set_label(self.labels["variant"], self.variant, _("&Copy"))
        set_label(self.labels["language"], self.language, _("&Language"),
                  _("The language the copy is printed in. The young person's own words are "
                    "printed as they wrote them."))
        set_label(self.labels["second"], self.second_language, _("&Second language"),
                  _("Every heading again in this language, beneath (for a caregiver, say)."))
        set_label(self.labels["title"], self.title, _("&Title on the copy"),
                  _("A title that does not say what the copy is. Leave it empty for the plain "
                    "one shown."))
        self.large_print.setText(_("L&arge print"))
        self.say_what.setText(_("Say &what each help line is for"))
        self.code_word.setText(_("Print the c&ode word"))
        self.print_button.setText(_("&Print…"))
        self.save_button.setText(_("Save as P&DF…"))
        self.close_button.setText(_("Close"))
        self.preview.setAccessibleName(_("Preview of the printed copy"))
        self.preview.name_pages()
        self._show_page_count()
        self._show_message()

    # choices
    def options(self) -> PrintOptions:
        variant = str(self.variant.currentData())
        code = str(self.language.currentData() or "en")
        second = self.second_language.currentData()
        return PrintOptions(
            variant, code, second_language=second if second and second != code else None,
            large_print=variant == FULL and self.large_print.isChecked(),
            title=(self.title.text().strip() or ops.plain_title(code)) if variant == DISCREET
            else "",
            code_word=variant == WALLET and self.code_word.isChecked(),
            say_what_lines_are_for=variant == DISCREET and self.say_what.isChecked())

    def _show_options(self) -> None:
        """Only the options of the copy chosen; the plain title in the print language."""
        variant = self.variant.currentData()
        self.form.setRowVisible(self.large_print, variant == FULL)
        self.form.setRowVisible(self.title, variant == DISCREET)
        self.form.setRowVisible(self.say_what, variant == DISCREET)
        self.form.setRowVisible(self.code_word, variant == WALLET)
        self.title.setPlaceholderText(ops.plain_title(str(self.language.currentData() or "en")))

    def _title_done(self) -> None:
        if self._title_pause.isActive():
            self._title_pause.stop()
            self.render_preview()

    def render_preview(self) -> None:
        """Build the PDF for the choices made and show its pages."""
        self._show_options()
        if self._printout is None:
            return
        try:
            with wait_cursor():
                self.pdf = ops.render(self._printout, self.options())
                self.preview.show_pdf(self.pdf)
        except WaymarkError as error:
            self._say(error)
        self._show_page_count()

    def _show_page_count(self) -> None:
        count = len(self.preview.pages)
        self.page_count.setText(ngettext("{count} page", "{count} pages", count).format(
            count=count) if count else "")

    # printing
    def print_plan(self) -> None:
        if self._printout is None:
            return
        if not paper.printer_available():
            self._say(NO_PRINTER, kind=MessageKind.WARNING)
            return
        options = self.options()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        neutral = options.title if options.variant == DISCREET else "Waymark"
        printer.setDocName(neutral)  # the print queue's name for the job: never the youth's
        printer.setCreator(neutral)
        if not paper.ask_for_printer(printer, self):
            return
        try:
            ops.record(self._session, self._printout.plan.id, options.variant, options.language)
            with wait_cursor():
                paper.print_pdf(printer, self.pdf)
        except WaymarkError as error:
            self._say(error)
            return
        self._say(SENT, kind=MessageKind.SUCCESS)

    # saving
    def save_pdf(self) -> None:
        """Warn that the file is not encrypted; only then ask where to save it."""
        if self._printout is None:
            return
        warning = QMessageBox(QMessageBox.Icon.Warning, _("Save as a PDF file"), _(
            "The PDF file is not encrypted. Anyone who can open the folder you save it in can "
            "read the plan."), QMessageBox.StandardButton.NoButton, self)
        warning.setObjectName("confirm-save-pdf")
        warning.setInformativeText(_(
            "Printing keeps nothing on this computer. Save a file only when the young person "
            "needs one, somewhere only they or you can open."))
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
        chooser = QFileDialog(self, _("Save the plan as a PDF file"), str(Path.home()))
        chooser.setObjectName("save-pdf-file")
        chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        # Qt's own dialog: the system's would add the file to the desktop's recent files
        chooser.setOption(QFileDialog.Option.DontUseNativeDialog)
        chooser.setNameFilter(_("PDF files (*.pdf)"))
        chooser.setDefaultSuffix("pdf")
        chooser.selectFile("plan.pdf")  # never the youth's name
        chooser.fileSelected.connect(self._save_to)
        self.child = chooser
        chooser.open()

    def _save_to(self, chosen: str) -> None:
        if not chosen or self._printout is None:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        options = self.options()
        try:
            ops.record(self._session, self._printout.plan.id, options.variant, options.language,
                       saved=True)  # first: no copy leaves unaudited
            ops.save_pdf(path, self.pdf)
        except WaymarkError as error:
            self._say(error)
            return
        self._say(SAVED, path=LTR.format(path), kind=MessageKind.SUCCESS)

    def done(self, result: int) -> None:
        """Closed (by Close, Escape or a lock): the plan's pages leave memory with it."""
        self._title_pause.stop()
        if isinstance(self.child, QDialog):
            self.child.close()
        self.pdf = b""
        self._printout = None
        self.preview.clear()
        super().done(result)

    # the message line
    def _say(self, message: str | WaymarkError, kind: MessageKind = MessageKind.ERROR,
             **params: object) -> None:
        self._message = message if isinstance(message, WaymarkError) else (message, params, kind)
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
