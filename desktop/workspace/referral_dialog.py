"""Making a referral for a goal: type to find the service in the agency's directory (narrowed at
first to the goal's part of life) and choose it, or, for a service the directory does not list,
type its name and phone. The referral keeps the name and phone it was made with."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casefile.errors import WaymarkError
from desktop.directory.picker import ServicePicker
from desktop.forms import heading, labelled_row, message_label, set_label
from desktop.look import TYPE, MessageKind
from desktop.operations import goals as ops
from desktop.operations.goals import GoalView, ReferralView
from desktop.operations.session import Session
from desktop.translation import RetranslateMixin
from i18n import _

GOAL_CHARS = 160  # the goal's words shown above the search, shortened beyond this


class ReferralDialog(RetranslateMixin, QDialog):
    made = Signal(object)  # the ReferralView just saved

    def __init__(self, session: Session, goal: GoalView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("referral-dialog")
        self._session = session
        self.goal = goal
        self.title = heading(scale=TYPE.subtitle)
        self.goal_line = QLabel()
        self.goal_line.setWordWrap(True)
        self.picker = ServicePicker(session)
        self.picker.set_domain(goal.domain)
        self.other_title = heading(scale=TYPE.body)
        self.other_name = QLineEdit()
        self.other_name.setObjectName("other-service-name")
        self.other_phone = QLineEdit()
        self.other_phone.setObjectName("other-service-phone")
        self.other_phone.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # digits read the same
        self.other_button = QPushButton()
        self.other_button.setObjectName("refer-other")
        self.other_button.setAutoDefault(False)  # Enter in the search chooses a service
        self.message = message_label(MessageKind.ERROR)
        self.message.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        form = QFormLayout()
        self.name_label = labelled_row(form, self.other_name)
        self.phone_label = labelled_row(form, self.other_phone)
        layout = QVBoxLayout(self)
        for widget in (self.title, self.goal_line, self.picker, self.other_title):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(self.other_button, 0, Qt.AlignmentFlag.AlignLeading)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.picker.chosen.connect(self._chosen)
        self.other_button.clicked.connect(self._typed)
        self.buttons.rejected.connect(self.reject)
        self.resize(560, 560)
        self.retranslate_ui()
        self.picker.search.setFocus()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Make a referral"))
        self.title.setText(_("Make a referral"))
        words = self.goal.words if len(self.goal.words) <= GOAL_CHARS \
            else self.goal.words[:GOAL_CHARS] + "…"
        self.goal_line.setText(_("For the goal: {goal}").format(goal=f"\u2068{words}\u2069"))
        self.other_title.setText(_("Not in the directory?"))
        set_label(self.name_label, self.other_name, _("Service's &name"))
        set_label(self.phone_label, self.other_phone, _("Its &phone"))
        self.other_button.setText(_("&Refer to this service"))
        self.picker.search.setToolTip(_("Type to search, then press Enter or double-click a "
                                        "service to refer to it."))

    def _chosen(self, service_id: int, _name: str, _phone: str) -> None:
        self._make(lambda: ops.add_referral(self._session, self.goal.id, service_id=service_id))

    def _typed(self) -> None:
        self._make(lambda: ops.add_referral(self._session, self.goal.id,
                                            service_name=self.other_name.text(),
                                            service_phone=self.other_phone.text()))

    def _make(self, add: Callable[[], ReferralView]) -> None:
        try:
            referral = add()
        except WaymarkError as error:
            self.message.setText(error.user_message())  # what was typed stays
            self.message.show()
            return
        self.made.emit(referral)
        self.accept()
