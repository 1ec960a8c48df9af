"""Noting in the audit trail that a youth's needs assessment and action plan was printed, or
saved as a file (an export): which copy and in which language, never what it says.

The record is the assessment printed; a printout made before any assessment (goals and documents
only) is recorded against the youth.
"""

from __future__ import annotations

from casefile.errors import RecordNotFound
from casefile.staff import access
from casefile.store import Store
from casefile.trail import audit
from services_needs.assessments import ASSESSMENT as RECORD_TYPE
from services_needs.models import Assessment

ASSESSMENT = "assessment"  # the printed copy's variant, as the audit entry's note says


def record_print(store: Store, youth_id: int, assessment_id: int | None, language: str,
                 saved: bool = False) -> None:
    """One audit entry for a print (or, `saved`, a PDF file) of the youth's assessment, once the
    signed-in person is found to be allowed to read the youth's record."""
    with store.unit() as session:
        _youth, flagged = access.youth_for(session, store.user, youth_id)
        record_type, record_id = audit.YOUTH, youth_id
        if assessment_id is not None:
            assessment = session.get(Assessment, assessment_id)
            if assessment is None or assessment.youth_id != youth_id:
                raise RecordNotFound()
            record_type, record_id = RECORD_TYPE, assessment.id
        store.record(session, audit.EXPORT if saved else audit.PRINT, record_type=record_type,
                     record_id=record_id, detail=f"{ASSESSMENT} {language}"[:40],
                     flagged=flagged)
