"""What a refused sign-in says about what it wrote is true, checked against the files."""

from __future__ import annotations

from pathlib import Path

import pytest

from casefile.errors import DeviceSecretLost, WaymarkError, WrongPassword, WrongRecoveryKey
from casefile.files.paths import DB_NAME, KEYS_NAME
from casefile.staff.accounts import recover_with_key
from casefile.store import open_store
from casefile.workstation import Workstation
from tests.casefile.conftest import ADMIN_LOGIN, ADMIN_PASSWORD
from tests.keys import without_failures


def _files(data_dir: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(data_dir.iterdir())
            if p.is_file() and not p.name.endswith(".lock")}


def _claims_nothing_changed(error: WaymarkError) -> bool:
    return "nothing was changed" in error.user_message().lower()


def test_a_wrong_password_says_the_try_was_counted_and_only_that_is_written(
    closed_store: tuple[Path, str],
) -> None:
    data_dir = closed_store[0]
    before = _files(data_dir)
    with pytest.raises(WrongPassword) as refused:
        open_store(data_dir, ADMIN_LOGIN, "not the password")
    assert not _claims_nothing_changed(refused.value)
    assert "counted" in refused.value.user_message()
    after = _files(data_dir)
    assert after[DB_NAME] == before[DB_NAME]
    from casefile.keys.keyfile import decode_key_file
    assert without_failures(decode_key_file(after[KEYS_NAME], data_dir)) == \
        without_failures(decode_key_file(before[KEYS_NAME], data_dir))


def test_a_blank_sign_in_name_writes_nothing_and_asks_for_one(
    closed_store: tuple[Path, str],
) -> None:
    data_dir = closed_store[0]
    before = _files(data_dir)
    with pytest.raises(WaymarkError, match="Type your sign-in name"):
        open_store(data_dir, "   ", ADMIN_PASSWORD)
    assert _files(data_dir) == before


def test_a_wrong_recovery_key_changes_nothing_as_it_says(closed_store: tuple[Path, str]) -> None:
    data_dir = closed_store[0]
    before = _files(data_dir)
    with pytest.raises(WrongRecoveryKey) as refused:
        recover_with_key(data_dir, ADMIN_LOGIN, "AAAA-" * 7 + "AAAA", "a new password!")
    assert _claims_nothing_changed(refused.value)
    assert _files(data_dir) == before


def test_a_lost_keyring_secret_changes_nothing_as_it_says(
    closed_store: tuple[Path, str], workstation: Workstation,
) -> None:
    data_dir = closed_store[0]
    assert workstation.keystore is not None
    workstation.keystore._secrets.clear()  # type: ignore[attr-defined]  # the keyring forgot
    before = _files(data_dir)
    with pytest.raises(DeviceSecretLost) as refused:
        open_store(data_dir, ADMIN_LOGIN, ADMIN_PASSWORD)
    assert _claims_nothing_changed(refused.value)
    assert _files(data_dir) == before
