"""The vital-records tracker: every document listed, the first save making its row, what was
saved there after the store is opened again, row versions (a second desk saving, or creating
the same row at the same moment, is a conflict and never a crash), closed cases, dates that
cannot be true, long answers kept exactly, the audit trail, and leaving care at 18."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select

from casefile.cases.youth import YouthFields, create_youth, get_youth, set_status
from casefile.db.models import AuditEntry
from casefile.db.models.youth import CLOSED
from casefile.errors import EditConflict, InvalidInput, RecordNotFound
from casefile.staff.accounts import add_account
from casefile.store import Store, open_store
from services_needs import content, documents
from services_needs.documents import BEFORE_18, leaving_care_check, save_document
from tests.casefile.conftest import ADMIN_PASSWORD, store, store_and_recovery

__all__ = ["store", "store_and_recovery"]  # the store fixtures, used here
TODAY = date(2026, 6, 15)
LEAVING = ["birth-certificate", "social-security-card", "state-id", "health-insurance",
           "medical-records"]


def _youth(store: Store, born: date | None = None) -> int:
    return create_youth(store, YouthFields(legal_name="Jordan", date_of_birth=born)).id


def _save(store: Store, youth: int, document: str, version: int | None,
          **fields: Any) -> documents.DocumentView:
    return save_document(store, youth, document, version, today=TODAY, **fields)


def _of(views: list[documents.DocumentView], document: str) -> documents.DocumentView:
    return next(view for view in views if view.document.id == document)


def test_every_document_is_listed_and_nothing_is_known_until_someone_says(store: Store) -> None:
    views = documents.open_documents(store, _youth(store))
    assert [v.document.id for v in views] == [d.id for d in content.built_in_documents()]
    assert all(v.has_it is None and v.version is None and v.requested_on is None
               and v.kept_where == "" for v in views)


def test_what_was_saved_is_there_after_the_store_is_opened_again(
    store: Store, data_dir: Path
) -> None:
    youth = _youth(store)
    birth = _save(store, youth, "birth-certificate", None, has_it=False,
                  requested_on=date(2026, 6, 1), next_step="Call the county office")
    assert birth.version is not None
    card = _save(store, youth, "social-security-card", None, has_it=True,
                 kept_where="In the agency's safe")
    card = _save(store, youth, "social-security-card", card.version, fee_waiver="Free")
    store.close()
    again = open_store(data_dir, "ada", ADMIN_PASSWORD)
    try:
        views = documents.open_documents(again, youth)
    finally:
        again.close()
    saved = _of(views, "birth-certificate")
    assert (saved.has_it, saved.requested_on, saved.received_on, saved.next_step) == (
        False, date(2026, 6, 1), None, "Call the county office")
    ssn = _of(views, "social-security-card")
    assert (ssn.has_it, ssn.kept_where, ssn.fee_waiver) == (True, "In the agency's safe", "Free")
    assert _of(views, "state-id").version is None  # still nothing known


def test_a_save_with_nothing_changed_makes_no_row(store: Store) -> None:
    youth = _youth(store)
    assert _save(store, youth, "state-id", None, has_it=None, kept_where="").version is None
    assert _of(documents.open_documents(store, youth), "state-id").version is None


def test_a_save_made_against_an_older_version_is_a_conflict(store: Store, data_dir: Path) -> None:
    youth = _youth(store)
    first = _save(store, youth, "state-id", None, has_it=True)
    other = open_store(data_dir, "ada", ADMIN_PASSWORD)  # the same person at another desk
    try:
        theirs = _save(other, youth, "state-id", first.version, kept_where="Wallet")
        with pytest.raises(EditConflict):
            _save(store, youth, "state-id", first.version, kept_where="Office safe")
        with pytest.raises(EditConflict):  # both desks saw no row; the other made it first
            _save(other, youth, "birth-certificate", None, has_it=False)
            _save(store, youth, "birth-certificate", None, has_it=True)
    finally:
        other.close()
    now = documents.document_now(store, youth, _of(documents.open_documents(store, youth),
                                                   "state-id").document)
    assert (now.kept_where, now.version) == ("Wallet", theirs.version)
    assert _of(documents.open_documents(store, youth), "birth-certificate").has_it is False


def test_a_row_the_save_did_not_see_meets_the_unique_constraint_as_a_conflict_not_a_crash(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Units of work take the write lock as they begin, so a second desk sees the first
    desk's row; should a save ever miss it, the database's constraint is said as a conflict."""
    youth = _youth(store)
    _save(store, youth, "state-id", None, has_it=False)
    monkeypatch.setattr(documents, "_rows", lambda session, youth_id: {})
    with pytest.raises(EditConflict):
        _save(store, youth, "state-id", None, has_it=True)
    monkeypatch.undo()
    assert _of(documents.open_documents(store, youth), "state-id").has_it is False


def test_a_closed_case_stays_readable_and_is_not_changed(store: Store) -> None:
    youth = _youth(store)
    _save(store, youth, "state-id", None, has_it=True)
    set_status(store, youth, get_youth(store, youth).row_version, CLOSED)
    with pytest.raises(InvalidInput) as refused:
        _save(store, youth, "birth-certificate", None, has_it=True)
    assert "case is closed" in refused.value.user_message()
    assert _of(documents.open_documents(store, youth), "state-id").has_it is True


@pytest.mark.parametrize(("fields", "words"), [
    ({"requested_on": date(2026, 6, 10), "received_on": date(2026, 6, 1)},
     "received is before the date it was requested"),
    ({"received_on": TODAY + timedelta(days=1)}, "received cannot be in the future"),
    ({"requested_on": TODAY + timedelta(days=3)}, "requested cannot be in the future"),
    ({"next_step": "x" * (documents.MAX_TEXT + 1)}, "longer than 20000 characters"),
])
def test_what_cannot_be_true_is_refused_with_a_clear_message_and_nothing_saved(
    store: Store, fields: dict[str, Any], words: str
) -> None:
    youth = _youth(store)
    with pytest.raises(InvalidInput) as refused:
        _save(store, youth, "birth-certificate", None, kept_where="Office", **fields)
    assert words in refused.value.user_message()
    assert _of(documents.open_documents(store, youth), "birth-certificate").version is None


def test_a_received_date_before_the_saved_request_is_refused_too(store: Store) -> None:
    youth = _youth(store)
    saved = _save(store, youth, "birth-certificate", None, requested_on=date(2026, 6, 10))
    with pytest.raises(InvalidInput):
        _save(store, youth, "birth-certificate", saved.version, received_on=date(2026, 6, 9))
    done = _save(store, youth, "birth-certificate", saved.version, received_on=TODAY, has_it=True)
    assert (done.requested_on, done.received_on) == (date(2026, 6, 10), TODAY)


def test_long_answers_in_any_script_are_kept_exactly(store: Store) -> None:
    youth = _youth(store)
    long = ("شهادة الميلاد في خزنة المكتب 📄 " * 400)[:10_000] + "\n\t end  "
    _save(store, youth, "immigration-documents", None, kept_where=long, next_step="出生证明",
          fee_waiver=" spaces kept ")
    saved = _of(documents.open_documents(store, youth), "immigration-documents")
    assert (saved.kept_where, saved.next_step, saved.fee_waiver) == (
        long, "出生证明", " spaces kept ")


def test_an_unknown_document_is_not_saved(store: Store) -> None:
    with pytest.raises(RecordNotFound):
        _save(store, _youth(store), "passport", None, has_it=True)


def test_views_and_saves_are_audited_with_field_names_only(store: Store) -> None:
    youth = _youth(store)
    documents.open_documents(store, youth)  # nothing recorded yet: nothing of theirs shown
    made = _save(store, youth, "birth-certificate", None, has_it=False,
                 kept_where="Grandma Rosa's house")
    _save(store, youth, "birth-certificate", made.version, next_step="Call Rosa")
    documents.open_documents(store, youth)
    with store.unit() as session:
        entries = [(e.action, e.record_id, e.detail) for e in session.scalars(
            select(AuditEntry).where(AuditEntry.record_type == documents.DOCUMENT))]
    row = entries[0][1]
    assert row is not None
    assert entries == [("create", row, "has_it,kept_where"), ("edit", row, "next_step"),
                       ("view", None, f"youth {youth}")]


def test_a_caseworker_cannot_reach_another_caseworkers_youth(store: Store,
                                                             data_dir: Path) -> None:
    from casefile.errors import NotPermitted

    youth = _youth(store)
    add_account(store, "cam", "Cam Caseworker", {"caseworker"}, ADMIN_PASSWORD)
    cam = open_store(data_dir, "cam", ADMIN_PASSWORD)
    try:
        with pytest.raises(NotPermitted):
            documents.open_documents(cam, youth)
        with pytest.raises(NotPermitted):
            _save(cam, youth, "state-id", None, has_it=True)
        assert documents.alerts(cam, TODAY) == {}
    finally:
        cam.close()


def test_an_agencys_guide_is_shown_with_the_document(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "needs-content.toml"
    path.write_text('format = 1\n[[document]]\nid = "state-id"\nguide = "Room 4, Main St."\n',
                    encoding="utf-8")
    own = content.with_agency_guides(content.built_in_documents(), path)
    views = documents.open_documents(store, _youth(store), own)
    assert str(_of(views, "state-id").document.guide) == "Room 4, Main St."


# Leaving care at 18 (P.L. 113-183)

def _views(**has: bool | None) -> list[documents.DocumentView]:
    return [documents.DocumentView(d, has.get(d.id.replace("-", "_")))
            for d in content.built_in_documents()]


def test_a_youth_turning_18_soon_is_told_which_leaving_care_documents_they_lack() -> None:
    born = date(2008, 9, 1)  # 18 on 1 September 2026, 78 days after TODAY
    check = leaving_care_check(born, _views(birth_certificate=True, state_id=False,
                                            school_records=False), TODAY)
    assert check.turns_18 == date(2026, 9, 1) and check.near
    assert [d.id for d in check.missing] == [
        "social-security-card", "state-id", "health-insurance", "medical-records"]


def test_not_known_counts_as_not_had_and_all_five_had_leaves_nothing_missing() -> None:
    assert [d.id for d in leaving_care_check(None, _views(), TODAY).missing] == LEAVING
    had = _views(**{name.replace("-", "_"): True for name in LEAVING})
    assert leaving_care_check(date(2008, 7, 1), had, TODAY).missing == ()


@pytest.mark.parametrize(("born", "open_case", "near"), [
    (date(2008, 12, 12), True, True),  # 18 in 180 days
    (date(2008, 12, 13), True, False),  # in 181 days
    (date(2005, 1, 1), True, True),  # 21 already, still in care
    (date(2008, 7, 1), False, False),  # the case is closed: they have left care
    (date(2012, 1, 1), True, False),  # 14
])
def test_near_is_within_180_days_or_already_18_while_the_case_is_open(
    born: date, open_case: bool, near: bool
) -> None:
    assert leaving_care_check(born, _views(), TODAY, open_case).near is near


def test_no_date_of_birth_is_said_and_never_invented() -> None:
    check = leaving_care_check(None, _views(), TODAY)
    assert (check.turns_18, check.near) == (None, False)


def test_born_on_29_february_turns_18_on_1_march_in_a_year_without_one() -> None:
    assert documents.eighteenth_birthday(date(2008, 2, 29)) == date(2026, 3, 1)
    assert documents.eighteenth_birthday(date(2010, 2, 28)) == date(2028, 2, 28)


def test_the_list_flags_exactly_the_open_youth_near_18_without_every_document(
    store: Store
) -> None:
    soon = _youth(store, date(2008, 12, 12))
    later = _youth(store, date(2008, 12, 13))
    unknown = _youth(store, None)
    ready = _youth(store, date(2008, 7, 1))
    for name in LEAVING:
        _save(store, ready, name, None, has_it=True)
    partly = _youth(store, date(2007, 1, 1))
    for name in LEAVING[:4]:
        _save(store, partly, name, None, has_it=True)
    left = _youth(store, date(2008, 7, 1))
    set_status(store, left, get_youth(store, left).row_version, CLOSED)
    flagged = documents.alerts(store, TODAY)
    assert flagged == {soon: {BEFORE_18}, partly: {BEFORE_18}}
    for youth in (soon, later, unknown, ready, partly, left):
        record = get_youth(store, youth)
        check = documents.leaving_care(store, youth, documents.open_documents(store, youth),
                                       TODAY)
        assert (youth in flagged) == (check.near and bool(check.missing)), record.legal_name
    # the boundary moves with the day: a day later, the youth born on 13 December is near too
    assert later in documents.alerts(store, TODAY + timedelta(days=1))


def test_the_list_flag_is_one_query_however_many_youth(store: Store) -> None:
    for day in range(30):
        _youth(store, date(2008, 6, 1) + timedelta(days=day))
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(str(args[2]))

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        flagged = documents.alerts(store, TODAY)
    finally:
        event.remove(store.engine, "before_cursor_execute", count)
    assert len(flagged) == 30
    assert [s for s in statements if "vital_document" in s and s.lstrip().startswith("SELECT")]
    assert sum(1 for s in statements if s.lstrip().startswith("SELECT")) == 1

