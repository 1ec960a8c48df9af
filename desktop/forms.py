"""Small helpers for building accessible forms in code."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence

from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLayout, QVBoxLayout, QWidget

from casefile.errors import MIN_PASSWORD_LENGTH
from i18n import _, ngettext


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


LTR = "\u2066{}\u2069"  # keeps a path or a phone number left-to-right inside right-to-left text


class MessageLabel(QLabel):
    """A label for errors and notices, read out by screen readers when it changes; its text can
    be selected (to copy an error) once it has some. The flag is set then, not when the label is
    made: Qt's namespace costs about 40 ms the first time, and the sign-in page has one of these.
    """

    def setText(self, text: str) -> None:
        if text and not self._selectable:
            from PySide6.QtCore import Qt

            self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._selectable = True
        super().setText(text)

    _selectable = False


def message_label() -> QLabel:
    label = MessageLabel()
    label.setWordWrap(True)
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


def form_page(
    page: QWidget, width: int, header: Sequence[QWidget], form: QFormLayout, message: QLabel,
    buttons: tuple[QWidget, QWidget],
) -> None:
    """The usual page: headings and text, a form, a message line, and a button at each end."""
    row = QHBoxLayout()
    row.addWidget(buttons[0])
    row.addStretch(1)
    row.addWidget(buttons[1])
    content = QVBoxLayout()
    for widget in header:
        content.addWidget(widget)
    content.addLayout(form)
    content.addWidget(message)
    content.addLayout(row)
    centered_column(page, content, width)


def new_password_hint() -> str:
    """The placeholder of a new-password field: how long it must be."""
    return ngettext("At least {count} character", "At least {count} characters",
                    MIN_PASSWORD_LENGTH).format(count=MIN_PASSWORD_LENGTH)


@contextlib.contextmanager
def wait_cursor() -> Iterator[None]:
    """Show the busy cursor during a slow step (key derivation takes a noticeable moment)."""
    from PySide6.QtCore import Qt

    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()
