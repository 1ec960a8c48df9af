"""The demo data's tests use the store fixtures of the casefile tests."""

from __future__ import annotations

from tests.casefile.conftest import closed_store, store, store_and_recovery

__all__ = ["closed_store", "store", "store_and_recovery"]
