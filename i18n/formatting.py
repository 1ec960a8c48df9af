"""Dates and numbers, formatted with Babel only (never Qt's locale), in a given language."""

from __future__ import annotations

from datetime import UTC, date, datetime

from babel.dates import format_date as babel_format_date
from babel.dates import format_datetime as babel_format_datetime
from babel.dates import format_time as babel_format_time
from babel.lists import format_list as babel_format_list
from babel.numbers import format_decimal

from i18n.runtime import current_language

# Babel may emit bidi marks and narrow no-break spaces that some fonts lack; plain spaces read
# the same in every language Waymark ships.
_INVISIBLE = str.maketrans({"\u200f": None, "\u200e": None, "\u202f": " ", "\u00a0": " "})


def _clean(text: str) -> str:
    return text.translate(_INVISIBLE)


def format_date(value: date | None, lang: str | None = None, length: str = "medium") -> str:
    """A date such as "Mar 4, 2009" / "4 mar 2009"; empty for no date."""
    if value is None:
        return ""
    return _clean(babel_format_date(value, format=length, locale=lang or current_language()))


def _local(value: datetime) -> datetime:
    """Waymark stores naive UTC; people read local time."""
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    return aware.astimezone()


def format_datetime(value: datetime | None, lang: str | None = None, length: str = "medium") -> str:
    if value is None:
        return ""
    local = _local(value)
    return _clean(babel_format_datetime(local, format=length, tzinfo=local.tzinfo,
                                        locale=lang or current_language()))


def format_time(value: datetime | None, lang: str | None = None, length: str = "short") -> str:
    if value is None:
        return ""
    local = _local(value)
    return _clean(babel_format_time(local, format=length, tzinfo=local.tzinfo,
                                    locale=lang or current_language()))


def format_number(value: int | float, lang: str | None = None) -> str:
    return _clean(format_decimal(value, locale=lang or current_language()))


def format_list(items: list[str], lang: str | None = None) -> str:
    """Items joined as the language joins a list ("A, B, and C" / "A، B و C" / "A、B和C")."""
    return _clean(babel_format_list(items, locale=lang or current_language())) if items else ""
