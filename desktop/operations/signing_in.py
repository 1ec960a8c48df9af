"""Signing in and unlocking: the slow part (the key derivation, the damage check, the audit
entry) and reading what the workspace shows first, all on the runner's worker. The store comes
back with no connection open, so none made on the worker is ever used on the GUI thread.

This module is imported when someone clicks Sign in, so it loads no database code itself: the
key is derived first (`casefile.unlocking`), and the store's modules are loaded after, so
Argon2id's memory and theirs are never held at once (a test keeps it so).
"""

from __future__ import annotations

import errno
import functools
import gc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ParamSpec, TypeVar

from casefile.errors import StorageFull, WaymarkError, WrongPassword
from casefile.files.paths import StorePaths, StoreState
from casefile.unlocking import unlock_with_password
from casefile.workstation import Workstation
from desktop.operations.session import Session, store_of
from i18n import N_

if TYPE_CHECKING:
    from casefile.store import Store
    from desktop.operations.youth import FirstView

P = ParamSpec("P")
R = TypeVar("R")
SIGN_IN, UNLOCK = "sign-in", "unlock"  # casefile.trail.audit's actions, without loading it


@dataclass(frozen=True)
class SignedIn:
    """A store just opened (behind its handle), with what its workspace shows first and the
    person's language."""

    session: Session
    first: FirstView
    language: str | None


def _collections_paused(operation: Callable[P, R]) -> Callable[P, R]:
    """Run a sign-in with the cyclic garbage collector paused. Reading 10,000 youth (and their
    plans' states) on the worker set off full collections that hold the interpreter for tens
    of milliseconds, and the window stalled (46 ms, against 15 with the collector paused). It
    runs again as soon as the sign-in is done, without what the sign-in left alive, which is
    long-lived (otherwise the first collection after it stalled the window just the same)."""

    @functools.wraps(operation)
    def paused(*args: P.args, **kwargs: P.kwargs) -> R:
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return operation(*args, **kwargs)
        finally:
            gc.freeze()  # what it read lives as long as the workspace (a lock gives it back)
            if was_enabled:
                gc.enable()

    return paused


@_collections_paused
def sign_in(data_dir: Path, login: str, password: str, workstation: Workstation) -> SignedIn:
    return _opened(data_dir, login, password, workstation, SIGN_IN)


@_collections_paused
def unlock(data_dir: Path, login: str, password: str, workstation: Workstation) -> SignedIn:
    """Open the store again for the person who locked it."""
    try:
        return _opened(data_dir, login, password, workstation, UNLOCK)
    except WrongPassword:
        raise WaymarkError(N_(
            "That password does not unlock Waymark. If you are not the person who was "
            "using it, choose Sign in as someone else.")) from None


def _opened(
    data_dir: Path, login: str, password: str, workstation: Workstation, action: str
) -> SignedIn:
    unlocked = unlock_with_password(data_dir, login, password, workstation)
    from casefile.store import open_unlocked  # only now: see the module's docstring

    return _released(open_unlocked(unlocked, login, password, workstation, action))


@_collections_paused
def recover(data_dir: Path, login: str, recovery_key: str, new_password: str) -> SignedIn:
    """Sign in with the recovery key, setting a new password."""
    from casefile.staff import accounts

    return _released(accounts.recover_with_key(data_dir, login, recovery_key, new_password))


@_collections_paused
def restore_backup(
    data_dir: Path, source: Path, login: str, recovery_key: str, new_password: str,
    workstation: Workstation,
) -> SignedIn:
    """Restore `source` into an empty data folder (a new workstation) or over a store that was
    refused as damaged, and sign in with the recovery key and a new password."""
    from casefile.backups import restore

    try:
        restore.check_backup_file(source)
        if StorePaths(data_dir).state() is StoreState.READY:  # a refused store
            store = restore.restore_over_refused_store(
                source, data_dir, login, recovery_key, new_password, workstation)[0]
        else:
            store = restore.restore_to_new_workstation(
                source, data_dir, login, recovery_key, new_password, workstation)
    except OSError as error:  # a missing or unreadable file, a data folder not writable
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            raise StorageFull() from error
        raise WaymarkError(N_("Could not use {path}: {reason}."),
                           path=error.filename or str(source),
                           reason=error.strerror or type(error).__name__) from error
    return _released(store)


def record_lock(session: Session) -> None:
    """Note in the audit trail that the screen was locked; a full disk must not keep it from
    locking, so a failure is only not recorded."""
    from casefile.trail import audit

    store = store_of(session)
    try:
        with store.unit() as unit:
            store.record(unit, audit.LOCK)
    except WaymarkError:
        pass


def _released(store: Store) -> SignedIn:
    """Read what the workspace needs first, then close the connections made on this thread."""
    from desktop.operations.youth import load_first_view

    session = Session(store)
    try:
        signed_in = SignedIn(session, load_first_view(session), _language(session))
    except BaseException:
        store.close()
        raise
    store.engine.dispose()  # the pool's connections were made on this thread: closed here
    return signed_in


def _language(session: Session) -> str | None:
    from desktop.operations.language import language_of

    try:
        return language_of(session)
    except WaymarkError:
        return None  # only not remembered; the workspace says what is wrong with the store
