"""Errors only the command line raises: about typed secrets, accounts named and who may run a
command."""

from __future__ import annotations

from casefile.errors import WaymarkError
from i18n import N_


class NoPassword(WaymarkError):
    message = N_("No password was given on standard input. Nothing was changed.")


class EmptyPassword(WaymarkError):
    message = N_("The password is empty. Nothing was changed.")


class NoRecoveryKey(WaymarkError):
    message = N_("No recovery key was given. Nothing was changed.")


class UnknownAccount(WaymarkError):
    message = N_("There is no account with the sign-in name {login}. Nothing was changed.")


class PasswordsDiffer(WaymarkError):
    message = N_("The two passwords are different. Nothing was changed.")


class AdministratorsOnly(WaymarkError):
    message = N_("Only an administrator can do that. Nothing was changed.")


class SecretTooLong(WaymarkError):
    message = N_("A line on standard input is longer than {maximum} bytes, so it was not used as "
                 "a password or recovery key. Nothing was changed.")


class RecoveryKeyNotShown(WaymarkError):
    message = N_("The recovery key could not be shown ({reason}), so the new store was removed "
                 "again and nothing was kept. Run init again where its output can be read.")


class RecoveryKeyLost(WaymarkError):
    message = N_("The store was created in {folder}, but its recovery key could not be shown "
                 "({reason}) and the store could not be removed again. Move that folder away and "
                 "run init again: without the recovery key nobody can get back in after a "
                 "forgotten password.")
