"""The main window: a stack of pages (setup, sign-in, workspace) under one menu bar.

The window title is always "Waymark": it never shows a youth's name.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QStackedWidget, QToolButton, QWidget

from casefile.errors import WaymarkError
from desktop import look
from desktop.admin.menus import AccountMenus
from desktop.locking.keys import HIDE_KEYS
from desktop.operations.runner import Runner
from desktop.pages.login import LoginPage, SignIn
from desktop.translation import LanguageSwitcher, RetranslateMixin
from i18n import LANGUAGES, _, current_language

if TYPE_CHECKING:  # imported where used: sign-in must appear as fast as possible
    from desktop.locking.page import LockPage, Unlock
    from desktop.operations.types import HelpLine, Policy
    from desktop.pages.problem import ProblemPage
    from desktop.pages.recovery import Recover, RecoveryPage
    from desktop.pages.restore_backup import Restore, RestoreBackupPage
    from desktop.pages.setup import RecoveryKeyPage, SetupPage
    from desktop.workspace.together import TogetherPage
    from desktop.workspace.workspace import Workspace


AFTER_PAINT_MS = 100  # key sequences and the icon are set this long after the window appears


class Shell(RetranslateMixin, QMainWindow):
    _keys_set = False  # the menus' key sequences, set after the first paint
    sign_in_needed = Signal()  # the store was closed for good (a restore): show sign-in again
    language_chosen = Signal(str)  # someone chose a language from the menu (to remember it)

    def __init__(self, switcher: LanguageSwitcher, data_dir: Path, demo: bool = False) -> None:
        super().__init__()
        self.setObjectName("waymark-main-window")
        self._switcher = switcher
        self.data_dir = data_dir
        self.demo = demo
        self.runner = Runner(self)  # every slow operation of every screen runs through it
        self.workspace: Workspace | None = None
        self.together: TogetherPage | None = None  # the plan's together view, over the workspace
        self.pages = QStackedWidget()
        self.setCentralWidget(self.pages)
        self._build_menus()
        # Key sequences build Qt's whole namespace (~40 ms the first time): set just after the
        # sign-in window is painted, not before it.
        QTimer.singleShot(AFTER_PAINT_MS, self._after_first_paint)
        self.resize(1100, 720)
        self.retranslate_ui()

    def _build_menus(self) -> None:
        self.file_menu = QMenu(self)
        self.lock_action = QAction(self)  # quick-hide: lock at once, show a neutral screen
        self.lock_action.setObjectName("hide-screen")
        self.lock_action.setEnabled(False)
        self.file_menu.addAction(self.lock_action)
        self.addAction(self.lock_action)  # its keys work with the menu bar hidden (together view)
        self.file_menu.addSeparator()
        self.hide_button = QToolButton()
        self.hide_button.setObjectName("hide-screen-button")
        self.hide_button.setDefaultAction(self.lock_action)
        self.hide_button.setVisible(False)
        self.menuBar().setCornerWidget(self.hide_button)
        self.quit_action = QAction(self)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.quit_action)
        self.language_menu = QMenu(self)
        self.language_menu.setObjectName("language-menu")
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for lang in LANGUAGES:
            action = QAction(self)  # not QAction(text, parent, checkable=…): that builds
            action.setText(lang.native_name)  # QIcon's enums before the window appears
            action.setCheckable(True)
            action.setData(lang.code)
            action.triggered.connect(
                lambda _checked=False, code=lang.code: self.choose_language(code))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[lang.code] = action
        self.help_menu = QMenu(self)
        self.help_lines: tuple[HelpLine, ...] = ()
        self.help_lines_action = QAction(self)
        self.help_lines_action.setObjectName("help-lines")
        self.help_lines_action.setVisible(False)
        self.help_lines_action.triggered.connect(self._show_help_lines)
        self.help_menu.addAction(self.help_lines_action)
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self._about)
        self.help_menu.addAction(self.about_action)
        for menu in (self.file_menu, self.language_menu, self.help_menu):
            self.menuBar().addMenu(menu)
        self.account_menus = AccountMenus(self)

    def _after_first_paint(self) -> None:
        """What the first paint need not wait for: the menus' keys and the window's icon.
        (Importing QKeySequence or QIcon builds their enums: about 3 ms before the window.)"""
        from PySide6.QtGui import QIcon, QKeySequence

        QApplication.setWindowIcon(QIcon(str(look.ICON_PATH)))
        app = QApplication.instance()
        if isinstance(app, QApplication):
            from desktop.fonts import use_bundled_fonts

            use_bundled_fonts(app)  # the printed copy's fonts on screen too
        self._keys_set = True
        self.lock_action.setShortcut(QKeySequence(HIDE_KEYS))
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self._describe_hide_keys()

    def _describe_hide_keys(self) -> None:
        if not self._keys_set:  # asking for the shortcut would build QKeySequence's enums
            self.lock_action.setToolTip(_("Lock Waymark now and show a neutral screen"))
            return
        from PySide6.QtGui import QKeySequence

        keys = self.lock_action.shortcut()
        self.lock_action.setToolTip(_("Lock Waymark now and show a neutral screen ({keys})").format(
            keys=keys.toString(QKeySequence.SequenceFormat.NativeText)))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Waymark — demo") if self.demo else "Waymark")
        self.file_menu.setTitle(_("&Waymark"))
        self.quit_action.setText(_("&Quit"))
        self.lock_action.setText(_("&Hide screen"))
        self._describe_hide_keys()
        self.hide_button.setAccessibleName(_("Hide screen"))
        self.help_lines_action.setText(_("Help &lines…"))
        self.language_menu.setTitle(_("&Language"))
        self.help_menu.setTitle(_("&Help"))
        self.about_action.setText(_("&About Waymark"))
        self.account_menus.retranslate_ui()
        self.language_actions[current_language()].setChecked(True)

    def switch(self, code: str) -> None:
        self._switcher.switch(code)

    def choose_language(self, code: str) -> None:
        """A person chose `code` from the Language menu: switch, and say so to be remembered."""
        self.switch(code)
        self.language_chosen.emit(code)

    def apply_policy(self, policy: Policy) -> None:
        """Offer only the agency's languages (switching away from any other) and its help lines."""
        for code, action in self.language_actions.items():
            action.setVisible(code in policy.languages)
        if current_language() not in policy.languages:
            self.switch(policy.languages[0])
        self.help_lines = policy.help_lines
        self.help_lines_action.setVisible(bool(policy.help_lines))

    def _show_help_lines(self) -> None:
        from desktop.help_lines import HelpLinesDialog

        HelpLinesDialog(self.help_lines, self).open()

    def _about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self, _("About Waymark"), _(
            "Waymark helps a caseworker and a young person build a safety plan and a needs "
            "assessment together. Everything stays encrypted on this computer."))

    # pages
    def _show(self, page: QWidget) -> None:
        old = self.pages.currentWidget()
        self.pages.addWidget(page)
        self.pages.setCurrentWidget(page)
        self.account_menus.show_for(self.workspace.session if page is self.workspace else None)
        if old is not None and old is self.workspace:
            self.workspace = None
        self.lock_action.setEnabled(page is self.workspace)
        self.hide_button.setVisible(page is self.workspace)
        if old is not None:
            self.pages.removeWidget(old)
            old.deleteLater()

    def show_setup(self, create: Callable[[str, str, str], object]) -> SetupPage:
        from desktop.pages.setup import SetupPage

        page = SetupPage(create, str(self.data_dir))
        self._show(page)
        return page

    def show_recovery_key(self, recovery_key: str) -> RecoveryKeyPage:
        from desktop.pages.setup import RecoveryKeyPage

        page = RecoveryKeyPage(recovery_key)
        self._show(page)
        return page

    def show_login(self, sign_in: SignIn, agency_name: str = "") -> LoginPage:
        page = LoginPage(sign_in, self.runner, agency_name)
        self._show(page)
        return page

    def show_recovery(self, recover: Recover) -> RecoveryPage:
        from desktop.pages.recovery import RecoveryPage

        page = RecoveryPage(recover, self.runner)
        self._show(page)
        return page

    def show_restore_backup(
        self, restore: Restore
    ) -> RestoreBackupPage:
        from desktop.pages.restore_backup import RestoreBackupPage

        page = RestoreBackupPage(restore, self.runner)
        self._show(page)
        return page

    def show_lock(self, unlock: Unlock, demo_password: str = "") -> LockPage:
        """Replace the workspace (deleted with every case widget in it) by the lock screen."""
        from desktop.locking.page import LockPage

        page = LockPage(unlock, self.runner, demo_password)
        self._show(page)
        return page

    def show_problem(self, error: WaymarkError) -> ProblemPage:
        from desktop.pages.problem import ProblemPage

        page = ProblemPage(error)
        page.quit_requested.connect(self.close)
        self._show(page)
        return page

    def show_workspace(self, workspace: Workspace) -> None:
        self.workspace = workspace
        workspace.list_panel.emergency_requested.connect(self.account_menus.open_emergency_access)
        workspace.plan.together_requested.connect(self.show_together)
        self._show(workspace)

    def show_together(self) -> None:
        """The plan's together view takes the whole window; the workspace waits behind it."""
        from desktop.operations import plan as plan_ops
        from desktop.workspace.together import TogetherPage

        workspace = self.workspace
        editor = workspace.plan if workspace is not None else None
        if workspace is None or editor is None or editor.youth_id is None or self.together:
            return
        workspace.finish()
        plan = editor.view.plan if editor.view else None
        try:
            assert plan is not None
            plan_ops.enter_together(workspace.session, plan.id)
        except WaymarkError as error:
            editor.save_state.show_error(error.user_message())
            return
        page = TogetherPage(workspace.session, editor.youth_id, editor.current, self.runner,
                            self.lock_action.trigger)
        page.left.connect(self.end_together)
        self.together = page
        self.pages.addWidget(page)
        self.pages.setCurrentWidget(page)
        self.menuBar().hide()
        page.editor.next_button.setFocus()

    def end_together(self) -> None:
        """Back to the full view (the password was right, or a lock takes over)."""
        page, self.together = self.together, None
        if page is None:
            return
        page.editor.flush()
        section = page.editor.current
        if self.workspace is not None:
            self.pages.setCurrentWidget(self.workspace)
            if page.editor.youth_id is not None:
                self.workspace.plan.load(page.editor.youth_id)
                self.workspace.plan.show_section(section)
        self.pages.removeWidget(page)
        page.hide()
        page.deleteLater()
        self.menuBar().show()

    def sign_out(self) -> None:
        """Close the store and ask for the sign-in page again (after a restore)."""
        if self.workspace is not None:
            if self.workspace.session.is_open:
                self.workspace.finish()
                self.workspace.session.close()
            self.workspace = None
        self.sign_in_needed.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.runner.wait()  # a sign-in under way finishes, and its store is closed below
        if self.together is not None:
            self.together.editor.flush()
        if self.workspace is not None:
            self.workspace.finish()
            self.workspace.session.close()
        super().closeEvent(event)
