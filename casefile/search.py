"""Name search that forgives case, accents and spacing: "jose" finds "José", "ly" finds "Lý"."""

from __future__ import annotations

import unicodedata


def search_key(text: str) -> str:
    """A folded form of `text` for matching: NFKD, marks removed, case-folded, spaces squeezed."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


def matches(query_key: str, haystack_key: str) -> bool:
    """Every word of the query appears in the haystack (in any order)."""
    return all(word in haystack_key for word in query_key.split())
