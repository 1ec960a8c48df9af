"""Running `waymark-admin` in-process for tests: secrets on standard input, output captured."""

from __future__ import annotations

import contextlib
import io
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from cli.main import main

PASSWORD = "long enough secret"
RECOVERY_KEY = re.compile(r"\b[A-Z2-7]{4}(?:-[A-Z2-7]{4}){7}\b")


class Terminal(io.StringIO):
    """Standard input that claims to be a terminal, so secrets are prompted for."""

    def isatty(self) -> bool:
        return True


@contextlib.contextmanager
def umask_kept() -> Iterator[None]:
    """main() sets the process umask; put it back for the other tests."""
    previous = os.umask(0o022)
    os.umask(previous)
    try:
        yield
    finally:
        os.umask(previous)


class Admin:
    """`waymark-admin --data-dir DIR ...` with the given lines on standard input."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                 data_dir: Path) -> None:
        self.monkeypatch, self.capsys, self.data_dir = monkeypatch, capsys, data_dir
        self.recovery_key = ""  # set by init()

    def __call__(self, *args: str, stdin: str = f"{PASSWORD}\n",
                 data_dir: Path | None = None) -> tuple[int, str, str]:
        self.monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = main(["--data-dir", str(data_dir or self.data_dir), *args])
        out, err = self.capsys.readouterr()
        return code, out, err

    def ok(self, *args: str, stdin: str = f"{PASSWORD}\n", data_dir: Path | None = None) -> str:
        code, out, err = self(*args, stdin=stdin, data_dir=data_dir)
        assert (code, err) == (0, ""), err
        return out

    def init(self) -> str:
        """Create the store with the administrator ada; returns the recovery key."""
        out = self.ok("init", "--admin", "ada", "--name", "Ada Admin")
        found: list[str] = RECOVERY_KEY.findall(out)
        assert len(found) == 1
        self.recovery_key = found[0]
        return found[0]

    def add_user(self, login: str, *roles: str, supervisor: str | None = None,
                 password: str = PASSWORD) -> None:
        args = ["--as", "ada", "user", "add", login, "--name", login.title()]
        for role in roles:
            args += ["--role", role]
        if supervisor:
            args += ["--supervisor", supervisor]
        self.ok(*args, stdin=f"{PASSWORD}\n{password}\n")


def assert_one_sentence(err: str) -> None:
    assert "Traceback" not in err
    assert err.endswith("\n") and "\n" not in err.rstrip("\n"), err
    assert err.rstrip().endswith("."), err


def files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file()}


# Fixtures of every in-process command-line test (imported by tests/cli/conftest.py and by the
# casefile tests that drive the command line).
@pytest.fixture(autouse=True)
def keep_umask() -> Iterator[None]:
    with umask_kept():
        yield


@pytest.fixture
def admin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
          data_dir: Path) -> Admin:
    """`waymark-admin` on a store just made with `init` (ada, the first administrator)."""
    run = Admin(monkeypatch, capsys, data_dir)
    run.init()
    return run
