"""Reading passwords: from standard input when it is not a terminal, else from a hidden prompt.

Never from command-line arguments or environment variables, which other users of a shared
workstation can read (process lists, shell history, /proc). When standard input is a pipe, each
password is one line, in the order the command asks for them; only the line ending is removed,
so spaces at either end are part of the password.
"""

from __future__ import annotations

import getpass
import sys

from casefile.cli.errors import EmptyPassword, NoPassword, NoRecoveryKey, PasswordsDiffer
from casefile.errors import MIN_PASSWORD_LENGTH, PasswordTooShort
from i18n import _


def _from_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def _line_from_stdin() -> str:
    line = sys.stdin.readline() if sys.stdin is not None else ""
    if not line:
        raise NoPassword()
    if line.endswith("\n"):
        line = line[:-1]
    if line.endswith("\r"):
        line = line[:-1]
    return line


def _prompt(prompt: str) -> str:
    try:
        return getpass.getpass(prompt)
    except EOFError as error:
        raise NoPassword() from error


def _non_empty(password: str) -> str:
    if not password:
        raise EmptyPassword()
    return password


def read_password(login: str) -> str:
    """The password of `login`, for unlocking the store."""
    if not _from_terminal():
        return _non_empty(_line_from_stdin())
    return _non_empty(_prompt(_("Password for {login}: ").format(login=login)))


def read_new_password(login: str) -> str:
    """A new password for `login`: typed twice on a terminal, read once from a pipe."""
    if not _from_terminal():
        password = _non_empty(_line_from_stdin())
    else:
        password = _non_empty(_prompt(_("New password for {login}: ").format(login=login)))
        if len(password) >= MIN_PASSWORD_LENGTH:
            again = _prompt(_("Type the same password again: "))
            if again != password:
                raise PasswordsDiffer()
    if len(password) < MIN_PASSWORD_LENGTH:
        raise PasswordTooShort()
    return password


def read_recovery_key() -> str:
    """The recovery key: the next line of standard input, or typed (hidden) at a prompt."""
    try:
        typed = _line_from_stdin() if not _from_terminal() else _prompt(_("Recovery key: "))
    except NoPassword:
        raise NoRecoveryKey() from None
    if not typed.strip():
        raise NoRecoveryKey()
    return typed
