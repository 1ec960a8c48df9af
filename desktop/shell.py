"""The main window: a stack of pages (setup, sign-in, workspace) under one menu bar.

The window title is always "Waymark": it never shows a youth's name.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QStackedWidget, QWidget

from casefile.errors import WaymarkError
from desktop.pages.login import LoginPage
from desktop.translation import LanguageSwitcher, RetranslateMixin
from i18n import LANGUAGES, _, current_language

if TYPE_CHECKING:  # imported where used: sign-in must appear as fast as possible
    from desktop.pages.problem import ProblemPage
    from desktop.pages.setup import RecoveryKeyPage, SetupPage
    from desktop.workspace.workspace import Workspace


class Shell(RetranslateMixin, QMainWindow):
    def __init__(self, switcher: LanguageSwitcher, data_dir: Path, demo: bool = False) -> None:
        super().__init__()
        self.setObjectName("waymark-main-window")
        self._switcher = switcher
        self.data_dir = data_dir
        self.demo = demo
        self.workspace: Workspace | None = None
        self.pages = QStackedWidget()
        self.setCentralWidget(self.pages)
        self._build_menus()
        self.resize(1100, 720)
        self.retranslate_ui()

    def _build_menus(self) -> None:
        self.file_menu = QMenu(self)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.quit_action)
        self.language_menu = QMenu(self)
        self.language_menu.setObjectName("language-menu")
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for lang in LANGUAGES:
            action = QAction(lang.native_name, self, checkable=True)
            action.setData(lang.code)
            action.triggered.connect(lambda _checked=False, code=lang.code: self.switch(code))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[lang.code] = action
        self.help_menu = QMenu(self)
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self._about)
        self.help_menu.addAction(self.about_action)
        for menu in (self.file_menu, self.language_menu, self.help_menu):
            self.menuBar().addMenu(menu)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Waymark — demo") if self.demo else "Waymark")
        self.file_menu.setTitle(_("&Waymark"))
        self.quit_action.setText(_("&Quit"))
        self.language_menu.setTitle(_("&Language"))
        self.help_menu.setTitle(_("&Help"))
        self.about_action.setText(_("&About Waymark"))
        self.language_actions[current_language()].setChecked(True)

    def switch(self, code: str) -> None:
        self._switcher.switch(code)

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

    def show_login(self, sign_in: Callable[[str, str], object]) -> LoginPage:
        page = LoginPage(sign_in)
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
        self._show(workspace)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.workspace is not None:
            self.workspace.finish()
            self.workspace.store.close()
        super().closeEvent(event)
