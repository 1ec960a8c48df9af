"""The return debrief's content, as data (`resources/plan/debrief.toml`): the three parts of
the talk, Waymark's own trafficking-indicators screen, and the protocol text shown when an
answer points to a concern. Read like the plan's content (`planning.content`): built-in texts
are translated through the catalogs, a mistake names the file and line.

An agency replaces the protocol text with its own in its plan content file:

    [debrief]
    protocol = { en = "Call the duty supervisor at 555-0100 ...", es = "..." }

The screen never scores or labels the young person: `concerns` only says which answers point to
a concern, so the caseworker sees what the protocol says to do next.

Format (version 1):

    format = 1
    [[part]]     id, title (staff-facing), text (what to ask, in plain words)
    [[screen]]   id, text, concern (the answers that point to a concern: yes, unsure)
    [protocol]   text
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planning.content import FORMAT, Reader, Text

BUILT_IN = Path(__file__).resolve().parent.parent / "resources" / "plan" / "debrief.toml"
YES, NO, UNSURE, DECLINED = "yes", "no", "unsure", "declined"  # answers to the screen
ANSWERS = (YES, NO, UNSURE, DECLINED)


@dataclass(frozen=True)
class Part:
    id: str
    title: Text
    text: Text


@dataclass(frozen=True)
class ScreenQuestion:
    id: str
    text: Text
    concern: frozenset[str]


@dataclass(frozen=True)
class DebriefContent:
    parts: tuple[Part, ...]
    screen: tuple[ScreenQuestion, ...]
    protocol: Text

    def concerns(self, answers: Mapping[str, str]) -> list[ScreenQuestion]:
        """The questions whose answer points to a concern."""
        return [q for q in self.screen if answers.get(q.id) in q.concern]


def _screen_question(reader: Reader, table: dict[str, Any]) -> ScreenQuestion:
    qid, line = reader.ident(table, "id", 0)
    concern = table.get("concern", [YES])
    if not isinstance(concern, list) or not concern or any(a not in ANSWERS for a in concern):
        raise reader.error(line, f"'concern' must list answers from {', '.join(ANSWERS)}")
    return ScreenQuestion(qid, reader.text(table, "text", line), frozenset(concern))


def load_debrief(path: Path = BUILT_IN) -> DebriefContent:
    reader = Reader(path, own=False)
    if reader.data.get("format") != FORMAT:
        raise reader.error(1, f"'format' must be {FORMAT}")
    parts = []
    for table in reader.tables(reader.data, "part", 1):
        pid, line = reader.ident(table, "id", 0)
        parts.append(Part(pid, reader.text(table, "title", line), reader.text(table, "text", line)))
    screen = tuple(_screen_question(reader, t) for t in reader.tables(reader.data, "screen", 1))
    ids = [q.id for q in screen] + [p.id for p in parts]
    if len(ids) != len(set(ids)) or not screen:
        raise reader.error(1, "every part and screen question needs its own id")
    protocol = reader.data.get("protocol")
    if not isinstance(protocol, dict):
        raise reader.error(1, "[protocol] with a text is missing")
    return DebriefContent(tuple(parts), screen, reader.text(protocol, "text", 1))


def with_agency_protocol(content: DebriefContent, path: Path) -> DebriefContent:
    """`content` with the protocol text of an agency's plan content file, when it gives one."""
    reader = Reader(path, own=True)
    table = reader.data.get("debrief")
    if table is None:
        return content
    if not isinstance(table, dict):
        raise reader.error(1, "[debrief] must be a table")
    line = reader.line_of("protocol", "") or 1
    return DebriefContent(content.parts, content.screen, reader.text(table, "protocol", line))
