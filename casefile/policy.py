"""The machine-wide agency policy: idle lock, keyring rule, languages, help lines, break-glass.

The agency's IT staff install one TOML file per workstation, writable only by administrators (see
`resources/policy/policy.toml` for a commented template). Every setting is optional. A missing
file means the built-in defaults; a file that is present but cannot be used stops Waymark with
`PolicyInvalid`, because a broken file must never loosen the policy. There is deliberately no
environment-variable or per-user override.
"""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, TypeVar

from casefile.errors import PolicyInvalid
from i18n import LANGUAGES

MAX_IDLE_MINUTES = 15
MIN_BREAK_GLASS_MINUTES = 5
MAX_BREAK_GLASS_MINUTES = 8 * 60
MAX_TEXT = 200
MAX_HELP_LINES = 20
POLICY_NAME = "policy.toml"
SHIPPED_CODES: tuple[str, ...] = tuple(lang.code for lang in LANGUAGES)

_HELP_LINE_KEYS = frozenset({"name", "number", "hours"})


@dataclass(frozen=True)
class HelpLine:
    """A crisis or support line the agency wants shown to staff and printed for youth."""

    name: str
    number: str  # phone number or text code, kept as typed
    hours: str = ""


class _Rejected(ValueError):
    """A setting that cannot be used; the text is the technical reason shown to IT staff."""


T = TypeVar("T")
Reader = Callable[[object, str], Any]  # (the value in the file, its key) -> the setting


def _setting(key: str, default: T, read: Reader) -> T:
    """Declare a policy setting: its key in the file ("table.name"), its default and how its
    value is read and checked (raising _Rejected with the reason)."""
    return field(default=default, metadata={"key": key, "read": read})


def _whole(low: int, high: int) -> Reader:
    def read(value: object, where: str) -> int:
        # bool is a subclass of int; `true` must not be read as 1 minute.
        if type(value) is not int or not low <= value <= high:
            raise _Rejected(f"{where} must be a whole number from {low} to {high}")
        return value
    return read


def _flag(value: object, where: str) -> bool:
    if not isinstance(value, bool):
        raise _Rejected(f"{where} must be true or false (without quotes)")
    return value


def _languages(value: object, where: str) -> tuple[str, ...]:
    shipped = ", ".join(f'"{code}"' for code in SHIPPED_CODES)
    if not isinstance(value, list) or not value:
        raise _Rejected(f"{where} must be a non-empty list of codes from {shipped}")
    for code in value:
        if code not in SHIPPED_CODES:
            raise _Rejected(f"{where} has {code!r}; the codes are {shipped}")
    return tuple(dict.fromkeys(value))


def _text(value: object, where: str, *, required: bool = False) -> str:
    if not isinstance(value, str):
        raise _Rejected(f"{where} must be text in quotes")
    text = value.strip()
    if required and not text:
        raise _Rejected(f"{where} must not be empty")
    if len(text) > MAX_TEXT:
        raise _Rejected(f"{where} must be at most {MAX_TEXT} characters")
    if any(unicodedata.category(char) == "Cc" for char in text):
        raise _Rejected(f"{where} must be a single line of text")
    return text


def _help_lines(value: object, where: str) -> tuple[HelpLine, ...]:
    if not isinstance(value, list):
        raise _Rejected(f"{where} must be a list of [[{where}]] tables")
    if len(value) > MAX_HELP_LINES:
        raise _Rejected(f"{where} may list at most {MAX_HELP_LINES} lines")
    return tuple(_help_line(item, f"{where} #{n}") for n, item in enumerate(value, 1))


def _help_line(item: object, where: str) -> HelpLine:
    if not isinstance(item, dict):
        raise _Rejected(f"{where} must be a table with name, number and hours")
    _reject_unknown(item, _HELP_LINE_KEYS, f"{where} ")
    if "name" not in item or "number" not in item:
        raise _Rejected(f"{where} needs both name and number")
    return HelpLine(
        name=_text(item["name"], f"{where} name", required=True),
        number=_text(item["number"], f"{where} number", required=True),
        hours=_text(item.get("hours", ""), f"{where} hours"),
    )


@dataclass(frozen=True)
class Policy:
    """The agency's settings for this workstation, each declared once here: its key in the
    policy file, its default, how it is read. `source` is None for the built-in defaults.
    (The commented template, resources/policy/policy.toml, is checked against this list.)"""

    idle_minutes: int = _setting("locking.idle_minutes", 5, _whole(1, MAX_IDLE_MINUTES))
    keyring_required: bool = _setting("keyring.required", False, _flag)
    languages: tuple[str, ...] = _setting("languages.enabled", SHIPPED_CODES, _languages)
    agency_name: str = _setting("agency.name", "", _text)
    help_lines: tuple[HelpLine, ...] = _setting("agency.help_lines", (), _help_lines)
    break_glass_minutes: int = _setting(
        "break_glass.minutes", 60, _whole(MIN_BREAK_GLASS_MINUTES, MAX_BREAK_GLASS_MINUTES))
    review_days: int = _setting("reviews.after_agreement_days", 90, _whole(7, 365))
    return_review_days: int = _setting("reviews.after_return_days", 7, _whole(1, 90))
    placement_review_days: int = _setting("reviews.after_placement_change_days", 30,
                                          _whole(1, 365))
    debrief_days: int = _setting("missing.debrief_days", 3, _whole(1, 30))
    source: Path | None = None


@dataclass(frozen=True)
class Setting:
    """One declared policy setting, as the file names it."""

    attribute: str  # of Policy
    table: str
    name: str
    default: object
    read: Reader

    @property
    def key(self) -> str:
        return f"{self.table}.{self.name}"


def _declared() -> tuple[Setting, ...]:
    found = []
    for declared in fields(Policy):
        if "key" in declared.metadata:
            table, name = declared.metadata["key"].split(".")
            found.append(Setting(declared.name, table, name, declared.default,
                                 declared.metadata["read"]))
    return tuple(found)


SETTINGS = _declared()
_TABLES: dict[str, frozenset[str]] = {
    table: frozenset(s.name for s in SETTINGS if s.table == table)
    for table in dict.fromkeys(s.table for s in SETTINGS)}


def _windows_program_data() -> str:
    """The machine-wide ProgramData folder, asked of Windows itself: the PROGRAMDATA variable
    is the user's to change, and the policy must not be something a user can redirect."""
    import ctypes

    buffer = ctypes.create_unicode_buffer(260)
    common_appdata = 0x23  # CSIDL_COMMON_APPDATA
    windll = getattr(ctypes, "windll", None)
    if windll is None or windll.shell32.SHGetFolderPathW(None, common_appdata, None, 0, buffer):
        return r"C:\ProgramData"
    return buffer.value or r"C:\ProgramData"


def policy_path() -> Path:
    """The one machine-wide location of the policy file on this platform."""
    if sys.platform == "win32":
        return Path(_windows_program_data(), "Waymark", POLICY_NAME)
    if sys.platform == "darwin":
        return Path("/Library/Application Support/Waymark", POLICY_NAME)
    return Path("/etc/waymark", POLICY_NAME)


def load_policy(path: Path | None = None) -> Policy:
    """Read the policy at `path` (default `policy_path()`); defaults only when there is no file.

    Raises PolicyInvalid when the file is present but unreadable, not TOML, or has any unknown,
    mistyped or out-of-range setting.
    """
    target = policy_path() if path is None else path
    try:
        raw = target.read_bytes()
    except FileNotFoundError:
        return Policy()
    except OSError as exc:
        raise PolicyInvalid(path=str(target), reason=_os_reason(exc)) from exc
    try:
        return _parse(raw, target)
    except _Rejected as exc:
        raise PolicyInvalid(path=str(target), reason=str(exc)) from exc


def _os_reason(exc: OSError) -> str:
    detail = exc.strerror or type(exc).__name__
    return f"the file could not be read ({detail})"


def _parse(raw: bytes, source: Path) -> Policy:
    import tomllib  # only when there is a file: its import is a noticeable part of a cold start

    try:
        doc = tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise _Rejected("the file is not UTF-8 text") from exc
    except tomllib.TOMLDecodeError as exc:
        raise _Rejected(f"the file is not valid TOML ({exc})") from exc
    _reject_unknown(doc, frozenset(_TABLES), "")
    tables = {table: _table(doc, table) for table in _TABLES}
    return Policy(**{
        setting.attribute: setting.read(tables[setting.table][setting.name], setting.key)
        for setting in SETTINGS if setting.name in tables[setting.table]}, source=source)


def _reject_unknown(table: Mapping[str, object], known: frozenset[str], where: str) -> None:
    for key in table:
        if key not in known:
            raise _Rejected(f"unknown setting {where}{key}")


def _table(doc: Mapping[str, object], name: str) -> Mapping[str, object]:
    table = doc.get(name, {})
    if not isinstance(table, dict):
        raise _Rejected(f"[{name}] must be a table")
    _reject_unknown(table, _TABLES[name], f"{name}.")
    return table
