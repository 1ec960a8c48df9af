"""A document's "Where to get it": a button that shows and hides the guidance under it (the
built-in steps, the agency's own, or why the agency's file cannot be used). The button says
what it will do in words, not with an arrow, so it reads the same in either direction."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from casefile.errors import WaymarkError
from desktop.forms import message_label
from desktop.look import MessageKind
from desktop.operations import documents as ops
from desktop.translation import RetranslateMixin
from i18n import _


class DocumentGuide(RetranslateMixin, QWidget):
    def __init__(self, document: ops.Document, problem: WaymarkError | None) -> None:
        super().__init__()
        self._document, self._problem = document, problem
        self.button = QPushButton()
        self.button.setObjectName(f"{document.id}-guide")
        self.button.setCheckable(True)
        self.text = message_label(MessageKind.ERROR) if problem else QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.hide()
        row = QHBoxLayout()
        row.addWidget(self.button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.text)
        self.button.toggled.connect(self._open)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.text.setText(self._problem.user_message() if self._problem is not None
                          else str(self._document.guide))
        self._name_button()

    def _name_button(self) -> None:
        opened = self.button.isChecked()
        self.button.setText(_("Hide where to get it") if opened else _("Where to get it"))
        self.button.setAccessibleName(
            (_("Hide where to get it: {document}") if opened
             else _("Where to get it: {document}")).format(document=self._document.title))

    def _open(self, opened: bool) -> None:
        self.text.setVisible(opened)
        self._name_button()
