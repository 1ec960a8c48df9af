"""The vital-records recovery tracker: for each identity document of a youth, whether they have
it, where the original is kept, when it was requested and received, the next step and any
fee-waiver notes.

Every document of the content is always listed: a document with no row yet is simply not known
(`has_it` None, `version` None), and the first save creates its row. A save carries the version
the screen had; a newer one (someone saved first, or created the row at the same moment at
another desk) is refused with `EditConflict`, so nobody's words are silently overwritten.

Leaving care (P.L. 113-183): a youth leaving foster care at 18 or older must have their birth
certificate, Social Security card, health insurance information, medical records and a state ID,
the documents marked `leaving_care` in the content. `leaving_care_check` says, from the date of
birth on the profile, when they turn 18, whether that is near, and which of those they do not
have yet. The clock is always passed in (`today`), never read here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from casefile.db.models import Youth
from casefile.db.models.youth import OPEN
from casefile.errors import EditConflict, InvalidInput, RecordNotFound
from casefile.staff import access
from casefile.store import Store
from casefile.trail import audit
from i18n import N_
from services_needs.content import Document, built_in_documents
from services_needs.models import VitalDocument

DOCUMENT = "vital-document"  # the audit trail's record type
MAX_TEXT = 20_000  # characters of one answer
LEAVING_AGE = 18
NEAR_DAYS = 180  # a youth turning 18 this soon is flagged
BEFORE_18 = "documents-before-18"  # the youth list's flag
TEXTS = ("kept_where", "next_step", "fee_waiver")
FIELDS = ("has_it", "requested_on", "received_on", *TEXTS)


@dataclass(frozen=True)
class DocumentView:
    document: Document
    has_it: bool | None = None  # None: nobody knows yet
    kept_where: str = ""
    requested_on: date | None = None
    received_on: date | None = None
    next_step: str = ""
    fee_waiver: str = ""
    version: int | None = None  # None: no row yet

    def values(self) -> dict[str, Any]:
        """The answers, by field name (what a save takes)."""
        return {name: getattr(self, name) for name in FIELDS}


@dataclass(frozen=True)
class LeavingCare:
    """What leaving care at 18 asks of a youth's documents, on a given day."""

    turns_18: date | None  # None: the profile has no date of birth
    near: bool  # the case is open and they turn 18 within NEAR_DAYS (or are 18 already)
    missing: tuple[Document, ...]  # the leaving-care documents they do not have yet


def _view(document: Document, row: VitalDocument | None) -> DocumentView:
    if row is None:
        return DocumentView(document)
    return DocumentView(document, **{name: getattr(row, name) for name in FIELDS},
                        version=row.row_version)


def _known(documents: Sequence[Document], document_id: str) -> Document:
    for document in documents:
        if document.id == document_id:
            return document
    raise RecordNotFound()


def _rows(session: Session, youth_id: int) -> dict[str, VitalDocument]:
    rows = session.scalars(select(VitalDocument).where(VitalDocument.youth_id == youth_id))
    return {row.document: row for row in rows}


def open_documents(store: Store, youth_id: int,
                   documents: Sequence[Document] | None = None) -> list[DocumentView]:
    """Every document of the content (`documents`, the built-in ones by default), in its
    order, with what is known of it for this youth. Viewing what was recorded is audited."""
    documents = built_in_documents() if documents is None else documents
    with store.unit() as session:
        _youth, flagged = access.youth_for(session, store.user, youth_id)
        rows = _rows(session, youth_id)
        if rows:  # no row: nothing of the youth's was shown, only the content
            store.record(session, audit.VIEW, record_type=DOCUMENT, detail=f"youth {youth_id}",
                         flagged=flagged)
        return [_view(document, rows.get(document.id)) for document in documents]


def document_now(store: Store, youth_id: int, document: Document) -> DocumentView:
    """One document as it is saved now (after a conflict, to show the other desk's answers)."""
    with store.unit() as session:
        _youth, flagged = access.youth_for(session, store.user, youth_id)
        row = _rows(session, youth_id).get(document.id)
        if row is not None:
            store.record(session, audit.VIEW, record_type=DOCUMENT, record_id=row.id,
                         detail=f"youth {youth_id}", flagged=flagged)
        return _view(document, row)


def _check(values: dict[str, Any], today: date) -> None:
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise TypeError(f"not a document field: {sorted(unknown)}")
    requested, received = values.get("requested_on"), values.get("received_on")
    if requested is not None and requested > today:
        raise InvalidInput(N_("The date it was requested cannot be in the future. Give the day "
                              "the request was made; a request still to make is a next step."))
    if received is not None and received > today:
        raise InvalidInput(N_("The date it was received cannot be in the future. Record it once "
                              "the document is here."))
    if requested is not None and received is not None and received < requested:
        raise InvalidInput(N_("The date it was received is before the date it was requested. "
                              "Check both dates."))
    for name in TEXTS:
        if len(values.get(name) or "") > MAX_TEXT:
            raise InvalidInput(N_("This answer is longer than {count} characters. Nothing was "
                                  "saved; shorten it and it will be saved."), count=MAX_TEXT)


def save_document(store: Store, youth_id: int, document: str, version: int | None, *,
                  today: date, documents: Sequence[Document] | None = None,
                  **fields: Any) -> DocumentView:
    """Save what `fields` give of one document (the others stay as they are). `version` is
    the one the screen showed (None: no row yet); a newer one raises `EditConflict`."""
    content = _known(built_in_documents() if documents is None else documents, document)
    with store.unit() as session:
        _youth, flagged = access.youth_for_change(session, store, youth_id)
        row = _rows(session, youth_id).get(document)
        if (row.row_version if row else None) != version:
            raise EditConflict()
        if row is None:
            row = VitalDocument(youth_id=youth_id, document=document, has_it=None,
                                kept_where="", requested_on=None, received_on=None,
                                next_step="", fee_waiver="")
        _check({name: getattr(row, name) for name in FIELDS} | fields, today)
        changed = sorted(name for name, value in fields.items() if getattr(row, name) != value)
        if not changed:
            return _view(content, row if row.id is not None else None)
        for name in changed:
            setattr(row, name, fields[name])
        created = row.id is None
        session.add(row)
        try:
            session.flush()  # a row made at another desk meanwhile is a conflict, not a crash
        except IntegrityError as error:
            raise EditConflict() from error
        store.record(session, audit.CREATE if created else audit.EDIT, record_type=DOCUMENT,
                     record_id=row.id, detail=",".join(changed), flagged=flagged)
        return _view(content, row)


def eighteenth_birthday(date_of_birth: date) -> date:
    """The day a youth turns 18 (born on 29 February: 1 March, in a year without one)."""
    try:
        return date_of_birth.replace(year=date_of_birth.year + LEAVING_AGE)
    except ValueError:
        return date(date_of_birth.year + LEAVING_AGE, 3, 1)


def _latest_birth_date_near(today: date) -> date:
    """The latest date of birth of a youth who turns 18 by NEAR_DAYS from `today`."""
    by = today + timedelta(days=NEAR_DAYS)
    try:
        return by.replace(year=by.year - LEAVING_AGE)
    except ValueError:  # by is 29 February: born on 29 February turns 18 on 1 March
        return date(by.year - LEAVING_AGE, 2, 28)


def leaving_care_check(date_of_birth: date | None, documents: Sequence[DocumentView],
                       today: date, case_open: bool = True) -> LeavingCare:
    """When the youth turns 18, whether that is near (while the case is open: within NEAR_DAYS,
    or already 18), and which leaving-care documents they do not have yet (not known counts as
    not had: nobody has seen it). No date of birth: `turns_18` is None and nothing is near."""
    missing = tuple(view.document for view in documents
                    if view.document.leaving_care and view.has_it is not True)
    if date_of_birth is None:
        return LeavingCare(None, False, missing)
    turns_18 = eighteenth_birthday(date_of_birth)
    near = case_open and (turns_18 - today).days <= NEAR_DAYS
    return LeavingCare(turns_18, near, missing)


def leaving_care(store: Store, youth_id: int, views: Sequence[DocumentView],
                 today: date) -> LeavingCare:
    """`leaving_care_check` from the date of birth on the youth's profile (access checked; the
    documents shown are what the audit trail notes as viewed)."""
    with store.unit() as session:
        youth, _flagged = access.youth_for(session, store.user, youth_id)
        return leaving_care_check(youth.date_of_birth, views, today, youth.status == OPEN)


def alerts(store: Store, today: date,
           documents: Sequence[Document] | None = None) -> dict[int, frozenset[str]]:
    """The youth the signed-in person may see whose case is open, who turn 18 within NEAR_DAYS
    (or are 18 already), and who do not have every leaving-care document: one query."""
    documents = built_in_documents() if documents is None else documents
    needed = [d.id for d in documents if d.leaving_care]
    had = (select(func.count()).select_from(VitalDocument)
           .where(VitalDocument.youth_id == Youth.id, VitalDocument.document.in_(needed),
                  VitalDocument.has_it.is_(True))
           .scalar_subquery())
    query = (select(Youth.id)
             .where(access.visible_youth(store.user))
             .where(and_(Youth.status == OPEN, Youth.date_of_birth.is_not(None),
                         Youth.date_of_birth <= _latest_birth_date_near(today)))
             .where(had < len(needed)))
    with store.unit() as session:
        return {youth_id: frozenset((BEFORE_18,)) for youth_id in session.scalars(query)}
