"""The encrypted store as a caseworker and an administrator rely on it: what was saved is there
after a restart or a crash, nothing is readable without the key, and every failure is a clear
message that leaves the files exactly as they were."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3
from sqlalchemy import event, text

from casefile.backups.backup import export_backup
from casefile.cases.youth import YouthFields, create_youth, get_youth, list_youth
from casefile.db.database import check_pragmas, key_pragma
from casefile.db.models import Youth
from casefile.errors import (
    BackupFailed,
    DatabaseMissing,
    ForeignFile,
    KeyFileDamaged,
    KeyFileMissing,
    NewerDatabase,
    StorageFull,
    StoreExists,
    StoreMissing,
    StoreUnavailable,
    UnsafeDatabaseSettings,
    WaymarkError,
    WrongPassword,
    WrongRecoveryKey,
)
from casefile.files.paths import DB_NAME, KEYS_NAME
from casefile.keys import keyfile
from casefile.keys.recovery import new_recovery_key
from casefile.store import Store, create_store, open_store
from tests import keys as keys_helper

from .conftest import ADMIN_LOGIN, ADMIN_PASSWORD

REPO_ROOT = Path(__file__).resolve().parents[2]
CANARY = "Zebulon Canary-7731"
ARABIC_NAME = "نور الهدى قاسم"
CHINESE_NAME = "王秀英"
NAMES = (CANARY, ARABIC_NAME, CHINESE_NAME)

# name -> (bytes, mtime in ns, permission bits) of every file and folder under a data folder
Snapshot = dict[str, tuple[bytes, int, int]]


def snapshot(folder: Path) -> Snapshot:
    result: Snapshot = {}
    for path in sorted(folder.rglob("*")):
        info = path.stat()
        content = path.read_bytes() if path.is_file() else b""
        result[str(path.relative_to(folder))] = (content, info.st_mtime_ns, info.st_mode)
    folder_info = folder.stat()
    result["."] = (b"", folder_info.st_mtime_ns, folder_info.st_mode)
    return result


def data_key_of(data_dir: Path) -> bytes:
    return keys_helper.data_key_of(data_dir, ADMIN_LOGIN, ADMIN_PASSWORD)


def files_but_the_key_file(folder: Path) -> Snapshot:
    """A snapshot of everything a wrong password must leave alone (all but the key file, its
    lock and the folder's time, which rewriting the key file changes)."""
    return files_but_the_key_file_of(snapshot(folder))


def files_but_the_key_file_of(taken: Snapshot) -> Snapshot:
    return {name: value for name, value in taken.items()
            if name not in (KEYS_NAME, KEYS_NAME + ".lock", ".")}


def only_failures_recorded(folder: Path, before: keyfile.KeyFile) -> bool:
    after = keyfile.read_key_file(folder / KEYS_NAME)
    return keys_helper.without_failures(after) == keys_helper.without_failures(before)


def names_in(store: Store) -> list[str]:
    return [row.legal_name for row in list_youth(store)]


# -- create, reopen, crash -------------------------------------------------------------------


def test_saved_youth_survive_close_and_reopen(store: Store, data_dir: Path) -> None:
    record = create_youth(store, YouthFields(legal_name=CANARY, pronouns="he/him"))
    store.close()
    assert not store.is_open
    with pytest.raises(RuntimeError):
        _ = store.engine

    reopened = open_store(data_dir, ADMIN_LOGIN, ADMIN_PASSWORD)
    try:
        assert get_youth(reopened, record.id) == record
        assert reopened.user.login == ADMIN_LOGIN
        assert reopened.user.display_name == "Ada Admin"
    finally:
        reopened.close()


def test_login_is_forgiving_of_case_and_spaces(closed_store: tuple[Path, str]) -> None:
    data_dir, _ = closed_store
    store = open_store(data_dir, "  ADA ", ADMIN_PASSWORD)
    store.close()


CRASH_AFTER_COMMIT = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from casefile.store import open_store
    from casefile.cases.youth import YouthFields, create_youth

    data_dir, login, password, name = sys.argv[1:5]
    store = open_store(Path(data_dir), login, password)
    record = create_youth(store, YouthFields(legal_name=name))
    print("COMMITTED", record.id, flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_a_commit_survives_the_process_being_killed(data_dir: Path) -> None:
    # Password-only: the child process has no access to this test's in-memory keyring.
    create_store(data_dir, ADMIN_LOGIN, "Ada Admin", ADMIN_PASSWORD,
                 workstation=keys_helper.PASSWORD_ONLY)[0].close()
    result = subprocess.run(
        [sys.executable, "-c", CRASH_AFTER_COMMIT, str(data_dir), ADMIN_LOGIN, ADMIN_PASSWORD,
         CANARY],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=60, check=False,
    )
    assert result.returncode == -signal.SIGKILL, result.stderr
    marker = result.stdout.split()
    assert marker[0] == "COMMITTED", result.stdout
    # Killed before any checkpoint: the commit lives only in the write-ahead log.
    assert (data_dir / f"{DB_NAME}-wal").stat().st_size > 0

    store = open_store(data_dir, ADMIN_LOGIN, ADMIN_PASSWORD)
    try:
        assert get_youth(store, int(marker[1])).legal_name == CANARY
    finally:
        store.close()


# -- wrong credentials -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("login", "password"),
    [
        (ADMIN_LOGIN, "wrong password"),
        (ADMIN_LOGIN, ""),
        (ADMIN_LOGIN, ADMIN_PASSWORD.upper()),
        ("nobody", ADMIN_PASSWORD),
        ("", ""),
    ],
)
def test_wrong_sign_in_changes_nothing_but_the_failure_count(
    store: Store, data_dir: Path, login: str, password: str
) -> None:
    create_youth(store, YouthFields(legal_name=CANARY))
    assert (data_dir / f"{DB_NAME}-wal").exists()  # the open store has a write-ahead log
    before = files_but_the_key_file(data_dir)
    keys_before = keyfile.read_key_file(data_dir / KEYS_NAME)

    # Nothing typed as the sign-in name is not an attempt: it asks for one.
    with pytest.raises(WrongPassword if login else WaymarkError) as raised:
        open_store(data_dir, login, password)

    assert files_but_the_key_file(data_dir) == before
    assert only_failures_recorded(data_dir, keys_before)
    failures = keyfile.read_key_file(data_dir / KEYS_NAME).failures_of(login)
    if login:
        assert failures is not None and failures.count == 1
    else:  # nothing typed: not an attempt
        assert failures is None
    if password:
        assert password not in str(raised.value)


# -- nothing readable without the key --------------------------------------------------------


def _assert_no_plaintext(folder: Path) -> None:
    files = [path for path in folder.rglob("*") if path.is_file()]
    assert {p.name for p in files} >= {DB_NAME, KEYS_NAME}
    for path in files:
        content = path.read_bytes()
        for name in (*NAMES, "Canary-7731"):
            for encoding in ("utf-8", "utf-16-le"):
                assert name.encode(encoding) not in content, (path.name, name, encoding)


def _assert_not_plain_sqlite(database: Path) -> None:
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        with pytest.raises(sqlite3.DatabaseError):
            connection.execute("SELECT name FROM sqlite_master").fetchall()
    finally:
        connection.close()


def test_no_name_is_readable_in_any_file_open_or_closed(store: Store, data_dir: Path) -> None:
    for name in NAMES:
        create_youth(store, YouthFields(legal_name=name, preferred_name=name,
                                        placement_notes=f"Notes about {name}"))
    assert sorted(names_in(store)) == sorted(NAMES)  # the names really were written
    assert (data_dir / f"{DB_NAME}-wal").stat().st_size > 0
    _assert_not_plain_sqlite(data_dir / DB_NAME)
    _assert_no_plaintext(data_dir)

    store.close()
    _assert_not_plain_sqlite(data_dir / DB_NAME)
    _assert_no_plaintext(data_dir)


@pytest.fixture
def permissive_umask() -> Iterator[None]:
    """Files must be owner-only because Waymark makes them so, not because of the umask."""
    previous = os.umask(0)
    yield
    os.umask(previous)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_folder_and_files_are_owner_only(permissive_umask: None, data_dir: Path) -> None:
    store, _ = create_store(data_dir, ADMIN_LOGIN, "Ada Admin", ADMIN_PASSWORD)
    try:
        create_youth(store, YouthFields(legal_name=CANARY))
        names = {path.name for path in data_dir.iterdir()}
        assert names == {DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm", KEYS_NAME,
                         f"{KEYS_NAME}.lock"}
        assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
        for path in data_dir.iterdir():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
    finally:
        store.close()


# -- connection settings ---------------------------------------------------------------------

EXPECTED_PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": 2,  # FULL
    "foreign_keys": 1,
    "secure_delete": 1,
    "temp_store": 2,  # MEMORY
}


def test_every_pooled_connection_has_the_safety_settings(store: Store) -> None:
    # Raw pooled connections: a SQLAlchemy connection would begin an IMMEDIATE transaction and
    # the second one would wait for the first.
    connections = [store.engine.raw_connection() for _ in range(4)]
    try:
        drivers = {id(c.driver_connection) for c in connections}
        assert len(drivers) == len(connections)  # really several connections
        for connection in connections:
            driver = connection.driver_connection
            assert driver is not None
            for name, wanted in EXPECTED_PRAGMAS.items():
                assert driver.execute(f"PRAGMA {name}").fetchone()[0] == wanted, name
            assert driver.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    finally:
        for connection in connections:
            connection.close()
    check_pragmas(store.engine)


def test_startup_refuses_a_connection_without_full_sync(store: Store) -> None:
    @event.listens_for(store.engine, "connect")
    def weaken(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute("PRAGMA synchronous=NORMAL")

    store.engine.dispose()
    with pytest.raises(UnsafeDatabaseSettings, match="synchronous"):
        check_pragmas(store.engine)


# -- foreign, missing and existing files -----------------------------------------------------


def _plain_sqlite(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE youth (legal_name TEXT)")
    connection.execute("INSERT INTO youth VALUES ('someone else')")
    connection.commit()
    connection.close()


def _plain_sqlite_wal(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()


FOREIGN: dict[str, Callable[[Path], object]] = {
    "plain-sqlite": _plain_sqlite,
    "plain-sqlite-wal": _plain_sqlite_wal,
    "random-bytes": lambda path: path.write_bytes(os.urandom(16384)),
    "text": lambda path: path.write_text("Dear diary,\nnot a database.\n", encoding="utf-8"),
    "tiny": lambda path: path.write_bytes(b"SQLite"),
    "empty": lambda path: path.write_bytes(b""),
}


@pytest.mark.parametrize("kind", sorted(FOREIGN))
def test_a_foreign_database_file_is_refused_and_left_untouched(
    closed_store: tuple[Path, str], kind: str
) -> None:
    data_dir, _ = closed_store
    database = data_dir / DB_NAME
    database.unlink()
    FOREIGN[kind](database)
    before = snapshot(data_dir)

    with pytest.raises(ForeignFile) as raised:
        open_store(data_dir, ADMIN_LOGIN, ADMIN_PASSWORD)

    assert str(database) in str(raised.value)
    assert str(database) in raised.value.user_message()
    assert snapshot(data_dir) == before  # same bytes, same times, no -wal or -shm


def test_a_store_from_another_installation_is_refused(
    closed_store: tuple[Path, str], tmp_path: Path
) -> None:
    data_dir, _ = closed_store
    other, _ = create_store(tmp_path / "other", ADMIN_LOGIN, "Other", ADMIN_PASSWORD)
    other.close()
    (data_dir / DB_NAME).write_bytes((tmp_path / "other" / DB_NAME).read_bytes())
    before = snapshot(data_dir)

    with pytest.raises(ForeignFile):
        open_store(data_dir, ADMIN_LOGIN, ADMIN_PASSWORD)
    assert snapshot(data_dir) == before


def test_a_database_without_key_file_is_refused(closed_store: tuple[Path, str]) -> None:
    data_dir, _ = closed_store
    (data_dir / KEYS_NAME).unlink()
    before = snapshot(data_dir)
    with pytest.raises(KeyFileMissing):
        open_store(data_dir, ADMIN_LOGIN, ADMIN_PASSWORD)
    assert snapshot(data_dir) == before


def test_a_key_file_without_database_is_refused(closed_store: tuple[Path, str]) -> None:
    data_dir, _ = closed_store
    (data_dir / DB_NAME).unlink()
    before = snapshot(data_dir)
    with pytest.raises(DatabaseMissing):
        open_store(data_dir, ADMIN_LOGIN, ADMIN_PASSWORD)
    assert snapshot(data_dir) == before  # no empty database was created in its place


def test_an_empty_folder_is_not_a_store(data_dir: Path) -> None:
    with pytest.raises(StoreMissing):
        open_store(data_dir, ADMIN_LOGIN, ADMIN_PASSWORD)
    assert not data_dir.exists()


@pytest.mark.skipif(os.name != "posix", reason="deleting an open file")
def test_a_database_deleted_while_open_is_never_recreated(store: Store, data_dir: Path) -> None:
    create_youth(store, YouthFields(legal_name=CANARY))
    for name in (DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm"):
        (data_dir / name).unlink()
    store.engine.dispose()  # the next unit of work needs a new connection

    with pytest.raises(DatabaseMissing):
        list_youth(store)
    assert sorted(p.name for p in data_dir.iterdir()) == [KEYS_NAME, f"{KEYS_NAME}.lock"]


@pytest.mark.parametrize(
    "existing",
    [
        (DB_NAME, KEYS_NAME),
        (DB_NAME,),
        (KEYS_NAME,),
        (f"{DB_NAME}-wal",),
        (f"{DB_NAME}-journal",),
    ],
)
def test_create_never_replaces_an_existing_store_or_its_files(
    data_dir: Path, existing: tuple[str, ...]
) -> None:
    data_dir.mkdir(mode=0o755)
    os.chmod(data_dir, 0o755)
    for name in existing:
        (data_dir / name).write_bytes(b"precious " + name.encode())
    before = snapshot(data_dir)

    with pytest.raises(StoreExists):
        create_store(data_dir, "someone", "Someone", "new password")
    assert snapshot(data_dir) == before


def test_create_refuses_a_real_store(closed_store: tuple[Path, str]) -> None:
    data_dir, _ = closed_store
    before = snapshot(data_dir)
    with pytest.raises(StoreExists):
        create_store(data_dir, ADMIN_LOGIN, "Ada Admin", ADMIN_PASSWORD)
    assert snapshot(data_dir) == before


# -- a damaged key file ----------------------------------------------------------------------


def _edit_slots(edit: Callable[[dict[str, Any]], None]) -> Callable[[bytes], bytes]:
    def tamper(data: bytes) -> bytes:
        document = json.loads(data)
        for slot in document["slots"]:
            edit(slot)
        return json.dumps(document).encode()

    return tamper


def _flip_one_character(field: str) -> Callable[[dict[str, Any]], None]:
    def edit(slot: dict[str, Any]) -> None:
        value = slot[field]
        middle = len(value) // 2
        slot[field] = value[:middle] + ("B" if value[middle] == "A" else "A") + value[middle + 1:]

    return edit


def _set_kdf(name: str, value: object) -> Callable[[dict[str, Any]], None]:
    def edit(slot: dict[str, Any]) -> None:
        slot["kdf"][name] = value

    return edit


def _set(name: str, value: object) -> Callable[[dict[str, Any]], None]:
    def edit(slot: dict[str, Any]) -> None:
        slot[name] = value

    return edit


def _set_document(name: str, value: object) -> Callable[[bytes], bytes]:
    def tamper(data: bytes) -> bytes:
        document = json.loads(data)
        document[name] = value
        return json.dumps(document).encode()

    return tamper


TAMPERING: dict[str, tuple[Callable[[bytes], bytes], type[WaymarkError]]] = {
    "wrapped-key-one-character": (_edit_slots(_flip_one_character("wrapped")), WrongPassword),
    "salt-one-character": (_edit_slots(_flip_one_character("salt")), WrongPassword),
    "nonce-one-character": (_edit_slots(_flip_one_character("nonce")), WrongPassword),
    "wrapped-not-base64": (_edit_slots(_set("wrapped", "not*base64!")), KeyFileDamaged),
    "wrapped-shortened": (_edit_slots(_set("wrapped", "AAAA")), KeyFileDamaged),
    "nonce-empty": (_edit_slots(_set("nonce", "")), KeyFileDamaged),
    "salt-too-short": (_edit_slots(_set("salt", "AAAA")), KeyFileDamaged),
    "kdf-zero-memory": (_edit_slots(_set_kdf("m", 0)), KeyFileDamaged),
    "kdf-zero-time": (_edit_slots(_set_kdf("t", 0)), KeyFileDamaged),
    "kdf-zero-lanes": (_edit_slots(_set_kdf("p", 0)), KeyFileDamaged),
    "kdf-negative": (_edit_slots(_set_kdf("m", -1024)), KeyFileDamaged),
    "kdf-a-terabyte": (_edit_slots(_set_kdf("m", 2**30)), KeyFileDamaged),
    "kdf-text": (_edit_slots(_set_kdf("m", "lots")), KeyFileDamaged),
    "kdf-missing": (_edit_slots(lambda slot: slot.pop("kdf")), KeyFileDamaged),
    "kind-unknown": (_edit_slots(_set("kind", "master")), KeyFileDamaged),
    "login-not-text": (_edit_slots(_set("login", ["ada"])), KeyFileDamaged),
    "truncated-json": (lambda data: data[: len(data) // 2], KeyFileDamaged),
    "unknown-format": (_set_document("format", "keepass"), KeyFileDamaged),
    "newer-version": (_set_document("version", 4), KeyFileDamaged),
    "slots-not-a-list": (_set_document("slots", "ada"), KeyFileDamaged),
    "installation-id-not-text": (_set_document("installation_id", 7), KeyFileDamaged),
    "a-json-list": (lambda data: b"[1, 2, 3]", KeyFileDamaged),
    "not-utf8": (lambda data: b"\xff\xfe" + os.urandom(64), KeyFileDamaged),
    "empty": (lambda data: b"", KeyFileDamaged),
    "deeply-nested": (lambda data: b"[" * 100_000 + b"]" * 100_000, KeyFileDamaged),
}


@pytest.mark.parametrize("case", sorted(TAMPERING))
def test_a_tampered_key_file_is_a_clear_error(closed_store: tuple[Path, str], case: str) -> None:
    data_dir, _ = closed_store
    tamper, expected = TAMPERING[case]
    keys = data_dir / KEYS_NAME
    keys.write_bytes(tamper(keys.read_bytes()))
    before = snapshot(data_dir)

    with pytest.raises(expected):
        open_store(data_dir, ADMIN_LOGIN, ADMIN_PASSWORD)
    if expected is WrongPassword:  # a readable key file whose slot does not open
        assert files_but_the_key_file(data_dir) == files_but_the_key_file_of(before)
    else:
        assert snapshot(data_dir) == before


# -- a database from a newer Waymark ---------------------------------------------------------


def test_a_database_from_a_newer_version_is_refused_unchanged(store: Store, data_dir: Path) -> None:
    create_youth(store, YouthFields(legal_name=CANARY))
    with store.unit() as session:
        session.execute(text("UPDATE alembic_version SET version_num = 'ffff'"))
    store.close()
    before = snapshot(data_dir)

    with pytest.raises(NewerDatabase):
        open_store(data_dir, ADMIN_LOGIN, ADMIN_PASSWORD)
    # Opening a WAL database makes (and on closing removes) its -wal and -shm, which touches the
    # folder's time; every file is as it was.
    after = snapshot(data_dir)
    assert after.pop(".")[2] == before.pop(".")[2]
    assert after == before
    assert not (data_dir / "backups").exists()


# -- the recovery key ------------------------------------------------------------------------


def test_the_recovery_key_opens_the_recovery_slot(
    store_and_recovery: tuple[Store, str], data_dir: Path
) -> None:
    _, recovery = store_and_recovery
    keys = keyfile.read_key_file(data_dir / KEYS_NAME)
    data_key = data_key_of(data_dir)
    assert len(recovery.split("-")) == 8

    assert keyfile.unlock_with_recovery_key(keys, recovery) == data_key
    typed = recovery.lower().replace("-", " ")
    assert keyfile.unlock_with_recovery_key(keys, typed) == data_key
    assert keyfile.unlock_with_recovery_key(keys, f"  {recovery.replace('-', '')}\n") == data_key


def test_a_wrong_recovery_key_is_refused(
    store_and_recovery: tuple[Store, str], data_dir: Path
) -> None:
    _, recovery = store_and_recovery
    keys = keyfile.read_key_file(data_dir / KEYS_NAME)
    other_group = "AAAA" if recovery[:4] != "AAAA" else "BBBB"
    for wrong in (new_recovery_key(), other_group + recovery[4:], "", "hello", recovery[:-1]):
        with pytest.raises(WrongRecoveryKey):
            keyfile.unlock_with_recovery_key(keys, wrong)


# -- a full disk -----------------------------------------------------------------------------


def _cap_database_size(store: Store) -> None:
    """Every new connection may grow the database by a few pages only: a nearly full disk."""

    @event.listens_for(store.engine, "connect")
    def cap(dbapi_connection: Any, _record: Any) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 2}")

    store.engine.dispose()  # pooled connections were made before the cap


def test_a_full_disk_is_a_clear_error_and_loses_nothing(store: Store, data_dir: Path) -> None:
    kept = create_youth(store, YouthFields(legal_name=CANARY))
    _cap_database_size(store)

    with pytest.raises(StorageFull), store.unit() as session:
        session.add(Youth(legal_name="Too big", placement_notes="x" * 10_000_000, status="open"))
    with pytest.raises(StorageFull):
        create_youth(store, YouthFields(legal_name="Long notes", placement_notes="y" * 90_000))
    store.close()

    reopened = open_store(data_dir, ADMIN_LOGIN, ADMIN_PASSWORD)
    try:
        assert names_in(reopened) == [CANARY]
        assert get_youth(reopened, kept.id) == kept
    finally:
        reopened.close()


# -- backups ---------------------------------------------------------------------------------


def _names_in_backup(path: Path, data_key: bytes) -> list[str]:
    connection = sqlcipher3.connect(str(path))
    try:
        connection.execute(key_pragma(data_key))
        return [row[0] for row in connection.execute("SELECT legal_name FROM youth")]
    finally:
        connection.close()


def test_a_backup_is_encrypted_verified_and_complete(
    store: Store, data_dir: Path, tmp_path: Path
) -> None:
    for name in NAMES:
        create_youth(store, YouthFields(legal_name=name))
    target = tmp_path / "backups" / "first.wmbackup"
    target.parent.mkdir()

    assert export_backup(store.engine, target, data_key_of(data_dir)) == target

    assert sorted(_names_in_backup(target, data_key_of(data_dir))) == sorted(NAMES)
    assert [p.name for p in target.parent.iterdir()] == [target.name]  # no temporary left
    _assert_not_plain_sqlite(target)
    content = target.read_bytes()
    assert not any(name.encode() in content for name in NAMES)
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with pytest.raises(sqlcipher3.DatabaseError):
        _names_in_backup(target, bytes(32))


def test_a_backup_into_a_missing_folder_fails_cleanly(
    store: Store, data_dir: Path, tmp_path: Path
) -> None:
    before = snapshot(tmp_path)
    with pytest.raises(BackupFailed):
        export_backup(store.engine, tmp_path / "nowhere" / "b.wmbackup", data_key_of(data_dir))
    assert snapshot(tmp_path).keys() == before.keys()


def test_a_failed_backup_keeps_the_previous_one(
    store: Store, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    create_youth(store, YouthFields(legal_name=CANARY))
    target = tmp_path / "b.wmbackup"
    export_backup(store.engine, target, data_key_of(data_dir))
    previous = target.read_bytes()
    create_youth(store, YouthFields(legal_name=ARABIC_NAME))

    def fail(path: Path, data_key: bytes) -> None:
        raise StoreUnavailable(path=str(path), reason="integrity_check")

    monkeypatch.setattr("casefile.backups.backup.verify_backup", fail)
    with pytest.raises(StoreUnavailable):
        export_backup(store.engine, target, data_key_of(data_dir))

    assert target.read_bytes() == previous
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.wmbackup", "data"]
