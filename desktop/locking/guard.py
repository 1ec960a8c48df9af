"""Every reason to lock, gathered into one signal, and what locking does to other windows."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QWidget

from desktop.locking.activity import ActivityMonitor
from desktop.locking.clipboard import ClipboardGuard
from desktop.locking.os_lock import OsLockWatcher

MAX_POPUPS = 50


class LockGuard(QObject):
    """Emits `lock_requested` on idle time, the hide keys in any window, and the system's screen
    lock or suspend. The main window's own hide control is connected by the controller."""

    lock_requested = Signal()

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.activity = ActivityMonitor(app, self)
        self.os_lock = OsLockWatcher(window, self)
        self.clipboard = ClipboardGuard(app.clipboard(), self)
        self.activity.idle.connect(self.lock_requested)
        self.activity.hide_requested.connect(self.lock_requested)
        self.os_lock.locked.connect(self.lock_requested)
        app.aboutToQuit.connect(self.clipboard.clear)

    def arm(self, idle_minutes: int) -> None:
        self.activity.arm(idle_minutes)

    def disarm(self) -> None:
        self.activity.disarm()


def _belongs_to(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if parent is window:
            return True
        parent = parent.parentWidget()
    return False


def close_other_windows(window: QWidget) -> None:
    """Close open menus and pop-ups, every dialog, and every other window of `window`."""
    for _ in range(MAX_POPUPS):
        popup = QApplication.activePopupWidget()
        if popup is None:
            break
        popup.close()
    for widget in QApplication.topLevelWidgets():
        if widget is window or not widget.isVisible():
            continue
        if isinstance(widget, QDialog):
            widget.reject()
        elif _belongs_to(widget, window):
            widget.close()
