"""`waymark-admin verify` finds an audit trail edited, cut or re-anchored outside Waymark, even
though verify itself signs in (and so appends an entry) before it checks."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3

from casefile.db.database import key_pragma
from casefile.files.paths import StorePaths
from tests.cli.cli_support import PASSWORD, Admin
from tests.keys import data_key_of

AUDIT_CHECK = "Audit trail (hash chain)"


@pytest.fixture
def admin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
          data_dir: Path) -> Admin:
    """A store whose third audit entry is ada adding cam (every column filled in)."""
    run = Admin(monkeypatch, capsys, data_dir)
    run.init()  # entry 1: ada signs in
    run.add_user("cam", "caseworker")  # 2: ada signs in; 3: ada adds cam
    return run


def sql(data_dir: Path, statement: str, *values: Any) -> list[tuple[Any, ...]]:
    connection = sqlcipher3.connect(str(StorePaths(data_dir).database), isolation_level=None)
    try:
        connection.execute(key_pragma(data_key_of(data_dir, "ada", PASSWORD)))
        rows: list[tuple[Any, ...]] = connection.execute(statement, values).fetchall()
        return rows
    finally:
        connection.close()


def assert_audit_fails(admin: Admin) -> str:
    code, out, err = admin("--as", "ada", "verify")
    assert code == 1
    assert f"{AUDIT_CHECK}: FAILED" in out
    assert "Encryption (cipher_integrity_check): ok" in out
    assert "Traceback" not in out + err and err.strip()
    return out


def flip_text(value: str) -> str:
    return value[:-1] + chr(ord(value[-1]) ^ 1)


MUTATIONS: dict[str, Callable[[Any], Any]] = {
    "id": lambda value: value ^ 64,
    "at": flip_text,
    "actor_id": lambda value: value ^ 1,
    "actor_login": flip_text,
    "action": flip_text,
    "record_type": flip_text,
    "record_id": lambda value: value ^ 1,
    "detail": flip_text,
    "flagged": lambda value: value ^ 1,
    "prev_hash": flip_text,
    "hash": flip_text,
}


def test_an_untouched_trail_passes_again_and_again(admin: Admin) -> None:
    for _ in range(3):
        out = admin.ok("--as", "ada", "verify")
        assert f"{AUDIT_CHECK}: ok" in out and out.count(": ok") == 5


@pytest.mark.parametrize("column", sorted(MUTATIONS))
@pytest.mark.parametrize("position", ["last", "middle"])
def test_one_byte_changed_in_any_column_is_found(admin: Admin, column: str,
                                                 position: str) -> None:
    if position == "middle":
        admin.ok("--as", "ada", "user", "list")  # entry 4: the edited entry is no longer last
    (value,) = sql(admin.data_dir, f"SELECT {column} FROM audit_entry WHERE id = 3")[0]
    sql(admin.data_dir, f"UPDATE audit_entry SET {column} = ? WHERE id = 3",
        MUTATIONS[column](value))
    assert_audit_fails(admin)
    assert_audit_fails(admin)  # signing in again did not move the anchor past the damage


def test_an_entry_deleted_is_found(admin: Admin) -> None:
    sql(admin.data_dir, "DELETE FROM audit_entry WHERE id = 2")
    out = assert_audit_fails(admin)
    assert "entry 2 is missing" in out
    assert_audit_fails(admin)


@pytest.mark.parametrize("dropped", [1, 2])
def test_entries_cut_off_the_end_are_found(admin: Admin, dropped: int) -> None:
    sql(admin.data_dir, "DELETE FROM audit_entry WHERE id > ?", 3 - dropped)
    assert_audit_fails(admin)
    assert_audit_fails(admin)  # verify's own sign-in did not make the shorter chain look whole


def test_an_anchor_not_written_by_waymark_is_found(admin: Admin) -> None:
    keys_path = StorePaths(admin.data_dir).keys
    document = json.loads(keys_path.read_text())
    document["audit"]["mac"] = "0" * 64
    keys_path.write_text(json.dumps(document))
    out = assert_audit_fails(admin)
    assert "not written by Waymark" in out
    assert_audit_fails(admin)


def test_an_entry_edited_into_something_unreadable_is_a_failed_check(admin: Admin) -> None:
    sql(admin.data_dir, "UPDATE audit_entry SET at = 'yesterday' WHERE id = 2")
    out = assert_audit_fails(admin)
    assert "cannot be read" in out
