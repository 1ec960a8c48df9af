"""The frame shared by Waymark's small dialogs: a form, a message line and OK / Cancel.

Subclasses build their fields, set their strings in `retranslate_ui()` and do their one action
in `submit()`, raising WaymarkError to keep the dialog open with the message shown.
"""

from __future__ import annotations

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
from desktop.forms import message_label, wait_cursor
from desktop.translation import RetranslateMixin
from i18n import N_, _


def secret_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


def wrapped_label(name: str = "") -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


class FormDialog(RetranslateMixin, QDialog):
    """A dialog whose OK button runs `submit()`; errors stay on screen as one sentence."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._error: WaymarkError | None = None
        self.intro = wrapped_label("intro")
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.message = message_label()
        self.message.setObjectName("message")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button.setObjectName("ok")
        self.cancel_button.setObjectName("cancel")
        self.buttons.accepted.connect(self._try_submit)
        self.buttons.rejected.connect(self.reject)
        self.layout_box = QVBoxLayout(self)
        self.layout_box.addWidget(self.intro)
        self.layout_box.addLayout(self.form)
        self.layout_box.addWidget(self.message)
        self.layout_box.addWidget(self.buttons)
        self.setMinimumWidth(460)

    @property
    def ok_button(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert button is not None
        return button

    @property
    def cancel_button(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        assert button is not None
        return button

    def retranslate_buttons(self, ok_text: str) -> None:
        self.ok_button.setText(ok_text)
        self.cancel_button.setText(_("Cancel"))
        self.message.show_error(self._error.user_message() if self._error else "")

    def submit(self) -> None:
        raise NotImplementedError

    def _try_submit(self) -> None:
        try:
            with wait_cursor():
                self.submit()
        except WaymarkError as error:
            self.show_error(error)
            return
        self.accept()

    def show_error(self, error: WaymarkError) -> None:
        self._error = error
        self.message.show_error(error.user_message())


def check_same(password: str, repeated: str) -> None:
    if password != repeated:
        raise WaymarkError(N_("The two passwords are not the same."))
