"""A youth's needs assessment: open it, start it, rate its domains, complete it, and read the
completed ones over time. Every function is one unit of work on the store, checks that the
signed-in person may see the youth, and writes the audit trail (record ids, domain ids and field
names, never what the young person said).

A domain is unrated until someone rates it: a domain's row is made only when something is saved
for it, its `level` stays None until someone chooses one, and notes or strengths alone never rate
it. An assessment is a draft until it is completed (who and when are recorded); a completed one
never changes, and the next assessment starts as a new, empty draft. Two people saving one
domain: each rating carries a version, and a save made against an older one is refused with
`EditConflict`, so nobody's words are silently overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from sqlalchemy import select
from sqlalchemy.orm import Session

from casefile.db.models import Staff
from casefile.errors import EditConflict, InvalidInput, RecordNotFound
from casefile.staff import access
from casefile.store import Store
from casefile.trail import audit
from i18n import N_
from services_needs.content import LEVEL_COUNT, domain_ids
from services_needs.models import COMPLETED, DRAFT, Assessment, DomainRating

ASSESSMENT = "needs-assessment"  # the audit trail's record type
MAX_TEXT = 20_000  # characters of strengths or notes

# The young person's answer to "How much does this matter to you right now?" (None: no answer).
PRIORITIES = ("a-lot", "some", "not-now")
PRIORITY_NAMES = {"a-lot": N_("A lot"), "some": N_("Some"), "not-now": N_("Not right now")}
TEXTS = ("strengths", "notes")


class Unchanged(Enum):
    """`save_rating`'s default for a field the save leaves as it is."""

    UNCHANGED = "unchanged"


UNCHANGED = Unchanged.UNCHANGED


@dataclass(frozen=True)
class RatingView:
    domain: str
    level: int | None = None  # None: not rated
    priority: str | None = None  # None: not answered
    strengths: str = ""
    notes: str = ""
    version: int | None = None  # None: nothing saved for this domain yet

    @property
    def rated(self) -> bool:
        return self.level is not None


@dataclass(frozen=True)
class AssessmentView:
    id: int
    youth_id: int
    status: str
    created_at: datetime
    completed_at: datetime | None
    completed_by_name: str
    ratings: dict[str, RatingView]  # every domain, in the content's order, then any others
    version: int

    @property
    def completed(self) -> bool:
        return self.status == COMPLETED

    def rating(self, domain: str) -> RatingView:
        return self.ratings.get(domain) or RatingView(domain)

    def rated(self) -> list[str]:
        return [d for d, r in self.ratings.items() if r.rated]


def _rating_view(row: DomainRating) -> RatingView:
    return RatingView(row.domain, row.level, row.priority, row.strengths, row.notes,
                      row.row_version)


def _view(session: Session, assessment: Assessment) -> AssessmentView:
    rows = {row.domain: _rating_view(row) for row in session.scalars(
        select(DomainRating).where(DomainRating.assessment_id == assessment.id))}
    ratings = {d: rows.pop(d, RatingView(d)) for d in domain_ids()}
    ratings.update(sorted(rows.items()))  # a domain the content no longer has keeps its rating
    who = session.get(Staff, assessment.completed_by) if assessment.completed_by else None
    return AssessmentView(assessment.id, assessment.youth_id, assessment.status,
                          assessment.created_at, assessment.completed_at,
                          who.display_name if who else "", ratings, assessment.row_version)


def _draft(session: Session, youth_id: int) -> Assessment | None:
    return session.scalars(select(Assessment).where(
        Assessment.youth_id == youth_id, Assessment.status == DRAFT)
        .order_by(Assessment.id.desc()).limit(1)).first()


def _for_edit(session: Session, store: Store, assessment_id: int) -> tuple[Assessment, bool]:
    assessment = session.get(Assessment, assessment_id)
    if assessment is None:
        raise RecordNotFound()
    _youth, flagged = access.youth_for_change(session, store, assessment.youth_id)
    if assessment.status != DRAFT:
        raise InvalidInput(N_("This assessment was completed and can no longer be changed. "
                              "Start a reassessment to record what has changed since."))
    return assessment, flagged


def open_assessment(store: Store, youth_id: int) -> AssessmentView | None:
    """The youth's assessment to show: the draft if there is one, else the latest completed
    (None when they have none yet)."""
    with store.unit() as session:
        _youth, flagged = access.youth_for(session, store.user, youth_id)
        assessment = _draft(session, youth_id) or session.scalars(
            select(Assessment).where(Assessment.youth_id == youth_id)
            .order_by(Assessment.completed_at.desc(), Assessment.id.desc()).limit(1)).first()
        if assessment is None:
            return None
        store.record(session, audit.VIEW, record_type=ASSESSMENT, record_id=assessment.id,
                     flagged=flagged)
        return _view(session, assessment)


def assessment_now(store: Store, assessment_id: int) -> AssessmentView:
    """One assessment as it is saved now (after someone else's save, for example)."""
    with store.unit() as session:
        assessment = session.get(Assessment, assessment_id)
        if assessment is None:
            raise RecordNotFound()
        _youth, flagged = access.youth_for(session, store.user, assessment.youth_id)
        store.record(session, audit.VIEW, record_type=ASSESSMENT, record_id=assessment.id,
                     flagged=flagged)
        return _view(session, assessment)


def start_assessment(store: Store, youth_id: int) -> AssessmentView:
    """A new draft with nothing rated (the draft the youth already has, if there is one)."""
    with store.unit() as session:
        _youth, flagged = access.youth_for_change(session, store, youth_id)
        draft = _draft(session, youth_id)
        if draft is not None:
            return _view(session, draft)
        assessment = Assessment(youth_id=youth_id, status=DRAFT, created_by=store.user.id)
        session.add(assessment)
        session.flush()
        store.record(session, audit.CREATE, record_type=ASSESSMENT, record_id=assessment.id,
                     detail=f"youth {youth_id}", flagged=flagged)
        return _view(session, assessment)


def _checked(level: int | Unchanged | None, priority: str | Unchanged | None,
             texts: dict[str, str | Unchanged]) -> None:
    if not isinstance(level, Unchanged) and level is not None and (
            isinstance(level, bool) or not isinstance(level, int)
            or not 1 <= level <= LEVEL_COUNT):
        raise InvalidInput(N_("A level is a whole number from 1 to {count}, or not rated."),
                           count=LEVEL_COUNT)
    if not isinstance(priority, Unchanged) and priority is not None \
            and priority not in PRIORITIES:
        raise ValueError(priority)
    for text in texts.values():
        if isinstance(text, str) and len(text) > MAX_TEXT:
            raise InvalidInput(N_("This answer is longer than {count} characters. Nothing was "
                                  "saved; shorten it and it will be saved."), count=MAX_TEXT)


def save_rating(
    store: Store, assessment_id: int, domain: str, version: int | None, *,
    level: int | Unchanged | None = UNCHANGED, priority: str | Unchanged | None = UNCHANGED,
    strengths: str | Unchanged = UNCHANGED, notes: str | Unchanged = UNCHANGED,
) -> RatingView:
    """Save what changed in one domain of a draft (`version`: the rating's as the screen had
    it, None when nothing was saved for the domain yet). A `level` of None clears the rating;
    a field left UNCHANGED stays as saved. `EditConflict` when someone saved it first."""
    texts = {"strengths": strengths, "notes": notes}
    _checked(level, priority, texts)
    if domain not in domain_ids():
        raise InvalidInput(N_("The needs assessment has no domain called {domain}."),
                           domain=domain)
    with store.unit() as session:
        assessment, flagged = _for_edit(session, store, assessment_id)
        row = session.scalars(select(DomainRating).where(
            DomainRating.assessment_id == assessment.id,
            DomainRating.domain == domain)).first()
        if (row.row_version if row else None) != version:
            raise EditConflict()
        current = _rating_view(row) if row else RatingView(domain)
        wanted = {"level": level, "priority": priority, **texts}
        changed = {name: value for name, value in wanted.items()
                   if not isinstance(value, Unchanged) and value != getattr(current, name)}
        if not changed:
            return current
        if row is None:
            row = DomainRating(assessment_id=assessment.id, domain=domain, strengths="",
                               notes="")
            session.add(row)
        for name, value in changed.items():
            setattr(row, name, value)
        session.flush()
        store.record(session, audit.EDIT, record_type=ASSESSMENT, record_id=assessment.id,
                     detail=f"{domain}: {','.join(changed)}", flagged=flagged)
        return _rating_view(row)


def complete(store: Store, assessment_id: int, version: int, now: datetime) -> AssessmentView:
    """Complete a draft: who and when (`now`, naive UTC) are recorded, and it never changes
    again. Domains not rated stay not rated; at least one must be rated."""
    with store.unit() as session:
        done = session.get(Assessment, assessment_id)
        if done is not None and done.status == COMPLETED:  # at another desk, meanwhile
            access.youth_for(session, store.user, done.youth_id)
            who = session.get(Staff, done.completed_by) if done.completed_by else None
            raise InvalidInput(N_("{name} completed this assessment meanwhile. Nothing more "
                                  "was changed."), name=who.display_name if who else "?")
        assessment, flagged = _for_edit(session, store, assessment_id)
        if assessment.row_version != version:
            raise EditConflict()
        rated = session.scalar(select(DomainRating.id).where(
            DomainRating.assessment_id == assessment.id, DomainRating.level.is_not(None))
            .limit(1))
        if rated is None:
            raise InvalidInput(N_("Rate at least one domain before completing the assessment. "
                                  "Domains you leave unrated stay \"Not rated\"."))
        assessment.status, assessment.completed_at = COMPLETED, now
        assessment.completed_by = store.user.id
        session.flush()
        store.record(session, audit.EDIT, record_type=ASSESSMENT, record_id=assessment.id,
                     detail="completed", flagged=flagged)
        return _view(session, assessment)


def history(store: Store, youth_id: int) -> list[AssessmentView]:
    """The youth's completed assessments, the oldest first (viewing them is audited)."""
    with store.unit() as session:
        _youth, flagged = access.youth_for(session, store.user, youth_id)
        completed = list(session.scalars(select(Assessment).where(
            Assessment.youth_id == youth_id, Assessment.status == COMPLETED)
            .order_by(Assessment.completed_at, Assessment.id)))
        for assessment in completed:
            store.record(session, audit.VIEW, record_type=ASSESSMENT, record_id=assessment.id,
                         detail="history", flagged=flagged)
        return [_view(session, assessment) for assessment in completed]
