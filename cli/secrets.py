"""Reading passwords: from standard input when it is not a terminal, else from a hidden prompt.

Never from command-line arguments or environment variables, which other users of a shared
workstation can read (process lists, shell history, /proc). When standard input is a pipe, each
password is one line, in the order the command asks for them; only the line ending is removed,
so spaces at either end are part of the password.

A pipe is read as bytes and decoded as UTF-8, whatever the locale says, because a password must
be the same characters at every sign-in screen (the desktop's is Unicode). Bytes that are not
UTF-8 are refused with one sentence wherever a password is read, so the same bytes give the same
answer when an account is made and at every later sign-in. A line may hold at most
MAX_SECRET_BYTES, so an endless input (`< /dev/zero`) is refused instead of read into memory.
"""

from __future__ import annotations

import getpass
import sys

from casefile.errors import PasswordNotText, WrongRecoveryKey
from casefile.staff.accounts import check_new_password
from cli.errors import (
    EmptyPassword,
    NoPassword,
    NoRecoveryKey,
    PasswordsDiffer,
    SecretTooLong,
)
from i18n import _

MAX_SECRET_BYTES = 4096


def _from_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def _as_text(line: bytes | str) -> str:
    """`line` as text; PasswordNotText for bytes that are not UTF-8 or text with lone
    surrogates (a text stream that decoded with errors="surrogateescape")."""
    try:
        if isinstance(line, bytes):
            return line.decode("utf-8")
        line.encode("utf-8")
    except UnicodeError:
        raise PasswordNotText() from None
    return line


def _line_from_stdin() -> str:
    """The next line of standard input without its line ending (LF or CR LF)."""
    stream = sys.stdin
    if stream is None:
        raise NoPassword()
    source = getattr(stream, "buffer", None) or stream  # the bytes beneath a text stream
    line: bytes | str = source.readline(MAX_SECRET_BYTES + 2)  # room for CR LF
    if not line:
        raise NoPassword()
    # Lone surrogates pass through as bytes that are not UTF-8, refused below like any such.
    data = line if isinstance(line, bytes) else line.encode("utf-8", "surrogatepass")
    data = data.removesuffix(b"\n").removesuffix(b"\r")
    if len(data) > MAX_SECRET_BYTES:  # before decoding: the cut may split a character
        raise SecretTooLong(maximum=MAX_SECRET_BYTES)
    return _as_text(data)


def _getpass(prompt: str) -> str:
    try:
        return getpass.getpass(prompt)
    except UnicodeEncodeError:  # the terminal's encoding cannot show the prompt's language
        return getpass.getpass(prompt.encode("ascii", "backslashreplace").decode("ascii"))


def _prompt(prompt: str) -> str:
    try:
        return _as_text(_getpass(prompt))
    except UnicodeDecodeError:  # typed bytes that the terminal's encoding does not hold
        raise PasswordNotText() from None
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
    """A new password for `login`: typed twice on a terminal, read once from a pipe; refused
    (before anything is written) when it could not be used at every sign-in screen."""
    if not _from_terminal():
        return check_new_password(_non_empty(_line_from_stdin()))
    password = _prompt(_("New password for {login}: ").format(login=login))
    check_new_password(_non_empty(password))
    if _prompt(_("Type the same password again: ")) != password:
        raise PasswordsDiffer()
    return password


def read_recovery_key() -> str:
    """The recovery key: the next line of standard input, or typed (hidden) at a prompt."""
    try:
        typed = _line_from_stdin() if not _from_terminal() else _prompt(_("Recovery key: "))
    except NoPassword:
        raise NoRecoveryKey() from None
    except PasswordNotText:  # a recovery key is letters, digits and dashes
        raise WrongRecoveryKey() from None
    if not typed.strip():
        raise NoRecoveryKey()
    return typed
