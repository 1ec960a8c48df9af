"""The backup file: one zip container whose two members are stored, not compressed.

- `waymark-backup.json`, the manifest: format, version, when it was made, the installation id,
  the schema revision, the key file (slots and audit anchor, without failed sign-ins), and the
  database's size and SHA-256, so the recovery key alone restores it on a new workstation;
- `waymark.db`, the database as `sqlcipher_export` wrote it, encrypted with the store's data key.

The manifest's `mac`, keyed from the data key, covers every other field (and so, through the
SHA-256, the database): once the data key is known, a changed byte anywhere is found. Before
that, the zip's CRC-32s find accidental damage and the slots themselves refuse a wrong secret.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import io
import json
import os
import stat
import struct
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from casefile.db import migrate
from casefile.errors import WaymarkError
from casefile.files.fsutil import OWNER_ONLY_FILE
from casefile.keys.keyfile import KeyFile
from casefile.keys.keyfile_codec import decode_key_file, encode_key_file
from i18n import N_

FORMAT = "waymark-backup"
VERSION = 1
MANIFEST_NAME = "waymark-backup.json"
DATABASE_NAME = "waymark.db"
MAX_MANIFEST_BYTES = 1 << 20
CHUNK_BYTES = 1 << 20
MAX_READ_BYTES = 4 * MAX_MANIFEST_BYTES  # far more than one read of a genuine backup asks for
OWNER_ONLY_MEMBER = (0o100000 | OWNER_ONLY_FILE) << 16  # a regular file, rw for its owner


class NotABackup(WaymarkError):
    message = N_("The file {path} is not a complete Waymark backup: it may be damaged, cut short "
                 "or another kind of file. Nothing was changed.")


class BackupFromNewerWaymark(WaymarkError):
    message = N_("The backup {path} was made by a newer version of Waymark; install that version "
                 "to restore it. Nothing was changed.")


class NotARegularFile(WaymarkError):
    message = N_("{path} is not a regular file (it is a folder, a device or a pipe), so it "
                 "cannot be a Waymark backup. Nothing was changed.")


class BackupExists(WaymarkError):
    message = N_("The file {path} already exists, so no backup was written; choose a new name "
                 "and the existing file stays as it is.")


@dataclass(frozen=True)
class Manifest:
    created_at: datetime
    installation_id: str
    schema_revision: str
    keys: KeyFile
    database_size: int
    database_sha256: str
    document: dict[str, Any]  # as read, for checking the MAC


def file_digest(path: Path) -> tuple[int, str]:
    """The size and SHA-256 of a file."""
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK_BYTES):
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()


def _canonical(document: dict[str, Any]) -> bytes:
    unsigned = {name: value for name, value in document.items() if name != "mac"}
    return json.dumps(unsigned, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _mac(document: dict[str, Any], data_key: bytes) -> str:
    key = hmac.new(data_key, b"waymark-backup-manifest", hashlib.sha256).digest()
    return hmac.new(key, _canonical(document), hashlib.sha256).hexdigest()


def manifest_document(
    keys: KeyFile, schema_revision: str, database: Path, data_key: bytes
) -> dict[str, Any]:
    """The signed manifest for `database` (an encrypted export) and the store's key file."""
    size, sha256 = file_digest(database)
    kept = json.loads(encode_key_file(keys))
    kept.pop("failures", None)
    kept.pop("failed_sign_ins", None)
    document: dict[str, Any] = {
        "format": FORMAT, "version": VERSION,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "installation_id": keys.installation_id, "schema_revision": schema_revision,
        "keys": kept, "database": {"size": size, "sha256": sha256},
    }
    document["mac"] = _mac(document, data_key)
    return document


def _member(name: str) -> zipfile.ZipInfo:
    now = datetime.now(UTC)
    info = zipfile.ZipInfo(name, (now.year, now.month, now.day, now.hour, now.minute, now.second))
    info.compress_type = zipfile.ZIP_STORED
    info.external_attr = OWNER_ONLY_MEMBER
    return info


def write_container(temporary: Path, document: dict[str, Any], database: Path) -> None:
    """Create `temporary` (owner-only, must not exist) with the manifest and the database, and
    fsync it."""
    fd = os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, OWNER_ONLY_FILE)
    with os.fdopen(fd, "wb") as handle:
        with zipfile.ZipFile(handle, "w", zipfile.ZIP_STORED) as container:
            container.writestr(_member(MANIFEST_NAME), json.dumps(document, indent=2))
            with database.open("rb") as source, \
                    container.open(_member(DATABASE_NAME), "w", force_zip64=True) as member:
                while chunk := source.read(CHUNK_BYTES):
                    member.write(chunk)
        handle.flush()
        os.fsync(handle.fileno())


# What zipfile and json raise on a truncated, damaged or foreign file (OSError is left alone: a
# missing or unreadable file is reported as such).
_UNREADABLE = (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, KeyError, TypeError,
               EOFError, struct.error, NotImplementedError, RuntimeError)


class _BoundedFile(io.FileIO):
    """A backup open for reading that refuses any single read larger than MAX_READ_BYTES.

    zipfile trusts the sizes a zip declares: a crafted or damaged file (a sparse file of a
    terabyte whose end record claims a central directory as large) would have it allocate that
    much. A genuine backup never needs one read of more than a few megabytes.
    """

    def read(self, size: int | None = -1, /) -> bytes:
        if size is None or size < 0:
            size = max(0, os.fstat(self.fileno()).st_size - self.tell())
        if size > MAX_READ_BYTES:
            raise ValueError("a read larger than any backup needs")
        return super().read(size) or b""


def open_backup(path: Path) -> _BoundedFile:
    """`path` opened for reading, or NotARegularFile for a folder, device or named pipe.

    /dev/zero never ends and a named pipe waits for a writer: only a regular file can be a
    backup. The open does not wait (O_NONBLOCK) and the check is made on the open file (fstat),
    so the file checked is the file read.
    """
    nonblocking = getattr(os, "O_NONBLOCK", 0)
    flags = os.O_RDONLY | nonblocking | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotARegularFile(path=str(path))
        if nonblocking:
            os.set_blocking(fd, True)
        return _BoundedFile(fd, "r")
    except BaseException:
        os.close(fd)
        raise


def _check_members(container: zipfile.ZipFile, file_size: int) -> int:
    """Refuse members whose declared sizes no genuine backup has, before reading any of them;
    returns the database member's size."""
    if sorted(container.namelist()) != sorted((MANIFEST_NAME, DATABASE_NAME)):
        raise ValueError("unexpected members")
    manifest, database = container.getinfo(MANIFEST_NAME), container.getinfo(DATABASE_NAME)
    if max(manifest.file_size, manifest.compress_size) > MAX_MANIFEST_BYTES:
        raise ValueError("manifest too large")
    if database.compress_size > file_size or (
            database.compress_type == zipfile.ZIP_STORED
            and database.file_size != database.compress_size):
        raise ValueError("the database member is larger than the file")
    return database.file_size


def _read_document(path: Path) -> tuple[dict[str, Any], int]:
    """The manifest as read, and the database member's declared size."""
    with open_backup(path) as handle, zipfile.ZipFile(handle) as container:
        database_size = _check_members(container, os.fstat(handle.fileno()).st_size)
        document = json.loads(container.read(MANIFEST_NAME).decode("utf-8"))
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ValueError("not a Waymark backup")
    return document, database_size


def _version(document: dict[str, Any]) -> int:
    version = document["version"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ValueError("version")
    return version


def _manifest(document: dict[str, Any], path: Path) -> Manifest:
    keys = decode_key_file(json.dumps(document["keys"]).encode("utf-8"), path)
    database = document["database"]
    size, sha256, revision = database["size"], database["sha256"], document["schema_revision"]
    if not (isinstance(size, int) and isinstance(sha256, str) and isinstance(revision, str)
            and isinstance(document["mac"], str)):
        raise TypeError("manifest field")
    if keys.installation_id != document["installation_id"]:
        raise ValueError("installation id")
    created = datetime.fromisoformat(document["created_at"])
    return Manifest(created, keys.installation_id, revision, keys, size, sha256, document)


def read_manifest(path: Path) -> Manifest:
    """The manifest of the backup at `path`; NotABackup for a damaged, truncated or foreign
    file, BackupFromNewerWaymark for one this version cannot restore."""
    try:
        document, database_size = _read_document(path)
        newer = _version(document) > VERSION
        if not newer:
            manifest = _manifest(document, path)
            if manifest.database_size != database_size:
                raise ValueError("the database member does not match the manifest")
            newer = not migrate.known_revision(manifest.schema_revision)
    except NotARegularFile:
        raise
    except _UNREADABLE as error:
        raise NotABackup(path=str(path)) from error
    except WaymarkError as error:  # the key file inside it is damaged
        raise NotABackup(path=str(path)) from error
    if newer:
        raise BackupFromNewerWaymark(path=str(path))
    return manifest


def check_mac(manifest: Manifest, data_key: bytes, path: Path) -> None:
    """Refuse a manifest changed after it was written (or from a store with another data key)."""
    if not hmac.compare_digest(_mac(manifest.document, data_key), manifest.document["mac"]):
        raise NotABackup(path=str(path))


def extract_database(path: Path, manifest: Manifest, destination: Path) -> None:
    """Copy the database member to `destination` (owner-only, must not exist), checking its size
    and SHA-256 against the manifest; nothing is left at `destination` on failure. Copying stops
    as soon as more comes out than the manifest's size, so a member that expands without end
    (a zip bomb) cannot fill the disk."""
    digest, size = hashlib.sha256(), 0
    fd = os.open(destination, os.O_CREAT | os.O_EXCL | os.O_WRONLY, OWNER_ONLY_FILE)
    try:
        with os.fdopen(fd, "wb") as target, open_backup(path) as handle, \
                zipfile.ZipFile(handle) as container, container.open(DATABASE_NAME) as member:
            while chunk := member.read(CHUNK_BYTES):
                digest.update(chunk)
                size += len(chunk)
                if size > manifest.database_size:
                    raise ValueError("the database is larger than the manifest says")
                target.write(chunk)
            target.flush()
            os.fsync(target.fileno())
        if (size, digest.hexdigest()) != (manifest.database_size, manifest.database_sha256):
            raise ValueError("the database does not match the manifest")
    except BaseException as error:
        with contextlib.suppress(FileNotFoundError):
            destination.unlink()
        if isinstance(error, _UNREADABLE):
            raise NotABackup(path=str(path)) from error
        raise
