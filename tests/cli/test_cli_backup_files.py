"""`waymark-admin restore FILE` and `backup FILE` with files that are no backup: devices that never
end, named pipes that never answer, and zips whose declared sizes are out of all proportion.
Each is refused quickly, with one sentence naming the file, before any secret is asked for."""

from __future__ import annotations

import os
import struct
import tracemalloc
import zipfile
import zlib
from pathlib import Path

import pytest

from casefile.backups.backupfile import DATABASE_NAME, MANIFEST_NAME
from casefile.files.paths import StorePaths, StoreState
from tests.cli.cli_process import admin as admin_process
from tests.cli.cli_process import assert_one_clear_sentence
from tests.cli.cli_support import Admin, assert_one_sentence, files

NOT_REGULAR = "is not a regular file"
NOT_A_BACKUP = "is not a complete Waymark backup"


@pytest.fixture
def admin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
          data_dir: Path) -> Admin:
    return Admin(monkeypatch, capsys, data_dir)


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "backup.wmbak"
    os.mkfifo(path)
    return path


@pytest.mark.slow
def test_restore_from_dev_zero_is_refused_at_once(data_dir: Path) -> None:
    finished = admin_process(data_dir, "--as", "ada", "restore", "/dev/zero", stdin=b"",
                             timeout=30)
    assert_one_clear_sentence(finished)
    assert f"/dev/zero {NOT_REGULAR}" in finished.err_text
    assert finished.seconds < 10


@pytest.mark.slow
def test_restore_from_a_named_pipe_does_not_wait_for_a_writer(data_dir: Path,
                                                              fifo: Path) -> None:
    finished = admin_process(data_dir, "--as", "ada", "restore", str(fifo), stdin=b"",
                             timeout=10)
    assert_one_clear_sentence(finished)
    assert f"{fifo} {NOT_REGULAR}" in finished.err_text
    assert finished.seconds < 5


@pytest.mark.slow
@pytest.mark.parametrize("target", ["fifo", "/dev/null"])
def test_backup_onto_a_pipe_or_device_is_refused_before_any_password(
    data_dir: Path, fifo: Path, target: str
) -> None:
    path = str(fifo) if target == "fifo" else target
    finished = admin_process(data_dir, "--as", "ada", "backup", path, stdin=b"", timeout=10)
    assert_one_clear_sentence(finished)
    assert "already exists" in finished.err_text


def test_restore_from_a_folder_names_it(admin: Admin, tmp_path: Path) -> None:
    code, _out, err = admin("--as", "ada", "restore", str(tmp_path), stdin="")
    assert code == 1
    assert_one_sentence(err)
    assert f"{tmp_path} {NOT_REGULAR}" in err


def test_a_manifest_of_200_mb_is_refused_without_being_read(admin: Admin,
                                                            tmp_path: Path) -> None:
    huge = tmp_path / "huge.wmbak"
    with zipfile.ZipFile(huge, "w", zipfile.ZIP_DEFLATED) as container:
        with container.open(MANIFEST_NAME, "w", force_zip64=True) as manifest:
            block = b" " * (1 << 20)
            for _ in range(200):
                manifest.write(block)
        container.writestr(DATABASE_NAME, b"")
    assert huge.stat().st_size < 2 << 20
    tracemalloc.start()
    try:
        code, _out, err = admin("--as", "ada", "restore", str(huge), stdin="")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert code == 1
    assert NOT_A_BACKUP in err
    assert peak < 32 << 20


def _forged_zip(path: Path, members: list[tuple[str, bytes, int]]) -> None:
    """A zip whose central directory declares `declared` bytes (both sizes, in its zip64 field)
    for each member, whatever the member really holds."""
    body, directory = bytearray(), bytearray()
    for name, data, declared in members:
        offset, crc, encoded = len(body), zlib.crc32(data), name.encode()
        body += struct.pack("<4s5H3L2H", b"PK\x03\x04", 45, 0, 0, 0, 0, crc, len(data),
                            len(data), len(encoded), 0) + encoded + data
        extra = struct.pack("<2H3Q", 1, 24, declared, declared, offset)
        directory += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 45, 45, 0, 0, 0, 0, crc,
                                 0xFFFFFFFF, 0xFFFFFFFF, len(encoded), len(extra), 0, 0, 0,
                                 0o100600 << 16, 0xFFFFFFFF) + encoded + extra
    start, end = len(body), len(body) + len(directory)
    body += directory
    body += struct.pack("<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, len(members),
                        len(members), len(directory), start)
    body += struct.pack("<4sLQL", b"PK\x06\x07", 0, end, 1)
    body += struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF,
                        0xFFFFFFFF, 0)
    path.write_bytes(bytes(body))


def test_a_database_member_larger_than_the_file_is_refused_before_any_secret(
    admin: Admin, tmp_path: Path
) -> None:
    admin.init()
    good = tmp_path / "good.wmbak"
    admin.ok("--as", "ada", "backup", str(good))
    with zipfile.ZipFile(good) as container:
        manifest, database = container.read(MANIFEST_NAME), container.read(DATABASE_NAME)
    forged = tmp_path / "forged.wmbak"
    _forged_zip(forged, [(MANIFEST_NAME, manifest, len(manifest)),
                         (DATABASE_NAME, database, 1000 * good.stat().st_size)])
    elsewhere = tmp_path / "new-workstation"
    code, _out, err = admin("--as", "ada", "restore", str(forged), stdin="",
                            data_dir=elsewhere)
    assert code == 1
    assert_one_sentence(err)
    assert NOT_A_BACKUP in err  # not "no recovery key was given": nothing was asked
    assert StorePaths(elsewhere).state() is StoreState.NEW


def test_a_backup_name_that_is_not_utf8_is_one_sentence(admin: Admin, tmp_path: Path) -> None:
    admin.init()
    before = files(admin.data_dir)
    target = os.fsdecode(os.fsencode(tmp_path) + b"/backup\xff.wmbak")
    code, _out, err = admin("--as", "ada", "backup", target, stdin="")
    assert code == 1
    assert_one_sentence(err)
    assert "backup\\xff.wmbak" in err and "not UTF-8" in err
    assert files(admin.data_dir) == before
    assert list(tmp_path.iterdir()) == [admin.data_dir]
