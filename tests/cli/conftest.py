"""The command line's tests use the store fixtures of the casefile tests, and `admin`."""

from __future__ import annotations

from tests.casefile.conftest import closed_store, store, store_and_recovery
from tests.cli.cli_support import admin, keep_umask

__all__ = ["admin", "closed_store", "keep_umask", "store", "store_and_recovery"]
