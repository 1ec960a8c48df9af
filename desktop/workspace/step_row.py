"""One action step on screen: what it is, who does it (and their name), by when, and where it
stands. Under it, in words, whether it is overdue or when it was done: a due date that has
passed is said plainly, never by colour alone."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.forms import message_label
from desktop.look import MessageKind, space
from desktop.operations import goals as ops
from desktop.operations.goals import (
    DOING,
    DONE,
    OWNER_NAMES,
    STEP_STATUS_NAMES,
    TO_DO,
    StepFields,
    StepView,
)
from desktop.translation import RetranslateMixin
from desktop.workspace.conflict_bar import ConflictBar
from desktop.workspace.date_field import DateField
from i18n import _
from i18n.formatting import format_date

OPEN_STEP = (TO_DO, DOING)


def _combo(names: dict[str, str], name: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    for key in names:
        combo.addItem("", key)
    return combo


def due_words(step: StepFields, done_on: date | None, today: date,
              goal_open: bool = True) -> tuple[str, MessageKind]:
    """What the line under a step says about its date, and how (a warning when overdue). A
    step of a goal reached or set aside is not due any more."""
    if step.status == DONE:
        return (_("Done on {date}.").format(date=format_date(done_on)) if done_on
                else _("Done."), MessageKind.SUCCESS)
    if step.status not in OPEN_STEP or step.due_on is None or not goal_open:
        return "", MessageKind.INFO
    when = format_date(step.due_on)
    if step.due_on < today:
        return (_("Overdue: this step was due on {date}.").format(date=when),
                MessageKind.WARNING)
    if step.due_on == today:
        return _("Due today."), MessageKind.INFO
    return "", MessageKind.INFO


class StepRow(RetranslateMixin, QFrame):
    """A step being edited. `step` is what is saved (None until the first save)."""

    edited = Signal()
    remove_requested = Signal(object)  # this row

    def __init__(self, goal_id: int, step: StepView | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("step")
        self.goal_id, self.step = goal_id, step
        self.theirs: StepView | None = None  # saved by someone else since this was shown
        self.goal_open = True  # its goal is still being worked on (else nothing is due)
        self.words = QLineEdit()
        self.words.setObjectName("step-words")
        self.owner = _combo(OWNER_NAMES, "owner")
        self.owner_name = QLineEdit()
        self.owner_name.setObjectName("owner-name")
        self.due = DateField()
        self.due.setObjectName("due-on")
        self.status = _combo(STEP_STATUS_NAMES, "step-status")
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("remove-step")
        self.due_line = message_label()
        self.due_line.setObjectName("due-line")
        self.conflict = ConflictBar()
        self._lay_out()
        self.show_step(step)
        self.words.textEdited.connect(self._edited)
        self.owner_name.textEdited.connect(self._edited)
        self.owner.currentIndexChanged.connect(self._edited)
        self.status.currentIndexChanged.connect(self._edited)
        self.due.changed.connect(self._edited)
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        self.conflict.keep_mine.connect(self._keep_mine)
        self.conflict.use_theirs.connect(self._use_theirs)
        self.retranslate_ui()

    def _lay_out(self) -> None:
        self.labels = {name: QLabel() for name in ("words", "owner", "owner_name", "due",
                                                   "status")}
        grid = QGridLayout()  # each field's words above it: the page can be narrow
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.labels["words"], 0, 0, 1, 3)
        grid.addWidget(self.words, 1, 0, 1, 3)
        places = {"owner": (2, 0, 1), "owner_name": (2, 1, 2), "due": (4, 0, 1),
                  "status": (4, 1, 1)}
        fields = {"owner": self.owner, "owner_name": self.owner_name, "due": self.due,
                  "status": self.status}
        for name, (row, column, span) in places.items():
            grid.addWidget(self.labels[name], row, column, 1, span)
            grid.addWidget(fields[name], row + 1, column, 1, span)
            self.labels[name].setBuddy(fields[name].focusProxy() or fields[name])
        self.labels["words"].setBuddy(self.words)
        grid.addWidget(self.remove_button, 5, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, space(3), 0, 0)  # room below the line above it
        layout.addLayout(grid)
        layout.addWidget(self.due_line)
        layout.addWidget(self.conflict)

    def retranslate_ui(self) -> None:
        texts = {"words": _("Step"), "owner": _("Who does it"), "owner_name": _("Their name"),
                 "due": _("Due by"), "status": _("Where it stands")}
        fields = {"words": self.words, "owner": self.owner, "owner_name": self.owner_name,
                  "due": self.due, "status": self.status}
        for name, text in texts.items():
            self.labels[name].setText(text)
            fields[name].setAccessibleName(text)
        self.words.setPlaceholderText(_("What needs doing, in plain words"))
        self.owner_name.setPlaceholderText(_("Optional"))
        for position, key in enumerate(OWNER_NAMES):
            self.owner.setItemText(position, _(OWNER_NAMES[key]))
        for position, key in enumerate(STEP_STATUS_NAMES):
            self.status.setItemText(position, _(STEP_STATUS_NAMES[key]))
        self.remove_button.setText(_("Remove step"))
        self.show_due()

    # what is shown
    def show_step(self, step: StepView | None) -> None:
        """Fill the row with `step` as saved (not an edit)."""
        self.step = step
        shown = step or StepFields("")
        for widget in (self.words, self.owner_name, self.owner, self.status, self.due):
            widget.blockSignals(True)
        self.words.setText(shown.words)
        self.owner_name.setText(shown.owner_name)
        self.owner.setCurrentIndex(max(self.owner.findData(shown.owner), 0))
        self.status.setCurrentIndex(max(self.status.findData(shown.status), 0))
        self.due.set_value(shown.due_on)
        for widget in (self.words, self.owner_name, self.owner, self.status, self.due):
            widget.blockSignals(False)
        self.show_due()

    def show_due(self) -> None:
        done_on = self.step.done_on if self.step and self.step.status == DONE else ops.today()
        text, kind = due_words(self.values(), done_on, ops.today(), self.goal_open)
        self.due_line.show_message(text, kind)
        self.due_line.setVisible(bool(text))

    def overdue(self) -> bool:
        return self.goal_open and self.step is not None and self.step.overdue(ops.today())

    # what is typed
    def values(self) -> StepFields:
        return StepFields(self.words.text(), self.owner.currentData(), self.owner_name.text(),
                          self.due.value(), self.status.currentData())

    def changes(self) -> StepFields | None:
        """What to save: the fields when they differ from the saved step (a new step: once it
        has words); None while someone else's save waits for the person's choice."""
        if self.theirs is not None:
            return None
        values = self.values()
        if self.step is None:
            return values if values != StepFields("") else None
        return values if values != self.step.fields() else None

    def typed(self) -> dict[str, Any]:
        """What a lock keeps of this row: the fields, the date as typed."""
        values = self.values()
        return {"words": values.words, "owner": values.owner, "owner_name": values.owner_name,
                "due": self.due.text(), "status": values.status}

    def put_back(self, typed: dict[str, Any]) -> None:
        self.words.setText(typed["words"])
        self.owner.setCurrentIndex(max(self.owner.findData(typed["owner"]), 0))
        self.owner_name.setText(typed["owner_name"])
        self.status.setCurrentIndex(max(self.status.findData(typed["status"]), 0))
        self.due.set_text(typed["due"])
        self.show_due()

    def in_conflict(self, theirs: StepView) -> None:
        self.theirs = theirs
        self.conflict.ask(lambda: " · ".join(
            part for part in (theirs.words, _(OWNER_NAMES[theirs.owner]), theirs.owner_name,
                              format_date(theirs.due_on), _(STEP_STATUS_NAMES[theirs.status]))
            if part))

    def _keep_mine(self) -> None:
        self.step, self.theirs = self.theirs, None
        self.edited.emit()  # saved over theirs, now that the person has seen them

    def _use_theirs(self) -> None:
        theirs, self.theirs = self.theirs, None
        self.show_step(theirs)

    def _edited(self) -> None:
        self.show_due()
        self.edited.emit()
