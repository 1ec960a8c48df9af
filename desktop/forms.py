"""Small helpers for building accessible forms in code."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLayout, QVBoxLayout, QWidget

from i18n import _


def labelled_row(form: QFormLayout, field: QWidget) -> QLabel:
    """Add `field` with a label that is its buddy (so Alt+letter focuses it); returns the label."""
    label = QLabel()
    label.setBuddy(field)
    form.addRow(label, field)
    return label


def set_label(label: QLabel, field: QWidget, text: str, description: str = "") -> None:
    """Set a translated label and the field's accessible name and description to match."""
    label.setText(text)
    field.setAccessibleName(text.replace("&", ""))
    if description:
        field.setAccessibleDescription(description)
        field.setToolTip(description)


def heading(text: str = "", size_delta: int = 6) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSize(font.pointSize() + size_delta)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def message_label() -> QLabel:
    """A label for errors and notices, read out by screen readers when it changes."""
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAccessibleName(_("Message"))
    return label


def centered_column(page: QWidget, content: QLayout, width: int) -> None:
    """Lay `content` out in a column of `width` in the middle of `page`.

    Stretches centre it rather than an alignment flag: a widget added with an alignment loses
    height-for-width, and wrapped labels are then cut off.
    """
    box = QWidget()
    box.setFixedWidth(width)
    box.setLayout(content)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(box)
    row.addStretch(1)
    outer = QVBoxLayout(page)
    outer.addStretch(1)
    outer.addLayout(row)
    outer.addStretch(2)


@contextlib.contextmanager
def wait_cursor() -> Iterator[None]:
    """Show the busy cursor during a slow step (key derivation takes a noticeable moment)."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()
