"""A database damaged past its first page gives one clear error at sign-in, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from casefile.errors import ForeignFile, StoreUnavailable
from casefile.store import Store, open_store
from casefile.youth import YouthFields, create_youth, list_youth
from tests.casefile.conftest import ADMIN_LOGIN, ADMIN_PASSWORD

PAGE = 4096


@pytest.mark.parametrize("page", [1, -1])  # the schema's second page; the last youth page
def test_damaged_page_is_reported_and_left_untouched(
    store: Store, data_dir: Path, page: int
) -> None:
    for n in range(50):
        create_youth(store, YouthFields(legal_name=f"Youth {n}", placement_notes="x" * 500))
    store.close()
    database = data_dir / "waymark.db"
    data = bytearray(database.read_bytes())
    start = (page % (len(data) // PAGE)) * PAGE
    data[start + 200] ^= 0xFF
    database.write_bytes(bytes(data))
    with pytest.raises((StoreUnavailable, ForeignFile)) as caught:
        reopened = open_store(data_dir, ADMIN_LOGIN, ADMIN_PASSWORD)
        try:  # a damaged data page is met on the first read instead
            list_youth(reopened)
        finally:
            reopened.close()
    assert str(database) in caught.value.user_message()
    # Signing in may have written its audit entry elsewhere before the damage was met; the
    # damaged page itself is never rewritten.
    assert database.read_bytes()[start:start + PAGE] == bytes(data[start:start + PAGE])
