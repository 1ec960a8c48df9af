"""The parts of an assessment printout (`printing.assessment_pdf`): every domain with its level
or "Not rated", then goals, steps and referrals domain by domain, then documents.

A domain no one rated prints "Not rated" and nothing else about a level: no number, no
description, no change since last time (a change needs two levels).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from reportlab.platypus import Flowable

from i18n import Translator, language, translator
from i18n.formatting import format_date
from printing import assessment_words as words
from printing.assessment_lines import (
    AssessmentPrintout,
    DocumentLine,
    GoalLine,
    RatingLine,
    ReferralLine,
)
from printing.plan_pdf import GREY
from printing.text import TextBlock, TextStyle
from services_needs.content import LEVEL_NAMES, Domain, built_in_documents, domain, domains

STEP_INDENT = 16.0  # points: a goal's steps stand in from it, on the side the print starts


def isolated(value: str) -> str:
    """A value placed inside a fixed phrase keeps its own direction (a name, a phone number)."""
    return f"\u2068{value}\u2069"


class Styles:
    def __init__(self, rtl: bool) -> None:
        self.title = TextStyle(20, bold=True, space_after=4, rtl=rtl)
        self.section = TextStyle(15, bold=True, space_before=16, space_after=4, rtl=rtl)
        self.domain = TextStyle(12.5, bold=True, space_before=10, space_after=2, rtl=rtl)
        self.level = TextStyle(11, bold=True, space_after=1, rtl=rtl)
        self.fixed = TextStyle(10.5, space_after=3, rtl=rtl)
        self.prompt = TextStyle(9.5, color=GREY, space_before=3, space_after=1, rtl=rtl)
        self.body = TextStyle(11, space_after=3)  # their words, in their own direction
        self.note = TextStyle(9.5, color=GREY, space_after=3, rtl=rtl)
        self.step = TextStyle(11, space_after=1, indent=STEP_INDENT)
        self.step_note = TextStyle(9.5, color=GREY, space_after=4, indent=STEP_INDENT, rtl=rtl)


class Writer:
    """Builds the story of one printout in one language."""

    def __init__(self, printout: AssessmentPrintout, code: str) -> None:
        self.printout = printout
        self.tr: Translator = translator(code)
        self.rtl = language(self.tr.code).right_to_left
        self.styles = Styles(self.rtl)
        self.story: list[Flowable] = []

    def add(self, text: str, style: TextStyle, keep_with_next: bool = False) -> None:
        block = TextBlock(text, style)
        block.keepWithNext = keep_with_next  # a heading never ends a page on its own
        self.story.append(block)

    def fixed(self, message: str, style: TextStyle, keep_with_next: bool = False,
              **values: Any) -> None:
        self.add(self.tr.gettext(message).format(**values), style, keep_with_next)

    def words(self, text: str, style: TextStyle | None = None) -> None:
        """The young person's (or caseworker's) words, exactly as written."""
        if text.strip():
            self.add(text, style or self.styles.body)

    def labelled(self, label: str, text: str) -> None:
        if text.strip():
            self.fixed(label, self.styles.prompt, keep_with_next=True)
            self.words(text)

    def date(self, value: date | None) -> str:
        return isolated(format_date(value, self.tr.code))

    def phrases(self, phrases: list[str], style: TextStyle) -> None:
        """Short phrases on one line ("Due 4 Mar · To do"), in the print's direction."""
        if phrases:
            self.add(" · ".join(isolated(p) for p in phrases), style)

    def title_of(self, domain_id: str) -> str:
        """A domain's title; one this version does not know: its id, rather than nothing."""
        known = _known(domain_id)
        return known.title.translated(self.tr) if known is not None else domain_id


def _known(domain_id: str) -> Domain | None:
    try:
        return domain(domain_id)
    except KeyError:
        return None


def _rating(w: Writer, domain_id: str, rating: RatingLine | None) -> None:
    s, tr = w.styles, w.tr
    w.add(w.title_of(domain_id), s.domain, keep_with_next=True)
    level = rating.level if rating is not None else None
    if level is None:
        w.fixed(words.NOT_RATED, s.level)
    else:
        w.fixed(words.LEVEL, s.level, keep_with_next=True, number=level,
                name=tr.gettext(LEVEL_NAMES[level - 1]))
        known = _known(domain_id)
        if known is not None:  # a domain this version does not know has no descriptions
            w.add(known.level(level).translated(tr), s.fixed)
    if rating is None:
        return
    previous = rating.previous_level
    if level is not None and previous is not None:
        change = words.UP if level > previous else words.DOWN if level < previous else words.SAME
        w.fixed(change, s.note, previous=previous)
    if rating.priority is not None:
        w.fixed(words.PRIORITY[rating.priority], s.fixed)
    w.labelled(words.STRENGTHS, rating.strengths)
    w.labelled(words.NOTES, rating.notes)


def _ordered(known: tuple[str, ...], found: list[str]) -> list[str]:
    """The built-in domains' order, then any other ids in the order they came."""
    extra = [d for d in dict.fromkeys(found) if d not in known]
    return [d for d in known if d in found] + extra


def needs(w: Writer) -> None:
    w.fixed(words.NEEDS, w.styles.section, keep_with_next=True)
    known = tuple(d.id for d in domains())
    ratings = {r.domain: r for r in w.printout.ratings}
    for domain_id in _ordered(known, [*known, *ratings]):  # every domain, rated or not
        _rating(w, domain_id, ratings.get(domain_id))


def _goal(w: Writer, goal: GoalLine) -> None:
    s, tr, today = w.styles, w.tr, w.printout.printed_on
    w.fixed(words.GOAL[goal.status], s.prompt, keep_with_next=True)
    w.words(goal.words)
    if not goal.steps:
        w.fixed(words.NO_STEPS, s.step_note)
    for step in goal.steps:
        if step.words.strip():
            w.words("• " + step.words, s.step)
        owner = tr.gettext(words.OWNER_NAMED[step.owner]).format(name=isolated(
            step.owner_name.strip())) if step.owner_name.strip() else \
            tr.gettext(words.OWNER[step.owner])
        phrases = [owner]
        if step.due_on is not None:
            late = today is not None and step.due_on < today and step.status in ("to-do", "doing")
            phrases.append(tr.gettext(words.OVERDUE if late else words.DUE).format(
                date=w.date(step.due_on)))
        if step.status == "done" and step.done_on is not None:
            phrases.append(tr.gettext(words.DONE_ON).format(date=w.date(step.done_on)))
        else:
            phrases.append(tr.gettext(words.STEP[step.status]))
        w.phrases(phrases, s.step_note)


def _referral(w: Writer, referral: ReferralLine) -> None:
    s, tr = w.styles, w.tr
    named = [v for v in (referral.service_name.strip(), referral.service_phone.strip()) if v]
    w.phrases(named, s.fixed)
    status_on = referral.status_on or (referral.made_on if referral.status == "made" else None)
    phrases = []
    if referral.made_on is not None and not (referral.status == "made"
                                             and status_on == referral.made_on):
        phrases.append(tr.gettext(words.MADE_ON).format(date=w.date(referral.made_on)))
    phrases.append(tr.gettext(words.REFERRAL_ON[referral.status]).format(
        date=w.date(status_on)) if status_on else tr.gettext(words.REFERRAL[referral.status]))
    if referral.follow_up_on is not None:
        phrases.append(tr.gettext(words.FOLLOW_UP).format(date=w.date(referral.follow_up_on)))
    w.phrases(phrases, s.note)
    w.words(referral.notes)


def action(w: Writer) -> None:
    p, s = w.printout, w.styles
    w.fixed(words.ACTION, s.section, keep_with_next=True)
    if not p.goals:
        w.fixed(words.NO_GOALS, s.fixed)
    if not p.referrals:
        w.fixed(words.NO_REFERRALS, s.fixed)
    known = tuple(d.id for d in domains())
    for domain_id in _ordered(known, [g.domain for g in p.goals] +
                              [r.domain for r in p.referrals]):
        w.add(w.title_of(domain_id), s.domain, keep_with_next=True)
        for goal in (g for g in p.goals if g.domain == domain_id):
            _goal(w, goal)
        referrals = [r for r in p.referrals if r.domain == domain_id]
        if referrals:
            w.fixed(words.REFERRALS, s.prompt, keep_with_next=True)
        for referral in referrals:
            _referral(w, referral)


def documents(w: Writer) -> None:
    p, s, tr = w.printout, w.styles, w.tr
    w.fixed(words.DOCUMENTS, s.section, keep_with_next=True)
    if not p.documents:
        w.fixed(words.NO_DOCUMENTS, s.fixed)
        return
    lines = {line.document: line for line in p.documents}
    built_in = {d.id: d for d in built_in_documents()}
    for document_id in _ordered(tuple(built_in), [*built_in, *lines]):
        known = built_in.get(document_id)
        w.add(known.title.translated(tr) if known else document_id, s.domain,
              keep_with_next=True)
        if known is not None and known.leaving_care:
            w.fixed(words.LEAVING_CARE, s.note, keep_with_next=True)
        _document(w, lines.get(document_id))


def _document(w: Writer, line: DocumentLine | None) -> None:
    """Where the document stands; nothing recorded reads "not known yet"."""
    s, tr = w.styles, w.tr
    phrases = [tr.gettext(words.HAS_IT[line.has_it if line else None])]
    if line is None:
        w.phrases(phrases, s.fixed)
        return
    if line.requested_on is not None:
        phrases.append(tr.gettext(words.REQUESTED).format(date=w.date(line.requested_on)))
    if line.received_on is not None:
        phrases.append(tr.gettext(words.RECEIVED).format(date=w.date(line.received_on)))
    w.phrases(phrases, s.fixed)
    w.labelled(words.KEPT_WHERE, line.kept_where)
    w.labelled(words.NEXT_STEP, line.next_step)
    w.labelled(words.FEE_WAIVER, line.fee_waiver)
