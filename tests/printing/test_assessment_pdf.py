"""The needs assessment and action plan on paper, read back from the PDF: every rated domain with
its own level description, every unrated one "Not rated" with no number and no description; goals
with their steps, referrals and documents in the print language, empty parts said plainly; every
script printed with a glyph, Arabic right to left in the right order; a 10,000-character note on
further pages; the youth's name on the page and never in the metadata; and the admin command
line's sample."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import Any

import arabic_reshaper
import pytest
from pypdf import PdfReader

from cli.main import main
from i18n import translator
from printing import assessment_words as words
from printing.assessment_pdf import (
    AssessmentPrintout,
    DocumentLine,
    GoalLine,
    RatingLine,
    ReferralLine,
    StepLine,
    render_assessment,
)
from printing.assessment_sample import SAMPLE_NAME, sample_assessment
from printing.fonts import MARKER, missing
from printing.text import TextBlock, TextStyle
from printing.words import PAGE
from services_needs.content import LEVEL_NAMES, built_in_documents, domain, domains

LANGUAGES = ("en", "es", "ar", "zh_CN")
READ_IN_ORDER = ("en", "es", "zh_CN")  # left-to-right prints, read back in reading order
ARABIC = "اتصل بخالتي في أي وقت"
MIXED = "Rosa 🌹 روزا 玫瑰 (my aunt) 👍"


def _words(text: str, code: str) -> str:
    """Text as it is compared: Chinese lines break between any two characters, so without
    spaces there; other languages with single spaces."""
    return "".join(text.split()) if code == "zh_CN" else " ".join(text.split())


def _read(data: bytes, code: str = "en") -> tuple[PdfReader, str]:
    """The PDF and its words, each page's number left out (read between other words)."""
    reader = PdfReader(BytesIO(data))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    footer = r"\s*".join(re.escape(part) if part.strip() else "" for part in re.split(
        r"(\{number\}|\s+)", translator(code).gettext(PAGE))).replace(r"\{number\}", r"\d+")
    return reader, " ".join(re.sub(footer, " ", text).split())


def _blocks(text: str, code: str) -> dict[str, str]:
    """Each domain's part of the "needs" section, by domain id (in the order printed)."""
    tr = translator(code)
    titles = [(d.id, d.title.translated(tr)) for d in domains()]
    end = text.index(tr.gettext(words.ACTION))
    found, start = {}, text.index(tr.gettext(words.NEEDS))
    for n, (domain_id, title) in enumerate(titles):
        begin = text.index(title, start)
        stop = text.index(titles[n + 1][1], begin + len(title)) if n + 1 < len(titles) else end
        found[domain_id], start = text[begin + len(title):stop], stop
    return found


@pytest.mark.parametrize("code", READ_IN_ORDER)
def test_rated_domains_have_their_own_level_description_and_unrated_ones_no_number(
    code: str,
) -> None:
    printout = sample_assessment(code)
    unrated = replace(printout, ratings=(*printout.ratings, RatingLine(
        "life-skills", None, "some", "", "", previous_level=3)))  # rated last time, not now
    _reader, text = _read(render_assessment(unrated, code), code)
    tr = translator(code)
    blocks = _blocks(text, code)
    rated = {r.domain: r.level for r in unrated.ratings if r.level is not None}
    assert len(rated) >= 5 and len(blocks) - len(rated) >= 3
    for domain_id, block in blocks.items():
        levels = domain(domain_id).levels
        if domain_id in rated:
            level = rated[domain_id]
            assert tr.gettext(words.LEVEL).format(
                number=level, name=tr.gettext(LEVEL_NAMES[level - 1])) in block
            assert _words(levels[level - 1].translated(tr), code) in _words(block, code)
        else:
            assert tr.gettext(words.NOT_RATED) in block, domain_id
            assert not re.search(r"\d", block), (domain_id, block)  # no score, no change
            assert tr.gettext(LEVEL_NAMES[2]) not in block
        for n, description in enumerate(levels, 1):  # no other level's words, anywhere
            if rated.get(domain_id) != n:
                assert _words(description.translated(tr), code) not in _words(text, code)


def test_a_domain_with_notes_and_no_rating_shows_its_notes_and_stays_not_rated() -> None:
    _reader, text = _read(render_assessment(sample_assessment("en"), "en"))
    block = _blocks(text, "en")["mental-health"]
    assert block.startswith(" Not rated") and "We talked about counseling" in block
    assert "Matters to me right now: some" in block


def test_the_change_since_last_time_and_the_youths_priorities_are_printed() -> None:
    _reader, text = _read(render_assessment(sample_assessment("en"), "en"))
    blocks = _blocks(text, "en")
    assert "Since last time: up from level 2" in blocks["safety"]
    assert "Since last time: the same level" in blocks["housing"]
    assert "Since last time: down from level 4" in blocks["education"]
    assert "Since last time" not in blocks["physical-health"]  # first time rated
    assert "Matters to me right now: a lot" in blocks["legal"]
    assert "Strengths I know who to call if something feels wrong." in blocks["safety"]


def test_goals_steps_referrals_and_documents_read_as_planned() -> None:
    _reader, text = _read(render_assessment(sample_assessment("en"), "en"))
    action = text[text.index("Goals, steps and referrals"):text.index("Documents Birth")]
    for expected in (
        "A safe place to live Goal · open Have my own place before I turn 19.",
        "• Fill in the transitional housing application. Who: the young person · "
        "Due Dec 12, 2026 · Being done",
        "Who: the caseworker (Alex Example) · Overdue since Nov 20, 2026 · To do",
        "Who: a caregiver (Rosa Example) · Due Nov 15, 2026 · Done on Nov 14, 2026",
        "Referrals Harbor Youth Housing · 555-0155 Made on Nov 10, 2026 · Accepted on "
        "Nov 18, 2026 · Follow up by Dec 15, 2026 Intake interview",
        "Sort out the old ticket. No steps yet.",
        "Referral made on Nov 25, 2026 · Follow up by Dec 2, 2026",
        "Riverside Counseling · 555-0171 Suggested",
        "Goal · set aside Go back to night classes.",
    ):
        assert expected in action, expected
    documents = text[text.index("Documents Birth"):]
    assert ("Birth certificate Needed when leaving care at 18 or older. Has it: no · Requested "
            "on Nov 28, 2026 Next step Wait for the copy") in documents
    assert "Where the original is kept In the agency's safe" in documents
    assert "School records and transcripts Has it: not known yet" in documents
    for document in built_in_documents():
        assert document.title.translated(translator("en")) in documents


def test_dates_are_in_the_print_language() -> None:
    _reader, chinese = _read(render_assessment(sample_assessment("zh_CN"), "zh_CN"), "zh_CN")
    chinese = "".join(chinese.split())  # read back with spaces where the font changes
    assert "2026年11月30日" in chinese and "2027年1月15日" in chinese
    _reader, spanish = _read(render_assessment(sample_assessment("es"), "es"), "es")
    assert "15 ene 2027" in spanish


def test_empty_parts_say_so_plainly() -> None:
    empty = AssessmentPrintout("Jordan Sample")
    _reader, text = _read(render_assessment(empty, "en"))
    for sentence in ("This assessment is a draft: it has not been completed yet.",
                     "No goals yet.", "No referrals yet.",
                     "Nothing is recorded about documents yet."):
        assert sentence in text
    assert text.count("Not rated") == len(domains()) and not re.search(r"Level \d", text)


def test_a_domain_or_document_this_version_does_not_know_is_printed_not_dropped() -> None:
    printout = AssessmentPrintout(
        "Jordan Sample", ratings=(RatingLine("pets", 2, notes="Feeds the cat"),),
        goals=(GoalLine("pets", "Keep my cat"),), documents=(DocumentLine("library-card", True),))
    _reader, text = _read(render_assessment(printout, "en"))
    assert "pets Level 2 · Struggling Notes Feeds the cat" in text
    assert "pets Goal · open Keep my cat" in text and "library-card Has it: yes" in text


def _everything_printed(printout: AssessmentPrintout, code: str) -> str:
    tr = translator(code)
    declared = [value for name, value in vars(words).items() if name.isupper()]
    fixed = [tr.gettext(m) for m in declared if isinstance(m, str)]
    fixed += [tr.gettext(m) for table in declared if isinstance(table, dict)
              for m in table.values()]
    content = [t.translated(tr) for d in domains() for t in (d.title, *d.levels)]
    content += [d.title.translated(tr) for d in built_in_documents()]
    return " ".join([*fixed, *content, *map(tr.gettext, LEVEL_NAMES), repr(printout)])


def _mixed(code: str) -> AssessmentPrintout:
    """The sample with names and words in Arabic, Chinese and emoji."""
    sample = sample_assessment(code)
    return replace(
        sample, name="محمد 李明 😀", completed_by="王芳",
        ratings=(RatingLine("safety", 4, "a-lot", MIXED, ARABIC + " 555-0142"),
                 *sample.ratings[1:]),
        goals=(GoalLine("housing", "我想有自己的房间 🏠", "open", (
            StepLine(ARABIC, "caregiver", "روزا", date(2027, 1, 2)),)),),
        referrals=(ReferralLine("housing", "بيت الشباب", "+1 (555) 555-0155", "made",
                                date(2026, 11, 2)),))


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_language_prints_every_character_with_a_glyph(code: str) -> None:
    printout = _mixed(code)
    assert missing(_everything_printed(printout, code)) == set()
    reader, text = _read(render_assessment(printout, code))
    assert MARKER not in text
    for page in reader.pages:  # every font embedded: none of the standard 14
        resources: Any = page["/Resources"]
        for font in resources["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            descriptor = (descendants[0].get_object() if descendants else font).get(
                "/FontDescriptor")
            assert descriptor is not None and "/FontFile2" in descriptor.get_object()


def _runs(data: bytes) -> list[tuple[str, float, float]]:
    """Every run of text drawn on the first page: its text, and where it starts on the page."""
    found: list[tuple[str, float, float]] = []
    PdfReader(BytesIO(data)).pages[0].extract_text(visitor_text=lambda text, cm, tm, *_a: (
        found.append((text.strip(), cm[4] + tm[4], cm[5] + tm[5])) if text.strip() else None))
    return found


def test_arabic_runs_right_to_left_with_its_words_in_order_and_numbers_left_to_right() -> None:
    printout = replace(_mixed("ar"), ratings=(RatingLine("safety", 4, notes=ARABIC +
                                                         " 555-0142"),))
    runs = _runs(render_assessment(printout, "ar"))
    line = [(text, x) for text, x, y in runs if y == next(
        y for text, _x, y in runs if "555-0142" in text)]
    at = {text: x for text, x in line}
    shaped = [arabic_reshaper.reshape(word) for word in ARABIC.split()]
    xs = [at[word] if word in at else at[word[::-1]] for word in shaped]  # however read back
    assert xs == sorted(xs, reverse=True)  # the first word on the right, then leftwards
    assert at["555-0142"] < min(xs)  # the number, left to right: last, so leftmost
    english_title = _runs(render_assessment(printout, "en"))[0]
    arabic_title = next(r for r in runs if r[2] > 700)  # the title, at the top of the page
    assert english_title[1] == pytest.approx(54) and arabic_title[1] > 100  # to the right


def test_a_long_note_flows_across_pages_and_is_all_there() -> None:
    long = "I like to draw. " * 625  # 10,000 characters
    printout = replace(sample_assessment("en"), ratings=(RatingLine("safety", 3, notes=long),))
    reader, text = _read(render_assessment(printout, "en"))
    assert len(reader.pages) >= 5
    assert text.count("I like to draw.") == 625


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_name_is_on_the_page_and_never_in_the_metadata(code: str) -> None:
    printout = replace(_mixed(code), name="Jordan Sample-Name", agency="Example Agency")
    reader, text = _read(render_assessment(printout, code))
    metadata = " ".join(str(value) for value in (reader.metadata or {}).values())
    assert "Jordan" not in metadata and "Example Agency" not in metadata
    assert str(reader.metadata.title if reader.metadata else "") == translator(code).gettext(
        words.TITLE)
    if code != "ar":
        assert "Jordan Sample-Name" in text


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_admin_command_line_writes_the_sample_assessment(
    tmp_path: Path, code: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / f"assessment-{code}.pdf"
    assert main(["preview-print", "--lang", code, "--variant", "assessment", "--out",
                 str(out)]) == 0
    _reader, text = _read(out.read_bytes())
    assert "555-0155" in text and "2026" in text
    assert SAMPLE_NAME in text
    assert str(out) in capsys.readouterr().out
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


def test_plan_options_given_for_the_assessment_are_refused_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "assessment.pdf"
    assert main(["preview-print", "--lang", "en", "--variant", "assessment", "--large-print",
                 "--out", str(out)]) == 1
    assert "for printed plans only" in capsys.readouterr().err and not out.exists()


class _Canvas:
    """Where each run of a line is drawn."""

    def __init__(self) -> None:
        self.starts: list[float] = []

    def setFillColor(self, color: object) -> None:  # ReportLab's names
        pass

    def setFont(self, font: str, size: float) -> None:
        pass

    def drawString(self, x: float, y: float, text: str) -> None:
        self.starts.append(x)


@pytest.mark.parametrize(("text", "rtl"), [(ARABIC, True), ("Call the housing office", False)])
def test_a_step_stands_in_from_the_side_its_line_starts_on(text: str, rtl: bool) -> None:
    block = TextBlock(text, TextStyle(11, indent=16, rtl=rtl))
    block.wrap(300, 100)
    block.canv = canvas = _Canvas()
    block.draw()
    line = block._laid.lines[0]
    start = min(canvas.starts)
    if rtl:  # ends 16 points before the right edge
        assert start + line.width == pytest.approx(300 - 16)
    else:
        assert start == 16
