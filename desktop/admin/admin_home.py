"""What an administrator without a case role sees instead of the youth list."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.forms import centered_column, heading
from desktop.translation import RetranslateMixin
from i18n import _


class AdminHome(RetranslateMixin, QWidget):
    def __init__(self, display_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("admin-home")
        self._name = display_name
        self.title = heading()
        self.explanation = QLabel()
        self.explanation.setObjectName("admin-only")
        self.explanation.setWordWrap(True)
        content = QVBoxLayout()
        content.addWidget(self.title)
        content.addWidget(self.explanation)
        centered_column(self, content, 560)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(_("Signed in as {name}").format(name=self._name))
        self.explanation.setText(_(
            "This account manages staff accounts and backups. It has no access to case "
            "records. Use the Administration menu to add or change accounts, see the status of "
            "this computer, and make or restore backups."))
