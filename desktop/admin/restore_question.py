"""The question asked before a backup replaces the data on this computer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from desktop.translation import RetranslateMixin
from i18n import _


class RestoreQuestion(RetranslateMixin, QMessageBox):
    confirmed = Signal()

    def __init__(self, source: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confirm-restore")
        self.setIcon(QMessageBox.Icon.Warning)
        self._source = source
        self.yes = self.addButton("", QMessageBox.ButtonRole.AcceptRole)
        self.yes.setObjectName("yes")
        self.no = self.addButton("", QMessageBox.ButtonRole.RejectRole)
        self.no.setObjectName("no")
        self.setDefaultButton(self.no)
        self.buttonClicked.connect(self._clicked)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Restore from backup"))
        self.setText(_("Replace the data on this computer with the backup {file}?").format(
            file=f"\u2066{self._source.name}\u2069"))
        self.setInformativeText(_(
            "Everything in Waymark on this computer becomes what it was when the backup was "
            "made. The current data is kept first as a pre-restore backup in the data folder, "
            "so nothing is lost. After the restore, everyone signs in again."))
        self.yes.setText(_("Restore"))
        self.no.setText(_("Cancel"))

    def _clicked(self, button: QAbstractButton) -> None:
        if button is self.yes:
            self.confirmed.emit()
