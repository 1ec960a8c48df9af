"""Supervisor actions: reading the audit trail and emergency (break-glass) access."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from casefile.cases import youth
from casefile.staff import access
from casefile.trail import audit_view
from casefile.trail.audit_view import AuditRow, StaffName
from desktop.operations.session import Session, store_of


@dataclass(frozen=True)
class YouthChoice:
    id: int
    display_name: str


def load_audit_page(
    session: Session, youth_id: int | None, staff_id: int | None, limit: int,
    before_id: int | None = None,
) -> list[AuditRow]:
    return audit_view.list_entries(store_of(session), youth_id, staff_id, limit, before_id)


def load_staff_names(session: Session) -> list[StaffName]:
    return audit_view.staff_names(store_of(session))


def load_visible_youth(session: Session) -> list[YouthChoice]:
    """The youth this supervisor may look up in the trail, as (id, name) choices."""
    rows = youth.list_youth(store_of(session))
    return sorted((YouthChoice(row.id, row.display_name) for row in rows),
                  key=lambda choice: choice.display_name.casefold())


def find_for_emergency(session: Session, text: str) -> list[tuple[int, str]]:
    return access.find_for_emergency(store_of(session), text)


def grant_emergency_access(session: Session, youth_id: int, reason: str) -> datetime:
    return access.grant_emergency_access(store_of(session), youth_id, reason)


def load_emergency_grants(session: Session) -> dict[int, datetime]:
    return access.emergency_grants(store_of(session))
