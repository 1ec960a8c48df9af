"""Nothing typed into Waymark reaches a disk in plaintext.

A canary (ASCII, Arabic and Chinese variants) is typed into every kind of text field a person
fills in: a staff member's full name (at setup and in the accounts dialog), a youth's name, the
name they go by, pronouns, placement notes, and the list search. After autosave commits, Waymark
locks and quits; then the data folder, everything written in the temporary folder since the test
started and any log location are searched for the canary in UTF-8 and UTF-16.
"""

from __future__ import annotations

import secrets
import stat
import tempfile
import time
from pathlib import Path
from typing import Any

from platformdirs import user_cache_dir, user_log_dir
from pytestqt.qtbot import QtBot

from desktop.locking.page import LockPage
from tests.desktop.account_steps import click, open_dialog
from tests.desktop.conftest import PASSWORD, page
from tests.desktop.helpers import type_into, wait_saved, workspace

MAX_SCAN_BYTES = 64 * 1024 * 1024


def canaries() -> tuple[str, str, str]:
    token = secrets.token_hex(6)
    digits = str(int(token, 16))
    return (f"wmcanary{token}", f"كناري{digits}", f"金丝雀{digits}")


def encodings(texts: tuple[str, ...]) -> list[bytes]:
    return [text.encode(codec) for text in texts for codec in ("utf-8", "utf-16-le")]


def files_to_scan(data_dir: Path, since: float) -> list[Path]:
    found = [p for p in data_dir.rglob("*") if p.is_file()]
    for path in Path(tempfile.gettempdir()).rglob("*"):
        try:
            if path.is_file() and not path.is_symlink() and path.stat().st_mtime >= since:
                found.append(path)
        except OSError:
            continue
    for folder in (Path(user_log_dir("Waymark")), Path(user_cache_dir("Waymark"))):
        if folder.exists():
            found.extend(p for p in folder.rglob("*") if p.is_file())
    return sorted(set(found))


def holding(paths: list[Path], needles: list[bytes]) -> list[str]:
    leaks: list[str] = []
    for path in paths:
        try:
            if path.stat().st_size > MAX_SCAN_BYTES:
                continue
            data = path.read_bytes()
        except OSError:  # unreadable, or gone since it was listed
            continue
        leaks.extend(f"{path}" for needle in needles if needle in data)
    return leaks


def test_typed_text_is_in_no_file_in_plaintext(
    qtbot: QtBot, start_shell: Any, data_dir: Path
) -> None:
    started = time.time() - 1
    ascii_, arabic, chinese = canaries()
    every = (ascii_, arabic, chinese)
    mixed = " ".join(every)
    shell = start_shell()
    setup = page(shell)
    for field, text in ((setup.display_name, f"Ada {mixed}"), (setup.login, "ada"),
                        (setup.password, PASSWORD), (setup.confirm, PASSWORD)):
        type_into(qtbot, field, text)
    click(qtbot, setup.submit)
    recovery = page(shell)
    click(qtbot, recovery.confirm)
    click(qtbot, recovery.proceed)

    ws = workspace(shell)
    click(qtbot, ws.list_panel.new_button)
    profile = ws.profile
    type_into(qtbot, profile.legal_name, f"Youth {ascii_}")
    wait_saved(qtbot, shell)
    for field, text in ((profile.preferred_name, arabic), (profile.pronouns, chinese),
                        (profile.placement_notes, f"Notes {mixed}\nSecond line {mixed}")):
        type_into(qtbot, field, text)
        wait_saved(qtbot, shell)
    assert profile.record is not None and profile.record.pronouns == chinese
    type_into(qtbot, ws.list_panel.search, ascii_)
    assert ws.list_panel.model.counts() == (1, 1)

    accounts = open_dialog(shell, "accounts_action")
    click(qtbot, accounts.add_button)
    editor = accounts.child
    for field, text in ((editor.display_name, f"Bo {mixed}"), (editor.login, "bo"),
                        (editor.password, PASSWORD), (editor.repeat, PASSWORD)):
        type_into(qtbot, field, text)
    click(qtbot, editor.ok_button)
    assert not editor.isVisible()
    accounts.reject()

    click(qtbot, shell.hide_button)
    assert isinstance(page(shell), LockPage)
    shell.close()

    scanned = files_to_scan(data_dir, started)
    assert any(p.name == "waymark.db" for p in scanned)
    assert holding(scanned, encodings(every)) == []
    assert not list(data_dir.rglob("*.log"))
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    for path in data_dir.rglob("*"):
        expected = 0o700 if path.is_dir() else 0o600
        assert stat.S_IMODE(path.stat().st_mode) == expected, path


def test_the_scan_finds_a_canary_written_in_plaintext(tmp_path: Path) -> None:
    """The search itself works: a canary written plainly, in either encoding, is found."""
    started = time.time() - 1
    ascii_, arabic, chinese = canaries()
    (tmp_path / "plain.txt").write_text(f"x {arabic} y", encoding="utf-16-le")
    (tmp_path / "other.bin").write_bytes(b"\0" + chinese.encode("utf-8"))
    leaks = holding(files_to_scan(tmp_path, started), encodings((ascii_, arabic, chinese)))
    assert sorted(Path(p).name for p in leaks) == ["other.bin", "plain.txt"]
