"""A demo never leaves its throwaway store behind: not when its window is closed, not when it
fails to start, not on SIGTERM, SIGINT or SIGHUP; after a kill -9 the next demo removes it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

import desktop.app as app_module
from demo import folder as demo_folder
from demo.folder import DemoFolder
from desktop.operations.session import store_of
from desktop.shell import Shell
from desktop.translation import LanguageSwitcher

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def temp_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The temporary folder as Waymark sees it (this test's own, so others cannot interfere)."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.fixture(autouse=True)
def keep_umask() -> Iterator[None]:
    previous = os.umask(0o022)
    os.umask(previous)
    yield
    os.umask(previous)


def demo_folders(folder: Path) -> list[Path]:
    return sorted(folder.glob("waymark-demo-*"))


def _run_demo_in_process(monkeypatch: pytest.MonkeyPatch, switcher: LanguageSwitcher,
                         then: object) -> int:
    monkeypatch.setattr(app_module, "LanguageSwitcher", lambda app: switcher)
    QTimer.singleShot(0, then)  # type: ignore[call-overload]
    QTimer.singleShot(30_000, QApplication.quit)  # never hang the test run
    return app_module.run(app_module.parse_args(["--demo", "--lang", "en"]))


def _the_shell() -> Shell:
    shells = [w for w in QApplication.topLevelWidgets() if isinstance(w, Shell) and w.isVisible()]
    assert len(shells) == 1
    return shells[0]


def test_closing_the_demo_window_removes_the_demo(
    qtbot: QtBot, switcher: LanguageSwitcher, temp_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[Path] = []

    def look_then_close() -> None:
        seen.extend(demo_folders(temp_folder))
        shell = _the_shell()
        assert shell.workspace is not None and store_of(shell.workspace.session).is_open
        assert shell.data_dir.parent in seen
        shell.close()  # as a person closes the window

    assert _run_demo_in_process(monkeypatch, switcher, look_then_close) == 0
    assert len(seen) == 1
    assert demo_folders(temp_folder) == []


def test_quit_from_the_menu_removes_the_demo(
    qtbot: QtBot, switcher: LanguageSwitcher, temp_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert _run_demo_in_process(monkeypatch, switcher,
                                lambda: _the_shell().quit_action.trigger()) == 0
    assert demo_folders(temp_folder) == []


def test_a_demo_that_fails_to_start_is_removed(
    qtbot: QtBot, switcher: LanguageSwitcher, temp_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import demo

    made: list[Path] = []

    def broken(data_dir: Path, *args: object, **kwargs: object) -> object:
        made.append(data_dir)
        data_dir.mkdir()
        (data_dir / "waymark.db").write_bytes(b"half made")
        raise RuntimeError("something unexpected")

    monkeypatch.setattr(demo, "create_demo_store", broken)
    monkeypatch.setattr(app_module, "LanguageSwitcher", lambda app: switcher)
    with pytest.raises(RuntimeError):
        app_module.run(app_module.parse_args(["--demo"]))
    assert made and demo_folders(temp_folder) == []
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, Shell):
            widget.close()


def _start_demo_process(temp_folder: Path) -> subprocess.Popen[bytes]:
    environment = {**os.environ, "TMPDIR": str(temp_folder), "TEMP": str(temp_folder),
                   "TMP": str(temp_folder), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, "-c", "import sys; from desktop.app import main; sys.exit(main())",
         "--demo", "--lang", "en"],
        cwd=ROOT, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _wait_for_the_demo_store(process: subprocess.Popen[bytes], temp_folder: Path) -> Path:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
        folders = demo_folders(temp_folder)
        if folders and (folders[0] / "data" / "waymark.db").exists():
            time.sleep(1.0)  # the demo youth are being added; the window comes next
            return folders[0]
        time.sleep(0.1)
    raise AssertionError("the demo did not start")


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
@pytest.mark.parametrize("signal_name", ["SIGTERM", "SIGINT", "SIGHUP"])
def test_a_signal_ends_the_demo_and_removes_it(temp_folder: Path, signal_name: str) -> None:
    process = _start_demo_process(temp_folder)
    try:
        _wait_for_the_demo_store(process, temp_folder)
        process.send_signal(getattr(signal, signal_name))
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert demo_folders(temp_folder) == []


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
def test_the_next_demo_removes_what_a_kill_9_left(temp_folder: Path) -> None:
    process = _start_demo_process(temp_folder)
    try:
        left = _wait_for_the_demo_store(process, temp_folder)
        process.kill()  # SIGKILL: nothing can clean up
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert demo_folders(temp_folder) == [left]
    with DemoFolder.create() as next_demo:
        assert demo_folders(temp_folder) == [next_demo.path]  # the stale one is gone
    assert demo_folders(temp_folder) == []


def test_a_running_demo_is_never_removed_by_another(temp_folder: Path) -> None:
    with DemoFolder.create() as first:
        (first.data_dir).mkdir()
        with DemoFolder.create() as second:
            assert demo_folders(temp_folder) == sorted([first.path, second.path])
        assert demo_folders(temp_folder) == [first.path]
    assert demo_folders(temp_folder) == []


def test_stale_cleaning_leaves_other_folders_alone(
    temp_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    just_made = temp_folder / "waymark-demo-justmade"  # no lock file yet: being made now
    just_made.mkdir()
    old = temp_folder / "waymark-demo-old"  # no lock file, from long ago
    old.mkdir()
    os.utime(old, (time.time() - 3600, time.time() - 3600))
    elsewhere = temp_folder / "precious"
    elsewhere.mkdir()
    link = temp_folder / "waymark-demo-link"
    link.symlink_to(elsewhere)
    a_file = temp_folder / "waymark-demo-file"
    a_file.write_text("not a folder")
    assert demo_folder.remove_stale(temp_folder) == [old]
    assert just_made.exists() and elsewhere.exists() and link.is_symlink() and a_file.exists()
    if hasattr(os, "getuid"):
        os.utime(just_made, (time.time() - 3600, time.time() - 3600))
        someone_else = os.getuid() + 1
        monkeypatch.setattr(os, "getuid", lambda: someone_else)
        assert demo_folder.remove_stale(temp_folder) == []  # another user's: never touched
