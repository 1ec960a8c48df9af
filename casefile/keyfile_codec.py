"""The key file's JSON form, read strictly: anything malformed is reported as a damaged key file.

Version 1 files (before device secrets, back-off and the audit anchor) are still read; files are
always written as the current version.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

from casefile import crypto
from casefile.crypto import SALT_BYTES, KdfParams
from casefile.errors import KeyFileDamaged
from casefile.keyfile import (
    RECOVERY,
    STAFF,
    AuditAnchor,
    FailedSignIn,
    KeyFile,
    SignInFailures,
    Slot,
)

FORMAT = "waymark-keys"
VERSION = 2
READABLE_VERSIONS = (1, 2)

# Bounds on the Argon2id cost read from a slot. A tampered slot could otherwise ask for no memory
# (argon2 raises) or for more memory and time than the workstation has (a hang at sign-in).
MAX_TIME_COST = 16
MAX_MEMORY_KIB = 1024 * 1024  # 1 GiB; the default is 64 MiB
MAX_PARALLELISM = 64
WRAPPED_BYTES = crypto.KEY_BYTES + 16  # the data key and the AES-GCM tag
HEX_DIGEST = 64


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _slot_to_json(slot: Slot) -> dict[str, Any]:
    return {
        "kind": slot.kind,
        "login": slot.login,
        "device": slot.device,
        "salt": _b64(slot.salt),
        "kdf": {"t": slot.kdf.time_cost, "m": slot.kdf.memory_kib, "p": slot.kdf.parallelism},
        "nonce": _b64(slot.nonce),
        "wrapped": _b64(slot.wrapped),
    }


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


def _text(value: object, *, hex_length: int | None = None) -> str:
    if not isinstance(value, str) or not value:
        raise TypeError("expected text")
    if hex_length is not None:
        bytes.fromhex(value)
        if len(value) != hex_length:
            raise ValueError("wrong length")
    return value


def _number(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError("expected a number")
    return float(value)


def _slot_from_json(raw: dict[str, Any]) -> Slot:
    kind, login = raw["kind"], raw["login"]
    device = raw.get("device", False)
    if kind == STAFF and not (isinstance(login, str) and login):
        raise ValueError("a staff slot needs a login")
    if kind == RECOVERY and (login is not None or device):
        raise ValueError("the recovery slot has no login and no device secret")
    if kind not in (STAFF, RECOVERY) or not isinstance(device, bool):
        raise ValueError(kind)
    return Slot(
        kind=kind,
        login=login,
        salt=_bytes_from_json(raw["salt"], SALT_BYTES),
        kdf=_kdf_from_json(raw["kdf"]),
        nonce=_bytes_from_json(raw["nonce"], crypto.NONCE_BYTES),
        wrapped=_bytes_from_json(raw["wrapped"], WRAPPED_BYTES),
        device=device,
    )


def _anchor_from_json(raw: object) -> AuditAnchor | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise TypeError("audit anchor")
    count = _bounded(raw["count"], 0, 2**62)
    return AuditAnchor(count, _text(raw["head"], hex_length=HEX_DIGEST),
                       _text(raw["mac"], hex_length=HEX_DIGEST))


def _failures_from_json(raw: object) -> tuple[tuple[str, SignInFailures], ...]:
    if not isinstance(raw, dict):
        raise TypeError("failures")
    return tuple(
        (_text(login), SignInFailures(_bounded(item["count"], 1, 2**31), _number(item["last"])))
        for login, item in raw.items()
    )


def _failed_from_json(raw: object) -> tuple[FailedSignIn, ...]:
    if not isinstance(raw, list):
        raise TypeError("failed sign-ins")
    return tuple(FailedSignIn(_text(item["login"]), _number(item["at"])) for item in raw)


def encode_key_file(key_file: KeyFile) -> bytes:
    anchor = key_file.audit
    document = {
        "format": FORMAT,
        "version": VERSION,
        "installation_id": key_file.installation_id,
        "device_fingerprint": key_file.device_fingerprint,
        "slots": [_slot_to_json(s) for s in key_file.slots],
        "audit": None if anchor is None else
        {"count": anchor.count, "head": anchor.head, "mac": anchor.mac},
        "failures": {login: {"count": f.count, "last": f.last} for login, f in key_file.failures},
        "failed_sign_ins": [{"login": f.login, "at": f.at} for f in key_file.failed_sign_ins],
    }
    return json.dumps(document, indent=2).encode("utf-8")


def _decode(document: dict[str, Any]) -> KeyFile:
    if document.get("format") != FORMAT or document.get("version") not in READABLE_VERSIONS:
        raise ValueError("not a Waymark key file")
    installation_id = _text(document["installation_id"])
    if not isinstance(document["slots"], list):
        raise TypeError("malformed key file")
    fingerprint = document.get("device_fingerprint")
    return KeyFile(
        installation_id=installation_id,
        slots=tuple(_slot_from_json(raw) for raw in document["slots"]),
        device_fingerprint=None if fingerprint is None else _text(fingerprint, hex_length=32),
        failures=_failures_from_json(document.get("failures", {})),
        failed_sign_ins=_failed_from_json(document.get("failed_sign_ins", [])),
        audit=_anchor_from_json(document.get("audit")),
    )


def decode_key_file(data: bytes, path: Path) -> KeyFile:
    try:
        document = json.loads(data.decode("utf-8"))
        if not isinstance(document, dict):
            raise TypeError("not an object")
        return _decode(document)
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as error:
        raise KeyFileDamaged(path=str(path)) from error
