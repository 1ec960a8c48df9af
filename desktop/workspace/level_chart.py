"""A small chart of one domain's level at each completed assessment, painted with QPainter (no
plotting library): levels 1 to 5 up the side, the assessments' dates along the bottom, the
oldest first in the reading direction (so from the right in Arabic), a line between levels of
assessments next to each other. A domain not rated at an assessment is a gap in the line with
"Not rated" under its date, never a zero.

For keyboard and screen-reader users the chart can be focused and its accessible description
lists every date and level; the table beside it (assessment_over_time.py) holds the same values
in cells, reachable with Tab.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFocusEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.look import FOCUS_WIDTH, PALETTE, RADIUS, space
from desktop.operations.assessment import LEVEL_COUNT
from i18n import _
from i18n.formatting import format_number

MARK = 4.5  # the radius of a level's dot, in device-independent pixels


@dataclass(frozen=True)
class ChartPoint:
    when: str  # the assessment's date, as written in the interface language
    level: int | None  # None: not rated at that assessment
    words: str  # "Level 2 · Struggling" or "Not rated"


class LevelChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("level-chart")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self.fontMetrics().height() * 12)
        self.title = ""
        self.points: list[ChartPoint] = []

    def sizeHint(self) -> QSize:
        return QSize(480, self.height())

    def show_points(self, title: str, points: list[ChartPoint]) -> None:
        """Chart `points` (the oldest first) of the domain called `title`."""
        self.title, self.points = title, list(points)
        self.setAccessibleName(_("Levels over time: {domain}").format(domain=title))
        listed = "; ".join(_("{date}: {level}").format(date=p.when, level=p.words)
                           for p in self.points)
        self.setAccessibleDescription(listed or _("No assessment has been completed yet."))
        self.update()

    # painting
    def _plot(self) -> QRect:
        metrics = self.fontMetrics()
        side = metrics.horizontalAdvance(format_number(LEVEL_COUNT)) + space(4)
        top, bottom, end = space(4), metrics.height() * 2 + space(3), space(5)
        start, finish = (end, side) if self.isRightToLeft() else (side, end)
        return self.rect().adjusted(start, top, -finish, -bottom)

    def _y(self, plot: QRect, level: int) -> float:
        return plot.bottom() - (level - 1) * plot.height() / (LEVEL_COUNT - 1)

    def _x(self, plot: QRect, index: int) -> float:
        column = plot.width() / max(len(self.points), 1)
        offset = column * (index + 0.5)
        return plot.right() - offset if self.isRightToLeft() else plot.left() + offset

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        focused = self.hasFocus()
        edge = QPen(QColor(PALETTE.focus if focused else PALETTE.divider),
                    FOCUS_WIDTH if focused else 1)
        painter.setPen(edge)
        painter.setBrush(QColor(PALETTE.surface))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), RADIUS, RADIUS)
        plot = self._plot()
        self._paint_axis(painter, plot)
        if not self.points:
            painter.setPen(QColor(PALETTE.muted))
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             _("No assessment has been completed yet."))
            return
        self._paint_dates(painter, plot)
        self._paint_levels(painter, plot)

    def _paint_axis(self, painter: QPainter, plot: QRect) -> None:
        metrics = self.fontMetrics()
        for level in range(1, LEVEL_COUNT + 1):
            y = self._y(plot, level)
            painter.setPen(QPen(QColor(PALETTE.divider), 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(QColor(PALETTE.muted))
            box = QRectF(0, y - metrics.height() / 2, plot.left() - space(2), metrics.height())
            align = Qt.AlignmentFlag.AlignRight
            if self.isRightToLeft():
                box = QRectF(plot.right() + space(2), box.top(),
                             self.width() - plot.right() - space(2), box.height())
                align = Qt.AlignmentFlag.AlignLeft
            painter.drawText(box, align | Qt.AlignmentFlag.AlignVCenter, format_number(level))

    def _paint_dates(self, painter: QPainter, plot: QRect) -> None:
        metrics = self.fontMetrics()
        column = plot.width() / len(self.points)
        for index, point in enumerate(self.points):
            x = self._x(plot, index)
            box = QRectF(x - column / 2 + 2, plot.bottom() + space(2), column - 4,
                         metrics.height())
            painter.setPen(QColor(PALETTE.ink))
            when = metrics.elidedText(point.when, Qt.TextElideMode.ElideRight, int(box.width()))
            painter.drawText(box, Qt.AlignmentFlag.AlignHCenter, when)
            if point.level is None:
                painter.setPen(QColor(PALETTE.muted))
                words = metrics.elidedText(point.words, Qt.TextElideMode.ElideRight,
                                           int(box.width()))
                painter.drawText(box.translated(0, metrics.height()),
                                 Qt.AlignmentFlag.AlignHCenter, words)

    def _paint_levels(self, painter: QPainter, plot: QRect) -> None:
        accent = QColor(PALETTE.accent)
        painter.setPen(QPen(accent, 2.5))
        at = [None if p.level is None else QPointF(self._x(plot, i), self._y(plot, p.level))
              for i, p in enumerate(self.points)]
        for here, there in pairwise(at):
            if here is not None and there is not None:  # a gap where a domain was not rated
                painter.drawLine(here, there)
        painter.setBrush(accent)
        painter.setPen(QPen(QColor(PALETTE.surface), 1.5))
        for point in at:
            if point is not None:
                painter.drawEllipse(point, MARK, MARK)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LayoutDirectionChange:  # time runs the other way now
            self.update()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()
