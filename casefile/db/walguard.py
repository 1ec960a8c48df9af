"""Prove that a `-wal` beside the database is this database's before SQLite may apply it.

SQLite applies whatever write-ahead log lies beside a database when the first connection opens
it; it never checks that the log belongs to that database. A log copied from another store (or
restored file by file from a backup) would overwrite pages of `waymark.db` and then be deleted.

So before the first connection, the log is read the way SQLite's recovery reads it (header,
salts, cumulative checksums, commit frames) and every frame SQLite would apply must carry a valid
SQLCipher page MAC under this database's key and salt. Frames SQLite would ignore (a torn write
after a crash, an old generation after a checkpoint) are harmless and allowed. Nothing is
written: the files stay byte for byte as they were.
"""

from __future__ import annotations

import hashlib
import hmac
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from casefile.errors import ForeignWal

PAGE_SIZE = 4096  # SQLCipher 4's default, used by every Waymark database
SALT_BYTES = 16  # the first bytes of the database file: SQLCipher's key-derivation salt
HMAC_BYTES = 64  # HMAC-SHA512 at the end of every page
HMAC_SALT_MASK = 0x3A
FAST_KDF_ITER = 2
WAL_HEADER = 32
FRAME_HEADER = 24
WAL_MAGIC = 0x377F0682
WAL_VERSION = 3007000


@dataclass(frozen=True)
class _Header:
    big_endian: bool
    page_size: int
    salts: bytes
    checksum: tuple[int, int]


@dataclass(frozen=True)
class _Frame:
    header: bytes
    page: bytes

    @property
    def page_number(self) -> int:
        return int(struct.unpack(">I", self.header[:4])[0])

    @property
    def commits(self) -> bool:
        return bool(struct.unpack(">I", self.header[4:8])[0] != 0)

    @property
    def salts(self) -> bytes:
        return self.header[8:16]

    @property
    def checksum(self) -> tuple[int, int]:
        first, second = struct.unpack(">II", self.header[16:24])
        return first, second


def wal_path(database: Path) -> Path:
    return database.with_name(database.name + "-wal")


def _checksum(data: bytes, big_endian: bool, start: tuple[int, int]) -> tuple[int, int]:
    """SQLite's WAL checksum (walChecksumBytes) over `data`, continuing from `start`."""
    words = struct.unpack(f"{'>' if big_endian else '<'}{len(data) // 4}I", data)
    s1, s2 = start
    for i in range(0, len(words), 2):
        s1 = (s1 + words[i] + s2) & 0xFFFFFFFF
        s2 = (s2 + words[i + 1] + s1) & 0xFFFFFFFF
    return s1, s2


def _read_header(raw: bytes) -> _Header | None:
    """The log's header, or None when SQLite would ignore the whole log."""
    if len(raw) < WAL_HEADER:
        return None
    magic, version, page_size = struct.unpack(">III", raw[:12])
    if magic & 0xFFFFFFFE != WAL_MAGIC or version != WAL_VERSION:
        return None
    if page_size < 512 or page_size > 65536 or page_size & (page_size - 1):
        return None
    big_endian = bool(magic & 1)
    stored = struct.unpack(">II", raw[24:32])
    if _checksum(raw[:24], big_endian, (0, 0)) != stored:
        return None
    return _Header(big_endian, page_size, raw[16:24], stored)


def _frames(handle: object, header: _Header) -> Iterator[_Frame]:
    read = handle.read  # type: ignore[attr-defined]
    while True:
        frame_header = read(FRAME_HEADER)
        page = read(header.page_size)
        if len(frame_header) < FRAME_HEADER or len(page) < header.page_size:
            return
        yield _Frame(frame_header, page)


def _applied_frames(path: Path, header: _Header) -> list[_Frame]:
    """The frames SQLite's recovery would apply: the valid prefix up to its last commit."""
    applied: list[_Frame] = []
    pending: list[_Frame] = []
    checksum = header.checksum
    with path.open("rb") as handle:
        handle.seek(WAL_HEADER)
        for frame in _frames(handle, header):
            if frame.salts != header.salts or frame.page_number == 0:
                break
            checksum = _checksum(frame.header[:8] + frame.page, header.big_endian, checksum)
            if checksum != frame.checksum:
                break
            pending.append(frame)
            if frame.commits:
                applied += pending
                pending = []
    return applied


def _current_frames(path: Path, header: _Header) -> Iterator[_Frame]:
    """Every frame of the log's current generation (same salts), valid or not."""
    with path.open("rb") as handle:
        handle.seek(WAL_HEADER)
        for frame in _frames(handle, header):
            if frame.salts == header.salts:
                yield frame


class PageAuthenticator:
    """Checks SQLCipher page MACs of one database (its key and the salt in its first bytes)."""

    def __init__(self, data_key: bytes, salt: bytes) -> None:
        hmac_salt = bytes(b ^ HMAC_SALT_MASK for b in salt)
        self._key = hashlib.pbkdf2_hmac("sha512", data_key, hmac_salt, FAST_KDF_ITER,
                                        len(data_key))

    def is_authentic(self, page_number: int, page: bytes) -> bool:
        if len(page) != PAGE_SIZE:
            return False
        start = SALT_BYTES if page_number == 1 else 0
        body, mac = page[start:-HMAC_BYTES], page[-HMAC_BYTES:]
        expected = hmac.new(self._key, body + page_number.to_bytes(4, "little"),
                            hashlib.sha512).digest()
        return hmac.compare_digest(expected, mac)


def _database_salt(database: Path) -> bytes:
    with database.open("rb") as handle:
        return handle.read(SALT_BYTES)


def check_wal(database: Path, data_key: bytes) -> None:
    """Raise ForeignWal unless every frame SQLite would apply from `database`'s -wal was written
    by this database under `data_key`. Reads only; a missing or ignorable log passes."""
    log = wal_path(database)
    try:
        with log.open("rb") as handle:
            header = _read_header(handle.read(WAL_HEADER))
    except FileNotFoundError:
        return
    if header is None:
        return  # SQLite ignores a log without a valid header
    salt = _database_salt(database)
    pages = PageAuthenticator(data_key, salt)
    if header.page_size == PAGE_SIZE and len(salt) == SALT_BYTES and all(
            pages.is_authentic(f.page_number, f.page) for f in _current_frames(log, header)):
        return  # the common case: every frame is ours, no checksum walk needed
    applied = _applied_frames(log, header)
    if applied and (header.page_size != PAGE_SIZE or not all(
            pages.is_authentic(f.page_number, f.page) for f in applied)):
        raise ForeignWal(path=str(log), database=str(database))
