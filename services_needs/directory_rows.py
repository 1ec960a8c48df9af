"""One row of a directory CSV file read into a service's fields, or the plain reason it cannot be.

Each reason names the row as a spreadsheet numbers it (the column names are row 1) and, where it
helps, the cell as written: 'Row 40: the age range "ten to 20" is not two numbers'. The reasons
are marked with N_ and translated when the report is shown.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache

from casefile.cases.search import search_key
from casefile.errors import InvalidInput, WaymarkError
from i18n import LANGUAGES, N_, _, translator
from services_needs.content import domains
from services_needs.directory import MAX_AGE, MAX_LONG, MAX_SHORT, ServiceFields, checked
from services_needs.directory_search import DOMAIN_WORDS

SPLIT = re.compile(r"[;,/|\n\u060c\u061b\uff0c\uff1b\u3001]")  # also Arabic and Chinese commas
YES = frozenset({"yes", "y", "true", "1", "x", "si", "oui", "✓", "✔"})
NO = frozenset({"no", "n", "false", "0", ""})
EVERY_AGE = frozenset({"any", "any age", "all", "all ages"})
_NUMBER = r"(\d{1,3})"
_AGES: tuple[tuple[re.Pattern[str], Callable[[list[int]], tuple[int | None, int | None]]], ...] = (
    (re.compile(rf"{_NUMBER}\s*(?:-|–|—|to)\s*{_NUMBER}"), lambda n: (n[0], n[1])),
    (re.compile(rf"{_NUMBER}\s*(?:\+|and (?:over|up|older)|or older)"), lambda n: (n[0], None)),
    (re.compile(rf"(?:up to|to)\s*{_NUMBER}|{_NUMBER}\s*(?:and (?:under|younger)|or younger)"),
     lambda n: (None, n[0])),
    (re.compile(_NUMBER), lambda n: (n[0], n[0])),
)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet would run such a cell


class RowProblem(Exception):
    """Why a row was not read (N_ message and its named values, `row` among them)."""

    def __init__(self, message: str, **params: object) -> None:
        super().__init__(message)
        self.message = message
        self.params = params


@dataclass(frozen=True)
class Problem:
    """A row that could not be read, and why; `text()` says it in the interface's language."""

    row: int
    message: str
    params: Mapping[str, object] = field(default_factory=dict)

    def text(self) -> str:
        params = {name: value.user_message() if isinstance(value, WaymarkError) else value
                  for name, value in self.params.items()}
        return _(self.message).format(row=self.row, **params)


def cell_text(value: str) -> str:
    """A cell as written, less its spaces around and the quote a spreadsheet export puts before
    a cell that begins like a formula (see `directory_csv.safe_cell`)."""
    text = value.strip()
    if text.startswith("'") and text[1:2] in FORMULA_START:
        return text[1:]
    return text


@cache
def _domain_names() -> dict[str, str]:
    """Every way a domain can be written in a file (folded) → its id."""
    names: dict[str, str] = {}
    for domain_id in DOMAIN_WORDS:
        names[search_key(domain_id)] = domain_id
        for word in DOMAIN_WORDS[domain_id]:
            names.setdefault(search_key(word), domain_id)
    return names


def read_domains(text: str, column: str) -> tuple[str, ...]:
    found: list[str] = []
    for part in (p.strip() for p in SPLIT.split(text)):
        if not part:
            continue
        folded = fold(part)
        domain_id = _domain_names().get(folded) or _by_title(folded)
        if domain_id is None:
            raise RowProblem(N_("Row {row}: \"{value}\" in {column} is not one of the needs "
                                "domains"), value=part, column=column)
        found.append(domain_id)
    return tuple(dict.fromkeys(found))


@cache
def _by_title(folded: str) -> str | None:
    for domain in domains():
        for lang in LANGUAGES:
            if search_key(domain.title.translated(translator(lang.code))) == folded:
                return domain.id
    return None


def read_list(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in SPLIT.split(text) if part.strip())


def fold(text: str) -> str:
    """`search_key`, quicker for the plain ASCII most cells are (50,000 rows of them)."""
    if text.isascii():
        return " ".join(text.casefold().split())
    return search_key(text)


def read_flag(text: str, column: str) -> bool:
    folded = fold(text)
    if folded in YES:
        return True
    if folded in NO:
        return False
    raise RowProblem(N_("Row {row}: {column} says \"{value}\"; write yes or no, or leave it "
                        "empty"), value=text, column=column)


def read_ages(text: str) -> tuple[int | None, int | None]:
    folded = fold(text)
    if folded in EVERY_AGE or not folded:
        return None, None
    for pattern, make in _AGES:
        found = pattern.fullmatch(folded)
        if found:
            numbers = [int(n) for n in found.groups() if n is not None]
            return make(numbers)
    raise RowProblem(N_("Row {row}: the age range \"{value}\" is not two numbers (write it "
                        "like 14-24, 18+ or up to 21)"), value=text)


def read_age(text: str, column: str) -> int | None:
    if not text:
        return None
    if not re.fullmatch(r"\d{1,3}", text):
        raise RowProblem(N_("Row {row}: {column} \"{value}\" is not a whole number"),
                         value=text, column=column)
    return int(text)


def check_ages(low: int | None, high: int | None, written: str) -> None:
    for age in (low, high):
        if age is not None and age > MAX_AGE:
            raise RowProblem(N_("Row {row}: the age {value} is not between 0 and {most}"),
                             value=age, most=MAX_AGE)
    if low is not None and high is not None and low > high:
        raise RowProblem(N_("Row {row}: the age range \"{value}\" starts above where it ends"),
                         value=written or f"{low}-{high}")


SHORT = ("name", "phone", "hours", "cost")


def check_lengths(cells: Mapping[str, str], columns: Mapping[str, str]) -> None:
    for name, text in cells.items():
        most = MAX_SHORT if name in SHORT else MAX_LONG
        if len(text) > most:
            raise RowProblem(N_("Row {row}: {column} is longer than {count} characters"),
                             column=columns.get(name, name), count=most)


def read_row(cells: Mapping[str, str], columns: Mapping[str, str]) -> ServiceFields:
    """The service a row describes. `cells` are its texts by field (absent: no such column);
    `columns` the column names as the file writes them, by field, for the messages."""
    def column(name: str) -> str:
        return columns.get(name, name)

    if not cells.get("name"):
        raise RowProblem(N_("Row {row}: the name is empty"))
    check_lengths(cells, columns)
    ages = cells.get("ages", "")
    low, high = read_ages(ages) if ages else (
        read_age(cells.get("age_from", ""), column("age_from")),
        read_age(cells.get("age_to", ""), column("age_to")))
    check_ages(low, high, ages)
    languages = read_list(cells.get("languages", ""))
    if any(len(language) > MAX_SHORT for language in languages):
        raise RowProblem(N_("Row {row}: a language in {column} is longer than {count} "
                            "characters"), column=column("languages"), count=MAX_SHORT)
    values = ServiceFields(
        name=cells["name"], domains=read_domains(cells.get("domains", ""), column("domains")),
        address=cells.get("address", ""), phone=cells.get("phone", ""),
        hours=cells.get("hours", ""), languages=languages, cost=cells.get("cost", ""),
        age_from=low, age_to=high,
        youth_friendly=read_flag(cells.get("youth_friendly", ""), column("youth_friendly")),
        lgbtq_friendly=read_flag(cells.get("lgbtq_friendly", ""), column("lgbtq_friendly")),
        help_line=read_flag(cells.get("help_line", ""), column("help_line")),
        notes=cells.get("notes", ""))
    try:
        return checked(values)
    except InvalidInput as error:  # what the checks above did not foresee
        raise RowProblem(N_("Row {row}: {problem}"), problem=error) from error
