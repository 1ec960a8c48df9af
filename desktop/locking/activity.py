"""Noticing when the person at the workstation stops using Waymark, and the hide key anywhere.

Idle time is measured on the wall clock (`now`, which is `time.time`), not a monotonic clock, so
the time a computer spends asleep counts: a laptop closed for an hour is locked when it wakes even
where the platform does not report the suspend.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication

from desktop.locking.keys import HIDE_KEYS

now = time.time  # the clock; tests replace it
CHECK_MS = 5000  # how often idle time is compared with the limit

_INPUT = frozenset({
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TabletPress,
})


class ActivityMonitor(QObject):
    """An application-wide event filter: notes every key press, click and scroll, emits `idle`
    once `arm(minutes)` minutes pass without any, and `hide_requested` when the hide keys are
    pressed in any Waymark window (dialogs included, where the menu's shortcut does not reach)."""

    idle = Signal()
    hide_requested = Signal()

    def __init__(self, app: QApplication, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._limit: float | None = None
        self._last = now()
        self._hide_keys = QKeySequence(HIDE_KEYS)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        app.installEventFilter(self)

    def arm(self, minutes: int) -> None:
        """Start counting idle time from now."""
        self._limit = minutes * 60.0
        self._last = now()
        self._timer.start(CHECK_MS)

    def disarm(self) -> None:
        self._limit = None
        self._timer.stop()

    @property
    def armed(self) -> bool:
        return self._limit is not None

    def check(self) -> None:
        """Emit `idle` (once) if the limit has passed since the last input."""
        if self._limit is not None and now() - self._last >= self._limit:
            self.disarm()
            self.idle.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in _INPUT:
            return False
        self._last = now()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and self._is_hide(event):
            self.hide_requested.emit()
            return True
        return False

    def _is_hide(self, event: QKeyEvent) -> bool:
        typed = QKeySequence(event.keyCombination())
        return typed.matches(self._hide_keys) == QKeySequence.SequenceMatch.ExactMatch
