"""What each subcommand does once its arguments are parsed. Each returns the exit code."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from casefile.cli.errors import AdministratorsOnly
from casefile.cli.secrets import read_new_password, read_password
from casefile.cli.verify import CheckResult, run_checks
from casefile.demo import add_demo_youth
from casefile.errors import StoreExists
from casefile.paths import StorePaths, StoreState, default_data_dir
from casefile.store import ADMIN, Store, create_store, open_store
from i18n import _, ngettext


def data_dir(args: argparse.Namespace) -> Path:
    folder: Path | None = args.data_dir
    return folder if folder is not None else default_data_dir()


def unlock(args: argparse.Namespace) -> Store:
    """Sign in as --as LOGIN with the first password on standard input (or typed)."""
    login: str = args.login
    return open_store(data_dir(args), login, read_password(login))


def unlock_admin(args: argparse.Namespace) -> Store:
    """Sign in as --as LOGIN, who must be an administrator."""
    store = unlock(args)
    if ADMIN not in store.user.roles:
        store.close()
        raise AdministratorsOnly()
    return store


def _show_recovery_key(recovery_key: str, folder: Path) -> None:
    print()
    print(_("Recovery key:"))
    print()
    print(f"    {recovery_key}")
    print()
    print(_("Print this recovery key now and lock it away. It is the only way back in if every "
            "password is forgotten or this workstation is replaced, and it will not be shown "
            "again."))
    print(_("The database and its key file are in {folder}.").format(folder=folder))


def run_init(args: argparse.Namespace) -> int:
    """Create the store and its first administrator; show the recovery key once."""
    folder = data_dir(args)
    if StorePaths(folder).state() is not StoreState.NEW:
        raise StoreExists(folder=str(folder))  # refuse before asking for a password
    login: str = args.admin
    password = read_new_password(login)
    store, recovery_key = create_store(folder, login, args.name or login, password)
    store.close()
    print(_("Created a Waymark store with the administrator {login}.").format(login=login))
    _show_recovery_key(recovery_key, folder)
    return 0


def run_demo(args: argparse.Namespace) -> int:
    """Add synthetic youth, for training and for trying Waymark out."""
    store = unlock_admin(args)
    try:
        added = add_demo_youth(store, args.youth, args.seed)
    finally:
        store.close()
    print(ngettext("Added {count} synthetic young person.", "Added {count} synthetic youth.",
                   added).format(count=added))
    return 0


def _report(result: CheckResult) -> None:
    if result.passed:
        print(_("{check}: ok").format(check=_(result.title)))
        return
    print(_("{check}: FAILED").format(check=_(result.title)))
    for problem in result.problems:
        print(f"    {problem}")


def run_verify(args: argparse.Namespace) -> int:
    """Run every integrity check; exit 1 when any fails."""
    store = unlock(args)
    try:
        results = run_checks(store)
    finally:
        store.close()
    for result in results:
        _report(result)
    failed = sum(1 for result in results if not result.passed)
    if failed:
        print(ngettext("{count} check failed. Keep these files as they are and restore a backup.",
                       "{count} checks failed. Keep these files as they are and restore a backup.",
                       failed).format(count=failed), file=sys.stderr)
        return 1
    return 0
