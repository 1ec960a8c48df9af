"""`waymark-admin backup FILE` and `restore FILE`, a thin shell over casefile.backups.restore.

`restore` into an empty data folder (a new workstation) reads the recovery key and then a new
password for `--as LOGIN`; into an existing store it reads the password of `--as LOGIN`, who must
be an administrator.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from casefile.backups.backupfile import BackupExists
from casefile.backups.restore import (
    PRE_RESTORE_FOLDER,
    FolderNotEmpty,
    check_backup_file,
    make_backup,
    restore_backup,
    restore_to_new_workstation,
)
from casefile.errors import BackupFailed
from casefile.files.paths import StorePaths, StoreState
from cli.commands import data_dir, unlock_admin
from cli.grammar import escape_help, path_argument
from cli.output import say, shown
from cli.secrets import read_new_password, read_recovery_key
from i18n import _


def _sqlite_can_write(target: Path) -> None:
    """SQLite takes a file name as UTF-8 text, so a backup cannot be written to a path whose
    bytes are not UTF-8; say so before any password is asked for."""
    try:
        os.fsdecode(target).encode("utf-8")
    except UnicodeEncodeError:
        raise BackupFailed(path=shown(target), reason=_(
            "its name is not UTF-8 text, which the database library cannot use")) from None


def run_backup(args: argparse.Namespace) -> int:
    target = Path(args.file).absolute()  # stays correct whatever folder SQLite works in
    if target.exists() or target.is_symlink():  # a file, folder, pipe or device: never opened
        raise BackupExists(path=shown(target))
    _sqlite_can_write(target)
    store = unlock_admin(args)
    try:
        make_backup(store, target)
    finally:
        store.close()
    say(_("Wrote the encrypted backup {path}. The recovery key or an administrator's password "
          "for this store is needed to restore it.").format(path=shown(target)))
    return 0


def _restore_here(args: argparse.Namespace, source: Path, folder: Path) -> int:
    recovery_key = read_recovery_key()
    password = read_new_password(args.login)
    restore_to_new_workstation(source, folder, args.login, recovery_key, password).close()
    say(_("Restored the backup into {folder}. {login} can sign in with the new password; "
          "anyone else who cannot sign in here needs a password reset.")
        .format(folder=shown(folder), login=args.login))
    return 0


def run_restore(args: argparse.Namespace) -> int:
    source, folder = Path(args.file).absolute(), data_dir(args)
    check_backup_file(source)  # a damaged or newer file is refused before any secret is asked
    state = StorePaths(folder).state()
    if state is StoreState.NEW:
        return _restore_here(args, source, folder)
    if state is not StoreState.READY:
        raise FolderNotEmpty(folder=shown(folder))
    _sqlite_can_write(folder.absolute() / PRE_RESTORE_FOLDER)  # the copy kept from before
    kept = restore_backup(unlock_admin(args, inspect=True), source)  # a damaged store too
    say(_("Restored the backup. The database as it was just before is kept in {path}.")
        .format(path=shown(kept)))
    return 0


def add_backup_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `backup FILE` and `restore FILE` to the command-line grammar."""
    backup = commands.add_parser("backup", help=escape_help(_(
        "write an encrypted, verified backup to a new FILE (needs --as LOGIN of an "
        "administrator)")))
    backup.add_argument("file", type=path_argument, metavar="FILE", help=escape_help(_(
        "where to write the backup; an existing file is never replaced")))
    backup.set_defaults(run=run_backup, needs_login=True)
    restore = commands.add_parser("restore", help=escape_help(_(
        "restore a backup (needs --as LOGIN): into an empty data folder with the recovery key "
        "and a new password for LOGIN, or over this store with an administrator's password")))
    restore.add_argument("file", type=path_argument, metavar="FILE",
                         help=escape_help(_("the backup to restore")))
    restore.set_defaults(run=run_restore, needs_login=True)
