"""The safety plan on paper: the full plan, the discreet plan and the wallet card
(`printing.wallet`), built in memory with ReportLab and returned as PDF bytes.

Only what the young person lets go on paper is printed: an item marked "keep off my printed
copy" never reaches the document. Their words are printed exactly as written; every fixed word
is in the print language (`i18n.translator`), with a second language beneath when one is asked
for. The PDF's title is neutral and its author, subject and keywords are empty: the youth's name
and (on a discreet print) the agency's are never in its metadata.
"""

from __future__ import annotations

from dataclasses import replace
from io import BytesIO
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import LETTER
from reportlab.platypus import Flowable, SimpleDocTemplate, Spacer

from i18n import Translator, language, translator
from i18n.formatting import format_date
from planning.content import Content, Section, local_line_key
from planning.items import KINDS, STAFF
from planning.plans import ItemView
from printing import words
from printing.fonts import LATIN
from printing.options import DISCREET, WALLET, PlanPrintout, PrintOptions
from printing.text import TextBlock, TextStyle, draw_line, wrap

MARGIN = 54.0  # points: three quarters of an inch
GREY = Color(0.33, 0.33, 0.33)


class Styles:
    """The type sizes of one print: larger throughout for large print."""

    def __init__(self, large: bool, rtl: bool) -> None:
        scale = 1.4 if large else 1.0
        self.title = TextStyle(20 * scale, bold=True, space_after=2, rtl=rtl)
        self.heading = TextStyle(14 * scale, bold=True, space_before=12, space_after=3, rtl=rtl)
        self.prompt = TextStyle(9.5 * scale, color=GREY, space_before=4, space_after=1, rtl=rtl)
        self.second = TextStyle(9 * scale, color=GREY, space_after=3, rtl=None)
        self.body = TextStyle(11 * scale, space_after=3)  # the youth's words: their direction
        self.fixed = TextStyle(11 * scale, space_after=3, rtl=rtl)
        self.note = TextStyle(9.5 * scale, color=GREY, space_after=6, rtl=rtl)


class _Printer:
    """Builds the story of one plan print."""

    def __init__(self, printout: PlanPrintout, options: PrintOptions) -> None:
        self.printout, self.options = printout, options
        self.tr = translator(options.language)
        self.second: Translator | None = translator(options.second_language) \
            if options.second_language and options.second_language != options.language else None
        self.rtl = language(self.tr.code).right_to_left
        self.styles = Styles(options.large_print, self.rtl)
        self.story: list[Flowable] = []

    # fixed words, in the print language and beneath them the second language
    def fixed(self, message: str, style: TextStyle, **values: Any) -> None:
        """`values` may be callables of a language code (a date, formatted in each)."""
        for tr, shown in ((self.tr, style), (self.second, self.styles.second)):
            if tr is not None:
                filled = {k: v(tr.code) if callable(v) else v for k, v in values.items()}
                self.story.append(TextBlock(tr.gettext(message).format(**filled), shown))

    def content(self, text: Any, style: TextStyle) -> None:
        self.story.append(TextBlock(text.translated(self.tr), style))
        if self.second is not None:
            self.story.append(TextBlock(text.translated(self.second), self.styles.second))

    def words(self, text: str) -> None:
        """The young person's own words, exactly as written, in their own direction."""
        self.story.append(TextBlock(text, self.styles.body))


def _printed(printout: PlanPrintout) -> list[ItemView]:
    """The items that may go on paper: none the young person keeps off their copy, none empty."""
    return [item for item in printout.plan.items if not item.keep_off_print
            and (item.kind in ("check", "helpline") or any(v.strip() for v in
                                                           item.values.values()))]


def _section_items(items: list[ItemView], section: Section) -> list[ItemView]:
    return [item for item in items if item.section == section.id]


def _full_section(p: _Printer, section: Section, items: list[ItemView]) -> None:
    content = p.printout.content
    p.content(section.title, p.styles.heading)
    if not items:
        p.fixed(words.EMPTY, p.styles.note)
        p.story.append(Spacer(1, p.styles.fixed.line_height * 2))
        return
    for question in section.questions:
        answered = [i for i in items if i.kind == "answer" and i.content_key == question.id]
        if not answered:
            continue
        p.content(question.text, p.styles.prompt)
        for item in answered:
            p.words(item.values.get("text", ""))
            _whose(p, item)
    for check in section.checks:
        if any(i.kind == "check" and i.content_key == check.id for i in items):
            p.story.append(TextBlock("✓ " + check.text.translated(p.tr), p.styles.fixed))
            if p.second is not None:
                p.story.append(TextBlock(check.text.translated(p.second), p.styles.second))
    for item in (i for i in items if i.kind == "helpline"):
        _help_line(p, content, item.content_key, with_purpose=True)
    for item in (i for i in items if KINDS[i.kind].listed):
        _listed(p, item)


def _whose(p: _Printer, item: ItemView) -> None:
    if item.voice == STAFF:
        p.story.append(TextBlock(p.tr.gettext(words.BY_CASEWORKER), p.styles.note))


def _listed(p: _Printer, item: ItemView) -> None:
    """A person, place, step or code word: its short fields on one line ("Rosa · my aunt ·
    555-0142"), each longer one on a line of its own."""
    fields = KINDS[item.kind].fields
    short = [item.values.get(f.key, "").strip() for f in fields if not f.long]
    if item.kind == "code-word" and short and short[0]:
        short[0] = p.tr.gettext(words.CODE_WORD).format(word=short[0])
    if any(short):  # in the print's direction, each value keeping its own
        joined = " · ".join(f"\u2068{value}\u2069" for value in short if value)
        p.story.append(TextBlock(joined, replace(p.styles.body, rtl=p.rtl)))
    for declared in (f for f in fields if f.long):
        value = item.values.get(declared.key, "").strip()
        if value:
            p.words(value)
    p.story.append(Spacer(1, 4))


def _help_line(p: _Printer, content: Content, key: str, with_purpose: bool) -> None:
    line = next((h for h in content.helplines if h.id == key), None)
    if line is not None:
        name = line.name.translated(p.tr)
        extra = [p.tr.gettext(words.TEXT_ALSO).format(number=line.sms)] if line.sms else []
        extra += [p.tr.gettext(words.TTY).format(number=line.tty)] if line.tty else []
        shown = f"{name} — {line.number}" if with_purpose else line.number
        p.story.append(TextBlock(" · ".join([shown, *extra]) if with_purpose else shown,
                                 p.styles.fixed))
        if with_purpose:
            p.story.append(TextBlock(line.when.translated(p.tr), p.styles.note))
        return
    local = next((h for h in p.printout.local_lines if local_line_key(h.name) == key), None)
    if local is not None:
        shown = f"{local.name} — {local.number}" if with_purpose else local.number
        p.story.append(TextBlock(shown, p.styles.fixed))


def _full(p: _Printer) -> None:
    printout = p.printout
    p.fixed(words.PLAN_TITLE, p.styles.title)
    p.story.append(TextBlock(p.tr.gettext(words.FOR_NAME).format(name=printout.name),
                             p.styles.fixed))
    if printout.pronouns:
        p.story.append(TextBlock(p.tr.gettext(words.PRONOUNS).format(
            pronouns=printout.pronouns), p.styles.note))
    if printout.agency:
        p.story.append(TextBlock(p.tr.gettext(words.MADE_WITH).format(agency=printout.agency),
                                 p.styles.note))
    plan = printout.plan
    if plan.agreed_at is not None:
        agreed, review = plan.agreed_at.date(), plan.review_on
        p.fixed(words.AGREED, p.styles.note, date=lambda code: format_date(agreed, code),
                date_next=lambda code: format_date(review, code))
    else:
        p.fixed(words.DRAFT, p.styles.note)
    items = _printed(printout)
    if not items:
        p.fixed(words.EMPTY_PLAN, p.styles.fixed)
    for section in printout.content.sections:
        _full_section(p, section, _section_items(items, section))


def _discreet(p: _Printer) -> None:
    title = p.options.title.strip() or p.tr.gettext(words.DISCREET_TITLE)
    p.story.append(TextBlock(title, p.styles.title))
    items = _printed(p.printout)
    for section in p.printout.content.sections:
        heading = words.DISCREET_HEADINGS.get(section.id)
        shown = [i for i in _section_items(items, section) if i.kind != "check"]
        if heading is None or not shown:
            continue
        p.fixed(heading, p.styles.heading)
        for item in shown:
            if item.kind == "helpline":
                _help_line(p, p.printout.content, item.content_key,
                           with_purpose=p.options.say_what_lines_are_for)
            elif item.kind == "answer":
                p.words(item.values.get("text", ""))
            else:
                _listed(p, item)


def render_plan(printout: PlanPrintout, options: PrintOptions) -> bytes:
    """The plan as a PDF, in memory."""
    if options.variant == WALLET:
        from printing.wallet import render_wallet

        return render_wallet(printout, options)
    p = _Printer(printout, options)
    (_discreet if options.variant == DISCREET else _full)(p)
    title = (options.title.strip() or p.tr.gettext(words.DISCREET_TITLE)) \
        if options.variant == DISCREET else p.tr.gettext(words.PLAN_TITLE)
    return build(p.story, title, p.tr, p.rtl)


def build(story: list[Flowable], title: str, tr: Translator, rtl: bool) -> bytes:
    """A document of `story` with page numbers; metadata: the neutral `title` only."""
    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=LETTER, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
        bottomMargin=MARGIN, title=title, author="", subject="", keywords="", creator="",
        initialFontName=LATIN.registered(False))

    def number(canvas: Any, doc: Any) -> None:
        text = tr.gettext(words.PAGE).format(number=doc.page)
        for line in wrap(text, 8.5, LETTER[0] - 2 * MARGIN, rtl=rtl):
            draw_line(canvas, line, MARGIN, MARGIN / 2, LETTER[0] - 2 * MARGIN, 8.5, GREY)

    document.build(story or [Spacer(1, 1)], onFirstPage=number, onLaterPages=number)
    return buffer.getvalue()
