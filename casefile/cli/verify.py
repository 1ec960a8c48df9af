"""The checks behind `waymark-admin verify`, as a list so that a new one is one more entry.

Each check returns the problems it found, as short lines about pages and indexes (never case
content); an empty list means it passed. A check that cannot even read the database fails with
SQLite's own description of why.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import sqlcipher3
from sqlalchemy.exc import DBAPIError

from casefile import audit, keyfile
from casefile.errors import WaymarkError
from casefile.store import Store
from i18n import N_, _


@dataclass(frozen=True)
class Check:
    title: str  # marked with N_, translated when shown
    run: Callable[[Store], list[str]]


@dataclass(frozen=True)
class CheckResult:
    title: str
    problems: list[str]

    @property
    def passed(self) -> bool:
        return not self.problems


def _pragma_rows(store: Store, pragma: str) -> list[str]:
    """Run `pragma` outside a transaction, so verifying never waits for or blocks a writer."""
    with store.engine.connect() as connection:
        driver = connection.connection.driver_connection
        assert driver is not None
        return [str(row[0]) for row in driver.execute(pragma).fetchall()]


def cipher_integrity(store: Store) -> list[str]:
    """Every page's HMAC: finds pages changed or damaged outside SQLCipher. No rows means ok."""
    return _pragma_rows(store, "PRAGMA cipher_integrity_check")


def database_integrity(store: Store) -> list[str]:
    """SQLite's structural check of tables and indexes; a single "ok" row means ok."""
    rows = _pragma_rows(store, "PRAGMA integrity_check")
    return [] if rows == ["ok"] else rows


def audit_chain(store: Store) -> list[str]:
    """The audit trail's hash chain against the key file's anchor: finds entries edited, deleted
    or cut off the end, and an anchor that was not written with this store's data key."""
    keys = keyfile.read_key_file(store.paths.keys)
    problems = [] if keyfile.anchor_is_authentic(keys, store.data_key) else [
        _("the key file's record of the audit trail was not written by Waymark")]
    try:
        with store.unit() as session:
            problems += audit.verify_chain(session, store.installation_id, keys.audit)
    except (ValueError, TypeError) as error:  # a column edited into something unreadable
        problems.append(_("an entry cannot be read ({kind})").format(kind=type(error).__name__))
    return problems


CHECKS: tuple[Check, ...] = (
    Check(N_("Encryption (cipher_integrity_check)"), cipher_integrity),
    Check(N_("Database structure (integrity_check)"), database_integrity),
    Check(N_("Audit trail (hash chain)"), audit_chain),
)


def run_check(store: Store, check: Check) -> CheckResult:
    try:
        problems = check.run(store)
    except DBAPIError as error:
        problems = [str(error.orig)]
    except sqlcipher3.Error as error:
        problems = [str(error)]
    except WaymarkError as error:
        problems = [error.user_message()]
    return CheckResult(check.title, problems)


def run_checks(store: Store, checks: tuple[Check, ...] | None = None) -> list[CheckResult]:
    """Run `checks`, by default every check in CHECKS (looked up now, so it can be extended)."""
    return [run_check(store, check) for check in (CHECKS if checks is None else checks)]
