"""The key file: each slot opens only with its own password, in its own installation's file,
under its own sign-in name; and the file on disk is never half written."""

from __future__ import annotations

import base64
import dataclasses
import errno
import json
import os
import stat
from pathlib import Path

import pytest

from casefile.errors import FileUnusable, StorageFull, WrongPassword, WrongRecoveryKey
from casefile.keys import keyfile
from casefile.keys.crypto import KdfParams, random_key
from casefile.keys.keyfile import KeyFile
from casefile.keys.recovery import new_recovery_key

PASSWORD = "a long pass phrase"


def _key_file(data_key: bytes, recovery_key: str) -> KeyFile:
    keys = keyfile.new_key_file()
    keys = keys.with_slot(keyfile.staff_slot(keys, "Ada", PASSWORD, data_key))
    keys = keys.with_slot(keyfile.staff_slot(keys, "bo", "bo's password", data_key))
    return keys.with_slot(keyfile.recovery_slot(keys, recovery_key, data_key))


def test_encode_decode_round_trip(tmp_path: Path) -> None:
    data_key, recovery_key = random_key(), new_recovery_key()
    keys = _key_file(data_key, recovery_key)

    decoded = keyfile.decode_key_file(keyfile.encode_key_file(keys), tmp_path / "k")

    assert decoded == keys
    assert [s.login for s in decoded.slots] == ["ada", "bo", None]
    assert keyfile.unlock_with_password(decoded, "ada", PASSWORD) == data_key
    assert keyfile.unlock_with_password(decoded, " ADA ", PASSWORD) == data_key
    assert keyfile.unlock_with_password(decoded, "bo", "bo's password") == data_key
    assert keyfile.unlock_with_recovery_key(decoded, recovery_key) == data_key
    with pytest.raises(WrongPassword):
        keyfile.unlock_with_password(decoded, "bo", PASSWORD)


def test_the_production_cost_is_accepted_when_read_back(tmp_path: Path) -> None:
    """The checks on a slot's cost must not lock out a store made with the real defaults."""
    keys = _key_file(random_key(), new_recovery_key())
    production = KdfParams()
    assert production.memory_kib >= 64 * 1024
    slots = tuple(dataclasses.replace(s, kdf=production) for s in keys.slots)
    heavy = dataclasses.replace(keys, slots=slots)

    decoded = keyfile.decode_key_file(keyfile.encode_key_file(heavy), tmp_path / "k")
    assert {s.kdf for s in decoded.slots} == {production}


def test_a_slot_from_another_installation_does_not_open() -> None:
    data_key, recovery_key = random_key(), new_recovery_key()
    theirs = _key_file(data_key, recovery_key)
    ours = _key_file(random_key(), new_recovery_key())

    planted = ours
    for slot in theirs.slots:
        planted = planted.with_slot(slot)
    assert planted.slot_for("ada") == theirs.slot_for("ada")

    with pytest.raises(WrongPassword):
        keyfile.unlock_with_password(planted, "ada", PASSWORD)
    with pytest.raises(WrongRecoveryKey):
        keyfile.unlock_with_recovery_key(planted, recovery_key)
    # The same slots do open in their own file.
    assert keyfile.unlock_with_password(theirs, "ada", PASSWORD) == data_key


def test_a_renamed_slot_does_not_open(tmp_path: Path) -> None:
    keys = _key_file(random_key(), new_recovery_key())
    # Someone edits the file: bo's slot is dropped and ada's slot is renamed to bo.
    document = json.loads(keyfile.encode_key_file(keys))
    document["slots"] = [s for s in document["slots"] if s["login"] != "bo"]
    for slot in document["slots"]:
        if slot["login"] == "ada":
            slot["login"] = "bo"
    renamed = keyfile.decode_key_file(json.dumps(document).encode(), tmp_path / "k")
    assert renamed.slot_for("bo") is not None

    with pytest.raises(WrongPassword):
        keyfile.unlock_with_password(renamed, "bo", PASSWORD)
    with pytest.raises(WrongPassword):
        keyfile.unlock_with_password(renamed, "ada", PASSWORD)


def test_the_recovery_slot_relabelled_as_a_staff_slot_does_not_open() -> None:
    # A recovery key whose secret is also a valid password, so only the slot's authenticated
    # kind and login can tell the two apart.
    secret_text = "RECOVERYSECRETTWENTY"
    recovery_key = base64.b32encode(secret_text.encode()).decode()
    data_key = random_key()
    keys = keyfile.new_key_file()
    keys = keys.with_slot(keyfile.recovery_slot(keys, recovery_key, data_key))
    assert keyfile.unlock_with_recovery_key(keys, recovery_key) == data_key

    recovery = keys.recovery_slot()
    assert recovery is not None
    forged = keys.with_slot(dataclasses.replace(recovery, kind=keyfile.STAFF, login="eve"))
    with pytest.raises(WrongPassword):
        keyfile.unlock_with_password(forged, "eve", secret_text)


def test_the_file_is_owner_only(tmp_path: Path) -> None:
    previous = os.umask(0)
    try:
        data_key = random_key()
        keyfile.write_key_file(tmp_path / "waymark.keys", _key_file(data_key, new_recovery_key()),
                               data_key)
    finally:
        os.umask(previous)
    if os.name == "posix":
        assert stat.S_IMODE((tmp_path / "waymark.keys").stat().st_mode) == 0o600


def test_a_failed_write_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "waymark.keys"
    data_key = random_key()
    keyfile.write_key_file(path, _key_file(data_key, new_recovery_key()), data_key)
    old = keyfile.read_key_file(path)
    before = path.read_bytes()
    new = old.with_slot(keyfile.staff_slot(old, "cy", "cy's password", data_key))

    def crash(source: object, target: object) -> None:
        raise OSError(errno.EIO, "simulated crash before the rename")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(FileUnusable, match="read or write error"):
        keyfile.write_key_file(path, new, data_key)

    assert path.read_bytes() == before
    assert keyfile.read_key_file(path) == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["waymark.keys", "waymark.keys.lock"]


def test_a_full_disk_while_writing_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "waymark.keys"
    data_key = random_key()
    old = _key_file(data_key, new_recovery_key())
    keyfile.write_key_file(path, old, data_key)
    before = path.read_bytes()

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(StorageFull):
        keyfile.write_key_file(path, old.with_slot(
            keyfile.staff_slot(old, "cy", "pw", data_key)), data_key)

    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["waymark.keys", "waymark.keys.lock"]
