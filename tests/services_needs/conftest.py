"""Needs tests use the store tests' fixtures: a fresh store with one administrator."""

from tests.casefile.conftest import ADMIN_PASSWORD, store, store_and_recovery

__all__ = ["ADMIN_PASSWORD", "store", "store_and_recovery"]
