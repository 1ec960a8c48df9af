"""Unwrapping a store's data key in tests, with the test workstation's device secret."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from casefile import workstation as workstation_module
from casefile.files.paths import KEYS_NAME
from casefile.keys import keyfile
from casefile.keys.devicesecret import KeyringCheck
from casefile.policy import Policy
from casefile.workstation import Workstation

PASSWORD_ONLY = Workstation(Policy(), KeyringCheck(None, "no keyring in this test"))


def device_secret(data_dir: Path) -> bytes | None:
    keys = keyfile.read_key_file(data_dir / KEYS_NAME)
    keystore = workstation_module.current_workstation().keystore
    return keystore.get(keys.installation_id) if keystore else None


def data_key_of(data_dir: Path, login: str, password: str) -> bytes:
    keys = keyfile.read_key_file(data_dir / KEYS_NAME)
    return keyfile.unlock_with_password(keys, login, password, device_secret(data_dir))


def without_failures(keys: keyfile.KeyFile) -> keyfile.KeyFile:
    """The key file minus its record of failed sign-ins (what a wrong password may change)."""
    return replace(keys, failures=(), failed_sign_ins=())
