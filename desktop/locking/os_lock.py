"""Locking when the operating system locks the screen or is about to suspend, where it says so.

- Linux (and other systems with D-Bus): logind's `PrepareForSleep(true)` and this session's `Lock`
  on the system bus, and `ActiveChanged(true)` of the freedesktop, GNOME and KDE screensavers on
  the session bus. Without a bus (or without QtDBus) nothing is connected and nothing is printed.
- Windows: `WM_WTSSESSION_CHANGE` / `WTS_SESSION_LOCK` (after `WTSRegisterSessionNotification`)
  and `WM_POWERBROADCAST` / `PBT_APMSUSPEND`, read by a native event filter.
- macOS: these notifications come only through AppKit (NSWorkspace and the distributed
  "com.apple.screenIsLocked"), which needs PyObjC; Waymark does without, and relies on the idle lock
  (wall clock, so sleep counts) and quick-hide there.
"""

from __future__ import annotations

import os
import sys
from typing import cast

from PySide6.QtCore import SLOT, QCoreApplication, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

LOGIN1 = "org.freedesktop.login1"
LOGIN1_PATH = "/org/freedesktop/login1"
SCREENSAVERS = ("org.freedesktop.ScreenSaver", "org.gnome.ScreenSaver",
                "org.kde.screensaver")


def session_path(session_id: str) -> str:
    """logind's object path for a session id, escaped as systemd escapes path elements."""
    escaped = "".join(
        char if char.isascii() and char.isalnum() and not (i == 0 and char.isdigit())
        else f"_{ord(char):02x}"
        for i, char in enumerate(session_id))
    return f"{LOGIN1_PATH}/session/{escaped or '_'}"


def _slot(signature: str) -> bytes:
    """A slot for QDBusConnection.connect: PySide6 wants the str SLOT() makes (its stubs say
    bytes)."""
    return cast(bytes, SLOT(signature))


class OsLockWatcher(QObject):
    """Emits `locked` when the system locks the screen or starts to suspend."""

    locked = Signal()

    def __init__(self, window: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._native: object = None
        self.connected: list[str] = []  # what is being watched, for diagnosis
        try:
            if sys.platform == "win32":
                self._watch_windows(window)
            elif sys.platform != "darwin":
                self._watch_dbus()
        except Exception:  # a missing or odd bus must never stop Waymark
            self.connected.clear()

    # the handlers (also called by tests)
    @Slot(bool)
    def sleeping(self, starting: bool) -> None:
        if starting:
            self.locked.emit()

    @Slot(bool)
    def screensaver(self, active: bool) -> None:
        if active:
            self.locked.emit()

    @Slot()
    def session_locked(self) -> None:
        self.locked.emit()

    # Linux and the BSDs
    def _watch_dbus(self) -> None:
        from PySide6.QtDBus import QDBusConnection

        system = QDBusConnection.systemBus()
        if system.isConnected():
            if system.connect(LOGIN1, LOGIN1_PATH, f"{LOGIN1}.Manager", "PrepareForSleep",
                              self, _slot("sleeping(bool)")):
                self.connected.append("logind PrepareForSleep")
            # Without XDG_SESSION_ID, any session's lock: locking too often is the safe side.
            session = os.environ.get("XDG_SESSION_ID", "")
            path = session_path(session) if session else ""
            if system.connect(LOGIN1, path, f"{LOGIN1}.Session", "Lock",
                              self, _slot("session_locked()")):
                self.connected.append("logind Session.Lock")
        session_bus = QDBusConnection.sessionBus()
        if session_bus.isConnected():
            for interface in SCREENSAVERS:
                if session_bus.connect("", "", interface, "ActiveChanged",
                                       self, _slot("screensaver(bool)")):
                    self.connected.append(f"{interface} ActiveChanged")

    # Windows
    def _watch_windows(self, window: QWidget) -> None:
        if sys.platform == "win32":  # repeated so type checkers on other systems skip this
            import ctypes
            from ctypes import wintypes

            from PySide6.QtCore import QAbstractNativeEventFilter, QByteArray

            wm_wtssession_change, wts_session_lock = 0x02B1, 0x7
            wm_powerbroadcast, pbt_apmsuspend = 0x0218, 0x4
            notify_for_this_session = 0
            watcher = self

            class SessionEvents(QAbstractNativeEventFilter):
                def nativeEventFilter(self, event_type: QByteArray, message: int) -> object:
                    if bytes(event_type) == b"windows_generic_MSG":
                        msg = wintypes.MSG.from_address(int(message))
                        if (msg.message == wm_wtssession_change
                                and msg.wParam == wts_session_lock) or (
                                msg.message == wm_powerbroadcast
                                and msg.wParam == pbt_apmsuspend):
                            # Not from inside the native event: the lock rebuilds the window.
                            QTimer.singleShot(0, watcher.session_locked)
                    return False, 0

            events = SessionEvents()
            app = QCoreApplication.instance()
            if app is not None:
                app.installNativeEventFilter(events)
                self._native = events
                self.destroyed.connect(lambda: app.removeNativeEventFilter(events))
                self.connected.append("Windows power broadcast")
                hwnd = wintypes.HWND(int(window.winId()))
                if ctypes.windll.wtsapi32.WTSRegisterSessionNotification(
                        hwnd, notify_for_this_session):
                    self.connected.append("Windows session lock")
