"""A youth's safety plan: open it, start it, add, change and remove its items, and mark where
each section stands. Every function is one unit of work on the store, checks that the signed-in
person may see the youth, and writes the audit trail (record ids and field names, never what the
young person said).

A plan is a draft until it is agreed (`planning.agreement`); an agreed version never changes,
and editing starts a new draft from it that keeps each item's lineage. Two people
editing one item: each item carries a version, and a save made against an older version is
refused with `EditConflict`, so nobody's words are silently overwritten.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from casefile.db.models.base import utcnow
from casefile.errors import EditConflict, InvalidInput, RecordNotFound
from casefile.staff import access
from casefile.staff.access import youth_for_change as youth_for_change
from casefile.store import Store
from casefile.trail import audit
from i18n import N_
from planning.items import KINDS, MAX_VALUE_CHARS, VOICES, YOUTH
from planning.models import AGREED as AGREED
from planning.models import DONE as DONE
from planning.models import DRAFT as DRAFT
from planning.models import SKIPPED as SKIPPED
from planning.models import Plan, PlanItem, PlanSection

PLAN = "plan"  # the audit trail's record type
NONE = "none"  # a youth with no plan yet, in `plan_states`


@dataclass(frozen=True)
class ItemView:
    id: int
    section: str
    kind: str
    content_key: str
    position: int
    values: dict[str, str]
    voice: str
    keep_off_print: bool
    version: int
    lineage: str = ""  # the same item in every version of the plan


@dataclass(frozen=True)
class PlanView:
    id: int
    youth_id: int
    status: str
    updated_at: datetime
    items: tuple[ItemView, ...] = ()
    sections: dict[str, str] = field(default_factory=dict)  # section id: done or skipped
    version: int | None = None  # an agreed version's number
    based_on: int | None = None  # the version a draft was started from
    agreed_at: datetime | None = None
    review_on: date | None = None


def _item_view(item: PlanItem) -> ItemView:
    return ItemView(item.id, item.section, item.kind, item.content_key, item.position,
                    json.loads(item.data), item.voice, item.keep_off_print, item.row_version,
                    item.lineage)


def plan_view(session: Session, plan: Plan) -> PlanView:
    items = session.scalars(select(PlanItem).where(PlanItem.plan_id == plan.id)
                            .order_by(PlanItem.section, PlanItem.position, PlanItem.id))
    states = session.execute(select(PlanSection.section, PlanSection.state)
                             .where(PlanSection.plan_id == plan.id))
    return PlanView(plan.id, plan.youth_id, plan.status, plan.updated_at,
                    tuple(_item_view(item) for item in items),
                    {section: state for section, state in states}, plan.version, plan.based_on,
                    plan.agreed_at, plan.review_on)


def _latest(session: Session, youth_id: int) -> Plan | None:
    return session.scalars(select(Plan).where(Plan.youth_id == youth_id)
                           .order_by(Plan.id.desc()).limit(1)).first()


def _plan_for_edit(session: Session, store: Store, plan_id: int) -> tuple[Plan, bool]:
    plan = session.get(Plan, plan_id)
    if plan is None:
        raise RecordNotFound()
    _youth, flagged = youth_for_change(session, store, plan.youth_id)
    if plan.status != DRAFT:
        raise InvalidInput(N_("This plan was agreed and can no longer be changed. Start a new "
                              "draft from it to make changes."))
    return plan, flagged


def open_plan(store: Store, youth_id: int) -> PlanView | None:
    """The youth's plan (the latest), or None when they have none yet."""
    with store.unit() as session:
        _youth, flagged = access.youth_for(session, store.user, youth_id)
        plan = _latest(session, youth_id)
        if plan is None:
            return None
        store.record(session, audit.VIEW, record_type=PLAN, record_id=plan.id, flagged=flagged)
        return plan_view(session, plan)


def start_plan(store: Store, youth_id: int) -> PlanView:
    """The youth's draft: the one they have, a new empty one, or (after an agreed version) a new
    draft holding a copy of that version, which stays as it was agreed."""
    with store.unit() as session:
        _youth, flagged = youth_for_change(session, store, youth_id)
        latest = _latest(session, youth_id)
        if latest is not None and latest.status == DRAFT:
            return plan_view(session, latest)
        plan = Plan(youth_id=youth_id, status=DRAFT, created_by=store.user.id,
                    based_on=latest.id if latest else None)
        session.add(plan)
        session.flush()
        if latest is not None:
            _copy_into(session, latest, plan)
        store.record(session, audit.CREATE, record_type=PLAN, record_id=plan.id,
                     detail=f"youth {youth_id}" + (f" from plan {latest.id}" if latest else ""),
                     flagged=flagged)
        return plan_view(session, plan)


def _copy_into(session: Session, source: Plan, draft: Plan) -> None:
    """Copy an agreed version's items (keeping each item's lineage) and section marks."""
    for item in session.scalars(select(PlanItem).where(PlanItem.plan_id == source.id)):
        session.add(PlanItem(plan_id=draft.id, section=item.section, kind=item.kind,
                             content_key=item.content_key, position=item.position,
                             data=item.data, voice=item.voice, lineage=item.lineage,
                             keep_off_print=item.keep_off_print))
    for row in session.scalars(select(PlanSection).where(PlanSection.plan_id == source.id)):
        session.add(PlanSection(plan_id=draft.id, section=row.section, state=row.state))


def _checked_values(kind: str, values: dict[str, Any]) -> dict[str, str]:
    fields = {f.key for f in KINDS[kind].fields}
    for key, value in values.items():
        if key not in fields or not isinstance(value, str):
            raise ValueError(f"{kind} has no text field {key!r}")
        if len(value) > MAX_VALUE_CHARS:
            raise InvalidInput(N_("This answer is longer than {count} characters. Nothing was "
                                  "saved; shorten it and it will be saved."),
                               count=MAX_VALUE_CHARS)
    return dict(values)


def add_item(
    store: Store, plan_id: int, section: str, kind: str, content_key: str = "",
    values: dict[str, str] | None = None, voice: str = YOUTH,
) -> ItemView:
    """Add an item to a section of a draft plan: off the printed copy when its kind is kept off
    by default, in the young person's words unless said otherwise. A checklist item or help line
    already on the plan (ticked at another desk meanwhile) is returned as it is."""
    if kind not in KINDS or voice not in VOICES:
        raise ValueError(kind)
    data = _checked_values(kind, values or {})
    with store.unit() as session:
        plan, flagged = _plan_for_edit(session, store, plan_id)
        if KINDS[kind].once:  # ticked at two desks: one checklist item, never two
            ticked = session.scalars(select(PlanItem).where(
                PlanItem.plan_id == plan.id, PlanItem.section == section,
                PlanItem.kind == kind, PlanItem.content_key == content_key)).first()
            if ticked is not None:
                return _item_view(ticked)
        position = session.scalar(select(func.coalesce(func.max(PlanItem.position), -1) + 1)
                                  .where(PlanItem.plan_id == plan.id,
                                         PlanItem.section == section))
        item = PlanItem(plan_id=plan.id, section=section, kind=kind, content_key=content_key,
                        position=position or 0, data=json.dumps(data, ensure_ascii=False),
                        voice=voice, keep_off_print=KINDS[kind].kept_off,
                        lineage=uuid.uuid4().hex)
        session.add(item)
        plan.updated_at = item.updated_at = utcnow()
        session.flush()
        store.record(session, audit.CREATE, record_type=PLAN, record_id=plan.id,
                     detail=f"item {item.id} {kind} in {section}", flagged=flagged)
        return _item_view(item)


def save_item(
    store: Store, item_id: int, expected_version: int, *, values: dict[str, str] | None = None,
    voice: str | None = None, keep_off_print: bool | None = None,
) -> ItemView:
    """Save what changed in an item; `EditConflict` when someone saved it first."""
    with store.unit() as session:
        item = session.get(PlanItem, item_id)
        if item is None:
            raise RecordNotFound()
        plan, flagged = _plan_for_edit(session, store, item.plan_id)
        if item.row_version != expected_version:
            raise EditConflict()
        changed: list[str] = []
        if values is not None:
            current = json.loads(item.data)
            new = {**current, **_checked_values(item.kind, values)}
            changed += sorted(key for key in new if new[key] != current.get(key))
            item.data = json.dumps(new, ensure_ascii=False)
        if voice is not None and voice != item.voice:
            if voice not in VOICES:
                raise ValueError(voice)
            item.voice = voice
            changed.append("voice")
        if keep_off_print is not None and keep_off_print != item.keep_off_print:
            item.keep_off_print = keep_off_print
            changed.append("keep_off_print")
        if changed:
            plan.updated_at = utcnow()
            session.flush()
            store.record(session, audit.EDIT, record_type=PLAN, record_id=plan.id,
                         detail=f"item {item.id}: {','.join(changed)}", flagged=flagged)
        return _item_view(item)


def item_now(store: Store, item_id: int) -> ItemView:
    """An item as it is saved now (after someone else's save, for example)."""
    with store.unit() as session:
        item = session.get(PlanItem, item_id)
        if item is None:
            raise RecordNotFound()
        plan = session.get(Plan, item.plan_id)
        assert plan is not None
        access.youth_for(session, store.user, plan.youth_id)
        return _item_view(item)


def remove_item(store: Store, item_id: int, expected_version: int) -> None:
    with store.unit() as session:
        item = session.get(PlanItem, item_id)
        if item is None:
            return  # already gone
        plan, flagged = _plan_for_edit(session, store, item.plan_id)
        if item.row_version != expected_version:
            raise EditConflict()
        session.delete(item)
        plan.updated_at = utcnow()
        store.record(session, audit.DELETE, record_type=PLAN, record_id=plan.id,
                     detail=f"item {item_id} {item.kind}", flagged=flagged)


def set_section_state(store: Store, plan_id: int, section: str, state: str | None) -> None:
    """Mark a section done or skipped in the guide (None: neither)."""
    if state not in (DONE, SKIPPED, None):
        raise ValueError(state)
    with store.unit() as session:
        plan, flagged = _plan_for_edit(session, store, plan_id)
        row = session.scalars(select(PlanSection).where(PlanSection.plan_id == plan_id,
                                                        PlanSection.section == section)).first()
        if (row.state if row else None) == state:
            return
        if row is not None and state is None:
            session.delete(row)
        elif row is not None and state is not None:
            row.state = state
        elif state is not None:
            session.add(PlanSection(plan_id=plan_id, section=section, state=state))
        store.record(session, audit.EDIT, record_type=PLAN, record_id=plan.id,
                     detail=f"section {section}: {state or 'open'}", flagged=flagged)


def record_together(store: Store, plan_id: int, entering: bool) -> None:
    """Note in the audit trail that the together view was entered or left."""
    with store.unit() as session:
        plan, flagged = _plan_for_edit(session, store, plan_id)
        store.record(session, audit.TOGETHER_START if entering else audit.TOGETHER_END,
                     record_type=PLAN, record_id=plan.id, flagged=flagged)


def record_print(store: Store, plan_id: int, variant: str, language: str,
                 saved: bool = False) -> None:
    """Note in the audit trail that a plan was printed (or saved as a file: an export), with
    the variant and language, never its content."""
    with store.unit() as session:
        plan = session.get(Plan, plan_id)
        if plan is None:
            raise RecordNotFound()
        _youth, flagged = access.youth_for(session, store.user, plan.youth_id)
        store.record(session, audit.EXPORT if saved else audit.PRINT, record_type=PLAN,
                     record_id=plan.id, detail=f"{variant} {language}"[:40], flagged=flagged)


def plan_states(store: Store) -> dict[int, str]:
    """Each youth's plan state (draft or agreed) by youth id; a youth missing has no plan."""
    with store.unit() as session:
        latest = (select(Plan.youth_id, func.max(Plan.id).label("id"))
                  .group_by(Plan.youth_id).subquery())
        rows = session.execute(select(Plan.youth_id, Plan.status)
                               .join(latest, Plan.id == latest.c.id))
        return {youth_id: status for youth_id, status in rows}

