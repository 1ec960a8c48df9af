"""Youth profile operations: one function per user action, each its own unit of work.

They take and return plain frozen dataclasses, never ORM objects, so no caller holds a session.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from casefile.errors import EditConflict, InvalidInput, RecordNotFound
from casefile.models import Staff, Youth, utcnow
from casefile.models.youth import CLOSED, OPEN
from casefile.store import Store
from i18n import N_

MAX_TEXT = 100_000  # characters in one field; far beyond any real answer, short of abuse


@dataclass(frozen=True)
class YouthFields:
    """What a person edits on the profile."""

    legal_name: str = ""
    preferred_name: str = ""
    date_of_birth: date | None = None
    pronouns: str = ""
    preferred_language: str = "en"
    placement_notes: str = ""
    caseworker_id: int | None = None
    review_due_on: date | None = None


EDITABLE = tuple(f.name for f in fields(YouthFields))


@dataclass(frozen=True)
class YouthRecord(YouthFields):
    id: int = 0
    status: str = OPEN
    created_at: datetime | None = None
    updated_at: datetime | None = None
    closed_at: datetime | None = None
    row_version: int = 0

    @property
    def display_name(self) -> str:
        return self.preferred_name or self.legal_name


@dataclass(frozen=True)
class YouthSummary:
    """One row of the youth list."""

    id: int
    legal_name: str
    preferred_name: str
    date_of_birth: date | None
    status: str
    review_due_on: date | None
    caseworker_name: str
    updated_at: datetime

    @property
    def display_name(self) -> str:
        return self.preferred_name or self.legal_name


def _record(youth: Youth) -> YouthRecord:
    values = {name: getattr(youth, name) for name in EDITABLE}
    return YouthRecord(
        **values, id=youth.id, status=youth.status, created_at=youth.created_at,
        updated_at=youth.updated_at, closed_at=youth.closed_at, row_version=youth.row_version,
    )


def _validate(changes: dict[str, Any]) -> None:
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    if "legal_name" in changes and not str(changes["legal_name"]).strip():
        raise InvalidInput(N_("A name is needed."))
    for value in changes.values():
        if isinstance(value, str) and len(value) > MAX_TEXT:
            raise InvalidInput(N_("That text is too long to save."))


def create_youth(store: Store, values: YouthFields) -> YouthRecord:
    changes = {name: getattr(values, name) for name in EDITABLE}
    _validate(changes)
    with store.unit() as session:
        youth = Youth(**changes, status=OPEN)
        session.add(youth)
        session.flush()
        return _record(youth)


def get_youth(store: Store, youth_id: int) -> YouthRecord:
    with store.unit() as session:
        youth = session.get(Youth, youth_id)
        if youth is None:
            raise RecordNotFound()
        return _record(youth)


def _load_for_edit(session: Any, youth_id: int, expected_version: int) -> Youth:
    youth = session.get(Youth, youth_id)
    if youth is None:
        raise RecordNotFound()
    # The transaction began IMMEDIATE, so no one can write between this check and the UPDATE.
    if youth.row_version != expected_version:
        raise EditConflict()
    return youth  # type: ignore[no-any-return]


def update_youth(
    store: Store, youth_id: int, expected_version: int, changes: dict[str, Any]
) -> YouthRecord:
    """Save `changes`; raises EditConflict when someone saved a newer version first."""
    _validate(changes)
    with store.unit() as session:
        youth = _load_for_edit(session, youth_id, expected_version)
        for name, value in changes.items():
            setattr(youth, name, value)
        session.flush()
        return _record(youth)


def set_status(store: Store, youth_id: int, expected_version: int, status: str) -> YouthRecord:
    """Close or reopen a youth's case."""
    if status not in (OPEN, CLOSED):
        raise ValueError(status)
    with store.unit() as session:
        youth = _load_for_edit(session, youth_id, expected_version)
        youth.status = status
        youth.closed_at = utcnow() if status == CLOSED else None
        session.flush()
        return _record(youth)


def list_youth(store: Store) -> list[YouthSummary]:
    """Every youth, as light rows for the list (names, status, what is due)."""
    query = (
        select(Youth.id, Youth.legal_name, Youth.preferred_name, Youth.date_of_birth,
               Youth.status, Youth.review_due_on, Staff.display_name, Youth.updated_at)
        .outerjoin(Staff, Staff.id == Youth.caseworker_id)
        .order_by(Youth.id)
    )
    with store.unit() as session:
        return [
            YouthSummary(row[0], row[1], row[2], row[3], row[4], row[5], row[6] or "", row[7])
            for row in session.execute(query)
        ]


@dataclass(frozen=True)
class StaffChoice:
    id: int
    display_name: str


def list_caseworkers(store: Store) -> list[StaffChoice]:
    with store.unit() as session:
        rows = session.execute(
            select(Staff.id, Staff.display_name).where(Staff.active).order_by(Staff.display_name)
        )
        return [StaffChoice(row[0], row[1]) for row in rows]
