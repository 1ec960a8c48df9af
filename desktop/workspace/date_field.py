"""A date input that can be empty ("Not set"), entered as year-month-day in every language."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QToolButton, QWidget

from desktop.translation import RetranslateMixin
from i18n import _

_UNSET = QDate(1900, 1, 1)


class DateField(RetranslateMixin, QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")  # unambiguous in every language
        self.edit.setMinimumDate(_UNSET)
        self.edit.setDate(_UNSET)
        self.edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.clear_button = QToolButton()
        self.clear_button.setText("×")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.clear_button)
        self.setFocusProxy(self.edit)
        self.edit.dateChanged.connect(self.changed)
        self.clear_button.clicked.connect(lambda: self.set_value(None))
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.edit.setSpecialValueText(_("Not set"))
        self.clear_button.setToolTip(_("Clear the date"))
        self.clear_button.setAccessibleName(_("Clear the date"))

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)

    def value(self) -> date | None:
        chosen = self.edit.date()
        return None if chosen == _UNSET else date(chosen.year(), chosen.month(), chosen.day())

    def set_value(self, value: date | None) -> None:
        self.edit.setDate(_UNSET if value is None else QDate(value.year, value.month, value.day))
