"""Restoring a backup from first-run setup on a new workstation, with the recovery key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QApplication, QFileDialog

from casefile import workstation as workstation_module
from casefile.backups import restore
from casefile.cases.youth import YouthFields, create_youth
from casefile.errors import WrongPassword
from casefile.keys.devicesecret import KeyringCheck, MemoryKeystore
from casefile.policy import Policy
from casefile.store import create_store, open_store
from casefile.workstation import Workstation
from desktop.operations.session import store_of
from desktop.pages.restore_backup import RestoreBackupPage
from desktop.pages.setup import SetupPage
from desktop.workspace.workspace import Workspace
from tests.desktop.account_steps import click, restart, sign_in
from tests.desktop.conftest import PASSWORD, page
from tests.desktop.helpers import type_into, workspace
from tests.desktop.test_accessibility import _unnamed

NEW_PASSWORD = "chosen on the new computer"
WRONG_KEY = "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH"


@pytest.fixture
def backup(tmp_path: Path) -> tuple[Path, str]:
    """A backup, made on the old computer, of a store holding one youth; and its recovery key."""
    store, recovery_key = create_store(tmp_path / "old", "ada", "Ada Admin", PASSWORD)
    try:
        create_youth(store, YouthFields(legal_name="Jordan Sample"))
        target = restore.make_backup(store, tmp_path / "old.wmbackup")
    finally:
        store.close()
    return target, recovery_key


@pytest.fixture
def new_computer(monkeypatch: pytest.MonkeyPatch) -> Workstation:
    """From here on Waymark runs on another computer, whose keyring has other secrets."""
    other = Workstation(Policy(), KeyringCheck(MemoryKeystore(), ""))
    monkeypatch.setattr(workstation_module, "current_workstation", lambda: other)
    return other


def _snapshot(folder: Path) -> dict[str, bytes]:
    if not folder.exists():
        return {}
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def _to_restore_page(qtbot: QtBot, shell: Any) -> RestoreBackupPage:
    setup = page(shell)
    assert isinstance(setup, SetupPage)
    click(qtbot, setup.restore)
    restoring = page(shell)
    assert isinstance(restoring, RestoreBackupPage)
    return restoring


def _fill(qtbot: QtBot, restoring: RestoreBackupPage, path: str, key: str,
          password: str = NEW_PASSWORD, again: str | None = None, login: str = "ada") -> None:
    if path:
        type_into(qtbot, restoring.backup_file, path)
    type_into(qtbot, restoring.login, login)
    type_into(qtbot, restoring.recovery_key, key)
    type_into(qtbot, restoring.password, password)
    type_into(qtbot, restoring.confirm, password if again is None else again)
    click(qtbot, restoring.submit)


def test_a_backup_is_restored_on_a_new_computer_from_setup(
    qtbot: QtBot, start_shell: Any, backup: tuple[Path, str], new_computer: Workstation,
    data_dir: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    source, recovery_key = backup
    shell = start_shell()
    restoring = _to_restore_page(qtbot, shell)
    asked: list[str] = []

    def choose(*args: Any, **kwargs: Any) -> tuple[str, str]:
        asked.append(args[3] if len(args) > 3 else kwargs.get("filter", ""))
        return str(source), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    click(qtbot, restoring.choose)
    assert asked == ["Waymark backups (*.wmbackup)"]
    assert restoring.backup_file.text() == str(source)
    _fill(qtbot, restoring, "", recovery_key)

    ws = page(shell)
    assert isinstance(ws, Workspace)
    assert store_of(ws.session).user.login == "ada"
    assert store_of(ws.session).workstation is new_computer
    assert workspace(shell).list_panel.model.counts() == (1, 1)

    shell = restart(start_shell, shell)  # the new password opens the restored store here
    assert isinstance(sign_in(qtbot, shell, "ada", NEW_PASSWORD), Workspace)
    shell.close()
    with pytest.raises(WrongPassword):  # the old computer's password does not open it here
        open_store(data_dir, "ada", PASSWORD).close()


@pytest.mark.parametrize(("path", "key", "password", "again", "login", "message"), [
    ("{backup}", WRONG_KEY, NEW_PASSWORD, None, "ada",
     "That recovery key does not open this store. Nothing was changed."),
    ("{backup}", "{key}", NEW_PASSWORD, None, "nobody",
     "The backup has no active account with the sign-in name nobody. Nothing was changed."),
    ("{backup}", "{key}", "short", None, "ada", "at least 8 characters"),
    ("{backup}", "{key}", NEW_PASSWORD, "something else", "ada",
     "The two passwords are not the same."),
    ("{damaged}", "{key}", NEW_PASSWORD, None, "ada", "is not a complete Waymark backup"),
    ("{missing}", "{key}", NEW_PASSWORD, None, "ada", "Could not use"),
    ("", "{key}", NEW_PASSWORD, None, "ada", "Choose the backup file."),
])
def test_restore_errors_are_shown_and_the_data_folder_stays_empty(
    qtbot: QtBot, start_shell: Any, backup: tuple[Path, str], new_computer: Workstation,
    data_dir: Path, tmp_path: Path, path: str, key: str, password: str, again: str | None,
    login: str, message: str,
) -> None:
    source, recovery_key = backup
    damaged = tmp_path / "damaged.wmbackup"
    damaged.write_bytes(source.read_bytes()[: source.stat().st_size // 2])
    files = {"backup": str(source), "damaged": str(damaged),
             "missing": str(tmp_path / "nowhere.wmbackup")}
    shell = start_shell()
    before = _snapshot(data_dir)
    restoring = _to_restore_page(qtbot, shell)
    _fill(qtbot, restoring, path.format(**files), key.format(key=recovery_key), password,
          again, login)
    assert page(shell) is restoring
    assert message in restoring.message.text()
    assert "\n" not in restoring.message.text()
    assert _snapshot(data_dir) == before == {}
    shell.close()


def test_back_returns_to_setup(qtbot: QtBot, start_shell: Any, data_dir: Path) -> None:
    shell = start_shell()
    restoring = _to_restore_page(qtbot, shell)
    click(qtbot, restoring.back)
    assert isinstance(page(shell), SetupPage)
    assert _snapshot(data_dir) == {}
    shell.close()


def test_the_restore_page_names_its_controls_and_follows_the_language(
    qtbot: QtBot, start_shell: Any
) -> None:
    shell = start_shell()
    restoring = _to_restore_page(qtbot, shell)
    assert _unnamed(restoring) == []
    keys = [label.text().split("&")[1][0].lower() for label in restoring.labels]
    keys += [b.text().split("&")[1][0].lower() for b in (restoring.choose, restoring.back)]
    assert len(keys) == len(set(keys)), keys  # each Alt+letter reaches one control
    english = restoring.title.text()
    shell.switch("es")
    QApplication.processEvents()  # the language change is delivered as an event
    assert restoring.title.text() not in ("", english)
    assert _unnamed(restoring) == []
    shell.switch("en")
    shell.close()
