"""The sign-in page."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casefile.errors import (
    DeviceSecretLost,
    DeviceSecretUnavailable,
    ForeignWal,
    KeyFileDamaged,
    StoreDamaged,
    WaymarkError,
)
from desktop.forms import (
    centered_column,
    heading,
    labelled_row,
    message_label,
    set_label,
)
from desktop.look import TYPE
from desktop.operations.runner import Runner
from desktop.translation import RetranslateMixin
from i18n import N_, _

# Given a sign-in name and password, the operation that signs in (run on the runner's worker);
# raises WaymarkError at once when signing in cannot even start.
SignIn = Callable[[str, str], Callable[[], object]]


def _row(button: QPushButton, at_end: bool = False) -> QHBoxLayout:
    """A button at the start (or the end) of its own row, at its natural width. (Stretch, not
    an alignment flag: Qt's namespace costs about 40 ms the first time it is used, so nothing
    before the sign-in window is painted touches it.)"""
    row = QHBoxLayout()
    if at_end:
        row.addStretch(1)
    row.addWidget(button)
    if not at_end:
        row.addStretch(1)
    return row


class LoginPage(RetranslateMixin, QWidget):
    """Asks for a sign-in name and password; `sign_in` raises WaymarkError when they are wrong."""

    signed_in = Signal(object)
    recovery_requested = Signal()
    restore_requested = Signal()  # the store cannot be opened: restore a backup over it

    def __init__(self, sign_in: SignIn, runner: Runner, agency_name: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._runner = runner
        self._sign_in = sign_in
        self._agency = agency_name
        self._error: WaymarkError | None = None
        self.title = heading()
        self.agency_label = heading(agency_name, scale=TYPE.subtitle)
        self.login = QLineEdit()
        self.login.setObjectName("login")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.submit = QPushButton()
        self.submit.setObjectName("sign-in")
        self.submit.setDefault(True)
        self.message = message_label()
        self.forgot = QLabel()
        self.forgot.setWordWrap(True)
        self.recover = QPushButton()
        self.recover.setObjectName("use-recovery-key")
        self.recover.clicked.connect(self.recovery_requested)
        self.restore = QPushButton()
        self.restore.setObjectName("restore-damaged-store")
        self.restore.clicked.connect(self.restore_requested)
        self.restore.hide()
        form = QFormLayout()
        self.login_label = labelled_row(form, self.login)
        self.password_label = labelled_row(form, self.password)
        self._layout(form)
        self.submit.clicked.connect(self._try_sign_in)
        self.password.returnPressed.connect(self._try_sign_in)
        self.login.returnPressed.connect(self.password.setFocus)
        self.retranslate_ui()

    def _layout(self, form: QFormLayout) -> None:
        inner = QVBoxLayout()
        inner.addWidget(self.title)
        inner.addWidget(self.agency_label)
        inner.addLayout(form)
        inner.addWidget(self.message)
        inner.addLayout(_row(self.submit, at_end=True))
        inner.addSpacing(24)
        inner.addWidget(self.forgot)
        inner.addLayout(_row(self.recover))
        inner.addLayout(_row(self.restore))
        centered_column(self, inner, 460)
        self.agency_label.setVisible(bool(self._agency))

    def retranslate_ui(self) -> None:
        self.title.setText(_("Sign in to Waymark"))
        set_label(self.login_label, self.login, _("&Sign-in name"))
        set_label(self.password_label, self.password, _("&Password"))
        self.submit.setText(_("Sign in"))
        self.submit.setAccessibleName(_("Sign in"))
        self.forgot.setText(_("Forgot your password, or moved to another computer?"))
        self.recover.setText(_("Use the &recovery key"))
        self.restore.setText(_("Restore from a &backup (needs the recovery key)…"))
        self.message.show_error(self._error.user_message() if self._error else "")

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        (self.password if self.login.text() else self.login).setFocus()

    def _try_sign_in(self) -> None:
        if not self.login.text().strip() or not self.password.text():
            self._show_error(WaymarkError(N_("Type your sign-in name and password.")))
            return
        login, password = self.login.text(), self.password.text()
        self._runner.run_prepared(lambda: self._sign_in(login, password),
                                  on_done=self._succeeded, on_error=self._show_error, caller=self)

    def _succeeded(self, result: object) -> None:
        self.password.clear()
        self._error = None
        self.message.clear()
        self.signed_in.emit(result)

    def _show_error(self, error: WaymarkError) -> None:
        self._error = error
        self.message.show_error(error.user_message())
        self.restore.setVisible(isinstance(error, StoreDamaged | ForeignWal | KeyFileDamaged))
        if self.restore.isVisible():
            self.restore.setFocus()
            return
        if isinstance(error, DeviceSecretLost | DeviceSecretUnavailable):
            self.recover.setFocus()  # the way forward is the recovery key
            return
        self.password.selectAll()
        self.password.setFocus()
