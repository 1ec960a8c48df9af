"""Debounced autosave: the first edit starts a short timer; edits while it runs join the save.

So a person typing without pause is saved at least every `DELAY_MS`, and a crash or power cut
loses at most the last moment of typing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

DELAY_MS = 400


class Autosave(QObject):
    def __init__(self, save: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self._save)

    def touch(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        """Save now if anything is waiting (before switching youth, locking or quitting)."""
        if self._timer.isActive():
            self._timer.stop()
            self._save()

    @property
    def pending(self) -> bool:
        return self._timer.isActive()
