"""The icons of the message lines, painted: a circle with a cross (a problem), a triangle with
an exclamation mark (a warning), a circle with a tick (done) and a circle with an "i" (a
notice). Shapes, not only colours, tell them apart; no image file or font glyph is needed."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QWidget

from desktop.look import KINDS, PALETTE, MessageKind


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
