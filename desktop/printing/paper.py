"""Putting a PDF held in memory on paper through Qt's printer.

Each page is drawn as an image at the printer's resolution (at most MAX_DPI), scaled to the
printable area keeping its shape, one page per sheet. Beneath the image, each word of the page is
written again with a fully transparent pen, where it stands on the page: the sheet shows only the
image, and a printer that prints to a file (a PDF) keeps the plan's text, which can be searched,
read aloud and copied. (Qt's PDF engine writes transparent text; the opaque image over it also
hides it from a printer driver that would ignore transparency.)
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetricsF, QPainter, QPen
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QWidget

from casefile.errors import WaymarkError
from desktop.operations import printing as ops
from desktop.printing.pages import POINTS_PER_INCH, PdfPages, Word
from i18n import N_

MAX_DPI = 300  # a letter page at 300 dpi is 34 MB of pixels; at 1200 it would be 540 MB


class PrinterNotStarted(WaymarkError):
    message = N_("The printer could not be started, so nothing was printed. Check that it is "
                 "switched on and try again.")


def printer_available() -> bool:
    """Whether this computer has a printer set up (the system's list, or a default one)."""
    return bool(QPrinterInfo.availablePrinters()) or not QPrinterInfo.defaultPrinter().isNull()


def ask_for_printer(printer: QPrinter, parent: QWidget) -> bool:
    """The system's print dialog: which printer, how many copies, which pages."""
    dialog = QPrintDialog(printer, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted


def print_pdf(printer: QPrinter, data: bytes) -> None:
    """Print the PDF `data` on `printer`, the pages chosen in its dialog (all by default)."""
    with PdfPages(data) as pages:
        first = max(printer.fromPage(), 1) - 1
        last = min(printer.toPage() or len(pages), len(pages))
        painter = QPainter()
        if not painter.begin(printer):
            raise PrinterNotStarted()
        try:
            for index in range(first, last):
                if index > first:
                    printer.newPage()
                _print_page(painter, printer, pages, index)
        finally:
            painter.end()


def _print_page(painter: QPainter, printer: QPrinter, pages: PdfPages, index: int) -> None:
    area = printer.pageLayout().paintRectPixels(printer.resolution())
    size = pages.size(index)
    scale = min(area.width() / size.width(), area.height() / size.height())  # pixels a point
    target = QRectF(0, 0, size.width() * scale, size.height() * scale)
    target.moveCenter(QRectF(0, 0, area.width(), area.height()).center())
    _write_words(painter, pages.words(index), target.topLeft(), scale)
    dpi = min(printer.resolution(), MAX_DPI)
    painter.drawImage(target, pages.image(index, dpi / POINTS_PER_INCH))


def _write_words(painter: QPainter, words: list[Word], origin: QPointF, scale: float) -> None:
    painter.save()
    painter.setPen(QPen(QColor(0, 0, 0, 0)))
    font = text_font()
    for word in words:
        box = QRectF(origin + word.box.topLeft() * scale, word.box.size() * scale)
        font.setPixelSize(max(1, round(box.height() / 1.4)))  # a line is about 1.4 ems high
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        width = metrics.horizontalAdvance(word.text)
        painter.save()
        painter.translate(box.left(), box.bottom() - metrics.descent())
        if width > 0:
            painter.scale(box.width() / width, 1)
        painter.drawText(QPointF(0, 0), word.text)
        painter.restore()
    painter.restore()


@cache
def _families() -> tuple[str, ...]:
    families: list[str] = []
    for path in ops.font_files():
        font_id = QFontDatabase.addApplicationFont(str(path))
        families += QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return tuple(families)


def text_font() -> QFont:
    """The hidden text's font: the bundled fonts (every script Waymark prints), unshaped, so a
    word is written with one glyph a letter ("fi" stays two letters, not a ligature)."""
    font = QFont()
    font.setFamilies(list(_families()))
    font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    return font
