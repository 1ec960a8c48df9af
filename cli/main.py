"""The `waymark-admin` entry point: arguments, interface language, and errors as one sentence.

No traceback reaches the person at the keyboard: expected failures carry their own sentence,
operating-system failures and damaged databases get one here, and exit codes follow the usual
convention (1 failure, 2 usage error, 130 interrupted). Standard output and error are first
made unable to fail on text their encoding lacks (see cli.output).
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import sys

import sqlcipher3
from sqlalchemy.exc import DBAPIError

from casefile.errors import StorageFull, WaymarkError
from cli.arguments import build_parser
from cli.output import make_streams_safe, say, shown
from i18n import _, set_language

OWNER_ONLY_UMASK = 0o077
INTERRUPTED = 130


def _environment_language() -> str | None:
    """The language the person's session asks for, in gettext's order of precedence."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "").split(":")[0]
        if value and value.isascii():  # a language code is ASCII; anything else is noise
            return value
    return None


def _os_error_message(error: OSError) -> str:
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return StorageFull().user_message()
    reason = error.strerror or type(error).__name__
    if error.filename is None:
        return _("The operating system refused: {reason}.").format(reason=reason)
    return _("Could not use {path}: {reason}.").format(path=shown(error.filename), reason=reason)


def _database_error_message(error: DBAPIError | sqlcipher3.Error) -> str:
    """One sentence; SQLAlchemy's own text shows the statement and values (maybe case content)."""
    reason = str(error.orig if isinstance(error, DBAPIError) else error).lower()
    if "locked" in reason or "busy" in reason:
        return _("The database is in use by another Waymark window or command; close it and "
                 "try again. Nothing was changed.")
    return _("The database could not be read and may be damaged; it was left untouched, so "
             "restore it from a backup.")


def _parse(argv: list[str] | None) -> argparse.Namespace | int:
    """The parsed arguments, or the exit code when argparse has finished (usage error, --help)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        needs_login = args.needs_login(args) if callable(args.needs_login) else args.needs_login
        if needs_login and not args.login:
            parser.error(_("{command} needs --as LOGIN, the person whose password unlocks "
                           "the store.").format(command=args.command))
    except SystemExit as finished:
        return finished.code if isinstance(finished.code, int) else 2
    return args


def _run(argv: list[str] | None) -> int:
    parsed = _parse(argv)
    if isinstance(parsed, int):
        return parsed
    code: int = parsed.run(parsed)
    return code


def _fail(message: str, code: int = 1) -> int:
    with contextlib.suppress(OSError, ValueError):  # standard error is gone: the code tells
        say(message, stream=sys.stderr)
    return code


def main(argv: list[str] | None = None) -> int:
    os.umask(OWNER_ONLY_UMASK)  # every file this process creates is the owner's alone
    make_streams_safe()
    set_language(_environment_language() or "en")
    try:
        return _run(argv)
    except WaymarkError as error:
        return _fail(error.user_message())
    except KeyboardInterrupt:
        return _fail(_("Stopped before finishing; nothing more was changed."), INTERRUPTED)
    except OSError as error:
        return _fail(_os_error_message(error))
    except (DBAPIError, sqlcipher3.Error) as error:
        return _fail(_database_error_message(error))
    except Exception as error:
        return _fail(_("Waymark stopped because of an unexpected problem ({kind}).")
                     .format(kind=type(error).__name__))
