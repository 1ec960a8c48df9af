"""A write-ahead log that is not the database's own never touches the database.

SQLite applies any `-wal` beside a database at the first connection; a log copied in from another
store (an agency restoring files one by one) would overwrite pages and then vanish.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from casefile.cases.youth import YouthFields, create_youth, list_youth
from casefile.db.walguard import check_wal
from casefile.errors import ForeignWal
from casefile.files.paths import DB_NAME
from casefile.store import Store, create_store, open_store
from cli.main import main
from tests.casefile.conftest import ADMIN_LOGIN, ADMIN_PASSWORD

SUFFIXES = ("", "-wal", "-shm")


def _files(data_dir: Path) -> dict[str, bytes]:
    return {s: (data_dir / (DB_NAME + s)).read_bytes() for s in SUFFIXES
            if (data_dir / (DB_NAME + s)).exists()}


def _live_log_of_another_store(tmp_path: Path) -> tuple[Path, Path]:
    """The -wal and -shm of another store, copied while it was open with commits in its log."""
    other = tmp_path / "other"
    store = create_store(other, ADMIN_LOGIN, "Ada Admin", ADMIN_PASSWORD)[0]
    try:
        for number in range(5):
            create_youth(store, YouthFields(legal_name=f"Other youth {number}"))
        copies = tmp_path / "copies"
        copies.mkdir()
        for suffix in ("-wal", "-shm"):
            shutil.copyfile(other / (DB_NAME + suffix), copies / (DB_NAME + suffix))
    finally:
        store.close()
    assert (copies / f"{DB_NAME}-wal").stat().st_size > 4096
    return copies / f"{DB_NAME}-wal", copies / f"{DB_NAME}-shm"


@pytest.fixture
def with_foreign_log(closed_store: tuple[Path, str], tmp_path: Path) -> Path:
    data_dir = closed_store[0]
    store = open_store(data_dir, ADMIN_LOGIN, ADMIN_PASSWORD)
    create_youth(store, YouthFields(legal_name="Our youth"))
    store.close()
    assert not (data_dir / f"{DB_NAME}-wal").exists()  # closed cleanly: no log of its own
    wal, shm = _live_log_of_another_store(tmp_path)
    shutil.copyfile(wal, data_dir / wal.name)
    shutil.copyfile(shm, data_dir / shm.name)
    return data_dir


def test_sign_in_refuses_a_foreign_log_and_leaves_every_byte(with_foreign_log: Path) -> None:
    before = _files(with_foreign_log)
    assert set(before) == set(SUFFIXES)
    for _attempt in range(2):  # and again: the first refusal must not have changed anything
        with pytest.raises(ForeignWal) as raised:
            open_store(with_foreign_log, ADMIN_LOGIN, ADMIN_PASSWORD)
        assert _files(with_foreign_log) == before
    message = raised.value.user_message()
    assert f"{DB_NAME}-wal" in message and "left untouched" in message
    assert "Restore a backup" in message


def test_the_store_opens_as_before_once_the_foreign_log_is_moved_away(
    with_foreign_log: Path,
) -> None:
    for suffix in ("-wal", "-shm"):
        (with_foreign_log / (DB_NAME + suffix)).unlink()
    store = open_store(with_foreign_log, ADMIN_LOGIN, ADMIN_PASSWORD)
    try:
        assert [y.legal_name for y in list_youth(store)] == ["Our youth"]
    finally:
        store.close()


def test_verify_refuses_a_foreign_log_and_leaves_every_byte(
    with_foreign_log: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    import io

    before = _files(with_foreign_log)
    monkeypatch.setattr("sys.stdin", io.StringIO(ADMIN_PASSWORD + "\n"))
    code = main(["--data-dir", str(with_foreign_log), "--as", ADMIN_LOGIN, "verify"])
    err = capsys.readouterr().err
    assert code == 1
    assert "does not belong" in err and "Traceback" not in err
    assert _files(with_foreign_log) == before


def test_a_log_of_our_own_open_store_is_accepted(
    store_and_recovery: tuple[Store, str], data_dir: Path,
) -> None:
    store = store_and_recovery[0]
    create_youth(store, YouthFields(legal_name="In the log"))
    assert (data_dir / f"{DB_NAME}-wal").stat().st_size > 0
    check_wal(data_dir / DB_NAME, store.data_key)  # no error


def test_a_torn_last_frame_after_a_crash_is_not_mistaken_for_a_foreign_log(
    store_and_recovery: tuple[Store, str], data_dir: Path, tmp_path: Path,
) -> None:
    """A crash in the middle of writing a frame leaves it torn; SQLite ignores it, so may we."""
    store = store_and_recovery[0]
    create_youth(store, YouthFields(legal_name="In the log"))
    log = data_dir / f"{DB_NAME}-wal"
    copy = tmp_path / "torn"
    copy.mkdir()
    shutil.copyfile(data_dir / DB_NAME, copy / DB_NAME)
    raw = bytearray(log.read_bytes())
    raw[-100:] = bytes(100)  # the last frame's page, half written
    (copy / log.name).write_bytes(bytes(raw))
    check_wal(copy / DB_NAME, store.data_key)  # no error


def test_a_log_under_another_key_is_foreign_even_for_a_copy_of_our_database(
    store_and_recovery: tuple[Store, str], data_dir: Path, tmp_path: Path,
) -> None:
    store = store_and_recovery[0]
    create_youth(store, YouthFields(legal_name="In the log"))
    with pytest.raises(ForeignWal):
        check_wal(data_dir / DB_NAME, bytes(32))
