"""Schema migrations: each brings an older store up to date and keeps its rows."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from casefile.db import migrate
from casefile.db.database import make_engine
from casefile.db.models import Base
from casefile.keys.crypto import random_key
from planning import episode_models  # noqa: F401  (missing episodes, on the same Base)
from planning import models as plan_models  # noqa: F401  (the plan's tables, on the same Base)
from services_needs import models as needs_models  # noqa: F401  (needs tables, same Base)

PASSWORD = "a long enough password"


def _empty_database(path: Path) -> Path:
    path.touch(mode=0o600)  # Waymark never creates a database where there is none
    return path


def test_0003_adds_each_persons_language_and_keeps_the_staff(tmp_path: Path) -> None:
    engine = make_engine(_empty_database(tmp_path / "old.db"), random_key(), new=True)
    try:
        with engine.connect() as connection:  # a store made by the version before 0003
            command.upgrade(migrate._config(connection), "0002")
            connection.commit()
            connection.execute(text(
                "INSERT INTO staff (login, display_name, roles, active, created_at) "
                "VALUES ('ada', 'Ada Admin', 'admin', 1, '2026-01-01 00:00:00')"))
            connection.commit()
        assert migrate.current_revision(engine) == "0002"
        assert migrate.upgrade(engine)
        assert migrate.current_revision(engine) == migrate.head_revision() == "0006"
        columns = {column["name"] for column in inspect(engine).get_columns("staff")}
        assert "language" in columns
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT login, language FROM staff")).all()
        assert [tuple(row) for row in rows] == [("ada", None)]
    finally:
        engine.dispose()


def test_the_migrations_build_exactly_the_models(tmp_path: Path) -> None:
    engine = make_engine(_empty_database(tmp_path / "new.db"), random_key(), new=True)
    try:
        migrate.upgrade(engine)
        with engine.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection),
                                           Base.metadata)
        assert differences == []
    finally:
        engine.dispose()


def test_the_known_revisions_are_alembics_history_in_order() -> None:
    """`migrate.REVISIONS` lets a sign-in check the schema without loading Alembic: it must be
    exactly the chain of migrations in `migrations/versions/`, oldest first."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(migrate._config())
    chain = [script.revision for script in scripts.walk_revisions("base", "heads")]
    assert tuple(reversed(chain)) == migrate.REVISIONS
    assert scripts.get_heads() == [migrate.head_revision()]


def test_opening_an_up_to_date_store_does_not_load_alembic(tmp_path: Path) -> None:
    """Alembic costs ~17 MB: it is loaded only when there is something to migrate."""
    from casefile.keys.devicesecret import KeyringCheck
    from casefile.store import create_store
    from casefile.workstation import Workstation

    password_only = Workstation(keyring=KeyringCheck(None, "test"))
    store, _key = create_store(tmp_path, "ada", "Ada Admin", PASSWORD, workstation=password_only)
    store.close()
    script = (
        "import sys, pathlib\n"
        "from casefile.keys.devicesecret import KeyringCheck\n"
        "from casefile.store import open_store\n"
        "from casefile.workstation import Workstation\n"
        "workstation = Workstation(keyring=KeyringCheck(None, 'test'))\n"
        "open_store(pathlib.Path(sys.argv[1]), 'ada', sys.argv[2], workstation).close()\n"
        "print(sorted(name for name in sys.modules if name.startswith('alembic')))\n"
    )
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-c", script, str(tmp_path), PASSWORD], cwd=root,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
