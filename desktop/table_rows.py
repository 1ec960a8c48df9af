"""Choosing a table's row from code, in either direction.

`QTableView.selectRow` looks for the column under the pixel just past the view's edge in
right-to-left (Qt 6.8-6.11), finds none and selects nothing: in Arabic, Enter in the youth
search opened nobody. This sets the current index and the row's selection directly."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QAbstractItemView

ROW = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows


def select_row(view: QAbstractItemView, row: int, *, quietly: bool = False) -> None:
    """Make `row` the current, selected row; `quietly` sends no selection signals."""
    model, selection = view.model(), view.selectionModel()
    index = model.index(row, 0)
    selection.blockSignals(quietly)
    selection.setCurrentIndex(index, ROW)
    selection.blockSignals(False)
    view.scrollTo(index)
