"""Signing in with the recovery key: for a forgotten password or a store moved to a new computer.

The person types their sign-in name, the agency's recovery key and a new password twice. Any
error is shown on the page and nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casefile.errors import MIN_PASSWORD_LENGTH, WaymarkError
from desktop.forms import (
    centered_column,
    heading,
    labelled_row,
    message_label,
    set_label,
    wait_cursor,
)
from desktop.translation import RetranslateMixin
from i18n import N_, _, ngettext

Recover = Callable[[str, str, str], object]


class RecoveryPage(RetranslateMixin, QWidget):
    recovered = Signal(object)  # the open store
    back_requested = Signal()

    def __init__(self, recover: Recover, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._recover = recover
        self._error: WaymarkError | None = None
        self.title = heading()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.login = QLineEdit()
        self.recovery_key = QLineEdit()
        self.recovery_key.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        mono = QFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.recovery_key.setFont(mono)
        self.password = QLineEdit()
        self.confirm = QLineEdit()
        fields = (self.login, self.recovery_key, self.password, self.confirm)
        for field, name in zip(fields, ("login", "recovery-key", "password", "confirm"),
                               strict=True):
            field.setObjectName(name)
        for secret in (self.password, self.confirm):
            secret.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        self.labels = [labelled_row(form, field) for field in fields]
        self.message = message_label()
        self.back = QPushButton()
        self.back.setObjectName("back-to-sign-in")
        self.submit = QPushButton()
        self.submit.setObjectName("recover")
        self.submit.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(self.submit)
        content = QVBoxLayout()
        for widget in (self.title, self.intro):
            content.addWidget(widget)
        content.addLayout(form)
        content.addWidget(self.message)
        content.addLayout(buttons)
        centered_column(self, content, 560)
        self.back.clicked.connect(self.back_requested)
        self.submit.clicked.connect(self._try_recover)
        self.confirm.returnPressed.connect(self._try_recover)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(_("Sign in with the recovery key"))
        self.intro.setText(_(
            "Use the recovery key your agency keeps locked away when you forgot your password, "
            "or when Waymark was moved to another computer. You choose a new password here. "
            "If Waymark was moved, other staff then need a new password from an administrator."))
        texts = (_("&Sign-in name"), _("&Recovery key"), _("&New password"),
                 _("&Type the new password again"))
        fields = (self.login, self.recovery_key, self.password, self.confirm)
        for label, field, text in zip(self.labels, fields, texts, strict=True):
            set_label(label, field, text)
        self.recovery_key.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.password.setPlaceholderText(ngettext(
            "At least {count} character", "At least {count} characters", MIN_PASSWORD_LENGTH,
        ).format(count=MIN_PASSWORD_LENGTH))
        self.back.setText(_("&Back to sign-in"))
        self.submit.setText(_("Set password and sign in"))
        self.message.setText(self._error.user_message() if self._error else "")

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.login.setFocus()

    def _problem(self) -> str | None:
        if not self.login.text().strip():
            return N_("Type your sign-in name.")
        if not self.recovery_key.text().strip():
            return N_("Type the recovery key.")
        if self.password.text() != self.confirm.text():
            return N_("The two passwords are not the same.")
        return None

    def _try_recover(self) -> None:
        problem = self._problem()
        if problem:
            self._show(WaymarkError(problem))
            return
        try:
            with wait_cursor():
                result = self._recover(self.login.text().strip(), self.recovery_key.text(),
                                       self.password.text())
        except WaymarkError as error:
            self._show(error)
            return
        for field in (self.recovery_key, self.password, self.confirm):
            field.clear()
        self._error = None
        self.message.clear()
        self.recovered.emit(result)

    def _show(self, error: WaymarkError) -> None:
        self._error = error
        self.message.setText(error.user_message())
