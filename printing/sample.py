"""A made-up plan with every section filled, for reviewing a print's translation and layout
without a youth (`waymark-admin preview-print`). The answers are written for the sample and
translated like any other words, so a Spanish sample reads as Spanish; the names and numbers
are fictional (555-01xx)."""

from __future__ import annotations

from datetime import date, datetime

from i18n import N_, translator
from planning.content import Content
from planning.items import KINDS, STAFF, YOUTH
from planning.plans import ItemView, PlanView
from printing.options import PlanPrintout

# (section, kind, content key, fields): every value is a sample text, translated when used.
_ITEMS: tuple[tuple[str, str, str, dict[str, str]], ...] = (
    ("about-me", "answer", "strengths", {"text": N_("I am good at drawing and I make my friends "
                                                      "laugh.")}),
    ("about-me", "answer", "calm", {"text": N_("Music with my headphones on.")}),
    ("warning-signs", "answer", "situations", {"text": N_("When people shout at home.")}),
    ("warning-signs", "check", "promises", {}),
    ("warning-signs", "check", "secrets", {}),
    ("warning-signs", "avoid-person", "", {"name": "D.", "why": N_("He keeps offering me "
                                                                      "rides.")}),
    ("calm-and-safe", "step", "", {"text": N_("Go for a walk and breathe slowly.")}),
    ("safe-people", "person", "", {"name": "Rosa Example", "relationship": N_("my aunt"),
                                   "phone": "555-0142",
                                   "will_do": N_("She will pick me up, any time.")}),
    ("safe-people", "person", "", {"name": "Sam Sample", "relationship": N_("my coach"),
                                   "phone": "555-0187",
                                   "will_do": N_("He will meet me at the gym.")}),
    ("safe-people", "code-word", "", {"word": N_("blue umbrella"),
                                      "meaning": N_("Come and get me now.")}),
    ("safe-places", "place", "", {"name": N_("The library on Main Street"),
                                  "how": N_("Bus 12"), "when_open": N_("9 to 8, every day")}),
    ("if-leaving", "answer", "first-contact", {"text": N_("I will text my caseworker "
                                                             "first.")}),
    ("phone-online", "check", "location", {}),
    ("documents", "answer", "birth-certificate", {"text": N_("My caseworker keeps it in "
                                                                "the office.")}),
    ("ready-bag", "check", "charger", {}),
    ("ready-bag", "check", "medicine", {}),
    ("health", "answer", "medicines", {"text": N_("An inhaler for my asthma.")}),
    ("help-lines", "helpline", "emergency", {}),
    ("help-lines", "helpline", "trafficking", {}),
    ("help-lines", "helpline", "crisis", {}),
    ("after-return", "answer", "what-helps", {"text": N_("A hot meal and some quiet "
                                                            "time.")}),
    ("agreement", "answer", "copies", {"text": N_("Me, my aunt and my caseworker.")}),
)
SAMPLE_NAME = "Jordan Sample"


def sample_printout(content: Content, language: str, agency: str = "") -> PlanPrintout:
    """The sample plan, its made-up answers in `language`."""
    tr = translator(language)
    keys = {(s.id, q.id) for s in content.sections for q in s.questions} | \
        {(s.id, c.id) for s in content.sections for c in s.checks}
    items = []
    for n, (section, kind, key, values) in enumerate(_ITEMS):
        if key and kind in ("answer", "check") and (section, key) not in keys:
            continue  # content this version does not have
        shown = {k: v if k == "phone" or (k == "name" and kind in ("person", "avoid-person"))
                 else tr.gettext(v) for k, v in values.items()}  # people's names as they are
        items.append(ItemView(n + 1, section, kind, key, n, shown,
                              STAFF if kind == "avoid-person" else YOUTH,
                              KINDS[kind].kept_off, 1, f"sample-{n}"))
    plan = PlanView(1, 1, "agreed", datetime(2026, 12, 1), tuple(items), {}, 1, None,
                    datetime(2026, 12, 1), date(2027, 3, 1))
    return PlanPrintout(plan, content, SAMPLE_NAME, tr.gettext(N_("they/them")), agency)
