"""The needs assessment's domains in a list: each domain's title, its level as saved ("Level 3 ·
Getting by" or "Not rated") and, in a reassessment, its level last time."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from desktop.operations.assessment import AssessmentView, RatingView, domains
from desktop.workspace.level_choice import level_words
from i18n import _

WIDTH = 250  # px: beside the chosen domain


class DomainList(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("domains")
        self.setFixedWidth(WIDTH)
        self.setWordWrap(True)
        self.ids = [domain.id for domain in domains()]

    def fill(self, ratings: dict[str, RatingView], previous: AssessmentView | None) -> None:
        """Show every domain's level (in the interface language), keeping the one chosen."""
        self.setAccessibleName(_("Domains"))
        self.blockSignals(True)
        row = self.currentRow()
        self.clear()
        for domain in domains():
            lines = [str(domain.title), level_words(_level(ratings, domain.id))]
            if previous is not None:
                lines.append(_("Last time: {level}").format(
                    level=level_words(previous.rating(domain.id).level)))
            item = QListWidgetItem("\n".join(lines))
            item.setData(Qt.ItemDataRole.UserRole, domain.id)
            self.addItem(item)
        self.setCurrentRow(row if 0 <= row < self.count() else 0)
        self.blockSignals(False)

    def say_level(self, domain: str, level: int | None) -> None:
        item = self.item(self.ids.index(domain))
        lines = item.text().split("\n")
        lines[1] = level_words(level)
        item.setText("\n".join(lines))

    def choose_quietly(self, domain: str) -> None:
        """Mark `domain` as the one chosen, without announcing it."""
        self.blockSignals(True)
        self.setCurrentRow(self.ids.index(domain) if domain in self.ids else 0)
        self.blockSignals(False)

    def domain_at(self, row: int) -> str | None:
        return self.ids[row] if 0 <= row < len(self.ids) else None


def _level(ratings: dict[str, RatingView], domain: str) -> int | None:
    rating = ratings.get(domain)
    return rating.level if rating else None
