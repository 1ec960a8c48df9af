"""Youth profile operations: one function per user action, each its own unit of work.

They take and return plain frozen dataclasses, never ORM objects, so no caller holds a session.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select

from casefile.cases.search import search_key
from casefile.db.models import Staff, Youth, utcnow
from casefile.db.models.youth import CLOSED, OPEN
from casefile.errors import EditConflict, InvalidInput, NotPermitted
from casefile.staff import access
from casefile.store import CASEWORKER, SUPERVISOR, StaffMember, Store
from casefile.trail import audit
from i18n import N_

LIST_CHUNK = 500  # youth list rows read at a time
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
    placement_changed_on: date | None = None  # brings the plan review nearer


EDITABLE = tuple(f.name for f in fields(YouthFields))


@dataclass(frozen=True)
class YouthRecord(YouthFields):
    id: int = 0
    status: str = OPEN
    created_at: datetime | None = None
    updated_at: datetime | None = None
    closed_at: datetime | None = None
    row_version: int = 0
    emergency_until: datetime | None = None  # opened with emergency access, which ends then

    @property
    def display_name(self) -> str:
        return self.preferred_name or self.legal_name

    @property
    def closed(self) -> bool:
        return self.status == CLOSED


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

    @property
    def closed(self) -> bool:
        return self.status == CLOSED

    @property
    def other_name(self) -> str:
        """The legal name when the youth goes by another name, else "": several youth may go by
        one name ("Ave"), and the list tells them apart by it."""
        if not self.preferred_name or search_key(self.preferred_name) == search_key(
                self.legal_name):
            return ""
        return self.legal_name


def may_reassign(user: StaffMember) -> bool:
    """Only a supervisor chooses a youth's caseworker (someone on their team, or no one); a
    caseworker's youth stay theirs."""
    return SUPERVISOR in user.roles


def new_youth_defaults(user: StaffMember) -> YouthRecord:
    """A new youth as the form first shows it: a caseworker's is their own; a supervisor's
    starts with no one assigned (and stays so if they leave it)."""
    return YouthRecord(caseworker_id=None if may_reassign(user) else user.id)


def _record(youth: Youth, emergency_until: datetime | None = None) -> YouthRecord:
    values = {name: getattr(youth, name) for name in EDITABLE}
    return YouthRecord(
        **values, id=youth.id, status=youth.status, created_at=youth.created_at,
        updated_at=youth.updated_at, closed_at=youth.closed_at, row_version=youth.row_version,
        emergency_until=emergency_until,
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


def _check_caseworker(session: Any, user: StaffMember, caseworker_id: int | None) -> None:
    """A caseworker keeps their youth; a supervisor may give one to themselves or their team."""
    allowed = {staff_id for staff_id, _name in access.assignable_staff(session, user)}
    if may_reassign(user):
        allowed.add(None)  # type: ignore[arg-type]
    if caseworker_id not in allowed:
        raise NotPermitted()


def create_youth(store: Store, values: YouthFields) -> YouthRecord:
    """Add a youth. A caseworker's new youth is assigned to them unless a supervisor names
    someone on their team."""
    access.require_role(store.user, CASEWORKER, SUPERVISOR)
    changes = {name: getattr(values, name) for name in EDITABLE}
    if changes["caseworker_id"] is None and not may_reassign(store.user):
        changes["caseworker_id"] = store.user.id
    if not changes["legal_name"].strip():
        raise InvalidInput(N_("Type a name to add this youth."))
    _validate(changes)
    with store.unit() as session:
        _check_caseworker(session, store.user, changes["caseworker_id"])
        youth = Youth(**changes, status=OPEN)
        session.add(youth)
        session.flush()
        store.record(session, audit.CREATE, record_type=audit.YOUTH, record_id=youth.id)
        return _record(youth)


def get_youth(store: Store, youth_id: int) -> YouthRecord:
    """Open a youth's record (an audited view)."""
    with store.unit() as session:
        youth, flagged = access.youth_for(session, store.user, youth_id)
        store.record(session, audit.VIEW, record_type=audit.YOUTH, record_id=youth_id,
                     flagged=flagged)
        until = access.emergency_until(session, store.user, youth_id) if flagged else None
        return _record(youth, until)


def name_and_pronouns(store: Store, youth_id: int) -> tuple[str, str]:
    """The name a youth goes by and their pronouns, for a screen that shows them beside its own
    record (the safety plan's "About me"). Access is checked; the screen's own record is what
    the audit trail notes as viewed."""
    with store.unit() as session:
        youth, _flagged = access.youth_for(session, store.user, youth_id)
        return youth.preferred_name or youth.legal_name, youth.pronouns


def _load_for_edit(
    session: Any, user: StaffMember, youth_id: int, expected_version: int
) -> tuple[Youth, bool]:
    youth, flagged = access.youth_for(session, user, youth_id)
    # The transaction began IMMEDIATE, so no one can write between this check and the UPDATE.
    if youth.row_version != expected_version:
        raise EditConflict()
    return youth, flagged


def update_youth(
    store: Store, youth_id: int, expected_version: int, changes: dict[str, Any],
    placement_review_days: int = 30,
) -> YouthRecord:
    """Save `changes`; raises EditConflict when someone saved a newer version first. A new
    placement change date brings the plan review to `placement_review_days` (agency policy)
    after it, unless a review is due sooner."""
    _validate(changes)
    with store.unit() as session:
        youth, flagged = _load_for_edit(session, store.user, youth_id, expected_version)
        before = youth.caseworker_id
        reassigned = changes.get("caseworker_id", before) != before
        if reassigned:
            _check_caseworker(session, store.user, changes["caseworker_id"])
        for name, value in changes.items():
            setattr(youth, name, value)
        moved = changes.get("placement_changed_on")
        if moved is not None:
            due = moved + timedelta(days=placement_review_days)
            if youth.review_due_on is None or due < youth.review_due_on:
                youth.review_due_on = due
        session.flush()
        if reassigned:  # staff ids only: who had the youth, who has them now
            store.record(session, audit.REASSIGN, record_type=audit.YOUTH, record_id=youth_id,
                         detail=f"caseworker {before or '-'} to {youth.caseworker_id or '-'}",
                         flagged=flagged)
        edited = sorted(name for name in changes if name != "caseworker_id" or not reassigned)
        if edited:
            store.record(session, audit.EDIT, record_type=audit.YOUTH, record_id=youth_id,
                         detail=",".join(edited), flagged=flagged)
        return _record(youth)


def set_status(store: Store, youth_id: int, expected_version: int, status: str) -> YouthRecord:
    """Close or reopen a youth's case."""
    if status not in (OPEN, CLOSED):
        raise ValueError(status)
    with store.unit() as session:
        youth, flagged = _load_for_edit(session, store.user, youth_id, expected_version)
        youth.status = status
        youth.closed_at = utcnow() if status == CLOSED else None
        session.flush()
        store.record(session, audit.CLOSE_CASE if status == CLOSED else audit.REOPEN_CASE,
                     record_type=audit.YOUTH, record_id=youth_id, flagged=flagged)
        return _record(youth)


def list_youth(store: Store) -> list[YouthSummary]:
    """The youth the signed-in person may see, as light rows (names, status, what is due)."""
    query = (
        select(Youth.id, Youth.legal_name, Youth.preferred_name, Youth.date_of_birth,
               Youth.status, Youth.review_due_on, Staff.display_name, Youth.updated_at)
        .outerjoin(Staff, Staff.id == Youth.caseworker_id)
        .where(access.visible_youth(store.user))
        .order_by(Youth.id)
    )
    summaries: list[YouthSummary] = []
    with store.unit() as session:
        for chunk in session.execute(query.execution_options(yield_per=LIST_CHUNK)).partitions():
            summaries += [YouthSummary(row[0], row[1], row[2], row[3], row[4], row[5],
                                       row[6] or "", row[7]) for row in chunk]
            time.sleep(0)  # let the window's thread run between chunks (this runs on a worker)
    return summaries


@dataclass(frozen=True)
class StaffChoice:
    id: int
    display_name: str


def list_caseworkers(store: Store) -> list[StaffChoice]:
    """Whom the signed-in person may name as a youth's caseworker."""
    with store.unit() as session:
        return [StaffChoice(i, name) for i, name in access.assignable_staff(session, store.user)]
