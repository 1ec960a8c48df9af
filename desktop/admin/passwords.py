"""Changing one's own password, and an administrator setting someone's temporary password."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.admin.dialog import FormDialog, check_same, secret_field
from desktop.forms import labelled_row, new_password_hint, set_label
from desktop.operations import accounts as ops
from desktop.operations.session import Session
from desktop.operations.types import Account
from i18n import _


class ChangePasswordDialog(FormDialog):
    """The signed-in person types their current password and a new one twice."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("change-password")
        self._session = session
        self.old = secret_field("old-password")
        self.new = secret_field("new-password")
        self.repeat = secret_field("repeat-password")
        self.labels = [labelled_row(self.form, field)
                       for field in (self.old, self.new, self.repeat)]
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Change my password"))
        self.intro.setText(_("Type your current password, then the new one twice. "
                             "The old password stops working at once."))
        texts = (_("&Current password"), _("&New password"), _("&Type the new password again"))
        for label, field, text in zip(self.labels, (self.old, self.new, self.repeat), texts,
                                      strict=True):
            set_label(label, field, text)
        self.new.setPlaceholderText(new_password_hint())
        self.retranslate_buttons(_("Change password"))

    def submit(self) -> None:
        check_same(self.new.text(), self.repeat.text())
        ops.change_own_password(self._session, self.old.text(), self.new.text())
        for field in (self.old, self.new, self.repeat):
            field.clear()


class ResetPasswordDialog(FormDialog):
    """An administrator types a temporary password twice for someone who forgot theirs."""

    def __init__(self, session: Session, account: Account, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reset-password")
        self._session = session
        self.account = account
        self.new = secret_field("new-password")
        self.repeat = secret_field("repeat-password")
        self.labels = [labelled_row(self.form, field) for field in (self.new, self.repeat)]
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Reset password"))
        self.intro.setText(_(
            "Set a temporary password for {name} ({login}). Give it to them in person and ask "
            "them to change it after signing in (Waymark menu, Change my password)."
        ).format(name=self.account.display_name, login=self.account.login))
        set_label(self.labels[0], self.new, _("&Temporary password"))
        set_label(self.labels[1], self.repeat, _("&Type it again"))
        self.new.setPlaceholderText(new_password_hint())
        self.retranslate_buttons(_("Set password"))

    def submit(self) -> None:
        check_same(self.new.text(), self.repeat.text())
        ops.reset_password(self._session, self.account.id, self.new.text())
        for field in (self.new, self.repeat):
            field.clear()
