"""Who sees which youth: caseworkers their own, supervisors their team, admins none."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from casefile.cases import youth
from casefile.cases.youth import (
    YouthFields,
    create_youth,
    get_youth,
    list_caseworkers,
    list_youth,
    update_youth,
)
from casefile.db.models import AuditEntry
from casefile.errors import InvalidInput, NotPermitted
from casefile.staff import access
from casefile.staff.accounts import add_account, update_account
from casefile.store import ADMIN, CASEWORKER, SUPERVISOR, Store, open_store
from casefile.trail import audit
from tests.casefile.conftest import ADMIN_LOGIN, ADMIN_PASSWORD

PASSWORD = "a long enough password"


@pytest.fixture
def team(store: Store, data_dir: Path) -> dict[str, int]:
    """Sue supervises Cam and Dee; Eve is a caseworker on no one's team; Ian is admin only."""
    ids = {"sue": add_account(store, "sue", "Sue Supervisor", {SUPERVISOR}, PASSWORD)}
    ids["cam"] = add_account(store, "cam", "Cam Caseworker", {CASEWORKER}, PASSWORD, ids["sue"])
    ids["dee"] = add_account(store, "dee", "Dee Caseworker", {CASEWORKER}, PASSWORD, ids["sue"])
    ids["eve"] = add_account(store, "eve", "Eve Elsewhere", {CASEWORKER}, PASSWORD)
    ids["ian"] = add_account(store, "ian", "Ian IT", {ADMIN}, PASSWORD)
    return ids


def as_user(data_dir: Path, login: str) -> Store:
    return open_store(data_dir, login, ADMIN_PASSWORD if login == ADMIN_LOGIN else PASSWORD)


def names(store: Store) -> set[str]:
    return {row.legal_name for row in list_youth(store)}


def test_two_caseworkers_on_one_workstation_see_only_their_own_youth(
    team: dict[str, int], data_dir: Path
) -> None:
    cam, dee = as_user(data_dir, "cam"), as_user(data_dir, "dee")
    try:
        cams = create_youth(cam, YouthFields(legal_name="Cam's Youth"))
        dees = create_youth(dee, YouthFields(legal_name="Dee's Youth"))
        assert names(cam) == {"Cam's Youth"}
        assert names(dee) == {"Dee's Youth"}
        with pytest.raises(NotPermitted):
            get_youth(cam, dees.id)
        with pytest.raises(NotPermitted):
            update_youth(dee, cams.id, cams.row_version, {"placement_notes": "x"})
        assert get_youth(dee, dees.id).legal_name == "Dee's Youth"
    finally:
        cam.close()
        dee.close()


def test_a_supervisor_sees_the_team_and_unassigned_youth_but_not_others(
    team: dict[str, int], data_dir: Path
) -> None:
    for login in ("cam", "dee", "eve"):
        worker = as_user(data_dir, login)
        create_youth(worker, YouthFields(legal_name=f"Youth of {login}"))
        worker.close()
    sue = as_user(data_dir, "sue")
    try:
        create_youth(sue, YouthFields(legal_name="Not yet assigned"))
        assert names(sue) == {"Youth of cam", "Youth of dee", "Not yet assigned"}
        choices = {choice.display_name for choice in list_caseworkers(sue)}
        assert choices == {"Sue Supervisor", "Cam Caseworker", "Dee Caseworker"}
    finally:
        sue.close()


def test_an_administrator_without_a_case_role_sees_no_case_data(
    team: dict[str, int], data_dir: Path, store: Store
) -> None:
    create_youth(store, YouthFields(legal_name="Ada's Youth"))
    ian = as_user(data_dir, "ian")
    try:
        assert not ian.user.sees_cases
        assert list_youth(ian) == []
        with pytest.raises(NotPermitted):
            create_youth(ian, YouthFields(legal_name="Anyone"))
    finally:
        ian.close()


def test_a_caseworker_cannot_hand_a_youth_to_someone_else(
    team: dict[str, int], data_dir: Path
) -> None:
    cam = as_user(data_dir, "cam")
    try:
        record = create_youth(cam, YouthFields(legal_name="Kept"))
        assert record.caseworker_id == team["cam"]
        with pytest.raises(NotPermitted):
            update_youth(cam, record.id, record.row_version, {"caseworker_id": team["dee"]})
        with pytest.raises(NotPermitted):
            create_youth(cam, YouthFields(legal_name="Given", caseworker_id=team["dee"]))
    finally:
        cam.close()


def test_moving_a_caseworker_to_another_team_moves_what_supervisors_see(
    team: dict[str, int], data_dir: Path, store: Store
) -> None:
    eve = as_user(data_dir, "eve")
    create_youth(eve, YouthFields(legal_name="Eve's Youth"))
    eve.close()
    sue = as_user(data_dir, "sue")
    try:
        assert "Eve's Youth" not in names(sue)
        update_account(store, team["eve"], "Eve Elsewhere", {CASEWORKER}, team["sue"])
        assert "Eve's Youth" in names(sue)
    finally:
        sue.close()


def test_emergency_access_needs_a_reason_is_flagged_and_ends(
    team: dict[str, int], data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    eve = as_user(data_dir, "eve")
    youth = create_youth(eve, YouthFields(legal_name="Outside the team"))
    eve.close()
    sue = as_user(data_dir, "sue")
    try:
        with pytest.raises(NotPermitted):
            get_youth(sue, youth.id)
        assert access.find_for_emergency(sue, "outside") == [(youth.id, "Outside the team")]
        with pytest.raises(InvalidInput):
            access.grant_emergency_access(sue, youth.id, "  short ")
        until = access.grant_emergency_access(sue, youth.id, "Police called: youth missing")
        opened = get_youth(sue, youth.id)
        assert opened.emergency_until == until
        assert "Outside the team" in names(sue)
        with sue.unit() as session:
            entries = session.scalars(select(AuditEntry).where(
                AuditEntry.record_id == youth.id, AuditEntry.actor_login == "sue")).all()
            assert [(e.action, e.flagged) for e in entries] == [
                (audit.BREAK_GLASS, True), (audit.VIEW, True)]
            assert all("Police" not in e.detail for e in entries)  # the reason is not audit text
        # Time passes beyond the policy's limit: the access ends by itself.
        from casefile.staff import access as access_module

        later = until.replace(year=until.year + 1)
        monkeypatch.setattr(access_module, "utcnow", lambda: later)
        with pytest.raises(NotPermitted):
            get_youth(sue, youth.id)
    finally:
        sue.close()


def test_only_supervisors_may_use_emergency_access(team: dict[str, int], data_dir: Path) -> None:
    cam = as_user(data_dir, "cam")
    try:
        with pytest.raises(NotPermitted):
            access.find_for_emergency(cam, "any")
        with pytest.raises(NotPermitted):
            access.grant_emergency_access(cam, 1, "a good long reason here")
    finally:
        cam.close()


def test_a_supervisor_who_is_also_a_caseworker_may_leave_a_new_youth_unassigned(
    team: dict[str, int], data_dir: Path, store: Store
) -> None:
    """The form said "Not assigned" and the youth was saved as the supervisor's own."""
    add_account(store, "sam", "Sam Both", {SUPERVISOR, CASEWORKER}, PASSWORD)
    sam = as_user(data_dir, "sam")
    try:
        assert youth.new_youth_defaults(sam.user).caseworker_id is None  # what the form shows
        assert youth.may_reassign(sam.user)
        record = create_youth(sam, YouthFields(legal_name="Left unassigned"))
        assert get_youth(sam, record.id).caseworker_id is None  # saved as shown
    finally:
        sam.close()
    cam = as_user(data_dir, "cam")
    try:
        assert youth.new_youth_defaults(cam.user).caseworker_id == team["cam"]
        assert not youth.may_reassign(cam.user)
    finally:
        cam.close()
