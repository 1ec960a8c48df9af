"""The key file beside the database: one slot per staff account and one recovery slot.

Each slot holds the database's data key wrapped with AES-256-GCM under a key derived with Argon2id
from that person's password (or from the recovery key). Staff slots made on a workstation with a
secure OS keyring also mix in that workstation's device secret, so a copied data folder does not
open elsewhere with a password alone. The slot's installation id, kind, login and device flag are
authenticated with it, so a slot moved into another file or relabelled does not open.

The key file also carries what must be known before the database is open: the fingerprint of the
device secret, failed sign-ins (for back-off and for the audit trail) and the audit chain's anchor.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import uuid
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from casefile.errors import WrongPassword, WrongRecoveryKey
from casefile.files.filelock import exclusive_lock
from casefile.files.fsutil import atomic_write_bytes, file_errors
from casefile.keys import crypto
from casefile.keys.crypto import SALT_BYTES, KdfParams, derive_key, open_sealed, seal
from casefile.keys.keyfile_codec import decode_key_file, encode_key_file
from casefile.keys.keyfile_model import (
    RECOVERY,
    STAFF,
    AuditAnchor,
    FailedSignIn,
    KeyFile,
    SignInFailures,
    Slot,
    normalize_login,
)
from casefile.keys.keyfile_seal import reseal, seal_problems, sealed_parts_changed
from casefile.keys.recovery import recovery_secret

LOCK_SUFFIX = ".lock"
TEMPORARY_SUFFIX = ".tmp"


def new_key_file() -> KeyFile:
    return KeyFile(installation_id=uuid.uuid4().hex)


def _associated(installation_id: str, kind: str, login: str | None, device: bool) -> bytes:
    base = f"waymark-slot|{installation_id}|{kind}|{login or ''}"
    return (base + "|device").encode() if device else base.encode()


def _wrapping_key(secret: bytes, salt: bytes, kdf: KdfParams, device_secret: bytes | None) -> bytes:
    derived = derive_key(secret, salt, kdf)
    if device_secret is None:
        return derived
    return hmac.new(device_secret, b"waymark-staff-slot|" + derived, hashlib.sha256).digest()


def make_slot(
    key_file: KeyFile, kind: str, login: str | None, secret: bytes, data_key: bytes,
    kdf: KdfParams | None = None, device_secret: bytes | None = None,
) -> Slot:
    """Wrap `data_key` under `secret` (and the device secret when given)."""
    kdf = kdf or crypto.DEFAULT_KDF
    salt = os.urandom(SALT_BYTES)
    device = device_secret is not None
    wrapping = _wrapping_key(secret, salt, kdf, device_secret)
    associated = _associated(key_file.installation_id, kind, login, device)
    nonce, wrapped = seal(wrapping, data_key, associated)
    return Slot(kind, login, salt, kdf, nonce, wrapped, device)


def staff_slot(
    key_file: KeyFile, login: str, password: str, data_key: bytes, kdf: KdfParams | None = None,
    device_secret: bytes | None = None,
) -> Slot:
    return make_slot(key_file, STAFF, normalize_login(login), password.encode(), data_key, kdf,
                     device_secret)


def recovery_slot(
    key_file: KeyFile, recovery_key: str, data_key: bytes, kdf: KdfParams | None = None
) -> Slot:
    """The recovery slot never uses the device secret: it must work on a new workstation."""
    secret = recovery_secret(recovery_key)
    if secret is None:
        raise WrongRecoveryKey()
    return make_slot(key_file, RECOVERY, None, secret, data_key, kdf)


def open_slot(
    key_file: KeyFile, slot: Slot, secret: bytes, device_secret: bytes | None = None
) -> bytes | None:
    """The data key, or None when the secret (or device secret) is wrong."""
    wrapping = _wrapping_key(secret, slot.salt, slot.kdf, device_secret if slot.device else None)
    associated = _associated(key_file.installation_id, slot.kind, slot.login, slot.device)
    return open_sealed(wrapping, slot.nonce, slot.wrapped, associated)


def unlock_with_password(
    key_file: KeyFile, login: str, password: str, device_secret: bytes | None = None
) -> bytes:
    slot = key_file.slot_for(login)
    data_key = open_slot(key_file, slot, password.encode(), device_secret) if slot else None
    if data_key is None:
        raise WrongPassword()
    return data_key


def unlock_with_recovery_key(key_file: KeyFile, typed_key: str) -> bytes:
    slot = key_file.recovery_slot()
    secret = recovery_secret(typed_key)
    data_key = open_slot(key_file, slot, secret) if slot and secret else None
    if data_key is None:
        raise WrongRecoveryKey()
    return data_key


def anchor_mac(data_key: bytes, installation_id: str, count: int, head: str, sealed: bool) -> str:
    """The anchor's MAC. A sealed key file's anchor says so, so stripping the seals off a key
    file (to have its damage sealed over at the next write) is itself found."""
    anchor_key = hmac.new(data_key, b"waymark-audit-anchor", hashlib.sha256).digest()
    message = f"{installation_id}|{count}|{head}" + ("|sealed" if sealed else "")
    return hmac.new(anchor_key, message.encode(), hashlib.sha256).hexdigest()


def make_anchor(key_file: KeyFile, data_key: bytes, count: int, head: str) -> AuditAnchor:
    """An anchor for a key file that is (or is about to be) sealed."""
    return AuditAnchor(count, head, anchor_mac(data_key, key_file.installation_id, count, head,
                                               sealed=True))


def anchor_is_authentic(key_file: KeyFile, data_key: bytes) -> bool:
    anchor = key_file.audit
    if anchor is None:
        return True
    expected = anchor_mac(data_key, key_file.installation_id, anchor.count, anchor.head,
                          sealed=key_file.seals is not None)
    return hmac.compare_digest(expected, anchor.mac)


def _sealed(before: KeyFile | None, after: KeyFile, data_key: bytes) -> KeyFile:
    """`after` sealed; an older file's authentic anchor is re-made for a sealed file."""
    if before is not None and before.seals is None and after.audit is not None \
            and anchor_is_authentic(replace(after, seals=None), data_key):
        after = replace(after, audit=make_anchor(after, data_key, after.audit.count,
                                                 after.audit.head))
    return reseal(before, after, data_key)


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + LOCK_SUFFIX)


def stale_temporaries(path: Path) -> list[Path]:
    """Temporary copies of the key file left by a crash (they hold old slots and passwords)."""
    return sorted(path.parent.glob(f".{path.name}.*{TEMPORARY_SUFFIX}"))


def _remove_stale_temporaries(path: Path) -> int:
    """Remove them; only called under the key-file lock, when no write can be under way."""
    found = stale_temporaries(path)
    for leftover in found:
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()
    return len(found)


def read_key_file(path: Path) -> KeyFile:
    with file_errors(path):
        return decode_key_file(path.read_bytes(), path)


def clean_key_folder(path: Path) -> int:
    """Remove temporary key files a crash left behind; how many there were."""
    with file_errors(path), exclusive_lock(lock_path(path)):
        return _remove_stale_temporaries(path)


def write_key_file(path: Path, key_file: KeyFile, data_key: bytes) -> None:
    """Write a whole new key file (a new or restored store), sealed with `data_key`."""
    with file_errors(path), exclusive_lock(lock_path(path)):
        _remove_stale_temporaries(path)
        atomic_write_bytes(path, encode_key_file(_sealed(None, key_file, data_key)))


def update_key_file(
    path: Path, change: Callable[[KeyFile], KeyFile], data_key: bytes | None
) -> KeyFile:
    """Read, change and atomically rewrite the key file, one process at a time.

    Without the data key (a wrong password) only the unsealed record of failed sign-ins may
    change. Temporary files a crash left behind are removed first.
    """
    with file_errors(path), exclusive_lock(lock_path(path)):
        _remove_stale_temporaries(path)
        current = decode_key_file(path.read_bytes(), path)
        changed = change(current)
        if data_key is not None:
            if changed != current or current.seals is None:
                changed = _sealed(current, changed, data_key)
        elif sealed_parts_changed(current, changed):
            raise RuntimeError("a sealed part of the key file may change only with the data key")
        if changed != current:
            atomic_write_bytes(path, encode_key_file(changed))
        return changed


__all__ = [
    "RECOVERY", "STAFF", "AuditAnchor", "FailedSignIn", "KeyFile", "SignInFailures", "Slot",
    "decode_key_file", "encode_key_file", "normalize_login", "seal_problems",
]
