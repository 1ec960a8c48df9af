"""The audit trail: what is recorded, and that tampering with it is found."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from sqlalchemy import select, text

from casefile.cases.youth import YouthFields, create_youth, get_youth, update_youth
from casefile.db.models import AuditEntry
from casefile.errors import StoreDamaged, WrongPassword
from casefile.files.paths import KEYS_NAME
from casefile.keys import keyfile
from casefile.store import Store, open_store
from casefile.trail import audit
from tests.casefile.conftest import ADMIN_LOGIN, ADMIN_PASSWORD

CANARY = "Canary-Audit-5521"


def entries(store: Store) -> list[AuditEntry]:
    with store.unit() as session:
        return list(session.scalars(select(AuditEntry).order_by(AuditEntry.id)))


def problems(store: Store) -> list[str]:
    keys = keyfile.read_key_file(store.paths.keys)
    with store.unit() as session:
        return audit.verify_chain(session, store.installation_id, keys.audit)


def test_actions_are_recorded_with_who_and_which_record_but_no_case_text(store: Store) -> None:
    record = create_youth(store, YouthFields(legal_name=CANARY))
    get_youth(store, record.id)
    update_youth(store, record.id, record.row_version, {"placement_notes": CANARY})
    found = [(e.action, e.actor_login, e.record_id, e.detail) for e in entries(store)]
    assert found == [
        (audit.SIGN_IN, ADMIN_LOGIN, None, ""),
        (audit.CREATE, ADMIN_LOGIN, record.id, ""),
        (audit.VIEW, ADMIN_LOGIN, record.id, ""),
        (audit.EDIT, ADMIN_LOGIN, record.id, "placement_notes"),
    ]
    assert all(CANARY not in str(vars(e)) for e in entries(store))
    assert problems(store) == []


def test_failed_sign_ins_reach_the_trail_at_the_next_sign_in(
    closed_store: tuple[Path, str]
) -> None:
    data_dir, _ = closed_store
    for login in ("ada", "mallory"):
        with pytest.raises(WrongPassword):
            open_store(data_dir, login, "guess")
    store = open_store(data_dir, ADMIN_LOGIN, ADMIN_PASSWORD)
    try:
        tail = [(e.action, e.actor_login, e.actor_id) for e in entries(store)][-3:]
        assert tail == [(audit.SIGN_IN_FAILED, "ada", None),
                        (audit.SIGN_IN_FAILED, "mallory", None),
                        (audit.SIGN_IN, "ada", store.user.id)]
        assert keyfile.read_key_file(data_dir / KEYS_NAME).failed_sign_ins == ()
    finally:
        store.close()


def test_the_key_file_anchors_the_last_entry(store: Store, data_dir: Path) -> None:
    create_youth(store, YouthFields(legal_name="Someone"))
    keys = keyfile.read_key_file(data_dir / KEYS_NAME)
    last = entries(store)[-1]
    assert keys.audit is not None
    assert (keys.audit.count, keys.audit.head) == (last.id, last.hash)
    assert keyfile.anchor_is_authentic(keys, store.data_key)


TAMPERING = {
    "edited detail": "UPDATE audit_entry SET detail = 'x' WHERE id = 2",
    "edited time": "UPDATE audit_entry SET at = '2020-01-01 00:00:00.000000' WHERE id = 2",
    "deleted from the middle": "DELETE FROM audit_entry WHERE id = 2",
    "deleted the last": "DELETE FROM audit_entry WHERE id = (SELECT max(id) FROM audit_entry)",
    "rewrote the last": "UPDATE audit_entry SET actor_login = 'eve' "
                        "WHERE id = (SELECT max(id) FROM audit_entry)",
}


@pytest.mark.parametrize("case", sorted(TAMPERING))
def test_tampering_is_found_even_after_more_entries(
    store: Store, data_dir: Path, case: str
) -> None:
    record = create_youth(store, YouthFields(legal_name="Someone"))
    with store.engine.begin() as connection:  # outside Waymark's own functions
        connection.execute(text(TAMPERING[case]))
    assert problems(store)
    get_youth(store, record.id)  # the open store keeps working and writing entries...
    store.close()
    keys_before = (data_dir / KEYS_NAME).read_bytes()
    database_before = (data_dir / "waymark.db").read_bytes()
    with pytest.raises(StoreDamaged):  # ...but the anchor did not move past the damage, so
        open_store(data_dir, ADMIN_LOGIN, ADMIN_PASSWORD)  # the next sign-in is refused
    assert (data_dir / KEYS_NAME).read_bytes() == keys_before  # before writing anything
    assert (data_dir / "waymark.db").read_bytes() == database_before


def test_removing_the_anchor_from_the_key_file_is_found(store: Store, data_dir: Path) -> None:
    create_youth(store, YouthFields(legal_name="Someone"))
    store.update_keys(lambda keys: dataclasses.replace(keys, audit=None))
    with store.engine.begin() as connection:
        connection.execute(text("DELETE FROM audit_entry WHERE id = "
                                "(SELECT max(id) FROM audit_entry)"))
    store.close()
    with pytest.raises(StoreDamaged) as refused:
        open_store(data_dir, ADMIN_LOGIN, ADMIN_PASSWORD)
    assert "the key file has no record of where the audit trail ends" in \
        refused.value.user_message()
    assert keyfile.read_key_file(data_dir / KEYS_NAME).audit is None  # not re-anchored
