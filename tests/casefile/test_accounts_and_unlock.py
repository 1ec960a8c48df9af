"""Accounts, passwords, back-off and the workstation's device secret, as staff meet them."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from casefile import workstation as workstation_module
from casefile.cases.youth import YouthFields, create_youth, list_youth
from casefile.errors import (
    AccountDisabled,
    DeviceSecretLost,
    DeviceSecretUnavailable,
    LastAdministrator,
    LoginTaken,
    NotPermitted,
    PasswordTooShort,
    TooManyAttempts,
    WrongPassword,
    WrongRecoveryKey,
)
from casefile.files.paths import KEYS_NAME
from casefile.keys import keyfile
from casefile.keys.devicesecret import KeyringCheck, MemoryKeystore
from casefile.policy import Policy
from casefile.staff import backoff
from casefile.staff.accounts import (
    add_account,
    change_own_password,
    list_accounts,
    recover_with_key,
    reset_password,
    set_active,
    update_account,
)
from casefile.store import ADMIN, CASEWORKER, Store, create_store, open_store
from casefile.workstation import Workstation
from tests.casefile.conftest import ADMIN_LOGIN, ADMIN_PASSWORD
from tests.keys import PASSWORD_ONLY

PASSWORD = "a long enough password"


def keys_of(data_dir: Path) -> keyfile.KeyFile:
    return keyfile.read_key_file(data_dir / KEYS_NAME)


def another_machine(monkeypatch: pytest.MonkeyPatch) -> Workstation:
    other = Workstation(Policy(), KeyringCheck(MemoryKeystore(), ""))
    monkeypatch.setattr(workstation_module, "current_workstation", lambda: other)
    return other


# -- accounts --------------------------------------------------------------------------------


def test_an_added_account_signs_in_with_its_own_password(store: Store, data_dir: Path) -> None:
    add_account(store, "Cam", "Cam Caseworker", {CASEWORKER}, PASSWORD)
    cam = open_store(data_dir, "cam", PASSWORD)
    try:
        assert cam.user.display_name == "Cam Caseworker"
        assert cam.user.roles == frozenset({CASEWORKER})
    finally:
        cam.close()
    with pytest.raises(WrongPassword):
        open_store(data_dir, "cam", ADMIN_PASSWORD)
    listed = {a.login: a for a in list_accounts(store)}
    assert listed["cam"].has_password and listed["cam"].keyring_protected


def test_account_rules(store: Store) -> None:
    with pytest.raises(LoginTaken):
        add_account(store, ADMIN_LOGIN, "Someone", {CASEWORKER}, PASSWORD)
    with pytest.raises(PasswordTooShort):
        add_account(store, "bo", "Bo", {CASEWORKER}, "short")
    with pytest.raises(LastAdministrator):
        update_account(store, store.user.id, "Ada", {CASEWORKER}, None)
    with pytest.raises(NotPermitted):  # no one disables themselves
        set_active(store, store.user.id, False)


def test_only_administrators_manage_accounts(store: Store, data_dir: Path) -> None:
    add_account(store, "cam", "Cam", {CASEWORKER}, PASSWORD)
    cam = open_store(data_dir, "cam", PASSWORD)
    try:
        with pytest.raises(NotPermitted):
            add_account(cam, "eve", "Eve", {ADMIN}, PASSWORD)
        with pytest.raises(NotPermitted):
            list_accounts(cam)
    finally:
        cam.close()


def test_a_disabled_account_has_no_key_slot_and_cannot_sign_in(
    store: Store, data_dir: Path
) -> None:
    cam_id = add_account(store, "cam", "Cam", {CASEWORKER}, PASSWORD)
    set_active(store, cam_id, False)
    assert keys_of(data_dir).slot_for("cam") is None
    with pytest.raises(WrongPassword):
        open_store(data_dir, "cam", PASSWORD)
    with pytest.raises(AccountDisabled):
        reset_password(store, cam_id, "a new password")
    set_active(store, cam_id, True)
    reset_password(store, cam_id, "a new password")
    open_store(data_dir, "cam", "a new password").close()


def test_changing_your_own_password(store: Store, data_dir: Path) -> None:
    with pytest.raises(WrongPassword):
        change_own_password(store, "not my password", "brand new password")
    change_own_password(store, ADMIN_PASSWORD, "brand new password")
    with pytest.raises(WrongPassword):
        open_store(data_dir, ADMIN_LOGIN, ADMIN_PASSWORD)
    open_store(data_dir, ADMIN_LOGIN, "brand new password").close()


# -- back-off --------------------------------------------------------------------------------


def test_failed_sign_ins_back_off_per_account(
    store: Store, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_account(store, "cam", "Cam", {CASEWORKER}, PASSWORD)
    clock = [1_000_000.0]
    monkeypatch.setattr("casefile.keys.unlock.time.time", lambda: clock[0])
    for _ in range(backoff.FREE_TRIES):
        with pytest.raises(WrongPassword):
            open_store(data_dir, "cam", "wrong guess")
    with pytest.raises(TooManyAttempts) as raised:
        open_store(data_dir, "cam", PASSWORD)  # even the right password waits
    assert "5 seconds" in raised.value.user_message()
    open_store(data_dir, ADMIN_LOGIN, ADMIN_PASSWORD).close()  # other accounts are unaffected
    clock[0] += backoff.FIRST_WAIT_SECONDS
    with pytest.raises(WrongPassword):
        open_store(data_dir, "cam", "wrong again")
    assert backoff.seconds_to_wait(keys_of(data_dir), "cam", clock[0]) == 10
    clock[0] += 10
    open_store(data_dir, "cam", PASSWORD).close()
    assert keys_of(data_dir).failures_of("cam") is None


def test_the_wait_doubles_up_to_a_ceiling() -> None:
    waits = [backoff.wait_after(n) for n in range(1, 16)]
    assert waits[:2] == [0, 0]
    assert waits[2:6] == [5, 10, 20, 40]
    assert max(waits) == backoff.MAX_WAIT_SECONDS
    assert waits == sorted(waits)


# -- the device secret -----------------------------------------------------------------------


def test_a_copied_data_folder_does_not_open_on_another_machine(
    closed_store: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir, recovery = closed_store
    copy = tmp_path / "elsewhere"
    shutil.copytree(data_dir, copy)
    another_machine(monkeypatch)
    database_before = (copy / "waymark.db").read_bytes()
    with pytest.raises(DeviceSecretLost):
        open_store(copy, ADMIN_LOGIN, ADMIN_PASSWORD)
    assert (copy / "waymark.db").read_bytes() == database_before
    with pytest.raises(WrongRecoveryKey):
        recover_with_key(copy, ADMIN_LOGIN, "AAAA-" * 7 + "AAAA", "a new password")
    recover_with_key(copy, ADMIN_LOGIN, recovery, "a new password").close()
    open_store(copy, ADMIN_LOGIN, "a new password").close()


def test_a_keyring_that_lost_the_secret_is_recovered_with_the_recovery_key(
    store_and_recovery: tuple[Store, str], data_dir: Path, workstation: Workstation
) -> None:
    store, recovery = store_and_recovery
    add_account(store, "cam", "Cam", {CASEWORKER}, PASSWORD)
    create_youth(store, YouthFields(legal_name="Still here"))
    store.close()
    assert isinstance(workstation.keystore, MemoryKeystore)
    workstation.keystore.put(keys_of(data_dir).installation_id, bytes(32))  # a changed keyring
    with pytest.raises(DeviceSecretLost):
        open_store(data_dir, ADMIN_LOGIN, ADMIN_PASSWORD)
    recovered = recover_with_key(data_dir, ADMIN_LOGIN, recovery, "a new password")
    try:
        assert [row.legal_name for row in list_youth(recovered)] == ["Still here"]
        # Cam's slot needed the lost secret: it is gone until an administrator resets it.
        assert keys_of(data_dir).slot_for("cam") is None
    finally:
        recovered.close()


def test_without_a_keyring_the_store_is_password_only_and_says_so(data_dir: Path) -> None:
    store, _ = create_store(data_dir, ADMIN_LOGIN, "Ada", ADMIN_PASSWORD,
                            workstation=PASSWORD_ONLY)
    store.close()
    document = json.loads((data_dir / KEYS_NAME).read_text())
    assert document["device_fingerprint"] is None
    assert all(slot["device"] is False for slot in document["slots"])


def test_a_password_only_slot_gains_the_device_secret_when_a_keyring_appears(
    data_dir: Path, workstation: Workstation
) -> None:
    create_store(data_dir, ADMIN_LOGIN, "Ada", ADMIN_PASSWORD,
                 workstation=PASSWORD_ONLY)[0].close()
    open_store(data_dir, ADMIN_LOGIN, ADMIN_PASSWORD, workstation).close()
    keys = keys_of(data_dir)
    slot = keys.slot_for(ADMIN_LOGIN)
    assert slot is not None and slot.device and keys.device_fingerprint is not None
    with pytest.raises(DeviceSecretUnavailable):  # the keyring goes away again
        open_store(data_dir, ADMIN_LOGIN, ADMIN_PASSWORD, PASSWORD_ONLY)


def test_a_version_1_key_file_is_still_read(closed_store: tuple[Path, str]) -> None:
    data_dir, _ = closed_store
    keys = keys_of(data_dir)
    document = json.loads((data_dir / KEYS_NAME).read_text())
    for name in ("device_fingerprint", "audit", "failures", "failed_sign_ins"):
        document.pop(name)
    for slot in document["slots"]:
        slot.pop("device")
    document["version"] = 1
    decoded = keyfile.decode_key_file(json.dumps(document).encode(), data_dir / KEYS_NAME)
    assert decoded.installation_id == keys.installation_id
    assert decoded.slots == tuple(replace(s, device=False) for s in keys.slots)
