"""The checks behind `waymark-admin verify`, as a list so that a new one is one more entry.

Each check returns the problems it found, as short lines about pages and indexes (never case
content); an empty list means it passed. A check that cannot even read the database fails with
SQLite's own description of why.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import sqlcipher3
from sqlalchemy.exc import DBAPIError

from casefile.errors import WaymarkError
from casefile.keys import keyfile
from casefile.store import Store
from casefile.trail import audit
from i18n import N_, _, ngettext


@dataclass(frozen=True)
class Check:
    title: str  # marked with N_, translated when shown
    run: Callable[[Store], list[str]]
    explain: Callable[[Store], list[str]] | None = None  # what a passed check should still say


@dataclass(frozen=True)
class CheckResult:
    title: str
    problems: list[str]
    notes: list[str] = field(default_factory=list)

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


def audit_anchor_behind(store: Store) -> list[str]:
    """An anchor that is behind a sound chain: entries written while the key file could not be
    updated (a full disk), which the next change catches up; said so that it is not taken for
    tampering."""
    keys = keyfile.read_key_file(store.paths.keys)
    with store.engine.connect() as connection:
        behind, problem = audit.pending_after_anchor(connection, store.installation_id, keys.audit)
    if problem is not None or not behind:
        return []
    return [ngettext(
        "{count} entry was written while the key file could not be updated (a full disk, for "
        "example); that is not tampering, and the key file catches up at the next change",
        "{count} entries were written while the key file could not be updated (a full disk, for "
        "example); that is not tampering, and the key file catches up at the next change",
        behind).format(count=behind)]


def key_file_seals(store: Store) -> list[str]:
    """Every part of the key file against its seal: finds a byte changed in any slot (the
    recovery key's included) long before the day that slot is needed."""
    return keyfile.seal_problems(keyfile.read_key_file(store.paths.keys), store.data_key)


def key_file_copies(store: Store) -> list[str]:
    """Temporary copies of the key file a crash left behind (they hold old slots); the open that
    ran this check has removed them."""
    left = store.stale_key_copies + len(keyfile.stale_temporaries(store.paths.keys))
    if not left:
        return []
    return [ngettext("{count} temporary copy of the key file was left behind by a crash; it "
                     "held old passwords and has been removed",
                     "{count} temporary copies of the key file were left behind by a crash; "
                     "they held old passwords and have been removed", left).format(count=left)]


CHECKS: tuple[Check, ...] = (
    Check(N_("Encryption (cipher_integrity_check)"), cipher_integrity),
    Check(N_("Database structure (integrity_check)"), database_integrity),
    Check(N_("Audit trail (hash chain)"), audit_chain, audit_anchor_behind),
    Check(N_("Key file (seals on every slot)"), key_file_seals),
    Check(N_("Key file (no copies left behind)"), key_file_copies),
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
    if problems or check.explain is None:
        return CheckResult(check.title, problems)
    return CheckResult(check.title, problems, check.explain(store))


def run_checks(store: Store, checks: tuple[Check, ...] | None = None) -> list[CheckResult]:
    """Run `checks`, by default every check in CHECKS (looked up now, so it can be extended)."""
    return [run_check(store, check) for check in (CHECKS if checks is None else checks)]
