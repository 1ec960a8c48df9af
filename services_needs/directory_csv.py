"""The resource directory to and from CSV files, as spreadsheets write and read them.

Import: the text's encoding is found, never guessed silently (UTF-8 with or without its byte-order
mark, UTF-16 with its mark, else Windows-1252, or Latin-1 when the bytes cannot be Windows-1252;
the report names the one read); the delimiter is a comma, a semicolon or a tab (whichever makes
the first row name the most known columns). Column names are matched without regard to case,
spaces or punctuation, in English and as the export writes them; a file without a "Name" column
is refused whole; other columns nobody knows are ignored and named in the report. Every row is
read or reported with its number as the spreadsheet shows it (the column names are row 1) and
why; a service already in the directory or earlier in the file (the same name, and the same
phone digits or the same address) is reported as a duplicate and not added again. The rows read
are added in one transaction: all of them or, on any failure, none.

Export: every service still in the directory, UTF-8 with a byte-order mark (so Excel reads it as
UTF-8), with the column names the import reads back, written whole or not at all.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from casefile.cases.search import search_key
from casefile.db.models.base import utcnow
from casefile.errors import WaymarkError
from casefile.files.fsutil import atomic_write_bytes, os_error
from casefile.store import Store
from casefile.trail import audit
from i18n import N_
from services_needs.directory import (
    SERVICE,
    ServiceFields,
    list_services,
    require_change,
    row_values,
)
from services_needs.directory_rows import (
    FORMULA_START,
    Problem,
    RowProblem,
    cell_text,
    fold,
    read_row,
)
from services_needs.directory_text import decode
from services_needs.models import Service

# The columns, each with the names a file may give it (the first is the export's).
COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("Name", "service", "service name", "organization", "organisation", "agency",
             "program", "provider"),
    "domains": ("Helps with", "what they help with", "domains", "domain", "needs",
                "categories", "category"),
    "address": ("Address", "location", "street address"),
    "phone": ("Phone", "telephone", "phone number", "tel", "contact number"),
    "hours": ("Hours", "opening hours", "hours open"),
    "languages": ("Languages", "language", "languages spoken", "spoken languages"),
    "cost": ("Cost", "fee", "fees", "price"),
    "ages": ("Ages", "age range", "age", "ages served"),
    "age_from": ("Youngest age", "age from", "min age", "minimum age", "from age"),
    "age_to": ("Oldest age", "age to", "max age", "maximum age", "to age"),
    "youth_friendly": ("Youth-friendly", "youth friendly"),
    "lgbtq_friendly": ("LGBTQ+-friendly", "lgbtq friendly", "lgbtq", "lgbtqia+ friendly",
                       "lgbt friendly"),
    "help_line": ("Help line", "helpline", "hotline", "crisis line"),
    "notes": ("Notes", "note", "comments", "description", "details"),
}
EXPORTED = tuple(f for f in COLUMNS if f not in ("age_from", "age_to"))
DELIMITERS = (",", ";", "\t")


def _folded_header(text: str) -> str:
    return re.sub(r"[^0-9a-z+]", "", search_key(text))


_BY_HEADER = {_folded_header(name): f for f, names in COLUMNS.items() for name in names}


class NoNameColumn(WaymarkError):
    message = N_("The file has no \"Name\" column, so nothing was imported. Its first row must "
                 "name the columns; it names: {columns}.")


class BrokenCsv(WaymarkError):
    message = N_("Row {row} of the file cannot be read ({reason}), so nothing was imported. "
                 "Correct it in the spreadsheet and import the file again.")

    def user_message(self) -> str:
        from i18n import _

        return _(self.message).format(row=self.params["row"], reason=_(str(self.params["reason"])))


class FileTooLarge(WaymarkError):
    message = N_("The file is larger than {megabytes} MB, so it was not read. Split it into "
                 "smaller files and import each.")


_CSV_REASONS = {"unexpected end of data": N_("a quotation mark is opened and never closed"),
                "expected after": N_("a cell has more text after its closing quotation mark")}


@dataclass(frozen=True)
class Duplicate:
    row: int
    name: str
    earlier_row: int | None  # the row of the file it repeats; None: already in the directory


@dataclass(frozen=True)
class ImportReport:
    encoding: str  # a `directory_text` encoding code; the report says its name
    delimiter: str
    rows: int  # rows below the column names, empty ones included
    added: int
    problems: tuple[Problem, ...] = ()
    duplicates: tuple[Duplicate, ...] = ()
    ignored_columns: tuple[str, ...] = ()
    empty_rows: int = 0
    added_ids: tuple[int, ...] = field(default=(), repr=False)


@dataclass
class _Header:
    fields: dict[int, str]  # cell position → field
    written: dict[str, str]  # field → the column's name as the file writes it
    ignored: tuple[str, ...]
    width: int


def _header(cells: list[str]) -> _Header:
    fields: dict[int, str] = {}
    written: dict[str, str] = {}
    ignored: list[str] = []
    for position, raw in enumerate(cells):
        name = raw.replace("\ufeff", "").strip()
        found = _BY_HEADER.get(_folded_header(name))
        if found is None or found in written:
            if name:
                ignored.append(name)
            continue
        fields[position], written[found] = found, name
    return _Header(fields, written, tuple(ignored), len(cells))


def _first_row(text: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader(io.StringIO(text[:65_536], newline=""), delimiter=delimiter), [])
    except csv.Error:
        return []


def sniff(text: str) -> str:
    """The delimiter that makes the first row name the most known columns."""
    def score(delimiter: str) -> tuple[int, int, int]:
        row = _first_row(text, delimiter)
        known = len(_header(row).fields)
        return known, len(row), -DELIMITERS.index(delimiter)

    return max(DELIMITERS, key=score)


def _records(text: str, delimiter: str) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records: list[list[str]] = []
    try:
        for record in reader:
            records.append(record)
    except csv.Error as error:
        reason = next((r for key, r in _CSV_REASONS.items() if key in str(error)),
                      N_("its quotation marks do not pair up"))
        raise BrokenCsv(row=len(records) + 1, reason=reason) from error
    return records


def _duplicate_keys(values: ServiceFields) -> set[tuple[str, ...]]:
    name = fold(values.name)
    digits = re.sub(r"\D", "", values.phone)
    address = fold(values.address)
    keys: set[tuple[str, ...]] = {("phone", name, digits)} if digits else set()
    if address:
        keys.add(("address", name, address))
    return keys or {("name", name)}


def _known(session: Session) -> set[tuple[str, ...]]:
    rows = session.execute(select(Service.name, Service.phone, Service.address)
                           .where(Service.removed_at.is_(None)))
    keys: set[tuple[str, ...]] = set()
    for name, phone, address in rows:
        keys |= _duplicate_keys(ServiceFields(name=name, phone=phone or "",
                                              address=address or ""))
    return keys


@dataclass
class _Reading:
    header: _Header
    services: list[tuple[int, ServiceFields]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    empty: int = 0


def _too_wide(record: list[str], header: _Header) -> Problem | None:
    extra = [cell for cell in record[header.width:] if cell.strip()]
    if not extra:
        return None
    return Problem(0, N_("Row {row}: it has {count} cells but the first row names {columns} "
                         "columns (a comma inside a cell may be missing its quotation marks)"),
                   {"count": len(record), "columns": header.width})


def _read(records: list[list[str]], header: _Header, known: set[tuple[str, ...]]) -> _Reading:
    reading = _Reading(header)
    seen: dict[tuple[str, ...], int] = {}
    for number, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            reading.empty += 1
            continue
        wide = _too_wide(record, header)
        if wide is not None:
            reading.problems.append(Problem(number, wide.message, wide.params))
            continue
        cells = {f: cell_text(record[p]) for p, f in header.fields.items() if p < len(record)}
        try:
            values = read_row(cells, header.written)
        except RowProblem as problem:
            reading.problems.append(Problem(number, problem.message, problem.params))
            continue
        keys = _duplicate_keys(values)
        if keys & known:
            reading.duplicates.append(Duplicate(number, values.name, None))
            continue
        earlier = next((seen[k] for k in keys if k in seen), None)
        if earlier is not None:
            reading.duplicates.append(Duplicate(number, values.name, earlier))
            continue
        seen.update(dict.fromkeys(keys, number))
        reading.services.append((number, values))
    return reading


def import_services(store: Store, data: bytes) -> ImportReport:
    """Add the services of a CSV file's bytes, in one transaction, and say what happened."""
    require_change(store.user)
    text, encoding = decode(data)
    delimiter = sniff(text)
    records = _records(text, delimiter)
    header = _header(records[0] if records else [])
    if "name" not in header.written:
        named = ", ".join(f"\"{c.strip()}\"" for c in (records[0] if records else []) if c.strip())
        raise NoNameColumn(columns=named or "—")
    with store.unit() as session:
        reading = _read(records, header, _known(session))
        ids = _insert(session, [values for _n, values in reading.services])
        store.record(session, audit.CREATE, record_type=SERVICE, detail=(
            f"csv import: {len(ids)} added"
            + (f" (ids {ids[0]}-{ids[-1]})" if ids else "")
            + f", {len(reading.duplicates)} duplicates, {len(reading.problems)} not read"))
    return ImportReport(encoding, delimiter, len(records) - 1 if records else 0, len(ids),
                        tuple(reading.problems), tuple(reading.duplicates), header.ignored,
                        reading.empty, tuple(ids))


def _insert(session: Session, services: list[ServiceFields]) -> list[int]:
    """Add `services` in one statement run for every row (thousands a second); their ids. The
    unit of work writes nothing else meanwhile, so the new ids follow the highest one before."""
    if not services:
        return []
    before = session.scalar(select(func.max(Service.id))) or 0
    now = utcnow()
    rows = [{**row_values(values), "row_version": 1, "created_at": now, "updated_at": now}
            for values in services]
    session.execute(insert(cast(Table, Service.__table__)), rows)  # Core: no ORM per row
    ids = list(session.scalars(select(Service.id).where(Service.id > before)
                               .order_by(Service.id)))
    assert len(ids) == len(services)
    return ids


def safe_cell(text: str) -> str:
    """A cell a spreadsheet will show as text, not run as a formula ("=…", "+1 555…"): a quote
    before it, which the import takes off again."""
    return f"'{text}" if text.startswith(FORMULA_START) else text


def _ages(low: int | None, high: int | None) -> str:
    if low is None and high is None:
        return ""
    if high is None:
        return f"{low}+"
    if low is None:
        return f"up to {high}"
    return f"{low}-{high}"


def _flag(value: bool) -> str:
    return "yes" if value else "no"


def export_text(services: list[ServiceFields]) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([COLUMNS[f][0] for f in EXPORTED])
    for s in services:
        cells = {"name": s.name, "domains": "; ".join(s.domains), "address": s.address,
                 "phone": s.phone, "hours": s.hours, "languages": "; ".join(s.languages),
                 "cost": s.cost, "ages": _ages(s.age_from, s.age_to),
                 "youth_friendly": _flag(s.youth_friendly),
                 "lgbtq_friendly": _flag(s.lgbtq_friendly), "help_line": _flag(s.help_line),
                 "notes": s.notes}
        writer.writerow([safe_cell(cells[f]) for f in EXPORTED])
    return out.getvalue()


def export_services(store: Store, path: Path) -> int:
    """Write every service still in the directory to `path`, whole or not at all."""
    require_change(store.user)
    services = list_services(store)
    data = export_text(list(services)).encode("utf-8-sig")
    try:
        atomic_write_bytes(path, data)
    except OSError as error:
        raise os_error(error, path) from error
    with store.unit() as session:
        store.record(session, audit.EXPORT, record_type=SERVICE,
                     detail=f"csv export: {len(services)} services")
    return len(services)
