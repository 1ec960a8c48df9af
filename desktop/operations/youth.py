"""Youth profile actions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from casefile import access, youth
from casefile.models.youth import CLOSED, OPEN
from casefile.search import search_key
from casefile.store import Store
from casefile.youth import StaffChoice, YouthFields, YouthRecord, YouthSummary


def load_list(store: Store) -> list[YouthSummary]:
    return youth.list_youth(store)


@dataclass(frozen=True)
class ListView:
    """What the youth list shows, read and prepared off the GUI thread: the rows, each row's
    search key (in the same order) and the youth reached through emergency access."""

    rows: list[YouthSummary]
    keys: list[str]
    emergency: dict[int, datetime]


def row_key(row: YouthSummary) -> str:
    """What a search is matched against: both names, folded (see casefile.search)."""
    return search_key(f"{row.preferred_name} {row.legal_name}")


def load_list_view(store: Store) -> ListView:
    rows = youth.list_youth(store)
    return ListView(rows, [row_key(row) for row in rows], access.emergency_grants(store))


@dataclass(frozen=True)
class FirstView:
    """What the workspace shows as it opens, read in one go (on the worker at sign-in)."""

    caseworkers: list[StaffChoice]
    list: ListView


def load_first_view(store: Store) -> FirstView:
    return FirstView(youth.list_caseworkers(store), load_list_view(store))


def may_reassign(store: Store) -> bool:
    """Whether the person signed in chooses a youth's caseworker (the domain decides)."""
    return youth.may_reassign(store.user)


def new_youth_defaults(store: Store) -> YouthRecord:
    return youth.new_youth_defaults(store.user)


def load_caseworkers(store: Store) -> list[StaffChoice]:
    return youth.list_caseworkers(store)


def open_profile(store: Store, youth_id: int) -> YouthRecord:
    return youth.get_youth(store, youth_id)


def add_youth(store: Store, changes: dict[str, Any]) -> YouthRecord:
    return youth.create_youth(store, YouthFields(**changes))


def save_profile(
    store: Store, youth_id: int, expected_version: int, changes: dict[str, Any]
) -> YouthRecord:
    return youth.update_youth(store, youth_id, expected_version, changes)


def close_case(store: Store, record: YouthRecord) -> YouthRecord:
    return youth.set_status(store, record.id, record.row_version, CLOSED)


def reopen_case(store: Store, record: YouthRecord) -> YouthRecord:
    return youth.set_status(store, record.id, record.row_version, OPEN)


def summary_of(record: YouthRecord, caseworker_name: str) -> YouthSummary:
    """The list row for a record just saved, without reading the whole list again."""
    assert record.updated_at is not None
    return YouthSummary(record.id, record.legal_name, record.preferred_name, record.date_of_birth,
                        record.status, record.review_due_on, caseworker_name, record.updated_at)
