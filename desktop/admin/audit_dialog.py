"""The supervisor's audit trail viewer: newest first, by youth or staff member, page by page."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from casefile.errors import WaymarkError
from desktop.admin.audit_model import AuditModel, Column
from desktop.admin.dialog import wrapped_label
from desktop.forms import labelled_row, message_label, set_label, wait_cursor
from desktop.operations import supervision as ops
from desktop.operations.session import Session
from desktop.translation import RetranslateMixin
from i18n import _, ngettext
from i18n.formatting import format_number

PAGE = 500
_ID = re.compile(r"^\s*#?\s*(\d+)\s*$")


class AuditTrailDialog(RetranslateMixin, QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None, page: int = PAGE) -> None:
        super().__init__(parent)
        self.setObjectName("audit-trail")
        self._session = session
        self._page = page
        self._more = False
        self.intro = wrapped_label("intro")
        self.youth = self._youth_combo()
        self.staff = QComboBox()
        self.staff.setObjectName("staff")
        self.staff.addItem("", None)
        for person in ops.load_staff_names(session):
            self.staff.addItem(person.display_name, person.id)
        self.search_button = QPushButton()
        self.search_button.setObjectName("search")
        self.model = AuditModel()
        self.table = self._make_table()
        self.count = QLabel()
        self.more_button = QPushButton()
        self.more_button.setObjectName("load-more")
        self.message = message_label()
        self.close_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_box.rejected.connect(self.reject)
        self._lay_out()
        self.staff.activated.connect(self.search)
        self.youth.activated.connect(self.search)
        line = self.youth.lineEdit()
        if line is not None:
            line.returnPressed.connect(self.search)
        self.search_button.clicked.connect(self.search)
        self.more_button.clicked.connect(self.load_more)
        self.resize(980, 600)
        self.retranslate_ui()
        self.search()

    def _youth_combo(self) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName("youth")
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.addItem("", None)
        for choice in ops.load_visible_youth(self._session):
            combo.addItem(f"{choice.display_name} (#{choice.id})", choice.id)
        completer = combo.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        return combo

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("audit-entries")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setResizeContentsPrecision(40)
        for column in Column:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        return table

    def _lay_out(self) -> None:
        filters = QFormLayout()
        self.youth_label = labelled_row(filters, self.youth)
        self.staff_label = labelled_row(filters, self.staff)
        search_row = QHBoxLayout()
        search_row.addLayout(filters, 1)
        search_row.addWidget(self.search_button, 0, Qt.AlignmentFlag.AlignBottom)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.more_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(search_row)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.message)
        layout.addWidget(self.close_box)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Audit trail"))
        self.intro.setText(_(
            "Who opened, changed, printed or signed in, newest first. Records are shown by "
            "number. Entries marked ⚑ were made through emergency access. Opening this trail is "
            "itself recorded."))
        set_label(self.youth_label, self.youth, _("&Youth"),
                  _("Choose a youth, or type a name or a record number"))
        set_label(self.staff_label, self.staff, _("&Staff member"))
        self.youth.setItemText(0, _("All youth"))
        line = self.youth.lineEdit()
        if line is not None:
            line.setPlaceholderText(_("All youth"))
            line.setAccessibleName(_("Youth"))
        self.staff.setItemText(0, _("Everyone"))
        self.search_button.setText(_("S&how"))
        self.more_button.setText(_("Show &older entries"))
        self.table.setAccessibleName(_("Audit trail entries"))
        self.table.horizontalHeader().setAccessibleName(_("Audit trail columns"))
        close = self.close_box.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setText(_("Close"))
        self.model.retranslate()
        self._show_count()

    def chosen_youth(self) -> int | None:
        """The youth chosen in the list, or a record number typed (None: all youth)."""
        text = self.youth.currentText().strip()
        if not text:
            return None
        position = self.youth.findText(text)
        if position >= 0:
            value = self.youth.itemData(position)
            return int(value) if value is not None else None
        number = _ID.match(text)
        if number:
            return int(number.group(1))
        matches = [i for i in range(1, self.youth.count())
                   if text.casefold() in self.youth.itemText(i).casefold()]
        return int(self.youth.itemData(matches[0])) if len(matches) == 1 else -1

    def search(self) -> None:
        self._load(before_id=None)

    def load_more(self) -> None:
        if self.model.rows:
            self._load(before_id=self.model.rows[-1].id)

    def _load(self, before_id: int | None) -> None:
        youth_id, staff_id = self.chosen_youth(), self.staff.currentData()
        try:
            with wait_cursor():
                rows = ops.load_audit_page(self._session, youth_id, staff_id, self._page, before_id)
        except WaymarkError as error:
            self.message.show_error(error.user_message())
            return
        self.message.clear()
        if before_id is None:
            self.model.set_rows(rows)
        else:
            self.model.add_rows(rows)
        self._more = len(rows) == self._page
        self._show_count()

    def _show_count(self) -> None:
        shown = len(self.model.rows)
        self.count.setText(ngettext("{count} entry shown", "{count} entries shown", shown)
                           .format(count=format_number(shown)))
        self.more_button.setEnabled(self._more)
