"""The interface language last chosen on the sign-in page of a data folder.

The sign-in page comes before anyone has unlocked the store, so its language cannot be kept in
it: it is kept in a small file beside it, written atomically and owner-only, that holds a
language code and nothing else (no name, no sign-in name, no case data, nothing secret). Read at
start-up, before the sign-in window is shown: this module imports nothing heavy.
"""

from __future__ import annotations

import logging
from pathlib import Path

from casefile.errors import WaymarkError
from i18n import LANGUAGES

log = logging.getLogger(__name__)

FILE_NAME = "sign-in.json"
_MAX_FILE_BYTES = 1024
_CODES = frozenset(lang.code for lang in LANGUAGES)


def shipped(code: object) -> str | None:
    """`code` if it is a shipped language's code, else None."""
    return code if isinstance(code, str) and code in _CODES else None


def file_in(data_dir: Path) -> Path:
    return data_dir / FILE_NAME


def read(data_dir: Path) -> str | None:
    """The language last chosen on the sign-in page of `data_dir`, or None (no file, or one that
    cannot be read or names no shipped language)."""
    try:
        with file_in(data_dir).open("rb") as handle:
            data = handle.read(_MAX_FILE_BYTES + 1)
    except OSError:
        return None
    if len(data) > _MAX_FILE_BYTES:
        return None
    import json  # only when there is a file: it costs ~2 ms before the sign-in window

    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    return shipped(document.get("language")) if isinstance(document, dict) else None


def remember(data_dir: Path, code: str) -> bool:
    """Keep `code` for the sign-in page of `data_dir`; whether it is kept. A data folder that
    does not exist yet is not made for it, and a failure (a full disk, a folder that cannot be
    written) only means that the choice is not remembered."""
    import json

    from casefile.files.fsutil import atomic_write_bytes

    if shipped(code) is None or not data_dir.is_dir():
        return False
    if read(data_dir) == code:
        return True
    try:
        atomic_write_bytes(file_in(data_dir), json.dumps({"language": code}).encode("ascii"))
    except (OSError, WaymarkError) as error:
        log.warning("the sign-in language could not be kept (%s)", type(error).__name__)
        return False
    return True
