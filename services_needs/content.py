"""The needs assessment's content, as data: the twelve domains (title, explanation, questions to
talk through together, what each of the five levels looks like in that domain) and the identity
documents the tracker follows, with "where to get it" guidance.

Built in: `resources/needs/domains.toml` and `documents.toml`, written in English and translated
through the message catalogs (context "needs"). An agency replaces a document's guidance with its
own local steps in `needs-content.toml` beside its policy file:

    format = 1
    [[document]]
    id = "birth-certificate"
    guide = { en = "…", es = "…" }

A file with a mistake is refused whole, with a message naming the file and the line.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from casefile.errors import WaymarkError
from i18n import N_
from i18n.content_text import ContentText

RESOURCES = Path(__file__).resolve().parent.parent / "resources" / "needs"
DOMAINS_FILE = RESOURCES / "domains.toml"
DOCUMENTS_FILE = RESOURCES / "documents.toml"
FORMAT = 1
CONTEXT = "needs"  # the message context of every built-in content text
LEVEL_COUNT = 5

# The general name of each level, 1 to 5; each domain says what the level looks like there.
LEVEL_NAMES = (N_("Needs help now"), N_("Struggling"), N_("Getting by"), N_("Doing well"),
               N_("Strong"))


class NeedsContentError(WaymarkError):
    message = N_("The needs content in {file} cannot be used (line {line}): {problem}")


class Text(ContentText):
    """A text of this content (see `i18n.content_text`)."""

    context = CONTEXT


@dataclass(frozen=True)
class Domain:
    id: str
    title: Text
    explain: Text
    questions: tuple[Text, ...]
    levels: tuple[Text, ...]  # what levels 1..5 look like in this domain

    def level(self, level: int) -> Text:
        return self.levels[level - 1]


@dataclass(frozen=True)
class Document:
    id: str
    title: Text
    guide: Text
    leaving_care: bool  # a youth leaving care at 18 or older must have it (P.L. 113-183)


def level_name(level: int) -> str:
    """The general name of a level, as a message marked with N_ (translate it to show it)."""
    return LEVEL_NAMES[level - 1]


class _Reader:
    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            data = path.read_bytes()
        except OSError as error:
            raise self.error(0, error.strerror or type(error).__name__) from error
        try:
            self.raw = data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise self.error(data[:error.start].count(b"\n") + 1,
                             "the file is not UTF-8 text") from error
        try:
            self.data = tomllib.loads(self.raw)
        except tomllib.TOMLDecodeError as error:
            found = re.search(r"line (\d+)", str(error))
            raise self.error(int(found.group(1)) if found else 0, str(error)) from error
        if self.data.get("format") != FORMAT:
            raise self.error(1, f"'format' must be {FORMAT}")

    def error(self, line: int, problem: str) -> NeedsContentError:
        return NeedsContentError(file=str(self.path), line=line, problem=problem)

    def line_of(self, value: str) -> int:
        found = re.search(rf'^\s*id\s*=\s*"{re.escape(value)}"', self.raw, re.MULTILINE)
        return self.raw[:found.start()].count("\n") + 1 if found else 0

    def tables(self, table: dict[str, Any], key: str, line: int) -> list[dict[str, Any]]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.error(line, f"'{key}' must be written as [[{key}]] tables")
        return value

    def ident(self, table: dict[str, Any]) -> tuple[str, int]:
        value = table.get("id")
        if not isinstance(value, str) or not re.fullmatch(r"[a-z][a-z0-9-]{0,39}", value):
            raise self.error(0, "'id' must be a short name such as \"my-item\"")
        return value, self.line_of(value)

    def text(self, table: dict[str, Any], key: str, line: int) -> Text:
        value = table.get(key)
        if isinstance(value, str) and value.strip():
            return Text(value)
        raise self.error(line, f"'{key}' is missing or is not a text")

    def own_text(self, table: dict[str, Any], key: str, line: int) -> Text:
        value = table.get(key)
        if isinstance(value, str) and value.strip():
            return Text(value, {"en": value})
        if isinstance(value, dict):
            texts = {c: t for c, t in value.items() if isinstance(t, str) and t.strip()}
            if "en" in texts and len(texts) == len(value):
                return Text(texts["en"], texts)
        raise self.error(line, f"'{key}' needs a text for en, and texts only")


def _domain(reader: _Reader, table: dict[str, Any]) -> Domain:
    domain_id, line = reader.ident(table)
    questions = tuple(reader.text(q, "text", line)
                      for q in reader.tables(table, "question", line))
    levels = tuple(reader.text(t, "text", line) for t in reader.tables(table, "level", line))
    if len(levels) != LEVEL_COUNT:
        raise reader.error(line, f"domain {domain_id!r} needs exactly {LEVEL_COUNT} levels")
    return Domain(domain_id, reader.text(table, "title", line),
                  reader.text(table, "explain", line), questions, levels)


def _document(reader: _Reader, table: dict[str, Any]) -> Document:
    document_id, line = reader.ident(table)
    return Document(document_id, reader.text(table, "title", line),
                    reader.text(table, "guide", line), bool(table.get("leaving_care")))


def _unique(reader: _Reader, ids: list[str], what: str) -> None:
    if not ids or len(ids) != len(set(ids)):
        raise reader.error(1, f"every {what} needs its own id")


def load_domains(path: Path = DOMAINS_FILE) -> tuple[Domain, ...]:
    reader = _Reader(path)
    domains = tuple(_domain(reader, t) for t in reader.tables(reader.data, "domain", 1))
    _unique(reader, [d.id for d in domains], "domain")
    return domains


def load_documents(path: Path = DOCUMENTS_FILE) -> tuple[Document, ...]:
    reader = _Reader(path)
    documents = tuple(_document(reader, t) for t in reader.tables(reader.data, "document", 1))
    _unique(reader, [d.id for d in documents], "document")
    return documents


def with_agency_guides(documents: tuple[Document, ...], path: Path) -> tuple[Document, ...]:
    """`documents` with the agency's own "where to get it" guidance where its file gives one."""
    reader = _Reader(path)
    known = {d.id for d in documents}
    guides: dict[str, Text] = {}
    for table in reader.tables(reader.data, "document", 1):
        document_id, line = reader.ident(table)
        if document_id not in known:
            raise reader.error(line, f"there is no document {document_id!r}")
        guides[document_id] = reader.own_text(table, "guide", line)
    return tuple(replace(d, guide=guides[d.id]) if d.id in guides else d for d in documents)


@cache
def domains() -> tuple[Domain, ...]:
    """The built-in domains, read once."""
    return load_domains()


def domain(domain_id: str) -> Domain:
    for found in domains():
        if found.id == domain_id:
            return found
    raise KeyError(domain_id)


def domain_ids() -> tuple[str, ...]:
    return tuple(d.id for d in domains())


@cache
def built_in_documents() -> tuple[Document, ...]:
    """The built-in documents, read once (an agency's guides are added by the caller)."""
    return load_documents()
