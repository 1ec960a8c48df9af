"""The translation runtime: languages chosen from whatever the system says, listeners told of a
switch, Babel dates without invisible marks, and printing in a language of its own."""

from __future__ import annotations

from datetime import date, datetime

import pytest

import i18n.runtime
from i18n import (
    LANGUAGES,
    _,
    add_language_listener,
    current_language,
    language,
    normalize_language,
    set_language,
    translator,
)
from i18n.formatting import format_date, format_datetime, format_number

INVISIBLE = ("\u200e", "\u200f", "\u202f", "\u061c")


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("es-MX", "es"),
        ("es_419", "es"),
        ("ES", "es"),
        ("zh", "zh_CN"),
        ("zh-Hans-CN", "zh_CN"),
        ("zh_CN.UTF-8", "zh_CN"),
        ("ar_EG.UTF-8", "ar"),
        ("ar", "ar"),
        ("en_US", "en"),
        ("xx", "en"),
        ("C", "en"),
        ("", "en"),
        (None, "en"),
    ],
)
def test_normalize_language(code: str | None, expected: str) -> None:
    assert normalize_language(code) == expected


def test_every_shipped_language_is_its_own_normal_form() -> None:
    codes = [lang.code for lang in LANGUAGES]
    assert {"en", "es", "ar", "zh_CN"} <= set(codes)
    for code in codes:
        assert normalize_language(code) == code
        assert language(code).code == code
    assert language("ar-SA").right_to_left
    assert not language("es").right_to_left


def test_set_language_notifies_listeners(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n.runtime, "_listeners", [])
    heard: list[str] = []
    also_heard: list[str] = []
    add_language_listener(heard.append)
    add_language_listener(also_heard.append)

    assert set_language("es-MX") == "es"
    assert current_language() == "es"
    assert set_language("ar_EG.UTF-8") == "ar"
    assert set_language("klingon") == "en"

    assert heard == ["es", "ar", "en"]
    assert also_heard == heard


@pytest.mark.parametrize(
    ("lang", "length", "expected"),
    [
        ("en", "medium", "Mar 4, 2009"),
        ("es", "medium", "4 mar 2009"),
        ("es", "long", "4 de marzo de 2009"),
        ("ar", "medium", "04/03/2009"),
        ("ar", "long", "4 مارس 2009"),
        ("zh_CN", "medium", "2009年3月4日"),
        ("zh_CN", "short", "2009/3/4"),
    ],
)
def test_format_date_is_babel_without_invisible_marks(
    lang: str, length: str, expected: str
) -> None:
    text = format_date(date(2009, 3, 4), lang, length)
    assert text == expected
    assert not any(mark in text for mark in INVISIBLE)


def test_format_date_follows_the_interface_language() -> None:
    assert format_date(None) == ""
    set_language("es")
    assert format_date(date(2009, 3, 4)) == "4 mar 2009"
    set_language("zh_CN")
    assert format_date(date(2009, 3, 4)) == "2009年3月4日"


@pytest.mark.parametrize("lang", ["en", "es", "ar", "zh_CN"])
def test_dates_times_and_numbers_have_no_invisible_marks(lang: str) -> None:
    for text in (
        format_datetime(datetime(2009, 3, 4, 15, 30), lang),
        format_datetime(datetime(2009, 3, 4, 15, 30), lang, "short"),
        format_date(date(2009, 3, 4), lang, "short"),
        format_number(1234567.5, lang),
    ):
        assert text
        assert not any(mark in text for mark in INVISIBLE), (lang, text)
    assert "2009" in format_datetime(datetime(2009, 3, 4, 15, 30), lang)


def test_a_translator_is_independent_of_the_interface_language() -> None:
    message = "That record no longer exists."
    spanish = translator("es")
    in_spanish = spanish.gettext(message)

    set_language("ar")
    assert spanish.code == "es"
    assert translator("es-MX").code == "es"
    assert translator("es").gettext(message) == in_spanish
    assert current_language() == "ar"
    assert _(message) == translator("ar").gettext(message)

    set_language("zh_CN")
    assert spanish.gettext(message) == in_spanish
    assert translator("es").ngettext("one step", "{count} steps", 2) == spanish.ngettext(
        "one step", "{count} steps", 2
    )
    assert spanish.gettext("") == ""
    assert translator("xx").code == "en"
    assert translator("en").gettext(message) == message
