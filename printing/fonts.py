"""The bundled fonts (resources/fonts, SIL OFL) and which one prints each character.

ReportLab silently drops a character its font lacks, so every character is given the first
bundled font that has a glyph for it: Noto Sans (Latin, Vietnamese, most punctuation), Noto
Naskh Arabic, Noto Sans SC (Chinese), Noto Sans Symbols 2, then Noto Emoji. A character no
font has is reported by `missing` (a test fails on it) and printed as a visible marker, never
dropped. Fonts are registered with ReportLab when first needed: the Chinese one is 10 MB.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONTS = Path(__file__).resolve().parent.parent / "resources" / "fonts"
MARKER = "[?]"  # printed for a character no bundled font has: seen, never silently lost


@dataclass(frozen=True)
class Face:
    name: str  # the name registered with ReportLab
    file: str
    bold_file: str = ""  # "" when there is no bold: the regular is used

    def path(self, bold: bool) -> Path:
        return FONTS / (self.bold_file if bold and self.bold_file else self.file)

    def registered(self, bold: bool) -> str:
        """The ReportLab font name, registering the file the first time it is asked for."""
        name = f"{self.name}-Bold" if bold and self.bold_file else self.name
        _register(name, str(self.path(bold)))
        return name


LATIN = Face("WaymarkSans", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf")
ARABIC = Face("WaymarkArabic", "NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf")
CJK = Face("WaymarkCJK", "NotoSansSC-Regular.ttf", "NotoSansSC-Bold.ttf")
SYMBOLS = Face("WaymarkSymbols", "NotoSansSymbols2-Regular.ttf")
EMOJI = Face("WaymarkEmoji", "NotoEmoji-Regular.ttf")
FACES = (LATIN, ARABIC, CJK, SYMBOLS, EMOJI)
# Characters that only steer layout: never printed, never missing.
_INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2066", "\u2067", "\u2068",
              "\u2069", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\ufe0e", "\ufe0f",
              "\n", "\r", "\t"}


@cache
def _register(name: str, path: str) -> None:
    pdfmetrics.registerFont(TTFont(name, path))


@cache
def _cmap(face: Face, bold: bool) -> frozenset[int]:
    font = pdfmetrics.getFont(face.registered(bold))
    return frozenset(font.face.charToGlyph)


def _likely(char: str) -> tuple[Face, ...]:
    """The faces to ask, in order: a script's own font first, so that the 10 MB Chinese font
    is loaded only for text that needs it."""
    point = ord(char)
    if 0x0600 <= point <= 0x06FF or 0x0750 <= point <= 0x08FF or 0xFB50 <= point <= 0xFEFF:
        return (ARABIC, LATIN, SYMBOLS)
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return (CJK, EMOJI, SYMBOLS, LATIN)
    return (LATIN, SYMBOLS, EMOJI, ARABIC, CJK)


@cache
def face_for(char: str, bold: bool = False) -> tuple[str, str] | None:
    """(ReportLab font name, the character as printed) for `char`, or None when it needs no
    glyph (a bidi mark, a line break). A character no font has comes back as MARKER."""
    if char in _INVISIBLE:
        return None
    if char == " " or char == "\u00a0":
        return LATIN.registered(bold), " "
    for face in _likely(char):
        for weight in (bold, False) if bold else (False,):
            if ord(char) in _cmap(face, weight):
                return face.registered(weight), char
    return LATIN.registered(bold), MARKER


def missing(text: str) -> set[str]:
    """The characters of `text` that no bundled font can print."""
    return {char for char in text if (found := face_for(char)) is not None
            and found[1] == MARKER and char != MARKER}


def width(text: str, font: str, size: float) -> float:
    return float(pdfmetrics.stringWidth(text, font, size))
