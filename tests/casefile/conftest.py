"""Fixtures for store tests: a fresh store with one administrator."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from casefile.store import Store, create_store
from tests.cli.cli_support import admin, keep_umask  # the command line's, used here too

ADMIN_LOGIN = "ada"
ADMIN_PASSWORD = "correct horse battery staple"


@pytest.fixture
def store_and_recovery(data_dir: Path) -> Iterator[tuple[Store, str]]:
    store, recovery = create_store(data_dir, ADMIN_LOGIN, "Ada Admin", ADMIN_PASSWORD)
    yield store, recovery
    store.close()


@pytest.fixture
def store(store_and_recovery: tuple[Store, str]) -> Store:
    return store_and_recovery[0]


@pytest.fixture
def closed_store(data_dir: Path) -> tuple[Path, str]:
    """A store created and closed again (no connection open): its data folder and recovery key."""
    store, recovery = create_store(data_dir, ADMIN_LOGIN, "Ada Admin", ADMIN_PASSWORD)
    store.close()
    return data_dir, recovery


__all__ = ["admin", "keep_umask"]  # fixtures defined in tests/cli/cli_support.py
