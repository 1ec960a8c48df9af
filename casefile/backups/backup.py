"""Encrypted backups made with `sqlcipher_export`, never a file copy of a live database.

A backup is written to a temporary file, fsynced, verified by opening it with its key, and only
then renamed over the target: the target is always the old complete file or the new one.
"""

from __future__ import annotations

import contextlib
import errno
import os
import uuid
from datetime import UTC, datetime
from pathlib import Path

import sqlcipher3
from sqlalchemy import Engine

from casefile.db.database import key_pragma
from casefile.errors import BackupFailed, StorageFull, StoreUnavailable
from casefile.files.fsutil import OWNER_ONLY_FILE, ensure_private_dir, fsync_dir
from casefile.files.paths import StorePaths

BACKUP_SUFFIX = ".wmbackup"


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def verify_backup(path: Path, data_key: bytes) -> None:
    """Open `path` read-only with `data_key`; every page's HMAC and the structure must be ok."""
    connection = sqlcipher3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        connection.execute(key_pragma(data_key))
        damaged = connection.execute("PRAGMA cipher_integrity_check").fetchall()
        result = connection.execute("PRAGMA integrity_check").fetchone()
    except sqlcipher3.DatabaseError as error:
        raise StoreUnavailable(path=str(path), reason=str(error)) from error
    finally:
        connection.close()
    if damaged:
        raise StoreUnavailable(path=str(path), reason="cipher_integrity_check")
    if result is None or result[0] != "ok":
        raise StoreUnavailable(path=str(path), reason="integrity_check")


def export_database(engine: Engine, temporary: Path, data_key: bytes) -> None:
    """Copy the database, encrypted with `data_key`, into the empty file `temporary`."""
    with engine.connect() as connection:
        driver = connection.connection.driver_connection
        assert driver is not None
        driver.execute(f"ATTACH DATABASE ? AS backup KEY \"x'{data_key.hex()}'\"",
                       (str(temporary),))
        try:
            driver.execute("SELECT sqlcipher_export('backup')")
        finally:
            driver.execute("DETACH DATABASE backup")


def is_full(error: Exception) -> bool:
    if isinstance(error, OSError):
        return error.errno in (errno.ENOSPC, errno.EDQUOT)
    return "full" in str(error).lower()


def export_backup(engine: Engine, target: Path, data_key: bytes) -> Path:
    """Write an encrypted, verified copy of the database to `target`.

    On any failure the target is left as it was and no temporary file remains.
    """
    temporary = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")
    try:
        os.close(os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, OWNER_ONLY_FILE))
        export_database(engine, temporary, data_key)
        _fsync_file(temporary)
        verify_backup(temporary, data_key)
        os.replace(temporary, target)
        fsync_dir(target.parent)
    except (OSError, sqlcipher3.Error) as error:
        if is_full(error):
            raise StorageFull() from error
        raise BackupFailed(path=str(target), reason=str(error)) from error
    finally:
        for leftover in (temporary, Path(f"{temporary}-journal")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
    return target


def backup_before_upgrade(
    engine: Engine, paths: StorePaths, data_key: bytes, revision: str
) -> Path:
    folder = ensure_private_dir(paths.data_dir / "backups")
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return export_backup(engine, folder / f"before-upgrade-{revision}-{stamp}{BACKUP_SUFFIX}",
                         data_key)
