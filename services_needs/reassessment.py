"""Reassessment over time: what changed in each domain between two assessments, and each
domain's level at every completed assessment.

"Not rated" is never a number: it is never counted as 0, never averaged, and a domain rated only
once (or not at all) is said to be newly rated, no longer rated or not comparable, never "up" or
"down" from nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from i18n import N_
from services_needs.assessments import AssessmentView

UP, DOWN, SAME = "up", "down", "same"
NEWLY_RATED = "newly-rated"  # not rated before, rated now
NO_LONGER_RATED = "no-longer-rated"  # rated before, not rated now
NOT_COMPARABLE = "not-comparable"  # not rated either time
# Which way a level went, for a domain rated both times ("2 → 4, up"); the others are said in
# whole sentences where they are shown.
DIRECTION_NAMES = {
    # L10N: a domain's level went up since the last assessment (it is better now), as in "2 → 4, up"
    UP: N_("up"),
    # L10N: a domain's level went down since the last assessment, as in "4 → 2, down"
    DOWN: N_("down"),
    # L10N: a domain's level is the same as at the last assessment, as in "3 → 3, same"
    SAME: N_("same"),
}


@dataclass(frozen=True)
class Change:
    domain: str
    before: int | None  # None: not rated (or no assessment before)
    after: int | None
    direction: str


def direction(before: int | None, after: int | None) -> str:
    if before is None:
        return NOT_COMPARABLE if after is None else NEWLY_RATED
    if after is None:
        return NO_LONGER_RATED
    return UP if after > before else DOWN if after < before else SAME


def changes(before: AssessmentView | None, after: AssessmentView) -> dict[str, Change]:
    """Each domain's level before and after, by domain, in `after`'s order (then any domain
    only `before` has). `before` None: the first assessment, so nothing was rated before."""
    domains = list(after.ratings)
    if before is not None:
        domains += [d for d in before.ratings if d not in after.ratings]
    found: dict[str, Change] = {}
    for domain in domains:
        was = before.rating(domain).level if before is not None else None
        now = after.rating(domain).level
        found[domain] = Change(domain, was, now, direction(was, now))
    return found


def levels_over_time(history: list[AssessmentView],
                     domain: str) -> list[tuple[datetime, int | None]]:
    """The domain's level at each completed assessment, the oldest first (None: not rated
    then, a gap in a chart, never a zero)."""
    return [(view.completed_at, view.rating(domain).level) for view in history
            if view.completed_at is not None]
