"""On a full disk, what Waymark says matches what is on disk: a change reported as not saved was
not saved, a change that was committed is reported as saved (even when the key file's audit
anchor could not follow), and the anchor catches up once there is space."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from casefile.cases.youth import YouthFields, create_youth, list_youth
from casefile.errors import StorageFull, WaymarkError
from casefile.files import fsutil
from casefile.files.paths import KEYS_NAME
from casefile.keys import keyfile
from casefile.store import Store, create_store, open_store
from cli.verify import run_checks
from tests.casefile.conftest import ADMIN_LOGIN, ADMIN_PASSWORD


def _saved_names(store: Store) -> list[str]:
    return sorted(y.legal_name for y in list_youth(store))


def test_a_commit_whose_anchor_cannot_be_written_is_reported_saved_and_catches_up(
    store: Store, data_dir: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    real_write = fsutil.atomic_write_bytes

    def disk_full_for_the_key_file(target: Path, data: bytes) -> None:
        if target.name == KEYS_NAME:
            raise StorageFull()
        real_write(target, data)

    monkeypatch.setattr(keyfile, "atomic_write_bytes", disk_full_for_the_key_file)
    anchor_before = keyfile.read_key_file(data_dir / KEYS_NAME).audit
    record = create_youth(store, YouthFields(legal_name="Committed once"))  # no error: saved
    assert record.id
    assert keyfile.read_key_file(data_dir / KEYS_NAME).audit == anchor_before  # behind
    results = run_checks(store)
    assert all(result.passed for result in results)  # behind is not tampering, and verify says
    assert [note for result in results for note in result.notes] == [
        "1 entry was written while the key file could not be updated (a full disk, for "
        "example); that is not tampering, and the key file catches up at the next change"]

    monkeypatch.setattr(keyfile, "atomic_write_bytes", real_write)  # space again
    create_youth(store, YouthFields(legal_name="Second"))
    anchor = keyfile.read_key_file(data_dir / KEYS_NAME).audit
    assert anchor is not None and anchor_before is not None
    assert anchor.count > anchor_before.count
    assert _saved_names(store) == ["Committed once", "Second"]  # no duplicate
    results = run_checks(store)
    assert all(result.passed and not result.notes for result in results)


def test_an_anchor_left_behind_is_accepted_and_moved_at_the_next_sign_in(
    store: Store, data_dir: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    real_write = fsutil.atomic_write_bytes
    monkeypatch.setattr(keyfile, "atomic_write_bytes", lambda target, data: (
        _ for _ in ()).throw(StorageFull()))
    create_youth(store, YouthFields(legal_name="Saved while the disk was full"))
    store.close()
    monkeypatch.setattr(keyfile, "atomic_write_bytes", real_write)
    reopened = open_store(data_dir, ADMIN_LOGIN, ADMIN_PASSWORD)
    try:
        assert _saved_names(reopened) == ["Saved while the disk was full"]
        assert all(result.passed for result in run_checks(reopened))
    finally:
        reopened.close()


@contextlib.contextmanager
def _small_disk(folder: Path, size: str) -> Iterator[Path]:
    folder.mkdir()
    try:
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700",
                                  "tmpfs", str(folder)], capture_output=True, check=False)
    except FileNotFoundError:
        pytest.skip("no mount command here")
    if mounted.returncode != 0:
        pytest.skip("mounting a small tmpfs needs root (CI runs as root)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def _fill(disk: Path, leave_bytes: int) -> Path:
    filler = disk / "filler"
    free = shutil.disk_usage(disk).free
    with filler.open("wb") as handle, contextlib.suppress(OSError):
        handle.write(b"\0" * max(0, free - leave_bytes))
    return filler


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="tmpfs is Linux")
@pytest.mark.parametrize("leave_kib", [8, 24, 96])
def test_what_is_said_on_a_really_full_disk_matches_what_is_stored(
    tmp_path: Path, leave_kib: int,
) -> None:
    with _small_disk(tmp_path / "disk", "4m") as disk:
        data_dir = disk / "data"
        create_store(data_dir, ADMIN_LOGIN, "Ada Admin", ADMIN_PASSWORD)[0].close()
        store = open_store(data_dir, ADMIN_LOGIN, ADMIN_PASSWORD)
        filler = _fill(disk, leave_kib * 1024)
        reported_saved: list[str] = []
        messages: set[str] = set()
        try:
            for number in range(400):
                name = f"Youth {number} " + "x" * 300
                try:
                    create_youth(store, YouthFields(legal_name=name, placement_notes="y" * 2000))
                except WaymarkError as error:
                    messages.add(error.user_message())
                    if len(messages) and number > 50:
                        break
                    continue
                reported_saved.append(name)
        finally:
            store.close()
        assert messages, "the disk never filled"
        assert messages <= {StorageFull().user_message()}, messages  # full, not "damaged"
        filler.unlink()
        reopened = open_store(data_dir, ADMIN_LOGIN, ADMIN_PASSWORD)
        try:
            assert _saved_names(reopened) == sorted(reported_saved)
            assert all(result.passed for result in run_checks(reopened))
        finally:
            reopened.close()
