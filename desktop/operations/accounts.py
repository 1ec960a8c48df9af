"""Staff account actions: each is one domain call that owns its unit of work."""

from __future__ import annotations

from casefile.staff import accounts
from casefile.staff.accounts import Account
from desktop.operations.session import Session, store_of


def load_accounts(session: Session) -> list[Account]:
    return accounts.list_accounts(store_of(session))


def possible_supervisors(everyone: list[Account], staff_id: int | None) -> list[Account]:
    """Who may be chosen as the supervisor of account `staff_id` (None: a new account)."""
    return [person for person in everyone if accounts.may_supervise(person, staff_id)]


def add_account(
    session: Session, login: str, display_name: str, roles: set[str], password: str,
    supervisor_id: int | None,
) -> int:
    return accounts.add_account(store_of(session), login, display_name, roles, password,
                                supervisor_id)


def edit_account(
    session: Session, staff_id: int, display_name: str, roles: set[str], supervisor_id: int | None
) -> None:
    accounts.update_account(store_of(session), staff_id, display_name, roles, supervisor_id)


def set_enabled(session: Session, staff_id: int, enabled: bool) -> None:
    accounts.set_active(store_of(session), staff_id, enabled)


def reset_password(session: Session, staff_id: int, new_password: str) -> None:
    accounts.reset_password(store_of(session), staff_id, new_password)


def change_own_password(session: Session, old_password: str, new_password: str) -> None:
    accounts.change_own_password(store_of(session), old_password, new_password)
