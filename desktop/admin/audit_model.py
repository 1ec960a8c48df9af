"""The audit trail as a Qt table model: time, staff member, action, record, emergency marker."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desktop import look
from desktop.operations.types import AUDIT, RECORD_KINDS, RECORD_NAMES, STAFF, YOUTH, AuditRow
from i18n import N_, _
from i18n.formatting import format_datetime

Index = QModelIndex | QPersistentModelIndex
FLAGGED_BACKGROUND = QColor(look.KINDS[look.MessageKind.ERROR].background)
FLAG_MARK = "⚑"


class Column(IntEnum):
    TIME = 0
    STAFF = 1
    ACTION = 2
    RECORD = 3
    NOTE = 4


HEADERS = {
    Column.TIME: N_("Time"),
    Column.STAFF: N_("Staff member"),
    Column.ACTION: N_("Action"),
    Column.RECORD: N_("Record"),
    Column.NOTE: N_("Note"),
}


def action_title(row: AuditRow) -> str:
    """What the entry is called, in the interface language (an unknown action as recorded)."""
    return _(row.title) if row.title else row.action


def record_text(row: AuditRow) -> str:
    if row.record_type == YOUTH and row.record_id is not None:
        return _("Youth #{id}").format(id=row.record_id)
    if row.record_type == STAFF and row.record_id is not None:
        return _("Staff account #{id}").format(id=row.record_id)
    if row.record_type == YOUTH:
        return _("Youth (several)")  # made together, as the demo data is
    if row.record_type == STAFF:
        return _("Staff accounts")
    if row.record_type == AUDIT:
        return _("Audit trail")
    if row.record_id is not None and row.record_type in RECORD_NAMES:
        return _(RECORD_NAMES[row.record_type]).format(id=row.record_id)
    if row.record_type in RECORD_KINDS:
        return _(RECORD_KINDS[row.record_type])
    if row.record_id is not None:  # a record of a newer Waymark: as written
        return f"{row.record_type} #{row.record_id}"
    return row.record_type


def note_text(row: AuditRow) -> str:
    return _("{mark} Emergency access").format(mark=FLAG_MARK) if row.flagged else ""


class AuditModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[AuditRow] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(HEADERS[Column(section)])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.detail or None
        if row.flagged and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(FLAGGED_BACKGROUND)
        if row.flagged and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    @staticmethod
    def text(row: AuditRow, column: Column) -> str:
        if column == Column.TIME:
            return format_datetime(row.at)
        if column == Column.STAFF:
            return row.staff_name
        if column == Column.ACTION:
            return action_title(row)
        if column == Column.RECORD:
            return record_text(row)
        return note_text(row)

    def set_rows(self, rows: list[AuditRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def add_rows(self, rows: list[AuditRow]) -> None:
        if not rows:
            return
        start = len(self.rows)
        self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
        self.rows.extend(rows)
        self.endInsertRows()

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self.rows) - 1, len(Column) - 1))
