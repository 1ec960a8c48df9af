"""The recovery key: shown once at setup, printed and locked away by the agency."""

from __future__ import annotations

import base64
import os

RECOVERY_BYTES = 20  # 160 bits: 32 base-32 characters in 8 groups of 4


def new_recovery_key() -> str:
    text = base64.b32encode(os.urandom(RECOVERY_BYTES)).decode("ascii")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def recovery_secret(typed: str) -> bytes | None:
    """The secret behind a typed recovery key, forgiving case, spaces, dashes, 0/O and 1/I."""
    cleaned = "".join(ch for ch in typed.upper() if ch.isalnum())
    cleaned = cleaned.replace("0", "O").replace("1", "I").replace("8", "B")
    if len(cleaned) != 32:
        return None
    try:
        secret = base64.b32decode(cleaned)
    except ValueError:
        return None
    return secret if len(secret) == RECOVERY_BYTES else None
