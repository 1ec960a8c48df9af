"""Checks that run when a store is opened, before Waymark writes anything to it.

A damaged database must be refused before the sign-in's own audit entry (or anything else) is
written into it: every page's SQLCipher MAC, SQLite's quick structural check, and the audit
chain's end against the key file's anchor. Each reading runs outside a transaction.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import Engine, inspect

from casefile.errors import StoreDamaged
from casefile.keys import keyfile
from casefile.trail.audit import MAX_PROBLEMS, pending_after_anchor
from i18n import N_


def _rows(engine: Engine, pragma: str) -> list[str]:
    with engine.connect() as connection:
        driver = connection.connection.driver_connection
        assert driver is not None
        return [str(row[0]) for row in driver.execute(pragma).fetchmany(MAX_PROBLEMS)]


def damaged_pages(engine: Engine) -> list[str]:
    """Pages whose MAC fails (changed or damaged outside SQLCipher); empty means none."""
    return _rows(engine, "PRAGMA cipher_integrity_check")


def structure_problems(engine: Engine, pragma: str = "quick_check") -> list[str]:
    """What SQLite's structure check finds (empty: nothing). It visits pages more than once,
    so it runs with a page cache that holds the whole database — a third faster than with the
    usual cache, which it would overflow — on a connection then closed, which frees it."""
    with engine.connect() as connection:
        driver = connection.connection.driver_connection
        assert driver is not None
        pages = int(driver.execute("PRAGMA page_count").fetchone()[0])
        driver.execute(f"PRAGMA cache_size = {-(pages * 5 + 1024)}")  # KiB: 4 KiB pages and more
        try:
            rows = [str(row[0]) for row in
                    driver.execute(f"PRAGMA {pragma}").fetchmany(MAX_PROBLEMS)]
        finally:
            connection.invalidate()  # closed, not returned to the pool with that cache
    return [] if rows == ["ok"] else rows


def anchor_problem(engine: Engine, keys: keyfile.KeyFile, data_key: bytes) -> str | None:
    """Why the audit trail's end does not match the key file's anchor (None: it matches)."""
    if not keyfile.anchor_is_authentic(keys, data_key):
        return N_("the key file's record of the audit trail was not written by Waymark")
    with engine.connect() as connection:
        if not inspect(connection).has_table("audit_entry"):
            return None  # a database from before the audit trail, migrated next
        return pending_after_anchor(connection, keys.installation_id, keys.audit)[1]


def check_before_writing(engine: Engine, keys: keyfile.KeyFile, data_key: bytes,
                         path: str) -> None:
    """Raise StoreDamaged unless the pages, the structure and the audit anchor are sound.

    The pages' MACs and the structure are read at the same time, on two connections (SQLite
    leaves Python free while a PRAGMA runs): together they take as long as the structure check
    alone, which grows with the database. Both have finished before this returns."""
    with ThreadPoolExecutor(max_workers=1) as other:
        pages = other.submit(damaged_pages, engine)
        try:
            structure, unreadable = structure_problems(engine), None
        except Exception as error:  # a damaged page can stop it: the pages say why first
            structure, unreadable = [], error
        damaged = pages.result()
    if damaged:
        raise StoreDamaged(path=path, reason=N_("some pages fail their authentication"))
    if unreadable is not None:
        raise unreadable
    if structure:
        raise StoreDamaged(path=path, reason=N_("its structure check failed"))
    problem = anchor_problem(engine, keys, data_key)
    if problem is not None:
        raise StoreDamaged(path=path, reason=problem)
