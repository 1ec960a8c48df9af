"""A store refused at sign-in (damaged, or a log beside it that is not its own) is offered a
restore from backup, which keeps the refused files aside exactly as they were."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from casefile.backups import restore
from casefile.cases.youth import YouthFields, create_youth, list_youth
from casefile.store import create_store, open_store
from desktop.operations.session import store_of
from desktop.pages.login import LoginPage
from desktop.pages.restore_backup import RestoreBackupPage
from desktop.workspace.workspace import Workspace
from tests.desktop.account_steps import click
from tests.desktop.conftest import PASSWORD, page
from tests.desktop.helpers import type_into

NEW_PASSWORD = "a new password after the damage"


@pytest.fixture
def damaged(data_dir: Path, tmp_path: Path) -> tuple[Path, str, bytes]:
    """A store with a backup of it, then a page of its database damaged."""
    store, recovery_key = create_store(data_dir, "ada", "Ada Admin", PASSWORD)
    try:
        for number in range(20):
            create_youth(store, YouthFields(legal_name=f"Jordan Sample {number}"))
        backup = restore.make_backup(store, tmp_path / "monday.wmbackup")
    finally:
        store.close()
    database = data_dir / "waymark.db"
    data = bytearray(database.read_bytes())
    data[-4096 + 123] ^= 0xFF
    database.write_bytes(bytes(data))
    return backup, recovery_key, bytes(data)


def test_a_damaged_store_is_refused_at_sign_in_and_restored_from_there(
    qtbot: QtBot, start_shell: Any, data_dir: Path, damaged: tuple[Path, str, bytes],
) -> None:
    backup, recovery_key, damaged_bytes = damaged
    shell = start_shell()
    login = page(shell)
    assert isinstance(login, LoginPage)
    assert not login.restore.isVisible()
    type_into(qtbot, login.login, "ada")
    type_into(qtbot, login.password, PASSWORD)
    click(qtbot, login.submit)
    assert "is damaged" in login.message.text()
    assert login.restore.isVisible()
    assert (data_dir / "waymark.db").read_bytes() == damaged_bytes  # nothing written

    click(qtbot, login.restore)
    restoring = page(shell)
    assert isinstance(restoring, RestoreBackupPage)
    type_into(qtbot, restoring.backup_file, str(backup))
    type_into(qtbot, restoring.login, "ada")
    type_into(qtbot, restoring.recovery_key, recovery_key)
    type_into(qtbot, restoring.password, NEW_PASSWORD)
    type_into(qtbot, restoring.confirm, NEW_PASSWORD)
    click(qtbot, restoring.submit)
    assert isinstance(page(shell), Workspace), restoring.message.text()
    shell.workspace.finish()
    store_of(shell.workspace.session).close()

    (aside,) = (data_dir / "backups").glob("damaged-*")
    assert (aside / "waymark.db").read_bytes() == damaged_bytes
    store = open_store(data_dir, "ada", NEW_PASSWORD)
    try:
        assert len(list_youth(store)) == 20
    finally:
        store.close()
