"""The account, administration and supervision menus of the main window.

They act for the person signed in on the page on screen (the workspace) and are hidden or
disabled on every other page. Dialogs are imported when first opened, so they cost nothing at
start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, cast

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu

from desktop.directory.menu import DirectoryMenu
from i18n import _

if TYPE_CHECKING:
    from desktop.operations.runner import Runner
    from desktop.operations.session import Session


class MenuHost(Protocol):
    """What these menus need of the main window (named here, so they do not import it back)."""

    file_menu: QMenu
    quit_action: QAction
    language_menu: QMenu
    workspace: Any
    runner: Runner

    def sign_out(self) -> None: ...


class AccountMenus(QObject):
    def __init__(self, shell: QMainWindow) -> None:
        super().__init__(shell)
        self._shell = shell
        self._host = cast(MenuHost, shell)
        host = self._host
        self.session: Session | None = None
        self.dialog: QDialog | None = None  # the dialog opened last from these menus
        self.change_password = self._action("change-password", self.open_change_password)
        host.file_menu.insertAction(host.quit_action, self.change_password)
        self._separator = host.file_menu.insertSeparator(host.quit_action)
        self.admin_menu = QMenu(shell)
        self.admin_menu.setObjectName("administration-menu")
        self.accounts_action = self._action("staff-accounts", self.open_accounts)
        self.status_action = self._action("status-and-backups", self.open_status)
        self.admin_menu.addActions([self.accounts_action, self.status_action])
        self.supervision_menu = QMenu(shell)
        self.supervision_menu.setObjectName("supervision-menu")
        self.audit_action = self._action("audit-trail", self.open_audit_trail)
        self.emergency_action = self._action("emergency-access", self.open_emergency_access)
        self.supervision_menu.addActions([self.audit_action, self.emergency_action])
        before = host.language_menu.menuAction()
        shell.menuBar().insertMenu(before, self.admin_menu)
        shell.menuBar().insertMenu(before, self.supervision_menu)
        self.directory = DirectoryMenu(shell, host.runner, before)
        self.show_for(None)

    def _action(self, name: str, slot: Any) -> QAction:
        action = QAction(self._shell)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def retranslate_ui(self) -> None:
        self.change_password.setText(_("&Change my password…"))
        self.admin_menu.setTitle(_("&Administration"))
        self.accounts_action.setText(_("&Staff accounts…"))
        self.status_action.setText(_("Status and &backups…"))
        self.supervision_menu.setTitle(_("&Supervision"))
        self.audit_action.setText(_("&Audit trail…"))
        self.emergency_action.setText(_("&Emergency access…"))
        self.directory.retranslate_ui()

    def show_for(self, session: Session | None) -> None:
        """Show the menus the person signed in may use; none when no one is (or it is locked)."""
        self.session = session
        self.change_password.setVisible(session is not None)
        self._separator.setVisible(session is not None)
        self.admin_menu.menuAction().setVisible(session is not None and session.is_admin)
        self.supervision_menu.menuAction().setVisible(
            session is not None and session.is_supervisor)
        self.directory.show_for(session)
        if session is None and self.dialog is not None:  # locked or signed out: nothing kept
            self.dialog.reject()
            self.dialog.deleteLater()
            self.dialog = None

    # opening the dialogs
    def _open(self, dialog: QDialog) -> QDialog:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.open()
        return dialog

    def _session(self) -> Session:
        assert self.session is not None and self.session.is_open
        return self.session

    def open_change_password(self) -> None:
        from desktop.admin.passwords import ChangePasswordDialog

        dialog = self._open(ChangePasswordDialog(self._session(), self._shell))
        dialog.accepted.connect(lambda: self._shell.statusBar().showMessage(
            _("Your password was changed."), 15_000))

    def open_accounts(self) -> None:
        from desktop.admin.accounts_dialog import StaffAccountsDialog

        self._open(StaffAccountsDialog(self._session(), self._shell))

    def open_status(self) -> None:
        from desktop.admin.status_dialog import StatusDialog

        dialog = StatusDialog(self._session(), self._host.runner, self._shell)
        dialog.restore_starting.connect(self._save_waiting_edits)
        dialog.restored.connect(self._host.sign_out)
        self._open(dialog)

    def _save_waiting_edits(self) -> None:
        if self._host.workspace is not None:
            self._host.workspace.finish()

    def open_audit_trail(self) -> None:
        from desktop.admin.audit_dialog import AuditTrailDialog

        self._open(AuditTrailDialog(self._session(), self._shell))

    def open_emergency_access(self) -> None:
        from desktop.admin.emergency_dialog import EmergencyAccessDialog

        dialog = EmergencyAccessDialog(self._session(), self._shell)
        dialog.granted.connect(self._emergency_granted)
        self._open(dialog)

    def _emergency_granted(self, youth_id: int, _until: object) -> None:
        workspace = self._host.workspace
        if workspace is not None:
            workspace.show_emergency(youth_id)
