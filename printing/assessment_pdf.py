"""The needs assessment and action plan on paper, for the case file: every domain with its level
and what that level looks like in that domain (or "Not rated": never a number for a domain no one
rated), the young person's priorities, strengths and notes, the change since the last assessment;
then goals with their steps and referrals, domain by domain; then the identity documents.

The printout is plain data (`AssessmentPrintout` and its lines, from `printing.assessment_lines`,
importable from here too); `render_assessment` builds the PDF in memory. The young person's words
are printed exactly as written; every fixed word, domain title and level description is in the
print language; dates are formatted with Babel in that language. The youth's name is printed on
the page (the copy is for their case file) and is never in the PDF's metadata: its title is the
document's plain name, its author, subject and keywords are empty.
"""

from __future__ import annotations

from printing import assessment_words as words
from printing.assessment_lines import (
    ASSESSMENT,
    AssessmentPrintout,
    DocumentLine,
    GoalLine,
    RatingLine,
    ReferralLine,
    StepLine,
)
from printing.assessment_parts import Writer, action, documents, isolated, needs
from printing.plan_pdf import build
from printing.text import TextStyle

__all__ = [
    "ASSESSMENT", "AssessmentPrintout", "DocumentLine", "GoalLine", "RatingLine", "ReferralLine",
    "StepLine", "render_assessment",
]


def _heading(w: Writer) -> None:
    """The title, whose copy it is, and where the assessment stands."""
    p, s = w.printout, w.styles
    w.fixed(words.TITLE, s.title)
    w.fixed(words.FOR_NAME, TextStyle(13, bold=True, space_after=3, rtl=w.rtl),
            name=isolated(p.name))
    if p.date_of_birth is not None:
        w.fixed(words.BORN, s.note, date=w.date(p.date_of_birth))
    if p.agency.strip():
        w.fixed(words.AGENCY, s.note, agency=isolated(p.agency))
    if p.status != "completed":
        w.fixed(words.DRAFT, s.note)
    elif p.completed_on is None:
        w.fixed(words.COMPLETED_UNDATED, s.note)
    elif p.completed_by.strip():
        w.fixed(words.COMPLETED_BY, s.note, date=w.date(p.completed_on),
                person=isolated(p.completed_by))
    else:
        w.fixed(words.COMPLETED, s.note, date=w.date(p.completed_on))
    if p.printed_on is not None:
        w.fixed(words.PRINTED, s.note, date=w.date(p.printed_on))


def render_assessment(printout: AssessmentPrintout, language: str) -> bytes:
    """The printout as a complete PDF in `language` (a shipped language's code), in memory."""
    w = Writer(printout, language)
    _heading(w)
    needs(w)
    action(w)
    documents(w)
    return build(w.story, w.tr.gettext(words.TITLE), w.tr, w.rtl)
