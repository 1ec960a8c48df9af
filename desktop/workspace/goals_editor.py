"""Goals and steps, on the youth's page: the young person's goals grouped by the part of their
life each is about, each with its action steps (what, who does it, by when, where it stands) and
its referrals to services. What is overdue is said at the top and under each step, in words.

Typing autosaves ("Saved" only after the commit). A goal, step or referral someone else saved
first is shown beside the typing, which is kept until the person chooses. Registered with the
workspace through `register_editor`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from casefile.errors import WaymarkError
from desktop.forms import heading, message_label
from desktop.look import TYPE, MessageKind, space
from desktop.operations import goals as ops
from desktop.operations.runner import ChangeNotice
from desktop.operations.session import Session
from desktop.save_line import NOT_SAVED_YET, SAVED, SaveLine
from desktop.translation import RetranslateMixin
from desktop.workspace.autosave import Autosave
from desktop.workspace.editor import EditorSnapshot, register_editor
from desktop.workspace.goal_box import GoalBox
from desktop.workspace.goals_saving import GoalsSaving
from desktop.workspace.new_goal import NewGoal
from i18n import _, ngettext


class GoalsEditor(RetranslateMixin, QWidget):
    key = "goals"
    flags_changed = Signal(object)  # a ChangeNotice: what is overdue for this youth changed

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("goals-editor")
        self._session = session
        self.youth_id: int | None = None
        self.boxes: list[GoalBox] = []
        self.flags: frozenset[str] = frozenset()  # what the youth list was told last
        self._own_notice: ChangeNotice | None = None
        self.flags_line = message_label(MessageKind.WARNING)
        self.flags_line.setObjectName("goals-flags")
        self.flags_line.hide()
        self.new_goal = NewGoal()
        self.empty = QLabel()
        self.empty.setObjectName("empty-state")
        self.empty.setWordWrap(True)
        self.saving = SaveLine()
        self.state = self.saving.label
        self.autosave = Autosave(self._save, self)
        self.saver = GoalsSaving(session, self)
        self.sections: dict[str, tuple[QLabel, QVBoxLayout]] = {}
        self._lay_out()
        self.new_goal.add_requested.connect(self._add_goal)
        self.retranslate_ui()

    def _lay_out(self) -> None:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setSpacing(space(3))
        column.addWidget(self.empty)
        for domain in ops.life_domains():
            title = heading(scale=TYPE.subtitle)
            title.setObjectName(f"domain-{domain.id}")
            goals = QVBoxLayout()
            goals.setSpacing(space(3))
            column.addWidget(title)
            column.addLayout(goals)
            title.hide()
            self.sections[domain.id] = (title, goals)
        column.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.flags_line)
        layout.addWidget(self.new_goal)
        layout.addWidget(self.state)
        layout.addWidget(self.scroll_area, 1)

    def retranslate_ui(self) -> None:
        for domain in ops.life_domains():
            self.sections[domain.id][0].setText(str(domain.title))
        self.empty.setText(_(
            "No goals yet. Ask the young person what they want to work on, choose the part of "
            "their life it is about, write the goal in their own words above and add it. Then "
            "break it into steps."))
        self.show_flags()
        self.saving.again()

    # the editor protocol (editor.py)
    def tab_title(self) -> str:
        return _("&Goals and steps")

    def load(self, youth_id: int) -> None:
        self.autosave.flush()
        self.youth_id = youth_id
        goals = ops.goals_of(self._session, youth_id)
        referrals = ops.referrals_of(self._session, youth_id)
        for box in self.boxes:
            box.hide()
            box.deleteLater()
        self.boxes = []
        for goal in goals:
            self.add_box(GoalBox(goal, [r for r in referrals if r.goal_id == goal.id]))
        self.new_goal.clear()
        self._show_sections()
        self.flags = ops.flags_of(goals, referrals)
        self.show_flags()
        self.saving.say("")

    def flush(self) -> None:
        self.autosave.flush()

    def has_unsaved(self) -> bool:
        return bool(self.saver.unsaved()) or bool(self.new_goal.typed())

    def snapshot(self) -> EditorSnapshot:
        self.flush()
        return EditorSnapshot({"rows": self.saver.unsaved(), "new": self.new_goal.typed()},
                              self.saving.state)

    def restore(self, snapshot: EditorSnapshot) -> None:
        unsaved: dict[str, Any] = snapshot.unsaved
        if unsaved.get("new"):
            self.new_goal.put_back(unsaved["new"])
        if unsaved.get("rows"):
            self.saver.put_back(unsaved["rows"])
            self.edited()
        elif isinstance(snapshot.save_state, str | WaymarkError):
            self.saving.say(snapshot.save_state)

    def accept(self, notice: ChangeNotice) -> None:
        """Goals changed at another desk or screen: show them again (never over typing)."""
        if self.youth_id is not None and notice.youth_id == self.youth_id and \
                notice.kind == ops.KIND and notice is not self._own_notice and \
                not self.has_unsaved():
            self.load(self.youth_id)

    # showing
    def add_box(self, box: GoalBox) -> None:
        self.sections[box.goal.domain][1].addWidget(box)
        self.boxes.append(box)
        self.saver.watch(box)

    def drop_box(self, box: GoalBox) -> None:
        self.boxes.remove(box)
        box.hide()
        box.deleteLater()
        self._show_sections()

    def _show_sections(self) -> None:
        shown = {box.goal.domain for box in self.boxes}
        for domain, (title, _goals) in self.sections.items():
            title.setVisible(domain in shown)
        self.empty.setVisible(not self.boxes)

    def show_flags(self) -> None:
        """Say at the top how many steps and follow-ups are overdue."""
        today = ops.today()
        steps = sum(row.overdue() for box in self.boxes for row in box.steps)
        follow_ups = sum(row.referral.overdue(today) for box in self.boxes
                         for row in box.referrals)
        words = []
        if steps:
            words.append(ngettext("{count} action step is overdue.",
                                  "{count} action steps are overdue.", steps).format(count=steps))
        if follow_ups:
            words.append(ngettext("{count} referral follow-up is overdue.",
                                  "{count} referral follow-ups are overdue.",
                                  follow_ups).format(count=follow_ups))
        self.flags_line.setText(" ".join(words))
        self.flags_line.setVisible(bool(words))

    def focus_item(self, kind: str, record_id: int) -> None:
        """Bring a step or referral (chosen in "Due this week") into view, its first field
        focused."""
        for box in self.boxes:
            found: QWidget | None = None
            if kind == "step":
                step = next((r for r in box.steps if r.step and r.step.id == record_id), None)
                found = step.words if step else None
            else:
                referral = next((r for r in box.referrals if r.referral.id == record_id), None)
                found = referral.status if referral else None
            if found is not None:
                self.scroll_area.ensureWidgetVisible(found)
                found.setFocus()
                return

    # changing
    def _add_goal(self, domain: str, words: str) -> None:
        if self.youth_id is None:
            return
        try:
            goal = ops.add_goal(self._session, self.youth_id, domain, words)
        except WaymarkError as error:
            self.saving.say(error)  # the typing stays in the form
            return
        box = GoalBox(goal, [])
        self.add_box(box)
        self._show_sections()
        self.new_goal.clear()
        self.saving.say(SAVED)
        self.scroll_area.ensureWidgetVisible(box)
        box.add_step_row().words.setFocus()  # a goal is reached one step at a time

    def edited(self) -> None:
        self.saving.say(NOT_SAVED_YET)
        self.autosave.touch()

    def _save(self) -> None:
        self.saving.say(self.saver.save_all() or SAVED)
        self.after_change()

    def after_change(self) -> None:
        """Show the flags again, and tell the youth list when what is overdue changed."""
        self.show_flags()
        flags = self.saver.flags()
        if flags != self.flags and self.youth_id is not None:
            self.flags = flags
            self._own_notice = ChangeNotice(self.youth_id, ops.KIND)
            self.flags_changed.emit(self._own_notice)


register_editor(GoalsEditor)
