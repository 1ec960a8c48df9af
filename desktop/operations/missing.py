"""Missing from care: one function per thing a person does on the missing-episode and debrief
screens. The clock is `clock()` (naive UTC, like every stored time), read here and nowhere in
the domain, so a test can set it instead of waiting 24 hours."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import cache

from casefile.db.models.base import utcnow
from desktop.operations.plan import agency_content_path
from desktop.operations.session import Session, store_of
from planning import debrief, missing
from planning.debrief import DebriefFields, DebriefView
from planning.debrief_content import DebriefContent, load_debrief, with_agency_protocol
from planning.missing import EpisodeFields, EpisodeView

KIND = "missing"  # the change notices' record kind
clock: Callable[[], datetime] = utcnow


@cache
def debrief_content() -> DebriefContent:
    """The debrief's parts, the screen and the protocol (the agency's own, if its plan content
    file gives one). Raises ContentError when that file has a mistake."""
    content = load_debrief()
    path = agency_content_path()
    return with_agency_protocol(content, path) if path.is_file() else content


def episodes(session: Session, youth_id: int) -> list[EpisodeView]:
    return missing.episodes(store_of(session), youth_id)


def record_missing(session: Session, youth_id: int, values: EpisodeFields) -> EpisodeView:
    return missing.record_missing(store_of(session), youth_id, values, clock(),
                                  session.policy.return_review_days)


def save_episode(session: Session, episode: EpisodeView, values: EpisodeFields) -> EpisodeView:
    return missing.save_episode(store_of(session), episode.id, episode.version, values, clock(),
                                session.policy.return_review_days)


def open_debrief(session: Session, episode_id: int) -> DebriefView:
    return debrief.open_debrief(store_of(session), episode_id)


def save_debrief(session: Session, saved: DebriefView, values: DebriefFields,
                 complete: bool = False) -> DebriefView:
    return debrief.save_debrief(store_of(session), saved.episode_id, saved.version, values,
                                complete)


def alerts(session: Session) -> dict[int, frozenset[str]]:
    """Every visible youth's missing-from-care flags, by youth id."""
    return missing.alerts(store_of(session), clock(), session.policy.debrief_days)


def flags(session: Session, episode: EpisodeView) -> frozenset[str]:
    return episode.flags(clock(), session.policy.debrief_days)
