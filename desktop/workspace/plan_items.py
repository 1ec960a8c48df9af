"""One item of a safety plan on screen: its fields (from `planning.items`), whose words they
are, and "Keep off my printed copy". Answers to a section's questions, safe people, places and
steps are all one of these; checklist items and help lines are `TickRow`s."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.forms import message_label
from desktop.look import MessageKind
from desktop.operations.types import (
    KINDS,
    STAFF_WORDS,
    YOUTH_WORDS,
    ItemView,
    looks_like_phone,
)
from desktop.translation import RetranslateMixin
from i18n import N_, _

VOICE_NAMES = {YOUTH_WORDS: N_("Their own words"), STAFF_WORDS: N_("Caseworker's words")}
Field = QLineEdit | QPlainTextEdit


def _text(field: Field) -> str:
    return field.toPlainText() if isinstance(field, QPlainTextEdit) else field.text()


class ItemBox(RetranslateMixin, QFrame):
    """An item being edited. `item` is what is saved (None until the first save); what is on
    screen and differs from it is saved by the plan editor's autosave."""

    edited = Signal()
    remove_requested = Signal(object)  # this box

    def __init__(self, kind: str, section: str, key: str = "", item: ItemView | None = None,
                 question: object = "", example: object = "", removable: bool = False,
                 staff: bool = True) -> None:
        """`question` and `example` are content texts, shown in the language of the moment.
        Without `staff` (the together view), whose words it is stays as saved, not shown."""
        super().__init__()
        self.setObjectName(f"item-{kind}")
        self.kind, self.section, self.key, self.item = kind, section, key, item
        self._question, self._example = question, example
        self.fields: dict[str, Field] = {}
        self.labels: dict[str, QLabel] = {}
        form = QVBoxLayout()  # each field's words above it, across the whole width
        self.hint = message_label(MessageKind.WARNING)
        self.hint.setVisible(False)
        for declared in KINDS[kind].fields:
            field: Field = QPlainTextEdit() if declared.long else QLineEdit()
            if isinstance(field, QPlainTextEdit):
                field.setTabChangesFocus(True)  # Tab moves on; typing stays plain text
                field.textChanged.connect(self.edited)
            else:
                field.textEdited.connect(self.edited)
            if declared.phone:
                field.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # digits read the same
                field.textChanged.connect(self._check_phone)
            field.setObjectName(declared.key)
            label = QLabel()
            label.setBuddy(field)
            label.setWordWrap(True)
            form.addWidget(label)
            form.addWidget(field)
            self.fields[declared.key], self.labels[declared.key] = field, label
        self.voice = QComboBox()
        self.voice.setObjectName("voice")
        for voice in VOICE_NAMES:
            self.voice.addItem("", voice)
        self.keep_off = QCheckBox()
        self.keep_off.setObjectName("keep-off")
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("remove-item")
        if not removable:  # hidden only: shown before it has a parent, it would be a window
            self.remove_button.hide()
        voice_row = QHBoxLayout()
        self.voice_label = QLabel()
        self.voice_label.setBuddy(self.voice)
        voice_row.addWidget(self.voice_label)
        voice_row.addWidget(self.voice, 1)
        row = QHBoxLayout()
        row.addWidget(self.keep_off, 1)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        if staff:
            layout.addLayout(voice_row)
        else:
            self.voice.hide()
            self.voice_label.hide()
        layout.addLayout(row)
        self.voice.currentIndexChanged.connect(self.edited)
        self.keep_off.toggled.connect(self.edited)
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        self.theirs: ItemView | None = None  # saved by someone else since this was opened
        self.conflict = QWidget()
        self.keep_mine = QPushButton()
        self.keep_mine.setObjectName("keep-mine")
        self.use_theirs = QPushButton()
        self.use_theirs.setObjectName("use-theirs")
        self.their_words = QLabel()
        self.their_words.setWordWrap(True)
        conflict_layout = QVBoxLayout(self.conflict)
        conflict_layout.setContentsMargins(0, 0, 0, 0)
        conflict_layout.addWidget(self.their_words)
        choices = QHBoxLayout()
        choices.addWidget(self.keep_mine)
        choices.addWidget(self.use_theirs)
        choices.addStretch(1)
        conflict_layout.addLayout(choices)
        layout.addWidget(self.conflict)
        self.conflict.hide()
        self.keep_mine.clicked.connect(self._keep_mine)
        self.use_theirs.clicked.connect(self._use_theirs)
        self.show_item(item)
        self._size_boxes()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        question, example = str(self._question), str(self._example)
        for declared in KINDS[self.kind].fields:
            text = question if self.kind == "answer" and question else _(declared.label)
            self.labels[declared.key].setText(text)
            self.fields[declared.key].setAccessibleName(text.replace("&", ""))
            if example:
                self.fields[declared.key].setPlaceholderText(
                    _("For example: {example}").format(example=example))
        for position, voice in enumerate(VOICE_NAMES):
            self.voice.setItemText(position, _(VOICE_NAMES[voice]))
        self.voice_label.setText(_("Whose words"))
        self.voice.setAccessibleName(_("Whose words"))
        self.keep_off.setText(_("Keep off my printed copy"))
        self.remove_button.setText(_("Remove"))
        self.keep_mine.setText(_("Keep my words"))
        self.use_theirs.setText(_("Use the saved words"))
        if self.theirs is not None:
            saved = " · ".join(v for v in self.theirs.values.values() if v)
            self.their_words.setText(_("Saved by someone else meanwhile: {words}").format(
                words=f"\u2068{saved}\u2069"))
        self._check_phone()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the together view's larger text
            self._size_boxes()

    def _size_boxes(self) -> None:
        for field in self.fields.values():
            if isinstance(field, QPlainTextEdit):  # room for four lines in its own font
                field.setFixedHeight(field.fontMetrics().lineSpacing() * 4 + 12)

    def show_item(self, item: ItemView | None) -> None:
        values = item.values if item else {}
        for key, field in self.fields.items():
            field.blockSignals(True)
            if isinstance(field, QPlainTextEdit):
                field.setPlainText(values.get(key, ""))
            else:
                field.setText(values.get(key, ""))
            field.blockSignals(False)
        self.voice.blockSignals(True)
        self.voice.setCurrentIndex(self.voice.findData(item.voice if item else YOUTH_WORDS))
        self.voice.blockSignals(False)
        self.keep_off.blockSignals(True)
        self.keep_off.setChecked(item.keep_off_print if item else KINDS[self.kind].kept_off)
        self.keep_off.blockSignals(False)

    def values(self) -> dict[str, str]:
        return {key: _text(field) for key, field in self.fields.items()}

    def set_read_only(self) -> None:
        """An agreed version: its words can be read and selected, not changed."""
        for field in self.fields.values():
            field.setReadOnly(True)
        for widget in (self.voice, self.keep_off):
            widget.setEnabled(False)
        self.remove_button.hide()

    def in_conflict(self, theirs: ItemView) -> None:
        """Someone else saved this item first: show their words beside the typing, and save
        nothing until the person chooses."""
        self.theirs = theirs
        self.conflict.show()
        self.retranslate_ui()

    def _keep_mine(self) -> None:
        self.item, self.theirs = self.theirs, None
        self.conflict.hide()
        self.edited.emit()  # saved over theirs, now that the person has seen them

    def _use_theirs(self) -> None:
        self.item, self.theirs = self.theirs, None
        self.show_item(self.item)
        self.conflict.hide()

    def changes(self) -> dict[str, Any]:
        """What differs from the saved item (for a new item: whatever has been typed); nothing
        while someone else's save waits for the person's choice."""
        if self.theirs is not None:
            return {}
        saved = self.item.values if self.item else {}
        changed: dict[str, Any] = {}
        values = {k: v for k, v in self.values().items() if v != saved.get(k, "")}
        if values:
            changed["values"] = values
        voice = self.voice.currentData()
        if voice != (self.item.voice if self.item else YOUTH_WORDS):
            changed["voice"] = voice
        keep_off = self.keep_off.isChecked()
        if keep_off != (self.item.keep_off_print if self.item else KINDS[self.kind].kept_off):
            changed["keep_off_print"] = keep_off
        return changed

    def put_back(self, values: dict[str, str]) -> None:
        for key, value in values.items():
            field = self.fields.get(key)
            if isinstance(field, QPlainTextEdit):
                field.setPlainText(value)
            elif field is not None:
                field.setText(value)

    def _check_phone(self) -> None:
        phones = [f for d in KINDS[self.kind].fields if d.phone for f in [self.fields[d.key]]]
        doubtful = any(not looks_like_phone(_text(field)) for field in phones)
        self.hint.setVisible(doubtful)
        if doubtful:
            self.hint.setText(_("This does not look like a phone number. It is kept as typed."))


class TickRow(RetranslateMixin, QWidget):
    """A checklist item or a help line: ticked means it is on the plan (an item is saved)."""

    toggled = Signal(object)  # this row

    def __init__(self, key: str, text: object, detail: object = "",
                 item: ItemView | None = None) -> None:
        """`text` and `detail`: content texts (or plain strings such as a local line's)."""
        super().__init__()
        self.key, self.item = key, item
        self._text, self._detail = text, detail
        self.tick = QCheckBox()  # its words are a label beside it: a check box cannot wrap
        self.tick.setObjectName(f"tick-{key}")
        self.words = _ClickableLabel(self.tick)
        self.words.setWordWrap(True)
        self.words.setTextFormat(Qt.TextFormat.PlainText)  # a local line's name is not markup
        self.tick.setChecked(item is not None)
        self.keep_off = QCheckBox()
        self.keep_off.setObjectName("keep-off")
        self.keep_off.setChecked(bool(item and item.keep_off_print))
        if item is None:  # offered once it is on the plan (hidden only: it has no parent yet)
            self.keep_off.hide()
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setObjectName("empty-state")
        if not str(detail):
            self.detail.hide()
        row = QHBoxLayout()
        row.addWidget(self.tick, 0, Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        words.addWidget(self.words)
        words.addWidget(self.detail)
        words.addWidget(self.keep_off)
        row.addLayout(words, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        self.tick.toggled.connect(lambda _checked: self.toggled.emit(self))
        self.keep_off.toggled.connect(lambda _checked: self.toggled.emit(self))
        self.retranslate_ui()

    def show_item(self, item: ItemView | None) -> None:
        """Show `item` as saved (None: not on the plan), without saving anything."""
        self.item = item
        for box, checked in ((self.tick, item is not None),
                             (self.keep_off, bool(item and item.keep_off_print))):
            box.blockSignals(True)
            box.setChecked(checked)
            box.blockSignals(False)
        self.keep_off.setVisible(item is not None)

    def retranslate_ui(self) -> None:
        self.words.setText(str(self._text))
        self.tick.setAccessibleName(str(self._text))
        self.detail.setText(str(self._detail))
        self.keep_off.setText(_("Keep off my printed copy"))


class _ClickableLabel(QLabel):
    """The words of a check box: a click on them ticks it, as on the box itself."""

    def __init__(self, box: QCheckBox) -> None:
        super().__init__()
        self._box = box

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._box.toggle()
        super().mouseReleaseEvent(event)
