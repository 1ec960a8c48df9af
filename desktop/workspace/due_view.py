"""Due this week: the action steps and referral follow-ups of the signed-in caseworker's youth
(a supervisor: the team's) that are overdue or due within seven days, soonest first. Whether each
is overdue is said in words, not by colour alone. Choosing a row opens that youth's Goals and
steps tab at it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casefile.errors import WaymarkError
from desktop.forms import heading, message_label
from desktop.look import MessageKind
from desktop.operations import goals as ops
from desktop.operations.goals import DueItem
from desktop.operations.session import Session
from desktop.table_rows import select_row
from desktop.translation import RetranslateMixin
from i18n import N_, _, ngettext
from i18n.formatting import format_date

HEADERS = (N_("Youth"), N_("What"), N_("Date"), N_("When"))
WHAT_CHARS = 120  # a step's words in a cell, shortened beyond this (the tab shows them whole)
ISOLATE = "\u2068{}\u2069"


def when_words(item: DueItem, today: date) -> str:
    days = (item.due_on - today).days
    if days < 0:
        return ngettext("Overdue by {count} day", "Overdue by {count} days", -days).format(
            count=-days)
    if days == 0:
        return _("Due today")
    return ngettext("Due in {count} day", "Due in {count} days", days).format(count=days)


def what_words(item: DueItem) -> str:
    words = item.what if len(item.what) <= WHAT_CHARS else item.what[:WHAT_CHARS] + "…"
    if item.kind == "step":
        return _("Step: {words}").format(words=ISOLATE.format(words))
    return _("Follow up the referral to {service}").format(service=ISOLATE.format(words))


class DueDialog(RetranslateMixin, QDialog):
    chosen = Signal(int, str, int)  # the youth's id, "step" or "referral", the record's id

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("due-this-week")
        self._session = session
        self.items: list[DueItem] = []
        self.title = heading()
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.problem = message_label(MessageKind.ERROR)
        self.problem.hide()
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setObjectName("due-items")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel()
        self.empty.setObjectName("empty-state")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.body = QStackedWidget()
        self.body.addWidget(self.table)
        self.body.addWidget(self.empty)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open
                                        | QDialogButtonBox.StandardButton.Close)
        self.open_button = self.buttons.button(QDialogButtonBox.StandardButton.Open)
        self.open_button.setObjectName("open-due")
        layout = QVBoxLayout(self)
        for widget in (self.title, self.explain, self.problem):
            layout.addWidget(widget)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.buttons)
        self.table.itemActivated.connect(lambda _item: self._open())
        self.buttons.accepted.connect(self._open)
        self.buttons.rejected.connect(self.reject)
        self.resize(760, 460)
        self.retranslate_ui()
        self.reload()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Due this week"))
        self.title.setText(_("Due this week"))
        self.explain.setText(
            _("Action steps and referral follow-ups of your team's youth that are overdue or "
              "due in the next 7 days, soonest first.") if self._session.is_supervisor else
            _("Action steps and referral follow-ups of your youth that are overdue or due in "
              "the next 7 days, soonest first."))
        self.table.setHorizontalHeaderLabels([_(text) for text in HEADERS])
        self.table.setAccessibleName(_("Due this week"))
        self.empty.setText(_("Nothing due this week."))
        self.open_button.setText(_("&Open"))
        self._fill()

    def reload(self) -> None:
        """Read what is due again (after a change on the Goals and steps tab)."""
        try:
            self.items = ops.due_this_week(self._session)
        except WaymarkError as error:
            self.items = []
            self.problem.setText(error.user_message())
            self.problem.show()
        self._fill()

    def _fill(self) -> None:
        today = ops.today()
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            texts = (ISOLATE.format(item.youth_name), what_words(item),
                     format_date(item.due_on), when_words(item, today))
            for column, text in enumerate(texts):
                cell = QTableWidgetItem(text)
                if column == 1:
                    cell.setToolTip(item.what[:2000])
                self.table.setItem(row, column, cell)
        self.body.setCurrentWidget(self.table if self.items else self.empty)
        self.open_button.setEnabled(bool(self.items))
        if self.items and self.table.currentRow() < 0:
            select_row(self.table, 0, quietly=True)

    def _open(self) -> None:
        row = self.table.currentRow()
        if self.isVisible() and 0 <= row < len(self.items):  # once, from a key or a click
            item = self.items[row]
            self.accept()
            self.chosen.emit(item.youth_id, item.kind, item.record_id)
