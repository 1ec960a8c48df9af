"""The youth list panel: search box, count, "New youth" and the sortable table."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.operations.types import YouthSummary
from desktop.translation import RetranslateMixin
from desktop.workspace.list_model import ID_ROLE, Column, YouthListModel
from i18n import _
from i18n.formatting import format_number


class YouthListPanel(RetranslateMixin, QWidget):
    chosen = Signal(int)  # a youth id
    new_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = YouthListModel()
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.new_button = QPushButton()
        self.new_button.setObjectName("new-youth")
        self.count = QLabel()
        self.table = self._make_table()
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)
        self.search.textChanged.connect(self._search)
        self.new_button.clicked.connect(self.new_requested)
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
        header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Stretch)
        for column in (Column.BIRTH, Column.REVIEW, Column.CASEWORKER, Column.STATUS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        return table

    def retranslate_ui(self) -> None:
        self.search.setPlaceholderText(_("Search by name"))
        self.search.setAccessibleName(_("Search youth by name"))
        self.new_button.setText(_("New youth"))
        self.new_button.setAccessibleName(_("Add a new youth"))
        self.table.setAccessibleName(_("Youth list"))
        self.table.horizontalHeader().setAccessibleName(_("Sort the youth list by"))
        self.model.retranslate()
        self._show_count()

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
        index = self.model.index(row, 0)
        selection.blockSignals(True)
        selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                  | QItemSelectionModel.SelectionFlag.Rows)
        selection.blockSignals(False)
        self.table.scrollTo(index)

    def _search(self, text: str) -> None:
        self.model.set_query(text)
        self._show_count()

    def _show_count(self) -> None:
        shown, total = self.model.counts()
        self.count.setText(_("Showing {shown} of {total}").format(
            shown=format_number(shown), total=format_number(total)))

    def _current_changed(self, current: object, _previous: object) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.chosen.emit(int(index.data(ID_ROLE)))

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _open_first(self) -> None:
        if self.model.rowCount() > 0:
            self.table.selectRow(0)
            self.table.setFocus()
