"""The return debrief of one episode: what was happening before the young person left, what
happened while away, what would help now (their words where they want to give them), Waymark's
trafficking-indicators screen, and notes. Typing autosaves; "Debrief done" records who and when.

The screen is a prompt for the caseworker, never a score: an answer that points to a concern
brings up what the agency's protocol says to do next, and nothing labels the young person.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casefile.errors import EditConflict, WaymarkError
from desktop.forms import heading, message_label
from desktop.look import TYPE, MessageKind
from desktop.operations import missing as ops
from desktop.operations.session import Session
from desktop.operations.types import ANSWERS, DebriefFields, DebriefView
from desktop.save_line import NOT_SAVED_YET, SAVED, SaveLine
from desktop.translation import RetranslateMixin
from desktop.workspace.autosave import Autosave
from i18n import N_, _
from i18n.formatting import format_date

ANSWER_NAMES = {"": N_("Not asked yet"), "yes": N_("Yes"), "no": N_("No"),
                "unsure": N_("Not sure"), "declined": N_("Chose not to answer")}
TEXTS = ("before_leaving", "while_away", "would_help")


def _plain() -> QPlainTextEdit:
    field = QPlainTextEdit()
    field.setTabChangesFocus(True)
    field.setFixedHeight(field.fontMetrics().lineSpacing() * 4 + 12)
    return field


class DebriefPanel(RetranslateMixin, QFrame):
    plan_requested = Signal(object)  # the DebriefView: change the plan with it beside
    completed = Signal()  # the debrief was marked done: the episode's flags change

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("debrief")
        self._session = session
        self.content = ops.debrief_content()
        self.saved_view: DebriefView | None = None
        self.autosave = Autosave(self._save, self)
        self.title = heading(scale=TYPE.subtitle)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.texts: dict[str, QPlainTextEdit] = {}
        self.part_labels: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.explain)
        for part, name in zip(self.content.parts, TEXTS, strict=False):
            label = QLabel()
            label.setWordWrap(True)
            field = _plain()
            field.setObjectName(name)
            label.setBuddy(field)
            layout.addWidget(label)
            layout.addWidget(field)
            self.texts[name], self.part_labels[part.id] = field, label
        self.screen_title = heading(scale=TYPE.body)
        layout.addWidget(self.screen_title)
        self.answers: dict[str, QComboBox] = {}
        self.questions: dict[str, QLabel] = {}
        screen = QVBoxLayout()  # each question above its answer, across the whole width
        for question in self.content.screen:
            combo = QComboBox()
            combo.setObjectName(f"screen-{question.id}")
            for answer in ("", *ANSWERS):
                combo.addItem("", answer)
            label = QLabel()
            label.setWordWrap(True)
            label.setBuddy(combo)
            screen.addWidget(label)
            screen.addWidget(combo)
            self.answers[question.id], self.questions[question.id] = combo, label
        layout.addLayout(screen)
        self.protocol = message_label(MessageKind.WARNING)
        self.protocol.setObjectName("protocol")
        self.protocol.hide()
        layout.addWidget(self.protocol)
        self.notes_label = QLabel()
        self.notes = _plain()
        self.notes.setObjectName("notes")
        self.notes_label.setBuddy(self.notes)
        layout.addWidget(self.notes_label)
        layout.addWidget(self.notes)
        self.texts["notes"] = self.notes
        self.done_line = QLabel()
        self.done_line.setObjectName("list-count")
        self.done_button = QPushButton()
        self.done_button.setObjectName("debrief-done")
        self.plan_button = QPushButton()
        self.plan_button.setObjectName("plan-from-debrief")
        buttons = QHBoxLayout()
        buttons.addWidget(self.done_button)
        buttons.addWidget(self.plan_button)
        buttons.addStretch(1)
        layout.addWidget(self.done_line)
        layout.addLayout(buttons)
        self.saving = SaveLine()
        self.state = self.saving.label
        layout.addWidget(self.state)
        for field in self.texts.values():
            field.textChanged.connect(self._edited)
        for combo in self.answers.values():
            combo.currentIndexChanged.connect(self._edited)
        self.done_button.clicked.connect(lambda: self._save(complete=True))
        self.plan_button.clicked.connect(self._to_plan)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(_("Return debrief"))
        self.explain.setText(_(
            "Talk with the young person after they come back: use their words where they want "
            "to give them. The questions below are prompts for you, not a test and not a "
            "score; ask them in your own words, when the moment is right."))
        for part in self.content.parts:
            self.part_labels[part.id].setText(f"{part.title}: {part.text}")
        for name, field in self.texts.items():
            label = next((p.title for p, n in zip(self.content.parts, TEXTS, strict=False)
                          if n == name), None)
            field.setAccessibleName(str(label) if label else _("Notes"))
        self.screen_title.setText(_("Signs of trafficking to ask about"))
        for question in self.content.screen:
            self.questions[question.id].setText(str(question.text))
            combo = self.answers[question.id]
            combo.setAccessibleName(str(question.text))
            for position, answer in enumerate(("", *ANSWERS)):
                combo.setItemText(position, _(ANSWER_NAMES[answer]))
        self.notes_label.setText(_("Notes"))
        self.done_button.setText(_("De&brief done"))
        self.plan_button.setText(_("Change the &plan with this debrief"))
        self._show_concerns()
        self._show_done()
        self.saving.again()

    # what is shown
    def show_debrief(self, view: DebriefView | None) -> None:
        """Show an episode's debrief (None: the youth has not returned yet)."""
        self.saved_view = view
        self.setEnabled(view is not None)
        shown = view or DebriefView()
        for name, field in self.texts.items():
            field.blockSignals(True)
            field.setPlainText(getattr(shown, name))
            field.blockSignals(False)
        for qid, combo in self.answers.items():
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(shown.screen.get(qid, "")), 0))
            combo.blockSignals(False)
        self.saving.state = ""
        self._show_concerns()
        self._show_done()
        self.saving.again()

    def values(self) -> DebriefFields:
        screen = {qid: combo.currentData() for qid, combo in self.answers.items()
                  if combo.currentData()}
        texts = {name: field.toPlainText() for name, field in self.texts.items()}
        return DebriefFields(**texts, screen=screen)

    def unsaved(self) -> dict[str, Any]:
        saved = self.saved_view
        if saved is None or self.values() == DebriefFields(
                saved.before_leaving, saved.while_away, saved.would_help, saved.notes,
                saved.screen):
            return {}
        values = self.values()
        return {"texts": {n: getattr(values, n) for n in self.texts}, "screen": values.screen}

    def put_back(self, unsaved: dict[str, Any]) -> None:
        for name, text in unsaved.get("texts", {}).items():
            self.texts[name].setPlainText(text)
        for qid, answer in unsaved.get("screen", {}).items():
            if qid in self.answers:
                self.answers[qid].setCurrentIndex(self.answers[qid].findData(answer))
        self._save()

    def _show_concerns(self) -> None:
        concerns = self.content.concerns(self.values().screen)
        self.protocol.setVisible(bool(concerns))
        if concerns:
            listed = "; ".join(str(q.text) for q in concerns)
            self.protocol.setText(_("{protocol}\n\nAnswers that point to a concern: {questions}")
                                  .format(protocol=self.content.protocol, questions=listed))

    def _show_done(self) -> None:
        view = self.saved_view
        done = view is not None and view.completed_at is not None
        self.done_button.setEnabled(view is not None and not done)
        self.plan_button.setEnabled(view is not None)
        self.done_line.setVisible(done)
        if view is not None and view.completed_at is not None:
            self.done_line.setText(_("Debrief done on {date} by {name}.").format(
                date=format_date(view.completed_at.date()), name=view.completed_by))

    # saving
    def _edited(self) -> None:
        self._show_concerns()
        self.saving.say(NOT_SAVED_YET)
        self.autosave.touch()

    def flush(self) -> None:
        self.autosave.flush()

    def _save(self, complete: bool = False) -> None:
        saved = self.saved_view
        if saved is None:
            return
        try:
            self.saved_view = ops.save_debrief(self._session, saved, self.values(), complete)
        except EditConflict as error:  # saved at another desk: the typing stays on screen
            self.saving.say(error)
            return
        except WaymarkError as error:
            self.saving.say(error)
            return
        self._show_done()
        self.saving.say(SAVED)
        if complete:
            self.completed.emit()

    def _to_plan(self) -> None:
        self.autosave.flush()
        if self.saved_view is not None:
            self.plan_requested.emit(self.saved_view)
