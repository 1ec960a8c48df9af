"""Adding a goal: the part of the young person's life it is about (chosen, never guessed) and
the goal in their own words."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.forms import heading
from desktop.look import TYPE
from desktop.operations import goals as ops
from desktop.translation import RetranslateMixin
from i18n import _


class NewGoal(RetranslateMixin, QWidget):
    add_requested = Signal(str, str)  # the domain id ("" when none is chosen), the words

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("new-goal")
        self.title = heading(scale=TYPE.subtitle)
        self.domain_label = QLabel()
        self.domain = QComboBox()
        self.domain.setObjectName("goal-domain")
        self.domain.addItem("", "")  # nothing chosen yet
        for domain in ops.life_domains():
            self.domain.addItem("", domain.id)
        self.words_label = QLabel()
        self.words = QLineEdit()
        self.words.setObjectName("new-goal-words")
        self.add_button = QPushButton()
        self.add_button.setObjectName("add-goal")
        self.domain_label.setBuddy(self.domain)
        self.words_label.setBuddy(self.words)
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.domain_label, 0, 0)
        grid.addWidget(self.words_label, 0, 1)
        grid.addWidget(self.domain, 1, 0)
        grid.addWidget(self.words, 1, 1)
        grid.addWidget(self.add_button, 1, 2)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(grid)
        self.add_button.clicked.connect(self._add)
        self.words.returnPressed.connect(self._add)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(_("Add a goal"))
        self.domain_label.setText(_("Pa&rt of their life"))
        self.domain.setAccessibleName(_("Part of their life"))
        self.domain.setItemText(0, _("Choose…"))
        for position, domain in enumerate(ops.life_domains(), start=1):
            self.domain.setItemText(position, str(domain.title))
        self.words_label.setText(_("The goal, in their &own words"))
        self.words.setAccessibleName(_("The goal, in their own words"))
        self.words.setPlaceholderText(_("For example: I want my own place by the summer"))
        self.add_button.setText(_("A&dd goal"))

    def _add(self) -> None:
        self.add_requested.emit(self.domain.currentData(), self.words.text())

    def choose(self, domain_id: str) -> None:
        self.domain.setCurrentIndex(max(self.domain.findData(domain_id), 0))

    def clear(self) -> None:
        self.domain.setCurrentIndex(0)
        self.words.clear()

    def typed(self) -> dict[str, Any]:
        """What a lock keeps of the form (nothing when it is empty)."""
        if not self.words.text() and not self.domain.currentData():
            return {}
        return {"domain": self.domain.currentData(), "words": self.words.text()}

    def put_back(self, typed: dict[str, Any]) -> None:
        self.choose(typed.get("domain", ""))
        self.words.setText(typed.get("words", ""))
