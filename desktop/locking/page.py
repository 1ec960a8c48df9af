"""The neutral screen shown while Waymark is locked: no youth, no case, no staff name."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from casefile.errors import WaymarkError
from desktop.forms import (
    form_page,
    heading,
    labelled_row,
    message_label,
    set_label,
)
from desktop.look import TYPE
from desktop.operations.runner import Runner
from desktop.translation import RetranslateMixin
from i18n import N_, _

Unlock = Callable[[str], Callable[[], object]]  # the password → the operation that unlocks


class LockPage(RetranslateMixin, QWidget):
    """Asks for the password of whoever locked; `unlock` raises WaymarkError when it is wrong."""

    unlocked = Signal(object)
    switch_user = Signal()

    def __init__(self, unlock: Unlock, runner: Runner, demo_password: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.setObjectName("lock-page")
        self._unlock = unlock
        self._demo_password = demo_password
        self._error: WaymarkError | None = None
        self.brand = heading("Waymark")
        self.title = heading(scale=TYPE.subtitle)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setVisible(bool(demo_password))
        self.password = QLineEdit()
        self.password.setObjectName("lock-password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = message_label()
        self.submit = QPushButton()
        self.submit.setObjectName("unlock")
        self.submit.setDefault(True)
        self.other = QPushButton()
        self.other.setObjectName("switch-user")
        form = QFormLayout()
        self.password_label = labelled_row(form, self.password)
        form_page(self, 460, (self.brand, self.title, self.explanation, self.hint), form,
                  self.message, (self.other, self.submit))
        self.submit.clicked.connect(self._try_unlock)
        self.password.returnPressed.connect(self._try_unlock)
        self.other.clicked.connect(self.switch_user)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(_("Locked"))
        self.explanation.setText(_(
            "Waymark is locked and nothing is shown. Type your password to go on where you "
            "left off."))
        self.hint.setText(_("Demo: the password is {password}").format(
            password=self._demo_password))
        set_label(self.password_label, self.password, _("&Password"))
        self.submit.setText(_("Unlock"))
        self.other.setText(_("Sign in as someone else"))
        self.message.show_error(self._error.user_message() if self._error else "")

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.password.setFocus()

    def _try_unlock(self) -> None:
        if not self.password.text():
            self._show_error(WaymarkError(N_("Type your password.")))
            return
        password = self.password.text()
        self._runner.run_prepared(lambda: self._unlock(password), on_done=self._succeeded,
                                  on_error=self._show_error, caller=self)

    def _succeeded(self, result: object) -> None:
        self.password.clear()
        self._error = None
        self.message.clear()
        self.unlocked.emit(result)

    def _show_error(self, error: WaymarkError) -> None:
        self._error = error
        self.message.show_error(error.user_message())
        self.password.selectAll()
        self.password.setFocus()
