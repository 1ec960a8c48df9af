"""The administrator's list of staff accounts, with Add, Edit, Disable / Enable and Reset."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casefile.errors import WaymarkError
from desktop.admin.account_editor import AccountEditor
from desktop.admin.dialog import wrapped_label
from desktop.admin.passwords import ResetPasswordDialog
from desktop.admin.roles import keyring_text, roles_text, status_text
from desktop.forms import message_label
from desktop.look import MessageKind
from desktop.operations import accounts as ops
from desktop.operations.session import Session
from desktop.operations.types import Account
from desktop.table_rows import select_row
from desktop.translation import RetranslateMixin
from i18n import N_, _

HEADERS = (N_("Name"), N_("Sign-in name"), N_("Roles"), N_("Supervisor"), N_("Status"),
           N_("Protected by the keyring"))


class StaffAccountsDialog(RetranslateMixin, QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staff-accounts")
        self._session = session
        self.accounts: list[Account] = []
        self.child: QDialog | None = None  # the editor or question open over this dialog
        self._notice = ""
        self.intro = wrapped_label("intro")
        self.table = self._make_table()
        self.message = message_label()
        self.add_button, self.edit_button, self.enable_button, self.reset_button = (
            self._button(name) for name in ("add", "edit", "enable", "reset-password"))
        self.close_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_box.rejected.connect(self.reject)
        self._lay_out()
        self.add_button.clicked.connect(self.add_account)
        self.edit_button.clicked.connect(self.edit_account)
        self.enable_button.clicked.connect(self.toggle_enabled)
        self.reset_button.clicked.connect(self.reset_password)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.edit_account())
        self.resize(900, 480)
        self.reload()
        self.retranslate_ui()

    def _make_table(self) -> QTableWidget:
        table = QTableWidget(0, len(HEADERS))
        table.setObjectName("accounts")
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def _button(self, name: str) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        return button

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.enable_button, self.reset_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.close_box)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Staff accounts"))
        self.intro.setText(_("Everyone who can sign in to Waymark on this computer."))
        self.table.setHorizontalHeaderLabels([_(text) for text in HEADERS])
        self.table.setAccessibleName(_("Staff accounts"))
        self.table.horizontalHeader().setAccessibleName(_("Staff account columns"))
        self.add_button.setText(_("&Add…"))
        self.edit_button.setText(_("&Edit…"))
        self.reset_button.setText(_("&Reset password…"))
        close = self.close_box.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setText(_("Close"))
        self._fill()
        self._update_buttons()
        if self._notice:
            self.message.setText(_(self._notice))

    # the table
    def reload(self) -> None:
        try:
            self.accounts = ops.load_accounts(self._session)
        except WaymarkError as error:
            self._show_error(error)
        self._fill()
        self._update_buttons()

    def _fill(self) -> None:
        """Show `accounts`, keeping the same person selected."""
        rows = self.table.selectionModel().selectedRows()
        item = self.table.item(rows[0].row(), 1) if rows else None  # the sign-in name
        chosen = item.text() if item is not None else None
        self.table.clearSelection()
        self.table.setRowCount(len(self.accounts))
        for row, account in enumerate(self.accounts):
            texts = (account.display_name, account.login, roles_text(account.roles),
                     account.supervisor_name, status_text(account), keyring_text(account))
            for column, text in enumerate(texts):
                self.table.setItem(row, column, QTableWidgetItem(text))
            if account.login == chosen:
                select_row(self.table, row)

    def selected(self) -> Account | None:
        rows = self.table.selectionModel().selectedRows()
        return self.accounts[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        account = self.selected()
        for button in (self.edit_button, self.enable_button, self.reset_button):
            button.setEnabled(account is not None)
        self.reset_button.setEnabled(account is not None and account.active)
        enable = account is not None and not account.active
        self.enable_button.setText(_("E&nable") if enable else _("&Disable…"))

    # actions
    def add_account(self) -> None:
        self._open(AccountEditor(self._session, self.accounts, None, self),
                   N_("The account was added."))

    def edit_account(self) -> None:
        account = self.selected()
        if account is not None:
            self._open(AccountEditor(self._session, self.accounts, account, self),
                       N_("The account was changed."))

    def reset_password(self) -> None:
        account = self.selected()
        if account is not None and account.active:
            self._open(ResetPasswordDialog(self._session, account, self),
                       N_("The new password is set. It works from now on."))

    def toggle_enabled(self) -> None:
        account = self.selected()
        if account is None:
            return
        if not account.active:
            self._run(lambda: ops.set_enabled(self._session, account.id, True),
                      N_("The account is enabled again. Reset its password so it can sign in."))
            return
        question = QMessageBox(QMessageBox.Icon.Question, _("Disable account"), _(
            "Disable the account of {name}? They can no longer sign in, and their password is "
            "removed. Their youth and their entries in the audit trail are kept."
        ).format(name=account.display_name), QMessageBox.StandardButton.NoButton, self)
        question.setObjectName("confirm-disable")
        yes = question.addButton(_("Disable"), QMessageBox.ButtonRole.AcceptRole)
        yes.setObjectName("yes")
        question.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole).setObjectName("no")
        question.buttonClicked.connect(
            lambda button: self._disable(account) if button is yes else None)
        self.child = question
        question.open()

    def _disable(self, account: Account) -> None:
        self._run(lambda: ops.set_enabled(self._session, account.id, False),
                  N_("The account is disabled."))

    def _open(self, dialog: QDialog, notice: str) -> None:
        self.child = dialog
        dialog.accepted.connect(lambda: self._done(notice))
        dialog.open()

    def _run(self, action: Callable[[], None], notice: str) -> None:
        try:
            action()
        except WaymarkError as error:
            self._show_error(error)
            return
        self._done(notice)

    def _done(self, notice: str) -> None:
        self._notice = notice
        self.message.show_message(_(notice), MessageKind.SUCCESS)
        self.reload()

    def _show_error(self, error: WaymarkError) -> None:
        self._notice = ""
        self.message.show_error(error.user_message())
