"""The plan's PDF, built in memory.

A stand-in for the printed plan while the real layout is built: the young person's words, one
line each, about forty lines a page. Only `render_plan` is used from outside.
"""

from __future__ import annotations

import io
import unicodedata

from reportlab.lib.pagesizes import LETTER
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from printing.options import PlanPrintout, PrintOptions
from resources import RESOURCES_DIR

LINES_PER_PAGE = 40
_FONT = "NotoSans"


def _font() -> str:
    if _FONT not in pdfmetrics.getRegisteredFontNames():
        path = RESOURCES_DIR / "fonts" / "NotoSans-Regular.ttf"
        pdfmetrics.registerFont(TTFont(_FONT, str(path)))
    return _FONT


def _lines(printout: PlanPrintout) -> list[str]:
    words = [" ".join(v for v in item.values.values() if v)
             for item in printout.plan.items if not item.keep_off_print]
    return [unicodedata.normalize("NFC", line) for line in words if line.strip()] or ["-"]


def render_plan(printout: PlanPrintout, options: PrintOptions) -> bytes:
    """The printout as a complete PDF (no name in its metadata)."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=LETTER, invariant=True)
    pdf.setTitle("")
    font, size = _font(), 16 if options.large_print else 11
    lines = _lines(printout)
    for start in range(0, len(lines), LINES_PER_PAGE):
        pdf.setFont(font, size)
        y = LETTER[1] - 72
        for line in lines[start:start + LINES_PER_PAGE]:
            pdf.drawString(72, y, line[:90])
            y -= size * 1.5
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()
