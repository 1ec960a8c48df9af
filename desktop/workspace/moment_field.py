"""A date and a time of day, typed (or the date chosen from a calendar) in local time and held
as the naive UTC every stored time is. The time is typed as 22:30, 10:30 pm or 10pm; it is
read the same in every language (digits, left to right)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, time

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from desktop.forms import message_label
from desktop.look import MessageKind
from desktop.translation import RetranslateMixin
from desktop.workspace.date_field import DateField
from i18n import _

_TIME = re.compile(r"^\s*(\d{1,2})(?:[:.h](\d{2}))?\s*([ap])?\.?\s*m?\.?\s*$", re.IGNORECASE)


def read_time(text: str) -> time | None:
    """22:30, 9:05, 10:30 pm, 10pm, 7.15 → a time of day; None when it is not one."""
    found = _TIME.match(text)
    if found is None:
        return None
    hour, minute, half = int(found.group(1)), int(found.group(2) or 0), found.group(3)
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half.lower() == "p" else 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


class MomentField(RetranslateMixin, QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.day = DateField()
        self.clock = QLineEdit()
        self.clock.setObjectName("time-text")
        self.clock.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.clock.setMaximumWidth(120)
        self.message = message_label(MessageKind.ERROR)
        self.message.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.day, 1)
        row.addWidget(self.clock)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.setFocusProxy(self.day)
        self.day.changed.connect(self.changed)
        self.clock.textEdited.connect(lambda _text: self.changed.emit())
        self.clock.editingFinished.connect(self._check)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.clock.setPlaceholderText(_("time, e.g. 22:30"))
        self._check()

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.day.setAccessibleName(name)
        self.clock.setAccessibleName(_("{field}: time of day").format(field=name))

    def problem(self) -> bool:
        """Something typed that is not a date and a time (an empty field is not a problem)."""
        if not self.day.text().strip() and not self.clock.text().strip():
            return False
        return self.day.value() is None or read_time(self.clock.text()) is None

    def value(self) -> datetime | None:
        """The moment in naive UTC; None when empty or not yet a date and time."""
        day, hour = self.day.value(), read_time(self.clock.text())
        if day is None or hour is None:
            return None
        local = datetime.combine(day, hour).astimezone()  # this workstation's zone
        return local.astimezone(UTC).replace(tzinfo=None)

    def set_value(self, value: datetime | None) -> None:
        if value is None:
            self.day.set_value(None)
            self.clock.setText("")
        else:
            local = value.replace(tzinfo=UTC).astimezone()
            self.day.set_value(local.date())
            self.clock.setText(local.strftime("%H:%M"))
        self._check()

    def texts(self) -> tuple[str, str]:
        """What is typed (kept over a lock)."""
        return self.day.text(), self.clock.text()

    def put_back(self, texts: tuple[str, str]) -> None:
        self.day.set_text(texts[0])
        self.clock.setText(texts[1])
        self._check()

    def _check(self) -> None:
        bad = bool(self.clock.text().strip()) and read_time(self.clock.text()) is None
        self.message.setVisible(bad)
        if bad:
            self.message.setText(_("Type the time as hours and minutes, for example 22:30 or "
                                   "10:30 pm."))
