"""Create and open the encrypted store, and run units of work on it.

The GUI and the command line reach the store only through operation functions that take a
`Store` and use `Store.unit()`: one session and one transaction per user action.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from casefile import keyfile, migrate
from casefile.backup import backup_before_upgrade
from casefile.crypto import KdfParams, random_key
from casefile.database import check_pragmas, make_engine, probe
from casefile.errors import (
    AccountDisabled,
    EditConflict,
    StorageFull,
    StoreBusy,
    StoreExists,
    StoreMissing,
    StoreUnavailable,
    WrongPassword,
)
from casefile.fsutil import OWNER_ONLY_FILE, ensure_private_dir, fsync_dir
from casefile.models import Staff
from casefile.paths import StorePaths, StoreState
from casefile.recovery import new_recovery_key

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


class Store:
    """An open, unlocked store. Holds the engine (and so the key) until `close()`."""

    def __init__(self, paths: StorePaths, engine: Engine, user: StaffMember) -> None:
        self.paths = paths
        self.user = user
        self._engine: Engine | None = engine

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise RuntimeError("the store is closed")
        return self._engine

    @contextlib.contextmanager
    def unit(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error."""
        try:
            with Session(self.engine, expire_on_commit=False) as session, session.begin():
                yield session
        except StaleDataError as error:
            raise EditConflict() from error
        except OperationalError as error:
            reason = str(error.orig).lower()
            if "full" in reason:
                raise StorageFull() from error
            if "locked" in reason or "busy" in reason:
                raise StoreBusy() from error
            raise StoreUnavailable(path=str(self.paths.database), reason=str(error.orig)) from error
        except DatabaseError as error:
            raise StoreUnavailable(path=str(self.paths.database), reason=str(error.orig)) from error

    def close(self) -> None:
        """Close every connection and drop the key."""
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

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


def _prepare(engine: Engine, paths: StorePaths, data_key: bytes) -> None:
    """Check the key and the settings, then migrate after an automatic encrypted backup."""
    probe(engine, paths.database)
    check_pragmas(engine)

    def back_up_first(current: str | None) -> None:
        if current is not None:
            backup_before_upgrade(engine, paths, data_key, current)

    migrate.upgrade(engine, before=back_up_first)


def create_store(
    data_dir: Path, login: str, display_name: str, password: str, kdf: KdfParams | None = None
) -> tuple[Store, str]:
    """Create a new store with its first administrator. Returns it and the recovery key."""
    paths = StorePaths(data_dir)
    if paths.state() is not StoreState.NEW or paths.leftovers():
        raise StoreExists(folder=str(data_dir))
    ensure_private_dir(data_dir)
    _remove_unfinished(paths)
    data_key, recovery_key = random_key(), new_recovery_key()
    keys = keyfile.new_key_file()
    keys = keys.with_slot(keyfile.staff_slot(keys, login, password, data_key, kdf))
    keys = keys.with_slot(keyfile.recovery_slot(keys, recovery_key, data_key, kdf))
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
    keyfile.write_key_file(paths.keys, keys)
    os.replace(paths.creating, paths.database)
    fsync_dir(paths.data_dir)
    return open_store(data_dir, login, password), recovery_key


def _check_state(paths: StorePaths) -> None:
    if paths.state() is StoreState.NEW:
        raise StoreMissing(folder=str(paths.data_dir))
    problem = paths.missing_file()
    if problem is not None:
        raise problem


def _signed_in(engine: Engine, login: str) -> StaffMember:
    with Session(engine) as session, session.begin():
        staff = session.scalars(
            select(Staff).where(Staff.login == keyfile.normalize_login(login))
        ).one_or_none()
        if staff is None:
            raise WrongPassword()
        if not staff.active:
            raise AccountDisabled()
        return StaffMember(staff.id, staff.login, staff.display_name, staff.role_set())


def open_store(data_dir: Path, login: str, password: str) -> Store:
    """Unlock the store with a staff password. Writes nothing when the password is wrong."""
    paths = StorePaths(data_dir)
    _check_state(paths)
    keys = keyfile.read_key_file(paths.keys)
    data_key = keyfile.unlock_with_password(keys, login, password)
    engine = make_engine(paths.database, data_key)
    try:
        _prepare(engine, paths, data_key)
        user = _signed_in(engine, login)
    except DatabaseError as error:  # damage past the first page, found while reading
        engine.dispose()
        raise StoreUnavailable(path=str(paths.database), reason=str(error.orig)) from error
    except BaseException:
        engine.dispose()
        raise
    return Store(paths, engine, user)
