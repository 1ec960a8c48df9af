"""The vital-records tracker's operations: one function per thing a person does on the
Documents tab (and the plan's "My documents" section, which shows the tracker). The day is
`today()`, read here and nowhere in the domain, so a test can set it.

An agency's own "where to get it" guidance is `needs-content.toml` beside its policy file, read
once. A file with a mistake is refused whole: the tracker still works, and where the guides are
shown it says which file and line to mend (`guides_problem`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from casefile.errors import WaymarkError
from casefile.policy import policy_path
from desktop.operations.plan import ContentStatus
from desktop.operations.session import Session, store_of
from i18n import LANGUAGES
from services_needs import documents
from services_needs.content import Document, built_in_documents, with_agency_guides
from services_needs.documents import BEFORE_18, NEAR_DAYS, DocumentView, LeavingCare

__all__ = ["BEFORE_18", "NEAR_DAYS", "Document", "DocumentView", "LeavingCare"]

KIND = "documents"  # the change notices' record kind
AGENCY_GUIDES = "needs-content.toml"  # an agency's own guidance, beside its policy file
today: Callable[[], date] = date.today


def agency_guides_path() -> Path:
    return policy_path().with_name(AGENCY_GUIDES)


@cache
def _content() -> tuple[tuple[Document, ...], WaymarkError | None]:
    path = agency_guides_path()
    if not path.is_file():
        return built_in_documents(), None
    try:
        return with_agency_guides(built_in_documents(), path), None
    except WaymarkError as error:  # refused whole: the built-in documents, and why
        return built_in_documents(), error


def tracked() -> tuple[Document, ...]:
    """The documents the tracker follows, with the agency's guides when its file is sound."""
    return _content()[0]


def guides_problem() -> WaymarkError | None:
    """Why the agency's guidance file cannot be used (None: it can, or there is none)."""
    return _content()[1]


def guides_status() -> ContentStatus:
    path = agency_guides_path()
    if not path.is_file():
        return ContentStatus(None, "", {})
    problem = guides_problem()
    if problem is not None:
        return ContentStatus(path, problem.user_message(), {})
    missing = {code: count for code in (lang.code for lang in LANGUAGES)
               if (count := sum(len(d.guide.missing([code])) for d in tracked()))}
    return ContentStatus(path, "", missing)


@dataclass(frozen=True)
class DocumentsScreen:
    """What the Documents tab shows: every document, and what leaving care asks of them."""

    documents: list[DocumentView]
    leaving: LeavingCare


def open_documents(session: Session, youth_id: int) -> DocumentsScreen:
    store = store_of(session)
    views = documents.open_documents(store, youth_id, tracked())
    return DocumentsScreen(views, documents.leaving_care(store, youth_id, views, today()))


def leaving_care(session: Session, youth_id: int, views: list[DocumentView]) -> LeavingCare:
    """Leaving care again, from the profile as it is now (its date of birth may have changed)."""
    return documents.leaving_care(store_of(session), youth_id, views, today())


def save_document(session: Session, youth_id: int, view: DocumentView,
                  **fields: Any) -> DocumentView:
    return documents.save_document(store_of(session), youth_id, view.document.id, view.version,
                                   today=today(), documents=tracked(), **fields)


def document_now(session: Session, youth_id: int, view: DocumentView) -> DocumentView:
    return documents.document_now(store_of(session), youth_id, view.document)


def alerts(session: Session) -> dict[int, frozenset[str]]:
    """The youth near 18 without every leaving-care document (the list's flag), by youth id."""
    return documents.alerts(store_of(session), today(), tracked())
