"""How roles and account states are named on screen."""

from __future__ import annotations

from desktop.operations.types import ADMIN, CASEWORKER, ROLES, SUPERVISOR, Account
from i18n import N_, _, pgettext

ROLE_TITLES = {
    CASEWORKER: N_("Caseworker"),
    SUPERVISOR: N_("Supervisor"),
    ADMIN: N_("Administrator"),
}


def roles_text(roles: frozenset[str]) -> str:
    separator = pgettext("list separator", ", ")
    return separator.join(_(ROLE_TITLES[role]) for role in ROLES if role in roles)


def status_text(account: Account) -> str:
    if not account.active:
        return _("Disabled")
    if not account.has_password:
        return _("No password set")
    return _("Active")


def keyring_text(account: Account) -> str:
    if not account.has_password:
        return ""
    return _("Yes") if account.keyring_protected else _("No: password only")
