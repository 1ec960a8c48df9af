"""Waymark's look, defined once: the palette, spacing, type scale, focus ring, the kinds of
message line, and the application style sheet built from them.

Every colour a screen uses comes from here, so `tests/desktop/test_look.py` can check each pair
of text and background against WCAG AA (4.5:1) and each focus ring and edge against 3:1. A
widget names what it is (`setObjectName`, or a `kind` property on a message line) and the style
sheet gives it its look; no widget sets a colour of its own.

Nothing here imports Qt's namespace at import time: the sign-in window is painted first.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Any, NamedTuple, Protocol


class Palette:
    """The colours, by role. Plain class attributes (no dataclass): this module is imported
    before the sign-in window is painted, and building a dataclass costs about a millisecond."""

    canvas = "#f3f5f7"  # the window behind everything
    surface = "#ffffff"  # fields, tables, cards
    raised = "#e9edf1"  # table headers, the session bar
    ink = "#1c2430"  # body text
    muted = "#4a5563"  # secondary text, hints
    placeholder = "#5f6b78"  # placeholder text in an empty field
    disabled = "#5b6573"  # the text of a control that cannot be used now
    border = "#7c8793"  # the edge of a field or button (3:1 on canvas and surface)
    divider = "#d5dbe1"  # lines between rows, panels
    accent = "#0b5c73"  # the main action, the chosen row and tab
    accent_hover = "#094b5e"
    on_accent = "#ffffff"
    accent_soft = "#dcebef"  # a hovered row or button
    focus = "#1a5fb4"  # the focus ring


class KindColours(NamedTuple):
    text: str
    background: str
    edge: str  # the icon


class MessageKind(StrEnum):
    """What a message line says: each kind has its own icon shape, colours and spoken name."""

    ERROR = "error"  # something was refused or failed: say what, and what was kept
    WARNING = "warning"  # it worked, but someone should know something
    SUCCESS = "success"  # it was done ("Saved")
    INFO = "info"  # a plain notice (the demo banner, "Not saved yet")


PALETTE = Palette
ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
KINDS = {
    MessageKind.ERROR: KindColours(text="#8c1d18", background="#fdecea", edge="#b3261e"),
    MessageKind.WARNING: KindColours(text="#5c3400", background="#fff3d1", edge="#9a5b00"),
    MessageKind.SUCCESS: KindColours(text="#1b5e20", background="#e7f4e8", edge="#2e7d32"),
    MessageKind.INFO: KindColours(text="#0d3c61", background="#e6f0fa", edge="#1a5fb4"),
}
OVERDUE = KINDS[MessageKind.ERROR].edge  # a date in the youth list that has passed

SPACE = (0, 4, 8, 12, 16, 24, 32)  # the only gaps used: SPACE[1] … SPACE[6]
RADIUS = 6
FOCUS_WIDTH = 2
ICON_SIZE = 16  # a message line's icon, in device-independent pixels
LIST_ITEM_PADDING = (3, 4)  # a list row's, above and below (room for Arabic marks), at each side


class TYPE:
    """Type sizes relative to the system's body font, so a person's own font size is kept."""

    title = 1.6  # a page's heading ("Sign in to Waymark", a youth's name)
    subtitle = 1.2  # a section within a page
    body = 1.0
    small = 0.9  # counts, hints


def space(step: int) -> int:
    return SPACE[step]


def text_pairs() -> list[tuple[str, str, str]]:
    """Every (text colour, background, where) the style sheet and the screens put together."""
    p = PALETTE
    pairs = [
        (p.ink, p.canvas, "text on the window"),
        (p.ink, p.surface, "text in a field or table"),
        (p.ink, p.raised, "table headers and the session bar"),
        (p.muted, p.canvas, "secondary text on the window"),
        (p.muted, p.surface, "secondary text in a field"),
        (p.muted, p.raised, "secondary text on the session bar"),
        (p.placeholder, p.surface, "placeholder text"),
        (p.disabled, p.canvas, "a disabled control on the window"),
        (p.disabled, p.raised, "a disabled control on a header"),
        (p.on_accent, p.accent, "the main button, a chosen row"),
        (p.on_accent, p.accent_hover, "the main button under the pointer"),
        (p.ink, p.accent_soft, "a button or row under the pointer"),
        (p.accent, p.canvas, "the chosen tab"),
        (OVERDUE, p.surface, "an overdue date in the youth list"),
    ]
    for kind, colours in KINDS.items():
        pairs.append((colours.text, colours.background, f"message line: {kind}"))
    return pairs


def edge_pairs() -> list[tuple[str, str, str]]:
    """Every (edge, background, where) that must be seen (WCAG 1.4.11: 3:1)."""
    p = PALETTE
    pairs = [
        (p.focus, p.canvas, "the focus ring on the window"),
        (p.focus, p.surface, "the focus ring in a table"),
        (p.border, p.canvas, "a field's or button's edge"),
        (p.border, p.surface, "a field's edge on a card"),
        (p.accent, p.canvas, "the chosen tab's underline"),
        (p.accent, p.surface, "a done section's tick in the plan's guide"),
        (p.muted, p.surface, "a skipped section's dash in the plan's guide"),
        (p.on_accent, p.accent, "a chosen section's mark in the plan's guide"),
    ]
    for kind, colours in KINDS.items():
        pairs.append((colours.edge, colours.background, f"message line's icon: {kind}"))
    return pairs


def stylesheet() -> str:
    p = PALETTE
    ring = f"{FOCUS_WIDTH}px solid {p.focus}"
    rules = [
        f"QMainWindow, QDialog {{ background: {p.canvas}; color: {p.ink}; }}",
        f"QWidget {{ color: {p.ink}; }}",
        f"QLabel:disabled, QCheckBox:disabled {{ color: {p.disabled}; }}",
        # fields
        f"QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QSpinBox {{ background: {p.surface};"
        f" border: 1px solid {p.border}; border-radius: {RADIUS - 2}px; padding: 4px 6px;"
        f" selection-background-color: {p.accent}; selection-color: {p.on_accent}; }}",
        f"QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QComboBox:focus,"
        f" QSpinBox:focus {{ border: {ring}; padding: 3px 5px; }}",
        f"QLineEdit:disabled, QComboBox:disabled, QPlainTextEdit:disabled {{"
        f" background: {p.canvas}; color: {p.disabled}; }}",
        "QComboBox::drop-down { border: none; width: 24px; subcontrol-origin: padding;"
        " subcontrol-position: center right; }",
        f"QComboBox::down-arrow {{ image: url({ICONS.as_posix()}/chevron-down.svg);"
        f" width: 12px; height: 12px; }}",
        "QComboBox::down-arrow:disabled { image: none; }",
        # buttons
        f"QPushButton {{ background: {p.surface}; color: {p.ink}; border: 1px solid {p.border};"
        f" border-radius: {RADIUS}px; padding: 5px 14px; min-height: 18px; }}",
        f"QPushButton:hover {{ background: {p.accent_soft}; }}",
        f"QPushButton:pressed {{ background: {p.divider}; }}",
        f"QPushButton:focus {{ border: {ring}; padding: 4px 13px; }}",
        # not bold: Qt sizes a button from its plain state, and bold words were cut off
        f"QPushButton:default {{ background: {p.accent}; color: {p.on_accent};"
        f" border-color: {p.accent}; }}",
        f"QPushButton:default:hover {{ background: {p.accent_hover}; }}",
        f"QPushButton:default:focus {{ border: {ring}; }}",
        f"QPushButton:disabled {{ background: {p.canvas}; color: {p.disabled};"
        f" border-color: {p.divider}; }}",
        f"QToolButton {{ background: {p.surface}; color: {p.ink}; border: 1px solid {p.border};"
        f" border-radius: {RADIUS - 2}px; padding: 3px 8px; }}",
        f"QToolButton:hover {{ background: {p.accent_soft}; }}",
        f"QToolButton:focus {{ border: {ring}; padding: 2px 7px; }}",
        # lists and tables
        f"QTableView, QListView, QTreeView {{ background: {p.surface};"
        f" alternate-background-color: {p.canvas}; gridline-color: {p.divider};"
        f" border: 1px solid {p.divider}; selection-background-color: {p.accent};"
        f" selection-color: {p.on_accent}; }}",
        f"QTableView:focus, QListView:focus, QTreeView:focus {{ border: {ring}; }}",
        f"QListView::item {{ padding: {LIST_ITEM_PADDING[0]}px {LIST_ITEM_PADDING[1]}px; }}",
        f"QHeaderView::section {{ background: {p.raised}; color: {p.ink}; padding: 5px 8px;"
        f" border: none; border-bottom: 1px solid {p.divider};"
        f" border-right: 1px solid {p.divider}; font-weight: bold; }}",
        # the youth's page
        f"QTabWidget::pane {{ border: none; border-top: 1px solid {p.divider}; }}",
        f"QTabBar::tab {{ background: transparent; color: {p.muted}; padding: 8px 16px;"
        f" border: none; border-bottom: 3px solid transparent; }}",
        f"QTabBar::tab:selected {{ color: {p.accent}; border-bottom-color: {p.accent};"
        f" font-weight: bold; }}",
        f"QTabBar::tab:hover {{ color: {p.ink}; }}",
        f"QTabBar::tab:disabled {{ color: {p.disabled}; }}",
        f"QTabBar::tab:focus {{ border: {ring}; }}",
        "QScrollArea { border: none; background: transparent; }",
        "QScrollArea > QWidget > QWidget { background: transparent; }",
        # named places
        f"QWidget#session-bar {{ background: {p.raised}; border-bottom: 1px solid {p.divider}; }}",
        "QLabel#session-name { font-weight: bold; }",
        f"QLabel#session-role, QLabel#list-count {{ color: {p.muted}; }}",
        f"QLabel#empty-state {{ color: {p.muted}; }}",
        f"QFrame#goal-box {{ background: {p.surface}; border: 1px solid {p.divider};"
        f" border-radius: {RADIUS}px; }}",
        f"QFrame#step, QFrame#referral {{ border: none; border-top: 1px solid {p.divider}; }}",
        f"QFrame#level-row[chosen=\"true\"] {{ background: {p.accent_soft};"
        f" border-radius: {RADIUS}px; }}",  # the level chosen in a needs-assessment domain
        f"QLabel#preview-page {{ background: {p.surface}; border: 1px solid {p.border}; }}",
        f"QFrame#document-card {{ background: {p.surface}; border: 1px solid {p.divider};"
        f" border-radius: {RADIUS}px; }}",
        f"QMenuBar {{ background: {p.canvas}; }}",
        f"QMenuBar::item:selected, QMenu::item:selected {{ background: {p.accent};"
        f" color: {p.on_accent}; }}",
        f"QMenu {{ background: {p.surface}; border: 1px solid {p.divider}; }}",
        "QMenu::item { padding: 5px 24px; }",
        f"QToolTip {{ background: {p.ink}; color: {p.surface}; border: none; padding: 4px; }}",
    ]
    for kind, colours in KINDS.items():
        rules.append(
            f"QLabel[kind=\"{kind}\"] {{ color: {colours.text}; background: {colours.background};"
            f" border-radius: {RADIUS - 2}px; }}"  # padding: forms.MessageLabel
        )
    return "\n".join(rules)


ICON_PATH = ICONS / "waymark.svg"


class _StyledWidget(Protocol):
    def setStyleSheet(self, sheet: str) -> None: ...


class _StyledApplication(_StyledWidget, Protocol):
    def setStyle(self, style: Any) -> None: ...

    def isRightToLeft(self) -> bool: ...

    def styleSheet(self) -> str: ...


def scale_text(widget: _StyledWidget, base_points: float, scale: float) -> None:
    """Make every text in `widget` `scale` times the normal size (the together view). A font
    set on a parent does not reach widgets the application style sheet styles, so this is a
    style sheet too; headings (forms.heading) keep their place in the type scale."""
    body, title = base_points * scale, base_points * scale * TYPE.subtitle
    widget.setStyleSheet(f"* {{ font-size: {body:.1f}pt; }}"
                         f" QLabel[heading=\"true\"] {{ font-size: {title:.1f}pt; }}"
                         f" QPushButton {{ padding: {SPACE[3]}px {SPACE[5]}px; }}")


_STYLE: list[Any] = []  # the application's style, made once and kept (the application owns it)


def apply(app: _StyledApplication) -> None:
    """Give the whole application Waymark's look (the icon comes after the first paint): the
    style sheet over the platform's style, with Waymark's right-to-left corrections once the
    application is right to left (`follow_direction`). Setting the same sheet again would only
    polish every widget again (a second window in the same application, as tests open)."""
    sheet = stylesheet()
    if app.styleSheet() != sheet:
        app.setStyleSheet(sheet)
    follow_direction(app)


def follow_direction(app: _StyledApplication) -> None:
    """Add the right-to-left corrections (desktop/direction_style.py) when the application
    first turns right to left, and keep them. Not before: every text painted goes through
    them, which a left-to-right start (the sign-in window) need not pay for."""
    if _STYLE or not app.isRightToLeft():
        return
    from desktop.direction_style import DirectionStyle

    _STYLE.append(DirectionStyle())
    app.setStyle(_STYLE[0])
    app.setStyleSheet(app.styleSheet())  # over the new style
