"""The first step of opening the store: a staff member's password unwraps the data key.

It loads no database code. A sign-in derives the key (Argon2id, 64 MiB) here before
SQLAlchemy, SQLCipher and the screens behind the sign-in page are loaded, so that memory and
theirs are never held at the same moment: the peak of a sign-in stays about 60 MB lower.
`casefile.store.open_unlocked` then opens the database with the key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from casefile.errors import StoreMissing
from casefile.files.fsutil import file_errors
from casefile.files.paths import StorePaths, StoreState
from casefile.keys import keyfile
from casefile.keys.unlock import unlock_staff
from casefile.workstation import Workstation


@dataclass(frozen=True)
class Unlocked:
    """A data key unwrapped with someone's password, and the key file it came from."""

    paths: StorePaths
    keys: keyfile.KeyFile
    data_key: bytes = field(repr=False)


def check_state(paths: StorePaths) -> None:
    """Refuse a data folder with no store, or with one of its files missing."""
    if paths.state() is StoreState.NEW:
        raise StoreMissing(folder=str(paths.data_dir))
    problem = paths.missing_file()
    if problem is not None:
        raise problem


def unlock_with_password(
    data_dir: Path, login: str, password: str, workstation: Workstation
) -> Unlocked:
    """Unwrap the data key with `login`'s password. A wrong password writes nothing but the
    key file's failure count."""
    paths = StorePaths(data_dir)
    with file_errors(data_dir):
        check_state(paths)
    keys = keyfile.read_key_file(paths.keys)
    return Unlocked(paths, keys, unlock_staff(paths.keys, keys, login, password, workstation))
