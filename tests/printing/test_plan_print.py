"""The printed plan, read back from the PDF as anyone would: the young person's words and chosen
help lines are there and nothing they kept off; the discreet print names no agency and says
none of the words that would reveal it, in any language; every font is embedded; the metadata
never names the youth; a long answer goes on to further pages; an empty plan says so."""

from __future__ import annotations

import re
from dataclasses import replace
from io import BytesIO
from typing import Any

import pytest
from pypdf import PdfReader

from planning.content import load_built_in
from planning.plans import ItemView
from printing.options import DISCREET, FULL, WALLET, PrintOptions
from printing.plan_pdf import render_plan
from printing.sample import SAMPLE_NAME, sample_printout

AGENCY = "Example County Children's Services"
CONTENT = load_built_in()
LANGUAGES = ("en", "es", "ar", "zh_CN")
# What a discreet print must never say (the words and their translations in every language).
REVEALING = {
    "en": ["safety", "traffick", "runaway", "abuse", "missing", "hotline"],
    "es": ["seguridad", "trata", "fuga", "abuso", "desaparec"],
    "ar": ["السلامة", "الأمان", "الاتجار", "الهروب", "الإساءة", "مفقود"],
    "zh_CN": ["安全", "贩卖", "贩运", "离家出走", "虐待", "失踪"],
}


def _read(data: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(BytesIO(data))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def _item(n: int, section: str, kind: str, values: dict[str, str], keep_off: bool = False,
          key: str = "") -> ItemView:
    return ItemView(100 + n, section, kind, key, n, values, "youth", keep_off, 1, f"t{n}")


def test_the_full_plan_has_the_youths_words_and_lines_and_nothing_kept_off() -> None:
    printout = sample_printout(CONTENT, "en", AGENCY)
    reader, text = _read(render_plan(printout, PrintOptions(FULL, "en")))
    flat = " ".join(text.split())
    for words in ("I am good at drawing", "Rosa Example", "555-0142", "The library on Main",
                  "1-888-373-7888", "988", "My safe people", "Help lines", AGENCY):
        assert words in flat, words
    assert "blue umbrella" not in flat and "offering me rides" not in flat  # kept off
    assert SAMPLE_NAME in flat
    meta = " ".join(str(v) for v in (reader.metadata or {}).values())
    assert SAMPLE_NAME not in meta


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_discreet_print_reveals_nothing_in_any_language(code: str) -> None:
    printout = sample_printout(CONTENT, code, AGENCY)
    reader, text = _read(render_plan(printout, PrintOptions(DISCREET, code)))
    flat = " ".join(text.split()).casefold()
    assert AGENCY.casefold() not in flat
    for word in REVEALING[code] + REVEALING["en"]:
        assert word.casefold() not in flat, f"{word!r} on a discreet print in {code}"
    meta = " ".join(str(v) for v in (reader.metadata or {}).values()).casefold()
    assert AGENCY.casefold() not in meta and SAMPLE_NAME.casefold() not in meta
    assert "555-0142" in flat and "1-888-373-7888" in flat  # the numbers are there


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("variant", [FULL, DISCREET, WALLET])
def test_every_font_is_embedded(code: str, variant: str) -> None:
    reader, _text = _read(render_plan(sample_printout(CONTENT, code), PrintOptions(variant, code)))
    for page in reader.pages:
        resources: Any = page["/Resources"]
        for font in resources["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            descriptor = (descendants[0].get_object() if descendants else font).get(
                "/FontDescriptor")
            assert descriptor is not None, font["/BaseFont"]  # not one of the standard 14
            assert "/FontFile2" in descriptor.get_object(), font["/BaseFont"]


def test_a_long_answer_goes_on_to_further_pages_and_is_all_there() -> None:
    long = "I like to draw. " * 625
    printout = sample_printout(CONTENT, "en")
    plan = replace(printout.plan, items=(_item(1, "about-me", "answer", {"text": long},
                                               key="strengths"),))
    reader, text = _read(render_plan(replace(printout, plan=plan), PrintOptions(FULL, "en")))
    assert len(reader.pages) >= 3
    pages_joined = re.sub(r"Page \d+", " ", text)  # each page's number, read between its words
    assert " ".join(pages_joined.split()).count("I like to draw.") == 625


def test_an_empty_plan_prints_what_is_still_to_fill_in() -> None:
    printout = sample_printout(CONTENT, "en")
    empty = replace(printout, plan=replace(printout.plan, items=()))
    _reader, text = _read(render_plan(empty, PrintOptions(FULL, "en")))
    assert "This plan is still empty" in " ".join(text.split())


def test_a_two_language_copy_has_every_heading_in_both() -> None:
    printout = sample_printout(CONTENT, "es")
    _reader, text = _read(render_plan(printout, PrintOptions(FULL, "es", second_language="en")))
    flat = " ".join(text.split())
    assert "My safe people" in flat and "My safety plan" in flat


def test_the_wallet_card_is_one_page_with_people_and_lines_and_the_code_word_only_if_asked(
) -> None:
    printout = sample_printout(CONTENT, "en")
    reader, text = _read(render_plan(printout, PrintOptions(WALLET, "en")))
    flat = " ".join(text.split())
    assert len(reader.pages) == 1
    assert "555-0142" in flat and "1-888-373-7888" in flat
    assert "blue umbrella" not in flat
    _reader, asked = _read(render_plan(printout, PrintOptions(WALLET, "en", code_word=True)))
    assert "blue umbrella" in " ".join(asked.split())
