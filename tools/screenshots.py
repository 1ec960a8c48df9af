#!/usr/bin/env python3
"""Render every screen of Waymark in every shipped language to docs/screenshots/.

    .venv/bin/python tools/screenshots.py

Runs offscreen. Arabic and Chinese need fonts with those scripts (on Debian:
`apt-get install fonts-noto-core fonts-wqy-zenhei`). The data is demo data in a temporary folder.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from casefile.demo import add_demo_youth  # noqa: E402
from casefile.store import create_store  # noqa: E402
from desktop.app import Controller  # noqa: E402
from desktop.shell import Shell  # noqa: E402
from desktop.translation import LanguageSwitcher  # noqa: E402
from i18n import LANGUAGES  # noqa: E402


def settle(ms: int = 50) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def grab(shell: Shell, name: str, code: str) -> None:
    settle()
    shell.grab().save(str(OUT / f"{name}-{code}.png"))


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    switcher = LanguageSwitcher(app)
    folder = Path(tempfile.mkdtemp(prefix="waymark-shots-"))
    for lang in LANGUAGES:
        switcher.switch(lang.code)
        shell = Shell(switcher, folder / f"new-{lang.code}")
        shell.resize(1100, 700)
        controller = Controller(shell)
        controller.start()
        shell.show()
        grab(shell, "setup", lang.code)
        shell.show_recovery_key("7DJH-U2UF-GUHG-E3J4-6MPI-UN6G-W664-TPUN")
        grab(shell, "recovery-key", lang.code)
        shell.show_login(lambda login, password: None)
        grab(shell, "sign-in", lang.code)
        shell.close()

    data = folder / "demo"
    store, _key = create_store(data, "demo", "Dana Caseworker", "screenshots only")
    add_demo_youth(store, 400, seed=3)
    for lang in LANGUAGES:
        switcher.switch(lang.code)
        shell = Shell(switcher, data, demo=False)
        shell.resize(1100, 700)
        controller = Controller(shell)
        controller._open_workspace(store)
        shell.show()
        ws = shell.workspace
        assert ws is not None
        ws.list_panel.table.selectRow(2)
        grab(shell, "workspace", lang.code)
        shell.workspace = None  # keep the store open for the next language
        shell.close()
    store.close()
    print(f"wrote {len(list(OUT.glob('*.png')))} screenshots to {OUT}")
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)
