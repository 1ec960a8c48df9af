"""The command-line grammar of `waymark-admin`, with every help text translated.

Built at run time (not import time) so the help is in the language chosen at start.
"""

from __future__ import annotations

import argparse

from casefile.files.paths import default_data_dir
from cli.backups import add_backup_commands
from cli.commands import run_demo, run_verify
from cli.grammar import clean_login as _login
from cli.grammar import escape_help as _help
from cli.grammar import name_text, path_argument
from cli.preview import add_preview_command
from cli.setup import run_init
from cli.users import add_user_commands
from i18n import _

MAX_DEMO_YOUTH = 100_000


def _youth_count(value: str) -> int:
    try:
        count = int(value)
    except ValueError:
        count = 0
    if not 1 <= count <= MAX_DEMO_YOUTH:
        raise argparse.ArgumentTypeError(
            _("give a whole number from 1 to {maximum}").format(maximum=MAX_DEMO_YOUTH))
    return count


def _seed(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(_("give a whole number")) from None


def _add_init(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    init = commands.add_parser(
        "init", help=_help(_("create the store and its first administrator; "
                             "prints the recovery key once")))
    init.add_argument("--admin", required=True, type=_login, metavar="LOGIN",
                      help=_help(_("sign-in name of the first administrator")))
    init.add_argument("--name", default="", type=name_text, metavar="NAME",
                      help=_help(_("the administrator's name as others see it")))
    init.set_defaults(run=run_init, needs_login=False)


def _add_demo(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    demo = commands.add_parser(
        "demo", help=_help(_("add synthetic youth, for training (needs --as LOGIN)")))
    demo.add_argument("--youth", required=True, type=_youth_count, metavar="N",
                      help=_help(_("how many synthetic youth to add")))
    demo.add_argument("--seed", type=_seed, default=None, metavar="S",
                      help=_help(_("the same seed gives the same youth")))
    demo.set_defaults(run=run_demo, needs_login=True)


def _add_verify(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    verify = commands.add_parser(
        "verify", help=_help(_("check the database, its encryption and the audit trail for "
                               "damage or tampering (needs --as LOGIN); exit 1 on failure")))
    verify.set_defaults(run=run_verify, needs_login=True)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="waymark-admin",
        description=_help(_("Set up and look after a Waymark store. Passwords are read from "
                            "standard input when it is not a terminal, one per line.")))
    parser.add_argument(
        "--data-dir", type=path_argument, default=None, metavar="DIR",
        help=_help(_("the folder with the database and its key file (default: {folder})")
                   .format(folder=default_data_dir())))
    parser.add_argument("--as", dest="login", type=_login, default=None, metavar="LOGIN",
                        help=_help(_("the staff member whose password unlocks the store")))
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND",
                                     title=_("commands"))
    _add_init(commands)
    add_user_commands(commands)
    _add_demo(commands)
    _add_verify(commands)
    add_backup_commands(commands)
    add_preview_command(commands)
    return parser
