"""The youth list as a Qt table model, with search-as-you-type and sorting done in Python.

Filtering and sorting live in the model (not a QSortFilterProxyModel) because a proxy calls back
into `data()` for every comparison, which is far too slow for a caseload of 10,000.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop import look
from desktop.operations.types import YouthSummary, matches, search_key
from desktop.operations.youth import row_key
from i18n import N_, _
from i18n.formatting import format_date

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
OVERDUE = QColor(look.OVERDUE)
ISOLATE = "\u2068{}\u2069"  # first-strong isolate: a name keeps its own direction


class Column(IntEnum):
    NAME = 0
    BIRTH = 1
    REVIEW = 2
    CASEWORKER = 3
    STATUS = 4
    PLAN = 5
    ALERTS = 6


_COLUMNS = tuple(Column)  # by number, without building an enum per cell

HEADERS = {
    Column.NAME: N_("Name"),
    Column.BIRTH: N_("Date of birth"),
    Column.REVIEW: N_("Next plan review"),
    Column.CASEWORKER: N_("Caseworker"),
    Column.STATUS: N_("Case"),
    Column.PLAN: N_("Safety plan"),
    Column.ALERTS: N_("Needs attention"),
}
PLAN_STATES = {"draft": N_("Draft"), "agreed": N_("Agreed")}  # planning.models' states
NO_PLAN = N_("None yet")
# The flags, most urgent first: missing from care (planning.missing), overdue work on goals
# (services_needs.due), then documents to get before leaving care at 18
# (services_needs.documents).
MISSING_WORDS = {"missing": N_("Missing now"), "report-overdue": N_("Report overdue"),
                 "debrief-overdue": N_("Debrief overdue"), "debrief-due": N_("Debrief due")}
WORK_WORDS = {"step-overdue": N_("Action step overdue"),
              "referral-overdue": N_("Referral follow-up overdue")}
DOCUMENT_WORDS = {"documents-before-18": N_("Documents before 18")}
ALERT_WORDS = {**MISSING_WORDS, **WORK_WORDS, **DOCUMENT_WORDS}
SOON_DAYS = 14  # a review this close is "due"


class Showing(IntEnum):
    """Which youth the list shows, besides what the search matches."""

    EVERYONE = 0
    REVIEW_DUE = 1  # a plan review due within SOON_DAYS, or overdue
    ATTENTION = 2  # missing now, a report or a debrief overdue or due
    WORK_OVERDUE = 3  # an action step or a referral follow-up overdue


SHOWING = {Showing.EVERYONE: N_("All youth"), Showing.REVIEW_DUE: N_("Review due or overdue"),
           Showing.ATTENTION: N_("Missing from care: needs attention"),
           Showing.WORK_OVERDUE: N_("Steps or referrals overdue")}


def _sort_key(column: Column, row: YouthSummary, name_key: str) -> Any:
    if column == Column.NAME:
        return name_key
    if column == Column.BIRTH:
        return row.date_of_birth or date.max
    if column == Column.REVIEW:
        return row.review_due_on or date.max
    if column == Column.CASEWORKER:
        return row.caseworker_name.casefold()
    return row.status


_PLAN_ORDER = {None: 0, "draft": 1, "agreed": 2}


def _urgency(flags: frozenset[str]) -> int:
    """Higher is more urgent: missing now, then a report, then a debrief overdue, then due."""
    return sum(1 << (len(ALERT_WORDS) - n) for n, flag in enumerate(ALERT_WORDS) if flag in flags)


class YouthListModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[YouthSummary] = []
        self._keys: list[str] = []  # folded names, for search and name order
        self._order: list[int] = []  # every row, in the current sort order
        self._visible: list[int] = []  # the rows matching the query, in sort order
        self._query = ""
        self._texts: dict[tuple[int, int], str] = {}  # (row position, column): text shown
        self.plans: dict[int, str] = {}  # each youth's plan state; a youth missing has none
        self.alerts: dict[int, frozenset[str]] = {}  # missing-from-care and goals' flags
        self.showing = Showing.EVERYONE
        self.emergency: dict[int, datetime] = {}  # youth open through emergency access, until
        self._sort = (Column.NAME, Qt.SortOrder.AscendingOrder)
        self.today = date.today()

    # Qt's model interface
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(HEADERS[Column(section)])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        position = self._visible[index.row()]
        row = self._rows[position]
        column = _COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            cell = (position, column)
            text = self._texts.get(cell)
            if text is None:
                text = self._texts[cell] = self._text(column, row)
            return text
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.NAME:
            return row.legal_name
        if role == Qt.ItemDataRole.ForegroundRole and self._is_overdue(column, row):
            return QBrush(OVERDUE)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (Column(column), order)
        self.layoutAboutToBeChanged.emit()
        self._apply_sort()
        self._refilter()
        self.layoutChanged.emit()

    # Waymark's interface
    def set_rows(self, rows: list[YouthSummary], keys: list[str] | None = None) -> None:
        """Show `rows`; `keys` are their search keys when already computed (off the GUI
        thread at sign-in)."""
        self.beginResetModel()
        self._texts.clear()
        self._rows = list(rows)
        self._keys = list(keys) if keys is not None else [self._key(r) for r in self._rows]
        self._apply_sort()
        self._refilter()
        self.endResetModel()

    def set_query(self, text: str) -> None:
        """Show the rows matching `text`. Typing on (the new query extends the last) only
        narrows, so only the rows still shown are looked at."""
        query = search_key(text)
        narrowing = bool(self._query) and query.startswith(self._query)
        self._query = query
        self.beginResetModel()
        self._refilter(self._visible if narrowing else None)
        self.endResetModel()

    def upsert(self, summary: YouthSummary) -> None:
        """Show a youth just created or saved, keeping the current filter and order."""
        position = next((i for i, row in enumerate(self._rows) if row.id == summary.id), None)
        if position is not None:
            for column in _COLUMNS:
                self._texts.pop((position, column), None)
        if position is not None and self._same_place(self._rows[position], summary):
            self._rows[position] = summary
            row = self._visible.index(position) if position in self._visible else None
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))
            return
        if position is None:
            self._rows.append(summary)
            self._keys.append(self._key(summary))
        else:
            self._rows[position] = summary
            self._keys[position] = self._key(summary)
        self.beginResetModel()
        self._apply_sort()
        self._refilter()
        self.endResetModel()

    def set_plans(self, plans: dict[int, str]) -> None:
        """Show each youth's plan state again (a plan was started or agreed)."""
        self.plans = plans
        for position in range(len(self._rows)):
            self._texts.pop((position, Column.PLAN), None)
        if self._visible:
            self.dataChanged.emit(self.index(0, Column.PLAN),
                                  self.index(len(self._visible) - 1, Column.PLAN))

    def set_alerts(self, alerts: dict[int, frozenset[str]]) -> None:
        """Show each youth's flags again (an episode, a debrief, a step or a referral saved)."""
        self.alerts = alerts
        self.beginResetModel()
        self._texts.clear()
        self._apply_sort()
        self._refilter()
        self.endResetModel()

    def show_only(self, showing: Showing) -> None:
        self.showing = showing
        self.beginResetModel()
        self._refilter()
        self.endResetModel()

    def row_of(self, youth_id: int) -> int | None:
        for visible_row, position in enumerate(self._visible):
            if self._rows[position].id == youth_id:
                return visible_row
        return None

    def counts(self) -> tuple[int, int]:
        return len(self._visible), len(self._rows)

    def retranslate(self) -> None:
        self._texts.clear()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        if self._visible:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._visible) - 1, len(Column) - 1))

    # helpers
    _key = staticmethod(row_key)

    def _same_place(self, old: YouthSummary, new: YouthSummary) -> bool:
        """Whether `new` sorts and filters exactly as `old` did (most saves)."""
        if self._key(old) != self._key(new):
            return False
        column = self._sort[0]
        return bool(_sort_key(column, old, "") == _sort_key(column, new, ""))

    def _refilter(self, among: list[int] | None = None) -> None:
        """The rows (of `among`, else of all, in sort order) that match the query and what
        the list is set to show."""
        query, keys = self._query, self._keys
        candidates = self._order if among is None else among
        if self.showing != Showing.EVERYONE and among is None:
            candidates = [i for i in candidates if self._shown(self._rows[i])]
        if not query:
            self._visible = list(candidates)
            return
        if " " in query:
            self._visible = [i for i in candidates if matches(query, keys[i])]
        else:  # one word: the same test as matches(), without splitting for every row
            self._visible = [i for i in candidates if query in keys[i]]

    def _apply_sort(self) -> None:
        column, order = self._sort
        rows, keys = self._rows, self._keys
        if column == Column.PLAN:  # the plan's state is the model's, not the row's
            plans = self.plans
            self._order = sorted(range(len(rows)),
                                 key=lambda i: _PLAN_ORDER.get(plans.get(rows[i].id), 0),
                                 reverse=order == Qt.SortOrder.DescendingOrder)
            return
        if column == Column.ALERTS:  # the most urgent first when sorted descending
            alerts = self.alerts
            self._order = sorted(range(len(rows)),
                                 key=lambda i: _urgency(alerts.get(rows[i].id, frozenset())),
                                 reverse=order == Qt.SortOrder.DescendingOrder)
            return
        self._order = sorted(range(len(rows)), key=lambda i: _sort_key(column, rows[i], keys[i]),
                             reverse=order == Qt.SortOrder.DescendingOrder)

    def _shown(self, row: YouthSummary) -> bool:
        if self.showing in (Showing.ATTENTION, Showing.WORK_OVERDUE):
            words = MISSING_WORDS if self.showing == Showing.ATTENTION else WORK_WORDS
            return not words.keys().isdisjoint(self.alerts.get(row.id, ()))
        return self._review_soon(row)

    def _review_soon(self, row: YouthSummary) -> bool:
        return (not row.closed and row.review_due_on is not None
                and (row.review_due_on - self.today).days <= SOON_DAYS)

    def _is_overdue(self, column: Column, row: YouthSummary) -> bool:
        return (column == Column.REVIEW and not row.closed
                and row.review_due_on is not None and row.review_due_on < self.today)

    def _text(self, column: Column, row: YouthSummary) -> str:
        if column == Column.NAME:
            if row.id in self.emergency:
                return _("{name} (emergency access)").format(name=self._name(row))
            return self._name(row)
        if column == Column.BIRTH:
            return format_date(row.date_of_birth)
        if column == Column.REVIEW:
            return self._review_text(row)
        if column == Column.CASEWORKER:
            return row.caseworker_name
        if column == Column.PLAN:
            state = self.plans.get(row.id)
            return _(PLAN_STATES[state]) if state in PLAN_STATES else _(NO_PLAN)
        if column == Column.ALERTS:
            flags = self.alerts.get(row.id, frozenset())
            return ", ".join(_(words) for flag, words in ALERT_WORDS.items() if flag in flags)
        return _("Closed") if row.closed else _("Open")

    @staticmethod
    def _name(row: YouthSummary) -> str:
        """The name they go by, and their legal name beside it when it is another."""
        other = row.other_name
        if not other:
            return row.display_name
        # Each name isolated, so that a name in one script keeps its order inside the other's.
        return _("{preferred_name} ({legal_name})").format(
            preferred_name=ISOLATE.format(row.preferred_name), legal_name=ISOLATE.format(other))

    def _review_text(self, row: YouthSummary) -> str:
        when = format_date(row.review_due_on)
        if self._is_overdue(Column.REVIEW, row):
            return _("{date} (overdue)").format(date=when)
        if self._review_soon(row):
            return _("{date} (due)").format(date=when)
        return when
