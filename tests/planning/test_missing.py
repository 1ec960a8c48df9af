"""Missing from care: an episode recorded, the 24-hour report flag (with the clock passed in,
never slept through), the return bringing the plan review nearer, the debrief and its flags,
and the mistakes refused with a clear message."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from casefile.cases.youth import YouthFields, create_youth, get_youth, set_status
from casefile.db.models import AuditEntry
from casefile.errors import InvalidInput
from casefile.store import Store
from planning import debrief, missing
from planning.debrief_content import load_debrief
from planning.missing import EpisodeFields

GONE = datetime(2026, 12, 1, 22, 30)
DAYS = 7


def _youth(store: Store) -> int:
    return create_youth(store, YouthFields(legal_name="Jordan", review_due_on=date(2027, 2, 1))).id


def test_reports_not_filled_in_24_hours_after_the_youth_was_found_missing_are_flagged(
    store: Store
) -> None:
    youth = _youth(store)
    episode = missing.record_missing(store, youth, EpisodeFields(GONE), GONE, DAYS)
    assert episode.flags(GONE + timedelta(hours=23), 3) == {missing.MISSING}
    assert episode.flags(GONE + timedelta(hours=24), 3) == {missing.MISSING,
                                                             missing.REPORT_OVERDUE}
    later = GONE + timedelta(hours=30)
    assert missing.alerts(store, later, 3) == {youth: {missing.MISSING, missing.REPORT_OVERDUE}}
    reported = replace(episode.fields(), police_reported_at=GONE + timedelta(hours=2),
                       police_report_number="PD-2026-0412")
    episode = missing.save_episode(store, episode.id, episode.version, reported, later, DAYS)
    assert missing.REPORT_OVERDUE in episode.flags(later, 3)  # NCMEC not yet
    reported = replace(reported, ncmec_reported_at=GONE + timedelta(hours=3),
                       ncmec_report_number="NCMEC 1234567")
    episode = missing.save_episode(store, episode.id, episode.version, reported, later, DAYS)
    assert episode.flags(later, 3) == {missing.MISSING}


def test_a_return_brings_the_review_nearer_and_the_debrief_is_due_then_overdue(
    store: Store
) -> None:
    youth = _youth(store)
    episode = missing.record_missing(store, youth, EpisodeFields(GONE), GONE, DAYS)
    back = GONE + timedelta(days=2)
    episode = missing.save_episode(store, episode.id, episode.version,
                                   replace(episode.fields(), returned_at=back), back, DAYS)
    assert get_youth(store, youth).review_due_on == date(2026, 12, 10)  # 7 days after return
    assert missing.DEBRIEF_DUE in episode.flags(back + timedelta(days=1), 3)
    assert missing.DEBRIEF_OVERDUE in episode.flags(back + timedelta(days=3), 3)
    content = load_debrief()
    answers = {content.screen[0].id: "yes", content.screen[1].id: "no"}
    typed = debrief.DebriefFields("Fights at home", "A friend's couch", "Talk to my mom",
                                  screen=answers)
    saved = debrief.save_debrief(store, episode.id, 0, typed)
    assert saved.completed_at is None
    assert [q.id for q in content.concerns(saved.screen)] == [content.screen[0].id]
    done = debrief.save_debrief(store, episode.id, saved.version, typed, complete=True)
    assert done.completed_at is not None and done.completed_by == "Ada Admin"
    # the debrief no longer flags; reports never recorded still do, after the return too
    assert missing.alerts(store, back + timedelta(days=5), 3) == {youth: {missing.REPORT_OVERDUE}}
    reopened = debrief.open_debrief(store, episode.id)
    assert (reopened.while_away, reopened.screen) == ("A friend's couch", answers)


def test_a_review_already_sooner_is_not_pushed_back_by_a_return(store: Store) -> None:
    youth = create_youth(store, YouthFields(legal_name="Sam", review_due_on=date(2026, 12, 4)))
    back = GONE + timedelta(hours=5)
    missing.record_missing(store, youth.id, EpisodeFields(GONE, returned_at=back), back, DAYS)
    assert get_youth(store, youth.id).review_due_on == date(2026, 12, 4)


@pytest.mark.parametrize(("change", "message"), [
    ({"returned_at": GONE - timedelta(minutes=1)}, "cannot be before the time"),
    ({"police_reported_at": GONE + timedelta(days=9)}, "cannot be in the future"),
    ({"ncmec_reported_at": GONE - timedelta(hours=1)}, "before the youth was found missing"),
    ({"missing_at": GONE + timedelta(days=9)}, "cannot be in the future"),
    ({"police_report_number": "9" * 101}, "at most 100 characters"),
])
def test_times_that_cannot_be_true_are_refused_and_nothing_is_saved(
    store: Store, change: dict[str, object], message: str
) -> None:
    youth = _youth(store)
    now = GONE + timedelta(days=1)
    episode = missing.record_missing(store, youth, EpisodeFields(GONE), now, DAYS)
    with pytest.raises(InvalidInput) as refused:
        missing.save_episode(store, episode.id, episode.version,
                             replace(episode.fields(), **change), now, DAYS)  # type: ignore[arg-type]
    assert message in refused.value.user_message()
    assert missing.episodes(store, youth) == [episode]


def test_an_episode_is_not_opened_twice_and_a_debrief_follows_a_return(store: Store) -> None:
    youth = _youth(store)
    now = GONE + timedelta(hours=1)
    episode = missing.record_missing(store, youth, EpisodeFields(GONE), now, DAYS)
    with pytest.raises(InvalidInput, match="already recorded as missing"):
        missing.record_missing(store, youth, EpisodeFields(GONE + timedelta(minutes=5)), now, DAYS)
    with pytest.raises(InvalidInput, match="return first"):
        debrief.save_debrief(store, episode.id, 0, debrief.DebriefFields(notes="x"))
    assert len(missing.episodes(store, youth)) == 1


def test_a_closed_case_keeps_its_episodes_readable_and_takes_no_new_ones(store: Store) -> None:
    youth = _youth(store)
    now = GONE + timedelta(hours=1)
    missing.record_missing(store, youth, EpisodeFields(GONE, returned_at=now), now, DAYS)
    record = get_youth(store, youth)
    set_status(store, youth, record.row_version, "closed")
    assert len(missing.episodes(store, youth)) == 1
    with pytest.raises(InvalidInput, match="closed"):
        missing.record_missing(store, youth, EpisodeFields(now), now, DAYS)


def test_episodes_and_debriefs_are_audited_without_what_was_said(store: Store) -> None:
    youth = _youth(store)
    now = GONE + timedelta(hours=5)
    episode = missing.record_missing(
        store, youth, EpisodeFields(GONE, police_report_number="PD-77", returned_at=now,
                                    whereabouts="Motel on Route 9"), now, DAYS)
    debrief.save_debrief(store, episode.id, 0, debrief.DebriefFields(while_away="Route 9 motel"),
                         complete=True)
    with store.unit() as session:
        details = [(e.action, e.record_type, e.detail) for e in session.scalars(
            select(AuditEntry).where(AuditEntry.record_type.in_(
                [missing.EPISODE, debrief.DEBRIEF])))]
    assert ("create", "missing-episode", f"youth {youth}") in details
    assert ("create", "return-debrief", f"episode {episode.id}: while_away,completed") in details
    assert not any("Route" in d or "PD-77" in d or "Motel" in d for *_r, d in details)
