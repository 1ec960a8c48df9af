"""An exclusive lock on a small owner-only file, held by one process at a time."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from casefile.files.fsutil import OWNER_ONLY_FILE


@contextlib.contextmanager
def exclusive_lock(path: Path) -> Iterator[None]:
    """Wait for and hold the lock on `path` (created empty if needed) for the block."""
    fd = os.open(path, os.O_CREAT | os.O_RDWR, OWNER_ONLY_FILE)
    try:
        _lock(fd)
        try:
            yield
        finally:
            _unlock(fd)
    finally:
        os.close(fd)


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_LOCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
