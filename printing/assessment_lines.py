"""What a needs assessment and action plan printout is made of: plain data, gathered by whoever
prints it (the desktop's operations, the admin command line's sample) and handed to
`printing.assessment_pdf.render_assessment`. Light to import: no ReportLab, no fonts.

Statuses are checked when a line is made; a value this version does not know is a mistake in the
caller, never printed as something else.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

ASSESSMENT = "assessment"  # the variant's name (the print dialog, the audit trail, the CLI)
PRIORITIES = ("a-lot", "some", "not-now")
GOAL_STATES = ("open", "reached", "set-aside")
OWNERS = ("youth", "caseworker", "caregiver", "provider")
STEP_STATES = ("to-do", "doing", "done", "not-needed")
REFERRAL_STATES = ("suggested", "made", "accepted", "declined", "completed")
ASSESSMENT_STATES = ("draft", "completed")


def _among(value: object, allowed: tuple[object, ...]) -> None:
    if value not in allowed:
        raise ValueError(f"{value!r} is not one of {allowed}")


@dataclass(frozen=True)
class RatingLine:
    """One domain of the assessment. `level` is None when no one rated it: then no number and no
    description is printed. `previous_level`: the level at the last completed assessment."""

    domain: str
    level: int | None = None
    priority: str | None = None  # "a-lot", "some" or "not-now": the young person's own answer
    strengths: str = ""
    notes: str = ""
    previous_level: int | None = None

    def __post_init__(self) -> None:
        _among(self.level, (None, 1, 2, 3, 4, 5))
        _among(self.previous_level, (None, 1, 2, 3, 4, 5))
        _among(self.priority, (None, *PRIORITIES))


@dataclass(frozen=True)
class StepLine:
    """An action step: what, who does it, by when and where it stands."""

    words: str
    owner: str = "youth"
    owner_name: str = ""
    due_on: date | None = None
    status: str = "to-do"
    done_on: date | None = None

    def __post_init__(self) -> None:
        _among(self.owner, OWNERS)
        _among(self.status, STEP_STATES)


@dataclass(frozen=True)
class GoalLine:
    """A goal in the young person's words, under one domain, with its steps in order."""

    domain: str
    words: str
    status: str = "open"
    steps: tuple[StepLine, ...] = ()

    def __post_init__(self) -> None:
        _among(self.status, GOAL_STATES)


@dataclass(frozen=True)
class ReferralLine:
    """A referral to a service, with the service's name and phone as they were when chosen."""

    domain: str
    service_name: str
    service_phone: str = ""
    status: str = "suggested"
    made_on: date | None = None
    status_on: date | None = None  # when it reached its status
    follow_up_on: date | None = None
    notes: str = ""

    def __post_init__(self) -> None:
        _among(self.status, REFERRAL_STATES)


@dataclass(frozen=True)
class DocumentLine:
    """Where one identity document stands. `has_it` is None until someone knows."""

    document: str
    has_it: bool | None = None
    kept_where: str = ""
    requested_on: date | None = None
    received_on: date | None = None
    next_step: str = ""
    fee_waiver: str = ""


@dataclass(frozen=True)
class AssessmentPrintout:
    """What goes on the case-file copy. `assessment_id` names the assessment printed (for the
    audit trail; None when there is none yet and only goals and documents are printed)."""

    name: str  # the name printed on the copy (never in the PDF's metadata)
    status: str = "draft"  # the assessment's: "draft" or "completed"
    completed_on: date | None = None
    completed_by: str = ""  # the name of who completed it
    date_of_birth: date | None = None
    agency: str = ""
    printed_on: date | None = None  # printed on every copy, when given
    ratings: tuple[RatingLine, ...] = ()
    goals: tuple[GoalLine, ...] = ()
    referrals: tuple[ReferralLine, ...] = ()
    documents: tuple[DocumentLine, ...] = ()
    assessment_id: int | None = None

    def __post_init__(self) -> None:
        _among(self.status, ASSESSMENT_STATES)

