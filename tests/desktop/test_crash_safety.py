"""A youth typed in the GUI survives the app being killed with SIGKILL right after "Saved"."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from casefile.cases.youth import list_youth
from casefile.store import open_store
from tests.desktop.conftest import PASSWORD

DRIVER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from PySide6.QtCore import QEventLoop, QTimer
    from desktop.app import parse_args, start_window
    shell = start_window(parse_args(["--data-dir", sys.argv[1], "--lang", "en"]))
    setup = shell.pages.currentWidget()
    for field, text in ((setup.display_name, "Ada Admin"), (setup.login, "ada"),
                        (setup.password, sys.argv[2]), (setup.confirm, sys.argv[2])):
        field.setText(text)
    setup.submit.click()
    recovery = shell.pages.currentWidget()
    recovery.confirm.setChecked(True)
    recovery.proceed.click()
    ws = shell.workspace
    ws.list_panel.new_button.click()
    ws.profile.legal_name.setText("Zebulon Canary")
    ws.profile.legal_name.textEdited.emit("Zebulon Canary")
    # Wait in a real event loop: processEvents() in a loop drains None in PySide6 6.12.
    loop = QEventLoop()
    poll = QTimer(interval=20, timeout=lambda: ws.profile.save_state.text().startswith("Saved")
                  and loop.quit())
    poll.start()
    QTimer.singleShot(10_000, loop.quit)
    loop.exec()
    if not ws.profile.save_state.text().startswith("Saved"):
        sys.exit("never saved")
    print("SAVED", flush=True)
    time.sleep(60)
""")


@pytest.mark.slow
def test_youth_survives_sigkill_after_saved(data_dir: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen([sys.executable, "-c", DRIVER, str(data_dir), PASSWORD],
                             stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "SAVED"
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        child.kill()
    store = open_store(data_dir, "ada", PASSWORD)
    try:
        assert [y.legal_name for y in list_youth(store)] == ["Zebulon Canary"]
    finally:
        store.close()
