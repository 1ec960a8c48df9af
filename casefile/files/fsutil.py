"""Owner-only folders and files, and atomic writes: a target is always the old complete file or
the new complete file, never a truncated one."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from casefile.errors import FileUnusable, StorageFull, WaymarkError
from i18n import N_

OWNER_ONLY_FILE = 0o600
OWNER_ONLY_DIR = 0o700


# What an operating-system error means for the person, by errno (translated when shown).
_REASONS = {
    errno.EISDIR: N_("it is a folder, not a file"),
    errno.ENOTDIR: N_("part of its path is a file, not a folder"),
    errno.ENOENT: N_("it does not exist"),
    errno.EACCES: N_("the operating system does not allow Waymark to use it"),
    errno.EPERM: N_("the operating system does not allow Waymark to use it"),
    errno.EROFS: N_("it is on a disk that can only be read"),
    errno.EIO: N_("the disk reported a read or write error"),
    errno.ENAMETOOLONG: N_("its name is too long"),
    errno.ELOOP: N_("its path loops through links"),
    errno.ENXIO: N_("it is not a regular file"),
    errno.ETXTBSY: N_("another program is using it"),
}


def display_path(path: object) -> str:
    """A path as text that can always be shown or printed (bytes that are not UTF-8 escaped)."""
    text = os.fsdecode(path) if isinstance(path, str | bytes | os.PathLike) else str(path)
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def os_error(error: OSError, path: object = None) -> WaymarkError:
    """One clear sentence for an operating-system error on `path` (or the file it names)."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return StorageFull()
    reason = _REASONS.get(error.errno or 0) or error.strerror or type(error).__name__
    return FileUnusable(path=display_path(path or error.filename or "?"), reason=reason)


@contextlib.contextmanager
def file_errors(path: object = None) -> Iterator[None]:
    """Turn an operating-system error in the block into a WaymarkError naming the file."""
    try:
        yield
    except OSError as error:
        raise os_error(error, error.filename or path) from error


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
    except BaseException as error:  # never leave a copy behind, whatever stopped the write
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT):
            raise StorageFull() from error
        raise
