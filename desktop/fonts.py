"""The bundled fonts on screen too (resources/fonts, the ones every printed copy embeds), so
screen and paper show a young person's words alike on any workstation: Noto Sans first, then
Arabic, Chinese, symbols and emoji for what it lacks. Loaded just after the first paint (about
15 ms; the Chinese font is read when first needed)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop.look import FONTS

FAMILIES = ["Noto Sans", "Noto Naskh Arabic", "Noto Sans SC", "Noto Sans Symbols2",
            "Noto Emoji"]


def use_bundled_fonts(app: QApplication) -> list[str]:
    """Register the bundled fonts and make them the application's; returns the families Qt
    has now (a file it cannot read is left out, and the system's fonts stand in)."""
    loaded: set[str] = set()
    for path in sorted(FONTS.glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            loaded.update(QFontDatabase.applicationFontFamilies(font_id))
    families = [family for family in FAMILIES if family in loaded]
    if families:
        font = QFont(app.font())
        font.setFamilies(families)
        app.setFont(font)
    return families
