"""The key file's JSON form, read strictly: anything malformed is reported as a damaged key file.

Version 1 files (before device secrets, back-off and the audit anchor) and version 2 files (before
seals) are still read; files are always written as the current version.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

from casefile.errors import KeyFileDamaged, KeyFileUnsafeCost
from casefile.keys import crypto
from casefile.keys.crypto import SALT_BYTES, KdfParams
from casefile.keys.keyfile_model import (
    RECOVERY,
    STAFF,
    AuditAnchor,
    FailedSignIn,
    KeyFile,
    SignInFailures,
    Slot,
)

FORMAT = "waymark-keys"
VERSION = 3
UNSEALED_VERSION = 2  # what a key file not (yet) sealed with the data key is written as
READABLE_VERSIONS = (1, 2, 3)

# Bounds on the Argon2id cost read from a slot, refused before any derivation runs. A tampered
# slot could otherwise ask for no memory (argon2 raises) or for more memory and time than a
# sign-in may take (16 passes over 1 GiB took 18 s here). The default (3 passes, 64 MiB) may
# double before a slot is refused; the work (passes x memory) is bounded as well.
MIN_MEMORY_KIB = 1024
MAX_TIME_COST = 8
MAX_MEMORY_KIB = 256 * 1024
MAX_PARALLELISM = 16
MAX_WORK_KIB = 2 * 3 * 64 * 1024
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


class UnsafeCost(ValueError):
    """A slot's key-derivation cost is a number, but outside the safe bounds."""


def _cost(value: object, low: int, high: int) -> int:
    number = _bounded(value, -(2**63), 2**63)  # not a number at all: a damaged file
    if not low <= number <= high:
        raise UnsafeCost(f"{number} is not in [{low}, {high}]")
    return number


def _kdf_from_json(raw: dict[str, Any]) -> KdfParams:
    parallelism = _cost(raw["p"], 1, MAX_PARALLELISM)
    params = KdfParams(
        time_cost=_cost(raw["t"], 1, MAX_TIME_COST),
        memory_kib=_cost(raw["m"], max(MIN_MEMORY_KIB, 8 * parallelism), MAX_MEMORY_KIB),
        parallelism=parallelism,
    )
    if params.time_cost * params.memory_kib > MAX_WORK_KIB:
        raise UnsafeCost("too much work")
    return params


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


def _seals_from_json(document: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    raw = document["seals"]
    if not isinstance(raw, dict):
        raise TypeError("seals")
    return tuple(sorted((_text(name), _text(mac, hex_length=HEX_DIGEST))
                        for name, mac in raw.items()))


def encode_key_file(key_file: KeyFile) -> bytes:
    anchor = key_file.audit
    document = {
        "format": FORMAT,
        "version": VERSION if key_file.seals is not None else UNSEALED_VERSION,
        "installation_id": key_file.installation_id,
        "device_fingerprint": key_file.device_fingerprint,
        "slots": [_slot_to_json(s) for s in key_file.slots],
        "audit": None if anchor is None else
        {"count": anchor.count, "head": anchor.head, "mac": anchor.mac},
        "failures": {login: {"count": f.count, "last": f.last} for login, f in key_file.failures},
        "failed_sign_ins": [{"login": f.login, "at": f.at} for f in key_file.failed_sign_ins],
    }
    if key_file.seals is not None:
        document["seals"] = dict(key_file.seals)
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
        seals=_seals_from_json(document) if document["version"] >= 3 else None,
    )


def decode_key_file(data: bytes, path: Path) -> KeyFile:
    try:
        document = json.loads(data.decode("utf-8"))
        if not isinstance(document, dict):
            raise TypeError("not an object")
        return _decode(document)
    except UnsafeCost as error:
        raise KeyFileUnsafeCost(path=str(path)) from error
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as error:
        raise KeyFileDamaged(path=str(path)) from error
