"""Running the real `waymark-admin` in its own process, with raw bytes on standard input.

Byte-level input, strict output encodings, a full disk as standard output and inputs that never
end can only be tried on a real process: an in-process run shares pytest's streams.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO

REPO = Path(__file__).resolve().parents[2]
PASSWORD = b"long enough secret\n"


@dataclass(frozen=True)
class Finished:
    code: int
    out: bytes
    err: bytes
    seconds: float

    @property
    def err_text(self) -> str:
        return self.err.decode("utf-8", "backslashreplace")

    @property
    def out_text(self) -> str:
        return self.out.decode("utf-8", "backslashreplace")


def environment(**extra: str) -> dict[str, str]:
    """English, this checkout importable, and no keyring: nothing reaches the person's own."""
    env = {**os.environ, "LANGUAGE": "en", "PYTHONPATH": str(REPO),
           "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    env.update(extra)
    return env


def admin(data_dir: Path | bytes, *args: str | bytes, stdin: bytes | IO[bytes] = PASSWORD,
          env: dict[str, str] | None = None, timeout: float = 60,
          stdout: int | IO[bytes] = subprocess.PIPE) -> Finished:
    """`waymark-admin --data-dir DATA_DIR ARGS...`; paths and arguments may be bytes."""
    command: list[str | bytes] = [sys.executable, "-m", "cli", "--data-dir",
                                  os.fsencode(data_dir), *args]
    given, source = (stdin, None) if isinstance(stdin, bytes) else (None, stdin)
    started = time.monotonic()
    done = subprocess.run(
        command, input=given, stdin=source, stdout=stdout, stderr=subprocess.PIPE,
        env=env or environment(), timeout=timeout, check=False, cwd=REPO,
    )
    return Finished(done.returncode, done.stdout or b"", done.stderr,
                    time.monotonic() - started)


def assert_one_clear_sentence(finished: Finished) -> None:
    """Exit 1 and one sentence on standard error: no traceback, no "unexpected problem", and
    nothing from Python itself at exit."""
    text = finished.err_text
    assert finished.code == 1, (finished.code, text)
    assert "Traceback" not in text and "unexpected problem" not in text, text
    assert "Exception ignored" not in text, text
    assert text.endswith("\n") and "\n" not in text.rstrip("\n"), text
    assert text.rstrip().endswith("."), text
