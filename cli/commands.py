"""What each subcommand does once its arguments are parsed. Each returns the exit code."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from casefile.files.paths import default_data_dir
from casefile.store import ADMIN, Store, complete_sign_in, open_store
from cli.errors import AdministratorsOnly
from cli.output import say
from cli.secrets import read_password
from cli.verify import CheckResult, run_checks
from demo import add_demo_youth
from i18n import _, ngettext


def data_dir(args: argparse.Namespace) -> Path:
    folder: Path | None = args.data_dir
    return folder if folder is not None else default_data_dir()


def unlock(args: argparse.Namespace, inspect: bool = False) -> Store:
    """Sign in as --as LOGIN with the first password on standard input (or typed). To
    `inspect` is to open the store as it is, damaged or not, writing nothing (see open_store)."""
    login: str = args.login
    return open_store(data_dir(args), login, read_password(login), inspect=inspect)


def unlock_admin(args: argparse.Namespace, inspect: bool = False) -> Store:
    """Sign in as --as LOGIN, who must be an administrator."""
    store = unlock(args, inspect)
    if ADMIN not in store.user.roles:
        store.close()
        raise AdministratorsOnly()
    return store


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
        say(_("{check}: ok").format(check=_(result.title)))
        for note in result.notes:
            say(f"    {note}")
        return
    say(_("{check}: FAILED").format(check=_(result.title)))
    for problem in result.problems:  # SQLite's words may quote a path or a damaged name
        say(f"    {problem}")


def run_verify(args: argparse.Namespace) -> int:
    """Run every integrity check on the store as it is; exit 1 when any fails. Nothing is
    written to a store that fails (not even this sign-in's audit entry)."""
    login: str = args.login
    password = read_password(login)
    store = open_store(data_dir(args), login, password, inspect=True)
    try:
        results = run_checks(store)
        if all(result.passed for result in results):
            complete_sign_in(store, password)
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
