"""Printing a youth's needs assessment and action plan: what the assessment's print dialog asks
of the domain. The printout itself is gathered by the assessment's screen (a function of the
print language, handed to the dialog); here it is rendered, and each print or saved file noted
in the audit trail.

The PDF is built in memory and stays there, as for the plan (`desktop.operations.printing`).
"""

from __future__ import annotations

from desktop.operations.session import Session, store_of
from printing.assessment_lines import (  # light: ReportLab only when first printed
    ASSESSMENT,
    AssessmentPrintout,
    DocumentLine,
    GoalLine,
    RatingLine,
    ReferralLine,
    StepLine,
)
from services_needs import printouts

__all__ = [
    "ASSESSMENT", "AssessmentPrintout", "DocumentLine", "GoalLine", "RatingLine", "ReferralLine",
    "StepLine", "record", "render",
]


def render(printout: AssessmentPrintout, language: str) -> bytes:
    """The printout as a complete PDF in the print language `language`, in memory."""
    from printing.assessment_pdf import render_assessment  # ReportLab: when first printed

    return render_assessment(printout, language)


def record(session: Session, youth_id: int, printout: AssessmentPrintout, language: str,
           saved: bool = False) -> None:
    """Note the print (or the saved file) in the audit trail: the variant and the language."""
    printouts.record_print(store_of(session), youth_id, printout.assessment_id, language,
                           saved=saved)
