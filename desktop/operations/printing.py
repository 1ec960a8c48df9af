"""Printing a youth's plan: one function per thing a person does in the print dialog.

The PDF is built in memory and stays there: the preview and the printer are drawn from the bytes,
and a file is written only when the person chooses to save one (atomically, owner-only).
"""

from __future__ import annotations

from pathlib import Path

from casefile.cases import youth
from casefile.errors import WaymarkError
from casefile.files.fsutil import atomic_write_bytes, os_error
from desktop.operations import directory as directory_ops
from desktop.operations import plan as plan_ops
from desktop.operations.session import Session, store_of
from i18n import N_, language, translator
from planning import plans
from printing import plan_pdf
from printing.options import PlanPrintout, PrintOptions
from resources import RESOURCES_DIR

PLAIN_TITLE = N_("My notes")  # a discreet copy's title when the young person chose none


class NoPlan(WaymarkError):
    message = N_("This youth has no safety plan yet, so there is nothing to print.")


def printout(session: Session, youth_id: int) -> PlanPrintout:
    """The youth's plan and what goes around it on paper: their name and pronouns, the
    agency's name and its local help lines, from its policy and its resource directory (the
    domain leaves out what is kept off the copy)."""
    store = store_of(session)
    plan = plans.open_plan(store, youth_id)
    if plan is None:
        raise NoPlan()
    name, pronouns = youth.name_and_pronouns(store, youth_id)
    policy = session.policy
    return PlanPrintout(plan, plan_ops.content(), name, pronouns, policy.agency_name,
                        directory_ops.plan_help_lines(session))


def preferred_language(session: Session, youth_id: int) -> str:
    """The language the youth asked for their printed copies in (a shipped language's code)."""
    return language(youth.get_youth(store_of(session), youth_id).preferred_language).code


def print_languages(session: Session) -> tuple[str, ...]:
    """The languages a copy can be printed in: the ones the agency enabled."""
    return tuple(session.policy.languages)


def plain_title(code: str) -> str:
    """A discreet copy's plain title, in the print language `code`."""
    return translator(code).gettext(PLAIN_TITLE)


def render(printout: PlanPrintout, options: PrintOptions) -> bytes:
    """The printout as a complete PDF, in memory."""
    return plan_pdf.render_plan(printout, options)


def record(session: Session, plan_id: int, variant: str, language: str,
           saved: bool = False) -> None:
    """Note the print (or the saved file) in the audit trail: the variant and the language."""
    plans.record_print(store_of(session), plan_id, variant, language, saved=saved)


def save_pdf(path: Path, data: bytes) -> None:
    """Write the PDF the person chose to save: the whole file or nothing (a temporary file in
    the same folder, flushed to disk, then renamed), readable by its owner only."""
    try:
        atomic_write_bytes(path, data)
    except OSError as error:  # named by the file chosen, never by the temporary one
        raise os_error(error, path) from error


def font_files() -> tuple[Path, ...]:
    """The bundled fonts, so the printed copy's hidden text layer has a glyph for every script."""
    return tuple(sorted((RESOURCES_DIR / "fonts").glob("*-Regular.ttf")))
