"""Restoring a backup on a new workstation, from first-run setup instead of creating a store.

The person chooses the backup file and types their sign-in name, the agency's recovery key and
a new password twice. Any error is shown on the page and nothing is written to the data folder.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from casefile.errors import WaymarkError
from desktop.forms import form_page, heading, message_label, set_label
from desktop.operations.runner import Runner
from desktop.pages.recovery_fields import RecoveryFields
from desktop.translation import RetranslateMixin
from i18n import N_, _

# (backup file, sign-in name, recovery key, new password) -> the open store
Restore = Callable[[Path, str, str, str], Callable[[], object]]  # the fields → the operation

CHOOSE_FILE = N_("Choose the backup file.")


class RestoreBackupPage(RetranslateMixin, QWidget):
    restored = Signal(object)  # the open store
    back_requested = Signal()

    def __init__(self, restore: Restore, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._restore = restore
        self._error: WaymarkError | None = None
        self.title = heading()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.backup_file = QLineEdit()
        self.backup_file.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.choose = QPushButton()
        self.choose.setObjectName("choose-backup-file")
        file_row = QWidget()
        file_layout = QHBoxLayout(file_row)
        file_layout.setContentsMargins(0, 0, 0, 0)
        file_layout.addWidget(self.backup_file, 1)
        file_layout.addWidget(self.choose)
        self.backup_file.setObjectName("backup-file")
        form = QFormLayout()
        file_label = QLabel()
        file_label.setBuddy(self.backup_file)  # the row also holds the Choose… button
        form.addRow(file_label, file_row)
        self.fields = RecoveryFields(form)
        self.login, self.recovery_key, self.password, self.confirm = self.fields.fields
        self.labels = [file_label, *self.fields.labels]
        self.message = message_label()
        self.back = QPushButton()
        self.back.setObjectName("back-to-setup")
        self.submit = QPushButton()
        self.submit.setObjectName("restore")
        self.submit.setDefault(True)
        form_page(self, 560, (self.title, self.intro), form, self.message,
                  (self.back, self.submit))
        self.choose.clicked.connect(self._choose_file)
        self.back.clicked.connect(self.back_requested)
        self.submit.clicked.connect(self._try_restore)
        self.confirm.returnPressed.connect(self._try_restore)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(_("Restore from backup"))
        self.intro.setText(_(
            "Restore a backup made on another computer, using the recovery key your agency "
            "keeps locked away, and choose a new password here; other staff then need a new "
            "password from an administrator."))
        set_label(self.labels[0], self.backup_file, _("Backup &file"))
        self.fields.retranslate()
        self.choose.setText(_("&Choose…"))
        self.choose.setAccessibleDescription(_(CHOOSE_FILE))
        self.back.setText(_("&Back"))
        self.submit.setText(_("Restore"))
        self.message.show_error(self._error.user_message() if self._error else "")

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.backup_file.setFocus()

    def _choose_file(self) -> None:
        start = self.backup_file.text().strip() or str(Path.home())
        chosen, _filter = QFileDialog.getOpenFileName(
            self, _("Restore from backup"), start, _("Waymark backups (*.wmbackup)"))
        if chosen:
            self.backup_file.setText(chosen)
            self.login.setFocus()

    def _problem(self) -> str | None:
        if not self.backup_file.text().strip():
            return CHOOSE_FILE
        return self.fields.problem()

    def _try_restore(self) -> None:
        problem = self._problem()
        if problem:
            self._show(WaymarkError(problem))
            return
        source, values = Path(self.backup_file.text().strip()), self.fields.values()
        self._runner.run_prepared(lambda: self._restore(source, *values),
                                  on_done=self._succeeded, on_error=self._show, caller=self)

    def _succeeded(self, result: object) -> None:
        self.fields.clear_secrets()
        self._error = None
        self.message.clear()
        self.restored.emit(result)

    def _show(self, error: WaymarkError) -> None:
        self._error = error
        self.message.show_error(error.user_message())
