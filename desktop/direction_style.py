"""The application style under the style sheet: the platform's own, with two right-to-left
corrections that Qt gets wrong, applied to every widget at once by `look.apply`.

- Access keys ("&Back") are not underlined while the application is laid out right to left:
  under Arabic letters the line reads as a vowel mark. Alt with the letter still works.
- A word-wrapped plain-text label (QLabel paints it with `drawItemText`) is laid out again when
  its text runs right to left. Qt aligns each wrapped line by its width including the space it
  broke at, so every line but the last stood a space away from the right edge and a full line
  ran a space past the left edge, where its last letters were cut off. Here the lines are
  aligned as a text document aligns them: the breaking space is not counted.

Qt's `Qt` namespace costs about 40 ms the first time it is used, and the sign-in page is painted
with this style: the flags are plain numbers here, and `Qt` is used only to lay out a wrapped
right-to-left text.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRect
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QGuiApplication,
    QPainter,
    QPalette,
    QPen,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QProxyStyle

if TYPE_CHECKING:
    from PySide6.QtCore import Qt

# Qt::TextFlag and Qt::AlignmentFlag (tests/desktop/test_right_to_left_look.py
# checks them against Qt's)
_WRAP, _SHOW_MNEMONIC, _HIDE_MNEMONIC = 0x1000, 0x800, 0x8000
_FORCE_LTR, _FORCE_RTL = 0x20000, 0x40000
_HORIZONTAL, _VCENTER, _BOTTOM = 0x1F, 0x80, 0x40


class DirectionStyle(QProxyStyle):
    """Only text drawing is overridden: a style hint is asked for tens of thousands of times
    while a workspace is built, and answering each in Python cost about 70 ms there."""

    def drawItemText(self, painter: QPainter, rect: QRect, flags: int,
                     pal: QPalette | Qt.GlobalColor | QColor, enabled: bool, text: str,
                     textRole: QPalette.ColorRole = QPalette.ColorRole.NoRole) -> None:
        flags = int(flags)
        if flags & _SHOW_MNEMONIC and QGuiApplication.isRightToLeft():
            flags = flags & ~_SHOW_MNEMONIC | _HIDE_MNEMONIC  # no underline under Arabic
        if not flags & _WRAP or not text or (flags & _SHOW_MNEMONIC and not flags & _HIDE_MNEMONIC):
            super().drawItemText(painter, rect, flags, pal, enabled, text, textRole)
            return
        if flags & (_FORCE_LTR | _FORCE_RTL):  # a label says which way its text runs
            rtl = bool(flags & _FORCE_RTL)
        else:
            rtl = QGuiApplication.isRightToLeft()
        if not rtl:
            super().drawItemText(painter, rect, flags, pal, enabled, text, textRole)
            return
        _draw_wrapped_right_to_left(painter, rect, flags, QPalette(pal), text, textRole)


def _draw_wrapped_right_to_left(painter: QPainter, rect: QRect, flags: int, pal: QPalette,
                                text: str, role: QPalette.ColorRole) -> None:
    """Lay out and paint `text` as Qt's own `drawText` would (the same line breaks, line
    heights and vertical place, so a label's height for its width still fits), but with each
    line aligned by its letters only."""
    from PySide6.QtCore import Qt

    if flags & _HIDE_MNEMONIC:  # "&&" is a written "&"; a single "&" marks the access key
        text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    layout = QTextLayout(text.replace("\n", "\u2028"), painter.font())
    option = QTextOption(Qt.AlignmentFlag(flags & _HORIZONTAL))
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    layout.setTextOption(option)
    leading = QFontMetricsF(painter.font()).leading()
    height = 0.0
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(0, rect.width()))
        height = math.ceil(height + leading)  # whole pixels, as drawText places its lines
        line.setPosition(QPointF(0, height))
        height += line.ascent() + line.descent()
    layout.endLayout()
    top = float(rect.y())
    if flags & _VCENTER:
        top += (rect.height() - height) / 2
    elif flags & _BOTTOM:
        top += rect.height() - height
    painter.save()
    if role != QPalette.ColorRole.NoRole:
        painter.setPen(QPen(pal.brush(role), painter.pen().widthF()))
    layout.draw(painter, QPointF(rect.x(), top))
    painter.restore()
