"""Staff accounts: add, change roles and team, disable, set passwords, and recovery.

A person's password lives only in their key-file slot. Disabling an account removes its slot, so
a disabled person's password no longer unwraps the data key at all; turning the account back on
needs a new password from an administrator.
"""

from __future__ import annotations

import contextlib
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from casefile import workstation as workstation_module
from casefile.db.models import Staff
from casefile.errors import (
    MIN_PASSWORD_LENGTH,
    AccountDisabled,
    InvalidInput,
    LastAdministrator,
    LoginTaken,
    NotPermitted,
    PasswordHasControlCharacter,
    PasswordNotText,
    PasswordTooShort,
    RecordNotFound,
    WrongPassword,
)
from casefile.files.paths import StorePaths
from casefile.keys import keyfile
from casefile.keys.keyfile import normalize_login
from casefile.keys.unlock import slot_device_secret, unlock_staff, with_staff_slot
from casefile.staff.access import require_role
from casefile.staff.backoff import clear_failures
from casefile.store import ADMIN, CASEWORKER, SUPERVISOR, Store, open_with_key
from casefile.trail import audit
from casefile.workstation import Workstation
from i18n import N_

ROLES = (CASEWORKER, SUPERVISOR, ADMIN)
MAX_LOGIN_CHARS = 64
MAX_NAME_CHARS = 200


@dataclass(frozen=True)
class Account:
    id: int
    login: str
    display_name: str
    roles: frozenset[str]
    active: bool
    supervisor_id: int | None
    supervisor_name: str
    has_password: bool  # a slot in this workstation's key file
    keyring_protected: bool  # the slot mixes in the workstation's device secret


def may_supervise(candidate: Account, staff_id: int | None) -> bool:
    """Whether `candidate` can be chosen as the supervisor of account `staff_id` (None: an
    account not added yet): an active supervisor, not the person themselves."""
    return candidate.active and SUPERVISOR in candidate.roles and candidate.id != staff_id


def check_new_password(password: str) -> str:
    """`password`, if it may become someone's password; raises before anything is written.

    It must be text that encodes as UTF-8 (the key file derives the slot from those bytes), and
    free of control characters: no sign-in screen can type a tab, CR or NUL, and a file with
    old Mac line endings would otherwise make one "line" of two passwords.
    """
    if len(password) < MIN_PASSWORD_LENGTH:
        raise PasswordTooShort()
    try:
        password.encode("utf-8")
    except UnicodeEncodeError:
        raise PasswordNotText() from None
    if any(unicodedata.category(ch) == "Cc" for ch in password):
        raise PasswordHasControlCharacter()
    return password


def _clean_roles(roles: frozenset[str] | set[str]) -> str:
    unknown = set(roles) - set(ROLES)
    if unknown or not roles:
        raise InvalidInput(N_("Choose at least one role."))
    return ",".join(role for role in ROLES if role in roles)


def _clean_name(display_name: str) -> str:
    name = display_name.strip()
    if not name:
        raise InvalidInput(N_("A name is needed."))
    if len(name) > MAX_NAME_CHARS:
        raise InvalidInput(N_("That text is too long to save."))
    return name


def _clean_login(login: str) -> str:
    cleaned = normalize_login(login)
    if not cleaned or len(cleaned) > MAX_LOGIN_CHARS or any(ch.isspace() for ch in cleaned):
        raise InvalidInput(N_("A sign-in name needs 1 to {count} characters and no spaces."),
                           count=MAX_LOGIN_CHARS)
    return cleaned


def _set_slot(store: Store, login: str, password: str, replace_lost: bool = False) -> None:
    """Give `login` a slot for `password`; the back-off for earlier wrong passwords ends."""
    store.update_keys(lambda keys: clear_failures(with_staff_slot(
        keys, store.workstation, login, password, store.data_key, replace_lost=replace_lost),
        login))


def list_accounts(store: Store) -> list[Account]:
    require_role(store.user, ADMIN)
    keys = keyfile.read_key_file(store.paths.keys)
    boss = aliased(Staff)
    query = (select(Staff, boss.display_name).outerjoin(boss, boss.id == Staff.supervisor_id)
             .order_by(func.lower(Staff.display_name)))
    with store.unit() as session:
        rows = session.execute(query).all()
    accounts = []
    for staff, supervisor_name in rows:
        slot = keys.slot_for(staff.login)
        accounts.append(Account(
            staff.id, staff.login, staff.display_name, staff.role_set(), staff.active,
            staff.supervisor_id, supervisor_name or "", slot is not None,
            slot is not None and slot.device))
    return accounts


def _active_admins(session: Session) -> list[int]:
    rows = session.scalars(select(Staff).where(Staff.active))
    return [staff.id for staff in rows if ADMIN in staff.role_set()]


def _check_supervisor(session: Session, supervisor_id: int | None, staff_id: int | None) -> None:
    if supervisor_id is None:
        return
    boss = session.get(Staff, supervisor_id)
    if boss is None or supervisor_id == staff_id or SUPERVISOR not in boss.role_set():
        raise InvalidInput(N_("Choose a supervisor who has the supervisor role."))


def _check_new_account(session: Session, login: str, supervisor_id: int | None) -> None:
    if session.scalar(select(Staff.id).where(Staff.login == login)) is not None:
        raise LoginTaken(login=login)
    _check_supervisor(session, supervisor_id, None)


_SlotBefore = tuple[keyfile.Slot | None, keyfile.SignInFailures | None]


def _write_first_slot(store: Store, login: str, password: str) -> _SlotBefore:
    """Give `login` a slot (clearing its back-off); returns what the key file held for `login`
    before, so that `_put_slot_back` can undo it. A failure here writes nothing."""
    before: list[_SlotBefore] = []

    def change(keys: keyfile.KeyFile) -> keyfile.KeyFile:
        before.append((keys.slot_for(login), keys.failures_of(login)))
        slotted = with_staff_slot(keys, store.workstation, login, password, store.data_key)
        return clear_failures(slotted, login)

    store.update_keys(change)
    return before[-1]


def _put_slot_back(store: Store, login: str, before: _SlotBefore) -> None:
    slot, failures = before

    def change(keys: keyfile.KeyFile) -> keyfile.KeyFile:
        keys = keys.with_slot(slot) if slot is not None else keys.without_slot(login)
        if failures is None:
            return keys
        return replace(keys, failures=(*clear_failures(keys, login).failures, (login, failures)))

    store.update_keys(change)


def _account_committed(store: Store, login: str) -> bool:
    """Whether `login`'s row is in the database; True when that cannot be found out, so that a
    slot is never taken from an account that may exist."""
    try:
        with store.unit() as session:
            return session.scalar(select(Staff.id).where(Staff.login == login)) is not None
    except Exception:
        return True


def add_account(
    store: Store, login: str, display_name: str, roles: set[str], password: str,
    supervisor_id: int | None = None,
) -> int:
    """Create an account with its first password; returns the new account's id.

    All or nothing: everything is checked first, then the key-file slot is written, then the
    account row is committed; when the row cannot be committed the slot is taken out again. In
    that order a failure at any step leaves no account without a password: a slot without its
    row opens nothing (signing in needs the row), and a failure after the commit (the audit
    anchor) leaves a whole account, which was added.
    """
    require_role(store.user, ADMIN)
    login, name, role_text = _clean_login(login), _clean_name(display_name), _clean_roles(roles)
    check_new_password(password)
    with store.unit() as session:  # refused before the slot is written: never touch another's
        _check_new_account(session, login, supervisor_id)
    before = _write_first_slot(store, login, password)
    committing = False  # until the block ends, a failure means nothing was committed
    try:
        with store.unit() as session:
            _check_new_account(session, login, supervisor_id)
            staff = Staff(login=login, display_name=name, roles=role_text,
                          supervisor_id=supervisor_id, active=True)
            session.add(staff)
            session.flush()
            store.record(session, audit.ACCOUNT, record_type=audit.STAFF, record_id=staff.id,
                         detail=f"added; roles {role_text}")
            staff_id: int = staff.id
            committing = True
    except BaseException:
        if not committing or not _account_committed(store, login):
            with contextlib.suppress(Exception):  # the first failure is the one to report
                _put_slot_back(store, login, before)
        raise
    return staff_id


def _staff(session: Session, staff_id: int) -> Staff:
    staff = session.get(Staff, staff_id)
    if staff is None:
        raise RecordNotFound()
    return staff


def update_account(
    store: Store, staff_id: int, display_name: str, roles: set[str], supervisor_id: int | None
) -> None:
    """Change a person's name, roles and supervisor."""
    require_role(store.user, ADMIN)
    name, role_text = _clean_name(display_name), _clean_roles(roles)
    with store.unit() as session:
        staff = _staff(session, staff_id)
        if ADMIN not in roles and _active_admins(session) == [staff_id]:
            raise LastAdministrator()
        _check_supervisor(session, supervisor_id, staff_id)
        staff.display_name, staff.roles, staff.supervisor_id = name, role_text, supervisor_id
        store.record(session, audit.ACCOUNT, record_type=audit.STAFF, record_id=staff_id,
                     detail=f"roles {role_text}; supervisor {supervisor_id or '-'}")


def set_active(store: Store, staff_id: int, active: bool) -> None:
    """Disable (removing the password slot) or re-enable an account."""
    require_role(store.user, ADMIN)
    with store.unit() as session:
        staff = _staff(session, staff_id)
        if not active and staff_id == store.user.id:
            raise NotPermitted()
        if not active and _active_admins(session) == [staff_id]:
            raise LastAdministrator()
        staff.active = active
        login = staff.login
        store.record(session, audit.ACCOUNT, record_type=audit.STAFF, record_id=staff_id,
                     detail="enabled" if active else "disabled")
    if not active:
        store.update_keys(lambda keys: keys.without_slot(login))


def reset_password(store: Store, staff_id: int, new_password: str) -> None:
    """An administrator sets someone's password (after which the account can sign in)."""
    require_role(store.user, ADMIN)
    check_new_password(new_password)
    with store.unit() as session:
        staff = _staff(session, staff_id)
        if not staff.active:
            raise AccountDisabled()
        login = staff.login
        store.record(session, audit.PASSWORD, record_type=audit.STAFF, record_id=staff_id,
                     detail="reset by an administrator")
    _set_slot(store, login, new_password)


def change_own_password(store: Store, old_password: str, new_password: str) -> None:
    """The signed-in person replaces their password; the old one must be typed again."""
    check_new_password(new_password)
    keys = keyfile.read_key_file(store.paths.keys)
    slot = keys.slot_for(store.user.login)
    secret = slot_device_secret(keys, slot, store.workstation) if slot else None
    if slot is None or keyfile.open_slot(keys, slot, old_password.encode(), secret) is None:
        raise WrongPassword()
    with store.unit() as session:
        store.record(session, audit.PASSWORD, record_type=audit.STAFF, record_id=store.user.id,
                     detail="changed by its owner")
    _set_slot(store, store.user.login, new_password)


def confirm_own_password(store: Store, password: str) -> None:
    """The signed-in person proves it is them (leaving the plan's together view). A wrong
    password counts as a failed sign-in (and waits after too many), as at the sign-in page."""
    keys = keyfile.read_key_file(store.paths.keys)
    unlock_staff(store.paths.keys, keys, store.user.login, password, store.workstation)


def recover_with_key(
    data_dir: Path, login: str, recovery_key: str, new_password: str,
    workstation: Workstation | None = None,
) -> Store:
    """Set `login`'s password with the recovery key and sign them in. Also makes a new device
    secret when the keyring lost the old one (other people then need a password reset)."""
    workstation = workstation or workstation_module.current_workstation()
    check_new_password(new_password)
    paths = StorePaths(data_dir)
    keys = keyfile.read_key_file(paths.keys)
    data_key = keyfile.unlock_with_recovery_key(keys, recovery_key)
    store = open_with_key(paths, data_key, login, keys, workstation)
    try:
        _set_slot(store, login, new_password, replace_lost=True)
        with store.unit() as session:
            store.record(session, audit.RECOVERY, record_type=audit.STAFF,
                         record_id=store.user.id, detail="password set with the recovery key")
    except BaseException:
        store.close()
        raise
    return store

