"""One identity document on the Documents tab: whether the youth has it (yes, no or not known:
never chosen for them), where the original is kept, when it was requested and received, the
next step, fee-waiver notes, and "Where to get it" (the guidance, opened on request).

Typing autosaves; "Saved" appears only after the commit. A save refused (a date that cannot be
true, a closed case) says why under the card and keeps the typing. When another desk saved the
document first, the card says so and the person chooses: keep their own changes (saved on top
of the other desk's answers) or use the saved answers.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from casefile.errors import EditConflict, InvalidInput, WaymarkError
from desktop.forms import heading
from desktop.look import TYPE, space
from desktop.operations import documents as ops
from desktop.operations.session import Session
from desktop.save_line import NOT_SAVED_YET, SAVED, SaveLine
from desktop.translation import RetranslateMixin
from desktop.workspace.autosave import Autosave
from desktop.workspace.date_field import DateField
from desktop.workspace.document_guide import DocumentGuide
from i18n import N_, _

HAS_IT = ((True, N_("Yes")), (False, N_("No")), (None, N_("Not known")))
LABELS = {
    "has_it": N_("Do they have it?"),
    "kept_where": N_("Where the original is kept"),
    "requested_on": N_("Requested on"),
    "received_on": N_("Received on"),
    "next_step": N_("Next step"),
    "fee_waiver": N_("Fee-waiver notes"),
}
DATES = ("requested_on", "received_on")
NOTES = ("next_step", "fee_waiver")


def _notes() -> QPlainTextEdit:
    field = QPlainTextEdit()
    field.setTabChangesFocus(True)
    field.setFixedHeight(field.fontMetrics().lineSpacing() * 2 + 16)
    return field


class DocumentCard(RetranslateMixin, QFrame):
    saved = Signal(object)  # the DocumentView just saved

    def __init__(self, session: Session, view: ops.DocumentView,
                 guide_problem: WaymarkError | None = None) -> None:
        super().__init__()
        self.setObjectName("document-card")
        self._session = session
        self.youth_id: int | None = None
        self.view = view  # what is saved
        self.theirs: ops.DocumentView | None = None  # another desk's, after a conflict
        self._mine: dict[str, Any] = {}  # this desk's changes, kept over a conflict
        self.autosave = Autosave(self._save, self)
        self.title = heading(scale=TYPE.subtitle)
        self.has_it = QButtonGroup(self)
        self.choices = [QRadioButton() for _value in HAS_IT]
        for position, button in enumerate(self.choices):
            self.has_it.addButton(button, position)
        self.kept_where = QLineEdit()
        self.dates = {name: DateField() for name in DATES}
        self.notes = {name: _notes() for name in NOTES}
        self.labels = {name: QLabel() for name in LABELS}
        self.guide = DocumentGuide(view.document, guide_problem)
        self.conflict = QWidget()
        self.keep_button, self.theirs_button = QPushButton(), QPushButton()
        self.saving = SaveLine()
        self.state = self.saving.label
        self._name_widgets()
        self._lay_out()
        self._connect()
        self.show_view(view)
        self.retranslate_ui()

    def _name_widgets(self) -> None:
        key = self.view.document.id
        for name, widget in self._fields().items():
            widget.setObjectName(f"{key}-{name}")
        self.keep_button.setObjectName("keep-mine")
        self.theirs_button.setObjectName("use-saved")

    def _fields(self) -> dict[str, QWidget]:
        return {"kept_where": self.kept_where, **self.dates, **self.notes}

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*(space(4),) * 4)
        layout.addWidget(self.title)
        choices = QHBoxLayout()
        choices.addWidget(self.labels["has_it"])
        for button in self.choices:
            choices.addWidget(button)
        choices.addStretch(1)
        layout.addLayout(choices)
        dates = QHBoxLayout()  # requested and received side by side: they are read together
        for name, field in self._fields().items():
            self.labels[name].setBuddy(field)
            self.labels[name].setWordWrap(True)
            if name in DATES:
                column = QVBoxLayout()
                column.addWidget(self.labels[name])
                column.addWidget(field)
                dates.addLayout(column, 1)
                if name == DATES[-1]:
                    layout.addLayout(dates)
                continue
            layout.addWidget(self.labels[name])
            layout.addWidget(field)
        conflict = QHBoxLayout(self.conflict)
        conflict.setContentsMargins(0, 0, 0, 0)
        conflict.addWidget(self.keep_button)
        conflict.addWidget(self.theirs_button)
        conflict.addStretch(1)
        self.conflict.hide()
        layout.addWidget(self.state)
        layout.addWidget(self.conflict)
        layout.addWidget(self.guide)

    def _connect(self) -> None:
        self.has_it.idClicked.connect(self._edited)
        self.kept_where.textEdited.connect(self._edited)
        for field in self.dates.values():
            field.changed.connect(self._edited)
        for note in self.notes.values():
            note.textChanged.connect(self._edited)
        self.keep_button.clicked.connect(self.keep_mine)
        self.theirs_button.clicked.connect(self.use_saved)

    def retranslate_ui(self) -> None:
        title = str(self.view.document.title)
        self.title.setText(title)
        for name, label in self.labels.items():
            label.setText(_(LABELS[name]))
        for button, (_value, words) in zip(self.choices, HAS_IT, strict=True):
            button.setText(_(words))
            button.setAccessibleName(_("{document}: {answer}").format(document=title,
                                                                      answer=_(words)))
        for name, widget in self._fields().items():
            widget.setAccessibleName(_("{document}: {field}").format(document=title,
                                                                     field=_(LABELS[name])))
        self.keep_button.setText(_("Keep my changes"))
        self.theirs_button.setText(_("Use the saved answers"))
        self.saving.again()

    # what is shown
    def show_view(self, view: ops.DocumentView) -> None:
        """Show `view` as saved (filling the form, not an edit)."""
        self.view, self.theirs = view, None
        self.conflict.hide()
        self._put(view.values())
        self.saving.say("")

    def _put(self, values: dict[str, Any]) -> None:
        """Fill the fields (no signal of an edit: only the person's own edits are saved)."""
        choice = next(n for n, (value, _w) in enumerate(HAS_IT) if value == values["has_it"])
        self.choices[choice].setChecked(True)
        self.kept_where.setText(values["kept_where"])
        for name, field in self.dates.items():
            field.set_value(values[name])
        for name, note in self.notes.items():
            note.blockSignals(True)
            note.setPlainText(values[name])
            note.blockSignals(False)

    def values(self) -> dict[str, Any]:
        """The answers on screen (a date field holds the last date typed, never other text)."""
        return {"has_it": HAS_IT[max(self.has_it.checkedId(), 0)][0],
                "kept_where": self.kept_where.text(),
                **{name: field.value() for name, field in self.dates.items()},
                **{name: note.toPlainText() for name, note in self.notes.items()}}

    def changes(self) -> dict[str, Any]:
        saved = self.view.values()
        return {name: value for name, value in self.values().items() if value != saved[name]}

    def unsaved(self) -> dict[str, Any]:
        """What a lock keeps: the answers that differ, and date text that is not a date yet."""
        typed: dict[str, Any] = {"values": self.changes()} if self.changes() else {}
        texts = {name: f.text() for name, f in self.dates.items() if f.has_problem()}
        if texts:
            typed["date_texts"] = texts
        return typed

    def put_back(self, typed: dict[str, Any]) -> None:
        self._put(self.view.values() | typed.get("values", {}))
        for name, text in typed.get("date_texts", {}).items():
            self.dates[name].set_text(text)
        if typed.get("values"):
            self._edited()
            self.flush()  # saved now, or the problem said again

    # saving
    def _edited(self) -> None:
        if self.theirs is None:
            self.saving.say(NOT_SAVED_YET)
            self.autosave.touch()

    def flush(self) -> None:
        self.autosave.flush()

    def _save(self) -> None:
        changes = self.changes()
        if self.youth_id is None or self.theirs is not None or not changes:
            return
        try:
            saved = ops.save_document(self._session, self.youth_id, self.view, **changes)
        except EditConflict as error:
            self._conflict(error)
            return
        except InvalidInput as error:  # the typing stays on screen; what else is typed is saved
            self.saving.say(error)
            self._save_besides_dates(changes)
            return
        except WaymarkError as error:
            self.saving.say(error)
            return
        self.view = saved
        self.saving.say(SAVED)
        self.saved.emit(saved)

    def _save_besides_dates(self, changes: dict[str, Any]) -> None:
        """After a date was refused, save the other answers typed with it, so that only the
        date waits to be put right (and nothing else is lost if the person moves on)."""
        others = {name: value for name, value in changes.items() if name not in DATES}
        if self.youth_id is None or not others or len(others) == len(changes):
            return
        try:
            self.view = ops.save_document(self._session, self.youth_id, self.view, **others)
        except WaymarkError:
            return  # the first problem is the one said
        self.saved.emit(self.view)

    def _conflict(self, error: EditConflict) -> None:
        assert self.youth_id is not None
        try:
            self.theirs = ops.document_now(self._session, self.youth_id, self.view)
        except WaymarkError as other:
            self.saving.say(other)
            return
        self._mine = self.changes()
        self.saving.say(WaymarkError(N_(
            "Someone else saved this document meanwhile. Keep your changes (added to what "
            "they saved), or use the saved answers?")))
        self.conflict.show()

    def keep_mine(self) -> None:
        """Save this desk's changes over the other desk's answers (theirs stay where these
        did not change anything)."""
        if self.theirs is not None:
            self.view, self.theirs = self.theirs, None
            self.conflict.hide()
            self._put(self.view.values() | self._mine)
            self._save()

    def use_saved(self) -> None:
        if self.theirs is not None:
            self.show_view(self.theirs)
            self.saved.emit(self.view)
