"""The interface language each staff member last chose, kept with their account in the store.

(The sign-in page's language, chosen before anyone unlocks the store, is in
`casefile.staff.sign_in_language`.)
"""

from __future__ import annotations

from casefile.db.models import Staff
from casefile.staff.sign_in_language import shipped
from casefile.store import Store


def staff_language(store: Store) -> str | None:
    """The language the signed-in person last chose, or None if they never chose one."""
    with store.unit() as session:
        staff = session.get(Staff, store.user.id)
        return shipped(staff.language) if staff is not None else None


def set_staff_language(store: Store, code: str) -> None:
    """Remember `code` (a shipped language) as the signed-in person's language."""
    if shipped(code) is None:
        raise ValueError(f"not a shipped language: {code!r}")
    with store.unit() as session:
        staff = session.get(Staff, store.user.id)
        if staff is not None and staff.language != code:
            staff.language = code
