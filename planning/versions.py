"""A youth's agreed versions, and what changed between two of them.

Items are matched across versions by lineage (a new draft's copy of an item keeps it), so an
item edited is one change, not a removal and an addition. `compare` gives the changes in the
plan's order of sections; the screen words them for reading aloud to the young person.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from casefile.db.models import Staff
from casefile.errors import RecordNotFound
from casefile.staff import access
from casefile.store import Store
from casefile.trail import audit
from planning.models import AGREED, Plan, PlanAgreement
from planning.plans import PLAN, ItemView, PlanView, plan_view

ADDED, REMOVED, EDITED = "added", "removed", "edited"


@dataclass(frozen=True)
class VersionSummary:
    plan_id: int
    number: int
    agreed_at: datetime
    agreed_by: str  # the staff member who recorded the agreement
    review_on: date | None
    youth_signed: bool  # False: the young person chose not to sign


@dataclass(frozen=True)
class Change:
    what: str  # ADDED, REMOVED or EDITED
    section: str
    kind: str
    before: ItemView | None
    after: ItemView | None
    fields: tuple[str, ...] = ()  # for EDITED: the fields that differ, "voice", "keep_off_print"


def list_versions(store: Store, youth_id: int) -> list[VersionSummary]:
    """The youth's agreed versions, newest first."""
    with store.unit() as session:
        access.youth_for(session, store.user, youth_id)
        rows = session.execute(
            select(Plan, Staff.display_name, PlanAgreement.youth_declined)
            .outerjoin(Staff, Staff.id == Plan.agreed_by)
            .outerjoin(PlanAgreement, PlanAgreement.plan_id == Plan.id)
            .where(Plan.youth_id == youth_id, Plan.status == AGREED)
            .order_by(Plan.version.desc()))
        return [VersionSummary(plan.id, plan.version or 0, plan.agreed_at or plan.updated_at,
                               name or "", plan.review_on, not declined)
                for plan, name, declined in rows]


def open_version(store: Store, plan_id: int) -> PlanView:
    """One plan (an agreed version or a draft) as it is saved; the view is audited."""
    with store.unit() as session:
        plan = session.get(Plan, plan_id)
        if plan is None:
            raise RecordNotFound()
        _youth, flagged = access.youth_for(session, store.user, plan.youth_id)
        store.record(session, audit.VIEW, record_type=PLAN, record_id=plan.id, flagged=flagged)
        return plan_view(session, plan)


def _differs(before: ItemView, after: ItemView) -> tuple[str, ...]:
    keys = dict.fromkeys([*before.values, *after.values])
    fields = [k for k in keys if before.values.get(k, "") != after.values.get(k, "")]
    if before.voice != after.voice:
        fields.append("voice")
    if before.keep_off_print != after.keep_off_print:
        fields.append("keep_off_print")
    return tuple(fields)


def compare(older: PlanView, newer: PlanView, sections: Sequence[str]) -> list[Change]:
    """What changed from `older` to `newer`, section by section in the order `sections` gives
    (a section not named there comes last), each section's items in their order."""
    before = {item.lineage or f"id-{item.id}": item for item in older.items}
    after = {item.lineage or f"id-{item.id}": item for item in newer.items}
    changes: list[Change] = []
    for key, item in after.items():
        old = before.get(key)
        if old is None:
            changes.append(Change(ADDED, item.section, item.kind, None, item))
        elif fields := _differs(old, item):
            changes.append(Change(EDITED, item.section, item.kind, old, item, fields))
    changes += [Change(REMOVED, item.section, item.kind, item, None)
                for key, item in before.items() if key not in after]
    order = {section: n for n, section in enumerate(sections)}

    def place(change: Change) -> tuple[int, int, int]:
        item = change.after or change.before
        assert item is not None
        return order.get(change.section, len(order)), item.position, item.id

    return sorted(changes, key=place)
