"""Owner-only folders and files, and atomic writes: a target is always the old complete file or
the new complete file, never a truncated one."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from casefile.errors import StorageFull

OWNER_ONLY_FILE = 0o600
OWNER_ONLY_DIR = 0o700


def ensure_private_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True, mode=OWNER_ONLY_DIR)
    if os.name == "posix":
        os.chmod(path, OWNER_ONLY_DIR)
    return path


def make_owner_only(path: Path) -> None:
    if os.name == "posix" and path.exists():
        os.chmod(path, OWNER_ONLY_FILE)


def fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write_bytes(target: Path, data: bytes) -> None:
    """Write `data` to `target` through an fsynced temporary file in the same folder."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        make_owner_only(tmp)
        os.replace(tmp, target)
        fsync_dir(target.parent)
    except OSError as error:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            raise StorageFull() from error
        raise
