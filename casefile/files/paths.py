"""Where the store lives: one data folder holding the database and its key file."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from casefile.errors import DatabaseMissing, KeyFileMissing, WaymarkError

DB_NAME = "waymark.db"
KEYS_NAME = "waymark.keys"
CREATING_SUFFIX = ".creating"


def default_data_dir() -> Path:
    from platformdirs import user_data_path  # not needed when --data-dir is given

    return user_data_path("Waymark", appauthor=False)


class StoreState(Enum):
    NEW = "new"  # nothing here: first-run setup may create a store
    READY = "ready"  # database and key file
    KEYS_MISSING = "keys-missing"  # a database without its key file: never touched
    DATABASE_MISSING = "database-missing"  # a key file without its database


@dataclass(frozen=True)
class StorePaths:
    data_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / DB_NAME

    @property
    def keys(self) -> Path:
        return self.data_dir / KEYS_NAME

    @property
    def creating(self) -> Path:
        return self.data_dir / (DB_NAME + CREATING_SUFFIX)

    def leftovers(self) -> list[Path]:
        """SQLite's files beside a database that is not here (a -wal may hold the last commits)."""
        names = (DB_NAME + suffix for suffix in ("-wal", "-shm", "-journal"))
        return [self.data_dir / name for name in names if (self.data_dir / name).exists()]

    def missing_file(self) -> WaymarkError | None:
        """The error for a store with only one of its two files, else None (nothing is touched)."""
        state = self.state()
        if state is StoreState.KEYS_MISSING:
            return KeyFileMissing(path=str(self.database))
        if state is StoreState.DATABASE_MISSING:
            return DatabaseMissing(folder=str(self.data_dir))
        return None

    def state(self) -> StoreState:
        has_db, has_keys = self.database.exists(), self.keys.exists()
        if has_db and has_keys:
            return StoreState.READY
        if has_db:
            return StoreState.KEYS_MISSING
        if has_keys:
            return StoreState.DATABASE_MISSING
        return StoreState.NEW
