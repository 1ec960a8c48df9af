"""The needs assessment: one function per thing a person does on the assessment screens, and the
plain values those screens may know of it. The clock is `clock()` (naive UTC, like every stored
time), read here and nowhere in the domain, so a test can move it a month on instead of waiting.
A change is announced as `ChangeNotice(youth, KIND)` by the editor that made it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from casefile.db.models.base import utcnow
from desktop.operations.session import Session, store_of
from services_needs import assessments
from services_needs.assessments import (
    PRIORITIES,
    PRIORITY_NAMES,
    UNCHANGED,
    AssessmentView,
    RatingView,
    Unchanged,
)
from services_needs.content import LEVEL_COUNT, Domain, domains, level_name
from services_needs.reassessment import (
    DIRECTION_NAMES,
    DOWN,
    NEWLY_RATED,
    NO_LONGER_RATED,
    NOT_COMPARABLE,
    SAME,
    UP,
    Change,
    changes,
    levels_over_time,
)

KIND = "assessment"  # the change notices' record kind
clock: Callable[[], datetime] = utcnow

__all__ = [  # what the assessment's widgets may know of the domain
    "DIRECTION_NAMES", "DOWN", "KIND", "LEVEL_COUNT", "NEWLY_RATED", "NOT_COMPARABLE",
    "NO_LONGER_RATED", "PRIORITIES", "PRIORITY_NAMES", "SAME", "UNCHANGED", "UP",
    "AssessmentScreen", "AssessmentView", "Change", "Domain", "RatingView", "Unchanged",
    "changes", "domains", "level_name", "levels_over_time",
]


@dataclass(frozen=True)
class AssessmentScreen:
    """What the assessment editor shows for a youth: the assessment to show (a draft if there
    is one, else the latest completed; None: none yet) and every completed one, oldest first."""

    current: AssessmentView | None
    history: list[AssessmentView]

    def previous(self) -> AssessmentView | None:
        """The completed assessment before the one shown (what "last time" means)."""
        current, ids = self.current, [view.id for view in self.history]
        if current is None or not self.history:
            return None
        if current.id not in ids:  # a draft: the latest completed one
            return self.history[-1]
        at = ids.index(current.id)
        return self.history[at - 1] if at > 0 else None


def open_screen(session: Session, youth_id: int) -> AssessmentScreen:
    store = store_of(session)
    return AssessmentScreen(assessments.open_assessment(store, youth_id),
                            assessments.history(store, youth_id))


def start_assessment(session: Session, youth_id: int) -> AssessmentView:
    return assessments.start_assessment(store_of(session), youth_id)


def save_rating(session: Session, assessment: AssessmentView, saved: RatingView,
                changed: dict[str, object]) -> RatingView:
    """Save what changed (`level`, `priority`, `strengths`, `notes`) in one domain, against
    the rating as the screen had it."""
    return assessments.save_rating(store_of(session), assessment.id, saved.domain,
                                   saved.version, **changed)  # type: ignore[arg-type]


def assessment_now(session: Session, assessment_id: int) -> AssessmentView:
    return assessments.assessment_now(store_of(session), assessment_id)


def complete(session: Session, assessment: AssessmentView) -> AssessmentView:
    return assessments.complete(store_of(session), assessment.id, assessment.version, clock())
