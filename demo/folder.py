"""The demo's throwaway folder, in the system's temporary folder (`waymark-demo-*`).

It is made when a demo starts and removed when the demo ends, however it ends: the window closed,
Quit, an error while starting, or SIGTERM, SIGINT or SIGHUP (which the desktop turns into a
normal quit). Only a kill -9, a crash of the interpreter or a power cut can leave one behind, so
each folder holds a lock file that its process keeps locked while it runs, and every demo start
first removes the demo folders of this user that no running process holds.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType

from casefile.files.fsutil import OWNER_ONLY_FILE

PREFIX = "waymark-demo-"
LOCK_NAME = "in-use.lock"
DATA_NAME = "data"
# A folder without its lock file is being made right now, unless it is older than this (or was
# left by a Waymark from before lock files).
_GRACE_SECONDS = 60.0


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True


_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)


def _hold(lock: Path) -> int:
    """Create `lock`, lock it for as long as this process runs (or until closed), and write
    this process's id in it for whoever looks."""
    fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_RDWR | _NO_FOLLOW, OWNER_ONLY_FILE)
    try:
        if not _try_lock(fd):
            raise OSError(f"could not lock {lock}")
        os.write(fd, f"{os.getpid()}\n".encode("ascii"))
    except BaseException:
        os.close(fd)
        raise
    return fd


def _ours(path: Path) -> bool:
    """A real folder (not a link) that belongs to this user."""
    try:
        info = path.lstat()
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode):
        return False
    return not hasattr(os, "getuid") or info.st_uid == os.getuid()


def _unheld(path: Path) -> bool:
    """Whether no running process holds the folder's lock."""
    lock = path / LOCK_NAME
    try:
        fd = os.open(lock, os.O_RDWR | _NO_FOLLOW)
    except FileNotFoundError:
        try:
            return time.time() - path.lstat().st_mtime > _GRACE_SECONDS
        except OSError:
            return False
    except OSError:
        return False
    try:
        return _try_lock(fd)  # released when closed
    finally:
        os.close(fd)


def remove_stale(root: Path) -> list[Path]:
    """Remove the demo folders in `root` left by demos that no longer run; returns them."""
    removed = []
    for candidate in sorted(root.glob(f"{PREFIX}*")):
        if _ours(candidate) and _unheld(candidate):
            shutil.rmtree(candidate, ignore_errors=True)
            removed.append(candidate)
    return removed


class DemoFolder:
    """A demo's folder, held (locked) until `remove()`; use it as a context manager."""

    def __init__(self, path: Path, lock_fd: int) -> None:
        self.path = path
        self._lock_fd: int | None = lock_fd

    @classmethod
    def create(cls, root: Path | None = None) -> DemoFolder:
        """A new demo folder in `root` (the temporary folder), after removing stale ones."""
        root = Path(root or tempfile.gettempdir())
        remove_stale(root)
        path = Path(tempfile.mkdtemp(prefix=PREFIX, dir=root))
        try:
            fd = _hold(path / LOCK_NAME)
        except BaseException:
            shutil.rmtree(path, ignore_errors=True)
            raise
        return cls(path, fd)

    @property
    def data_dir(self) -> Path:
        """Where the demo's store is made."""
        return self.path / DATA_NAME

    def remove(self) -> None:
        """Remove the folder and everything in it. What cannot be removed now (a file still
        open, on Windows) is left unlocked, so that the next demo start removes it."""
        if self._lock_fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._lock_fd)
            self._lock_fd = None
        shutil.rmtree(self.path, ignore_errors=True)

    def __enter__(self) -> DemoFolder:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.remove()
