"""Errors only the command line raises: about typed passwords and who may run a command."""

from __future__ import annotations

from casefile.errors import WaymarkError
from i18n import N_, ngettext

MIN_PASSWORD_LENGTH = 8


class NoPassword(WaymarkError):
    message = N_("No password was given on standard input. Nothing was changed.")


class EmptyPassword(WaymarkError):
    message = N_("The password is empty. Nothing was changed.")


class PasswordsDiffer(WaymarkError):
    message = N_("The two passwords are different. Nothing was changed.")


class PasswordTooShort(WaymarkError):
    """Its sentence depends on a number, so it is translated with ngettext."""

    message = "The password needs at least {minimum} characters. Nothing was changed."

    def __init__(self) -> None:
        super().__init__(minimum=MIN_PASSWORD_LENGTH)

    def user_message(self) -> str:
        return ngettext(
            "The password needs at least {minimum} character. Nothing was changed.",
            "The password needs at least {minimum} characters. Nothing was changed.",
            MIN_PASSWORD_LENGTH,
        ).format(minimum=MIN_PASSWORD_LENGTH)


class AdministratorsOnly(WaymarkError):
    message = N_("Only an administrator can do that. Nothing was changed.")
