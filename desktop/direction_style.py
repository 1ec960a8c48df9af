"""The application style under the style sheet: the platform's own, with two right-to-left
corrections that Qt gets wrong, applied to every widget at once by `look.apply`.

- Access keys ("&Back") are not underlined while a widget is laid out right to left: under
  Arabic letters the line reads as a vowel mark. Alt with the letter still works.
- A word-wrapped plain-text label (QLabel paints it with `drawItemText`) is laid out again when
  its text runs right to left. Qt aligns each wrapped line by its width including the space it
  broke at, so every line but the last stood a space away from the right edge and a full line
  ran a space past the left edge, where its last letters were cut off. Here the lines are
  aligned as a text document aligns them: the breaking space is not counted.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRect, Qt
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
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QWidget

_RTL = Qt.LayoutDirection.RightToLeft
_WRAP = Qt.TextFlag.TextWordWrap.value
_SHOW_MNEMONIC = Qt.TextFlag.TextShowMnemonic.value
_HIDE_MNEMONIC = Qt.TextFlag.TextHideMnemonic.value
_FORCE_LTR = Qt.TextFlag.TextForceLeftToRight.value
_FORCE_RTL = Qt.TextFlag.TextForceRightToLeft.value
_HORIZONTAL = Qt.AlignmentFlag.AlignHorizontal_Mask.value
_VCENTER = Qt.AlignmentFlag.AlignVCenter.value
_BOTTOM = Qt.AlignmentFlag.AlignBottom.value


class DirectionStyle(QProxyStyle):
    def styleHint(self, hint: QStyle.StyleHint, option: QStyleOption | None = None,
                  widget: QWidget | None = None, data: object = None) -> int:
        if hint == QStyle.StyleHint.SH_UnderlineShortcut and _right_to_left(option, widget):
            return 0
        return super().styleHint(hint, option, widget, data)  # type: ignore[arg-type]

    def drawItemText(self, painter: QPainter, rect: QRect, flags: int,
                     pal: QPalette | Qt.GlobalColor | QColor, enabled: bool, text: str,
                     textRole: QPalette.ColorRole = QPalette.ColorRole.NoRole) -> None:
        flags = int(flags)
        if flags & _FORCE_RTL:
            rtl = True
        elif flags & _FORCE_LTR:
            rtl = False
        else:
            rtl = painter.layoutDirection() == _RTL
        underlined = flags & _SHOW_MNEMONIC and not flags & _HIDE_MNEMONIC
        if not (flags & _WRAP and rtl) or underlined or not text:
            super().drawItemText(painter, rect, flags, pal, enabled, text, textRole)
            return
        _draw_wrapped_right_to_left(painter, rect, flags, QPalette(pal), text, textRole)


def _right_to_left(option: QStyleOption | None, widget: QWidget | None) -> bool:
    if widget is not None:
        return widget.layoutDirection() == _RTL
    if option is not None:
        return option.direction == _RTL
    return QGuiApplication.layoutDirection() == _RTL


def _draw_wrapped_right_to_left(painter: QPainter, rect: QRect, flags: int, pal: QPalette,
                                text: str, role: QPalette.ColorRole) -> None:
    """Lay out and paint `text` as Qt's own `drawText` would (the same line breaks, line
    heights and vertical place, so a label's height for its width still fits), but with each
    line aligned by its letters only."""
    if flags & _HIDE_MNEMONIC:  # "&&" is a written "&"; a single "&" marks the access key
        text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    layout = QTextLayout(text.replace("\n", "\u2028"), painter.font())
    option = QTextOption(Qt.AlignmentFlag(flags & _HORIZONTAL))
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    option.setTextDirection(_RTL)
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
