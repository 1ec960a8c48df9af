"""Supervisor actions: reading the audit trail and emergency (break-glass) access."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from casefile import access, audit_view, youth
from casefile.audit_view import AuditRow, StaffName
from casefile.store import Store


@dataclass(frozen=True)
class YouthChoice:
    id: int
    display_name: str


def load_audit_page(
    store: Store, youth_id: int | None, staff_id: int | None, limit: int,
    before_id: int | None = None,
) -> list[AuditRow]:
    return audit_view.list_entries(store, youth_id, staff_id, limit, before_id)


def load_staff_names(store: Store) -> list[StaffName]:
    return audit_view.staff_names(store)


def load_visible_youth(store: Store) -> list[YouthChoice]:
    """The youth this supervisor may look up in the trail, as (id, name) choices."""
    rows = youth.list_youth(store)
    return sorted((YouthChoice(row.id, row.display_name) for row in rows),
                  key=lambda choice: choice.display_name.casefold())


def find_for_emergency(store: Store, text: str) -> list[tuple[int, str]]:
    return access.find_for_emergency(store, text)


def grant_emergency_access(store: Store, youth_id: int, reason: str) -> datetime:
    return access.grant_emergency_access(store, youth_id, reason)


def load_emergency_grants(store: Store) -> dict[int, datetime]:
    return access.emergency_grants(store)
