"""A youth's needs assessment in the store: unrated until someone rates a domain, notes without
a rating allowed (and still not rated), completed with who and when, a reassessment a month
later and what changed, a closed case refused, conflicts refused, an audit trail without the
young person's words, and long, mixed-script answers kept exactly."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from casefile.cases.youth import YouthFields, create_youth, get_youth, set_status
from casefile.db.models import AuditEntry
from casefile.errors import EditConflict, InvalidInput, RecordNotFound
from casefile.store import Store, open_store
from services_needs import assessments as needs
from services_needs import content
from services_needs.reassessment import (
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
from tests.services_needs.conftest import ADMIN_PASSWORD

MAY = datetime(2026, 5, 4, 15, 0)  # naive UTC, as stored
JUNE = MAY + timedelta(days=31)
LONG = "I cook for my little brother. " * 333 + "🍳 أطبخ" + "x" * 4  # 10,000 characters


def _youth(store: Store, name: str = "Jordan Sample") -> int:
    return create_youth(store, YouthFields(legal_name=name)).id


def _rate(store: Store, view: needs.AssessmentView, domain: str, level: int | None,
          **more: str) -> needs.RatingView:
    return needs.save_rating(store, view.id, domain, view.rating(domain).version, level=level,
                             **more)


def test_every_domain_is_unrated_until_someone_rates_it(store: Store) -> None:
    youth = _youth(store)
    assert needs.open_assessment(store, youth) is None
    draft = needs.start_assessment(store, youth)
    assert draft.status == "draft" and not draft.completed
    assert list(draft.ratings) == list(content.domain_ids())
    assert all(r.level is None and r.priority is None and r.version is None
               for r in draft.ratings.values())
    assert needs.start_assessment(store, youth).id == draft.id  # one draft, not two
    housing = _rate(store, draft, "housing", 2)
    assert (housing.level, housing.version) == (2, 1)
    reopened = needs.open_assessment(store, youth)
    assert reopened is not None and reopened.id == draft.id
    assert reopened.rated() == ["housing"]
    assert reopened.rating("safety") == needs.RatingView("safety")


def test_notes_without_a_rating_are_kept_and_the_domain_stays_not_rated(store: Store) -> None:
    youth = _youth(store)
    draft = needs.start_assessment(store, youth)
    legal = _rate(store, draft, "legal", None, notes="Court date in June, not sure of the day")
    assert legal.level is None and not legal.rated and legal.version == 1
    legal = needs.save_rating(store, draft.id, "legal", legal.version, strengths="Asks for help",
                              priority="a-lot")
    reopened = needs.open_assessment(store, youth)
    assert reopened is not None
    assert reopened.rating("legal") == needs.RatingView(
        "legal", None, "a-lot", "Asks for help", "Court date in June, not sure of the day", 2)
    assert reopened.rated() == []
    with pytest.raises(InvalidInput) as refused:  # notes alone rate nothing
        needs.complete(store, draft.id, draft.version, MAY)
    assert "Rate at least one domain" in refused.value.user_message()


def test_a_rating_is_cleared_and_a_field_left_unchanged_stays(store: Store) -> None:
    draft = needs.start_assessment(store, _youth(store))
    rated = _rate(store, draft, "education", 4, notes="Likes art class")
    cleared = needs.save_rating(store, draft.id, "education", rated.version, level=None)
    assert (cleared.level, cleared.notes) == (None, "Likes art class")
    same = needs.save_rating(store, draft.id, "education", cleared.version, notes="Likes art class")
    assert same.version == cleared.version  # nothing changed, nothing written


def test_completing_records_who_and_when_and_leaves_unrated_domains_unrated(
    store: Store
) -> None:
    youth = _youth(store)
    draft = needs.start_assessment(store, youth)
    for domain, level in (("housing", 2), ("education", 3), ("work-money", 1)):
        _rate(store, draft, domain, level)
    done = needs.complete(store, draft.id, draft.version, MAY)
    assert done.completed and done.completed_at == MAY and done.completed_by_name == "Ada Admin"
    assert done.rated() == ["housing", "education", "work-money"]
    assert done.rating("safety").level is None
    with pytest.raises(InvalidInput, match="can no longer be changed"):
        _rate(store, done, "safety", 3)
    with pytest.raises(InvalidInput, match="completed this assessment meanwhile"):
        needs.complete(store, draft.id, draft.version, MAY)
    assert needs.open_assessment(store, youth) == done
    assert needs.history(store, youth) == [done]


def test_a_reassessment_a_month_later_and_what_changed(store: Store) -> None:
    youth = _youth(store)
    first = needs.start_assessment(store, youth)
    for domain, level in (("housing", 2), ("education", 3), ("legal", 2), ("safety", 4)):
        _rate(store, first, domain, level)
    first = needs.complete(store, first.id, first.version, MAY)
    second = needs.start_assessment(store, youth)
    assert second.id != first.id and second.rated() == []  # a new, empty draft
    for domain, level in (("housing", 4), ("education", 3), ("safety", 2), ("documents", 1)):
        _rate(store, second, domain, level)
    second = needs.complete(store, second.id, second.version, JUNE)
    assert [v.id for v in needs.history(store, youth)] == [first.id, second.id]
    found = changes(first, second)
    assert found["housing"] == Change("housing", 2, 4, UP)
    assert found["education"] == Change("education", 3, 3, SAME)
    assert found["safety"] == Change("safety", 4, 2, DOWN)
    assert found["documents"] == Change("documents", None, 1, NEWLY_RATED)
    assert found["legal"] == Change("legal", 2, None, NO_LONGER_RATED)
    assert found["culture-identity"] == Change("culture-identity", None, None, NOT_COMPARABLE)
    assert changes(None, first)["housing"] == Change("housing", None, 2, NEWLY_RATED)
    assert levels_over_time(needs.history(store, youth), "legal") == [(MAY, 2), (JUNE, None)]


def test_a_closed_case_keeps_its_assessments_readable_and_takes_no_changes(
    store: Store
) -> None:
    youth = _youth(store)
    draft = needs.start_assessment(store, youth)
    _rate(store, draft, "housing", 3)
    set_status(store, youth, get_youth(store, youth).row_version, "closed")
    with pytest.raises(InvalidInput, match="closed"):
        _rate(store, draft, "safety", 3)
    with pytest.raises(InvalidInput, match="closed"):
        needs.complete(store, draft.id, draft.version, MAY)
    other = _youth(store, "Sam")
    set_status(store, other, get_youth(store, other).row_version, "closed")
    with pytest.raises(InvalidInput, match="closed"):
        needs.start_assessment(store, other)
    reopened = needs.open_assessment(store, youth)
    assert reopened is not None and reopened.rating("housing").level == 3


def test_a_save_against_an_older_version_is_refused(store: Store) -> None:
    draft = needs.start_assessment(store, _youth(store))
    mine = _rate(store, draft, "housing", 2)
    needs.save_rating(store, draft.id, "housing", mine.version, notes="Saved at the other desk")
    with pytest.raises(EditConflict):
        needs.save_rating(store, draft.id, "housing", mine.version, notes="Typed here")
    with pytest.raises(EditConflict):  # someone else saved the domain first
        needs.save_rating(store, draft.id, "housing", None, level=3)
    now = needs.assessment_now(store, draft.id).rating("housing")
    assert (now.level, now.notes) == (2, "Saved at the other desk")


@pytest.mark.parametrize(("change", "message"), [
    ({"level": 0}, "from 1 to 5"),
    ({"level": 6}, "from 1 to 5"),
    ({"notes": "x" * (needs.MAX_TEXT + 1)}, "longer than 20000 characters"),
    ({"strengths": "x" * (needs.MAX_TEXT + 1)}, "Nothing was saved"),
])
def test_a_level_out_of_range_or_a_text_too_long_is_refused_and_nothing_is_saved(
    store: Store, change: dict[str, object], message: str
) -> None:
    youth = _youth(store)
    draft = needs.start_assessment(store, youth)
    with pytest.raises(InvalidInput) as refused:
        needs.save_rating(store, draft.id, "housing", None, **change)  # type: ignore[arg-type]
    assert message in refused.value.user_message()
    reopened = needs.open_assessment(store, youth)
    assert reopened is not None and reopened.rating("housing").version is None


def test_an_unknown_domain_or_assessment_is_refused(store: Store) -> None:
    draft = needs.start_assessment(store, _youth(store))
    with pytest.raises(InvalidInput, match="no domain called"):
        needs.save_rating(store, draft.id, "astrology", None, level=3)
    with pytest.raises(ValueError):
        needs.save_rating(store, draft.id, "housing", None, priority="very")
    with pytest.raises(RecordNotFound):
        needs.save_rating(store, draft.id + 99, "housing", None, level=3)


def test_the_audit_trail_names_domains_and_fields_never_the_young_persons_words(
    store: Store
) -> None:
    youth = _youth(store)
    draft = needs.start_assessment(store, youth)
    rated = _rate(store, draft, "housing", 2, notes="Sleeping at Rosa's", strengths="Brave")
    needs.save_rating(store, draft.id, "housing", rated.version, priority="some")
    needs.complete(store, draft.id, draft.version, MAY)
    needs.open_assessment(store, youth)
    with store.unit() as session:
        entries = [(e.action, e.record_id, e.detail) for e in session.scalars(
            select(AuditEntry).where(AuditEntry.record_type == needs.ASSESSMENT))]
    assert entries == [
        ("create", draft.id, f"youth {youth}"),
        ("edit", draft.id, "housing: level,strengths,notes"),
        ("edit", draft.id, "housing: priority"),
        ("edit", draft.id, "completed"),
        ("view", draft.id, ""),
    ]
    assert not any("Rosa" in detail or "Brave" in detail for *_rest, detail in entries)


def test_long_answers_with_emoji_and_arabic_are_kept_exactly_after_reopening(
    store: Store, data_dir: Path
) -> None:
    youth = _youth(store)
    draft = needs.start_assessment(store, youth)
    assert len(LONG) == 10_000
    mixed = "Rosa 🌹 روزا 玫瑰\nsecond line\ttabbed  "
    _rate(store, draft, "life-skills", 3, strengths=LONG, notes=mixed)
    store.close()
    again = open_store(data_dir, "ada", ADMIN_PASSWORD)
    try:
        reopened = needs.open_assessment(again, youth)
        assert reopened is not None
        rating = reopened.rating("life-skills")
        assert (rating.level, rating.strengths, rating.notes) == (3, LONG, mixed)
    finally:
        again.close()
