"""Clearing the clipboard on lock, but only when it still holds what Waymark put there.

A change of the clipboard (or of the X11 selection) counts as Waymark's when Waymark owns it (where
the platform can tell) or when it happens while Waymark is the application in front; a change made
while another application is in front is that application's and is never cleared. Only a digest of
Waymark's text is kept, never the text itself.
"""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QClipboard, QGuiApplication

Mode = QClipboard.Mode


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


class ClipboardGuard(QObject):
    def __init__(self, clipboard: QClipboard, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clipboard = clipboard
        self._ours: dict[Mode, bytes] = {}
        clipboard.changed.connect(self._changed)

    def _modes(self) -> list[Mode]:
        modes = [Mode.Clipboard]
        if self._clipboard.supportsSelection():
            modes.append(Mode.Selection)
        return modes

    def _owns(self, mode: Mode) -> bool:
        if mode == Mode.Selection:
            return self._clipboard.ownsSelection()
        return self._clipboard.ownsClipboard()

    @staticmethod
    def _waymark_in_front() -> bool:
        return QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive

    def _changed(self, mode: Mode) -> None:
        if mode not in (Mode.Clipboard, Mode.Selection):
            return
        if self._owns(mode) or self._waymark_in_front():
            self._ours[mode] = _digest(self._clipboard.text(mode))
        else:
            self._ours.pop(mode, None)

    def holds_ours(self, mode: Mode = Mode.Clipboard) -> bool:
        if self._owns(mode):
            return True
        ours = self._ours.get(mode)
        return ours is not None and _digest(self._clipboard.text(mode)) == ours

    def clear(self) -> None:
        """Empty the clipboard (and selection) where it holds Waymark's text; forget the rest."""
        for mode in self._modes():
            if self.holds_ours(mode):
                self._clipboard.clear(mode)
        self._ours.clear()
