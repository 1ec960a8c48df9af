"""Who may see which youth: a caseworker their own, a supervisor their team's (and youth not
yet assigned), and, for a limited time, a youth opened with emergency (break-glass) access.

Administrators see no case data unless they also hold a case role.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, false, func, or_, select
from sqlalchemy.orm import Session

from casefile.db.models import EmergencyAccess, Staff, Youth, utcnow
from casefile.db.models.youth import CLOSED
from casefile.errors import InvalidInput, NotPermitted, RecordNotFound
from casefile.store import SUPERVISOR, StaffMember, Store
from casefile.trail import audit
from i18n import N_

MIN_REASON_CHARS = 10
MAX_REASON_CHARS = 2000
MAX_MATCHES = 20


def _team(user: StaffMember) -> ColumnElement[bool]:
    members = select(Staff.id).where(Staff.supervisor_id == user.id)
    return or_(Youth.caseworker_id.in_(members), Youth.caseworker_id.is_(None))


def regular_access(user: StaffMember) -> ColumnElement[bool]:
    """The youth `user` sees through their role (not through emergency access)."""
    if not user.sees_cases:
        return false()
    own = Youth.caseworker_id == user.id
    return or_(own, _team(user)) if SUPERVISOR in user.roles else own


def _emergency(user: StaffMember, now: datetime) -> ColumnElement[bool]:
    granted = select(EmergencyAccess.youth_id).where(
        EmergencyAccess.staff_id == user.id, EmergencyAccess.expires_at > now)
    return Youth.id.in_(granted)


def visible_youth(user: StaffMember, now: datetime | None = None) -> ColumnElement[bool]:
    if SUPERVISOR not in user.roles:
        return regular_access(user)
    return or_(regular_access(user), _emergency(user, now or utcnow()))


def emergency_until(session: Session, user: StaffMember, youth_id: int) -> datetime | None:
    """When `user`'s emergency access to the youth ends, if they have one in force."""
    return session.scalar(
        select(EmergencyAccess.expires_at)
        .where(EmergencyAccess.staff_id == user.id, EmergencyAccess.youth_id == youth_id,
               EmergencyAccess.expires_at > utcnow())
        .order_by(EmergencyAccess.expires_at.desc()).limit(1))


def youth_for(session: Session, user: StaffMember, youth_id: int) -> tuple[Youth, bool]:
    """The youth and whether `user` reaches them only through emergency access (flagged)."""
    youth = session.get(Youth, youth_id)
    if youth is None:
        raise RecordNotFound()
    if session.scalar(select(Youth.id).where(Youth.id == youth_id, regular_access(user))):
        return youth, False
    if SUPERVISOR in user.roles and emergency_until(session, user, youth_id) is not None:
        return youth, True
    raise NotPermitted()


def youth_for_change(session: Session, store: Store, youth_id: int) -> tuple[Youth, bool]:
    """The youth, when the signed-in person may change their records (and whether through
    emergency access): a closed case stays readable, and nothing new is written to it."""
    youth, flagged = youth_for(session, store.user, youth_id)
    if youth.status == CLOSED:
        raise InvalidInput(N_("This youth's case is closed. Their records stay readable; "
                              "reopen the case to change them."))
    return youth, flagged


def require_role(user: StaffMember, *roles: str) -> None:
    if not user.roles & set(roles):
        raise NotPermitted()


def assignable_staff(session: Session, user: StaffMember) -> list[tuple[int, str]]:
    """Whom `user` may name as a youth's caseworker: themselves, and a supervisor's team."""
    query = select(Staff.id, Staff.display_name).where(Staff.active)
    if SUPERVISOR in user.roles:
        query = query.where(or_(Staff.id == user.id, Staff.supervisor_id == user.id))
    else:
        query = query.where(Staff.id == user.id)
    return [(row[0], row[1]) for row in session.execute(query.order_by(Staff.display_name))]


def find_for_emergency(store: Store, text: str) -> list[tuple[int, str]]:
    """Youth outside the supervisor's own access whose name contains `text` (ids and names)."""
    require_role(store.user, SUPERVISOR)
    needle = text.strip().casefold()
    if len(needle) < 2:
        return []
    with store.unit() as session:
        rows = session.execute(select(Youth.id, Youth.legal_name, Youth.preferred_name)
                               .where(~regular_access(store.user)).order_by(Youth.id))
        matches = [(row[0], row[2] or row[1]) for row in rows
                   if needle in row[1].casefold() or needle in row[2].casefold()]
    return matches[:MAX_MATCHES]


def grant_emergency_access(store: Store, youth_id: int, reason: str) -> datetime:
    """Open a youth outside the supervisor's team for the policy's time, with a typed reason."""
    require_role(store.user, SUPERVISOR)
    reason = reason.strip()
    if len(reason) < MIN_REASON_CHARS:
        raise InvalidInput(N_("Write why you need this record (at least {count} characters)."),
                           count=MIN_REASON_CHARS)
    if len(reason) > MAX_REASON_CHARS:
        raise InvalidInput(N_("That text is too long to save."))
    minutes = store.workstation.policy.break_glass_minutes
    with store.unit() as session:
        if session.get(Youth, youth_id) is None:
            raise RecordNotFound()
        now = utcnow()
        grant = EmergencyAccess(staff_id=store.user.id, youth_id=youth_id, reason=reason,
                                granted_at=now, expires_at=now + timedelta(minutes=minutes))
        session.add(grant)
        session.flush()
        store.record(session, audit.BREAK_GLASS, record_type=audit.YOUTH, record_id=youth_id,
                     detail=f"grant {grant.id}, {minutes} min", flagged=True)
        return grant.expires_at



def emergency_grants(store: Store) -> dict[int, datetime]:
    """The youth the signed-in supervisor reaches through emergency access now, with when that
    access ends (empty for anyone else)."""
    if SUPERVISOR not in store.user.roles:
        return {}
    with store.unit() as session:
        rows = session.execute(
            select(EmergencyAccess.youth_id, func.max(EmergencyAccess.expires_at))
            .where(EmergencyAccess.staff_id == store.user.id,
                   EmergencyAccess.expires_at > utcnow())
            .group_by(EmergencyAccess.youth_id))
        return {row[0]: row[1] for row in rows}
