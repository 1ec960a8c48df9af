"""Staff account actions: each is one domain call that owns its unit of work."""

from __future__ import annotations

from pathlib import Path

from casefile import accounts
from casefile.accounts import Account
from casefile.store import Store


def load_accounts(store: Store) -> list[Account]:
    return accounts.list_accounts(store)


def add_account(
    store: Store, login: str, display_name: str, roles: set[str], password: str,
    supervisor_id: int | None,
) -> int:
    return accounts.add_account(store, login, display_name, roles, password, supervisor_id)


def edit_account(
    store: Store, staff_id: int, display_name: str, roles: set[str], supervisor_id: int | None
) -> None:
    accounts.update_account(store, staff_id, display_name, roles, supervisor_id)


def set_enabled(store: Store, staff_id: int, enabled: bool) -> None:
    accounts.set_active(store, staff_id, enabled)


def reset_password(store: Store, staff_id: int, new_password: str) -> None:
    accounts.reset_password(store, staff_id, new_password)


def change_own_password(store: Store, old_password: str, new_password: str) -> None:
    accounts.change_own_password(store, old_password, new_password)


def recover_with_key(data_dir: Path, login: str, recovery_key: str, new_password: str) -> Store:
    """Sign in with the recovery key, setting a new password; returns the open store."""
    return accounts.recover_with_key(data_dir, login, recovery_key, new_password)
