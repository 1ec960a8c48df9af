"""`waymark-admin init`: create the store and show its recovery key, the one time it is shown.

The recovery key exists only in the person's hands once `init` returns, so it is the first thing
written after the store is made, in one write that is flushed at once. When it cannot be
written (standard output is a full disk, a closed pipe, a broken terminal) the store, which holds
nothing yet but its first administrator, is removed again so that `init` can simply be run again:
a store whose recovery key nobody saw would fail the agency on the day it is needed. For the
same reason a store that `create_store` wrote but then failed to open is removed again.
"""

from __future__ import annotations

import argparse
import contextlib
from pathlib import Path

from casefile.errors import StoreExists, WaymarkError
from casefile.files.paths import StorePaths, StoreState
from casefile.store import create_store
from cli.commands import data_dir
from cli.errors import RecoveryKeyLost, RecoveryKeyNotShown
from cli.output import shown, silence_stdout, write_now
from cli.secrets import read_new_password
from i18n import _

# What a new store consists of in its folder (the lock file is made beside the key file).
_STORE_SUFFIXES = ("", "-wal", "-shm", "-journal")
_KEY_SUFFIXES = ("", ".lock")


def _created_text(login: str, recovery_key: str, folder: Path) -> str:
    lines = [
        _("Created a Waymark store with the administrator {login}.").format(login=login),
        "",
        _("Recovery key:"),
        "",
        f"    {recovery_key}",
        "",
        _("Print this recovery key now and lock it away. It is the only way back in if every "
          "password is forgotten or this workstation is replaced, and it will not be shown "
          "again."),
        _("The database and its key file are in {folder}.").format(folder=shown(folder)),
    ]
    return "\n".join(lines) + "\n"


def _remove_new_store(paths: StorePaths, made_folder: bool) -> bool:
    """Remove the store just created; True when nothing of it is left."""
    with contextlib.suppress(OSError):
        for suffix in _STORE_SUFFIXES:
            Path(f"{paths.database}{suffix}").unlink(missing_ok=True)
        for suffix in _KEY_SUFFIXES:
            Path(f"{paths.keys}{suffix}").unlink(missing_ok=True)
        if made_folder:
            paths.data_dir.rmdir()  # only when empty: anything else there stays
    return paths.state() is StoreState.NEW and not paths.leftovers()


def _not_shown(paths: StorePaths, made_folder: bool, error: Exception) -> WaymarkError:
    silence_stdout()
    reason = (error.strerror if isinstance(error, OSError) else None) or type(error).__name__
    if _remove_new_store(paths, made_folder):
        return RecoveryKeyNotShown(reason=reason)
    return RecoveryKeyLost(folder=shown(paths.data_dir), reason=reason)


def run_init(args: argparse.Namespace) -> int:
    """Create the store and its first administrator; show the recovery key once."""
    folder = data_dir(args)
    paths = StorePaths(folder)
    if paths.state() is not StoreState.NEW:
        raise StoreExists(folder=shown(folder))  # refuse before asking for a password
    login: str = args.admin
    password = read_new_password(login)
    made_folder = not folder.exists()
    try:
        store, recovery_key = create_store(folder, login, args.name or login, password)
    except StoreExists:  # made by someone else meanwhile: theirs, never removed
        raise
    except BaseException:  # failed after its files were written: its key was never shown
        _remove_new_store(paths, made_folder)
        raise
    try:
        write_now(_created_text(login, recovery_key, folder))
    except (OSError, ValueError) as error:  # ValueError: a closed stream, an encoding refused
        store.close()
        raise _not_shown(paths, made_folder, error) from error
    store.close()
    return 0
