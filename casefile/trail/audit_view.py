"""Reading the audit trail, for supervisors: newest first, filtered, a page at a time.

Entries name a record by its type and id only. Reading the trail is itself recorded (a VIEW of
record type "audit", with the filters used), once per search rather than once per page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from casefile.db.models import AuditEntry, Staff
from casefile.staff.access import require_role
from casefile.store import SUPERVISOR, Store
from casefile.trail import audit
from casefile.trail.audit_labels import AUDIT_TRAIL, entry_title

AUDIT = AUDIT_TRAIL  # the record type of "someone read the audit trail"
PAGE = 500
MAX_PAGE = 5000


@dataclass(frozen=True)
class AuditRow:
    """One entry as the viewer shows it."""

    id: int
    at: datetime  # naive UTC, as stored
    staff_id: int | None
    staff_name: str  # the account's name, or the login typed for a failed sign-in
    action: str  # one of the audit action constants
    record_type: str
    record_id: int | None
    detail: str  # field names or a short technical note, never case text
    flagged: bool  # reached through emergency access
    title: str | None = None  # what the entry is called (marked with N_; None: unknown action)


@dataclass(frozen=True)
class StaffName:
    id: int
    display_name: str


def staff_names(store: Store) -> list[StaffName]:
    """Everyone who can appear in the trail, for the "staff member" filter."""
    require_role(store.user, SUPERVISOR)
    with store.unit() as session:
        rows = session.execute(select(Staff.id, Staff.display_name)
                               .order_by(func.lower(Staff.display_name)))
        return [StaffName(row[0], row[1]) for row in rows]


def _detail(youth_id: int | None, staff_id: int | None) -> str:
    parts = [f"youth {youth_id}" if youth_id is not None else "",
             f"staff {staff_id}" if staff_id is not None else ""]
    return "; ".join(part for part in parts if part) or "all"


def list_entries(
    store: Store, youth_id: int | None = None, staff_id: int | None = None, limit: int = PAGE,
    before_id: int | None = None,
) -> list[AuditRow]:
    """Up to `limit` entries, newest first, optionally only about one youth or by one person.

    `before_id` continues a search from the last entry already shown (the next page); only the
    first page of a search is recorded in the trail.
    """
    require_role(store.user, SUPERVISOR)
    limit = max(1, min(limit, MAX_PAGE))
    query = (select(AuditEntry, Staff.display_name)
             .outerjoin(Staff, Staff.id == AuditEntry.actor_id)
             .order_by(AuditEntry.id.desc()).limit(limit))
    if youth_id is not None:
        query = query.where(AuditEntry.record_type == audit.YOUTH,
                            AuditEntry.record_id == youth_id)
    if staff_id is not None:
        query = query.where(AuditEntry.actor_id == staff_id)
    if before_id is not None:
        query = query.where(AuditEntry.id < before_id)
    with store.unit() as session:
        if before_id is None:
            store.record(session, audit.VIEW, record_type=AUDIT,
                         detail=_detail(youth_id, staff_id))
        rows = session.execute(query).all()
        return [AuditRow(entry.id, entry.at, entry.actor_id, name or entry.actor_login,
                         entry.action, entry.record_type, entry.record_id, entry.detail,
                         bool(entry.flagged),
                         entry_title(entry.action, entry.record_type, entry.detail,
                                     entry.record_id))
                for entry, name in rows]
