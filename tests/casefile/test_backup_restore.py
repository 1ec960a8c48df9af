"""`waymark-admin backup` and `restore`: encrypted, verified, never clobbering a file, and
restorable on a new workstation with the recovery key alone."""

from __future__ import annotations

import getpass
import json
import stat
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select

from casefile import workstation as workstation_module
from casefile.backups.backupfile import DATABASE_NAME, FORMAT, MANIFEST_NAME
from casefile.cases.youth import YouthFields, create_youth, list_youth
from casefile.db.models import AuditEntry
from casefile.errors import StoreUnavailable
from casefile.files.paths import StorePaths, StoreState
from casefile.keys import keyfile
from casefile.keys.devicesecret import KeyringCheck, MemoryKeystore
from casefile.policy import Policy
from casefile.store import open_store
from casefile.trail import audit
from casefile.workstation import Workstation
from cli.main import main
from tests.cli.cli_support import (
    PASSWORD,
    Admin,
    Terminal,
    assert_one_sentence,
    files,
)

NEW_PASSWORD = "password on the new machine"


def add_youth(data_dir: Path, name: str, login: str = "ada", password: str = PASSWORD) -> None:
    store = open_store(data_dir, login, password)
    create_youth(store, YouthFields(legal_name=name))
    store.close()


def youth_names(data_dir: Path, login: str = "ada", password: str = PASSWORD) -> set[str]:
    store = open_store(data_dir, login, password)
    try:
        return {row.legal_name for row in list_youth(store)}
    finally:
        store.close()


def actions(data_dir: Path, password: str = PASSWORD) -> list[str]:
    store = open_store(data_dir, "ada", password)
    try:
        with store.unit() as session:
            return list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
    finally:
        store.close()


def another_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    elsewhere = Workstation(Policy(), KeyringCheck(MemoryKeystore(), ""))
    monkeypatch.setattr(workstation_module, "current_workstation", lambda: elsewhere)


def backup(admin: Admin, target: Path) -> None:
    out = admin.ok("--as", "ada", "backup", str(target))
    assert str(target) in out


def test_a_backup_is_one_owner_only_file_with_a_manifest_and_the_encrypted_database(
    admin: Admin, tmp_path: Path
) -> None:
    add_youth(admin.data_dir, "Rosa Example")
    folder = tmp_path / "usb"
    folder.mkdir()
    target = folder / "monday.wmbackup"
    backup(admin, target)
    assert [path.name for path in folder.iterdir()] == ["monday.wmbackup"]  # no temporary left
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with zipfile.ZipFile(target) as container:
        assert sorted(container.namelist()) == [MANIFEST_NAME, DATABASE_NAME]
        assert all(info.compress_type == zipfile.ZIP_STORED for info in container.infolist())
        manifest = json.loads(container.read(MANIFEST_NAME))
        database = container.read(DATABASE_NAME)
    keys = keyfile.read_key_file(StorePaths(admin.data_dir).keys)
    assert manifest["format"] == FORMAT and manifest["version"] == 1
    assert manifest["installation_id"] == keys.installation_id
    assert "failures" not in manifest["keys"] and manifest["keys"]["slots"]
    assert not database.startswith(b"SQLite format 3") and b"Rosa" not in database
    assert actions(admin.data_dir)[-2] == audit.BACKUP  # then this sign-in


def test_backup_never_replaces_an_existing_file(admin: Admin, tmp_path: Path) -> None:
    target = tmp_path / "taken.wmbackup"
    target.write_bytes(b"an older backup")
    code, _out, err = admin("--as", "ada", "backup", str(target))
    assert code == 1
    assert_one_sentence(err)
    assert "already exists" in err
    assert target.read_bytes() == b"an older backup"
    assert [path.name for path in tmp_path.iterdir()] == ["data", "taken.wmbackup"]


def test_backup_is_for_administrators_only(admin: Admin, tmp_path: Path) -> None:
    admin.add_user("cam", "caseworker")
    code, _out, err = admin("--as", "cam", "backup", str(tmp_path / "b.wmbackup"))
    assert code == 1 and "Only an administrator" in err
    assert not (tmp_path / "b.wmbackup").exists()


def test_a_backup_into_a_missing_folder_is_one_sentence(admin: Admin, tmp_path: Path) -> None:
    code, _out, err = admin("--as", "ada", "backup", str(tmp_path / "nowhere" / "b.wmbackup"))
    assert code == 1
    assert_one_sentence(err)
    assert "could not be written" in err


def test_a_backup_that_does_not_verify_leaves_nothing(
    admin: Admin, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def damaged(path: Path, data_key: bytes) -> None:
        raise StoreUnavailable(path=str(path), reason="integrity_check")

    monkeypatch.setattr("casefile.backups.backup_io.verify_backup", damaged)
    folder = tmp_path / "usb"
    folder.mkdir()
    code, _out, err = admin("--as", "ada", "backup", str(folder / "b.wmbackup"))
    assert code == 1
    assert_one_sentence(err)
    assert list(folder.iterdir()) == []
    assert audit.BACKUP not in actions(admin.data_dir)


def test_restore_on_a_new_workstation_with_the_recovery_key(
    admin: Admin, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    admin.add_user("cam", "caseworker")
    add_youth(admin.data_dir, "Rosa Example")
    add_youth(admin.data_dir, "Kim Example", login="cam")
    target = tmp_path / "b.wmbackup"
    backup(admin, target)
    another_machine(monkeypatch)
    fresh = tmp_path / "new-machine"
    out = admin.ok("--as", "ada", "restore", str(target), data_dir=fresh,
                   stdin=f"{admin.recovery_key}\n{NEW_PASSWORD}\n")
    assert "Restored" in out
    assert youth_names(fresh, password=NEW_PASSWORD) == {"Rosa Example"}
    assert actions(fresh, NEW_PASSWORD)[-3:] == [audit.RESTORE, audit.SIGN_IN, audit.SIGN_IN]
    out = admin.ok("--as", "ada", "verify", data_dir=fresh, stdin=f"{NEW_PASSWORD}\n")
    assert out.count(": ok") == 5
    keys = keyfile.read_key_file(StorePaths(fresh).keys)
    assert keys.installation_id == keyfile.read_key_file(StorePaths(admin.data_dir).keys) \
        .installation_id
    assert keys.slot_for("cam") is None  # cam's slot needed the old workstation's keyring
    assert keys.recovery_slot() is not None
    for path in StorePaths(fresh).database, StorePaths(fresh).keys:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    admin.ok("user", "reset-password", "cam", "--recovery-key", data_dir=fresh,
             stdin=f"{admin.recovery_key}\n{NEW_PASSWORD}\n")
    assert youth_names(fresh, "cam", NEW_PASSWORD) == {"Kim Example"}


@pytest.mark.parametrize(("login", "key", "expected"), [
    ("ada", "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH", "recovery key does not open"),
    ("nobody", None, "no active account"),
])
def test_a_refused_restore_on_a_new_workstation_leaves_no_folder(
    admin: Admin, tmp_path: Path, login: str, key: str | None, expected: str
) -> None:
    target = tmp_path / "b.wmbackup"
    backup(admin, target)
    fresh = tmp_path / "new-machine"
    code, _out, err = admin("--as", login, "restore", str(target), data_dir=fresh,
                            stdin=f"{key or admin.recovery_key}\n{NEW_PASSWORD}\n")
    assert code == 1
    assert_one_sentence(err)
    assert expected in err
    assert not fresh.exists()


def test_restore_over_the_store_brings_back_the_backup_and_keeps_the_current_one(
    admin: Admin, tmp_path: Path
) -> None:
    add_youth(admin.data_dir, "Before Backup")
    target = tmp_path / "b.wmbackup"
    backup(admin, target)
    add_youth(admin.data_dir, "After Backup")
    out = admin.ok("--as", "ada", "restore", str(target))
    assert youth_names(admin.data_dir) == {"Before Backup"}
    kept = list((admin.data_dir / "backups").glob("before-restore-*"))
    assert len(kept) == 1 and str(kept[0].name) in out
    assert stat.S_IMODE(kept[0].stat().st_mode) == 0o600
    assert audit.RESTORE in actions(admin.data_dir)
    assert admin.ok("--as", "ada", "verify").count(": ok") == 5

    admin.ok("--as", "ada", "restore", str(kept[0]))  # the kept database is a backup too
    assert youth_names(admin.data_dir) == {"Before Backup", "After Backup"}
    assert admin.ok("--as", "ada", "verify").count(": ok") == 5


def test_restore_by_an_administrator_the_backup_does_not_know(
    admin: Admin, tmp_path: Path
) -> None:
    target = tmp_path / "b.wmbackup"
    backup(admin, target)
    admin.add_user("bob", "admin")
    admin.ok("--as", "bob", "restore", str(target))
    restored = actions(admin.data_dir)
    assert restored[-2] == audit.RESTORE
    assert admin.ok("--as", "ada", "verify").count(": ok") == 5


def test_restore_over_the_store_is_for_administrators_only(
    admin: Admin, tmp_path: Path
) -> None:
    admin.add_user("cam", "caseworker")
    add_youth(admin.data_dir, "Before Backup")
    target = tmp_path / "b.wmbackup"
    backup(admin, target)
    add_youth(admin.data_dir, "After Backup")
    code, _out, err = admin("--as", "cam", "restore", str(target))
    assert code == 1 and "Only an administrator" in err
    assert youth_names(admin.data_dir) == {"Before Backup", "After Backup"}


def test_restore_refuses_while_the_database_is_open_elsewhere(
    admin: Admin, tmp_path: Path
) -> None:
    add_youth(admin.data_dir, "Before Backup")
    target = tmp_path / "b.wmbackup"
    backup(admin, target)
    add_youth(admin.data_dir, "After Backup")
    other_window = open_store(admin.data_dir, "ada", PASSWORD)  # keeps a connection open
    try:
        code, _out, err = admin("--as", "ada", "restore", str(target))
    finally:
        other_window.close()
    assert code == 1
    assert_one_sentence(err)
    assert "open in another Waymark window" in err
    assert youth_names(admin.data_dir) == {"Before Backup", "After Backup"}


def rewrite(source: Path, target: Path, change_manifest: object = None,
            change_database: object = None) -> None:
    with zipfile.ZipFile(source) as container:
        manifest = json.loads(container.read(MANIFEST_NAME))
        database = bytearray(container.read(DATABASE_NAME))
    if callable(change_manifest):
        change_manifest(manifest)
    if callable(change_database):
        change_database(database)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as container:
        container.writestr(MANIFEST_NAME, json.dumps(manifest))
        container.writestr(DATABASE_NAME, bytes(database))


def flip_a_database_byte(database: bytearray) -> None:
    database[len(database) - 100] ^= 1


def truncate(source: Path, target: Path) -> None:
    target.write_bytes(source.read_bytes()[: source.stat().st_size // 2])


def newer_format(manifest: dict[str, object]) -> None:
    manifest["version"] = 2


def newer_schema(manifest: dict[str, object]) -> None:
    manifest["schema_revision"] = "9999_from_the_future"


def other_date(manifest: dict[str, object]) -> None:
    manifest["created_at"] = "2001-01-01T00:00:00+00:00"


@pytest.mark.parametrize(("spoil", "expected"), [
    (lambda source, target: truncate(source, target), "not a complete Waymark backup"),
    (lambda source, target: target.write_bytes(b"PK\x03\x04" + b"\0" * 200),
     "not a complete Waymark backup"),
    (lambda source, target: target.write_text("just some text"), "not a complete Waymark backup"),
    (lambda source, target: rewrite(source, target, change_database=flip_a_database_byte),
     "not a complete Waymark backup"),
    (lambda source, target: rewrite(source, target, change_manifest=other_date),
     "not a complete Waymark backup"),
    (lambda source, target: rewrite(source, target, change_manifest=newer_format),
     "newer version of Waymark"),
    (lambda source, target: rewrite(source, target, change_manifest=newer_schema),
     "newer version of Waymark"),
])
@pytest.mark.parametrize("where", ["over the store", "on a new workstation"])
def test_restore_refuses_a_damaged_or_newer_backup_and_changes_nothing(
    admin: Admin, tmp_path: Path, spoil: object, expected: str, where: str
) -> None:
    add_youth(admin.data_dir, "Before Backup")
    good = tmp_path / "good.wmbackup"
    backup(admin, good)
    add_youth(admin.data_dir, "After Backup")
    spoiled = tmp_path / "spoiled.wmbackup"
    assert callable(spoil)
    spoil(good, spoiled)
    folder = admin.data_dir if where == "over the store" else tmp_path / "new-machine"
    stdin = f"{PASSWORD}\n" if where == "over the store" else \
        f"{admin.recovery_key}\n{NEW_PASSWORD}\n"
    code, _out, err = admin("--as", "ada", "restore", str(spoiled), data_dir=folder, stdin=stdin)
    assert code == 1
    assert_one_sentence(err)
    assert expected in err
    if where == "over the store":
        assert youth_names(admin.data_dir) == {"Before Backup", "After Backup"}
        assert not (admin.data_dir / "backups").exists()
        assert admin.ok("--as", "ada", "verify").count(": ok") == 5
    else:
        assert not folder.exists()


def test_restore_refuses_a_backup_of_another_installation(
    admin: Admin, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    other = Admin(monkeypatch, capsys, tmp_path / "other")
    other.init()
    foreign = tmp_path / "other.wmbackup"
    other.ok("--as", "ada", "backup", str(foreign))
    add_youth(admin.data_dir, "Ours")
    code, _out, err = admin("--as", "ada", "restore", str(foreign))
    assert code == 1
    assert_one_sentence(err)
    assert "another Waymark installation" in err
    assert youth_names(admin.data_dir) == {"Ours"}


def test_restore_into_a_folder_with_part_of_a_store_is_refused(
    admin: Admin, tmp_path: Path
) -> None:
    target = tmp_path / "b.wmbackup"
    backup(admin, target)
    half = tmp_path / "half"
    half.mkdir()
    (half / "waymark.keys").write_text("{}")
    code, _out, err = admin("--as", "ada", "restore", str(target), data_dir=half,
                            stdin=f"{admin.recovery_key}\n{NEW_PASSWORD}\n")
    assert code == 1
    assert_one_sentence(err)
    assert "holds part of a store" in err
    assert StorePaths(half).state() is StoreState.DATABASE_MISSING
    assert files(half) == {"waymark.keys": b"{}"}


def test_on_a_terminal_restore_asks_for_the_recovery_key_then_a_new_password_twice(
    admin: Admin, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "b.wmbackup"
    backup(admin, target)
    typed = iter([admin.recovery_key, NEW_PASSWORD, NEW_PASSWORD])
    prompts: list[str] = []

    def fake_getpass(prompt: str) -> str:
        prompts.append(prompt)
        return next(typed)

    monkeypatch.setattr(getpass, "getpass", fake_getpass)
    monkeypatch.setattr("sys.stdin", Terminal())
    fresh = tmp_path / "new-machine"
    assert main(["--data-dir", str(fresh), "--as", "ada", "restore", str(target)]) == 0
    assert prompts == ["Recovery key: ", "New password for ada: ",
                       "Type the same password again: "]
    open_store(fresh, "ada", NEW_PASSWORD).close()


def test_a_store_refused_as_damaged_is_restored_over_and_its_files_kept_as_they_were(
    admin: Admin, tmp_path: Path
) -> None:
    """Sign-in now refuses a damaged store before writing; restoring over it must still work,
    and the damaged files are kept aside byte for byte (an export of them could fail)."""
    for number in range(30):
        add_youth(admin.data_dir, f"Before Backup {number}")
    target = tmp_path / "b.wmbackup"
    backup(admin, target)
    database = admin.data_dir / "waymark.db"
    damaged = bytearray(database.read_bytes())
    damaged[-4096 + 300] ^= 0xFF  # the last page
    database.write_bytes(bytes(damaged))
    code, _out, _err = admin("--as", "ada", "verify")
    assert code == 1 and "Encryption (cipher_integrity_check): FAILED" in _out

    out = admin.ok("--as", "ada", "restore", str(target))
    assert "Restored the backup" in out
    (aside,) = (admin.data_dir / "backups").glob("damaged-*")
    assert (aside / "waymark.db").read_bytes() == bytes(damaged)
    assert youth_names(admin.data_dir) == {f"Before Backup {n}" for n in range(30)}
    assert admin.ok("--as", "ada", "verify").count(": ok") == 5
