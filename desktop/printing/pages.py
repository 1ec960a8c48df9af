"""A PDF's pages, read from memory with PDFium: each page as an image, and the page's words
with where they stand (for the hidden text layer on paper). Nothing is written to disk."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pypdfium2 as pdfium

from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtGui import QImage

POINTS_PER_INCH = 72


@dataclass(frozen=True)
class Word:
    """A word of a page and its box, in points from the page's top left corner."""

    text: str
    box: QRectF


class PdfPages:
    """The pages of a PDF held in memory."""

    def __init__(self, data: bytes) -> None:
        self._document = pdfium.PdfDocument(data)

    def __len__(self) -> int:
        return len(self._document)

    def close(self) -> None:
        self._document.close()

    def __enter__(self) -> PdfPages:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def size(self, index: int) -> QSizeF:
        """The page's size in points."""
        width, height = self._document[index].get_size()
        return QSizeF(width, height)

    def image(self, index: int, scale: float) -> QImage:
        """The page drawn `scale` pixels to a point, white behind (a copy Qt owns)."""
        bitmap = self._document[index].render(scale=scale, rev_byteorder=True, prefer_bgrx=True)
        image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                       QImage.Format.Format_RGBX8888)
        return image.copy()

    def words(self, index: int) -> list[Word]:
        """The page's words in reading order, each with its box (loose: the font's height)."""
        page = self._document[index]
        height = page.get_size()[1]
        text_page = page.get_textpage()
        try:
            return list(_words(text_page, height))
        finally:
            text_page.close()


def _words(text_page: pdfium.PdfTextPage, page_height: float) -> Iterator[Word]:
    letters: list[str] = []
    box = QRectF()
    for index in range(text_page.count_chars()):
        letter = text_page.get_text_range(index, 1)
        left, bottom, right, top = text_page.get_charbox(index, loose=True)
        here = QRectF(left, page_height - top, max(right - left, 0.01), max(top - bottom, 0.01))
        if letter.isspace() or not letter or (letters and not _same_line(box, here)):
            if letters:
                yield Word("".join(letters), box)
            letters, box = [], QRectF()
            if letter.isspace() or not letter:
                continue
        letters.append(letter)
        box = here if box.isNull() else box.united(here)
    if letters:
        yield Word("".join(letters), box)


def _same_line(word: QRectF, letter: QRectF) -> bool:
    return abs(word.center().y() - letter.center().y()) < word.height() / 2
