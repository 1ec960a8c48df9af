"""A date input that can be empty: typed in the interface language's short form or as
year-month-day, or chosen from a calendar.

A line edit rather than a QDateEdit: a QDateEdit cannot be empty (an "empty" special value is a
real date, so typing into it gave "Not set20120315" and saved nothing) and takes one fixed format.
Text that is not a date is never saved: the field keeps the last date it held and says, under
the field, how to type one.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.forms import message_label
from desktop.look import MessageKind
from desktop.translation import RetranslateMixin, qt_locale
from i18n import _, current_language
from i18n.date_entry import EARLIEST_YEAR, LATEST_YEAR, format_date_entry, parse_date_entry

EXAMPLE = date(2012, 3, 15)  # a day after the 12th, so the order of day and month shows
_OPEN_KEYS = (Qt.Key.Key_F4,)  # and Alt+Down, as in a drop-down list


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def years_before(today: date, years: int) -> date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


class CalendarPopup(QFrame):
    """A calendar in a pop-up window; `chosen` when a day is clicked or Enter is pressed."""

    chosen = Signal(object)  # a date

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget()
        self.calendar.setObjectName("calendar")
        self.calendar.setGridVisible(True)
        self.calendar.setMinimumDate(QDate(EARLIEST_YEAR, 1, 1))
        self.calendar.setMaximumDate(QDate(LATEST_YEAR, 12, 31))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.calendar)
        self.calendar.clicked.connect(self._choose)
        self.calendar.activated.connect(self._choose)

    def open_at(self, below: QWidget, selected: date) -> None:
        self.calendar.setLocale(qt_locale(current_language()))
        self.calendar.setSelectedDate(_qdate(selected))
        self.calendar.setCurrentPage(selected.year, selected.month)
        self.adjustSize()
        corner = below.mapToGlobal(QPoint(0, below.height()))
        if below.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            corner.setX(corner.x() + below.width() - self.width())
        self.move(corner)
        self.show()
        self.calendar.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)

    def _choose(self, chosen: QDate) -> None:
        self.hide()
        self.chosen.emit(date(chosen.year(), chosen.month(), chosen.day()))


class DateField(RetranslateMixin, QWidget):
    """`changed` is emitted when the date it holds changes (typed, chosen or cleared)."""

    changed = Signal()

    def __init__(self, opens_years_ago: int = 0, parent: QWidget | None = None) -> None:
        """`opens_years_ago`: where the calendar of an empty field opens (a date of birth: on
        a likely age; a date to come: on today)."""
        super().__init__(parent)
        self._opens_years_ago = opens_years_ago
        self._value: date | None = None
        self._settled: date | None = None  # the date held before the text now being typed
        self._language = current_language()  # the language the text was typed or shown in
        self._complaint = False  # the text is not a date and the person has been told
        self.edit = QLineEdit()
        self.edit.setObjectName("date-text")
        self.edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # digits read the same
        self.calendar_button = QToolButton()
        self.calendar_button.setObjectName("open-calendar")
        self.clear_button = QToolButton()
        self.clear_button.setObjectName("clear-date")
        self.clear_button.setText("×")
        self.message = message_label(MessageKind.ERROR)
        self.message.setVisible(False)
        self._popup: CalendarPopup | None = None  # made when first opened
        self._lay_out()
        self.setFocusProxy(self.edit)
        self.edit.textEdited.connect(self._typed)
        self.edit.editingFinished.connect(self._finished)
        self.edit.installEventFilter(self)
        self.calendar_button.clicked.connect(self.open_calendar)
        self.clear_button.clicked.connect(self.clear)
        self.retranslate_ui()

    def _lay_out(self) -> None:
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.calendar_button)
        row.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.message)

    def retranslate_ui(self) -> None:
        if self._language != current_language() and not self.has_problem(self._language):
            self._show(self._value)  # the same date, in the new language's form
        self._language = current_language()
        example = format_date_entry(EXAMPLE)
        self.edit.setPlaceholderText(_("Not set: type a date such as {example}").format(
            example=example))
        hint = _("Type a date such as {example} or {iso}, or choose one from the calendar "
                 "(F4).").format(example=example, iso=EXAMPLE.isoformat())
        self.edit.setToolTip(hint)
        self.edit.setAccessibleDescription(hint)
        self.calendar_button.setText(_("Calendar"))
        self.calendar_button.setToolTip(_("Choose the date from a calendar"))
        self.calendar_button.setAccessibleName(_("Choose the date from a calendar"))
        if self._popup is not None:
            self._popup.calendar.setAccessibleName(_("Calendar"))
        self.clear_button.setToolTip(_("Clear the date"))
        self.clear_button.setAccessibleName(_("Clear the date"))
        if self._complaint:
            self._complain()

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)

    @property
    def popup(self) -> CalendarPopup:
        """The calendar, made when first opened: it costs a few milliseconds to build, and a
        youth's page has a dozen date fields."""
        if self._popup is None:
            self._popup = CalendarPopup(self)
            self._popup.chosen.connect(self._chosen)
            self._popup.calendar.setAccessibleName(_("Calendar"))
        return self._popup

    # the value
    def value(self) -> date | None:
        """The date held: the last one typed, chosen or set (never text that is not a date)."""
        return self._value

    def set_value(self, value: date | None) -> None:
        """Show `value` (filling the form, not an edit: `changed` is not emitted)."""
        self._value = self._settled = value
        self._show(value)

    def text(self) -> str:
        return self.edit.text()

    def set_text(self, text: str) -> None:
        """Put typing back (kept over a lock), as if typed again."""
        self.edit.setText(text)
        self._typed(text)

    def has_problem(self, lang: str | None = None) -> bool:
        """Whether the text is something other than a date or nothing."""
        try:
            self._read(self.edit.text(), lang)
        except ValueError:
            return True
        return False

    def clear(self) -> None:
        self.edit.clear()
        self._forgive()
        self._settled = None
        self._set(None)
        self.edit.setFocus()

    def open_calendar(self) -> None:
        today = date.today()
        opens_on = self._value or years_before(today, self._opens_years_ago)
        self.popup.open_at(self.edit, opens_on)

    # what happens
    @staticmethod
    def _read(text: str, lang: str | None = None) -> date | None:
        """The date in `text`, None for no text; raises ValueError for text that is not a date."""
        return parse_date_entry(text, lang) if text.strip() else None

    def _typed(self, text: str) -> None:
        try:
            typed = self._read(text)
        except ValueError:  # not (yet) a date: the field holds the date it had before
            self._set(self._settled)  # (typing 2012 passes through 20, a date in 2020)
            return
        self._forgive()
        self._set(typed)

    def _finished(self) -> None:
        try:
            typed = self._read(self.edit.text())
        except ValueError:
            self._complain()
            return
        self._settled = typed
        if typed is not None:
            self._show(typed)  # as it was understood: 3/15/12 becomes 3/15/2012

    def _chosen(self, chosen: date) -> None:
        self._forgive()
        self._show(chosen)
        self._settled = chosen
        self._set(chosen)
        self.edit.setFocus()

    def _set(self, value: date | None) -> None:
        if value != self._value:
            self._value = value
            self.changed.emit()

    def _show(self, value: date | None) -> None:
        self.edit.setText(format_date_entry(value))
        self._forgive()

    def _complain(self) -> None:
        self._complaint = True
        self.message.setText(_(
            "That is not a date, so it is not saved. Type it like {example} or {iso}, or "
            "choose it from the calendar.").format(example=format_date_entry(EXAMPLE),
                                                   iso=EXAMPLE.isoformat()))
        self.message.setVisible(True)

    def _forgive(self) -> None:
        self._complaint = False
        self.message.clear()
        self.message.setVisible(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            alt_down = (event.key() == Qt.Key.Key_Down
                        and event.modifiers() & Qt.KeyboardModifier.AltModifier)
            if event.key() in _OPEN_KEYS or alt_down:
                self.open_calendar()
                return True
        return super().eventFilter(watched, event)
