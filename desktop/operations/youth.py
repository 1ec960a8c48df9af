"""Youth profile actions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from casefile.cases import youth
from casefile.cases.search import search_key, search_keys
from casefile.cases.youth import StaffChoice, YouthFields, YouthRecord, YouthSummary
from casefile.db.models.youth import CLOSED, OPEN
from casefile.staff import access
from desktop.operations import documents, goals, missing
from desktop.operations.session import Session, store_of
from planning.plans import plan_states


@dataclass(frozen=True)
class ListView:
    """What the youth list shows, read and prepared off the GUI thread: the rows, each row's
    search key (in the same order) and the youth reached through emergency access."""

    rows: list[YouthSummary]
    keys: list[str]
    emergency: dict[int, datetime]
    plans: dict[int, str]  # each youth's safety plan state (draft, agreed); none: no plan
    alerts: dict[int, frozenset[str]]  # missing from care, overdue work, documents before 18


def row_key(row: YouthSummary) -> str:
    """What a search is matched against: both names, folded (see casefile.cases.search)."""
    return search_key(f"{row.preferred_name} {row.legal_name}")


def load_list_view(session: Session) -> ListView:
    store = store_of(session)
    rows = youth.list_youth(store)
    keys = search_keys([f"{row.preferred_name} {row.legal_name}" for row in rows])
    return ListView(rows, keys, access.emergency_grants(store),
                    plan_states(store), load_alerts(session))


@dataclass(frozen=True)
class FirstView:
    """What the workspace shows as it opens, read in one go (on the worker at sign-in)."""

    caseworkers: list[StaffChoice]
    list: ListView


def load_first_view(session: Session) -> FirstView:
    return FirstView(youth.list_caseworkers(store_of(session)), load_list_view(session))


def load_plan_states(session: Session) -> dict[int, str]:
    """Each youth's safety plan state (draft, agreed), for the list's column."""
    return plan_states(store_of(session))


def load_alerts(session: Session) -> dict[int, frozenset[str]]:
    """Each youth's flags (only youth that have any), for the list: missing from care,
    overdue steps and referral follow-ups, and documents to get before 18."""
    found = dict(missing.alerts(session))
    for youth_id, flags in [*goals.overdue(session).items(), *documents.alerts(session).items()]:
        found[youth_id] = found.get(youth_id, frozenset()) | flags
    return found


def load_caseworkers(session: Session) -> list[StaffChoice]:
    return youth.list_caseworkers(store_of(session))


def open_profile(session: Session, youth_id: int) -> YouthRecord:
    return youth.get_youth(store_of(session), youth_id)


def add_youth(session: Session, changes: dict[str, Any]) -> YouthRecord:
    return youth.create_youth(store_of(session), YouthFields(**changes))


def save_profile(
    session: Session, youth_id: int, expected_version: int, changes: dict[str, Any]
) -> YouthRecord:
    return youth.update_youth(store_of(session), youth_id, expected_version, changes,
                              session.policy.placement_review_days)


def close_case(session: Session, record: YouthRecord) -> YouthRecord:
    return youth.set_status(store_of(session), record.id, record.row_version, CLOSED)


def reopen_case(session: Session, record: YouthRecord) -> YouthRecord:
    return youth.set_status(store_of(session), record.id, record.row_version, OPEN)


def summary_of(record: YouthRecord, caseworker_name: str) -> YouthSummary:
    """The list row for a record just saved, without reading the whole list again."""
    assert record.updated_at is not None
    return YouthSummary(record.id, record.legal_name, record.preferred_name, record.date_of_birth,
                        record.status, record.review_due_on, caseworker_name, record.updated_at)
