"""Adding a staff account, or changing a person's name, roles and supervisor."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from casefile.errors import InvalidInput
from desktop.admin.dialog import FormDialog, check_same, secret_field
from desktop.forms import labelled_row, set_label
from desktop.operations import accounts as ops
from desktop.operations.session import Session
from desktop.operations.types import ADMIN, CASEWORKER, ROLES, SUPERVISOR, Account
from i18n import N_, _

ROLE_LABELS = {CASEWORKER: N_("&Caseworker"), SUPERVISOR: N_("&Supervisor"),
               ADMIN: N_("&Administrator")}


class AccountEditor(FormDialog):
    """`account` None adds a new account (with its first password); otherwise edits it."""

    def __init__(self, session: Session, everyone: list[Account], account: Account | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("account-editor")
        self._session = session
        self.account = account
        self.display_name = QLineEdit(account.display_name if account else "")
        self.display_name.setObjectName("display-name")
        self.login = QLineEdit(account.login if account else "")
        self.login.setObjectName("login")
        self.login.setReadOnly(account is not None)  # a sign-in name never changes
        self.role_boxes = {role: QCheckBox() for role in ROLES}
        self.supervisor = self._supervisor_combo(everyone)
        self.password = secret_field("password")
        self.repeat = secret_field("repeat-password")
        self._lay_out()
        if account is None:
            self.role_boxes[CASEWORKER].setChecked(True)
        else:
            for role, box in self.role_boxes.items():
                box.setChecked(role in account.roles)
        self.retranslate_ui()

    def _supervisor_combo(self, everyone: list[Account]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName("supervisor")
        combo.addItem("", None)
        for person in ops.possible_supervisors(everyone, self.account.id if self.account else None):
            combo.addItem(person.display_name, person.id)
        if self.account is not None:
            combo.setCurrentIndex(max(combo.findData(self.account.supervisor_id), 0))
        return combo

    def _lay_out(self) -> None:
        self.name_label = labelled_row(self.form, self.display_name)
        self.login_label = labelled_row(self.form, self.login)
        roles_row = QHBoxLayout()
        for role in ROLES:
            box = self.role_boxes[role]
            box.setObjectName(f"role-{role}")
            roles_row.addWidget(box)
        roles_row.addStretch(1)
        self.roles_label = QLabel()
        self.form.addRow(self.roles_label, roles_row)
        self.supervisor_label = labelled_row(self.form, self.supervisor)
        self.password_label = labelled_row(self.form, self.password)
        self.repeat_label = labelled_row(self.form, self.repeat)
        adding = self.account is None
        for widget in (self.password_label, self.password, self.repeat_label, self.repeat):
            widget.setVisible(adding)

    def retranslate_ui(self) -> None:
        adding = self.account is None
        self.setWindowTitle(_("Add a staff account") if adding else _("Edit staff account"))
        self.intro.setText(_(
            "A caseworker sees the youth assigned to them. A supervisor also sees their team's "
            "youth and the audit trail. An administrator manages accounts and backups, and sees "
            "no case records unless they also have a case role."))
        set_label(self.name_label, self.display_name, _("&Full name"))
        set_label(self.login_label, self.login, _("Sign-in &name"))
        self.roles_label.setText(_("Roles"))
        for role, box in self.role_boxes.items():
            box.setText(_(ROLE_LABELS[role]))
        set_label(self.supervisor_label, self.supervisor, _("&Team supervisor"),
                  _("The supervisor who sees this person's youth"))
        self.supervisor.setItemText(0, _("No supervisor"))
        set_label(self.password_label, self.password, _("&Password"))
        set_label(self.repeat_label, self.repeat, _("T&ype the password again"))
        self.retranslate_buttons(_("Add account") if adding else _("Save"))

    def chosen_roles(self) -> set[str]:
        return {role for role, box in self.role_boxes.items() if box.isChecked()}

    def submit(self) -> None:
        roles, supervisor_id = self.chosen_roles(), self.supervisor.currentData()
        if self.account is not None:
            ops.edit_account(self._session, self.account.id, self.display_name.text(), roles,
                             supervisor_id)
            return
        if not self.login.text().strip():
            raise InvalidInput(N_("Choose a sign-in name."))
        check_same(self.password.text(), self.repeat.text())
        ops.add_account(self._session, self.login.text(), self.display_name.text(), roles,
                        self.password.text(), supervisor_id)
