"""The sign-in window comes first: nothing slow is imported or asked before it is painted."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from PySide6.QtGui import QKeySequence

from casefile.store import create_store
from tests.desktop.conftest import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
FIRST_PAINT = """
import sys
from PySide6.QtWidgets import QApplication
from desktop.app import parse_args, start_window
shell = start_window(parse_args(["--data-dir", sys.argv[1], "--lang", "en"]))
QApplication.processEvents()
heavy = [name for name in ("sqlalchemy", "sqlcipher3", "keyring", "argon2") if name in sys.modules]
import PySide6.QtCore
if "Qt" in PySide6.QtCore.__dict__:  # Qt's namespace, built at its first use (~40 ms)
    heavy.append("Qt")
print(type(shell.pages.currentWidget()).__name__, ",".join(heavy) or "-")
"""


def test_the_sign_in_page_is_painted_before_the_store_or_the_keyring_is_loaded(
    data_dir: Path,
) -> None:
    """Importing the store's modules on the GUI thread with the page (to ask the keyring ahead)
    held the sign-in window back by about 0.6 s; Qt's namespace, first used by a key sequence
    or an alignment flag, costs about 40 ms before the window could appear."""
    create_store(data_dir, "ada", "Ada Admin", PASSWORD)[0].close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    shown = subprocess.run([sys.executable, "-c", FIRST_PAINT, str(data_dir)], cwd=ROOT, env=env,
                           capture_output=True, text=True, timeout=60, check=True).stdout
    assert shown.split() == ["LoginPage", "-"]


KEY_FIRST = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import casefile.keys.keyfile as keyfile
from desktop.app import parse_args, start_window
loaded = []
derive = keyfile.derive_key
def watched(*args):
    loaded.append([name for name in ("sqlalchemy", "sqlcipher3", "alembic",
                                     "desktop.workspace.workspace") if name in sys.modules])
    return derive(*args)
keyfile.derive_key = watched
shell = start_window(parse_args(["--data-dir", sys.argv[1], "--lang", "en"]))
app = QApplication.instance()
shell.runner.wait()
login = shell.pages.currentWidget()
login.login.setText("ada")
login.password.setText(sys.argv[2])
def done():
    if shell.workspace is not None:
        print(loaded, "alembic" in sys.modules, flush=True)
        app.quit()
poll = QTimer(interval=5)
poll.timeout.connect(done)
poll.start()
QTimer.singleShot(20_000, app.quit)
login.submit.click()
app.exec()
"""


def test_signing_in_derives_the_key_before_the_database_code_is_loaded(data_dir: Path) -> None:
    """Argon2id holds 64 MiB while it runs; with SQLAlchemy, Alembic and the workspace already
    loaded, signing in to 10,000 youth peaked at 214 MB (budget 200). The key comes first, and
    Alembic is not loaded at all when there is nothing to migrate."""
    from casefile.keys.devicesecret import KeyringCheck
    from casefile.workstation import Workstation

    password_only = Workstation(keyring=KeyringCheck(None, "test"))
    create_store(data_dir, "ada", "Ada Admin", PASSWORD, workstation=password_only)[0].close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    shown = subprocess.run([sys.executable, "-c", KEY_FIRST, str(data_dir), PASSWORD], cwd=ROOT,
                           env=env, capture_output=True, text=True, timeout=60, check=True).stdout
    assert shown.strip() == "[[]] False"


def test_the_menus_have_their_keys_a_moment_after_the_window_appears(
    qtbot: QtBot, start_shell: Any,
) -> None:
    shell = start_shell()
    qtbot.waitUntil(lambda: not shell.lock_action.shortcut().isEmpty(), timeout=3000)
    assert shell.lock_action.shortcut() == QKeySequence("Ctrl+Shift+H")
    assert shell.quit_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Quit)
    assert shell.lock_action.toolTip().endswith("(Ctrl+Shift+H)")
