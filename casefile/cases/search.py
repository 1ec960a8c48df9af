"""Name search that forgives case, accents and spacing: "jose" finds "José", "ly" finds "Lý"."""

from __future__ import annotations

import unicodedata

# Letters whose mark is part of the letter, so Unicode decomposition cannot remove it: "dang"
# must find "Đặng" (Vietnamese), "lukasz" "Łukasz", "soren" "Søren".
_FOLD = str.maketrans({
    "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "ł": "l", "ŀ": "l", "ø": "o", "ŧ": "t",
    "æ": "ae", "œ": "oe", "þ": "th",
})


def search_key(text: str) -> str:
    """A folded form of `text` for matching: NFKD, marks removed, case-folded, spaces squeezed."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().translate(_FOLD).split())


def matches(query_key: str, haystack_key: str) -> bool:
    """Every word of the query appears in the haystack (in any order)."""
    return all(word in haystack_key for word in query_key.split())
