"""The fixed words printed on a plan, marked for translation and translated into the print
language (never the interface's) when a document is built.

A discreet print uses only the neutral words of `DISCREET_HEADINGS` and `NEUTRAL`: none of them
may say what the paper is (no "safety", "trafficking", "runaway", "abuse" in any language; a
test reads every discreet print for them).
"""

from __future__ import annotations

from i18n import N_

PLAN_TITLE = N_("My safety plan")
FOR_NAME = N_("For {name}")
PRONOUNS = N_("Pronouns: {pronouns}")
MADE_WITH = N_("Made with {agency}")
AGREED = N_("Agreed on {date}. Next review: {date_next}.")
DRAFT = N_("This plan is a draft: it has not been agreed and signed yet.")
EMPTY = N_("Nothing is written here yet. You can fill it in with your caseworker.")
EMPTY_PLAN = N_("This plan is still empty. Each section below has space to write.")
PAGE = N_("Page {number}")
TEXT_ALSO = N_("Text: {number}")
TTY = N_("TTY: {number}")
KEEP_SAFE = N_("Keep this card somewhere safe. You can always come back.")
CODE_WORD = N_("Code word: {word}")
BY_CASEWORKER = N_("(written by the caseworker)")

# A discreet print: a plain default title, and neutral headings for the sections it shows.
DISCREET_TITLE = N_("My notes")
NEUTRAL = N_("Phone numbers")
DISCREET_HEADINGS = {
    "about-me": N_("About me"),
    "calm-and-safe": N_("Things that help me"),
    "safe-people": N_("People"),
    "safe-places": N_("Places"),
    "if-leaving": N_("If I need to go"),
    "documents": N_("My papers"),
    "ready-bag": N_("Things to keep ready"),
    "health": N_("Health"),
    "help-lines": NEUTRAL,
}
WALLET_TITLE = N_("My numbers")
WALLET_PEOPLE = N_("People I can call")
WALLET_LINES = N_("Help, any time")
