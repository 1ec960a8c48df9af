"""The print dialog of a youth's safety plan: which copy (full plan, discreet plan, wallet card),
in which language (the youth's own by default, with a second one beneath if they want), its
options, and a preview of the pages as they will be printed. From there the copy is printed, or
saved as a PDF file after a warning that the file is not encrypted (`dialog_base`).
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from casefile.errors import WaymarkError
from desktop.forms import labelled_row, set_label
from desktop.operations import printing as ops
from desktop.operations.session import Session
from desktop.operations.types import DISCREET, FULL, WALLET, PlanPrintout, PrintOptions
from desktop.printing.dialog_base import DialogWords, PrintDialogBase
from i18n import N_, _, language

VARIANT_NAMES = ((FULL, N_("Full plan")), (DISCREET, N_("Discreet plan")),
                 (WALLET, N_("Wallet card")))
NO_PRINTER = N_("No printer is set up on this computer. You can still preview the plan, or "
                "save it as a PDF file.")
SENT = N_("The plan was sent to the printer.")
TITLE_PAUSE_MS = 300  # the preview follows the title once typing pauses
PLAN_WORDS = DialogWords(
    N_("Print the plan"), N_("Print a copy to keep"), NO_PRINTER, SENT,
    N_("The PDF file is not encrypted. Anyone who can open the folder you save it in can read "
       "the plan."),
    N_("Printing keeps nothing on this computer. Save a file only when the young person needs "
       "one, somewhere only they or you can open."),
    N_("Save the plan as a PDF file"), "plan.pdf")

__all__ = ["NO_PRINTER", "SENT", "PrintDialog"]


class PrintDialog(PrintDialogBase):
    """Choose, preview, print or save one youth's plan."""

    words = PLAN_WORDS

    def __init__(self, session: Session, youth_id: int, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("print-dialog")
        self._printout: PlanPrintout | None = None
        self._title_pause = QTimer(self)
        self._title_pause.setSingleShot(True)
        self._title_pause.setInterval(TITLE_PAUSE_MS)
        self._add_choices()
        self._load(youth_id)
        self._connect()
        self.start()

    # construction
    def _add_choices(self) -> None:
        self.variant = QComboBox()
        self.variant.setObjectName("print-variant")
        for code, _name in VARIANT_NAMES:
            self.variant.addItem("", code)
        self.second_language = QComboBox()
        self.second_language.setObjectName("second-language")
        self.second_language.addItem("", None)
        for code in ops.print_languages(self._session):
            self.second_language.addItem(language(code).native_name, code)
        self.large_print = QCheckBox()
        self.large_print.setObjectName("large-print")
        self.title = QLineEdit()
        self.title.setObjectName("discreet-title")
        self.say_what = QCheckBox()
        self.say_what.setObjectName("say-what-lines-are-for")
        self.code_word = QCheckBox()
        self.code_word.setObjectName("print-code-word")
        self.labels = {name: labelled_row(self.form, field) for name, field in (
            ("variant", self.variant), ("language", self.language),
            ("second", self.second_language), ("title", self.title))}
        for box in (self.large_print, self.say_what, self.code_word):
            self.form.addRow(box)

    def _load(self, youth_id: int) -> None:
        try:
            self._printout = ops.printout(self._session, youth_id)
            preferred = ops.preferred_language(self._session, youth_id)
        except WaymarkError as error:
            self.cannot_print(error)
            return
        self.language.setCurrentIndex(max(self.language.findData(preferred), 0))

    def _connect(self) -> None:
        for combo in (self.variant, self.second_language):
            combo.currentIndexChanged.connect(self.render_preview)
        for box in (self.large_print, self.say_what, self.code_word):
            box.toggled.connect(self.render_preview)
        self.title.textChanged.connect(self._title_pause.start)
        self._title_pause.timeout.connect(self.render_preview)
        self.title.editingFinished.connect(self._title_done)

    def choices(self) -> tuple[QWidget, ...]:
        return (self.variant,)

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
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

    # choices
    def options(self) -> PrintOptions:
        variant = str(self.variant.currentData())
        code = self.print_code()
        second = self.second_language.currentData()
        return PrintOptions(
            variant, code, second_language=second if second and second != code else None,
            large_print=variant == FULL and self.large_print.isChecked(),
            title=(self.title.text().strip() or ops.plain_title(code)) if variant == DISCREET
            else "",
            code_word=variant == WALLET and self.code_word.isChecked(),
            say_what_lines_are_for=variant == DISCREET and self.say_what.isChecked())

    def show_options(self) -> None:
        """Only the options of the copy chosen; the plain title in the print language."""
        variant = self.variant.currentData()
        self.form.setRowVisible(self.large_print, variant == FULL)
        self.form.setRowVisible(self.title, variant == DISCREET)
        self.form.setRowVisible(self.say_what, variant == DISCREET)
        self.form.setRowVisible(self.code_word, variant == WALLET)
        self.title.setPlaceholderText(ops.plain_title(self.print_code()))

    def _title_done(self) -> None:
        if self._title_pause.isActive():
            self._title_pause.stop()
            self.render_preview()

    # what the base asks
    def ready(self) -> bool:
        return self._printout is not None

    def make_pdf(self) -> bytes:
        assert self._printout is not None
        return ops.render(self._printout, self.options())

    def record(self, saved: bool) -> None:
        assert self._printout is not None
        options = self.options()
        ops.record(self._session, self._printout.plan.id, options.variant, options.language,
                   saved=saved)

    def doc_name(self) -> str:
        options = self.options()
        return options.title if options.variant == DISCREET else "Waymark"

    def forget(self) -> None:
        self._title_pause.stop()
        self._printout = None
