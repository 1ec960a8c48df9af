"""The print dialog of a youth's needs assessment and action plan, for the case file: the print
language (the youth's own by default) and a preview of the pages; then print, or save as a PDF
file after a warning that the file is not encrypted (`dialog_base`). There is no discreet copy
and no wallet card of an assessment.

The assessment's screen opens it with `open_assessment_print_dialog`, handing over a function
that gathers the printout for a print language; it is called again when the language changes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from casefile.errors import WaymarkError
from desktop.forms import labelled_row, set_label
from desktop.operations import assessment_printing as ops
from desktop.operations import printing as print_ops
from desktop.operations.assessment_printing import AssessmentPrintout
from desktop.operations.session import Session
from desktop.printing.dialog_base import DialogWords, PrintDialogBase
from i18n import N_, _

BuildPrintout = Callable[[str], AssessmentPrintout]  # the print language's code -> the printout
NO_PRINTER = N_("No printer is set up on this computer. You can still preview the assessment, or "
                "save it as a PDF file.")
SENT = N_("The assessment and action plan was sent to the printer.")
ASSESSMENT_WORDS = DialogWords(
    N_("Print the assessment"), N_("Print a copy for the case file"), NO_PRINTER, SENT,
    N_("The PDF file is not encrypted. Anyone who can open the folder you save it in can read "
       "the assessment."),
    N_("Printing keeps nothing on this computer. Save a file only when one is needed, somewhere "
       "only the people who may read the case file can open."),
    N_("Save the assessment as a PDF file"), "assessment.pdf")


class AssessmentPrintDialog(PrintDialogBase):
    """Choose the language of, preview, print or save one youth's assessment and action plan."""

    words = ASSESSMENT_WORDS

    def __init__(self, session: Session, youth_id: int, build_printout: BuildPrintout,
                 parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("assessment-print-dialog")
        self._youth_id = youth_id
        self._build_printout: BuildPrintout | None = build_printout
        self.printout: AssessmentPrintout | None = None  # the one previewed, in its language
        self.labels = {"language": labelled_row(self.form, self.language)}
        try:
            preferred = print_ops.preferred_language(session, youth_id)
        except WaymarkError as error:
            self._build_printout = None
            self.cannot_print(error)
        else:
            self.language.setCurrentIndex(max(self.language.findData(preferred), 0))
        self.start()

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        set_label(self.labels["language"], self.language, _("&Language"),
                  _("The language the copy is printed in. What people wrote is printed as they "
                    "wrote it."))

    def choices(self) -> tuple[QWidget, ...]:
        return (self.language,)

    # what the base asks
    def ready(self) -> bool:
        return self._build_printout is not None

    def make_pdf(self) -> bytes:
        assert self._build_printout is not None
        code = self.print_code()
        self.printout = None
        self.printout = self._build_printout(code)
        return ops.render(self.printout, code)

    def record(self, saved: bool) -> None:
        assert self.printout is not None
        ops.record(self._session, self._youth_id, self.printout, self.print_code(), saved=saved)

    def forget(self) -> None:
        self._build_printout = None
        self.printout = None


def open_assessment_print_dialog(parent: QWidget, session: Session, youth_id: int,
                                 build_printout: BuildPrintout) -> AssessmentPrintDialog:
    """Open the print dialog over `parent` (window-modal) and return it; it deletes itself once
    closed. `build_printout` gathers the printout in a print language (reading the assessment,
    its goals and documents through the operations); a WaymarkError it raises is shown."""
    dialog = AssessmentPrintDialog(session, youth_id, build_printout, parent)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
