"""`waymark-admin preview-print --lang CODE --variant full|discreet|wallet --out FILE`: a sample
plan with made-up content in every section, printed as the chosen variant and language, for
reviewing translations and layout without a youth. It needs no store and no password."""

from __future__ import annotations

import argparse

from casefile.files.fsutil import atomic_write_bytes
from cli.grammar import escape_help, path_argument
from cli.output import say, shown
from i18n import LANGUAGES, _
from planning.content import load_built_in
from printing.options import VARIANTS, PrintOptions
from printing.plan_pdf import render_plan
from printing.sample import sample_printout

CODES = [language.code for language in LANGUAGES]
SAMPLE_AGENCY = "Example County Children's Services"


def run_preview(args: argparse.Namespace) -> int:
    printout = sample_printout(load_built_in(), args.lang, SAMPLE_AGENCY)
    options = PrintOptions(args.variant, args.lang, second_language=args.second_lang,
                           large_print=args.large_print, code_word=True)
    try:
        atomic_write_bytes(args.out, render_plan(printout, options))
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
    preview.add_argument("--variant", required=True, choices=VARIANTS, help=escape_help(_(
        "full, discreet or wallet")))
    preview.add_argument("--second-lang", choices=CODES, default=None, help=escape_help(_(
        "a second language beneath every fixed heading and prompt")))
    preview.add_argument("--large-print", action="store_true", help=escape_help(_(
        "larger text")))
    preview.add_argument("--out", required=True, type=path_argument, metavar="FILE",
                         help=escape_help(_("the PDF file to write")))
    preview.set_defaults(run=run_preview, needs_login=False)
