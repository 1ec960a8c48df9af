"""The agency's resource directory: the services a caseworker can refer a young person to.

Who may change it: anyone signed in may read it (it holds no case data); supervisors and
administrators add, change, remove, import and export services; caseworkers read it and choose
from it. Every change, import and export is audited (record type "service": ids, field names and
counts, never what a service's entry says). Reading is not audited: nothing about a youth is read.

A removed service keeps its row (`removed_at`) so the referrals naming it keep what they were;
it is no longer listed, searched or offered, and stays readable by its id.

Phone numbers are kept exactly as written, never reformatted: an agency may write "call the
front desk" or an extension. Languages are kept as written too ("Español", "Spanish", "es"); the
search and the language filter treat the known ways of writing one language as one
(`directory_search.language_key`).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from casefile.db.models.base import utcnow
from casefile.errors import EditConflict, InvalidInput, NotPermitted, RecordNotFound
from casefile.store import ADMIN, SUPERVISOR, StaffMember, Store
from casefile.trail import audit
from i18n import N_
from services_needs.content import domain_ids
from services_needs.models import Service

SERVICE = "service"  # the audit trail's record type
EDITORS = frozenset({SUPERVISOR, ADMIN})
MAX_AGE = 120
MAX_SHORT = 300  # characters of a name, phone, hours, cost or a language
MAX_LONG = 10_000  # characters of an address or notes


@dataclass(frozen=True)
class ServiceFields:
    """What a person writes about a service. `domains` are ids from `content.domain_ids()`."""

    name: str
    domains: tuple[str, ...] = ()
    address: str = ""
    phone: str = ""
    hours: str = ""
    languages: tuple[str, ...] = ()
    cost: str = ""
    age_from: int | None = None
    age_to: int | None = None
    youth_friendly: bool = False
    lgbtq_friendly: bool = False
    help_line: bool = False
    notes: str = ""


@dataclass(frozen=True)
class ServiceView(ServiceFields):
    id: int = 0
    version: int = 0
    removed: bool = False

    def fields(self) -> ServiceFields:
        return ServiceFields(**{f.name: getattr(self, f.name) for f in fields(ServiceFields)})


FIELD_NAMES = tuple(f.name for f in fields(ServiceFields))
_LISTS = ("domains", "languages")


def may_change(user: StaffMember) -> bool:
    """Whether `user` adds, changes, removes, imports and exports services."""
    return bool(user.roles & EDITORS)


def require_change(user: StaffMember) -> None:
    if not may_change(user):
        raise NotPermitted()


def _lines(values: tuple[str, ...]) -> str:
    return "\n".join(values)


def _split(text: str) -> tuple[str, ...]:
    return tuple(line for line in text.split("\n") if line)


def view_of(service: Service) -> ServiceView:
    values = {name: getattr(service, name) for name in FIELD_NAMES}
    for name in _LISTS:
        values[name] = _split(values[name] or "")
    return ServiceView(**values, id=service.id, version=service.row_version,
                       removed=service.removed_at is not None)


def row_values(values: ServiceFields) -> dict[str, object]:
    """The columns of a service row for `values` (already checked)."""
    row: dict[str, object] = {name: getattr(values, name) for name in FIELD_NAMES}
    for name in _LISTS:
        row[name] = _lines(getattr(values, name))
    return row


def _clean_list(values: tuple[str, ...]) -> tuple[str, ...]:
    """Each entry trimmed to one line, empties dropped, repeats kept once (first spelling)."""
    seen: dict[str, str] = {}
    for value in values:
        text = " ".join(value.split())
        if text and text.casefold() not in seen:
            seen[text.casefold()] = text
    return tuple(seen.values())


def checked(values: ServiceFields) -> ServiceFields:
    """`values` trimmed, or InvalidInput saying in plain words what is wrong."""
    name = " ".join(values.name.split())
    if not name:
        raise InvalidInput(N_("Write the service's name."))
    known = _domain_ids()
    unknown = [d for d in values.domains if d not in known]
    if unknown:
        raise InvalidInput(N_("\"{domain}\" is not one of the needs domains."), domain=unknown[0])
    _check_ages(values.age_from, values.age_to)
    languages = _clean_list(values.languages)
    short = {"name": name, "phone": values.phone.strip(), "hours": values.hours.strip(),
             "cost": values.cost.strip()}
    if any(len(text) > MAX_SHORT for text in (*short.values(), *languages)):
        raise InvalidInput(N_("A name, phone, hours, cost or language may be at most {count} "
                              "characters."), count=MAX_SHORT)
    if values.help_line and not short["phone"]:
        raise InvalidInput(N_("A help line needs a phone number (or a number to text) to be "
                              "offered on safety plans."))
    address, notes = values.address.strip(), values.notes.strip()
    if len(address) > MAX_LONG or len(notes) > MAX_LONG:
        raise InvalidInput(N_("An address or notes may be at most {count} characters."),
                           count=MAX_LONG)
    domains = tuple(d for d in known if d in values.domains)  # the content's order
    return ServiceFields(**short, domains=domains, address=address, languages=languages,
                         age_from=values.age_from, age_to=values.age_to,
                         youth_friendly=values.youth_friendly,
                         lgbtq_friendly=values.lgbtq_friendly, help_line=values.help_line,
                         notes=notes)


@cache
def _domain_ids() -> tuple[str, ...]:
    return domain_ids()


def _check_ages(low: int | None, high: int | None) -> None:
    for age in (low, high):
        if age is not None and not 0 <= age <= MAX_AGE:
            raise InvalidInput(N_("An age must be a whole number from 0 to {most}."),
                               most=MAX_AGE)
    if low is not None and high is not None and low > high:
        raise InvalidInput(N_("The youngest age ({low}) is above the oldest ({high}). Swap "
                              "them or correct one."), low=low, high=high)


def list_services(store: Store, help_lines_only: bool = False) -> list[ServiceView]:
    """Every service still in the directory (not removed), by name; or only its help lines."""
    query = select(Service).where(Service.removed_at.is_(None))
    if help_lines_only:
        query = query.where(Service.help_line)
    with store.unit() as session:
        views = [view_of(row) for row in session.scalars(query)]
    return sorted(views, key=lambda view: (view.name.casefold(), view.id))


def get_service(store: Store, service_id: int) -> ServiceView:
    """One service, removed or not (a referral shows what it named)."""
    with store.unit() as session:
        return view_of(_service(session, service_id))


def _service(session: Session, service_id: int) -> Service:
    service = session.get(Service, service_id)
    if service is None:
        raise RecordNotFound()
    return service


def add_service(store: Store, values: ServiceFields) -> ServiceView:
    require_change(store.user)
    values = checked(values)
    with store.unit() as session:
        service = Service(**row_values(values))
        session.add(service)
        session.flush()
        store.record(session, audit.CREATE, record_type=SERVICE, record_id=service.id)
        return view_of(service)


def save_service(store: Store, service_id: int, expected_version: int,
                 values: ServiceFields) -> ServiceView:
    """Save a service's entry; `EditConflict` when someone saved or removed it meanwhile."""
    require_change(store.user)
    values = checked(values)
    with store.unit() as session:
        service = _service(session, service_id)
        if service.row_version != expected_version or service.removed_at is not None:
            raise EditConflict()
        wanted = row_values(values)
        changed = [name for name in FIELD_NAMES if getattr(service, name) != wanted[name]]
        for name in changed:
            setattr(service, name, wanted[name])
        session.flush()
        if changed:
            store.record(session, audit.EDIT, record_type=SERVICE, record_id=service.id,
                         detail=",".join(changed))
        return view_of(service)


def remove_service(store: Store, service_id: int, expected_version: int,
                   now: datetime | None = None) -> ServiceView:
    """Take a service out of the directory; its row stays for the referrals that name it."""
    require_change(store.user)
    with store.unit() as session:
        service = _service(session, service_id)
        if service.row_version != expected_version:
            raise EditConflict()
        if service.removed_at is None:
            service.removed_at = now or utcnow()
            session.flush()
            store.record(session, audit.DELETE, record_type=SERVICE, record_id=service.id)
        return view_of(service)


def help_line_services(store: Store) -> list[ServiceView]:
    """The services marked as help lines, offered on a youth's safety plan (read when a plan
    is opened: only these rows)."""
    return list_services(store, help_lines_only=True)

