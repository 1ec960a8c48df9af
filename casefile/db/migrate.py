"""Schema migrations, shipped in the package and run at startup.

Foreign keys are switched off *outside* the migration transaction (a PRAGMA inside one does
nothing, and batch mode's table copies would otherwise cascade deletes), checked afterwards with
`PRAGMA foreign_key_check`, and switched on again. A database stamped with a revision this version
does not know was migrated by a newer Waymark: it is refused and never altered.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Connection, Engine

from casefile.errors import NewerDatabase, UnsafeDatabaseSettings

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def _config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str | None:
    return ScriptDirectory.from_config(_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def known_revision(revision: str) -> bool:
    """Whether this version of Waymark knows `revision` (an unknown one is from a newer Waymark)."""
    try:
        ScriptDirectory.from_config(_config()).get_revision(revision)
    except CommandError:
        return False
    return True


def needs_upgrade(engine: Engine) -> bool:
    """Whether migrations are pending; raises NewerDatabase for an unknown (newer) revision."""
    current = current_revision(engine)
    if current is None:
        return True
    scripts = ScriptDirectory.from_config(_config())
    try:
        scripts.get_revision(current)
    except CommandError as error:
        raise NewerDatabase() from error
    return current != scripts.get_current_head()


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
            command.upgrade(_config(connection), "head")
            connection.commit()
            problems = driver.execute("PRAGMA foreign_key_check").fetchall()
        finally:
            driver.execute("PRAGMA foreign_keys=ON")
    if problems:
        raise UnsafeDatabaseSettings(setting="foreign_key_check")
    return True
