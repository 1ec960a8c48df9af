"""`waymark-admin user ...` and `passwd`: staff accounts from the command line.

Secrets are read in the order the command needs them: the signed-in person's password first
(`--as LOGIN`), then the new password; with `--recovery-key`, the recovery key and then the new
password.
"""

from __future__ import annotations

import argparse
import unicodedata

from casefile.errors import StoreMissing, WrongPassword
from casefile.files.paths import StorePaths, StoreState
from casefile.keys.keyfile import normalize_login, read_key_file, unlock_with_recovery_key
from casefile.staff import accounts
from casefile.staff.accounts import ROLES, Account
from casefile.store import ADMIN, CASEWORKER, SUPERVISOR, Store, open_store
from cli.commands import data_dir, unlock_admin
from cli.errors import UnknownAccount
from cli.grammar import clean_login, escape_help, name_text
from cli.output import say
from cli.secrets import read_new_password, read_password, read_recovery_key
from i18n import N_, _

ROLE_TITLES = {CASEWORKER: N_("caseworker"), SUPERVISOR: N_("supervisor"),
               ADMIN: N_("administrator")}


def _account(store: Store, login: str) -> Account:
    wanted = normalize_login(login)
    found = next((a for a in accounts.list_accounts(store) if a.login == wanted), None)
    if found is None:
        raise UnknownAccount(login=wanted)
    return found


def run_add(args: argparse.Namespace) -> int:
    store = unlock_admin(args)
    try:
        boss = _account(store, args.supervisor).id if args.supervisor else None
        password = read_new_password(args.new_login)
        accounts.add_account(store, args.new_login, args.name, set(args.roles), password, boss)
    finally:
        store.close()
    say(_("Added {login}, who can now sign in on this workstation.")
          .format(login=normalize_login(args.new_login)))
    return 0


def _width(text: str) -> int:
    """Columns `text` takes in a terminal (East Asian wide characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _table(rows: list[list[str]]) -> list[str]:
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    def line(row: list[str]) -> str:
        cells = zip(row, widths, strict=True)
        return "  ".join(cell + " " * (width - _width(cell)) for cell, width in cells).rstrip()

    return [line(row) for row in rows]


def _password_state(account: Account) -> str:
    if not account.has_password:
        return _("no password on this workstation")
    return _("keyring-protected") if account.keyring_protected else _("password only")


def _row(account: Account) -> list[str]:
    roles = ", ".join(_(ROLE_TITLES[role]) for role in ROLES if role in account.roles)
    return [account.login, account.display_name, roles, account.supervisor_name or "-",
            _("active") if account.active else _("disabled"), _password_state(account)]


def run_list(args: argparse.Namespace) -> int:
    store = unlock_admin(args)
    try:
        found = accounts.list_accounts(store)
    finally:
        store.close()
    header = [_("Sign-in name"), _("Name"), _("Roles"), _("Supervisor"), _("Status"),
              _("Password")]
    for line in _table([header, *(_row(account) for account in found)]):
        say(line)
    return 0


def run_disable(args: argparse.Namespace) -> int:
    store = unlock_admin(args)
    try:
        accounts.set_active(store, _account(store, args.target).id, False)
    finally:
        store.close()
    say(_("Disabled {login}; their password no longer opens the store.")
          .format(login=normalize_login(args.target)))
    return 0


def run_enable(args: argparse.Namespace) -> int:
    store = unlock_admin(args)
    try:
        accounts.set_active(store, _account(store, args.target).id, True)
    finally:
        store.close()
    login = normalize_login(args.target)
    say(_("Turned {login} back on. Give them a new password with: "
            "waymark-admin --as LOGIN user reset-password {login}").format(login=login))
    return 0


def _recover(args: argparse.Namespace) -> int:
    folder, login = data_dir(args), normalize_login(args.target)
    paths = StorePaths(folder)
    problem = paths.missing_file()
    if problem is not None:
        raise problem
    if paths.state() is StoreState.NEW:
        raise StoreMissing(folder=str(folder))
    recovery_key = read_recovery_key()
    unlock_with_recovery_key(read_key_file(paths.keys), recovery_key)  # before the new password
    password = read_new_password(login)
    try:
        accounts.recover_with_key(folder, login, recovery_key, password).close()
    except WrongPassword:  # the recovery key worked, so the sign-in name is what is unknown
        raise UnknownAccount(login=login) from None
    say(_("Set a new password for {login} with the recovery key; they can sign in on this "
            "workstation now.").format(login=login))
    return 0


def run_reset_password(args: argparse.Namespace) -> int:
    if args.recovery_key:
        return _recover(args)
    store = unlock_admin(args)
    try:
        staff_id = _account(store, args.target).id
        accounts.reset_password(store, staff_id, read_new_password(normalize_login(args.target)))
    finally:
        store.close()
    say(_("Set a new password for {login}.").format(login=normalize_login(args.target)))
    return 0


def run_passwd(args: argparse.Namespace) -> int:
    old = read_password(args.login)
    store = open_store(data_dir(args), args.login, old)
    try:
        accounts.change_own_password(store, old, read_new_password(args.login))
    finally:
        store.close()
    say(_("Your password was changed."))
    return 0


def _needs_login_unless_recovering(args: argparse.Namespace) -> bool:
    return not args.recovery_key


def add_user_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `user ACTION ...` and `passwd` to the command-line grammar."""
    user = commands.add_parser("user", help=escape_help(_(
        "add, list, disable, enable staff accounts and reset passwords "
        "(needs --as LOGIN of an administrator)")))
    actions = user.add_subparsers(dest="action", required=True, metavar="ACTION",
                                  title=_("actions"))
    add = actions.add_parser("add", help=escape_help(_(
        "add a staff account; reads your password, then the new person's password")))
    add.add_argument("new_login", type=clean_login, metavar="LOGIN",
                     help=escape_help(_("the new person's sign-in name")))
    add.add_argument("--name", required=True, type=name_text, metavar="NAME",
                     help=escape_help(_("their name as others see it")))
    add.add_argument("--role", dest="roles", action="append", required=True, choices=ROLES,
                     metavar="ROLE",
                     help=escape_help(_("caseworker, supervisor or admin; repeat it to give "
                                        "more than one role")))
    add.add_argument("--supervisor", type=clean_login, default=None, metavar="LOGIN",
                     help=escape_help(_("the sign-in name of their supervisor")))
    add.set_defaults(run=run_add, needs_login=True)
    actions.add_parser("list", help=escape_help(_("show every account and whether it has a "
                                                  "password on this workstation"))
                       ).set_defaults(run=run_list, needs_login=True)
    for name, run, text in (
        ("disable", run_disable, _("turn an account off; its password stops working")),
        ("enable", run_enable, _("turn an account back on (then reset its password)")),
    ):
        action = actions.add_parser(name, help=escape_help(text))
        action.add_argument("target", type=clean_login, metavar="LOGIN",
                            help=escape_help(_("the person's sign-in name")))
        action.set_defaults(run=run, needs_login=True)
    reset = actions.add_parser("reset-password", help=escape_help(_(
        "set someone's password: an administrator's password, then the new one; or with "
        "--recovery-key, the recovery key, then the new one")))
    reset.add_argument("target", type=clean_login, metavar="LOGIN",
                       help=escape_help(_("the person's sign-in name")))
    reset.add_argument("--recovery-key", action="store_true", help=escape_help(_(
        "use the recovery key instead of an administrator's password (also after the keyring "
        "was lost or the data folder moved to another computer)")))
    reset.set_defaults(run=run_reset_password, needs_login=_needs_login_unless_recovering)
    passwd = commands.add_parser("passwd", help=escape_help(_(
        "change your own password (needs --as LOGIN): the old one, then the new one")))
    passwd.set_defaults(run=run_passwd, needs_login=True)
