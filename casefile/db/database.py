"""SQLCipher engines opened with a raw 256-bit key, and the safety settings every connection has.

The key is given to SQLCipher as a raw key (`x'<hex>'`), so no passphrase derivation runs per
connection; our own Argon2id derivation happens once, at unlock.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DatabaseError
from sqlalchemy.pool import QueuePool

from casefile.db.walguard import check_wal
from casefile.errors import (
    DatabaseMissing,
    ForeignFile,
    StoreDamaged,
    UnsafeDatabaseSettings,
)

BUSY_TIMEOUT_MS = 5000
# pragma -> the value it must read back as
REQUIRED_PRAGMAS: dict[str, object] = {
    "journal_mode": "wal",
    "synchronous": 2,  # FULL: WAL with NORMAL may lose a committed transaction on power loss
    "foreign_keys": 1,
    "secure_delete": 1,
    "temp_store": 2,  # MEMORY: no plaintext temporary files
    "busy_timeout": BUSY_TIMEOUT_MS,
}
_SETTINGS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA secure_delete=ON",
    "PRAGMA temp_store=MEMORY",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
)


def key_pragma(data_key: bytes) -> str:
    return f"PRAGMA key = \"x'{data_key.hex()}'\""


def _apply_settings(dbapi_connection: Any, data_key: bytes, path: Path, new: bool) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(key_pragma(data_key))
        # Reading the schema proves the key is right before any setting is written. An empty
        # database (a 0-byte file) proves nothing: only a store being created may be empty;
        # anywhere else it is refused before `journal_mode=WAL` could write a header into it.
        tables = cursor.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if tables == 0 and not new:
            raise ForeignFile(path=str(path))
        for statement in _SETTINGS:
            cursor.execute(statement)
    finally:
        cursor.close()


@cache
def quiet_sqlcipher_log() -> None:
    """SQLCipher logs page and HMAC errors to stderr itself; Waymark reports them in plain words.

    The log level is process-wide, so one throwaway connection sets it for every later one.
    """
    connection = sqlcipher3.connect(":memory:")
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")
    finally:
        connection.close()


def make_engine(path: Path, data_key: bytes, *, new: bool = False) -> Engine:
    """An engine for the encrypted database at `path`. Transactions begin explicitly.

    `new` allows the database to be empty (only while a store is being created). A missing
    database is never created: SQLite would otherwise make an empty file in its place. Before
    the first connection, a -wal beside the database must be proven to be its own.
    """
    quiet_sqlcipher_log()
    wal_proven = False

    def connect() -> Any:
        nonlocal wal_proven
        if not path.is_file():
            raise DatabaseMissing(folder=str(path.parent))
        if not wal_proven:  # later connections share the log this process already opened
            check_wal(path, data_key)
            wal_proven = True
        connection = sqlcipher3.connect(str(path), check_same_thread=False)
        connection.isolation_level = None  # SQLAlchemy's "begin" event below emits BEGIN
        try:
            _apply_settings(connection, data_key, path, new)
        except BaseException:
            connection.close()
            raise
        return connection

    # A file database gets its own pool of connections (the default for a URL without a path
    # would be one connection per thread, meant for in-memory databases).
    engine = create_engine(
        "sqlite+pysqlite://", creator=connect, module=sqlcipher3, poolclass=QueuePool
    )

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def check_pragmas(engine: Engine) -> None:
    """Refuse to run unless every connection setting of DESIGN.md is in force."""
    with engine.connect() as connection:
        for name, wanted in REQUIRED_PRAGMAS.items():
            value = connection.exec_driver_sql(f"PRAGMA {name}").scalar()
            if str(value).lower() != str(wanted):
                raise UnsafeDatabaseSettings(setting=f"{name}={value}")


def probe(engine: Engine, path: Path) -> None:
    """Open one connection; a wrong key or a foreign file becomes a clear error."""
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
    except DatabaseError as error:
        message = str(error.orig).lower()
        if "not a database" in message or "encrypted" in message:
            raise ForeignFile(path=str(path)) from error
        raise StoreDamaged(path=str(path), reason=str(error.orig)) from error
