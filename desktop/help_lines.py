"""The agency's help lines (from the workstation policy), listed from the Help menu."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.operations.types import HelpLine
from desktop.translation import RetranslateMixin
from i18n import _


class HelpLinesDialog(RetranslateMixin, QDialog):
    def __init__(self, lines: tuple[HelpLine, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("help-lines-dialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableWidget(len(lines), 3)
        self.table.setObjectName("help-lines-table")
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for row, line in enumerate(lines):
            number = QTableWidgetItem(f"\u2066{line.number}\u2069")  # left to right in any layout
            number.setData(Qt.ItemDataRole.AccessibleTextRole, line.number)
            for column, item in enumerate((QTableWidgetItem(line.name), number,
                                           QTableWidgetItem(line.hours))):
                self.table.setItem(row, column, item)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(560, 320)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Help lines"))
        self.intro.setText(_("Help lines your agency lists for staff and the young people they "
                             "work with."))
        self.table.setHorizontalHeaderLabels([_("Name"), _("Number"), _("Hours")])
        self.table.setAccessibleName(_("Help lines"))
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setText(_("Close"))
