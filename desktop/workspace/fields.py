"""An editor's fields, declared once as class attributes (after Picard's `options.py`).

    class YouthProfile(QWidget):
        legal_name = TextField(N_("&Name"))
        date_of_birth = DateEntry(N_("Date of &birth"), opens_years_ago=15)

Each declaration names the record attribute it edits (its own name), its label (with "&" before
the Alt+letter; also the accessible name), a hint and a description, and its kind. On an editor,
`editor.legal_name` is that field's widget, made on first use. `FieldForm` lays the fields out in
the order declared and drives from the declaration what every editor needs: labels in the
interface language, the values on screen, filling them from a record without counting it as an
edit, what differs from the saved record (kept over a lock), and putting that back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Generic, TypeVar, overload

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from desktop.forms import labelled_row, set_label
from desktop.workspace.date_field import DateField
from i18n import _

W = TypeVar("W", bound=QWidget)


class Field(Generic[W]):
    """One field of an editor; subclasses say how its widget is made, read and filled."""

    name = ""

    def __init__(self, label: str, hint: str = "", description: str = "") -> None:
        self.label = label  # all three marked with N_ and translated when shown
        self.hint = hint
        self.description = description

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, editor: None, owner: type) -> Field[W]: ...
    @overload
    def __get__(self, editor: object, owner: type) -> W: ...
    def __get__(self, editor: object | None, owner: type) -> Field[W] | W:
        if editor is None:
            return self
        widget = self.make()
        widget.setObjectName(self.name)
        editor.__dict__[self.name] = widget  # later look-ups find the widget itself
        return widget

    # what each kind says
    def make(self) -> W:
        raise NotImplementedError

    def get(self, widget: W) -> Any:
        raise NotImplementedError

    def put(self, widget: W, value: Any) -> None:
        raise NotImplementedError

    def watch(self, widget: W, edited: Callable[[], None]) -> None:
        raise NotImplementedError

    def typed(self, widget: W) -> str | None:
        """Text on screen that is not a value yet (kept over a lock as typed), or None."""
        return None

    def put_kept(self, widget: W, kept: Any) -> None:
        """Put back what `differing` kept: a value, or text as typed."""
        self.put(widget, kept)


class TextField(Field[QLineEdit]):
    def make(self) -> QLineEdit:
        return QLineEdit()

    def get(self, widget: QLineEdit) -> str:
        return widget.text()

    def put(self, widget: QLineEdit, value: str) -> None:
        widget.setText(value)

    def watch(self, widget: QLineEdit, edited: Callable[[], None]) -> None:
        widget.textEdited.connect(edited)


class NotesField(Field[QPlainTextEdit]):
    """Several lines of text; Tab moves on to the next field."""

    def make(self) -> QPlainTextEdit:
        notes = QPlainTextEdit()
        notes.setTabChangesFocus(True)
        notes.setMinimumHeight(120)
        return notes

    def get(self, widget: QPlainTextEdit) -> str:
        return widget.toPlainText()

    def put(self, widget: QPlainTextEdit, value: str) -> None:
        widget.setPlainText(value)

    def watch(self, widget: QPlainTextEdit, edited: Callable[[], None]) -> None:
        widget.textChanged.connect(edited)


class DateEntry(Field[DateField]):
    """A date typed in the interface language's short form or ISO, or chosen from a calendar
    that opens `opens_years_ago` years back when the field is empty."""

    def __init__(self, label: str, opens_years_ago: int = 0, **texts: str) -> None:
        super().__init__(label, **texts)
        self.opens_years_ago = opens_years_ago

    def make(self) -> DateField:
        return DateField(opens_years_ago=self.opens_years_ago)

    def get(self, widget: DateField) -> Any:
        return widget.value()

    def put(self, widget: DateField, value: Any) -> None:
        widget.set_value(value)

    def watch(self, widget: DateField, edited: Callable[[], None]) -> None:
        widget.changed.connect(edited)

    def typed(self, widget: DateField) -> str | None:
        return widget.text() if widget.has_problem() else None

    def put_kept(self, widget: DateField, kept: Any) -> None:
        widget.set_text(kept) if isinstance(kept, str) else widget.set_value(kept)


class ChoiceField(Field[QComboBox]):
    """One of a list the editor fills; the value is the chosen item's data."""

    def make(self) -> QComboBox:
        return QComboBox()

    def get(self, widget: QComboBox) -> Any:
        return widget.currentData()

    def put(self, widget: QComboBox, value: Any) -> None:
        widget.setCurrentIndex(max(widget.findData(value), 0))

    def watch(self, widget: QComboBox, edited: Callable[[], None]) -> None:
        widget.activated.connect(edited)


def fields_of(editor_class: type) -> list[Field[Any]]:
    """The fields declared on `editor_class` (and its bases), in the order declared."""
    found: dict[str, Field[Any]] = {}
    for klass in reversed(editor_class.__mro__):
        found.update({name: value for name, value in vars(klass).items()
                      if isinstance(value, Field)})
    return list(found.values())


class FieldForm:
    """The declared fields of one editor, laid out in a form."""

    def __init__(self, editor: QWidget, form: QFormLayout) -> None:
        self._editor = editor
        self.fields = fields_of(type(editor))
        self.labels: dict[str, QLabel] = {
            field.name: labelled_row(form, self.widget(field)) for field in self.fields}

    def widget(self, field: Field[W]) -> W:
        widget: W = getattr(self._editor, field.name)
        return widget

    def watch(self, edited: Callable[[], None]) -> None:
        for field in self.fields:
            field.watch(self.widget(field), edited)

    def retranslate(self) -> None:
        for field in self.fields:
            widget = self.widget(field)
            set_label(self.labels[field.name], widget, _(field.label),
                      _(field.description) if field.description else "")
            if field.hint and hasattr(widget, "setPlaceholderText"):
                widget.setPlaceholderText(_(field.hint))

    def values(self) -> dict[str, Any]:
        return {field.name: field.get(self.widget(field)) for field in self.fields}

    def fill(self, record: object, skip: Iterable[str] = ()) -> None:
        """Show `record`'s values; filling the form is not an edit (no signal goes out)."""
        for field in self.fields:
            if field.name in skip:
                continue
            widget = self.widget(field)
            widget.blockSignals(True)
            try:
                field.put(widget, getattr(record, field.name))
            finally:
                widget.blockSignals(False)

    def differing(self, base: object) -> dict[str, Any]:
        """The values on screen that differ from `base`, and the text of a field that is not
        a value yet (a date half typed), to be put back as typed."""
        changed = {name: value for name, value in self.values().items()
                   if getattr(base, name) != value}
        for field in self.fields:
            text = field.typed(self.widget(field))
            if text is not None:
                changed[field.name] = text
        return changed

    def put_back(self, values: dict[str, Any]) -> None:
        """Put values kept by `differing` back in their fields, quietly."""
        for field in self.fields:
            if field.name not in values:
                continue
            widget = self.widget(field)
            widget.blockSignals(True)
            try:
                field.put_kept(widget, values[field.name])
            finally:
                widget.blockSignals(False)
