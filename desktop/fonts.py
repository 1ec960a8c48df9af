"""The bundled fonts on screen too (resources/fonts, the ones every printed copy embeds), so
screen and paper show a young person's words alike on any workstation: Noto Sans first, then
Arabic, Chinese, symbols and emoji for what it lacks. Loaded just after the first paint (about
15 ms; the Chinese font is read when first needed)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop.look import ICONS

FONTS = ICONS.parent / "fonts"

FAMILIES = ["Noto Sans", "Noto Naskh Arabic", "Noto Sans SC", "Noto Sans Symbols2",
            "Noto Emoji"]
# Right to left, the Arabic font comes first: its spaces and punctuation then lie between Arabic
# words (with Noto Sans first they came from Noto Sans, and wrapped lines stood off the edge).
RTL_FAMILIES = ["Noto Naskh Arabic", *[f for f in FAMILIES if f != "Noto Naskh Arabic"]]


_LOADED: list[str] = []  # the bundled families Qt has, once registered


def use_bundled_fonts(app: QApplication) -> list[str]:
    """Register the bundled fonts and make them the application's, in the order the layout
    direction asks for, now and whenever it changes; returns the families Qt has (a file it
    cannot read is left out, and the system's fonts stand in)."""
    if not _LOADED:
        loaded: set[str] = set()
        for path in sorted(FONTS.glob("*.ttf")):
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id >= 0:
                loaded.update(QFontDatabase.applicationFontFamilies(font_id))
        _LOADED.extend(family for family in FAMILIES if family in loaded)
        app.layoutDirectionChanged.connect(lambda _direction: _follow_direction(app))
    _follow_direction(app)
    return list(_LOADED)


def _follow_direction(app: QApplication) -> None:
    if not _LOADED:
        return
    order = RTL_FAMILIES if app.isRightToLeft() else FAMILIES
    font = QFont(app.font())
    font.setFamilies([family for family in order if family in _LOADED])
    app.setFont(font)
