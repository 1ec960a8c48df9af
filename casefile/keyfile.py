"""The key file beside the database: one slot per staff account and one recovery slot.

Each slot holds the database's data key wrapped with AES-256-GCM under a key derived with Argon2id
from that person's password (or from the recovery key). The slot's installation id, kind and login
are authenticated with it, so a slot moved into another file or renamed does not open.
"""

from __future__ import annotations

import base64
import json
import os
import uuid
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from casefile import crypto
from casefile.crypto import SALT_BYTES, KdfParams, derive_key, open_sealed, seal
from casefile.errors import KeyFileDamaged, WrongPassword, WrongRecoveryKey
from casefile.fsutil import atomic_write_bytes
from casefile.recovery import recovery_secret

FORMAT = "waymark-keys"
VERSION = 1
STAFF = "staff"
RECOVERY = "recovery"


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


@dataclass(frozen=True)
class KeyFile:
    installation_id: str
    slots: tuple[Slot, ...] = field(default_factory=tuple)

    def slot_for(self, login: str) -> Slot | None:
        wanted = normalize_login(login)
        return next((s for s in self.slots if s.kind == STAFF and s.login == wanted), None)

    def recovery_slot(self) -> Slot | None:
        return next((s for s in self.slots if s.kind == RECOVERY), None)

    def with_slot(self, slot: Slot) -> KeyFile:
        """A copy with `slot` added, replacing the slot of the same kind and login."""
        kept = tuple(s for s in self.slots if (s.kind, s.login) != (slot.kind, slot.login))
        return replace(self, slots=(*kept, slot))


def new_key_file() -> KeyFile:
    return KeyFile(installation_id=uuid.uuid4().hex)


def _associated(installation_id: str, kind: str, login: str | None) -> bytes:
    return f"waymark-slot|{installation_id}|{kind}|{login or ''}".encode()


def make_slot(
    key_file: KeyFile, kind: str, login: str | None, secret: bytes, data_key: bytes,
    kdf: KdfParams | None = None,
) -> Slot:
    """Wrap `data_key` under `secret`, with the default Argon2id cost unless `kdf` is given."""
    kdf = kdf or crypto.DEFAULT_KDF
    salt = os.urandom(SALT_BYTES)
    wrapping = derive_key(secret, salt, kdf)
    nonce, wrapped = seal(wrapping, data_key, _associated(key_file.installation_id, kind, login))
    return Slot(kind, login, salt, kdf, nonce, wrapped)


def staff_slot(
    key_file: KeyFile, login: str, password: str, data_key: bytes, kdf: KdfParams | None = None
) -> Slot:
    return make_slot(key_file, STAFF, normalize_login(login), password.encode(), data_key, kdf)


def recovery_slot(
    key_file: KeyFile, recovery_key: str, data_key: bytes, kdf: KdfParams | None = None
) -> Slot:
    secret = recovery_secret(recovery_key)
    if secret is None:
        raise WrongRecoveryKey()
    return make_slot(key_file, RECOVERY, None, secret, data_key, kdf)


def _open_slot(key_file: KeyFile, slot: Slot, secret: bytes) -> bytes | None:
    wrapping = derive_key(secret, slot.salt, slot.kdf)
    associated = _associated(key_file.installation_id, slot.kind, slot.login)
    return open_sealed(wrapping, slot.nonce, slot.wrapped, associated)


def unlock_with_password(key_file: KeyFile, login: str, password: str) -> bytes:
    slot = key_file.slot_for(login)
    data_key = _open_slot(key_file, slot, password.encode()) if slot else None
    if data_key is None:
        raise WrongPassword()
    return data_key


def unlock_with_recovery_key(key_file: KeyFile, typed_key: str) -> bytes:
    slot = key_file.recovery_slot()
    secret = recovery_secret(typed_key)
    data_key = _open_slot(key_file, slot, secret) if slot and secret else None
    if data_key is None:
        raise WrongRecoveryKey()
    return data_key


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _slot_to_json(slot: Slot) -> dict[str, Any]:
    return {
        "kind": slot.kind,
        "login": slot.login,
        "salt": _b64(slot.salt),
        "kdf": {"t": slot.kdf.time_cost, "m": slot.kdf.memory_kib, "p": slot.kdf.parallelism},
        "nonce": _b64(slot.nonce),
        "wrapped": _b64(slot.wrapped),
    }


# Bounds on the Argon2id cost read from a slot. A tampered slot could otherwise ask for no memory
# (argon2 raises) or for more memory and time than the workstation has (a hang at sign-in).
MAX_TIME_COST = 16
MAX_MEMORY_KIB = 1024 * 1024  # 1 GiB; the default is 64 MiB
MAX_PARALLELISM = 64
WRAPPED_BYTES = crypto.KEY_BYTES + 16  # the data key and the AES-GCM tag


def _bounded(value: object, low: int, high: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise ValueError(f"{value!r} is not in [{low}, {high}]")
    return value


def _kdf_from_json(raw: dict[str, Any]) -> KdfParams:
    parallelism = _bounded(raw["p"], 1, MAX_PARALLELISM)
    return KdfParams(
        time_cost=_bounded(raw["t"], 1, MAX_TIME_COST),
        memory_kib=_bounded(raw["m"], 8 * parallelism, MAX_MEMORY_KIB),
        parallelism=parallelism,
    )


def _bytes_from_json(value: object, size: int) -> bytes:
    if not isinstance(value, str):
        raise TypeError(type(value).__name__)
    data = base64.b64decode(value, validate=True)
    if len(data) != size:
        raise ValueError(f"{len(data)} bytes, expected {size}")
    return data


def _slot_from_json(raw: dict[str, Any]) -> Slot:
    kind, login = raw["kind"], raw["login"]
    if kind == STAFF and not (isinstance(login, str) and login):
        raise ValueError("a staff slot needs a login")
    if kind == RECOVERY and login is not None:
        raise ValueError("the recovery slot has no login")
    if kind not in (STAFF, RECOVERY):
        raise ValueError(kind)
    return Slot(
        kind=kind,
        login=login,
        salt=_bytes_from_json(raw["salt"], SALT_BYTES),
        kdf=_kdf_from_json(raw["kdf"]),
        nonce=_bytes_from_json(raw["nonce"], crypto.NONCE_BYTES),
        wrapped=_bytes_from_json(raw["wrapped"], WRAPPED_BYTES),
    )


def encode_key_file(key_file: KeyFile) -> bytes:
    document = {
        "format": FORMAT,
        "version": VERSION,
        "installation_id": key_file.installation_id,
        "slots": [_slot_to_json(s) for s in key_file.slots],
    }
    return json.dumps(document, indent=2).encode("utf-8")


def decode_key_file(data: bytes, path: Path) -> KeyFile:
    try:
        document = json.loads(data.decode("utf-8"))
        if document.get("format") != FORMAT or document.get("version") != VERSION:
            raise ValueError("not a Waymark key file")
        installation_id = document["installation_id"]
        if not isinstance(installation_id, str) or not isinstance(document["slots"], list):
            raise TypeError("malformed key file")
        slots = tuple(_slot_from_json(raw) for raw in document["slots"])
        return KeyFile(installation_id=installation_id, slots=slots)
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as error:
        raise KeyFileDamaged(path=str(path)) from error


def read_key_file(path: Path) -> KeyFile:
    return decode_key_file(path.read_bytes(), path)


def write_key_file(path: Path, key_file: KeyFile) -> None:
    atomic_write_bytes(path, encode_key_file(key_file))
