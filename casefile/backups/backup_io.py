"""Whole backup files with a data key: writing one and checking one.

`write_backup` exports the database, wraps it with its manifest, reads the result back exactly as
a restore would, and only then gives it its name, which must be new. `unpack` checks a backup in
full (MAC, SHA-256, cipher_integrity_check, integrity_check, schema revision) and leaves its
database at a path of the caller's choosing.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3

from casefile.backups.backup import export_database, is_full, verify_backup
from casefile.backups.backupfile import (
    BackupExists,
    BackupFromNewerWaymark,
    NotABackup,
    check_mac,
    extract_database,
    manifest_document,
    read_manifest,
    write_container,
)
from casefile.db import migrate
from casefile.db.database import key_pragma
from casefile.errors import BackupFailed, BackupKeysDamaged, StorageFull, StoreUnavailable
from casefile.files.fsutil import OWNER_ONLY_FILE, display_path, fsync_dir
from casefile.keys import keyfile
from casefile.store import Store


@dataclass(frozen=True)
class Contents:
    """What a restore needs to know about a backup's database once it has been checked."""

    head: tuple[int, str] | None  # the audit chain's length and last hash
    staff: tuple[int, bool] | None  # the account's id and whether it is active


def remove(*paths: Path) -> None:
    """Delete temporary files (and SQLite's journal beside each) if they are there."""
    for path in paths:
        for leftover in (path, Path(f"{path}-journal")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()


def place_new(temporary: Path, target: Path) -> None:
    """Give `temporary` the name `target` unless that name is taken (checked atomically where the
    file system has hard links; FAT-formatted drives do not)."""
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise BackupExists(path=str(target)) from None
    except OSError:
        if target.exists() or target.is_symlink():
            raise BackupExists(path=str(target)) from None
        os.rename(temporary, target)
    else:
        temporary.unlink()
    fsync_dir(target.parent)


def unpack(source: Path, data_key: bytes, destination: Path, login: str) -> Contents:
    """Check the whole backup with `data_key` and put its database at `destination`."""
    manifest = read_manifest(source)
    check_mac(manifest, data_key, source)
    extract_database(source, manifest, destination)
    try:
        verify_backup(destination, data_key)
    except StoreUnavailable as error:
        raise NotABackup(path=str(source)) from error
    return inspect(destination, data_key, login, source)


def inspect(database: Path, data_key: bytes, login: str, source: Path) -> Contents:
    connection = sqlcipher3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
    try:
        connection.execute(key_pragma(data_key))
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        if revision is None or not migrate.known_revision(str(revision[0])):
            raise BackupFromNewerWaymark(path=str(source))
        has_audit = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_entry'").fetchone()
        head = connection.execute("SELECT id, hash FROM audit_entry ORDER BY id DESC LIMIT 1"
                                  ).fetchone() if has_audit else None
        staff = connection.execute("SELECT id, active FROM staff WHERE login = ?",
                                   (keyfile.normalize_login(login),)).fetchone()
    except sqlcipher3.DatabaseError as error:
        raise NotABackup(path=str(source)) from error
    finally:
        connection.close()
    return Contents(None if head is None else (int(head[0]), str(head[1])),
                     None if staff is None else (int(staff[0]), bool(staff[1])))


def write_backup(store: Store, target: Path) -> Path:
    """Write and verify a backup of `store` at the new name `target` (no role check, no audit)."""
    if target.exists() or target.is_symlink():
        raise BackupExists(path=str(target))
    token = uuid.uuid4().hex
    database, container, checked = (target.with_name(f".{target.name}.{token}.{suffix}")
                                    for suffix in ("db", "tmp", "check"))
    try:
        keys = keyfile.read_key_file(store.paths.keys)
        damage = keyfile.seal_problems(keys, store.data_key)
        if damage:  # a backup of a damaged key file would fail on the day it is restored
            raise BackupKeysDamaged(path=display_path(store.paths.keys), reason="; ".join(damage))
        os.close(os.open(database, os.O_CREAT | os.O_EXCL | os.O_WRONLY, OWNER_ONLY_FILE))
        export_database(store.engine, database, store.data_key)
        revision = migrate.current_revision(store.engine) or ""
        write_container(container, manifest_document(keys, revision, database, store.data_key),
                        database)
        unpack(container, store.data_key, checked, store.user.login)
        place_new(container, target)
    except (OSError, sqlcipher3.Error) as error:
        if is_full(error):
            raise StorageFull() from error
        reason = error.strerror if isinstance(error, OSError) else str(error)
        raise BackupFailed(path=str(target), reason=reason or type(error).__name__) from error
    except (NotABackup, BackupFromNewerWaymark) as error:
        raise BackupFailed(path=str(target), reason="the written file did not verify") from error
    finally:
        remove(database, container, checked)
    return target
