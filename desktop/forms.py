"""Small helpers for building accessible forms in code."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFont, QGuiApplication, QPaintEvent
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLayout, QVBoxLayout, QWidget

from casefile.errors import MIN_PASSWORD_LENGTH
from desktop.look import ICON_SIZE, TYPE, MessageKind, space
from i18n import N_, _, ngettext


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


def heading(text: str = "", scale: float = TYPE.title) -> QLabel:
    """A page's heading (or, with `TYPE.subtitle`, a section's), in the look's type scale."""
    label = QLabel(text)
    label.setProperty("heading", True)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


LTR = "\u2066{}\u2069"  # keeps a path or a phone number left-to-right inside right-to-left text


class MessageLabel(QLabel):
    """A message line: an error, a warning, a success or a notice, each with its own icon shape
    and colours (`desktop/look.py`) besides its words, and read out by screen readers when it
    changes. Its text can be selected (to copy an error) once it has some. The flag is set then,
    not when the label is made: Qt's namespace costs about 40 ms the first time, and the sign-in
    page has one of these.
    """

    def show_message(self, text: str, kind: MessageKind) -> None:
        """Say `text` as a message of `kind`; an empty text clears the line."""
        self._kind = kind
        self.setText(text)

    def show_error(self, text: str) -> None:
        self.show_message(text, MessageKind.ERROR)

    def setText(self, text: str) -> None:
        if text and not self._selectable:
            from PySide6.QtCore import Qt

            self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._selectable = True
        kind = self._kind if text else None
        if kind != self.property("kind"):
            self._set_kind(kind)
        super().setText(text)

    def clear(self) -> None:
        self.setText("")

    @property
    def kind(self) -> MessageKind | None:
        return self._kind if self.text() else None

    def _set_kind(self, kind: MessageKind | None) -> None:
        self.setProperty("kind", kind.value if kind else None)
        self.setAccessibleName(_(KIND_NAMES[kind]) if kind else _("Message"))
        self._place_icon()
        self.style().unpolish(self)
        self.style().polish(self)

    def _place_icon(self) -> None:
        """Pad the line, with room for the icon at its start (the right, in right-to-left).
        The padding is set here, not in the style sheet, so the words and the icon agree on
        where the line's content begins whenever the style is applied."""
        if not self.property("kind"):
            self.setContentsMargins(0, 0, 0, 0)
            return
        start, end, edge = ICON_SIZE + space(3), space(2), space(2)
        if self.isRightToLeft():
            start, end = end, start
        self.setContentsMargins(start, edge, end, edge)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LayoutDirectionChange:
            self._place_icon()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        kind = self.kind
        if kind is not None:
            from PySide6.QtCore import Qt

            from desktop.message_icons import paint_icon

            box = self.contentsRect()
            block = self.fontMetrics().boundingRect(
                box, int(Qt.TextFlag.TextWordWrap), self.text()).height()
            first_line = box.top() + max(0, (box.height() - block) // 2)  # the words are centred
            y = first_line + max(0, (self.fontMetrics().height() - ICON_SIZE) // 2)
            gap = space(2)
            x = box.right() + gap if self.isRightToLeft() else box.left() - gap - ICON_SIZE
            paint_icon(self, kind, x, y, ICON_SIZE)

    _selectable = False
    _kind: MessageKind = MessageKind.INFO


KIND_NAMES = {  # what a screen reader calls the line
    MessageKind.ERROR: N_("Problem"),
    MessageKind.WARNING: N_("Warning"),
    MessageKind.SUCCESS: N_("Done"),
    MessageKind.INFO: N_("Notice"),
}


def message_label(kind: MessageKind = MessageKind.INFO) -> MessageLabel:
    """A message line whose `setText` says things as `kind` (`show_message` says another)."""
    label = MessageLabel()
    label._kind = kind
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
