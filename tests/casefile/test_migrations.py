"""Schema migrations: each brings an older store up to date and keeps its rows."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from casefile.db import migrate
from casefile.db.database import make_engine
from casefile.db.models import Base
from casefile.keys.crypto import random_key


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
        assert migrate.current_revision(engine) == migrate.head_revision() == "0003"
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
