"""Seals: a MAC over every part of the key file that only a signed-in person may change.

Slots, the installation id and the device fingerprint change only when someone holding the data
key changes them; a flipped byte anywhere in them would otherwise go unnoticed until the day the
recovery key is needed. Each part gets its own seal, so `verify` can say which part is damaged.
Failed sign-ins are not sealed: a wrong password (no data key) is allowed to record them.

A write keeps the seal of every part it did not change, so damage found once stays visible until
that part is replaced, never silently re-sealed.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import replace

from casefile.keys.keyfile_model import RECOVERY, KeyFile, Slot
from i18n import _

SEAL_INFO = b"waymark-key-file-seal"
FILE_PART = "file"


def _slot_part(slot: Slot) -> str:
    return f"slot:{slot.kind}:{slot.login or ''}"


def _slot_bytes(slot: Slot) -> list[object]:
    kdf = slot.kdf
    return [slot.kind, slot.login, slot.device, slot.salt.hex(), kdf.time_cost, kdf.memory_kib,
            kdf.parallelism, slot.nonce.hex(), slot.wrapped.hex()]


def parts(keys: KeyFile) -> dict[str, bytes]:
    """Each sealed part's canonical bytes, by name."""
    found: dict[str, object] = {
        FILE_PART: [keys.installation_id, keys.device_fingerprint,
                    sorted(_slot_part(s) for s in keys.slots)]}
    for slot in keys.slots:
        found[_slot_part(slot)] = _slot_bytes(slot)
    return {name: json.dumps(value, separators=(",", ":")).encode() for name, value in
            found.items()}


def _seal(data_key: bytes, name: str, content: bytes) -> str:
    key = hmac.new(data_key, SEAL_INFO, hashlib.sha256).digest()
    return hmac.new(key, name.encode() + b"|" + content, hashlib.sha256).hexdigest()


def reseal(before: KeyFile | None, after: KeyFile, data_key: bytes) -> KeyFile:
    """`after` with seals: kept from `before` for parts it did not change, new for the rest."""
    old_parts = parts(before) if before is not None and before.seals is not None else {}
    old_seals = dict(before.seals or ()) if before is not None else {}
    seals = []
    for name, content in parts(after).items():
        if old_parts.get(name) == content and name in old_seals:
            seals.append((name, old_seals[name]))
        else:
            seals.append((name, _seal(data_key, name, content)))
    return replace(after, seals=tuple(sorted(seals)))


def sealed_parts_changed(before: KeyFile, after: KeyFile) -> bool:
    return parts(before) != parts(after) or before.seals != after.seals


def _part_title(name: str) -> str:
    if name == FILE_PART:
        return _("the installation details and the list of key slots")
    if name == f"slot:{RECOVERY}:":
        return _("the recovery key's slot")
    return _("the key slot of {login}").format(login=name.split(":", 2)[2])


def seal_problems(keys: KeyFile, data_key: bytes) -> list[str]:
    """Which sealed parts were changed outside Waymark (empty: every part is as it was sealed)."""
    if keys.seals is None:
        return [_("the key file has no seals yet (it was written by an older Waymark)")]
    seals = dict(keys.seals)
    problems = []
    for name, content in parts(keys).items():
        seal = seals.get(name)
        if seal is None or not hmac.compare_digest(seal, _seal(data_key, name, content)):
            problems.append(_("{part} was changed outside Waymark").format(
                part=_part_title(name)))
    return problems
