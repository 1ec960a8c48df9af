"""What the administrator's status window shows, and making or restoring a backup from it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from casefile.backups.backup import BACKUP_SUFFIX
from casefile.keys.devicesecret import describe_problem
from casefile.policy import Policy
from casefile.staff import accounts
from desktop.operations.session import Session, store_of


@dataclass(frozen=True)
class Status:
    data_folder: Path
    keyring_name: str | None  # None: password only, no secure keyring on this computer
    keyring_problem: str  # why there is none, in a sentence (marked with N_: translate to show)
    keyring_detail: str  # what the problem is about: backend class paths or an error, for IT
    password_only_logins: tuple[str, ...]  # accounts whose slot does not use the keyring yet
    policy: Policy


def load_status(session: Session) -> Status:
    store = store_of(session)
    keystore = store.workstation.keystore
    check = store.workstation.keyring
    password_only = tuple(sorted(
        account.login for account in accounts.list_accounts(store)
        if account.active and account.has_password and not account.keyring_protected))
    detail = check.technical_detail if keystore is None else ""
    return Status(store.paths.data_dir, keystore.name if keystore else None,
                  describe_problem(check.problem_kind), detail, password_only,
                  store.workstation.policy)


def default_backup_name(today: date | None = None) -> str:
    return f"waymark-{(today or date.today()).isoformat()}{BACKUP_SUFFIX}"


def make_backup(session: Session, target: Path) -> Path:
    """An encrypted, verified backup of the whole store at `target` (recorded in the trail)."""
    from casefile.backups import restore

    return restore.make_backup(store_of(session), target)


def restore_backup(session: Session, source: Path) -> Path:
    """Replace the store's data with the backup `source`; returns the pre-restore backup kept of
    the data replaced. The store is closed afterwards: everyone signs in again."""
    from casefile.backups import restore

    return restore.restore_backup(store_of(session), source)
