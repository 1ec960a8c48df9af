#!/usr/bin/env python3
"""Set up and run Waymark from a source checkout.

    python3 dev.py run  [waymark options]   launch Waymark (first-run setup on a fresh store)
    python3 dev.py test [pytest options]    lint, type checks, layer contracts and the test suite

Both create `.venv` beside this file on first use and install the project and its tools into it,
again whenever `pyproject.toml` changes. On Debian or Ubuntu the system libraries Qt needs, and for
`test` the D-Bus and gnome-keyring programs of the real-keyring tests, are installed with apt-get
when they are missing (as root, or through sudo).
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
# tests/casefile/test_real_keyring.py runs a private Secret Service (gnome-keyring-daemon on a
# private D-Bus session bus); without these programs those tests are skipped, so `test` installs
# them. Recommends are left out: they include a PAM module that would change how people log in.
KEYRING_TEST_PROGRAMS = {"dbus-daemon": "dbus", "gnome-keyring-daemon": "gnome-keyring"}


def venv_python() -> Path:
    scripts = "Scripts" if os.name == "nt" else "bin"
    return VENV / scripts / ("python.exe" if os.name == "nt" else "python")


def run(cmd: list[str], **kwargs: object) -> int:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.call(cmd, cwd=ROOT, **kwargs)  # type: ignore[call-overload]


def ensure_venv(qt_platform: str) -> Path:
    """The virtual environment's Python, with Waymark installed and what Qt needs to start
    with the platform plugin `qt_platform`."""
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
    ensure_qt_libraries(qt_platform)
    return venv_python()


def is_debian() -> bool:
    """Whether packages come from apt and dpkg (Debian, Ubuntu and their derivatives)."""
    return sys.platform.startswith("linux") and bool(shutil.which("apt-get")) \
        and bool(shutil.which("dpkg-query"))


def missing_debian_packages(packages: list[str]) -> list[str]:
    """Those of `packages` that dpkg does not list as installed (a package removed with its
    configuration kept, or unknown to dpkg, counts as missing)."""
    listed = subprocess.run(["dpkg-query", "-W", "-f=${Package} ${Status}\n", *packages],
                            capture_output=True, text=True, check=False).stdout
    installed = {line.split()[0] for line in listed.splitlines() if line.endswith(" installed")}
    return [package for package in packages if package not in installed]


def apt_install(packages: list[str], what: str, *, recommends: bool = True) -> None:
    """Install Debian packages with apt-get, as root or through sudo; stop when that fails."""
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    if sudo and not shutil.which("sudo"):
        sys.exit(f"Missing {what}; as root, run: apt-get install " + " ".join(packages))
    run([*sudo, "apt-get", "update", "-q"])
    options = [] if recommends else ["--no-install-recommends"]
    if run([*sudo, "apt-get", "install", "-y", "-q", *options, *packages]) != 0:
        sys.exit(f"Installing {what} failed; see the messages above.")


def ensure_qt_libraries(platform: str) -> None:
    """Install the system libraries Qt needs when they are missing (Debian and Ubuntu only).

    On Debian the packages are checked with dpkg rather than by starting Qt: a probe sees only
    the libraries of the platform it starts (offscreen needs no xcb library at all), so it passed
    while `run` on a real display then failed for want of libxcb-icccm4 and libxcb-keysyms1.
    Elsewhere Qt is started, with the platform that will be used.
    """
    if not sys.platform.startswith("linux"):
        return
    if is_debian():
        missing = missing_debian_packages(QT_DEBIAN_PACKAGES)
        if missing:
            apt_install(missing, "the system libraries Qt needs")
        return
    probe = "from PySide6.QtWidgets import QApplication; QApplication([])"
    env = {**os.environ, "QT_QPA_PLATFORM": platform}
    if subprocess.call([str(venv_python()), "-c", probe], env=env) != 0:
        sys.exit("Qt could not start; install your distribution's packages for: "
                 + ", ".join(QT_DEBIAN_PACKAGES))


def display_platform() -> str:
    """The Qt platform plugin Waymark will start with in this environment."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return os.environ["QT_QPA_PLATFORM"]
    if os.environ.get("WAYLAND_DISPLAY") and not os.environ.get("DISPLAY"):
        return "wayland"
    return "xcb" if os.environ.get("DISPLAY") else "offscreen"


def ensure_keyring_programs() -> None:
    """Install what the real-keyring tests run (Debian and Ubuntu only; elsewhere they skip)."""
    if not sys.platform.startswith("linux"):
        return
    missing = sorted({package for program, package in KEYRING_TEST_PROGRAMS.items()
                      if not shutil.which(program)})
    if not missing:
        return
    if not is_debian():
        print("Note: the tests against a real keyring will be skipped; install D-Bus and "
              "gnome-keyring to run them.", file=sys.stderr)
        return
    apt_install(missing, "the keyring test programs (D-Bus, gnome-keyring)", recommends=False)


def test(args: list[str]) -> int:
    # The tests run offscreen unless QT_QPA_PLATFORM says otherwise (see tests/conftest.py).
    py = str(ensure_venv(os.environ.get("QT_QPA_PLATFORM") or "offscreen"))
    ensure_keyring_programs()
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
    py = str(ensure_venv(display_platform()))
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
