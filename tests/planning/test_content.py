"""The plan's content is data: every section DESIGN.md lists, loaded from resources/, and a
content file with a mistake is refused whole, naming the file and the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from i18n import set_language
from planning.content import ContentError, load_built_in, with_agency_content
from planning.debrief_content import load_debrief, with_agency_protocol
from planning.items import KINDS

SECTIONS = ["about-me", "warning-signs", "calm-and-safe", "safe-people", "safe-places",
            "if-leaving", "phone-online", "documents", "ready-bag", "health", "help-lines",
            "after-return", "agreement"]


def test_all_thirteen_sections_are_built_in_in_order_with_their_checklists() -> None:
    content = load_built_in()
    assert [s.id for s in content.sections] == SECTIONS
    for section in content.sections:
        assert str(section.title) and str(section.explain)
        assert section.questions or section.lists or section.checks or section.helplines
    assert len(content.section("warning-signs").checks) >= 6  # recruitment red flags
    assert len(content.section("ready-bag").checks) >= 6
    assert len(content.section("phone-online").checks) >= 5
    kinds = {listed.kind for s in content.sections for listed in s.lists}
    assert {"person", "place", "private-place", "step", "avoid-person", "code-word"} <= kinds
    assert kinds <= set(KINDS)


def test_the_national_help_lines_are_built_in_with_when_to_use_them() -> None:
    lines = {line.id: line for line in load_built_in().helplines}
    assert lines["emergency"].number == "911"
    assert lines["trafficking"].number == "1-888-373-7888"
    assert lines["trafficking"].sms == "233733" and lines["trafficking"].tty == "711"
    assert lines["crisis"].number == "988" and lines["crisis"].sms == "988"
    assert lines["runaway"].number == "1-800-786-2929"
    assert lines["missing-children"].number == "1-800-843-5678"
    assert all(str(line.when) for line in lines.values())


def test_built_in_texts_are_translated_through_the_catalogs() -> None:
    section = load_built_in().section("safe-people")
    english = str(section.title)
    try:
        set_language("es")
        assert str(section.title) not in ("", english)
    finally:
        set_language("en")


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "agency-plan.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_an_agency_adds_its_own_warning_sign_with_a_text_per_language(tmp_path: Path) -> None:
    path = _write(tmp_path, """format = 1
[[section]]
id = "warning-signs"
[[section.check]]
id = "bus-station"
[section.check.text]
en = "Someone at the bus station offers you a ride."
es = "Alguien en la estación te ofrece llevarte."
""")
    content = with_agency_content(load_built_in(), path)
    check = content.section("warning-signs").checks[-1]
    assert check.id == "bus-station"
    assert str(check.text) == "Someone at the bus station offers you a ride."
    assert check.text.missing(["en", "es", "ar", "zh_CN"]) == ["ar", "zh_CN"]
    try:
        set_language("es")
        assert str(check.text) == "Alguien en la estación te ofrece llevarte."
        set_language("ar")
        assert str(check.text) == "Someone at the bus station offers you a ride."  # named
    finally:
        set_language("en")


@pytest.mark.parametrize(("text", "line", "words"), [
    ('format = 1\n[[section]]\nid = "warning-signs"\n[[section.check]]\nid = "x"\n', 5, "'text'"),
    ('format = 1\n[[section]]\nid = "nowhere"\n', 3, "no section 'nowhere'"),
    ('format = 1\n[[section]]\nid = "health"\n[[section.check]]\nid = "a b"\ntext = "t"\n', 5,
     "short name"),
    ('format = 1\n[[section]\nid = "health"\n', 2, "line 2"),
    ('format = 2\n', 1, "'format' must be 1"),
    ('format = 1\n[[section]]\nid = "ready-bag"\n[[section.check]]\nid = "charger"\n'
     'text = { en = "Charger" }\n', 3, "already an item"),
    ('format = 1\n[[section]]\nid = "health"\n[[section.list]]\nkind = "car"\nlabel = "x"\n', 3,
     "unknown list kind"),
])
def test_a_content_file_with_a_mistake_is_refused_naming_the_file_and_line(
    tmp_path: Path, text: str, line: int, words: str
) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(ContentError) as raised:
        with_agency_content(load_built_in(), path)
    message = raised.value.user_message()
    assert str(path) in message and f"(line {line})" in message and words in message


def test_bytes_that_are_not_utf8_are_refused_with_their_line(tmp_path: Path) -> None:
    path = tmp_path / "agency-plan.toml"
    path.write_bytes(b'format = 1\n[[section]]\nid = "health\xff"\n')
    with pytest.raises(ContentError) as raised:
        with_agency_content(load_built_in(), path)
    assert "(line 3)" in raised.value.user_message()
    assert "not UTF-8" in raised.value.user_message()


def test_the_readmes_example_of_an_agency_file_loads(tmp_path: Path) -> None:
    import re

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    example = re.search(r"```toml\n(.*?)```", readme, re.S)
    assert example is not None
    content = with_agency_content(load_built_in(), _write(tmp_path, example.group(1)))
    assert content.section("warning-signs").checks[-1].id == "bus-station"
    assert content.helplines[-1].number == "555-0100"
    protocol = with_agency_protocol(load_debrief(), _write(tmp_path, example.group(1))).protocol
    assert "555-0199" in str(protocol)
