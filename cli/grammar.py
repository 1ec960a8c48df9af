"""Small pieces of the command-line grammar shared by the modules that add commands.

Arguments arrive as the operating system passed them: on POSIX any bytes, with those that are
not UTF-8 carried as lone surrogates. A path may be like that (it is used as it is and shown
escaped), but a sign-in name or a person's name is stored as text and compared with what
the desktop's sign-in screen sends, so it must be real text.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from i18n import _


def escape_help(text: str) -> str:
    """argparse treats % in help as formatting; translations and paths may contain one."""
    return text.replace("%", "%%")


def _is_text(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def clean_login(value: str) -> str:
    if not _is_text(value):
        raise argparse.ArgumentTypeError(_("a sign-in name must be text (UTF-8)"))
    if not value.strip():
        raise argparse.ArgumentTypeError(_("a sign-in name cannot be blank"))
    return value.strip()


def name_text(value: str) -> str:
    """A person's name as others see it (blank is checked where it matters)."""
    if not _is_text(value):
        raise argparse.ArgumentTypeError(_("a name must be text (UTF-8)"))
    return value


def path_argument(value: str) -> Path:
    """A file or folder; blank is refused, since Path("") would quietly mean the current
    folder (a typo such as `--data-dir "$UNSET"` would set up a store wherever one stands)."""
    if not value:
        raise argparse.ArgumentTypeError(_("a path cannot be blank"))
    return Path(value)
