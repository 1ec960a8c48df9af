"""What both recovery-key pages ask for: the sign-in name, the agency's recovery key, and a new
password typed twice."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit

from desktop.forms import labelled_row, new_password_hint, set_label
from i18n import N_, _

KEY_PATTERN = "XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX"


class RecoveryFields:
    """The four fields, added as rows of `form`."""

    def __init__(self, form: QFormLayout) -> None:
        self.login = QLineEdit()
        self.recovery_key = QLineEdit()
        self.recovery_key.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.recovery_key.setFont(QFont(QFontDatabase.systemFont(
            QFontDatabase.SystemFont.FixedFont)))
        self.password = QLineEdit()
        self.confirm = QLineEdit()
        names = ("login", "recovery-key", "password", "confirm")
        for field, name in zip(self.fields, names, strict=True):
            field.setObjectName(name)
        for secret in (self.password, self.confirm):
            secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.labels: list[QLabel] = [labelled_row(form, field) for field in self.fields]

    @property
    def fields(self) -> tuple[QLineEdit, QLineEdit, QLineEdit, QLineEdit]:
        return self.login, self.recovery_key, self.password, self.confirm

    def retranslate(self) -> None:
        texts = (_("&Sign-in name"), _("&Recovery key"), _("&New password"),
                 _("&Type the new password again"))
        for label, field, text in zip(self.labels, self.fields, texts, strict=True):
            set_label(label, field, text)
        self.recovery_key.setPlaceholderText(KEY_PATTERN)
        self.password.setPlaceholderText(new_password_hint())

    def problem(self) -> str | None:
        """What is missing or does not match (marked with N_), or None when all is typed."""
        if not self.login.text().strip():
            return N_("Type your sign-in name.")
        if not self.recovery_key.text().strip():
            return N_("Type the recovery key.")
        if self.password.text() != self.confirm.text():
            return N_("The two passwords are not the same.")
        return None

    def values(self) -> tuple[str, str, str]:
        """The sign-in name, the recovery key and the new password, as typed."""
        return self.login.text().strip(), self.recovery_key.text(), self.password.text()

    def clear_secrets(self) -> None:
        for field in (self.recovery_key, self.password, self.confirm):
            field.clear()
