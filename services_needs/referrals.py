"""Referrals to services, made from a youth's goal: which service (its name and phone copied from
the agency's directory when it is chosen, so a referral keeps what it was after the directory
changes or the service is removed), where it stands, and when to follow it up.

A change of status records the day it happened (`status_on`); becoming "made" records `made_on`
too, unless the person gave that day. The follow-up date is the person's own, or none. The clock
is passed in (`today`), never read here. The audit trail names record ids and field names only.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from casefile.errors import EditConflict, InvalidInput, RecordNotFound
from casefile.staff import access
from casefile.store import Store
from casefile.trail import audit
from i18n import N_
from services_needs.goals import MAX_NAME, check_words, goal_for_change, youth_for_change
from services_needs.models import Referral, Service

REFERRAL = "referral"  # the audit trail's record type
SUGGESTED, MADE, ACCEPTED, DECLINED, COMPLETED = (
    "suggested", "made", "accepted", "declined", "completed")
STATUSES = (SUGGESTED, MADE, ACCEPTED, DECLINED, COMPLETED)
STATUS_NAMES = {SUGGESTED: N_("Suggested"), MADE: N_("Referral made"), ACCEPTED: N_("Accepted"),
                DECLINED: N_("Declined"), COMPLETED: N_("Completed")}
FINISHED = (DECLINED, COMPLETED)  # nothing left to follow up
MAX_PHONE = 100


@dataclass(frozen=True)
class ReferralFields:
    """What a person sets on a referral after choosing the service."""

    status: str = SUGGESTED
    made_on: date | None = None
    follow_up_on: date | None = None
    notes: str = ""


@dataclass(frozen=True)
class ReferralView(ReferralFields):
    id: int = 0
    youth_id: int = 0
    goal_id: int | None = None
    domain: str = ""
    service_id: int | None = None
    service_name: str = ""
    service_phone: str = ""
    status_on: date | None = None
    version: int = 0
    service_removed: bool = False  # the service is no longer in the directory

    @property
    def open(self) -> bool:
        return self.status not in FINISHED

    def overdue(self, today: date) -> bool:
        """Its follow-up day has passed and it is not completed or declined."""
        return self.open and self.follow_up_on is not None and self.follow_up_on < today

    def fields(self) -> ReferralFields:
        return ReferralFields(**{name: getattr(self, name) for name in REFERRAL_FIELDS})


REFERRAL_FIELDS = tuple(f.name for f in fields(ReferralFields))


def _view(referral: Referral, removed: bool) -> ReferralView:
    return ReferralView(
        **{name: getattr(referral, name) for name in REFERRAL_FIELDS}, id=referral.id,
        youth_id=referral.youth_id, goal_id=referral.goal_id, domain=referral.domain,
        service_id=referral.service_id, service_name=referral.service_name,
        service_phone=referral.service_phone, status_on=referral.status_on,
        version=referral.row_version, service_removed=removed)


def _removed(session: Session, referral: Referral) -> bool:
    if referral.service_id is None:
        return False
    service = session.get(Service, referral.service_id)
    return service is None or service.removed_at is not None


def _check(values: ReferralFields, today: date) -> None:
    if values.status not in STATUSES:
        raise ValueError(values.status)
    if values.made_on is not None and values.made_on > today:
        raise InvalidInput(N_("A referral cannot be made on a day still to come. Give the day "
                              "it was made, or leave it as suggested."))
    check_words(values.notes)


def _chosen_service(session: Session, service_id: int | None, name: str,
                    phone: str) -> tuple[str, str]:
    """The name and phone the referral keeps: the directory's, when a service is chosen."""
    if service_id is not None:
        service = session.get(Service, service_id)
        if service is None or service.removed_at is not None:
            raise InvalidInput(N_("That service is no longer in the directory. Choose another "
                                  "one, or type the service's name."))
        return service.name, service.phone
    name, phone = name.strip(), phone.strip()
    if not name:
        raise InvalidInput(N_("Choose a service from the directory, or type its name."))
    if len(name) > MAX_NAME or len(phone) > MAX_PHONE:
        raise InvalidInput(N_("The service's name or phone number is too long to save."))
    return name, phone


def add_referral(store: Store, goal_id: int, today: date, *, service_id: int | None = None,
                 service_name: str = "", service_phone: str = "",
                 values: ReferralFields | None = None) -> ReferralView:
    """Refer the youth to a service for a goal: one from the directory (`service_id`) or, for a
    service the directory does not list, its name and phone as typed."""
    values = values or ReferralFields()
    _check(values, today)
    with store.unit() as session:
        goal, flagged = goal_for_change(session, store, goal_id)
        name, phone = _chosen_service(session, service_id, service_name, service_phone)
        made_on = values.made_on or (today if values.status == MADE else None)
        referral = Referral(
            youth_id=goal.youth_id, goal_id=goal.id, domain=goal.domain, service_id=service_id,
            service_name=name, service_phone=phone, status=values.status, made_on=made_on,
            status_on=today, follow_up_on=values.follow_up_on, notes=values.notes,
            created_by=store.user.id)
        session.add(referral)
        session.flush()
        store.record(session, audit.CREATE, record_type=REFERRAL, record_id=referral.id,
                     detail=f"youth {goal.youth_id} goal {goal.id}", flagged=flagged)
        return _view(referral, False)


def _for_change(session: Session, store: Store, referral_id: int,
                expected_version: int) -> tuple[Referral, bool]:
    referral = session.get(Referral, referral_id)
    if referral is None:
        raise RecordNotFound()
    if referral.goal_id is not None:
        _goal, flagged = goal_for_change(session, store, referral.goal_id)
    else:
        _youth, flagged = youth_for_change(session, store, referral.youth_id)
    if referral.row_version != expected_version:
        raise EditConflict()
    return referral, flagged


def save_referral(store: Store, referral_id: int, expected_version: int,
                  values: ReferralFields, today: date) -> ReferralView:
    """Save a referral's status, dates and notes; `EditConflict` when someone saved it first."""
    _check(values, today)
    with store.unit() as session:
        referral, flagged = _for_change(session, store, referral_id, expected_version)
        changed = [name for name in REFERRAL_FIELDS
                   if getattr(values, name) != getattr(referral, name)]
        for name in changed:
            setattr(referral, name, getattr(values, name))
        if "status" in changed:
            referral.status_on = today
            changed.append("status_on")
            if values.status == MADE and referral.made_on is None:
                referral.made_on = today
                changed.append("made_on")
        session.flush()
        if changed:
            store.record(session, audit.EDIT, record_type=REFERRAL, record_id=referral.id,
                         detail=",".join(dict.fromkeys(changed)), flagged=flagged)
        return _view(referral, _removed(session, referral))


def remove_referral(store: Store, referral_id: int, expected_version: int) -> None:
    with store.unit() as session:
        if session.get(Referral, referral_id) is None:
            return  # already gone
        referral, flagged = _for_change(session, store, referral_id, expected_version)
        session.delete(referral)
        store.record(session, audit.DELETE, record_type=REFERRAL, record_id=referral_id,
                     detail=f"youth {referral.youth_id}", flagged=flagged)


def referrals(store: Store, youth_id: int) -> list[ReferralView]:
    """The youth's referrals, in the order they were made (viewing them is audited)."""
    with store.unit() as session:
        _youth, flagged = access.youth_for(session, store.user, youth_id)
        rows = session.execute(
            select(Referral, Service.removed_at.is_not(None))
            .outerjoin(Service, Service.id == Referral.service_id)
            .where(Referral.youth_id == youth_id).order_by(Referral.id)).all()
        for referral, _removed_now in rows:
            store.record(session, audit.VIEW, record_type=REFERRAL, record_id=referral.id,
                         flagged=flagged)
        return [_view(referral, bool(removed)) for referral, removed in rows]


def referral_now(store: Store, referral_id: int) -> ReferralView:
    """A referral as it is saved now (after someone else's save, for example)."""
    with store.unit() as session:
        referral = session.get(Referral, referral_id)
        if referral is None:
            raise RecordNotFound()
        access.youth_for(session, store.user, referral.youth_id)
        return _view(referral, _removed(session, referral))
