"""The five levels of one domain as choosable rows: each shows the general name ("Level 3 ·
Getting by") and what that level looks like in this domain, in Waymark's own words.

It works like a set of radio buttons (Tab reaches it, the arrow keys move between levels,
Space chooses, clicking a description chooses its level), except that nothing is chosen until
someone chooses: there is never a pre-selected level, and "Clear the rating" takes a choice
back to "Not rated".
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.look import space
from desktop.operations.assessment import LEVEL_COUNT, Domain, level_name
from desktop.translation import RetranslateMixin
from i18n import _
from i18n.formatting import format_number


def level_words(level: int | None) -> str:
    """"Level 3 · Getting by", or "Not rated", in the interface language."""
    if level is None:
        return _("Not rated")
    return _("Level {number} · {name}").format(number=format_number(level),
                                               name=_(level_name(level)))


class LevelRow(QFrame):
    """One level: its radio button with the general name, and the domain's own description."""

    def __init__(self, level: int) -> None:
        super().__init__()
        self.setObjectName("level-row")
        self.level = level
        self.radio = QRadioButton()
        self.radio.setObjectName(f"level-{level}")
        self.describe = QLabel()
        self.describe.setObjectName("level-description")
        self.describe.setWordWrap(True)
        self.describe.setBuddy(self.radio)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(space(2), space(1), space(2), space(1))
        layout.setSpacing(0)
        layout.addWidget(self.radio)
        indented = QHBoxLayout()
        indented.addSpacing(self.radio.sizeHint().height() + space(1))  # under the words
        indented.addWidget(self.describe, 1)
        layout.addLayout(indented)
        self.radio.toggled.connect(self._mark)

    def _mark(self, chosen: bool) -> None:
        """The chosen level's row stands out (the look's style sheet gives it its colour)."""
        self.setProperty("chosen", chosen)
        self.style().unpolish(self)
        self.style().polish(self)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A click on the description chooses the level too."""
        if self.radio.isEnabled() and not self.radio.isChecked() and \
                event.button() == Qt.MouseButton.LeftButton:
            self.radio.click()
        super().mousePressEvent(event)


class LevelChoice(RetranslateMixin, QWidget):
    chosen = Signal(object)  # the level chosen by the person (an int), or None when cleared

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("level-choice")
        self.domain: Domain | None = None
        self.group = QButtonGroup(self)
        self.rows = [LevelRow(level) for level in range(1, LEVEL_COUNT + 1)]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(space(1))
        for row in self.rows:
            self.group.addButton(row.radio, row.level)
            layout.addWidget(row)
        self.clear_button = QPushButton()
        self.clear_button.setObjectName("clear-rating")
        clear_row = QHBoxLayout()
        clear_row.addWidget(self.clear_button)
        clear_row.addStretch(1)
        layout.addLayout(clear_row)
        self.group.idClicked.connect(self._clicked)
        self.clear_button.clicked.connect(self._clear)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        for row in self.rows:
            words = level_words(row.level)
            row.radio.setText(words)
            row.radio.setAccessibleName(words)
            described = str(self.domain.level(row.level)) if self.domain else ""
            row.describe.setText(described)
            row.radio.setAccessibleDescription(described)
        self.clear_button.setText(_("Clear the rating"))
        self.clear_button.setAccessibleDescription(_("Back to \"Not rated\"."))

    def show_domain(self, domain: Domain, level: int | None) -> None:
        self.domain = domain
        self.retranslate_ui()
        self.set_level(level)

    def level(self) -> int | None:
        chosen = self.group.checkedId()
        return None if chosen < 0 else chosen

    def set_level(self, level: int | None) -> None:
        """Show `level` as chosen (None: none is), without announcing it as the person's."""
        self.group.setExclusive(False)  # an exclusive group cannot be left with none chosen
        for row in self.rows:
            row.radio.setChecked(row.level == level)
        self.group.setExclusive(True)
        self.clear_button.setEnabled(level is not None and self.rows[0].radio.isEnabled())

    def set_read_only(self, read_only: bool) -> None:
        for row in self.rows:
            row.radio.setEnabled(not read_only)
        self.clear_button.setVisible(not read_only)
        self.clear_button.setEnabled(not read_only and self.level() is not None)

    def _clicked(self, level: int) -> None:
        self.clear_button.setEnabled(True)
        self.chosen.emit(level)

    def _clear(self) -> None:
        self.set_level(None)
        self.rows[0].radio.setFocus()
        self.chosen.emit(None)
