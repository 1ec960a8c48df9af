"""Where the keyboard focus was in the workspace, kept over a lock and put back after unlocking.

The workspace is deleted when Waymark locks and built again when it unlocks, so the focused
widget itself cannot be kept: it is found again by its object name (every field has one), with
the text cursor's position in it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget


@dataclass(frozen=True)
class FocusPlace:
    name: str  # the object name of the focused widget or of its nearest named ancestor
    cursor: int | None = None  # the text cursor's position in a text field


def _named(widget: QWidget, root: QWidget) -> QWidget | None:
    """`widget` or its nearest ancestor below `root` with a name no other widget there has."""
    current: QWidget | None = widget
    while current is not None and current is not root:
        name = current.objectName()
        if name and len(root.findChildren(QWidget, name)) == 1:
            return current
        current = current.parentWidget()
    return None


def _cursor(widget: QWidget) -> int | None:
    if isinstance(widget, QLineEdit):
        return widget.cursorPosition()
    if isinstance(widget, QPlainTextEdit):
        return widget.textCursor().position()
    return None


def focused_place(root: QWidget) -> FocusPlace | None:
    """Where the focus is inside `root`, or None when it is elsewhere."""
    focused = root.window().focusWidget()
    if focused is None or not root.isAncestorOf(focused):
        return None
    named = _named(focused, root)
    if named is None:
        return None
    return FocusPlace(named.objectName(), _cursor(focused))


def _set_cursor(widget: QWidget, position: int) -> None:
    if isinstance(widget, QLineEdit):
        widget.setCursorPosition(min(position, len(widget.text())))
    elif isinstance(widget, QPlainTextEdit):
        cursor = widget.textCursor()
        cursor.setPosition(min(position, len(widget.toPlainText())))
        widget.setTextCursor(cursor)


def restore_focus(root: QWidget, place: FocusPlace | None) -> bool:
    """Focus the widget of `place` again if it is still there and can take the focus."""
    if place is None:
        return False
    widget = root.findChild(QWidget, place.name)
    if widget is None or not widget.isEnabled() or not widget.isVisibleTo(root.window()):
        return False
    widget.setFocus()
    focused = root.window().focusWidget()
    if place.cursor is not None and focused is not None:
        _set_cursor(focused, place.cursor)
    return True
