"""Making backups and restoring them: the operations behind `waymark-admin backup|restore` and the
desktop's backup screens (Qt-free; each owns its files and units of work).

A backup is written beside its target, fsynced, verified the way a restore reads it (manifest,
MAC, SHA-256, cipher_integrity_check, integrity_check) and only then given its name, which must
be new: an existing file is never replaced. A restore changes nothing until the backup has been
read and checked in full; the database is then swapped in with one rename.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import sqlcipher3
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from casefile import workstation as workstation_module
from casefile.backups.backup import BACKUP_SUFFIX
from casefile.backups.backup_io import remove, unpack, write_backup
from casefile.backups.backupfile import read_manifest
from casefile.db.database import key_pragma, make_engine
from casefile.errors import AccountDisabled, StoreDamaged, WaymarkError, WrongPassword
from casefile.files.fsutil import ensure_private_dir, fsync_dir
from casefile.files.paths import DB_NAME, KEYS_NAME, StorePaths, StoreState
from casefile.keys import keyfile
from casefile.keys.unlock import with_staff_slot
from casefile.staff.access import require_role
from casefile.staff.accounts import check_new_password
from casefile.store import ADMIN, Store, open_with_key
from casefile.trail import audit
from casefile.trail.health import check_before_writing
from casefile.workstation import Workstation
from i18n import N_

RESTORING_SUFFIX = ".restoring"
PRE_RESTORE_FOLDER = "backups"
LOCK_TIMEOUT_SECONDS = 2.0


class ForeignBackup(WaymarkError):
    message = N_("The backup {path} belongs to another Waymark installation, so it cannot "
                 "replace this store. Nothing was changed.")


class AccountNotInBackup(WaymarkError):
    message = N_("The backup has no active account with the sign-in name {login}. "
                 "Nothing was changed.")


class FolderNotEmpty(WaymarkError):
    message = N_("The data folder {folder} holds part of a store, so nothing was restored there; "
                 "move its files to another folder first.")


class StoreInUse(WaymarkError):
    message = N_("The database is open in another Waymark window or command; close it and "
                 "restore again. The store was left as it was.")


@dataclass(frozen=True)
class BackupInfo:
    """What a backup file says about itself before any key is given."""

    created_at: datetime
    installation_id: str


def check_backup_file(source: Path) -> BackupInfo:
    """Read a backup's manifest (no key needed): NotABackup or BackupFromNewerWaymark when it
    cannot be restored. Cheap; call it before asking for a password or recovery key."""
    manifest = read_manifest(source)
    return BackupInfo(manifest.created_at, manifest.installation_id)


def make_backup(store: Store, target: Path) -> Path:
    """Write an encrypted, verified backup of the store to `target`, a file that must not exist
    yet (BackupExists otherwise). Administrators only; audited. Returns `target`."""
    require_role(store.user, ADMIN)
    write_backup(store, target)
    with store.unit() as session:
        store.record(session, audit.BACKUP)  # not the file name: people may name it after a youth
    return target


def _pre_restore_target(paths: StorePaths) -> Path:
    folder = ensure_private_dir(paths.data_dir / PRE_RESTORE_FOLDER)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target, number = folder / f"before-restore-{stamp}{BACKUP_SUFFIX}", 1
    while target.exists():
        number += 1
        target = folder / f"before-restore-{stamp}-{number}{BACKUP_SUFFIX}"
    return target


def _is_sound(store: Store) -> bool:
    """Whether the store passes the checks of a sign-in (it may be opened only to inspect)."""
    keys = keyfile.read_key_file(store.paths.keys)
    try:
        check_before_writing(store.engine, keys, store.data_key, str(store.paths.database))
    except (StoreDamaged, DatabaseError):
        return False
    return True


def _set_aside(paths: StorePaths, with_keys: bool = False) -> Path:
    """Move a damaged database and its -wal and -shm (and the key file), byte for byte, into a
    new folder under `backups/`; returns the folder."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    folder = ensure_private_dir(paths.data_dir / PRE_RESTORE_FOLDER)
    target, number = folder / f"damaged-{stamp}", 1
    while target.exists():
        number += 1
        target = folder / f"damaged-{stamp}-{number}"
    ensure_private_dir(target)
    names = [DB_NAME + suffix for suffix in ("-wal", "-shm", "")]  # the database after its log
    for name in [*names, KEYS_NAME] if with_keys else names:
        found = paths.data_dir / name
        if found.exists():
            os.replace(found, target / name)
    fsync_dir(target)
    fsync_dir(paths.data_dir)
    return target


def _put_back(aside: Path, paths: StorePaths) -> None:
    for found in sorted(aside.iterdir(), key=lambda p: p.name != KEYS_NAME):
        os.replace(found, paths.data_dir / found.name)
    aside.rmdir()
    fsync_dir(paths.data_dir)


def restore_over_refused_store(
    source: Path, data_dir: Path, login: str, recovery_key: str, new_password: str,
    workstation: Workstation | None = None,
) -> tuple[Store, Path]:
    """Restore `source` with the recovery key over a store that cannot be opened (damaged, or
    with a log that is not its own). Its files are first moved aside, byte for byte, into
    `backups/damaged-…/` (returned); if the restore fails they are put back as they were."""
    check_new_password(new_password)
    paths = StorePaths(data_dir)
    manifest = read_manifest(source)
    keyfile.unlock_with_recovery_key(manifest.keys, recovery_key)  # before anything moves
    try:
        installation: str | None = keyfile.read_key_file(paths.keys).installation_id
    except WaymarkError:  # an unreadable key file: the backup's own recovery slot decides
        installation = None
    if installation not in (None, manifest.installation_id):
        raise ForeignBackup(path=str(source))
    aside = _set_aside(paths, with_keys=True)
    try:
        store = restore_to_new_workstation(source, data_dir, login, recovery_key, new_password,
                                           workstation)
    except BaseException:
        _put_back(aside, paths)
        raise
    return store, aside


def _swap_in(paths: StorePaths, data_key: bytes, restoring: Path) -> None:
    """Replace the database with `restoring`, once no other connection has it open and its WAL is
    checkpointed (an old WAL must never be replayed onto the restored file)."""
    connection = sqlcipher3.connect(str(paths.database), timeout=LOCK_TIMEOUT_SECONDS,
                                    isolation_level=None)
    try:
        connection.execute(key_pragma(data_key))
        connection.execute("PRAGMA locking_mode=EXCLUSIVE")
        try:
            connection.execute("BEGIN EXCLUSIVE")
            connection.execute("COMMIT")
        except sqlcipher3.OperationalError as error:
            raise StoreInUse() from error
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
    os.replace(restoring, paths.database)
    fsync_dir(paths.data_dir)


def _anchor_at(paths: StorePaths, data_key: bytes, head: tuple[int, str] | None) -> None:
    def anchored(keys: keyfile.KeyFile) -> keyfile.KeyFile:
        anchor = None if head is None else keyfile.make_anchor(keys, data_key, *head)
        return replace(keys, audit=anchor)

    keyfile.update_key_file(paths.keys, anchored, data_key)


def _audit_restore(
    paths: StorePaths, data_key: bytes, login: str, workstation: Workstation, detail: str
) -> None:
    """Append the RESTORE entry, as `login` when the restored database has that account."""
    keys = keyfile.read_key_file(paths.keys)
    try:
        store = open_with_key(paths, data_key, login, keys, workstation)  # migrates if older
    except (WrongPassword, AccountDisabled):  # the backup predates this account
        engine = make_engine(paths.database, data_key)
        try:
            with Session(engine) as session, session.begin():
                entry = audit.append(session, keys.installation_id, audit.Actor(None, login),
                                     audit.RESTORE, detail=detail)
                head = (entry.id, entry.hash)
        finally:
            engine.dispose()
        _anchor_at(paths, data_key, head)
        return
    try:
        with store.unit() as session:
            store.record(session, audit.RESTORE, detail=detail)
    finally:
        store.close()


def restore_backup(store: Store, source: Path) -> Path:
    """Replace the open store's database with the backup `source` (administrators only).

    The backup must come from this installation. The current database is first written as a
    backup into the data folder's `backups/` folder, whose path is returned. The key file keeps
    its slots; its audit anchor moves to the restored chain's head and the restore is audited.
    `store` is closed afterwards in every case: sign in again to go on.
    """
    try:
        require_role(store.user, ADMIN)
        manifest = read_manifest(source)
        if manifest.installation_id != store.installation_id:
            raise ForeignBackup(path=str(source))
        paths, data_key, login = store.paths, store.data_key, store.user.login
        restoring = paths.data_dir / (DB_NAME + RESTORING_SUFFIX)
        remove(restoring)
        try:
            contents = unpack(source, data_key, restoring, login)
            if _is_sound(store):
                kept = write_backup(store, _pre_restore_target(paths))
                store.close()
                _swap_in(paths, data_key, restoring)
            else:  # no export of a damaged database: its files are kept aside as they are
                store.close()
                kept = _set_aside(paths)
                os.replace(restoring, paths.database)
                fsync_dir(paths.data_dir)
        finally:
            remove(restoring)
        _anchor_at(paths, data_key, contents.head)
        detail = f"backup made {manifest.created_at.isoformat()}; previous database {kept.name}"
        _audit_restore(paths, data_key, login, store.workstation, detail)
    finally:
        store.close()
    return kept


def _require_empty(paths: StorePaths) -> None:
    if paths.state() is not StoreState.NEW or paths.leftovers():
        raise FolderNotEmpty(folder=str(paths.data_dir))


def _keys_for_here(
    keys: keyfile.KeyFile, workstation: Workstation, data_key: bytes, login: str,
    password: str, head: tuple[int, str] | None,
) -> keyfile.KeyFile:
    """The backup's key file made for this workstation: staff slots that need another
    workstation's device secret dropped, a new slot for `login`, the anchor at `head`."""
    keys = replace(keys, failures=(), failed_sign_ins=(), audit=None)
    if workstation.keystore is None:  # no keyring here: slots tied to a keyring cannot open
        keys = replace(keys, slots=tuple(s for s in keys.slots if not s.device),
                       device_fingerprint=None)
    keys = with_staff_slot(keys, workstation, login, password, data_key, replace_lost=True)
    return keys if head is None else replace(
        keys, audit=keyfile.make_anchor(keys, data_key, *head))


def restore_to_new_workstation(
    source: Path, data_dir: Path, login: str, recovery_key: str, new_password: str,
    workstation: Workstation | None = None,
) -> Store:
    """Restore `source` into the empty `data_dir` (a new or rebuilt workstation) with the
    recovery key, giving `login` the password `new_password` here. Other staff whose passwords
    were tied to the old workstation's keyring need a password reset. Returns the store, signed
    in as `login`; the restore is audited. Nothing is left in `data_dir` on failure."""
    workstation = workstation or workstation_module.current_workstation()
    check_new_password(new_password)
    paths = StorePaths(data_dir)
    _require_empty(paths)
    manifest = read_manifest(source)
    data_key = keyfile.unlock_with_recovery_key(manifest.keys, recovery_key)
    made_folder = not data_dir.exists()
    ensure_private_dir(data_dir)
    wrote_keys = False
    try:
        remove(paths.creating)  # a setup that never finished
        contents = unpack(source, data_key, paths.creating, login)
        if contents.staff is None or not contents.staff[1]:
            raise AccountNotInBackup(login=keyfile.normalize_login(login))
        keys = _keys_for_here(manifest.keys, workstation, data_key, login, new_password,
                              contents.head)
        keyfile.write_key_file(paths.keys, keys, data_key)
        wrote_keys = True
        os.replace(paths.creating, paths.database)
        fsync_dir(data_dir)
    except BaseException:
        remove(paths.creating)
        if wrote_keys and not paths.database.exists():
            remove(paths.keys)
        if made_folder:
            with contextlib.suppress(OSError):
                data_dir.rmdir()
        raise
    store = open_with_key(paths, data_key, login, keys, workstation)
    try:
        with store.unit() as session:
            store.record(session, audit.RESTORE, detail="onto a new workstation; backup made "
                         f"{manifest.created_at.isoformat()}")
    except BaseException:
        store.close()
        raise
    return store
