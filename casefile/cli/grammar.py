"""Small pieces of the command-line grammar shared by the modules that add commands."""

from __future__ import annotations

import argparse

from i18n import _


def escape_help(text: str) -> str:
    """argparse treats % in help as formatting; translations and paths may contain one."""
    return text.replace("%", "%%")


def clean_login(value: str) -> str:
    if not value.strip():
        raise argparse.ArgumentTypeError(_("a sign-in name cannot be blank"))
    return value.strip()
