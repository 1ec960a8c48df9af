"""The main window's Directory menu: "Resource directory…" (Ctrl+Shift+D), shown once someone is
signed in. The window it opens is closed and dropped on a lock or a sign-out."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from i18n import _

if TYPE_CHECKING:
    from desktop.directory.screen import DirectoryWindow
    from desktop.operations.runner import Runner
    from desktop.operations.session import Session

DIRECTORY_KEYS = "Ctrl+Shift+D"


class DirectoryMenu(QObject):
    def __init__(self, shell: QMainWindow, runner: Runner, before: QAction) -> None:
        super().__init__(shell)
        self._shell = shell
        self._runner = runner
        self.session: Session | None = None
        self.window: DirectoryWindow | None = None
        self.menu = QMenu(shell)
        self.menu.setObjectName("directory-menu")
        self.open_action = QAction(shell)
        self.open_action.setObjectName("resource-directory")
        self.open_action.triggered.connect(lambda _checked=False: self.open_directory())
        self.menu.addAction(self.open_action)
        shell.menuBar().insertMenu(before, self.menu)
        self._keys_set = False

    def retranslate_ui(self) -> None:
        self.menu.setTitle(_("&Directory"))
        self.open_action.setText(_("&Resource directory…"))

    def show_for(self, session: Session | None) -> None:
        """Offer the directory to anyone signed in; close its window when no one is."""
        self.session = session
        self.menu.menuAction().setVisible(session is not None)
        if session is not None and not self._keys_set:  # after sign-in: no cost at start-up
            from PySide6.QtGui import QKeySequence

            self.open_action.setShortcut(QKeySequence(DIRECTORY_KEYS))
            self._keys_set = True
        if session is None and self.window is not None:
            self.window.reject()
            self.window.deleteLater()
            self.window = None

    def open_directory(self) -> DirectoryWindow | None:
        from desktop.directory.screen import DirectoryWindow

        if self.session is None or not self.session.is_open:
            return None
        if self.window is not None:
            self.window.show()
            self.window.raise_()
            self.window.activateWindow()
            return self.window
        self.window = DirectoryWindow(self.session, self._runner, self._shell)
        self.window.finished.connect(self._closed)
        self.window.show()
        self.window.search.setFocus()
        return self.window

    def _closed(self) -> None:
        if self.window is not None:
            self.window.deleteLater()
            self.window = None
