#!/usr/bin/env python3
"""Render the sample plan in every variant and shipped language, a two-language copy, a full
plan whose answers are in Vietnamese, and the sample needs assessment and action plan in every
shipped language and with names and words in Arabic, Chinese and emoji, to PDF and (with
poppler's pdftoppm) to PNG pages in docs/prints/, for looking at.

    .venv/bin/python tools/print_samples.py
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "prints"
sys.path.insert(0, str(ROOT))

from i18n import LANGUAGES  # noqa: E402
from planning.content import load_built_in  # noqa: E402
from printing.assessment_pdf import GoalLine, RatingLine, StepLine, render_assessment  # noqa: E402
from printing.assessment_sample import sample_assessment  # noqa: E402
from printing.options import VARIANTS, PrintOptions  # noqa: E402
from printing.plan_pdf import render_plan  # noqa: E402
from printing.sample import sample_printout  # noqa: E402

VIETNAMESE = {  # a young person's own words, in Vietnamese (made up)
    "strengths": "Em vẽ giỏi và hay làm bạn bè cười.",
    "calm": "Nghe nhạc bằng tai nghe.",
    "situations": "Khi mọi người la hét trong nhà.",
    "first-contact": "Em sẽ nhắn tin cho cô quản lý hồ sơ trước.",
    "what-helps": "Một bữa ăn nóng và chút yên tĩnh.",
}
AGENCY = "Example County Children's Services"


def _write(name: str, data: bytes) -> None:
    pdf = OUT / f"{name}.pdf"
    pdf.write_bytes(data)
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(OUT / name)], check=True)
    pdf.unlink()  # the pictures are what is looked at; the PDFs are made again at will


def _assessments() -> None:
    for code in (language.code for language in LANGUAGES):
        _write(f"assessment-{code}", render_assessment(sample_assessment(code), code))
    sample = sample_assessment("ar")
    mixed = replace(  # a young person's own words in Arabic and Chinese (made up)
        sample, name="محمد 李明 😀", ratings=(
            RatingLine("safety", 4, "a-lot", "عندي خالة أثق بها 🌹", "اتصل بخالتي على 555-0142"),
            *sample.ratings[1:]),
        goals=(GoalLine("housing", "我想有自己的房间 🏠", "open", (
            StepLine("أملأ طلب السكن", "youth", "", sample.printed_on),
            StepLine("Call the housing program", "caseworker", "王芳")),), *sample.goals[1:]))
    _write("assessment-ar-mixed-answers", render_assessment(mixed, "ar"))


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.png"):
        old.unlink()
    content = load_built_in()
    for code in (language.code for language in LANGUAGES):
        printout = sample_printout(content, code, AGENCY)
        for variant in VARIANTS:
            _write(f"{variant}-{code}", render_plan(printout, PrintOptions(variant, code)))
    two = sample_printout(content, "es", AGENCY)
    _write("full-es-with-en", render_plan(two, PrintOptions("full", "es", second_language="en")))
    english = sample_printout(content, "en", AGENCY)
    items = tuple(replace(item, values={"text": VIETNAMESE[item.content_key]})
                  if item.content_key in VIETNAMESE else item for item in english.plan.items)
    vietnamese = replace(english, plan=replace(english.plan, items=items), name="Nguyễn Thị Hương")
    _write("full-vietnamese-answers", render_plan(vietnamese, PrintOptions("full", "en")))
    _assessments()
    print(f"wrote {len(list(OUT.glob('*.png')))} pages to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
