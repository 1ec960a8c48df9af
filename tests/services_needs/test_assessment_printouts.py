"""A printed (or saved) assessment and action plan in the audit trail: the assessment printed
(or the youth, before there is one), the variant and language only; a print of another youth's
assessment, or by someone who may not read the youth's record, is refused and leaves no entry."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from casefile.cases.youth import YouthFields, create_youth
from casefile.db.models import AuditEntry
from casefile.errors import NotPermitted, RecordNotFound
from casefile.staff.accounts import add_account
from casefile.store import Store, open_store
from services_needs.assessments import ASSESSMENT
from services_needs.models import Assessment
from services_needs.printouts import record_print
from tests.planning.conftest import ADMIN_PASSWORD, store, store_and_recovery

__all__ = ["store", "store_and_recovery"]  # the store tests' fixtures


def _youth(store: Store, name: str = "Jordan Sample") -> int:
    return create_youth(store, YouthFields(legal_name=name)).id


def _assessment(store: Store, youth_id: int) -> int:
    with store.unit() as session:
        assessment = Assessment(youth_id=youth_id)
        session.add(assessment)
        session.flush()
        return assessment.id


def _printed(store: Store) -> list[tuple[str, str, int | None, str]]:
    with store.unit() as session:
        return [(e.action, e.record_type, e.record_id, e.detail) for e in session.scalars(
            select(AuditEntry).where(AuditEntry.action.in_(["print", "export"])))]


def test_prints_and_saved_files_are_audited_with_the_language_only(store: Store) -> None:
    youth = _youth(store)
    assessment = _assessment(store, youth)
    record_print(store, youth, assessment, "ar")
    record_print(store, youth, assessment, "zh_CN", saved=True)
    record_print(store, youth, None, "es")  # goals and documents, before any assessment
    assert _printed(store) == [("print", ASSESSMENT, assessment, "assessment ar"),
                               ("export", ASSESSMENT, assessment, "assessment zh_CN"),
                               ("print", "youth", youth, "assessment es")]


def test_another_youths_assessment_is_refused_and_not_audited(store: Store) -> None:
    youth, other = _youth(store), _youth(store, "Sam Sample")
    theirs = _assessment(store, other)
    with pytest.raises(RecordNotFound):
        record_print(store, youth, theirs, "en")
    with pytest.raises(RecordNotFound):
        record_print(store, youth, theirs + 1, "en")
    assert _printed(store) == []


def test_someone_who_may_not_read_the_youth_cannot_print(store: Store, data_dir: Path) -> None:
    youth = _youth(store)
    assessment = _assessment(store, youth)
    add_account(store, "cam", "Cam Caseworker", {"caseworker"}, ADMIN_PASSWORD)
    cam = open_store(data_dir, "cam", ADMIN_PASSWORD)
    try:
        with pytest.raises(NotPermitted):
            record_print(cam, youth, assessment, "en")
    finally:
        cam.close()
    assert _printed(store) == []
