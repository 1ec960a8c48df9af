"""The printed copy's bundled fonts are the screen's too, once the sign-in window is painted:
a young person's words in any script look alike on screen and on paper, on any workstation."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from PySide6.QtGui import QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication, QLabel

from desktop.fonts import FAMILIES


def test_the_screen_uses_the_bundled_fonts_after_the_first_paint(
    qtbot: QtBot, start_shell: Any, qapp: QApplication
) -> None:
    before = qapp.font()
    try:
        shell = start_shell()
        qtbot.waitUntil(lambda: shell._keys_set, timeout=3000)
        assert set(FAMILIES) <= set(QFontDatabase.families())
        assert qapp.font().families()[:len(FAMILIES)] == FAMILIES
        label = QLabel("Nguyễn")
        qtbot.addWidget(label)
        assert QFontInfo(label.font()).family() == "Noto Sans"
        shell.switch("ar")  # right to left: the Arabic font first
        assert qapp.font().families()[0] == "Noto Naskh Arabic"
        shell.switch("en")
        assert qapp.font().families()[0] == "Noto Sans"
    finally:
        qapp.setFont(before)
