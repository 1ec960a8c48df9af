"""`waymark-admin user add` is all or nothing: whatever fails, there is never an account without
its password slot, nor a slot that outlives a refused account."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from casefile.errors import PasswordNotText, StorageFull
from casefile.files.paths import StorePaths
from casefile.keys import keyfile
from casefile.keys.unlock import with_staff_slot
from casefile.staff import accounts
from casefile.store import Store, open_store
from casefile.trail import audit
from tests.cli.cli_support import PASSWORD, Admin, assert_one_sentence

ADD_BOB = ("--as", "ada", "user", "add", "bob", "--name", "Bob", "--role", "caseworker")


def listed(admin: Admin) -> list[str]:
    return [line.split()[0] for line in admin.ok("--as", "ada", "user", "list").splitlines()[1:]]


def slot_of(data_dir: Path, login: str) -> keyfile.Slot | None:
    return keyfile.read_key_file(StorePaths(data_dir).keys).slot_for(login)


def assert_no_bob(admin: Admin) -> None:
    assert listed(admin) == ["ada"]
    assert slot_of(admin.data_dir, "bob") is None


def fail_once(original: Callable[..., Any], when: Callable[..., bool]) -> Callable[..., Any]:
    def failing(*args: Any, **kwargs: Any) -> Any:
        if when(*args, **kwargs):
            raise StorageFull()
        return original(*args, **kwargs)

    return failing


def test_a_slot_that_cannot_be_made_leaves_no_account(
    admin: Admin, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as patch:
        patch.setattr("casefile.staff.accounts.with_staff_slot",
                      fail_once(with_staff_slot, lambda *args, **kw: True))
        code, _out, err = admin(*ADD_BOB, stdin=f"{PASSWORD}\n{PASSWORD}\n")
    assert code == 1
    assert_one_sentence(err)
    assert_no_bob(admin)


def test_an_account_that_cannot_be_committed_leaves_no_slot(
    admin: Admin, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as patch:
        patch.setattr(Store, "record", fail_once(
            Store.record, lambda store, session, action, **details: action == audit.ACCOUNT))
        code, _out, err = admin(*ADD_BOB, stdin=f"{PASSWORD}\n{PASSWORD}\n")
    assert code == 1
    assert_one_sentence(err)
    assert_no_bob(admin)


def test_a_failure_after_the_commit_keeps_the_whole_account(
    admin: Admin, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The audit anchor is written after the commit: by then bob exists, so his slot stays
    (whether the store reports that failure or lets the anchor catch up later)."""
    adding: list[bool] = []
    record = Store.record

    def noting(store: Store, session: Any, action: str, **details: Any) -> None:
        adding.append(action == audit.ACCOUNT)
        record(store, session, action, **details)

    with monkeypatch.context() as patch:
        patch.setattr(Store, "record", noting)
        patch.setattr(Store, "_anchor", fail_once(Store._anchor, lambda *a: adding[-1]))
        code, _out, _err = admin(*ADD_BOB, stdin=f"{PASSWORD}\n{PASSWORD}\n")
    assert code in (0, 1)
    assert listed(admin) == ["ada", "bob"]
    open_store(admin.data_dir, "bob", PASSWORD).close()


def test_a_sign_in_name_already_taken_keeps_that_persons_password(admin: Admin) -> None:
    admin.add_user("bob", "caseworker")
    before = slot_of(admin.data_dir, "bob")
    code, _out, err = admin(*ADD_BOB, stdin=f"{PASSWORD}\nsomeone else's secret\n")
    assert code == 1
    assert "already used" in err
    assert slot_of(admin.data_dir, "bob") == before


def test_adding_with_a_password_that_is_not_text_writes_nothing(store: Store) -> None:
    before = keyfile.read_key_file(store.paths.keys).slots
    with pytest.raises(PasswordNotText):
        accounts.add_account(store, "bob", "Bob", {"caseworker"}, "\udcffpass word long")
    assert [a.login for a in accounts.list_accounts(store)] == ["ada"]
    assert keyfile.read_key_file(store.paths.keys).slots == before
