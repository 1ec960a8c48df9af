"""Encrypted backups made with `sqlcipher_export`, never a file copy of a live database.

A backup is written to a temporary file, fsynced, verified by opening it with its key, and only
then renamed over the target: the target is always the old complete file or the new one.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from datetime import UTC, datetime
from pathlib import Path

import sqlcipher3
from sqlalchemy import Engine

from casefile.database import key_pragma
from casefile.errors import StorageFull, StoreUnavailable
from casefile.fsutil import OWNER_ONLY_FILE, ensure_private_dir, fsync_dir
from casefile.paths import StorePaths

BACKUP_SUFFIX = ".wmbackup"


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def verify_backup(path: Path, data_key: bytes) -> None:
    connection = sqlcipher3.connect(str(path))
    try:
        connection.execute(key_pragma(data_key))
        result = connection.execute("PRAGMA integrity_check").fetchone()
    except sqlcipher3.DatabaseError as error:
        raise StoreUnavailable(path=str(path), reason=str(error)) from error
    finally:
        connection.close()
    if result is None or result[0] != "ok":
        raise StoreUnavailable(path=str(path), reason="integrity_check")


def export_backup(engine: Engine, target: Path, data_key: bytes) -> Path:
    """Write an encrypted, verified copy of the database to `target`."""
    temporary = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")
    fd = os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, OWNER_ONLY_FILE)
    os.close(fd)
    try:
        with engine.connect() as connection:
            driver = connection.connection.driver_connection
            assert driver is not None
            driver.execute(f"ATTACH DATABASE ? AS backup KEY \"x'{data_key.hex()}'\"",
                           (str(temporary),))
            try:
                driver.execute("SELECT sqlcipher_export('backup')")
            finally:
                driver.execute("DETACH DATABASE backup")
        _fsync_file(temporary)
        verify_backup(temporary, data_key)
        os.replace(temporary, target)
        fsync_dir(target.parent)
    except sqlcipher3.OperationalError as error:
        raise StorageFull() if "full" in str(error).lower() else error
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
    return target


def backup_before_upgrade(
    engine: Engine, paths: StorePaths, data_key: bytes, revision: str
) -> Path:
    folder = ensure_private_dir(paths.data_dir / "backups")
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return export_backup(engine, folder / f"before-upgrade-{revision}-{stamp}{BACKUP_SUFFIX}",
                         data_key)
