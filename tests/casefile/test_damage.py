"""A database damaged past its first page gives one clear error at sign-in, never a traceback."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from casefile.cases.youth import YouthFields, create_youth
from casefile.errors import ForeignFile, StoreDamaged, StoreUnavailable
from casefile.store import Store, open_store
from tests.casefile.conftest import ADMIN_LOGIN, ADMIN_PASSWORD

PAGE = 4096


def _flip(page: int, offset: int) -> Callable[[bytearray], bytearray]:
    def damage(data: bytearray) -> bytearray:
        start = (page % (len(data) // PAGE)) * PAGE
        data[start + offset] ^= 0xFF
        return data
    return damage


def _zero_page(page: int) -> Callable[[bytearray], bytearray]:
    def damage(data: bytearray) -> bytearray:
        start = (page % (len(data) // PAGE)) * PAGE
        data[start:start + PAGE] = bytes(PAGE)
        return data
    return damage


DAMAGE = {
    "schema page, body": _flip(1, 200),
    "schema page, its MAC": _flip(1, PAGE - 10),
    "schema page, its IV": _flip(1, PAGE - 70),
    "third page": _flip(2, 1000),
    "middle page": _flip(-8, 3000),
    "last page": _flip(-1, 200),
    "last page, zeroed": _zero_page(-1),
    "middle page, zeroed": _zero_page(-5),
    "an extra page of garbage": lambda data: data + bytearray(b"\x5a" * PAGE),
    "half a page cut off the end": lambda data: data[:-PAGE // 2],
    "the last page cut off": lambda data: data[:-PAGE],
}


@pytest.mark.parametrize("case", sorted(DAMAGE))
def test_damaged_page_is_reported_and_left_untouched(
    store: Store, data_dir: Path, case: str
) -> None:
    for n in range(50):
        create_youth(store, YouthFields(legal_name=f"Youth {n}", placement_notes="x" * 500))
    store.close()
    database = data_dir / "waymark.db"
    data = DAMAGE[case](bytearray(database.read_bytes()))
    database.write_bytes(bytes(data))
    keys_before = (data_dir / "waymark.keys").read_bytes()
    with pytest.raises((StoreDamaged, StoreUnavailable, ForeignFile)) as caught:
        open_store(data_dir, ADMIN_LOGIN, ADMIN_PASSWORD)
    assert str(database) in caught.value.user_message()
    assert "restore a backup" in caught.value.user_message().lower()
    # Refused before the sign-in wrote anything: not its audit entry, not the key file.
    assert database.read_bytes() == bytes(data)
    assert (data_dir / "waymark.keys").read_bytes() == keys_before
    assert not (data_dir / "waymark.db-wal").exists()
