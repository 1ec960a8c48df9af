"""Reassessment over time, on the assessment's second page: what changed in each domain since the
assessment before ("2 → 4, up", "Not rated before → 1"), each domain's level at every completed
assessment in a table (the chart's values, for the keyboard and screen readers), and a chart of
the domain chosen in the table.

"Not rated" is said in words, never as a number: never 0, never averaged.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.forms import heading
from desktop.look import TYPE
from desktop.operations.assessment import (
    DIRECTION_NAMES,
    LEVEL_COUNT,
    NEWLY_RATED,
    NO_LONGER_RATED,
    NOT_COMPARABLE,
    AssessmentScreen,
    Change,
    changes,
    domains,
    level_name,
    levels_over_time,
)
from desktop.translation import RetranslateMixin
from desktop.workspace.level_chart import ChartPoint, LevelChart
from desktop.workspace.level_choice import level_words
from i18n import _, current_language, language
from i18n.formatting import format_date, format_number

DOMAIN = Qt.ItemDataRole.UserRole


def local_day(moment: datetime) -> date:
    """The day a stored moment (naive UTC) fell on where the person is."""
    return moment.replace(tzinfo=UTC).astimezone().date()


def change_words(change: Change) -> str:
    """What changed in one domain, in words: never a number for "not rated"."""
    # The arrow points the way the line is read: from the right in a right-to-left language.
    arrow = "←" if language(current_language()).right_to_left else "→"
    if change.direction == NOT_COMPARABLE:
        return _("Not rated either time")
    if change.direction == NEWLY_RATED:
        # L10N: {arrow} is → (← in a right-to-left language); {after} a level from 1 to 5.
        return _("Not rated before {arrow} {after}").format(
            arrow=arrow, after=format_number(change.after or 0))
    if change.direction == NO_LONGER_RATED:
        return _("{before} {arrow} not rated this time").format(
            before=format_number(change.before or 0), arrow=arrow)
    # L10N: "2 → 4, up": the level before, an arrow, the level now, and which way it went.
    return _("{before} {arrow} {after}, {direction}").format(
        before=format_number(change.before or 0), arrow=arrow,
        after=format_number(change.after or 0), direction=_(DIRECTION_NAMES[change.direction]))


class OverTimePanel(RetranslateMixin, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assessment-over-time")
        self.shown: AssessmentScreen | None = None
        self.domain = ""  # the domain in the chart
        self.change_title = heading(scale=TYPE.subtitle)
        self.compared = QLabel()
        self.compared.setObjectName("compared-with")
        self.compared.setWordWrap(True)
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("levels-table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab moves on, to the chart
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        self.chart_title = heading(scale=TYPE.body)
        self.chart = LevelChart()
        self.caption = QLabel()
        self.caption.setObjectName("list-count")
        self.caption.setWordWrap(True)
        page = QWidget()
        column = QVBoxLayout(page)
        for widget in (self.change_title, self.compared, self.table, self.chart_title,
                       self.chart, self.caption):
            column.addWidget(widget)
        column.addStretch(1)
        self.scroller = QScrollArea()  # the whole table, then the chart: the page scrolls
        self.scroller.setWidgetResizable(True)
        self.scroller.setWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroller)
        self.table.currentCellChanged.connect(lambda row, *_rest: self._chart_row(row))
        self.retranslate_ui()

    def show_screen(self, screen: AssessmentScreen | None, domain: str) -> None:
        self.shown, self.domain = screen, domain
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.change_title.setText(_("Change since last time"))
        self.table.setAccessibleName(_("Each domain's change and its level at every completed "
                                       "assessment"))
        self.table.horizontalHeader().setAccessibleName(_("Domain, change, and the date of each "
                                                          "completed assessment"))
        self.caption.setText(_("Level 1 is \"{lowest}\", level 5 is \"{highest}\". A gap in the "
                               "line means the domain was not rated that time.").format(
            lowest=_(level_name(1)), highest=_(level_name(LEVEL_COUNT))))
        self._show_compared()
        self._fill_table()

    def _show_compared(self) -> None:
        screen = self.shown
        before = screen.previous() if screen else None
        current = screen.current if screen else None
        if current is None or before is None or before.completed_at is None:
            self.compared.setText(_("Nothing to compare yet: the next assessment will show "
                                    "what changed since this one."))
            return
        when = format_date(local_day(before.completed_at))
        self.compared.setText(
            _("This draft compared with the assessment completed on {date}.").format(date=when)
            if not current.completed else
            _("Compared with the assessment completed on {date}.").format(date=when))

    def _fill_table(self) -> None:
        screen = self.shown
        history = screen.history if screen else []
        current = screen.current if screen else None
        before = screen.previous() if screen else None
        found = changes(before, current) if current is not None and before else {}
        self.table.blockSignals(True)
        self.table.clear()
        self.table.setColumnCount(2 + len(history))
        self.table.setHorizontalHeaderLabels(
            [_("Domain"), _("Change since last time")] +
            [format_date(local_day(v.completed_at)) if v.completed_at else "" for v in history])
        self.table.setColumnHidden(1, not found)
        self.table.setRowCount(len(domains()))
        chosen = 0
        for row, domain in enumerate(domains()):
            title = QTableWidgetItem(str(domain.title))
            title.setData(DOMAIN, domain.id)
            self.table.setItem(row, 0, title)
            if domain.id in found:
                self.table.setItem(row, 1, QTableWidgetItem(change_words(found[domain.id])))
            for column, view in enumerate(history, start=2):
                self.table.setItem(row, column, QTableWidgetItem(
                    level_words(view.rating(domain.id).level)))
            if domain.id == self.domain:
                chosen = row
        self.table.setCurrentCell(chosen, 0)
        self.table.blockSignals(False)
        self._fit_table()
        self._chart_row(chosen)

    def _fit_table(self) -> None:
        """Tall enough for every domain, so only the page scrolls."""
        table = self.table
        table.resizeRowsToContents()
        rows = sum(table.rowHeight(row) for row in range(table.rowCount()))
        wide = table.horizontalHeader().length() > table.viewport().width()  # many dates
        below = table.horizontalScrollBar().sizeHint().height() if wide else 0
        table.setFixedHeight(table.horizontalHeader().sizeHint().height() + rows + below
                             + table.frameWidth() * 2)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_table()

    def _chart_row(self, row: int) -> None:
        item = self.table.item(row, 0)
        if item is None:
            return
        self.domain = str(item.data(DOMAIN))
        history = self.shown.history if self.shown else []
        points = [ChartPoint(format_date(local_day(when)), level, level_words(level))
                  for when, level in levels_over_time(history, self.domain)]
        self.chart_title.setText(_("Levels over time: {domain}").format(domain=item.text()))
        self.chart.show_points(item.text(), points)

    def change_text(self, domain: str) -> str:
        """The change shown for `domain` ("" when there is nothing to compare)."""
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(DOMAIN) == domain:
                change = self.table.item(row, 1)
                return change.text() if change is not None else ""
        return ""
