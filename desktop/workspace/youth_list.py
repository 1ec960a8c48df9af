"""The youth list panel: search box, count, "New youth" and the sortable table."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import look
from desktop.operations.types import YouthSummary
from desktop.table_rows import select_row
from desktop.translation import RetranslateMixin
from desktop.workspace.list_model import ID_ROLE, SHOWING, Column, Showing, YouthListModel
from i18n import _
from i18n.formatting import format_number


class EmptyState(QWidget):
    """What the list says instead of an empty table: why it is empty and what to do next."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("list-empty")
        self.text = QLabel()
        self.text.setObjectName("empty-state")
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.button = QPushButton()
        self.button.setObjectName("empty-action")
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*(look.space(6),) * 4)
        layout.addStretch(1)
        layout.addWidget(self.text)
        layout.addSpacing(look.space(3))
        layout.addLayout(row)
        layout.addStretch(2)


class YouthListPanel(RetranslateMixin, QWidget):
    chosen = Signal(int)  # a youth id
    new_requested = Signal()
    emergency_requested = Signal()  # a supervisor with no team asks for emergency access
    due_requested = Signal()  # "Due this week": steps and referral follow-ups

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = YouthListModel()
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.new_button = QPushButton()
        self.new_button.setObjectName("new-youth")
        self.count = QLabel()
        self.count.setObjectName("list-count")
        self.showing = QComboBox()
        self.showing.setObjectName("showing")
        # The longest choice must not set the list's narrowest width (beside a youth's page the
        # list keeps only names); the open drop-down still shows every choice whole.
        self.showing.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.showing.setMinimumContentsLength(8)
        for showing in SHOWING:
            self.showing.addItem("", int(showing))
        self.due_button = QPushButton()
        self.due_button.setObjectName("due-this-week-button")
        self.table = self._make_table()
        self.empty = EmptyState()
        self.no_team = False  # a supervisor nobody reports to: pointed to emergency access
        self.body = QStackedWidget()
        self.body.addWidget(self.table)
        self.body.addWidget(self.empty)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        filters = QHBoxLayout()  # on a line of its own: the list can be narrow
        filters.addWidget(self.showing, 1)
        filters.addWidget(self.due_button)
        layout.addLayout(filters)
        layout.addWidget(self.count)
        layout.addWidget(self.body, 1)
        self.search.textChanged.connect(self._search)
        self.showing.currentIndexChanged.connect(self._show_only)
        self.new_button.clicked.connect(self.new_requested)
        self.due_button.clicked.connect(self.due_requested)
        self.empty.button.clicked.connect(self._empty_action)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_search)
        QShortcut(QKeySequence.StandardKey.New, self, self.new_requested.emit)
        self.search.returnPressed.connect(self._open_first)
        self.retranslate_ui()

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("youth-list")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSortingEnabled(True)
        table.sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
        table.verticalHeader().setVisible(False)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setResizeContentsPrecision(40)  # size columns from 40 rows, not all 10,000
        # Whole names first (sized from the rows, the rest scroll sideways when the list is
        # narrow); the caseworker's name takes what is left.
        header.setSectionResizeMode(Column.CASEWORKER, QHeaderView.ResizeMode.Stretch)
        for column in (Column.NAME, Column.BIRTH, Column.REVIEW, Column.STATUS, Column.PLAN,
                       Column.ALERTS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        return table

    def retranslate_ui(self) -> None:
        self.search.setPlaceholderText(_("Search by name"))
        self.search.setAccessibleName(_("Search youth by name"))
        self.new_button.setText(_("New youth"))
        self.new_button.setAccessibleName(_("Add a new youth"))
        self.table.setAccessibleName(_("Youth list"))
        for position, showing in enumerate(SHOWING):
            self.showing.setItemText(position, _(SHOWING[showing]))
        self.showing.setAccessibleName(_("Which youth the list shows"))
        self.due_button.setText(_("D&ue this week"))
        self.due_button.setToolTip(_("Action steps and referral follow-ups overdue or due in "
                                     "the next 7 days"))
        self.table.horizontalHeader().setAccessibleName(_("Sort the youth list by"))
        self.model.retranslate()
        self._show_count()

    def show_names_only(self, names_only: bool) -> None:
        """Only the Name column (a narrow list beside a youth's safety plan), or every column.
        Search, sorting and choosing a youth work the same either way."""
        for column in Column:
            if column != Column.NAME:
                self.table.setColumnHidden(column, names_only)
        mode = QHeaderView.ResizeMode  # alone, the names fill the list
        self.table.horizontalHeader().setSectionResizeMode(
            Column.NAME, mode.Stretch if names_only else mode.ResizeToContents)

    def set_rows(self, rows: list[YouthSummary], keys: list[str] | None = None) -> None:
        self.model.set_rows(rows, keys)
        self._show_count()

    def upsert(self, summary: YouthSummary) -> None:
        self.model.upsert(summary)
        self.select(summary.id)
        self._show_count()

    def select(self, youth_id: int) -> None:
        row = self.model.row_of(youth_id)
        selection = self.table.selectionModel()
        if row is None:
            selection.clearSelection()
            return
        select_row(self.table, row, quietly=True)

    def _search(self, text: str) -> None:
        self.model.set_query(text)
        self._show_count()

    def _show_only(self, position: int) -> None:
        self.model.show_only(Showing(self.showing.itemData(position)))
        self._show_count()

    def _show_count(self) -> None:
        shown, total = self.model.counts()
        self.count.setText(_("Showing {shown} of {total}").format(
            shown=format_number(shown), total=format_number(total)))
        self._show_empty(shown, total)

    def _show_empty(self, shown: int, total: int) -> None:
        """An empty list says why, and offers the next step."""
        self.body.setCurrentWidget(self.empty if shown == 0 else self.table)
        if shown:
            return
        if total and not self.search.text().strip():  # nobody of those the list is set to show
            text = _("Nobody here right now. Choose “All youth” to see the whole list.")
            action = _("New youth")
        elif total:
            text = _("Nobody matches “{search}”. Check the spelling, try another name they "
                     "use, or add them as a new youth.").format(search=self.search.text().strip())
            action = _("New youth")
        elif self.no_team:
            text = _("Nobody is on your team yet, so there are no youth to show. An "
                     "administrator adds caseworkers to your team. To open a youth's record "
                     "in an emergency, use emergency access.")
            action = _("Emergency access…")
        else:
            text = _("No youth yet. Add the first one with “New youth”.")
            action = _("New youth")
        self.empty.text.setText(text)
        self.empty.button.setText(action)
        self.empty.button.setAccessibleName(action)

    def _empty_action(self) -> None:
        _shown, total = self.model.counts()
        if self.no_team and not total:
            self.emergency_requested.emit()
        else:
            self.new_requested.emit()

    def _current_changed(self, current: object, _previous: object) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.chosen.emit(int(index.data(ID_ROLE)))

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _open_first(self) -> None:
        """Enter in the search box opens the first youth shown."""
        if self.model.rowCount() > 0:
            select_row(self.table, 0)
            self.table.setFocus()
