"""The print preview: the PDF's pages, drawn from memory, one under the other."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop import look
from desktop.printing.pages import PdfPages
from i18n import _

PAGE_WIDTH = 520  # a page's width on screen, in pixels (before the screen's scaling)
PAGE_EDGE = 1  # its border's width (QLabel#preview-page in look.py)


class Preview(QScrollArea):
    """Pages as they will be printed. `show_pdf` replaces them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("print-preview")
        self.setWidgetResizable(True)
        self.setMinimumWidth(PAGE_WIDTH + 2 * look.space(4))
        self._column = QWidget()
        self._layout = QVBoxLayout(self._column)
        self._layout.setSpacing(look.space(4))
        self._layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.setWidget(self._column)
        self.pages: list[QLabel] = []

    def show_pdf(self, data: bytes) -> None:
        self.clear()
        ratio = self.devicePixelRatioF()
        with PdfPages(data) as pdf:
            for index in range(len(pdf)):
                image = pdf.image(index, PAGE_WIDTH * ratio / pdf.size(index).width())
                image.setDevicePixelRatio(ratio)
                page = QLabel()
                page.setObjectName("preview-page")
                page.setPixmap(QPixmap.fromImage(image))
                edge = 2 * PAGE_EDGE  # the sheet's edge on the window (look.py draws it)
                page.setFixedSize(round(image.width() / ratio) + edge,
                                  round(image.height() / ratio) + edge)
                self._layout.addWidget(page)
                self.pages.append(page)
        self.name_pages()

    def name_pages(self) -> None:
        """Each page's name for a screen reader, in the interface language."""
        for number, page in enumerate(self.pages, 1):
            page.setAccessibleName(_("Page {number} of {count}").format(
                number=number, count=len(self.pages)))

    def clear(self) -> None:
        for page in self.pages:
            self._layout.removeWidget(page)
            page.hide()  # at once: deleted only when the event loop next runs
            page.deleteLater()
        self.pages = []
