"""The sign-in window comes first: nothing slow is imported or asked before it is painted."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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
print(type(shell.pages.currentWidget()).__name__, ",".join(heavy) or "-")
"""


def test_the_sign_in_page_is_painted_before_the_store_or_the_keyring_is_loaded(
    data_dir: Path,
) -> None:
    """Importing the store's modules on the GUI thread with the page (to ask the keyring ahead)
    held the sign-in window back by about 0.6 s."""
    create_store(data_dir, "ada", "Ada Admin", PASSWORD)[0].close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    shown = subprocess.run([sys.executable, "-c", FIRST_PAINT, str(data_dir)], cwd=ROOT, env=env,
                           capture_output=True, text=True, timeout=60, check=True).stdout
    assert shown.split() == ["LoginPage", "-"]
