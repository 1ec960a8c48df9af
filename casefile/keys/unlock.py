"""Opening a staff slot: back-off, the device secret, and what a failed attempt records.

A failed attempt writes only the key file (the failure count and a line for the audit trail,
copied into the database at the next successful sign-in); it never touches the database.
"""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

from casefile.errors import (
    DeviceSecretLost,
    DeviceSecretUnavailable,
    TooManyAttempts,
    WaymarkError,
    WrongPassword,
)
from casefile.keys import crypto
from casefile.keys.crypto import KdfParams
from casefile.keys.devicesecret import fingerprint, new_device_secret
from casefile.keys.keyfile import (
    KeyFile,
    Slot,
    normalize_login,
    open_slot,
    staff_slot,
    update_key_file,
)
from casefile.staff.backoff import clear_failures, record_failure, seconds_to_wait
from casefile.workstation import Workstation
from i18n import N_


def slot_device_secret(keys: KeyFile, slot: Slot, workstation: Workstation) -> bytes | None:
    """The device secret `slot` needs (None when it needs none); raises when it is not here."""
    if not slot.device:
        return None
    keystore = workstation.keystore
    if keystore is None:
        raise DeviceSecretUnavailable(problem=workstation.keyring.problem)
    secret = keystore.get(keys.installation_id)
    if secret is None or fingerprint(secret, keys.installation_id) != keys.device_fingerprint:
        raise DeviceSecretLost()
    return secret


def device_secret_for_new_slots(
    keys: KeyFile, workstation: Workstation, *, replace_lost: bool = False
) -> tuple[KeyFile, bytes | None]:
    """The device secret to mix into a new slot, made and stored in the keyring when the store
    has none yet. With `replace_lost` (recovery key in hand) a secret the keyring lost is
    replaced, and the staff slots that needed it, now useless, are dropped."""
    keystore = workstation.keystore
    if keystore is None:
        return keys, None
    if keys.device_fingerprint is not None:
        secret = keystore.get(keys.installation_id)
        if secret is not None and fingerprint(secret, keys.installation_id) == \
                keys.device_fingerprint:
            return keys, secret
        if not replace_lost:
            return keys, None
        keys = replace(keys, slots=tuple(s for s in keys.slots if not s.device))
    secret = new_device_secret()
    keystore.put(keys.installation_id, secret)
    return replace(keys, device_fingerprint=fingerprint(secret, keys.installation_id)), secret


def with_staff_slot(
    keys: KeyFile, workstation: Workstation, login: str, password: str, data_key: bytes, *,
    kdf: KdfParams | None = None, replace_lost: bool = False,
) -> KeyFile:
    """`keys` with a slot for `login`'s password, mixing in this workstation's device secret
    when it has a keyring (see `device_secret_for_new_slots` for `replace_lost`)."""
    keys, secret = device_secret_for_new_slots(keys, workstation, replace_lost=replace_lost)
    return keys.with_slot(staff_slot(keys, login, password, data_key, kdf, secret))


def _spend_equal_time(password: str) -> None:
    """Run the key derivation for a login with no slot, so timing does not tell it apart."""
    crypto.derive_key(password.encode(), bytes(crypto.SALT_BYTES), crypto.DEFAULT_KDF)


def after_unlock(
    keys: KeyFile, login: str, password: str, data_key: bytes, workstation: Workstation
) -> KeyFile:
    """The key file after `login` unlocked it: failures cleared, a password-only slot given the
    device secret once a keyring is here. Applied only once the database has been checked."""
    keys = clear_failures(keys, login)
    slot = keys.slot_for(login)
    if slot is None or slot.device:
        return keys
    upgraded, secret = device_secret_for_new_slots(keys, workstation)
    if secret is None:
        return keys
    return upgraded.with_slot(staff_slot(upgraded, login, password, data_key, slot.kdf, secret))


def unlock_staff(
    keys_path: Path, keys: KeyFile, login: str, password: str, workstation: Workstation
) -> bytes:
    """The data key, or WrongPassword / TooManyAttempts. Only a failure writes (its count);
    success writes nothing yet (see `after_unlock`)."""
    if not normalize_login(login):
        raise WaymarkError(N_("Type your sign-in name and password."))
    now = time.time()
    wait = seconds_to_wait(keys, login, now)
    if wait:
        raise TooManyAttempts(seconds=wait)
    slot = keys.slot_for(login)
    data_key = None
    if slot is None:
        _spend_equal_time(password)
    else:
        data_key = open_slot(keys, slot, password.encode(),
                             slot_device_secret(keys, slot, workstation))
    if data_key is None:
        update_key_file(keys_path, lambda current: record_failure(current, login, now), None)
        raise WrongPassword()
    return data_key
