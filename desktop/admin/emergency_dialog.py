"""Emergency (break-glass) access: a supervisor gives a reason, finds a youth and opens the
record for a limited time. The grant and everything done with it are flagged in the trail."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit, QWidget

from casefile.errors import InvalidInput, WaymarkError
from desktop.admin.dialog import FormDialog
from desktop.forms import labelled_row, message_label, set_label
from desktop.look import MessageKind
from desktop.operations import supervision as ops
from desktop.operations.session import Session
from desktop.operations.types import MIN_REASON_CHARS
from i18n import N_, _, ngettext

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class EmergencyAccessDialog(FormDialog):
    granted = Signal(int, object)  # youth id, when the access ends (naive UTC datetime)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emergency-access")
        self._session = session
        self.warning = message_label(MessageKind.WARNING)
        self.warning.setObjectName("recorded-warning")
        self.layout_box.insertWidget(1, self.warning)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reason")
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(self.reason.fontMetrics().lineSpacing() * 4 + 12)
        self.name = QLineEdit()
        self.name.setObjectName("youth-name")
        self.name.setClearButtonEnabled(True)
        self.matches = QListWidget()
        self.matches.setObjectName("matches")
        self.matches.setMinimumHeight(140)
        self.reason_label = labelled_row(self.form, self.reason)
        self.name_label = labelled_row(self.form, self.name)
        self.matches_label = labelled_row(self.form, self.matches)
        self.reason.textChanged.connect(self._update)
        self.name.textChanged.connect(self._search)
        self.matches.currentRowChanged.connect(lambda _row: self._update())
        self.matches.itemDoubleClicked.connect(lambda _item: self._try_submit())
        self.resize(560, 520)
        self.retranslate_ui()
        self._update()

    def retranslate_ui(self) -> None:
        minutes = self._session.policy.break_glass_minutes
        self.setWindowTitle(_("Emergency access"))
        self.intro.setText(_(
            "Use emergency access only when a youth who is not on your team needs help now "
            "and their caseworker cannot be reached."))
        self.warning.setText(ngettext(
            "The record opens for {minutes} minute. Your name, the reason you give and "
            "everything you do in the record are recorded in the audit trail and marked.",
            "The record opens for {minutes} minutes. Your name, the reason you give and "
            "everything you do in the record are recorded in the audit trail and marked.",
            minutes).format(minutes=minutes))
        set_label(self.reason_label, self.reason, _("&Reason"),
                  ngettext("Why you need this record now (at least {count} character)",
                           "Why you need this record now (at least {count} characters)",
                           MIN_REASON_CHARS).format(count=MIN_REASON_CHARS))
        self.reason.setPlaceholderText(self.reason.accessibleDescription())
        set_label(self.name_label, self.name, _("Youth's &name"))
        set_label(self.matches_label, self.matches, _("&Matching youth"))
        self._show_name_hint()
        self.retranslate_buttons(_("Open record"))

    def reason_given(self) -> bool:
        return len(self.reason.toPlainText().strip()) >= MIN_REASON_CHARS

    def chosen(self) -> int | None:
        item = self.matches.currentItem()
        return int(item.data(ID_ROLE)) if item is not None else None

    def _show_name_hint(self) -> None:
        self.name.setPlaceholderText(_("Type at least 2 letters of their name")
                                     if self.reason_given() else _("Give the reason first"))

    def _update(self) -> None:
        given = self.reason_given()
        self.name.setEnabled(given)
        self.matches.setEnabled(given)
        self._show_name_hint()
        self.ok_button.setEnabled(given and self.chosen() is not None)

    def _search(self, text: str) -> None:
        self.matches.clear()
        try:
            found = ops.find_for_emergency(self._session, text) if self.reason_given() else []
        except WaymarkError as error:
            self.show_error(error)
            return
        for youth_id, name in found:
            item = QListWidgetItem(f"{name} (#{youth_id})")
            item.setData(ID_ROLE, youth_id)
            self.matches.addItem(item)
        self._update()

    def submit(self) -> None:
        youth_id = self.chosen()
        if youth_id is None:
            raise InvalidInput(N_("Choose a youth from the list."))
        until: datetime = ops.grant_emergency_access(self._session, youth_id,
                                                     self.reason.toPlainText())
        self.granted.emit(youth_id, until)
