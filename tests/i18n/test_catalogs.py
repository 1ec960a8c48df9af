"""Every shipped language is complete: an English fallback in a shipped language is a bug."""

from __future__ import annotations

import pytest

from i18n import LANGUAGES, translator
from i18n.extract import extract_template, problems

TRANSLATED = [lang.code for lang in LANGUAGES if lang.code != "en"]


@pytest.mark.parametrize("code", TRANSLATED)
def test_catalog_has_every_message_with_matching_placeholders(code: str) -> None:
    assert list(problems(code)) == []


@pytest.mark.parametrize("code", TRANSLATED)
def test_accelerators_survive_translation(code: str) -> None:
    tr = translator(code)
    for message in extract_template():
        if isinstance(message.id, str) and message.id.count("&") == 1 and not message.context:
            assert tr.gettext(message.id).count("&") == 1, (code, message.id)


def test_extraction_finds_the_interface_strings() -> None:
    ids = {m.id for m in extract_template() if m.id}
    assert {"Sign in to Waymark", "Search by name", "Next plan review"} <= ids


def test_spanish_is_really_used_at_run_time() -> None:
    assert translator("es").gettext("Search by name") != "Search by name"


def test_a_plural_form_may_spell_out_its_count_but_never_drop_another_placeholder() -> None:
    from i18n.extract import _same_placeholders

    pages = ("{count} page", "{count} pages")
    assert _same_placeholders(pages, "صفحتان")  # "two pages", one word in Arabic
    assert _same_placeholders(pages, "{count} صفحات")
    assert not _same_placeholders(pages, "{count} {name}")  # nothing of its own
    written = ("{count} service was written to {path}.", "{count} services were written.")
    assert not _same_placeholders(written, "{count} servicios")  # the path must stay
    assert not _same_placeholders("Due {date}", "Vence")
