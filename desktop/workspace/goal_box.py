"""One goal on screen: the young person's words, where it stands, its action steps and its
referrals, each with a button to add another."""

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

from desktop.forms import heading
from desktop.look import TYPE, space
from desktop.operations.goals import GOAL_STATUS_NAMES, OPEN, GoalView, ReferralView, StepView
from desktop.translation import RetranslateMixin
from desktop.workspace.conflict_bar import ConflictBar
from desktop.workspace.referral_row import ReferralRow
from desktop.workspace.step_row import StepRow
from i18n import _


class GoalBox(RetranslateMixin, QFrame):
    edited = Signal()  # the goal, one of its steps or one of its referrals
    remove_requested = Signal(object)  # this box
    step_remove_requested = Signal(object)  # a StepRow
    referral_requested = Signal(object)  # this box: make a referral for the goal
    referral_remove_requested = Signal(object)  # a ReferralRow

    def __init__(self, goal: GoalView, referrals: list[ReferralView],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("goal-box")
        self.goal = goal
        self.theirs: GoalView | None = None
        self.steps: list[StepRow] = []
        self.referrals: list[ReferralRow] = []
        self.words_label = QLabel()
        self.words = QPlainTextEdit()
        self.words.setObjectName("goal-words")
        self.words.setTabChangesFocus(True)
        self.words.setFixedHeight(self.words.fontMetrics().lineSpacing() * 3 + 14)
        self.words_label.setBuddy(self.words)
        self.status_label = QLabel()
        self.status = QComboBox()
        self.status.setObjectName("goal-status")
        for key in GOAL_STATUS_NAMES:
            self.status.addItem("", key)
        self.status_label.setBuddy(self.status)
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("remove-goal")
        self.conflict = ConflictBar()
        self.steps_title = heading(scale=TYPE.body)
        self.no_steps = QLabel()
        self.no_steps.setObjectName("empty-state")
        self.no_steps.setWordWrap(True)
        self.steps_column = QVBoxLayout()
        self.steps_column.setSpacing(space(4))
        self.add_step_button = QPushButton()
        self.add_step_button.setObjectName("add-step")
        self.referrals_title = heading(scale=TYPE.body)
        self.referrals_column = QVBoxLayout()
        self.referrals_column.setSpacing(space(4))
        self.refer_button = QPushButton()
        self.refer_button.setObjectName("make-referral")
        self._lay_out()
        self.show_goal(goal)
        for step in goal.steps:
            self.add_step_row(step)
        for referral in referrals:
            self.add_referral_row(referral)
        self.words.textChanged.connect(self.edited)
        self.status.currentIndexChanged.connect(self._status_chosen)
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        self.add_step_button.clicked.connect(self._new_step)
        self.refer_button.clicked.connect(lambda: self.referral_requested.emit(self))
        self.conflict.keep_mine.connect(self._keep_mine)
        self.conflict.use_theirs.connect(self._use_theirs)
        self.retranslate_ui()

    def _lay_out(self) -> None:
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_label)
        status_row.addWidget(self.status)
        status_row.addStretch(1)
        status_row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(space(2))
        layout.addWidget(self.words_label)
        layout.addWidget(self.words)
        layout.addLayout(status_row)
        layout.addWidget(self.conflict)
        layout.addSpacing(space(2))
        layout.addWidget(self.steps_title)
        layout.addWidget(self.no_steps)
        layout.addLayout(self.steps_column)
        layout.addLayout(_start_aligned(self.add_step_button))
        layout.addSpacing(space(2))
        layout.addWidget(self.referrals_title)
        layout.addLayout(self.referrals_column)
        layout.addLayout(_start_aligned(self.refer_button))

    def retranslate_ui(self) -> None:
        self.words_label.setText(_("Goal, in the young person's own words"))
        self.words.setAccessibleName(_("Goal, in the young person's own words"))
        self.status_label.setText(_("Goal is"))
        self.status.setAccessibleName(_("Where the goal stands"))
        for position, key in enumerate(GOAL_STATUS_NAMES):
            self.status.setItemText(position, _(GOAL_STATUS_NAMES[key]))
        self.remove_button.setText(_("Remove goal"))
        self.steps_title.setText(_("Action steps"))
        self.no_steps.setText(_("No steps yet. Break the goal into small steps: what, who "
                                "does it, and by when."))
        self.add_step_button.setText(_("Add a step"))
        self.referrals_title.setText(_("Referrals"))
        self.refer_button.setText(_("Make a referral…"))

    # what is shown
    def show_goal(self, goal: GoalView) -> None:
        self.goal = goal
        for widget in (self.words, self.status):
            widget.blockSignals(True)
        self.words.setPlainText(goal.words)
        self.status.setCurrentIndex(max(self.status.findData(goal.status), 0))
        for widget in (self.words, self.status):
            widget.blockSignals(False)
        self._steps_due()

    def _status_chosen(self) -> None:
        self._steps_due()
        self.edited.emit()

    def _steps_due(self) -> None:
        """Steps are due only while the goal is being worked on (as chosen on screen)."""
        working = self.status.currentData() == OPEN
        for row in self.steps:
            row.goal_open = working
            row.show_due()

    def add_step_row(self, step: StepView | None = None) -> StepRow:
        row = StepRow(self.goal.id, step)
        row.goal_open = self.status.currentData() == OPEN
        row.show_due()
        row.edited.connect(self.edited)
        row.remove_requested.connect(self.step_remove_requested)
        self.steps_column.addWidget(row)
        self.steps.append(row)
        self.no_steps.setVisible(False)
        return row

    def drop_step_row(self, row: StepRow) -> None:
        self.steps.remove(row)
        row.hide()
        row.deleteLater()
        self.no_steps.setVisible(not self.steps)

    def add_referral_row(self, referral: ReferralView) -> ReferralRow:
        row = ReferralRow(referral)
        row.edited.connect(self.edited)
        row.remove_requested.connect(self.referral_remove_requested)
        self.referrals_column.addWidget(row)
        self.referrals.append(row)
        return row

    def drop_referral_row(self, row: ReferralRow) -> None:
        self.referrals.remove(row)
        row.hide()
        row.deleteLater()

    def _new_step(self) -> None:
        self.add_step_row().words.setFocus()

    # what is typed
    def changes(self) -> tuple[str, str] | None:
        """The goal's words and status, when they differ from what is saved."""
        if self.theirs is not None:
            return None
        typed = (self.words.toPlainText(), self.status.currentData())
        return typed if typed != (self.goal.words, self.goal.status) else None

    def typed(self) -> dict[str, Any]:
        return {"words": self.words.toPlainText(), "status": self.status.currentData()}

    def put_back(self, typed: dict[str, Any]) -> None:
        self.words.setPlainText(typed["words"])
        self.status.setCurrentIndex(max(self.status.findData(typed["status"]), 0))
        self._steps_due()

    def in_conflict(self, theirs: GoalView) -> None:
        self.theirs = theirs
        self.conflict.ask(lambda: f"{theirs.words} · {_(GOAL_STATUS_NAMES[theirs.status])}")

    def _keep_mine(self) -> None:
        if self.theirs is not None:
            self.goal, self.theirs = self.theirs, None
        self.edited.emit()

    def _use_theirs(self) -> None:
        theirs, self.theirs = self.theirs, None
        if theirs is not None:
            self.show_goal(theirs)


def _start_aligned(button: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(button)
    row.addStretch(1)
    return row
