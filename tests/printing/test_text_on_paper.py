"""Text on paper in every script: each character has a glyph in the font chosen for it (or a
visible marker, never silently dropped), Arabic is joined and in visual order line by line with
phone numbers left to right, Chinese wraps between characters, and a long answer wraps."""

from __future__ import annotations

import arabic_reshaper
from reportlab.pdfbase import pdfmetrics

from i18n.extract import load_catalog
from printing import fonts
from printing.fonts import MARKER, face_for
from printing.text import normal, wrap

ARABIC = "اتصل بخالتي في أي وقت"


def _visual(line: object) -> str:
    return "".join(run.text for run in line.runs)  # type: ignore[attr-defined]


def test_every_character_printed_has_a_glyph_in_its_font() -> None:
    samples = ["Tiếng Việt: Nguyễn Thị Hương", "خطة السلامة ١٢٣", "我的安全计划：可以信任的人",
               "✓ – — “ ” € ☐ ★", "🚲 🌹 😀 👍 📞", "Rosa 🌹 روزا 玫瑰 (my aunt)"]
    for code in ("es", "ar", "zh_CN"):  # every word that can be printed, in every language
        samples += [m.string for m in load_catalog(code) if isinstance(m.string, str) and any(
            path.startswith(("printing/", "resources/plan/", "planning/items"))
            for path, _line in m.locations)]
    for text in samples:
        for char in normal(text):
            chosen = face_for(char)
            if chosen is None:
                continue
            font, printed = chosen
            assert printed == char, f"{char!r} (U+{ord(char):04X}) has no glyph"
            cmap = pdfmetrics.getFont(font).face.charToGlyph
            assert ord(char) in cmap, f"{font} lacks U+{ord(char):04X}"


def test_a_character_no_font_has_is_printed_as_a_marker_and_reported() -> None:
    unknown = "\U000f0001"  # a private-use character: no font draws it
    assert fonts.missing(f"a{unknown}b") == {unknown}
    line = wrap(f"a{unknown}b", 11, 400)[0]
    assert _visual(line) == f"a{MARKER}b"


def test_arabic_is_joined_and_in_visual_order_line_by_line() -> None:
    lines = wrap(" ".join([ARABIC] * 6), 12, 200)
    assert len(lines) > 1 and all(line.rtl for line in lines)
    for line in lines:
        shown = _visual(line)
        logical = shown[::-1]  # pure right-to-left text: drawn from the right end
        assert arabic_reshaper.reshape(" ".join(logical.split())) == logical.strip()
    first_words = _visual(lines[0])[::-1].split()[:2]
    assert first_words == arabic_reshaper.reshape("اتصل بخالتي").split()  # the first line first


def test_a_phone_number_and_an_address_read_left_to_right_inside_arabic() -> None:
    shown = _visual(wrap("اتصل على 1-888-373-7888 أو help@example.org الآن", 11, 500)[0])
    assert "1-888-373-7888" in shown and "help@example.org" in shown


def test_chinese_wraps_between_characters_and_keeps_punctuation_on_its_line() -> None:
    lines = wrap("我的安全计划：可以信任的人，" * 8, 11, 120)
    assert len(lines) > 3
    assert not any(_visual(line).startswith(("，", "：")) for line in lines)
    assert "".join(_visual(line) for line in lines) == "我的安全计划：可以信任的人，" * 8


def test_a_long_answer_wraps_and_keeps_every_word() -> None:
    text = "I like to draw. " * 625  # 10,000 characters
    lines = wrap(text, 11, 300)
    assert len(lines) > 100
    assert " ".join(_visual(line) for line in lines).split() == text.split()
    one_word = "x" * 3000  # longer than a line: cut between letters, nothing lost
    assert "".join(_visual(line) for line in wrap(one_word, 11, 300)) == one_word
