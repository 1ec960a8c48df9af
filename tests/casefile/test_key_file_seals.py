"""Damage to any part of the key file is found by `verify` long before the part is needed, and
a backup is never written from a damaged key file; slots that ask for an unsafe cost are refused
at once."""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from casefile.errors import KeyFileUnsafeCost
from casefile.files.paths import KEYS_NAME
from casefile.store import open_store
from tests.cli.cli_support import PASSWORD, Admin, umask_kept

Json = dict[str, Any]
Edit = Callable[[Json], None]


@pytest.fixture
def admin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
          data_dir: Path) -> Iterator[Admin]:
    with umask_kept():
        tool = Admin(monkeypatch, capsys, data_dir)
        tool.init()
        tool.add_user("bo", "caseworker")
        yield tool


def _edit(data_dir: Path, edit: Edit) -> None:
    path = data_dir / KEYS_NAME
    document = json.loads(path.read_bytes())
    edit(document)
    path.write_text(json.dumps(document, indent=2))


def _slot(document: Json, login: str | None) -> Json:
    kind = "recovery" if login is None else "staff"
    return next(s for s in document["slots"] if s["kind"] == kind and s["login"] == login)


def _flip(login: str | None, field: str, byte: int = 0) -> Edit:
    def edit(document: Json) -> None:
        slot = _slot(document, login)
        raw = bytearray(base64.b64decode(slot[field]))
        raw[byte] ^= 0x01
        slot[field] = base64.b64encode(bytes(raw)).decode()
    return edit


def _cost(login: str | None, name: str, value: int) -> Edit:
    def edit(document: Json) -> None:
        _slot(document, login)["kdf"][name] = value
    return edit


DAMAGE = {
    "recovery nonce": (_flip(None, "nonce"), "the recovery key's slot"),
    "recovery nonce, last byte": (_flip(None, "nonce", -1), "the recovery key's slot"),
    "recovery wrapped key": (_flip(None, "wrapped", 7), "the recovery key's slot"),
    "recovery salt": (_flip(None, "salt", 3), "the recovery key's slot"),
    "recovery cost": (_cost(None, "t", 2), "the recovery key's slot"),
    "another person's nonce": (_flip("bo", "nonce"), "the key slot of bo"),
    "a slot removed": (lambda d: d["slots"].remove(_slot(d, "bo")),
                       "the installation details and the list of key slots"),
}


@pytest.mark.parametrize("case", sorted(DAMAGE))
def test_verify_names_the_damaged_part_and_backup_refuses(
    admin: Admin, data_dir: Path, tmp_path: Path, case: str,
) -> None:
    edit, part = DAMAGE[case]
    _edit(data_dir, edit)

    code, out, err = admin("--as", "ada", "verify")
    assert code == 1, out
    assert f"{part} was changed outside Waymark" in out
    assert "Key file (seals on every slot): FAILED" in out

    target = tmp_path / "backup.wmbackup"
    code, out, err = admin("--as", "ada", "backup", str(target))
    assert code == 1 and "No backup was written" in err and part in err
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".backup")] == []
    # Signing in does not seal over the damage: it is still found afterwards.
    open_store(data_dir, "ada", PASSWORD).close()
    assert admin("--as", "ada", "verify")[0] == 1


def test_an_untouched_key_file_passes_and_stays_sealed_through_changes(admin: Admin) -> None:
    admin.ok("--as", "ada", "user", "reset-password", "bo", stdin=f"{PASSWORD}\nnew password 1\n")
    admin.ok("--as", "ada", "user", "disable", "bo")
    out = admin.ok("--as", "ada", "verify")
    assert "Key file (seals on every slot): ok" in out


def test_stripping_the_seals_is_found(admin: Admin, data_dir: Path) -> None:
    """An older file's form, to have a damaged slot sealed over at the next write."""
    def strip(document: Json) -> None:
        document["version"] = 2
        del document["seals"]
        _flip(None, "nonce")(document)

    _edit(data_dir, strip)
    code, out, _err = admin("--as", "ada", "verify")
    assert code == 1
    assert "record of the audit trail was not written by Waymark" in out


UNSAFE = {
    "17 s of work": {"t": 16, "m": 1024 * 1024, "p": 64},
    "time": {"t": 9},
    "memory": {"m": 512 * 1024},
    "lanes": {"p": 17},
    "work": {"t": 8, "m": 128 * 1024},
    "negative": {"m": -1},
    "no memory": {"m": 0},
}


@pytest.mark.parametrize("case", sorted(UNSAFE))
def test_an_unsafe_cost_is_refused_at_once_with_a_clear_message(
    admin: Admin, data_dir: Path, case: str,
) -> None:
    def edit(document: Json) -> None:
        _slot(document, "ada")["kdf"].update(UNSAFE[case])

    _edit(data_dir, edit)
    before = (data_dir / KEYS_NAME).read_bytes()
    started = time.perf_counter()
    with pytest.raises(KeyFileUnsafeCost) as refused:
        open_store(data_dir, "ada", PASSWORD)
    assert time.perf_counter() - started < 0.5
    assert "outside Waymark's safe limits" in refused.value.user_message()
    code, _out, err = admin("--as", "ada", "verify")
    assert code == 1 and "safe limits" in err and "Traceback" not in err
    assert (data_dir / KEYS_NAME).read_bytes() == before
