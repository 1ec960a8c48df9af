"""Dates a person types: the interface language's short form (3/15/12 in English, 15/3/12 in
Spanish, 2012/3/15 in Chinese) or year-month-day (2012-03-15), in any language.

Date fields show a date in the language's short form with the year in full (3/15/2012), so it
cannot be mistaken. A two-digit year is read as the nearest one that is at most 80 years past and
less than 20 years ahead, as Unicode's CLDR advises: "12" is 2012, "98" is 1998.
"""

from __future__ import annotations

import re
from datetime import date

from babel.dates import get_date_format

from i18n.formatting import format_date
from i18n.runtime import current_language

EARLIEST_YEAR = 1900
LATEST_YEAR = 2199
_PAST_YEARS = 80
_NUMBERS = re.compile(r"\d+")
# Three numbers with a few separators between (punctuation, spaces, bidi marks, or the Chinese
# 年月日): "3/15/12", "15.3.2012", "2012-03-15", "2012年3月15日".
_SEP = r"(?:[^\w]|[年月日])"
_NUMBER = r"\d{1,4}"
_SHAPE = re.compile(
    rf"{_SEP}{{0,2}}{_NUMBER}{_SEP}{{1,3}}{_NUMBER}{_SEP}{{1,3}}{_NUMBER}{_SEP}{{0,2}}")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")  # 20120315, year-month-day without separators
_QUOTED = re.compile(r"'[^']*'")


def _short_pattern(lang: str) -> str:
    return str(get_date_format("short", locale=lang).pattern)


def field_order(lang: str | None = None) -> str:
    """The order of year, month and day in the language's short form: "Mdy", "dMy", "yMd"."""
    pattern = _QUOTED.sub("", _short_pattern(lang or current_language()))
    order = ""
    for letter in pattern:
        field = {"y": "y", "Y": "y", "u": "y", "M": "M", "L": "M", "d": "d"}.get(letter)
        if field and field not in order:
            order += field
    return order if sorted(order) == ["M", "d", "y"] else "yMd"


def entry_pattern(lang: str | None = None) -> str:
    """The language's short date pattern with the year in full ("M/d/y", "d/M/y", "y/M/d")."""
    return re.sub(r"y+", "y", _short_pattern(lang or current_language()))


def format_date_entry(value: date | None, lang: str | None = None) -> str:
    """A date as a date field shows it: "3/15/2012" in English, "15/3/2012" in Spanish."""
    return format_date(value, lang, length=entry_pattern(lang))


def _full_year(digits: str, today: date) -> int:
    year = int(digits)
    if len(digits) == 4:
        return year
    if len(digits) != 2:
        raise ValueError("a year has two or four digits")
    year += today.year // 100 * 100
    if year >= today.year + (100 - _PAST_YEARS):
        year -= 100
    elif year < today.year - _PAST_YEARS:
        year += 100
    return year


def parse_date_entry(text: str, lang: str | None = None, today: date | None = None) -> date:
    """The date in `text`, typed in the short form of `lang` or as year-month-day (also
    without separators, 20120315).

    Raises ValueError when it is not a whole date (letters, two numbers, 30 February, a year
    before 1900 or after 2199)."""
    cleaned = text.strip()
    compact = _COMPACT.fullmatch(cleaned)
    if compact:
        numbers = list(compact.groups())
    elif _SHAPE.fullmatch(cleaned):
        numbers = _NUMBERS.findall(cleaned)
    else:
        raise ValueError("not a date")
    order = "yMd" if len(numbers[0]) == 4 else field_order(lang)
    parts = dict(zip(order, numbers, strict=True))
    if len(parts["M"]) > 2 or len(parts["d"]) > 2:
        raise ValueError("a month or a day has one or two digits")
    year = _full_year(parts["y"], today or date.today())
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise ValueError("year out of range")
    return date(year, int(parts["M"]), int(parts["d"]))
