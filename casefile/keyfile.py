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

import hashlib
import hmac
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from casefile import crypto
from casefile.crypto import SALT_BYTES, KdfParams, derive_key, open_sealed, seal
from casefile.errors import WrongPassword, WrongRecoveryKey
from casefile.filelock import exclusive_lock
from casefile.fsutil import atomic_write_bytes
from casefile.recovery import recovery_secret

STAFF = "staff"
RECOVERY = "recovery"
LOCK_SUFFIX = ".lock"


def normalize_login(login: str) -> str:
    return login.strip().casefold()


@dataclass(frozen=True)
class Slot:
    kind: str
    login: str | None
    salt: bytes
    kdf: KdfParams
    nonce: bytes
    wrapped: bytes
    device: bool = False  # the device secret is mixed into the wrapping key


@dataclass(frozen=True)
class SignInFailures:
    """Failed sign-ins of one login since its last success (for the back-off)."""

    count: int
    last: float  # wall-clock seconds since the epoch


@dataclass(frozen=True)
class FailedSignIn:
    """A failed sign-in waiting to be written to the audit trail at the next unlock."""

    login: str
    at: float


@dataclass(frozen=True)
class AuditAnchor:
    """The audit chain's length and last hash, authenticated with a key only the data key gives."""

    count: int
    head: str
    mac: str


@dataclass(frozen=True)
class KeyFile:
    installation_id: str
    slots: tuple[Slot, ...] = field(default_factory=tuple)
    device_fingerprint: str | None = None
    failures: tuple[tuple[str, SignInFailures], ...] = ()
    failed_sign_ins: tuple[FailedSignIn, ...] = ()
    audit: AuditAnchor | None = None

    def slot_for(self, login: str) -> Slot | None:
        wanted = normalize_login(login)
        return next((s for s in self.slots if s.kind == STAFF and s.login == wanted), None)

    def recovery_slot(self) -> Slot | None:
        return next((s for s in self.slots if s.kind == RECOVERY), None)

    def with_slot(self, slot: Slot) -> KeyFile:
        """A copy with `slot` added, replacing the slot of the same kind and login."""
        kept = tuple(s for s in self.slots if (s.kind, s.login) != (slot.kind, slot.login))
        return replace(self, slots=(*kept, slot))

    def without_slot(self, login: str) -> KeyFile:
        wanted = normalize_login(login)
        return replace(self, slots=tuple(
            s for s in self.slots if not (s.kind == STAFF and s.login == wanted)))

    def failures_of(self, login: str) -> SignInFailures | None:
        wanted = normalize_login(login)
        return next((f for name, f in self.failures if name == wanted), None)


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


def anchor_mac(data_key: bytes, installation_id: str, count: int, head: str) -> str:
    anchor_key = hmac.new(data_key, b"waymark-audit-anchor", hashlib.sha256).digest()
    message = f"{installation_id}|{count}|{head}".encode()
    return hmac.new(anchor_key, message, hashlib.sha256).hexdigest()


def make_anchor(key_file: KeyFile, data_key: bytes, count: int, head: str) -> AuditAnchor:
    return AuditAnchor(count, head, anchor_mac(data_key, key_file.installation_id, count, head))


def anchor_is_authentic(key_file: KeyFile, data_key: bytes) -> bool:
    anchor = key_file.audit
    if anchor is None:
        return True
    expected = anchor_mac(data_key, key_file.installation_id, anchor.count, anchor.head)
    return hmac.compare_digest(expected, anchor.mac)


from casefile.keyfile_codec import decode_key_file, encode_key_file  # noqa: E402


def read_key_file(path: Path) -> KeyFile:
    return decode_key_file(path.read_bytes(), path)


def write_key_file(path: Path, key_file: KeyFile) -> None:
    atomic_write_bytes(path, encode_key_file(key_file))


def update_key_file(path: Path, change: Callable[[KeyFile], KeyFile]) -> KeyFile:
    """Read, change and atomically rewrite the key file, one process at a time."""
    with exclusive_lock(path.with_name(path.name + LOCK_SUFFIX)):
        current = read_key_file(path)
        changed = change(current)
        if changed != current:
            write_key_file(path, changed)
        return changed


__all__ = ["decode_key_file", "encode_key_file"]
