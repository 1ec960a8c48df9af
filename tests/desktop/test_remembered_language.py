"""The interface language is remembered: each staff member's in the store, the sign-in page's in
a small file of the data folder; --lang on the command line wins over both."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QApplication

from casefile.staff import sign_in_language
from casefile.staff.preferences import staff_language
from casefile.store import open_store
from desktop.app import parse_args, start_window
from desktop.locking.page import LockPage
from desktop.pages.login import LoginPage
from desktop.shell import Shell
from desktop.translation import LanguageSwitcher
from desktop.workspace.workspace import Workspace
from i18n import current_language
from tests.desktop.account_steps import add_account_directly, click, sign_in
from tests.desktop.conftest import PASSWORD, page
from tests.desktop.helpers import complete_setup
from tests.desktop.test_locking import hide_keys, unlock

SIGN_IN_TITLES = {"en": "Sign in to Waymark", "es": "Iniciar sesión en Waymark",
                  "zh_CN": "登录 Waymark", "ar": "تسجيل الدخول إلى Waymark"}


@pytest.fixture(autouse=True)
def keep_umask() -> Iterator[None]:
    """start_window() sets the process umask; put it back for the other tests."""
    previous = os.umask(0o022)
    os.umask(previous)
    yield
    os.umask(previous)


@pytest.fixture
def launch(qtbot: QtBot, switcher: LanguageSwitcher, data_dir: Path):  # type: ignore[no-untyped-def]
    """Start Waymark as the `waymark` command does, with these command-line arguments."""

    def start(*args: str) -> Shell:
        shell = start_window(parse_args(["--data-dir", str(data_dir), *args]),
                             switcher=switcher)
        qtbot.addWidget(shell)
        return shell

    return start


def choose_language(shell: Shell, code: str) -> None:
    """Pick a language from the Language menu, as a person does."""
    shell.language_actions[code].trigger()
    QApplication.processEvents()


def _set_up(qtbot: QtBot, launch: Any, data_dir: Path) -> None:
    shell = launch()
    complete_setup(qtbot, shell)
    shell.close()
    add_account_directly(data_dir, "cam", "Cam Caseworker", {"caseworker"})


def test_each_person_gets_their_own_language_back_at_sign_in(
    qtbot: QtBot, launch: Any, data_dir: Path
) -> None:
    """Issue 8: the interface language was not remembered."""
    _set_up(qtbot, launch, data_dir)
    shell = launch()
    sign_in(qtbot, shell, "ada")
    choose_language(shell, "es")  # Ada works in Spanish
    shell.close()

    shell = launch()
    assert isinstance(page(shell), LoginPage)
    assert page(shell).title.text() == SIGN_IN_TITLES["en"]  # the sign-in page's own language
    assert isinstance(sign_in(qtbot, shell, "ada"), Workspace)
    assert current_language() == "es"
    assert shell.workspace.list_panel.new_button.text() == "Nuevo joven"
    QApplication.processEvents()
    assert shell.language_menu.title() == "&Idioma"
    assert shell.language_actions["es"].isChecked()
    shell.close()

    shell = launch()
    sign_in(qtbot, shell, "cam")  # Cam never chose one: the sign-in page's stays
    assert current_language() == "en"
    choose_language(shell, "zh_CN")
    shell.close()

    for login, code in (("ada", "es"), ("cam", "zh_CN")):
        store = open_store(data_dir, login, PASSWORD)
        try:
            assert staff_language(store) == code
        finally:
            store.close()


def test_the_sign_in_page_starts_in_the_language_last_chosen_there(
    qtbot: QtBot, launch: Any, data_dir: Path
) -> None:
    _set_up(qtbot, launch, data_dir)
    shell = launch()
    choose_language(shell, "ar")  # on the sign-in page
    assert page(shell).title.text() == SIGN_IN_TITLES["ar"]
    shell.close()
    kept = sign_in_language.file_in(data_dir)
    assert json.loads(kept.read_text()) == {"language": "ar"}  # nothing else: no name, no login
    if os.name == "posix":
        assert stat.S_IMODE(kept.stat().st_mode) == 0o600

    shell = launch()
    assert current_language() == "ar"
    assert page(shell).title.text() == SIGN_IN_TITLES["ar"]
    assert shell.language_actions["ar"].isChecked()
    sign_in(qtbot, shell, "cam")  # no language of his own: stays as it was at sign-in
    assert current_language() == "ar"
    choose_language(shell, "es")  # chosen while signed in: Cam's, not the sign-in page's
    shell.close()
    assert json.loads(kept.read_text()) == {"language": "ar"}


def test_lang_on_the_command_line_wins(qtbot: QtBot, launch: Any, data_dir: Path) -> None:
    _set_up(qtbot, launch, data_dir)
    shell = launch()
    choose_language(shell, "ar")
    sign_in(qtbot, shell, "ada")
    choose_language(shell, "es")
    shell.close()

    shell = launch("--lang", "zh_CN")
    assert page(shell).title.text() == SIGN_IN_TITLES["zh_CN"]
    sign_in(qtbot, shell, "ada")
    assert current_language() == "zh_CN"  # not Ada's Spanish
    shell.close()
    shell = launch()
    assert page(shell).title.text() == SIGN_IN_TITLES["ar"]  # the file was left as it was
    shell.close()


def test_a_language_chosen_while_locked_is_the_persons_after_unlocking(
    qtbot: QtBot, launch: Any, data_dir: Path
) -> None:
    _set_up(qtbot, launch, data_dir)
    shell = launch()
    sign_in(qtbot, shell, "ada")
    choose_language(shell, "es")
    hide_keys(qtbot, shell.workspace.profile.legal_name)
    assert isinstance(page(shell), LockPage)
    assert current_language() == "es"  # the lock screen stays in the person's language
    choose_language(shell, "zh_CN")
    unlock(qtbot, shell)
    assert isinstance(page(shell), Workspace)
    assert current_language() == "zh_CN"
    assert sign_in_language.read(data_dir) is None  # not the sign-in page's choice
    hide_keys(qtbot, shell.workspace.profile.legal_name)
    click(qtbot, page(shell).other)  # Sign in as someone else
    sign_in(qtbot, shell, "cam")
    assert current_language() == "zh_CN"  # Cam has none of his own
    shell.close()
    store = open_store(data_dir, "ada", PASSWORD)
    try:
        assert staff_language(store) == "zh_CN"
    finally:
        store.close()


def test_a_damaged_or_foreign_sign_in_file_is_ignored(
    qtbot: QtBot, launch: Any, data_dir: Path
) -> None:
    _set_up(qtbot, launch, data_dir)
    kept = sign_in_language.file_in(data_dir)
    for content in (b"\xff\xfe", b"[]", b'{"language": "xx"}', b'{"language": 5}',
                    b'{"language": "es"}' + b" " * 2000):
        kept.write_bytes(content)
        shell = launch()
        assert page(shell).title.text() == SIGN_IN_TITLES["en"]
        shell.close()
