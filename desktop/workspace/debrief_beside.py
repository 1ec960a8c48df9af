"""The return debrief beside the safety plan, while the plan is changed after a return: what
the young person said before leaving, while away and about what would help, and the screen's
answers that point to a concern. The together view never shows it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.forms import heading
from desktop.look import TYPE
from desktop.operations import missing as missing_ops
from desktop.operations.types import DebriefView
from i18n import _

TALKS = ("before_leaving", "while_away", "would_help")  # the debrief's parts, in order


class DebriefBeside(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("debrief-beside")
        self.setMaximumWidth(320)
        self.debrief: DebriefView | None = None
        self.title = heading(scale=TYPE.body)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QPushButton()
        self.close_button.setObjectName("close-beside")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.title)
        column.addWidget(self.text)
        column.addWidget(self.close_button)
        column.addStretch(1)
        self.hide()
        self.close_button.clicked.connect(self.hide)

    def show_debrief(self, debrief: object) -> None:
        self.debrief = debrief if isinstance(debrief, DebriefView) else None
        self.retranslate()
        self.show()

    def clear(self) -> None:
        """Another youth: no debrief beside."""
        self.debrief = None
        self.hide()

    def retranslate(self) -> None:
        debrief = self.debrief
        if debrief is None:
            return
        content = missing_ops.debrief_content()
        lines = [f"{part.title}: {getattr(debrief, name)}"
                 for part, name in zip(content.parts, TALKS, strict=False)
                 if getattr(debrief, name)]
        concerns = content.concerns(debrief.screen)
        if concerns:
            lines.append(_("Answers that point to a concern: {questions}").format(
                questions="; ".join(str(q.text) for q in concerns)))
        self.title.setText(_("From the return debrief"))
        self.text.setText("\n\n".join(lines) or _("Nothing was written in the debrief."))
        self.close_button.setText(_("Close"))
