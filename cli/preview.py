"""`waymark-admin preview-print --lang CODE --variant full|discreet|wallet|assessment --out FILE`:
a sample plan with made-up content in every section, printed as the chosen variant and language,
or (`assessment`) a made-up needs assessment and action plan, for reviewing translations and
layout without a youth. It needs no store and no password."""

from __future__ import annotations

import argparse

from casefile.errors import WaymarkError
from casefile.files.fsutil import atomic_write_bytes
from cli.grammar import escape_help, path_argument
from cli.output import say, shown
from i18n import LANGUAGES, N_, _
from planning.content import load_built_in
from printing.assessment_pdf import ASSESSMENT, render_assessment
from printing.assessment_sample import sample_assessment
from printing.options import VARIANTS, PrintOptions
from printing.plan_pdf import render_plan
from printing.sample import sample_printout

CODES = [language.code for language in LANGUAGES]
SAMPLE_AGENCY = "Example County Children's Services"


class PlanOptionsOnly(WaymarkError):
    message = N_("--second-lang and --large-print are for printed plans only; the assessment is "
                 "printed in one language. Nothing was written.")


def _sample(args: argparse.Namespace) -> bytes:
    if args.variant == ASSESSMENT:
        if args.second_lang or args.large_print:
            raise PlanOptionsOnly()
        return render_assessment(sample_assessment(args.lang, SAMPLE_AGENCY), args.lang)
    printout = sample_printout(load_built_in(), args.lang, SAMPLE_AGENCY)
    options = PrintOptions(args.variant, args.lang, second_language=args.second_lang,
                           large_print=args.large_print, code_word=True)
    return render_plan(printout, options)


def run_preview(args: argparse.Namespace) -> int:
    data = _sample(args)
    try:
        atomic_write_bytes(args.out, data)
    except OSError as error:  # named by the file asked for, not the temporary one beside it
        raise OSError(error.errno, error.strerror, str(args.out)) from error
    say(_("Wrote a sample {variant} print in {language} to {file}. It holds made-up content "
          "only.").format(variant=args.variant, language=args.lang, file=shown(args.out)))
    return 0


def add_preview_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    preview = commands.add_parser("preview-print", help=escape_help(_(
        "write a sample printed plan (made-up content) for reviewing a language's layout")))
    preview.add_argument("--lang", required=True, choices=CODES, help=escape_help(_(
        "the print language")))
    preview.add_argument("--variant", required=True, choices=(*VARIANTS, ASSESSMENT),
                         help=escape_help(_("full, discreet, wallet or assessment")))
    preview.add_argument("--second-lang", choices=CODES, default=None, help=escape_help(_(
        "a second language beneath every fixed heading and prompt")))
    preview.add_argument("--large-print", action="store_true", help=escape_help(_(
        "larger text")))
    preview.add_argument("--out", required=True, type=path_argument, metavar="FILE",
                         help=escape_help(_("the PDF file to write")))
    preview.set_defaults(run=run_preview, needs_login=False)
