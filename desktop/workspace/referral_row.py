"""One referral on screen: the service (its name and phone as they were when it was chosen, the
phone left to right), where the referral stands and since when, the day it was made, when to
follow it up, and notes. A service since removed from the directory is said so in words."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.forms import LTR, heading, message_label
from desktop.look import TYPE, MessageKind, space
from desktop.operations import goals as ops
from desktop.operations.goals import (
    REFERRAL_FINISHED,
    REFERRAL_STATUS_NAMES,
    ReferralFields,
    ReferralView,
)
from desktop.translation import RetranslateMixin
from desktop.workspace.conflict_bar import ConflictBar
from desktop.workspace.date_field import DateField
from i18n import _
from i18n.formatting import format_date

FIELDS = ("status", "made_on", "follow_up_on", "notes")


def state_words(referral: ReferralView, values: ReferralFields,
                today: date) -> tuple[str, MessageKind]:
    """What the line under a referral says: an overdue follow-up first, then the day its
    status was last set (the day it was recorded: the made-on day is a field of its own)."""
    finished = values.status in REFERRAL_FINISHED
    if not finished and values.follow_up_on is not None and values.follow_up_on < today:
        return (_("Follow-up overdue: it was due on {date}.").format(
            date=format_date(values.follow_up_on)), MessageKind.WARNING)
    if values.status == referral.status and referral.status_on is not None:
        return (_("Marked “{status}” on {date}.").format(
            status=_(REFERRAL_STATUS_NAMES[referral.status]),
            date=format_date(referral.status_on)), MessageKind.INFO)
    return "", MessageKind.INFO


class ReferralRow(RetranslateMixin, QFrame):
    edited = Signal()
    remove_requested = Signal(object)  # this row

    def __init__(self, referral: ReferralView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("referral")
        self.referral = referral
        self.theirs: ReferralView | None = None
        self.service = heading(scale=TYPE.body)
        self.service.setObjectName("service-name")
        self.service.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.removed_note = message_label(MessageKind.INFO)
        self.removed_note.setObjectName("service-removed")
        self.status = QComboBox()
        self.status.setObjectName("referral-status")
        for key in REFERRAL_STATUS_NAMES:
            self.status.addItem("", key)
        self.made_on = DateField()
        self.made_on.setObjectName("made-on")
        self.follow_up_on = DateField()
        self.follow_up_on.setObjectName("follow-up-on")
        self.notes = QLineEdit()
        self.notes.setObjectName("referral-notes")
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("remove-referral")
        self.state_line = message_label()
        self.state_line.setObjectName("referral-state")
        self.conflict = ConflictBar()
        self._lay_out()
        self.show_referral(referral)
        self.status.currentIndexChanged.connect(self._edited)
        self.made_on.changed.connect(self._edited)
        self.follow_up_on.changed.connect(self._edited)
        self.notes.textEdited.connect(self._edited)
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        self.conflict.keep_mine.connect(self._keep_mine)
        self.conflict.use_theirs.connect(self._use_theirs)
        self.retranslate_ui()

    def _fields(self) -> dict[str, QWidget]:
        return {"status": self.status, "made_on": self.made_on,
                "follow_up_on": self.follow_up_on, "notes": self.notes}

    def _lay_out(self) -> None:
        self.labels = {name: QLabel() for name in FIELDS}
        grid = QGridLayout()  # each field's words above it: the page can be narrow
        grid.setContentsMargins(0, 0, 0, 0)
        places = {"status": (0, 0, 1), "made_on": (0, 1, 1), "follow_up_on": (2, 0, 1),
                  "notes": (2, 1, 2)}
        for name, (row, column, span) in places.items():
            field = self._fields()[name]
            grid.addWidget(self.labels[name], row, column, 1, span)
            grid.addWidget(field, row + 1, column, 1, span)
            self.labels[name].setBuddy(field.focusProxy() or field)
        grid.addWidget(self.remove_button, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        top = QHBoxLayout()
        top.addWidget(self.service, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, space(3), 0, 0)  # room below the line above it
        layout.addLayout(top)
        layout.addWidget(self.removed_note)
        layout.addLayout(grid)
        layout.addWidget(self.state_line)
        layout.addWidget(self.conflict)

    def retranslate_ui(self) -> None:
        texts = {"status": _("Where it stands"), "made_on": _("Made on"),
                 "follow_up_on": _("Follow up by"), "notes": _("Notes")}
        for name, text in texts.items():
            self.labels[name].setText(text)
            self._fields()[name].setAccessibleName(text)
        for position, key in enumerate(REFERRAL_STATUS_NAMES):
            self.status.setItemText(position, _(REFERRAL_STATUS_NAMES[key]))
        self.remove_button.setText(_("Remove referral"))
        self.removed_note.setText(_("This service has since been removed from the directory. "
                                    "The referral keeps its name and phone as they were."))
        self._show_service()
        self.show_state()

    def _show_service(self) -> None:
        referral = self.referral
        name = f"\u2068{referral.service_name}\u2069"
        self.service.setText(_("Referral to {service}, phone {phone}").format(
            service=name, phone=LTR.format(referral.service_phone))
            if referral.service_phone else _("Referral to {service}").format(service=name))
        self.removed_note.setVisible(referral.service_removed)

    # what is shown
    def show_referral(self, referral: ReferralView) -> None:
        self.referral = referral
        fields = self._fields()
        for widget in fields.values():
            widget.blockSignals(True)
        self.status.setCurrentIndex(max(self.status.findData(referral.status), 0))
        self.made_on.set_value(referral.made_on)
        self.follow_up_on.set_value(referral.follow_up_on)
        self.notes.setText(referral.notes)
        for widget in fields.values():
            widget.blockSignals(False)
        self._show_service()
        self.show_state()

    def show_state(self) -> None:
        text, kind = state_words(self.referral, self.values(), ops.today())
        self.state_line.show_message(text, kind)
        self.state_line.setVisible(bool(text))

    # what is typed
    def values(self) -> ReferralFields:
        return ReferralFields(self.status.currentData(), self.made_on.value(),
                              self.follow_up_on.value(), self.notes.text())

    def changes(self) -> ReferralFields | None:
        if self.theirs is not None:
            return None
        values = self.values()
        return values if values != self.referral.fields() else None

    def typed(self) -> dict[str, Any]:
        return {"status": self.status.currentData(), "made_on": self.made_on.text(),
                "follow_up_on": self.follow_up_on.text(), "notes": self.notes.text()}

    def put_back(self, typed: dict[str, Any]) -> None:
        self.status.setCurrentIndex(max(self.status.findData(typed["status"]), 0))
        self.made_on.set_text(typed["made_on"])
        self.follow_up_on.set_text(typed["follow_up_on"])
        self.notes.setText(typed["notes"])
        self.show_state()

    def in_conflict(self, theirs: ReferralView) -> None:
        self.theirs = theirs
        self.conflict.ask(lambda: " · ".join(part for part in (
            _(REFERRAL_STATUS_NAMES[theirs.status]), format_date(theirs.made_on),
            format_date(theirs.follow_up_on), theirs.notes) if part))

    def _keep_mine(self) -> None:
        if self.theirs is not None:
            self.referral, self.theirs = self.theirs, None
        self.edited.emit()

    def _use_theirs(self) -> None:
        theirs, self.theirs = self.theirs, None
        if theirs is not None:
            self.show_referral(theirs)

    def _edited(self) -> None:
        self.show_state()
        self.edited.emit()
