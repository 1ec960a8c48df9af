"""Signing a plan on its Agreement section: the young person's typed name and date (or that they
chose not to sign), the caseworker's, and the next review date. "Agree this plan" asks the plan
editor to make the draft an agreed version; what is typed stays here until that has worked."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.forms import heading, labelled_row, set_label
from desktop.look import TYPE
from desktop.operations.types import Signatures
from desktop.translation import RetranslateMixin
from desktop.workspace.date_field import DateField
from i18n import _


class AgreementPanel(RetranslateMixin, QFrame):
    agree_requested = Signal(object, object)  # Signatures, the review date (or None)

    def __init__(self, caseworker: str, today: date, review_on: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreement-panel")
        self.title = heading(scale=TYPE.subtitle)
        self.youth_name = QLineEdit()
        self.youth_name.setObjectName("youth-name")
        self.youth_date = DateField()
        self.youth_date.set_value(today)
        self.declined = QCheckBox()
        self.declined.setObjectName("youth-declined")
        self.staff_name = QLineEdit(caseworker)
        self.staff_name.setObjectName("caseworker-name")
        self.staff_date = DateField()
        self.staff_date.set_value(today)
        self.review = DateField()
        self.review.set_value(review_on)
        self.agree_button = QPushButton()
        self.agree_button.setObjectName("agree")
        form = QFormLayout()
        self.labels = [labelled_row(form, widget) for widget in (
            self.youth_name, self.youth_date, self.staff_name, self.staff_date, self.review)]
        form.insertRow(2, self.declined)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(self.agree_button)
        self.declined.toggled.connect(self._declined)
        self.agree_button.clicked.connect(self._agree)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(_("Sign and agree"))
        words = (_("Young person's &name"), _("Date they signed"), _("Caseworker's na&me"),
                 _("Date you signed"), _("Next re&view"))
        for label, widget, text in zip(self.labels, (
                self.youth_name, self.youth_date, self.staff_name, self.staff_date,
                self.review), words, strict=True):
            set_label(label, widget, text)
        self.declined.setText(_("The young person chose not to sign"))
        self.agree_button.setText(_("&Agree this plan"))
        self.agree_button.setToolTip(_("An agreed plan never changes. To change it later, you "
                                       "start a new draft from it."))

    def _declined(self, declined: bool) -> None:
        self.youth_name.setEnabled(not declined)
        self.youth_date.setEnabled(not declined)

    def _agree(self) -> None:
        signatures = Signatures(
            caseworker_name=self.staff_name.text(),
            caseworker_signed_on=self.staff_date.value(),
            youth_name="" if self.declined.isChecked() else self.youth_name.text(),
            youth_signed_on=None if self.declined.isChecked() else self.youth_date.value(),
            youth_declined=self.declined.isChecked())
        self.agree_requested.emit(signatures, self.review.value())
