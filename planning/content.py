"""The safety plan's content, as data: sections, questions, examples, checklists, the lists of
people, places and steps each section collects, and the help lines.

Built-in content is `resources/plan/sections.toml`, written in English and translated through
the message catalogs (its texts are extracted with the code's, context "plan"). An agency adds
its own checklist items and questions in a file of the same shape whose texts are tables of
languages (`text = { en = "…", es = "…" }`); see the README, "An agency's own plan content".

A file with a mistake is refused whole with a message naming the file and the line: a plan is
never shown half loaded.

The format (version 1):

    format = 1
    [[section]]            id, title, explain; helplines = true for the help lines section
    [[section.question]]   id, text, example (optional): answered in the youth's words
    [[section.list]]       kind (see planning.items), label, example (optional)
    [[section.check]]      id, text: a checklist item, ticked or not
    [[helpline]]           id, name, number, sms (optional), tty (optional), when
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from casefile.errors import WaymarkError
from i18n import N_
from i18n.content_text import ContentText
from planning.items import KINDS

BUILT_IN = Path(__file__).resolve().parent.parent / "resources" / "plan" / "sections.toml"
FORMAT = 1
CONTEXT = "plan"  # the message context of every built-in content text
_ID = re.compile(r"^[a-z][a-z0-9-]{0,39}$")


class ContentError(WaymarkError):
    message = N_("The plan content in {file} cannot be used (line {line}): {problem}")


class Text(ContentText):
    """A text of this content (see `i18n.content_text`)."""

    context = CONTEXT


@dataclass(frozen=True)
class Question:
    id: str
    text: Text
    example: Text


@dataclass(frozen=True)
class ListOf:
    kind: str  # a key of planning.items.KINDS
    label: Text
    example: Text


@dataclass(frozen=True)
class Check:
    id: str
    text: Text


@dataclass(frozen=True)
class Section:
    id: str
    title: Text
    explain: Text
    questions: tuple[Question, ...] = ()
    lists: tuple[ListOf, ...] = ()
    checks: tuple[Check, ...] = ()
    helplines: bool = False


@dataclass(frozen=True)
class HelpLine:
    id: str
    name: Text
    number: str  # as written; never reformatted
    when: Text
    sms: str = ""
    tty: str = ""


def local_line_key(name: str) -> str:
    """The content key under which an agency's local help line (named in the policy) is chosen
    for a plan."""
    return f"local:{name}"[:64]


@dataclass(frozen=True)
class Content:
    sections: tuple[Section, ...]
    helplines: tuple[HelpLine, ...]
    sources: tuple[Path, ...] = field(default=())

    def texts(self) -> list[Text]:
        """Every text of the content (to find what an agency's file leaves untranslated)."""
        found: list[Text] = []
        for s in self.sections:
            found += [s.title, s.explain]
            found += [t for q in s.questions for t in (q.text, q.example)]
            found += [t for listed in s.lists for t in (listed.label, listed.example)]
            found += [c.text for c in s.checks]
        found += [t for line in self.helplines for t in (line.name, line.when)]
        return found

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)


class Reader:
    """Reads one content file, remembering where each `id` is so a mistake names its line."""

    def __init__(self, path: Path, own: bool) -> None:
        self.path = path
        self.own = own
        try:
            self.raw = path.read_bytes().decode("utf-8")
        except OSError as error:
            raise self.error(0, error.strerror or type(error).__name__) from error
        except UnicodeDecodeError as error:
            line = self.raw_line_of(path.read_bytes(), error.start)
            raise self.error(line, "the file is not UTF-8 text") from error
        try:
            self.data = tomllib.loads(self.raw)
        except tomllib.TOMLDecodeError as error:
            found = re.search(r"line (\d+)", str(error))
            raise self.error(int(found.group(1)) if found else 0, str(error)) from error

    @staticmethod
    def raw_line_of(data: bytes, offset: int) -> int:
        return data[:offset].count(b"\n") + 1

    def error(self, line: int, problem: str) -> ContentError:
        return ContentError(file=str(self.path), line=line, problem=problem)

    def line_of(self, key: str, value: str) -> int:
        """The line where `key = "value"` is written (0 when it cannot be found)."""
        pattern = re.compile(rf'^\s*{re.escape(key)}\s*=\s*"{re.escape(value)}"', re.MULTILINE)
        found = pattern.search(self.raw)
        return self.raw[:found.start()].count("\n") + 1 if found else 0

    def text(self, table: dict[str, Any], key: str, where: int, required: bool = True) -> Text:
        value = table.get(key, "" if not required else None)
        if isinstance(value, str) and (value or not required):
            if self.own and value:
                return Text(value, {"en": value})
            return Text(value)
        if self.own and isinstance(value, dict) and value:
            texts = {code: text for code, text in value.items()
                     if isinstance(code, str) and isinstance(text, str) and text}
            if "en" not in texts or len(texts) != len(value):
                raise self.error(where, f"'{key}' needs a text for en, and texts only")
            return Text(texts["en"], texts)
        raise self.error(where, f"'{key}' is missing or is not a text")

    def ident(self, table: dict[str, Any], key: str, parent_line: int) -> tuple[str, int]:
        value = table.get(key)
        if not isinstance(value, str) or not _ID.match(value):
            line = (self.line_of(key, value) if isinstance(value, str) else 0) or parent_line
            raise self.error(line, f"'{key}' must be a short name such as \"my-item\"")
        return value, self.line_of(key, value) or parent_line

    def tables(self, table: dict[str, Any], key: str, line: int) -> list[dict[str, Any]]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.error(line, f"'{key}' must be written as [[{key}]] tables")
        return value


def _section(reader: Reader, table: dict[str, Any]) -> Section:
    section_id, line = reader.ident(table, "id", 0)
    questions, lists, checks = [], [], []
    for question in reader.tables(table, "question", line):
        qid, qline = reader.ident(question, "id", line)
        questions.append(Question(qid, reader.text(question, "text", qline),
                                  reader.text(question, "example", qline, required=False)))
    for listed in reader.tables(table, "list", line):
        kind = listed.get("kind")
        if kind not in KINDS or not KINDS[kind].listed:
            raise reader.error(line, f"unknown list kind {kind!r}")
        lists.append(ListOf(kind, reader.text(listed, "label", line),
                            reader.text(listed, "example", line, required=False)))
    for check in reader.tables(table, "check", line):
        cid, cline = reader.ident(check, "id", line)
        checks.append(Check(cid, reader.text(check, "text", cline)))
    for kind, found in (("question", questions), ("check", checks)):
        ids = [item.id for item in found]
        if len(ids) != len(set(ids)):
            raise reader.error(line, f"two {kind}s of section {section_id!r} have the same id")
    return Section(section_id, reader.text(table, "title", line),
                   reader.text(table, "explain", line), tuple(questions), tuple(lists),
                   tuple(checks), bool(table.get("helplines")))


def _helpline(reader: Reader, table: dict[str, Any]) -> HelpLine:
    line_id, line = reader.ident(table, "id", 0)
    number = table.get("number")
    if not isinstance(number, str) or not number.strip():
        raise reader.error(line, "'number' is missing")
    extra = {key: str(table.get(key, "")) for key in ("sms", "tty")}
    return HelpLine(line_id, reader.text(table, "name", line), number,
                    reader.text(table, "when", line), **extra)


def load_built_in(path: Path = BUILT_IN) -> Content:
    reader = Reader(path, own=False)
    if reader.data.get("format") != FORMAT:
        raise reader.error(1, f"'format' must be {FORMAT}")
    sections = tuple(_section(reader, t) for t in reader.tables(reader.data, "section", 1))
    helplines = tuple(_helpline(reader, t) for t in reader.tables(reader.data, "helpline", 1))
    ids = [s.id for s in sections]
    if len(ids) != len(set(ids)) or not sections:
        raise reader.error(1, "every section needs its own id")
    return Content(sections, helplines, (path,))


def with_agency_content(content: Content, path: Path) -> Content:
    """`content` with an agency's own questions and checklist items added to its sections. The
    agency's file names sections by their id and adds to them; it cannot remove built-in items."""
    reader = Reader(path, own=True)
    if reader.data.get("format") != FORMAT:
        raise reader.error(1, f"'format' must be {FORMAT}")
    added: dict[str, Section] = {}
    for table in reader.tables(reader.data, "section", 1):
        own = _section_additions(reader, table, content)
        added[own.id] = own
    sections = tuple(
        _merged(section, added[section.id]) if section.id in added else section
        for section in content.sections)
    helplines = content.helplines + tuple(
        _helpline(reader, t) for t in reader.tables(reader.data, "helpline", 1))
    return Content(sections, helplines, (*content.sources, path))


def _section_additions(reader: Reader, table: dict[str, Any], content: Content) -> Section:
    section_id, line = reader.ident(table, "id", 0)
    try:
        base = content.section(section_id)
    except KeyError:
        raise reader.error(line, f"there is no section {section_id!r}") from None
    table = {"title": "-", "explain": "-", **table}  # an agency adds to a section, not names it
    own = _section(reader, table)
    clash = {q.id for q in base.questions} & {q.id for q in own.questions} or \
        {c.id for c in base.checks} & {c.id for c in own.checks}
    if clash:
        raise reader.error(line, f"{sorted(clash)[0]!r} is already an item of {section_id!r}")
    return own


def _merged(section: Section, own: Section) -> Section:
    return Section(section.id, section.title, section.explain,
                   section.questions + own.questions, section.lists + own.lists,
                   section.checks + own.checks, section.helplines)

