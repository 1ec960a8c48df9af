"""The agency policy and the keyring at start-up: problem pages, languages, agency name, help lines,
password-only setup, and a demo that never touches the real keyring."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import keyring.backend
import keyring.core
import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableWidget

from casefile import policy as policy_module
from casefile import workstation as workstation_module
from casefile.errors import KeyringRequired
from casefile.files.paths import KEYS_NAME
from casefile.keys.devicesecret import KeyringCheck, MemoryKeystore
from casefile.policy import HelpLine, Policy
from casefile.store import create_store
from casefile.workstation import Workstation
from casefile.workstation import current_workstation as real_current_workstation
from desktop.app import DEMO_PASSWORD
from desktop.help_lines import HelpLinesDialog
from desktop.locking.page import LockPage
from desktop.operations.session import store_of
from desktop.pages.login import LoginPage
from desktop.pages.problem import ProblemPage
from desktop.pages.setup import SetupPage
from desktop.workspace.workspace import Workspace
from i18n import current_language
from tests.desktop.conftest import PASSWORD, page
from tests.desktop.helpers import complete_setup, press_and_settle, type_into, workspace

FAIL_BACKEND = "keyring.backends.fail.Keyring"


def use_policy(monkeypatch: pytest.MonkeyPatch, policy: Policy) -> None:
    here = Workstation(policy, KeyringCheck(MemoryKeystore(), ""))
    monkeypatch.setattr(policy_module, "load_policy", lambda: policy)
    monkeypatch.setattr(workstation_module, "current_workstation", lambda: here)


@pytest.fixture
def real_keyring_without_backend(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The real keyring discovery with no usable backend, and a policy file of the test's own;
    returns the path of that policy file (absent until the test writes it)."""
    monkeypatch.setattr(workstation_module, "current_workstation", real_current_workstation)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", FAIL_BACKEND)
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)
    monkeypatch.setattr(keyring.backend, "_limit", None)
    monkeypatch.setattr(keyring.core, "_config_path", lambda: tmp_path / "no-keyringrc.cfg")
    path = tmp_path / "etc" / "policy.toml"
    monkeypatch.setattr(policy_module, "policy_path", lambda: path)
    return path


def _files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*")) if folder.exists() else []


def test_a_required_keyring_that_is_missing_shows_the_problem_page(
    qtbot: QtBot, start_shell: Any, monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    monkeypatch.setattr(policy_module, "load_policy", lambda: Policy(keyring_required=True))

    def refuse() -> Workstation:
        raise KeyringRequired(problem="no keyring backend is available")

    monkeypatch.setattr(workstation_module, "current_workstation", refuse)
    shell = start_shell()
    problem = page(shell)
    assert isinstance(problem, ProblemPage)
    assert problem.detail.text().startswith("This agency requires the system keyring")
    assert "no keyring backend is available" in problem.detail.text()
    assert _files_under(data_dir) == []


def test_with_no_keyring_and_a_policy_requiring_one_nothing_is_written(
    qtbot: QtBot, start_shell: Any, real_keyring_without_backend: Path, data_dir: Path
) -> None:
    policy_file = real_keyring_without_backend
    policy_file.parent.mkdir()
    policy_file.write_text("[keyring]\nrequired = true\n", encoding="utf-8")
    shell = start_shell()
    problem = page(shell)
    assert isinstance(problem, ProblemPage)
    assert f"({FAIL_BACKEND})" in problem.detail.text()
    assert "requires the system keyring" in problem.detail.text()
    assert _files_under(data_dir) == []
    qtbot.mouseClick(problem.quit, Qt.MouseButton.LeftButton)
    assert not shell.isVisible()


def test_with_no_keyring_and_a_policy_allowing_it_setup_is_password_only(
    qtbot: QtBot, start_shell: Any, real_keyring_without_backend: Path, data_dir: Path
) -> None:
    shell = start_shell()  # no policy file: the defaults, which do not require a keyring
    assert isinstance(page(shell), SetupPage)
    complete_setup(qtbot, shell)
    assert isinstance(page(shell), Workspace)
    document = json.loads((data_dir / KEYS_NAME).read_text(encoding="utf-8"))
    assert document["device_fingerprint"] is None
    assert [slot["device"] for slot in document["slots"]] == [False, False]
    assert store_of(workspace(shell).session).workstation.password_only


def test_a_broken_policy_file_stops_waymark_with_one_sentence(
    qtbot: QtBot, start_shell: Any, real_keyring_without_backend: Path, data_dir: Path
) -> None:
    policy_file = real_keyring_without_backend
    policy_file.parent.mkdir()
    policy_file.write_text("[locking]\nidle_minutes = 90\n", encoding="utf-8")
    shell = start_shell()
    problem = page(shell)
    assert isinstance(problem, ProblemPage)
    assert str(policy_file) in problem.detail.text()
    assert "idle_minutes must be a whole number from 1 to 15" in problem.detail.text()
    assert _files_under(data_dir) == []


def test_only_the_agency_languages_are_offered(
    qtbot: QtBot, start_shell: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_policy(monkeypatch, Policy(languages=("es", "ar")))
    shell = start_shell()
    assert current_language() == "es"  # English is not enabled: the first enabled language
    assert shell.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert page(shell).title.text() == "Configurar Waymark"
    visible = [code for code, action in shell.language_actions.items() if action.isVisible()]
    assert visible == ["es", "ar"]
    shell.language_actions["ar"].trigger()
    assert current_language() == "ar"


def test_the_agency_name_is_on_the_sign_in_page(
    qtbot: QtBot, start_shell: Any, monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    use_policy(monkeypatch, Policy(agency_name="Northside Youth Services"))
    create_store(data_dir, "ada", "Ada Admin", PASSWORD)[0].close()
    shell = start_shell()
    login = page(shell)
    assert isinstance(login, LoginPage)
    assert login.agency_label.text() == "Northside Youth Services"
    assert login.agency_label.isVisible()


def test_the_help_lines_are_in_the_help_menu(
    qtbot: QtBot, start_shell: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = (HelpLine("County crisis line", "555-0100", "24 hours"),
             HelpLine("Youth shelter", "555-0199", "9am-9pm"))
    use_policy(monkeypatch, Policy(help_lines=lines))
    shell = start_shell()
    assert shell.help_lines_action.isVisible()
    assert shell.help_lines_action.text() == "Help &lines…"
    shell.help_lines_action.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets()
                  if isinstance(w, HelpLinesDialog) and w.isVisible())
    table = dialog.findChild(QTableWidget)
    assert table is not None
    rows = [[table.model().index(r, c).data().strip("\u2066\u2069") for c in range(3)]
            for r in range(table.rowCount())]
    assert rows == [["County crisis line", "555-0100", "24 hours"],
                    ["Youth shelter", "555-0199", "9am-9pm"]]
    dialog.reject()


def test_without_help_lines_the_menu_has_none(qtbot: QtBot, start_shell: Any) -> None:
    shell = start_shell()
    assert not shell.help_lines_action.isVisible()


def test_the_demo_never_asks_the_real_keyring(
    qtbot: QtBot, start_shell: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_keyring() -> Workstation:
        raise AssertionError("the demo looked for the system keyring")

    monkeypatch.setattr(workstation_module, "current_workstation", no_keyring)
    shell = start_shell(demo=True)
    ws = workspace(shell)
    keystore = store_of(ws.session).workstation.keystore
    assert keystore is not None and keystore.name == "memory (demo)"
    # A trainee can practise locking: the demo's password is on its lock screen.
    qtbot.mouseClick(shell.hide_button, Qt.MouseButton.LeftButton)
    lock = page(shell)
    assert isinstance(lock, LockPage)
    assert DEMO_PASSWORD in lock.hint.text() and lock.hint.isVisible()
    type_into(qtbot, lock.password, DEMO_PASSWORD)
    press_and_settle(qtbot, lock.password, Qt.Key.Key_Return)
    assert isinstance(page(shell), Workspace)


def test_a_keyring_that_lost_the_secret_is_explained_on_the_sign_in_page(
    qtbot: QtBot, start_shell: Any, monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    create_store(data_dir, "ada", "Ada Admin", PASSWORD)[0].close()
    emptied = Workstation(Policy(), KeyringCheck(MemoryKeystore(), ""))
    monkeypatch.setattr(workstation_module, "current_workstation", lambda: emptied)
    shell = start_shell()
    login = page(shell)
    type_into(qtbot, login.login, "ada")
    type_into(qtbot, login.password, PASSWORD)
    press_and_settle(qtbot, login.password, Qt.Key.Key_Return)
    assert page(shell) is login
    assert login.message.text().startswith("The system keyring no longer holds")
