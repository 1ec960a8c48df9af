"""A page that explains why the store cannot be opened, and that nothing was changed."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from casefile.errors import WaymarkError
from desktop.forms import heading
from desktop.translation import RetranslateMixin
from i18n import _


class ProblemPage(RetranslateMixin, QWidget):
    quit_requested = Signal()

    def __init__(self, error: WaymarkError, parent: QWidget | None = None):
        super().__init__(parent)
        self._error = error
        self.title = heading()
        self.detail = QLabel()
        self.detail.setObjectName("problem")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.quit = QPushButton()
        self.quit.clicked.connect(self.quit_requested)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (self.title, self.detail):
            layout.addWidget(widget)
        layout.addWidget(self.quit, alignment=Qt.AlignmentFlag.AlignRight)
        layout.addStretch(2)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(_("Waymark cannot open its data"))
        self.detail.setText(self._error.user_message())
        self.detail.setAccessibleName(_("Problem"))
        self.quit.setText(_("Quit"))
