"""Create and open the encrypted store, and run units of work on it.

The GUI and the command line reach the store only through operation functions that take a
`Store` and use `Store.unit()`: one session and one transaction per user action.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from casefile import workstation as workstation_module
from casefile.backups.backup import backup_before_upgrade
from casefile.db import migrate
from casefile.db.database import check_pragmas, make_engine, probe
from casefile.db.models import Staff
from casefile.db.models.base import from_timestamp
from casefile.errors import (
    AccountDisabled,
    EditConflict,
    StorageFull,
    StoreBusy,
    StoreDamaged,
    StoreExists,
    StoreUnavailable,
    WaymarkError,
    WrongPassword,
)
from casefile.files.fsutil import (
    OWNER_ONLY_FILE,
    display_path,
    ensure_private_dir,
    file_errors,
    fsync_dir,
)
from casefile.files.paths import StorePaths, StoreState
from casefile.keys import keyfile
from casefile.keys.crypto import KdfParams, random_key
from casefile.keys.recovery import new_recovery_key
from casefile.keys.unlock import after_unlock, with_staff_slot
from casefile.trail import audit
from casefile.trail.health import check_before_writing
from casefile.unlocking import Unlocked, unlock_with_password
from casefile.workstation import Workstation

log = logging.getLogger(__name__)

ADMIN = "admin"
CASEWORKER = "caseworker"
SUPERVISOR = "supervisor"


@dataclass(frozen=True)
class StaffMember:
    """The person signed in."""

    id: int
    login: str
    display_name: str
    roles: frozenset[str]

    @property
    def sees_cases(self) -> bool:
        return bool(self.roles & {CASEWORKER, SUPERVISOR})


DISK_NEARLY_FULL_BYTES = 1024 * 1024


def _disk_nearly_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < DISK_NEARLY_FULL_BYTES
    except OSError:
        return False


def database_error(error: DatabaseError, paths: StorePaths) -> WaymarkError:
    """What a database error means for the person. SQLite reports some writes on a full disk
    as an I/O error (the shared-memory index, the log): said as a full disk, not as damage."""
    reason = str(error.orig).lower()
    if "full" in reason or ("i/o" in reason and _disk_nearly_full(paths.data_dir)):
        return StorageFull()
    if isinstance(error, OperationalError) and ("locked" in reason or "busy" in reason):
        return StoreBusy()
    return StoreUnavailable(path=display_path(paths.database), reason=str(error.orig))


class Store:
    """An open, unlocked store. Holds the engine and the data key until `close()`."""

    def __init__(
        self, paths: StorePaths, engine: Engine, user: StaffMember, data_key: bytes,
        installation_id: str, workstation: Workstation,
    ) -> None:
        self.paths = paths
        self.user = user
        self.installation_id = installation_id
        self.workstation = workstation
        self._engine: Engine | None = engine
        self._data_key: bytes | None = data_key
        self._unanchored: tuple[tuple[int, str], int] | None = None  # committed, not anchored
        self.stale_key_copies = 0  # temporary key files a crash left, removed at this open

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise RuntimeError("the store is closed")
        return self._engine

    @property
    def data_key(self) -> bytes:
        if self._data_key is None:
            raise RuntimeError("the store is closed")
        return self._data_key

    @property
    def actor(self) -> audit.Actor:
        return audit.Actor(self.user.id, self.user.login)

    def record(self, session: Session, action: str, **details: Any) -> None:
        """Add an audit entry for the signed-in person to this unit of work."""
        audit.append(session, self.installation_id, self.actor, action, **details)

    @contextlib.contextmanager
    def unit(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error. Audit
        entries written in it are anchored in the key file once the commit has returned."""
        try:
            with Session(self.engine, expire_on_commit=False) as session:
                with session.begin():
                    yield session
                tail: tuple[int, str] | None = session.info.get("audit_tail")
                first: int | None = session.info.get("audit_first")
        except StaleDataError as error:
            raise EditConflict() from error
        except DatabaseError as error:
            raise database_error(error, self.paths) from error
        self._anchor_committed(tail, first)

    def _anchor_committed(self, tail: tuple[int, str] | None, first: int | None) -> None:
        """Move the anchor after a commit. The change is saved whatever happens here: when the
        key file cannot be written (a full disk), the anchor stays behind, which `verify` and
        the next open accept, and catches up at the next unit of work."""
        if tail is None:
            tail, first = self._unanchored or (None, None)
        if tail is None or first is None:
            return
        try:
            self._anchor(tail, first)
        except (WaymarkError, OSError) as error:
            if self._unanchored is None:
                self._unanchored = (tail, first)
            else:
                self._unanchored = (tail, self._unanchored[1])
            log.warning("the audit anchor could not be moved (%s); it catches up later",
                        type(error).__name__)
            return
        self._unanchored = None

    def _anchor(self, tail: tuple[int, str], first: int) -> None:
        """Move the key file's anchor forward to `tail`, unless the anchored entry was altered
        or the anchor was removed while entries existed (then the key file stays as it is, as
        evidence for `verify`). Only a key file from before the audit trail has no anchor."""
        count, head = tail

        def moved(keys: keyfile.KeyFile) -> keyfile.KeyFile:
            anchor = keys.audit
            if anchor is None and first != 1:
                return keys
            if anchor is not None and anchor.count >= count:
                return keys
            if not keyfile.anchor_is_authentic(keys, self.data_key):
                return keys
            with Session(self.engine) as session, session.begin():
                if not audit.anchored_entry_matches(session, anchor):
                    return keys
            return replace(keys, audit=keyfile.make_anchor(keys, self.data_key, count, head))

        self.update_keys(moved)

    def update_keys(self, change: Callable[[keyfile.KeyFile], keyfile.KeyFile]) -> keyfile.KeyFile:
        """Change the key file; the parts changed are sealed with the data key."""
        return keyfile.update_key_file(self.paths.keys, change, self.data_key)

    def close(self) -> None:
        """Close every connection and drop the key."""
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
        self._data_key = None

    @property
    def is_open(self) -> bool:
        return self._engine is not None


def _create_private_file(path: Path) -> None:
    """Create `path` empty and owner-only, so SQLite's -wal and -shm inherit its mode."""
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, OWNER_ONLY_FILE)
    os.close(fd)


def _remove_unfinished(paths: StorePaths) -> None:
    """Remove the temporary database of a setup that never finished (never the real one)."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(paths.creating) + suffix).unlink(missing_ok=True)


def _prepare(
    engine: Engine, paths: StorePaths, data_key: bytes, keys: keyfile.KeyFile, inspect: bool
) -> None:
    """Check the key, the settings and the database's health before anything is written to it,
    then migrate after an automatic encrypted backup. To `inspect` (verify) a store is to open
    it as it is: no health gate, no migration, nothing written."""
    probe(engine, paths.database)
    check_pragmas(engine)
    if inspect:
        return
    check_before_writing(engine, keys, data_key, display_path(paths.database))

    def back_up_first(current: str | None) -> None:
        if current is not None:
            backup_before_upgrade(engine, paths, data_key, current)

    migrate.upgrade(engine, before=back_up_first)


def create_store(
    data_dir: Path, login: str, display_name: str, password: str, kdf: KdfParams | None = None,
    workstation: Workstation | None = None,
) -> tuple[Store, str]:
    """Create a new store with its first administrator. Returns it and the recovery key."""
    workstation = workstation or workstation_module.current_workstation()
    paths = StorePaths(data_dir)
    if paths.state() is not StoreState.NEW or paths.leftovers():
        raise StoreExists(folder=display_path(data_dir))
    with file_errors(data_dir):
        ensure_private_dir(data_dir)
        _remove_unfinished(paths)
    data_key, recovery_key = random_key(), new_recovery_key()
    keys = with_staff_slot(keyfile.new_key_file(), workstation, login, password, data_key,
                           kdf=kdf)
    keys = keys.with_slot(keyfile.recovery_slot(keys, recovery_key, data_key, kdf))
    keys = replace(keys, audit=keyfile.make_anchor(
        keys, data_key, 0, audit.genesis(keys.installation_id)))  # an empty trail, anchored
    with file_errors(paths.creating):
        _create_private_file(paths.creating)
    engine = make_engine(paths.creating, data_key, new=True)
    try:
        check_pragmas(engine)
        migrate.upgrade(engine)
        with Session(engine) as session, session.begin():
            session.add(Staff(login=keyfile.normalize_login(login), display_name=display_name,
                              roles=f"{ADMIN},{CASEWORKER}"))
    finally:
        engine.dispose()
    keyfile.write_key_file(paths.keys, keys, data_key)
    with file_errors(paths.database):
        os.replace(paths.creating, paths.database)
        fsync_dir(paths.data_dir)
    return open_store(data_dir, login, password, workstation), recovery_key


def _signed_in(session: Session, login: str) -> StaffMember:
    staff = session.scalars(
        select(Staff).where(Staff.login == keyfile.normalize_login(login))
    ).one_or_none()
    if staff is None:
        raise WrongPassword()
    if not staff.active:
        raise AccountDisabled()
    return StaffMember(staff.id, staff.login, staff.display_name, staff.role_set())


def _record_sign_in(store: Store, keys: keyfile.KeyFile, action: str) -> None:
    """Copy failed sign-ins waiting in the key file into the audit trail, then this one."""
    pending = keys.failed_sign_ins
    with store.unit() as session:
        for failed in pending:
            audit.append(session, store.installation_id, audit.Actor(None, failed.login),
                         audit.SIGN_IN_FAILED, at=from_timestamp(failed.at))
        store.record(session, action)
    if pending:
        store.update_keys(lambda current: replace(current, failed_sign_ins=tuple(
            f for f in current.failed_sign_ins if f not in pending)))


def open_with_key(
    paths: StorePaths, data_key: bytes, login: str, keys: keyfile.KeyFile,
    workstation: Workstation, *, inspect: bool = False,
) -> Store:
    """Open the database with a data key already unwrapped, as `login`. Temporary key files a
    crash left behind are removed first; a damaged database is refused before any write."""
    stale = keyfile.clean_key_folder(paths.keys)
    engine = make_engine(paths.database, data_key)
    try:
        _prepare(engine, paths, data_key, keys, inspect)
        with Session(engine) as session, session.begin():
            user = _signed_in(session, login)
    except DatabaseError as error:  # damage past the first page, found while reading
        engine.dispose()
        found = database_error(error, paths)
        if isinstance(found, StoreUnavailable):  # nothing was written yet: say it is damaged
            found = StoreDamaged(path=display_path(paths.database), reason=str(error.orig))
        raise found from error
    except BaseException:
        engine.dispose()
        raise
    store = Store(paths, engine, user, data_key, keys.installation_id, workstation)
    store.stale_key_copies = stale
    return store


def open_store(
    data_dir: Path, login: str, password: str, workstation: Workstation | None = None,
    action: str = audit.SIGN_IN, *, inspect: bool = False,
) -> Store:
    """Unlock the store with a staff password. A wrong password writes nothing but the key
    file's failure count; a damaged store is refused before anything is written. With
    `inspect`, the store is opened as it is and nothing is written until `complete_sign_in`."""
    workstation = workstation or workstation_module.current_workstation()
    unlocked = unlock_with_password(data_dir, login, password, workstation)
    return open_unlocked(unlocked, login, password, workstation, action, inspect=inspect)


def open_unlocked(
    unlocked: Unlocked, login: str, password: str, workstation: Workstation,
    action: str = audit.SIGN_IN, *, inspect: bool = False,
) -> Store:
    """Open the store with a data key `casefile.unlocking` unwrapped with `login`'s password
    (see `open_store`)."""
    store = open_with_key(unlocked.paths, unlocked.data_key, login, unlocked.keys, workstation,
                          inspect=inspect)
    if not inspect:
        complete_sign_in(store, password, action)
    return store


def complete_sign_in(store: Store, password: str, action: str = audit.SIGN_IN) -> None:
    """What a successful sign-in writes: the key file's failures cleared (and its seals or
    device secret brought up to date), waiting failed sign-ins and this one in the audit trail.
    Closes the store if that fails."""
    login = store.user.login
    try:
        keys = store.update_keys(lambda current: after_unlock(
            current, login, password, store.data_key, store.workstation))
        _record_sign_in(store, keys, action)
    except BaseException:
        store.close()
        raise
