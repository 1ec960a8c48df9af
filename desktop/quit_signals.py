"""Quit as if the window were closed on SIGTERM, SIGINT and SIGHUP (`kill`, Ctrl+C in a terminal,
the end of a session), so that typing is saved, the store closed and a demo's folder removed.

Python runs a signal handler only when the interpreter gets control, and Qt's event loop may
keep it waiting: the handler's wake-up byte goes to a socket that a QSocketNotifier watches, and
the quit runs from the event loop. A signal that arrives before the loop runs is acted on as soon
as it starts.
"""

from __future__ import annotations

import contextlib
import signal
import socket
from collections.abc import Callable
from types import FrameType

from PySide6.QtCore import QObject, QSocketNotifier, Signal

SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGHUP")
                if hasattr(signal, name))


def _noted(_number: int, _frame: FrameType | None) -> None:
    """Python's own handler; the work is done from the event loop (`QuitOnSignals._woken`)."""


class QuitOnSignals(QObject):
    """Emits `quit_requested` from the event loop when one of `SIGNALS` arrives."""

    quit_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._previous: dict[int, Callable[..., object] | int | None] = {}
        for number in SIGNALS:
            self._previous[number] = signal.signal(number, _noted)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)

    def _woken(self) -> None:
        received = b""
        with contextlib.suppress(OSError):  # BlockingIOError once every byte is read
            while chunk := self._reader.recv(64):
                received += chunk
        if any(number in received for number in SIGNALS):  # one byte per signal: its number
            self.quit_requested.emit()

    def restore(self) -> None:
        """Put back the handlers there were before."""
        self._notifier.setEnabled(False)
        for number, handler in self._previous.items():
            signal.signal(number, handler if handler is not None else signal.SIG_DFL)
        signal.set_wakeup_fd(self._previous_fd)
        self._reader.close()
        self._writer.close()
