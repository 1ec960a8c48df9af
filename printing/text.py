"""Text on paper in any script: NFC-normalised, split into runs by font (printing.fonts),
wrapped line by line, and, for right-to-left text, reshaped (Arabic letters joined) before
wrapping and put in visual order one line at a time (`bidi.get_display` on a whole paragraph
would reverse the order of its lines). Numbers, phone numbers and e-mail addresses keep their
left-to-right order inside right-to-left text (the bidi algorithm's rules for digits, with an
isolate around each such token).

`TextBlock` is a ReportLab flowable: it wraps to the frame's width and splits across pages, so a
10,000-character answer continues on the next page instead of being cut off.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import arabic_reshaper
from bidi import get_display
from reportlab.lib.colors import Color, black
from reportlab.platypus import Flowable

from printing.fonts import face_for, width

_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Tokens that must read left to right whatever surrounds them: e-mail, web, phone numbers.
_LTR_TOKEN = re.compile(r"[\w.+-]+@[\w.-]+\w|https?://\S+|\+?\d[\d\s().\-/]{4,}\d")
_CLOSING = set("，。、；：？！）」』》〉】,.;:?!)]}»”’")  # never start a line with these


@dataclass(frozen=True)
class Run:
    font: str
    text: str
    width: float


@dataclass(frozen=True)
class Line:
    runs: tuple[Run, ...]
    width: float
    rtl: bool


def normal(text: str) -> str:
    """The text as printed: NFC (a Vietnamese letter typed with a combining mark prints as the
    one letter the font has), line breaks kept."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n"))


def is_rtl(text: str, default: bool = False) -> bool:
    """The paragraph's direction: its first strong character's (Unicode's rule P2)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return default


def runs(text: str, size: float, bold: bool = False) -> list[Run]:
    """`text` (in the order it is drawn) as runs of one font each."""
    found: list[Run] = []
    font, chars = "", list[str]()
    for char in text:
        chosen = face_for(char, bold)
        if chosen is None:
            continue
        name, printed = chosen
        if name != font and chars:
            joined = "".join(chars)
            found.append(Run(font, joined, width(joined, font, size)))
            chars = []
        font = name
        chars.append(printed)
    if chars:
        joined = "".join(chars)
        found.append(Run(font, joined, width(joined, font, size)))
    return found


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def _tokens(paragraph: str) -> list[str]:
    """Words and spaces; each Chinese or Japanese character is a word of its own (a line may
    break between them), and closing punctuation stays on the word before it."""
    tokens: list[str] = []
    for piece in re.split(r"(\s+)", paragraph):
        if not piece:
            continue
        if piece.isspace():
            tokens.append(" ")
            continue
        word = ""
        for char in piece:
            if char in _CLOSING and (word or (tokens and tokens[-1] != " ")):
                if word:
                    word += char
                else:
                    tokens[-1] += char
            elif _wide(char):
                if word:
                    tokens.append(word)
                    word = ""
                tokens.append(char)
            else:
                word += char
        if word:
            tokens.append(word)
    return tokens


def _measure(text: str, size: float, bold: bool) -> float:
    return sum(run.width for run in runs(text, size, bold))


def _isolate_ltr_tokens(text: str) -> str:
    return _LTR_TOKEN.sub(lambda m: f"\u2066{m.group(0)}\u2069", text)


def wrap(text: str, size: float, max_width: float, bold: bool = False,
         rtl: bool | None = None) -> list[Line]:
    """`text` laid out in lines no wider than `max_width` (a word longer than a line is cut
    between letters), each line's runs in visual order."""
    text = normal(text)
    direction = is_rtl(text) if rtl is None else rtl
    lines: list[Line] = []
    for paragraph in text.split("\n"):
        shaped = arabic_reshaper.reshape(paragraph) if _has_arabic(paragraph) else paragraph
        for logical in _fill(_tokens(shaped), size, max_width, bold):
            lines.append(_visual(logical, size, bold, direction))
    return lines


def _has_arabic(text: str) -> bool:
    return any("\u0600" <= char <= "\u08ff" for char in text)


def _fill(tokens: list[str], size: float, max_width: float, bold: bool) -> list[str]:
    lines: list[str] = []
    current, used = "", 0.0
    for token in tokens:
        token_width = _measure(token, size, bold)
        if current and used + token_width > max_width:
            lines.append(current.rstrip())
            current, used = "", 0.0
            if token == " ":
                continue
        while token_width > max_width and len(token) > 1:  # a very long word: cut it
            cut = _fit(token, size, max_width - used, bold)
            lines.append((current + token[:cut]).rstrip())
            current, used = "", 0.0
            token = token[cut:]
            token_width = _measure(token, size, bold)
        current += token
        used += token_width
    lines.append(current.rstrip())
    return lines


def _fit(token: str, size: float, room: float, bold: bool) -> int:
    cut = 1
    while cut < len(token) and _measure(token[:cut + 1], size, bold) <= room:
        cut += 1
    return cut


def _visual(logical: str, size: float, bold: bool, rtl: bool) -> Line:
    shown = logical
    if rtl or _has_arabic(logical):
        ordered = get_display(_isolate_ltr_tokens(logical), base_dir="R" if rtl else "L")
        shown = _CONTROLS.sub("", ordered)
    found = runs(shown, size, bold)
    return Line(tuple(found), sum(r.width for r in found), rtl)


def draw_line(canvas: Any, line: Line, x: float, y: float, box_width: float, size: float,
              color: Color = black) -> None:
    """Draw `line` with its baseline at `y`, in a box starting at `x`: right-aligned when the
    paragraph runs right to left."""
    start = x + box_width - line.width if line.rtl else x
    canvas.setFillColor(color)
    for run in line.runs:
        canvas.setFont(run.font, size)
        canvas.drawString(start, y, run.text)
        start += run.width


@dataclass
class TextStyle:
    size: float = 11.0
    bold: bool = False
    leading: float = 0.0  # 0: 1.35 times the size
    color: Color = black
    space_before: float = 0.0
    space_after: float = 4.0
    indent: float = 0.0
    rtl: bool | None = None  # None: the text's own first strong character decides

    @property
    def line_height(self) -> float:
        return self.leading or self.size * 1.35


@dataclass
class _Laid:
    lines: list[Line] = field(default_factory=list)
    width: float = 0.0


class TextBlock(Flowable):  # type: ignore[misc]  # ReportLab has no type hints
    """A paragraph of any script, wrapped to the frame and split across pages."""

    def __init__(self, text: str, style: TextStyle, lines: list[Line] | None = None) -> None:
        super().__init__()
        self.text, self.style = text, style
        self._laid = _Laid(lines or [], 0.0) if lines is not None else _Laid()
        self._given = lines is not None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        room = avail_width - self.style.indent
        if not self._given and self._laid.width != room:
            self._laid = _Laid(wrap(self.text, self.style.size, room, self.style.bold,
                                    self.style.rtl), room)
        self._laid.width = room
        self.width = avail_width
        self.height = len(self._laid.lines) * self.style.line_height
        return avail_width, self.height

    def getSpaceBefore(self) -> float:
        return self.style.space_before

    def getSpaceAfter(self) -> float:
        return self.style.space_after

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        fits = int(avail_height // self.style.line_height)
        if fits <= 0 or fits >= len(self._laid.lines):
            return [] if fits <= 0 else [self]
        head = TextBlock(self.text, self.style, self._laid.lines[:fits])
        tail_style = TextStyle(**{**self.style.__dict__, "space_before": 0.0})
        tail = TextBlock(self.text, tail_style, self._laid.lines[fits:])
        return [head, tail]

    def draw(self) -> None:
        canvas = self.canv
        baseline = self.height - self.style.size
        for line in self._laid.lines:  # indented from the side the line starts on
            draw_line(canvas, line, 0.0 if line.rtl else self.style.indent, baseline,
                      self._laid.width, self.style.size, self.style.color)
            baseline -= self.style.line_height
