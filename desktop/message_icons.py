"""The icons of the message lines, painted: a circle with a cross (a problem), a triangle with
an exclamation mark (a warning), a circle with a tick (done) and a circle with an "i" (a
notice). Shapes, not only colours, tell them apart; no image file or font glyph is needed.

Also the marks of the plan's section guide: a tick (done), a dash (skipped) or nothing, each
the same width, so the sections' numbers line up whatever the mark and the direction."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QWidget

from desktop.look import ICON_SIZE, KINDS, PALETTE, MessageKind
from desktop.operations.types import DONE, SKIPPED


def paint_icon(widget: QWidget, kind: MessageKind, x: float, y: float, size: float) -> None:
    painter = QPainter(widget)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(KINDS[kind].edge)
    box = QRectF(x, y, size, size)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    if kind is MessageKind.WARNING:
        painter.drawPolygon(QPolygonF([
            QPointF(box.center().x(), box.top()), box.bottomRight(), box.bottomLeft()]))
    else:
        painter.drawEllipse(box)
    pen = QPen(QColor(PALETTE.on_accent), max(1.5, size / 8))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    c, s = box.center(), size
    if kind is MessageKind.ERROR:
        d = s * 0.2
        painter.drawLine(QPointF(c.x() - d, c.y() - d), QPointF(c.x() + d, c.y() + d))
        painter.drawLine(QPointF(c.x() + d, c.y() - d), QPointF(c.x() - d, c.y() + d))
    elif kind is MessageKind.SUCCESS:
        tick = QPainterPath(QPointF(c.x() - s * 0.24, c.y()))
        tick.lineTo(QPointF(c.x() - s * 0.06, c.y() + s * 0.18))
        tick.lineTo(QPointF(c.x() + s * 0.24, c.y() - s * 0.18))
        painter.drawPath(tick)
    elif kind is MessageKind.WARNING:
        painter.drawLine(QPointF(c.x(), box.top() + s * 0.38), QPointF(c.x(), box.top() + s * 0.66))
        painter.drawPoint(QPointF(c.x(), box.top() + s * 0.82))
    else:
        painter.drawLine(QPointF(c.x(), c.y() - s * 0.02), QPointF(c.x(), c.y() + s * 0.24))
        painter.drawPoint(QPointF(c.x(), c.y() - s * 0.22))
    painter.end()


SECTION_MARK_SIZE = ICON_SIZE
_MARKS: dict[str, QIcon] = {}


def section_mark(state: str) -> QIcon:
    """The guide's mark for a section `state` (DONE, SKIPPED, "" for neither): in the
    accent (a tick) or muted (a dash) colour, and in the chosen row's text colour when chosen.
    An unmarked section has a blank mark of the same size."""
    if state not in _MARKS:
        icon = QIcon()
        normal = PALETTE.accent if state == DONE else PALETTE.muted
        for mode, colour in ((QIcon.Mode.Normal, normal), (QIcon.Mode.Selected, PALETTE.on_accent)):
            icon.addPixmap(_mark_pixmap(state, colour), mode)
        _MARKS[state] = icon
    return _MARKS[state]


def _mark_pixmap(state: str, colour: str) -> QPixmap:
    ratio = 2  # sharp on a high-density screen, scaled down on another
    size = SECTION_MARK_SIZE
    pixmap = QPixmap(size * ratio, size * ratio)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    if state not in (DONE, SKIPPED):
        return pixmap
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(colour), max(2.0, size / 7))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    c, s = QPointF(size / 2, size / 2), size
    if state == DONE:
        tick = QPainterPath(QPointF(c.x() - s * 0.3, c.y()))
        tick.lineTo(QPointF(c.x() - s * 0.08, c.y() + s * 0.22))
        tick.lineTo(QPointF(c.x() + s * 0.32, c.y() - s * 0.24))
        painter.drawPath(tick)
    else:
        painter.drawLine(QPointF(c.x() - s * 0.25, c.y()), QPointF(c.x() + s * 0.25, c.y()))
    painter.end()
    return pixmap
