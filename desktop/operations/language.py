"""Remembering the interface language: each person's, and the sign-in page's.

The sign-in page's is read before the sign-in window is shown, so the store's modules are
imported only by the functions that need them.
"""

from __future__ import annotations

from pathlib import Path

from casefile.staff import sign_in_language
from desktop.operations.session import Session, store_of


def language_of(session: Session) -> str | None:
    """The language the signed-in person last chose (None: they never chose one)."""
    from casefile.staff import preferences

    return preferences.staff_language(store_of(session))


def remember_for(session: Session, code: str) -> None:
    """Keep `code` as the signed-in person's language; raises WaymarkError (a full disk)."""
    from casefile.staff import preferences

    preferences.set_staff_language(store_of(session), code)


def sign_in_language_of(data_dir: Path) -> str | None:
    """The language last chosen on the sign-in page of `data_dir`."""
    return sign_in_language.read(data_dir)


def remember_for_sign_in(data_dir: Path, code: str) -> None:
    """Keep `code` for the sign-in page (quietly not, when it cannot be written)."""
    sign_in_language.remember(data_dir, code)
