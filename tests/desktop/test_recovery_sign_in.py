"""Signing in with the recovery key: a forgotten password, or a keyring that lost its secret."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from casefile import workstation as workstation_module
from casefile.keys.devicesecret import KeyringCheck, MemoryKeystore
from casefile.policy import Policy
from casefile.workstation import Workstation
from desktop.operations.session import store_of
from desktop.pages.login import LoginPage
from desktop.pages.recovery import RecoveryPage
from desktop.workspace.workspace import Workspace
from tests.desktop.account_steps import click, restart, sign_in
from tests.desktop.conftest import PASSWORD, page
from tests.desktop.helpers import add_youth, complete_setup, type_into, workspace

NEW_PASSWORD = "chosen after recovery"


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _to_recovery_page(qtbot: QtBot, shell: Any) -> RecoveryPage:
    login_page = page(shell)
    assert isinstance(login_page, LoginPage)
    click(qtbot, login_page.recover)
    recovery = page(shell)
    assert isinstance(recovery, RecoveryPage)
    return recovery


def _fill(qtbot: QtBot, recovery: RecoveryPage, login: str, key: str, password: str,
          again: str | None = None) -> None:
    type_into(qtbot, recovery.login, login)
    type_into(qtbot, recovery.recovery_key, key)
    type_into(qtbot, recovery.password, password)
    type_into(qtbot, recovery.confirm, password if again is None else again)
    click(qtbot, recovery.submit)


def test_recovery_key_sets_a_new_password_and_signs_in(qtbot: QtBot, start_shell: Any) -> None:
    shell = start_shell()
    key = complete_setup(qtbot, shell)
    add_youth(qtbot, shell, "Jordan Sample")
    shell = restart(start_shell, shell)
    recovery = _to_recovery_page(qtbot, shell)
    _fill(qtbot, recovery, "ada", key.lower().replace("-", " "), NEW_PASSWORD)
    ws = page(shell)
    assert isinstance(ws, Workspace)
    assert store_of(ws.session).user.login == "ada"
    assert workspace(shell).list_panel.model.counts() == (1, 1)

    shell = restart(start_shell, shell)
    sign_in(qtbot, shell, "ada", PASSWORD)
    assert "do not match" in page(shell).message.text()
    assert isinstance(sign_in(qtbot, shell, "ada", NEW_PASSWORD), Workspace)
    shell.close()


@pytest.mark.parametrize(("login", "key", "password", "again", "message"), [
    ("ada", "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH", NEW_PASSWORD, None,
     "That recovery key does not open this store. Nothing was changed."),
    ("ada", "", NEW_PASSWORD, None, "Type the recovery key."),
    ("ada", "{key}", "short", None, "at least 8 characters"),
    ("ada", "{key}", NEW_PASSWORD, "something else", "The two passwords are not the same."),
    ("nobody", "{key}", NEW_PASSWORD, None, "do not match"),
])
def test_recovery_errors_are_shown_and_nothing_is_written(
    qtbot: QtBot, start_shell: Any, data_dir: Path, login: str, key: str, password: str,
    again: str | None, message: str,
) -> None:
    shell = start_shell()
    recovery_key = complete_setup(qtbot, shell)
    shell = restart(start_shell, shell)
    before = _snapshot(data_dir)
    recovery = _to_recovery_page(qtbot, shell)
    _fill(qtbot, recovery, login, key.format(key=recovery_key), password, again)
    assert page(shell) is recovery
    assert message in recovery.message.text()
    after = _snapshot(data_dir)
    assert after == before
    click(qtbot, recovery.back)
    assert isinstance(page(shell), LoginPage)
    shell.close()


def test_a_keyring_that_lost_its_secret_leads_to_the_recovery_key(
    qtbot: QtBot, start_shell: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    shell = start_shell()
    key = complete_setup(qtbot, shell)
    shell.close()
    emptied = Workstation(Policy(), KeyringCheck(MemoryKeystore(), ""))  # a new keyring
    monkeypatch.setattr(workstation_module, "current_workstation", lambda: emptied)

    shell = start_shell()
    login_page = sign_in(qtbot, shell, "ada", PASSWORD)
    assert isinstance(login_page, LoginPage)
    assert "no longer holds this store's workstation key" in login_page.message.text()
    assert shell.focusWidget() is login_page.recover  # Enter or Space goes there next
    recovery = _to_recovery_page(qtbot, shell)
    _fill(qtbot, recovery, "ada", key, NEW_PASSWORD)
    assert isinstance(page(shell), Workspace)
    shell = restart(start_shell, shell)
    assert isinstance(sign_in(qtbot, shell, "ada", NEW_PASSWORD), Workspace)
    shell.close()
