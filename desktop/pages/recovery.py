"""Signing in with the recovery key: for a forgotten password or a store moved to a new computer.

The person types their sign-in name, the agency's recovery key and a new password twice. Any
error is shown on the page and nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QWidget

from casefile.errors import WaymarkError
from desktop.forms import form_page, heading, message_label
from desktop.operations.runner import Runner
from desktop.pages.recovery_fields import RecoveryFields
from desktop.translation import RetranslateMixin
from i18n import _

Recover = Callable[[str, str, str], Callable[[], object]]  # the fields → the operation


class RecoveryPage(RetranslateMixin, QWidget):
    recovered = Signal(object)  # the open store
    back_requested = Signal()

    def __init__(self, recover: Recover, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._recover = recover
        self._error: WaymarkError | None = None
        self.title = heading()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        form = QFormLayout()
        self.fields = RecoveryFields(form)
        self.login, self.recovery_key, self.password, self.confirm = self.fields.fields
        self.labels = self.fields.labels
        self.message = message_label()
        self.back = QPushButton()
        self.back.setObjectName("back-to-sign-in")
        self.submit = QPushButton()
        self.submit.setObjectName("recover")
        self.submit.setDefault(True)
        form_page(self, 560, (self.title, self.intro), form, self.message,
                  (self.back, self.submit))
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
        self.fields.retranslate()
        self.back.setText(_("&Back to sign-in"))
        self.submit.setText(_("Set password and sign in"))
        self.message.show_error(self._error.user_message() if self._error else "")

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.login.setFocus()

    def _try_recover(self) -> None:
        problem = self.fields.problem()
        if problem:
            self._show(WaymarkError(problem))
            return
        values = self.fields.values()
        self._runner.run_prepared(lambda: self._recover(*values), on_done=self._succeeded,
                                  on_error=self._show, caller=self)

    def _succeeded(self, result: object) -> None:
        self.fields.clear_secrets()
        self._error = None
        self.message.clear()
        self.recovered.emit(result)

    def _show(self, error: WaymarkError) -> None:
        self._error = error
        self.message.show_error(error.user_message())
