"""The wallet card: one page holding four card-sized panels (85 × 55 mm) in a square, with cut
marks at its corners and dashed fold lines between the panels. Cut it out, fold it twice, and it
fits a wallet: a cover that says nothing of what it is, the young person's safe people and their
numbers, the help lines they chose, and the code word only when they ask for it on the card
(otherwise their safe places). Text shrinks to fit its panel and never runs over its edge.
"""

from __future__ import annotations

from io import BytesIO
from typing import Any

from reportlab.lib.colors import Color, black
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from i18n import Translator, language, translator
from planning.content import local_line_key
from printing import words
from printing.fonts import LATIN
from printing.options import PlanPrintout, PrintOptions
from printing.text import Line, draw_line, wrap

PANEL_W, PANEL_H = 85 * mm, 55 * mm
PAD = 4 * mm
MARK = 5 * mm  # the cut marks' length
GREY = Color(0.45, 0.45, 0.45)
SIZES = (10.0, 9.0, 8.0, 7.0, 6.5)  # tried in turn until a panel's text fits


def _people(printout: PlanPrintout) -> list[str]:
    return [" · ".join(v for v in (item.values.get("name", ""), item.values.get("phone", ""))
                       if v.strip())
            for item in printout.plan.items
            if item.kind == "person" and not item.keep_off_print and item.section != "agreement"
            and item.values.get("name", "").strip()]


def _lines(printout: PlanPrintout, tr: Translator) -> list[str]:
    chosen = [i.content_key for i in printout.plan.items if i.kind == "helpline"
              and not i.keep_off_print]
    found = []
    for key in chosen:
        line = next((h for h in printout.content.helplines if h.id == key), None)
        if line is not None:
            found.append(f"{line.name.translated(tr)}: {line.number}")
        local = next((h for h in printout.local_lines if local_line_key(h.name) == key), None)
        if local is not None:
            found.append(f"{local.name}: {local.number}")
    return found


def _fourth(printout: PlanPrintout, options: PrintOptions, tr: Translator) -> list[str]:
    """The code word when the young person asks for it on the card, else their safe places."""
    if options.code_word:
        return [tr.gettext(words.CODE_WORD).format(word=item.values.get("word", ""))
                for item in printout.plan.items
                if item.kind == "code-word" and item.values.get("word", "").strip()]
    return [" · ".join(v for v in (item.values.get("name", ""), item.values.get("when_open", ""))
                       if v.strip())
            for item in printout.plan.items if item.kind == "place" and not item.keep_off_print]


def _fit(entries: list[tuple[str, bool]], rtl: bool) -> tuple[float, list[tuple[Line, bool]]]:
    """The largest size at which `entries` (text, is a heading) fit a panel, and their lines;
    at the smallest size, what does not fit is left out with "…" rather than run over."""
    room_w, room_h = PANEL_W - 2 * PAD, PANEL_H - 2 * PAD
    for size in SIZES:
        laid = [(line, heading) for text, heading in entries
                for line in wrap(text, size, room_w, bold=heading, rtl=rtl if heading else None)]
        if len(laid) * size * 1.3 <= room_h:
            return size, laid
    size = SIZES[-1]
    keep = max(1, int(room_h // (size * 1.3)) - 1)
    return size, [*laid[:keep], (wrap("…", size, room_w)[0], False)]


def _panel(canvas: Canvas, x: float, y: float, entries: list[tuple[str, bool]],
           rtl: bool) -> None:
    size, laid = _fit(entries, rtl)
    baseline = y + PANEL_H - PAD - size
    for line, heading in laid:
        draw_line(canvas, line, x + PAD, baseline, PANEL_W - 2 * PAD, size + (1 if heading else 0),
                  black)
        baseline -= size * 1.3


def _marks(canvas: Canvas, left: float, bottom: float) -> None:
    """Cut marks outside the four corners; dashed fold lines between the panels."""
    right, top = left + 2 * PANEL_W, bottom + 2 * PANEL_H
    canvas.setStrokeColor(GREY)
    canvas.setLineWidth(0.5)
    for x, y, dx, dy in ((left, bottom, -1, -1), (right, bottom, 1, -1), (left, top, -1, 1),
                         (right, top, 1, 1)):
        canvas.line(x + dx * 2, y, x + dx * (2 + MARK), y)
        canvas.line(x, y + dy * 2, x, y + dy * (2 + MARK))
    canvas.setDash(3, 3)
    canvas.line(left + PANEL_W, bottom, left + PANEL_W, top)
    canvas.line(left, bottom + PANEL_H, right, bottom + PANEL_H)
    canvas.setDash()
    canvas.rect(left, bottom, 2 * PANEL_W, 2 * PANEL_H, stroke=1, fill=0)


def render_wallet(printout: PlanPrintout, options: PrintOptions) -> bytes:
    tr = translator(options.language)
    rtl = language(tr.code).right_to_left
    buffer = BytesIO()
    canvas = Canvas(buffer, pagesize=LETTER, initialFontName=LATIN.registered(False))
    title = tr.gettext(words.WALLET_TITLE)
    canvas.setTitle(title)
    canvas.setAuthor("")
    canvas.setSubject("")
    canvas.setKeywords("")
    canvas.setCreator("")
    left = (LETTER[0] - 2 * PANEL_W) / 2
    bottom = LETTER[1] - 72 - 2 * PANEL_H
    panels: list[list[tuple[str, bool]]] = [
        [(title, True), (tr.gettext(words.KEEP_SAFE), False)],
        [(tr.gettext(words.WALLET_PEOPLE), True)] + [(t, False) for t in _people(printout)],
        [(tr.gettext(words.WALLET_LINES), True)] + [(t, False) for t in _lines(printout, tr)],
        [(t, False) for t in _fourth(printout, options, tr)],
    ]
    places: list[Any] = [(left, bottom + PANEL_H), (left + PANEL_W, bottom + PANEL_H),
                         (left, bottom), (left + PANEL_W, bottom)]
    if rtl:  # the cover on the right, read first
        places = [places[1], places[0], places[3], places[2]]
    for (x, y), entries in zip(places, panels, strict=True):
        if entries:
            _panel(canvas, x, y, entries, rtl)
    _marks(canvas, left, bottom)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
