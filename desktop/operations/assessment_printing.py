"""Printing a youth's needs assessment and action plan: what the assessment's print dialog asks
of the domain. The printout itself is gathered by the assessment's screen (a function of the
print language, handed to the dialog); here it is rendered, and each print or saved file noted
in the audit trail.

The PDF is built in memory and stays there, as for the plan (`desktop.operations.printing`).
"""

from __future__ import annotations

from datetime import date

from casefile.cases import youth
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


def gather(session: Session, youth_id: int, printed_on: date) -> AssessmentPrintout:
    """The case-file copy of a youth's needs: the assessment shown on their page (a draft if
    there is one, else the latest completed) with the level of the completed one before it,
    their goals with steps, their referrals and their documents."""
    from desktop.operations import assessment, documents, goals

    store = store_of(session)
    record = youth.get_youth(store, youth_id)
    screen = assessment.open_screen(session, youth_id)
    current, previous = screen.current, screen.previous()
    before = previous.ratings if previous is not None else {}
    ratings = tuple(
        RatingLine(r.domain, r.level, r.priority, r.strengths, r.notes,
                   before[r.domain].level if r.domain in before else None)
        for r in (current.ratings.values() if current is not None else ()))
    goal_lines = tuple(
        GoalLine(g.domain, g.words, g.status, tuple(
            StepLine(s.words, s.owner, s.owner_name, s.due_on, s.status, s.done_on)
            for s in g.steps))
        for g in goals.goals_of(session, youth_id))
    referral_lines = tuple(
        ReferralLine(r.domain, r.service_name, r.service_phone, r.status, r.made_on,
                     r.status_on, r.follow_up_on, r.notes)
        for r in goals.referrals_of(session, youth_id))
    document_lines = tuple(
        DocumentLine(d.document.id, d.has_it, d.kept_where, d.requested_on, d.received_on,
                     d.next_step, d.fee_waiver)
        for d in documents.open_documents(session, youth_id).documents)
    completed_at = current.completed_at if current is not None else None
    return AssessmentPrintout(
        record.display_name, current.status if current is not None else "draft",
        completed_at.date() if completed_at is not None else None,
        current.completed_by_name if current is not None else "", record.date_of_birth,
        session.policy.agency_name, printed_on, ratings, goal_lines, referral_lines,
        document_lines, current.id if current is not None else None)
