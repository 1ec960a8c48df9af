"""Schema migrations, shipped in the package and run at startup.

Foreign keys are switched off *outside* the migration transaction (a PRAGMA inside one does
nothing, and batch mode's table copies would otherwise cascade deletes), checked afterwards with
`PRAGMA foreign_key_check`, and switched on again. A database stamped with a revision this version
does not know was migrated by a newer Waymark: it is refused and never altered.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, text

from casefile.errors import NewerDatabase, UnsafeDatabaseSettings

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# Every migration in `migrations/versions/`, oldest first (a test keeps this in step with
# Alembic's own history). Knowing them here lets every sign-in check the schema with one query
# instead of importing Alembic, which costs about 17 MB and 60 ms; Alembic is loaded only
# when there is something to migrate.
REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006")


def _config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    return REVISIONS[-1]


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (None before the first migration)."""
    with engine.connect() as connection:
        exists = connection.execute(text(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        )).first()
        if exists is None:
            return None
        revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        return None if revision is None else str(revision)


def known_revision(revision: str) -> bool:
    """Whether this version of Waymark knows `revision` (an unknown one is from a newer Waymark)."""
    return revision in REVISIONS


def needs_upgrade(engine: Engine) -> bool:
    """Whether migrations are pending; raises NewerDatabase for an unknown (newer) revision."""
    current = current_revision(engine)
    if current is None:
        return True
    if not known_revision(current):
        raise NewerDatabase()
    return current != head_revision()


def upgrade(engine: Engine, before: Callable[[str | None], None] | None = None) -> bool:
    """Bring the schema to the head revision. `before(current)` runs first (e.g. a backup).

    Returns whether anything was migrated.
    """
    if not needs_upgrade(engine):
        return False
    if before is not None:
        before(current_revision(engine))
    with engine.connect() as connection:
        driver = connection.connection.driver_connection
        assert driver is not None
        driver.execute("PRAGMA foreign_keys=OFF")
        try:
            from alembic import command

            command.upgrade(_config(connection), "head")
            connection.commit()
            problems = driver.execute("PRAGMA foreign_key_check").fetchall()
        finally:
            driver.execute("PRAGMA foreign_keys=ON")
    if problems:
        raise UnsafeDatabaseSettings(setting="foreign_key_check")
    return True
