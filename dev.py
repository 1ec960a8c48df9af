#!/usr/bin/env python3
"""Set up and run Waymark from a source checkout.

    python3 dev.py run  [waymark options]   launch Waymark (first-run setup on a fresh store)
    python3 dev.py test [pytest options]    lint, type checks, layer contracts and the test suite

Both create `.venv` beside this file on first use and install the project and its tools into it,
again whenever `pyproject.toml` changes. On Debian or Ubuntu the system libraries Qt needs are
installed with apt-get when they are missing (as root, or through sudo).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".waymark-installed"
QT_DEBIAN_PACKAGES = [
    "libegl1", "libgl1", "libxkbcommon0", "libxkbcommon-x11-0", "libfontconfig1", "libdbus-1-3",
    "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-shape0", "libxcb-xinerama0",
    "libxcb-randr0", "libxcb-render-util0", "libxcb-image0", "libxcb-xkb1",
]


def venv_python() -> Path:
    scripts = "Scripts" if os.name == "nt" else "bin"
    return VENV / scripts / ("python.exe" if os.name == "nt" else "python")


def run(cmd: list[str], **kwargs: object) -> int:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.call(cmd, cwd=ROOT, **kwargs)  # type: ignore[call-overload]


def ensure_venv() -> Path:
    if sys.version_info < (3, 11):
        sys.exit("Waymark needs Python 3.11 or newer; this is " + sys.version.split()[0] + ".")
    if not venv_python().exists() and run([sys.executable, "-m", "venv", str(VENV)]) != 0:
        sys.exit("Could not create the virtual environment in " + str(VENV) + ".")
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not STAMP.exists() or STAMP.read_text() != wanted:
        py = str(venv_python())
        steps = [[py, "-m", "pip", "install", "--quiet", "--upgrade", "pip"],
                 [py, "-m", "pip", "install", "--quiet", "-e", ".[dev]"]]
        for step in steps:
            if run(step) != 0:
                sys.exit("Installing Waymark's dependencies failed; see the messages above.")
        STAMP.write_text(wanted)
    ensure_qt_libraries()
    return venv_python()


def ensure_qt_libraries() -> None:
    """Install the system libraries Qt needs when it cannot load (Debian and Ubuntu only)."""
    if not sys.platform.startswith("linux"):
        return
    probe = "from PySide6 import QtGui, QtWidgets"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    if subprocess.call([str(venv_python()), "-c", probe], env=env) == 0:
        return
    if not shutil.which("apt-get"):
        sys.exit("Qt could not load; install your distribution's packages for: "
                 + ", ".join(QT_DEBIAN_PACKAGES))
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    run([*sudo, "apt-get", "update", "-q"])
    if run([*sudo, "apt-get", "install", "-y", "-q", *QT_DEBIAN_PACKAGES]) != 0:
        sys.exit("Installing the system libraries Qt needs failed; see the messages above.")


def test(args: list[str]) -> int:
    py = str(ensure_venv())
    checks = [
        [py, "-m", "ruff", "check", "."],
        [py, "-m", "mypy"],
        [str(Path(py).with_name("lint-imports.exe" if os.name == "nt" else "lint-imports"))],
        [py, "-m", "pytest", *args],
    ]
    failed = [c for c in checks if run(c) != 0]
    if failed:
        print(f"{len(failed)} of {len(checks)} checks failed.", file=sys.stderr)
        return 1
    return 0


def launch(args: list[str]) -> int:
    py = str(ensure_venv())
    return run([py, "-m", "desktop", *args])


def main() -> int:
    command, *rest = sys.argv[1:] or ["help"]
    if command == "run":
        return launch(rest)
    if command == "test":
        return test(rest)
    print(__doc__)
    return 0 if command in ("help", "-h", "--help") else 2


if __name__ == "__main__":
    sys.exit(main())
