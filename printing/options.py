"""What a plan printout is made of and how it is asked for: plain data, gathered by the
desktop's operations (or the admin command line's sample) and handed to `printing.plan_pdf`.

The young person's words are printed exactly as written (NFC-normalised); items they chose to
keep off their printed copy never reach the document.
"""

from __future__ import annotations

from dataclasses import dataclass

from casefile.policy import HelpLine
from planning.content import Content
from planning.plans import PlanView

FULL, DISCREET, WALLET = "full", "discreet", "wallet"
VARIANTS = (FULL, DISCREET, WALLET)


@dataclass(frozen=True)
class PrintOptions:
    variant: str  # FULL, DISCREET or WALLET
    language: str  # the print language (the youth's preferred one by default)
    second_language: str | None = None  # every fixed heading and prompt again, beneath
    large_print: bool = False  # full plan: text about 1.4 times the size
    title: str = ""  # discreet plan: the neutral title the young person chose ("" = plain)
    code_word: bool = False  # wallet card: print the code word (only if the youth asks)
    say_what_lines_are_for: bool = False  # discreet plan: help lines with what they are for

    def __post_init__(self) -> None:
        if self.variant not in VARIANTS:
            raise ValueError(self.variant)


@dataclass(frozen=True)
class PlanPrintout:
    """A youth's plan and what goes around it on paper."""

    plan: PlanView
    content: Content
    name: str  # the name they go by (never in the PDF's metadata)
    pronouns: str
    agency: str  # the agency's name (never on a discreet print)
    local_lines: tuple[HelpLine, ...] = ()  # the agency's own help lines
