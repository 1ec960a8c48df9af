"""One domain of the needs assessment, as the caseworker and the young person go through it: what
the domain is about, questions to talk through together, the five levels to choose from (none
chosen until someone chooses), the young person's own priority, strengths and notes.

The panel only shows and collects; the assessment editor saves. When someone else saved the
domain first, the panel shows what they saved beside the typing, which stays, and the person
chooses: keep their own words (saved over the other save) or use the saved ones.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.forms import heading, message_label
from desktop.look import TYPE, MessageKind
from desktop.operations.assessment import PRIORITIES, PRIORITY_NAMES, Domain, RatingView
from desktop.translation import RetranslateMixin
from desktop.workspace.level_choice import LevelChoice, level_words
from i18n import N_, _

NOT_ANSWERED = N_("Not answered yet")
FIELDS = ("level", "priority", "strengths", "notes")


def _plain(name: str) -> QPlainTextEdit:
    field = QPlainTextEdit()
    field.setObjectName(name)
    field.setTabChangesFocus(True)  # Tab moves on; typing stays plain text
    field.setFixedHeight(field.fontMetrics().lineSpacing() * 4 + 12)
    return field


def _label(buddy: QWidget | None = None, name: str = "") -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    if buddy is not None:
        label.setBuddy(buddy)
    return label


class DomainPanel(RetranslateMixin, QWidget):
    edited = Signal()  # the person typed or chose a priority
    level_chosen = Signal()  # the person chose a level or cleared it
    keep_mine = Signal()  # in a conflict: save the typing over the other save
    use_theirs = Signal()  # in a conflict: show the other save instead

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("domain-panel")
        self.domain: Domain | None = None
        self.last: RatingView | None = None  # the domain at the assessment before, if any
        self.theirs: RatingView | None = None  # saved by someone else since this was shown
        self.title = heading(scale=TYPE.subtitle)
        self.explain = _label()
        self.questions_title = heading(scale=TYPE.body)
        self.questions = _label(name="questions")
        self.last_time = _label(name="last-time")
        self.level_title = heading(scale=TYPE.body)
        self.levels = LevelChoice()
        self.priority = QComboBox()
        self.priority.setObjectName("priority")
        for answer in ("", *PRIORITIES):  # "": not answered
            self.priority.addItem("", answer)
        self.priority_label = _label(self.priority)
        self.strengths = _plain("strengths")
        self.strengths_label = _label(self.strengths)
        self.notes = _plain("notes")
        self.notes_label = _label(self.notes)
        self.conflict = self._conflict_strip()
        self._lay_out()
        self.levels.chosen.connect(lambda _level: self.level_chosen.emit())
        self.priority.currentIndexChanged.connect(self.edited)
        self.strengths.textChanged.connect(self.edited)
        self.notes.textChanged.connect(self.edited)
        self.retranslate_ui()

    def _conflict_strip(self) -> QWidget:
        strip = QWidget()
        strip.setObjectName("rating-conflict")
        self.their_words = message_label(MessageKind.WARNING)
        self.keep_button = QPushButton()
        self.keep_button.setObjectName("keep-mine")
        self.theirs_button = QPushButton()
        self.theirs_button.setObjectName("use-theirs")
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.theirs_button)
        buttons.addStretch(1)
        column = QVBoxLayout(strip)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.their_words)
        column.addLayout(buttons)
        strip.hide()
        self.keep_button.clicked.connect(self.keep_mine)
        self.theirs_button.clicked.connect(self.use_theirs)
        return strip

    def _lay_out(self) -> None:
        column = QVBoxLayout(self)
        for widget in (self.title, self.explain, self.questions_title, self.questions,
                       self.last_time, self.conflict, self.level_title, self.levels,
                       self.priority_label, self.priority, self.strengths_label,
                       self.strengths, self.notes_label, self.notes):
            column.addWidget(widget)
        column.addStretch(1)

    def retranslate_ui(self) -> None:
        domain = self.domain
        self.title.setText(str(domain.title) if domain else "")
        self.explain.setText(str(domain.explain) if domain else "")
        self.questions_title.setText(_("Questions to talk through together"))
        self.questions.setText("\n".join(f"• {q}" for q in domain.questions) if domain else "")
        self.level_title.setText(_("Where things are now"))
        self.priority_label.setText(_("How much does this matter to you right now?"))
        self.priority.setAccessibleName(self.priority_label.text())
        for position, answer in enumerate(("", *PRIORITIES)):
            self.priority.setItemText(position, _(PRIORITY_NAMES[answer] if answer
                                                  else NOT_ANSWERED))
        self.strengths_label.setText(_("Strengths: what is going well here"))
        self.strengths.setAccessibleName(_("Strengths"))
        self.notes_label.setText(_("Notes"))
        self.notes.setAccessibleName(_("Notes"))
        self.keep_button.setText(_("Keep my words"))
        self.theirs_button.setText(_("Use the saved one"))
        self._show_last_time()
        self._show_theirs()

    def _show_last_time(self) -> None:
        last = self.last
        self.last_time.setVisible(last is not None)
        if last is not None:
            self.last_time.setText(_("Last time: {level}").format(level=level_words(last.level)))

    def _show_theirs(self) -> None:
        theirs = self.theirs
        if theirs is None:
            return
        parts = [level_words(theirs.level)]
        if theirs.priority:
            parts.append(_(PRIORITY_NAMES[theirs.priority]))
        parts += [f"\u2068{text}\u2069" for text in (theirs.strengths, theirs.notes) if text]
        self.their_words.setText(_("Someone else saved this domain meanwhile: {saved}. Your "
                                   "typing is kept below; choose which to keep.")
                                 .format(saved=" · ".join(parts)))

    # what is shown
    def show_rating(self, domain: Domain, rating: RatingView, last: RatingView | None,
                    read_only: bool) -> None:
        """Show one domain as saved (`last`: the same domain at the assessment before)."""
        self.domain, self.last, self.theirs = domain, last, None
        self.conflict.hide()
        self.levels.show_domain(domain, rating.level)
        self.put_back({"priority": rating.priority, "strengths": rating.strengths,
                       "notes": rating.notes}, quiet=True)
        self.levels.set_read_only(read_only)
        self.priority.setEnabled(not read_only)
        self.strengths.setReadOnly(read_only)
        self.notes.setReadOnly(read_only)
        self.retranslate_ui()

    def values(self) -> dict[str, Any]:
        return {"level": self.levels.level(), "priority": self.priority.currentData() or None,
                "strengths": self.strengths.toPlainText(), "notes": self.notes.toPlainText()}

    def put_back(self, values: dict[str, Any], quiet: bool = False) -> None:
        """Put values on screen (typing kept over a lock, or what is saved: `quiet`)."""
        for widget in (self.priority, self.strengths, self.notes):
            widget.blockSignals(quiet)
        if "level" in values:
            self.levels.set_level(values["level"])
        if "priority" in values:
            self.priority.setCurrentIndex(max(self.priority.findData(values["priority"] or ""),
                                                  0))
        for name, field in (("strengths", self.strengths), ("notes", self.notes)):
            if name in values and field.toPlainText() != values[name]:
                field.setPlainText(values[name])
        for widget in (self.priority, self.strengths, self.notes):
            widget.blockSignals(False)

    def in_conflict(self, theirs: RatingView) -> None:
        self.theirs = theirs
        self._show_theirs()
        self.conflict.show()

    def conflict_settled(self) -> None:
        self.theirs = None
        self.conflict.hide()
