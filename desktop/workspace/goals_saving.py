"""How the Goals and steps tab saves: every goal, step and referral whose fields differ from
what is saved, each against the version it was shown with. Someone else's save is shown beside
the typing (kept) until the person chooses; a removal asks first when words would go with it.
What a lock keeps, and what the youth list's flags are, are read from the rows here too."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any, Protocol, cast

from PySide6.QtWidgets import QMessageBox

from casefile.errors import EditConflict, RecordNotFound, WaymarkError
from desktop.operations import goals as ops
from desktop.operations.session import Session
from desktop.save_line import SAVED
from desktop.workspace.goal_box import GoalBox
from desktop.workspace.referral_row import ReferralRow
from desktop.workspace.step_row import StepRow
from i18n import N_, _, ngettext

if TYPE_CHECKING:
    from PySide6.QtWidgets import QScrollArea, QWidget

    from desktop.save_line import SaveLine

WAITING = "waiting"  # kept typing that waits on someone else's save
GONE = N_("Someone else removed this step meanwhile. Your words were kept and saved again.")


class Host(Protocol):
    """What the saving needs of the Goals and steps tab (goals_editor.GoalsEditor)."""

    boxes: list[GoalBox]
    saving: SaveLine
    scroll_area: QScrollArea

    def edited(self) -> None: ...

    def drop_box(self, box: GoalBox) -> None: ...

    def after_change(self) -> None: ...


class GoalsSaving:
    def __init__(self, session: Session, editor: Host) -> None:
        self._session = session
        self._editor = editor

    def watch(self, box: GoalBox) -> None:
        box.edited.connect(self._editor.edited)
        box.remove_requested.connect(self.remove_goal)
        box.step_remove_requested.connect(self.remove_step)
        box.referral_remove_requested.connect(self.remove_referral)
        box.referral_requested.connect(self.refer)

    # saving
    def save_all(self) -> WaymarkError | None:
        """Save every change; the last problem met, or None when all was saved."""
        problem: WaymarkError | None = None
        for box in self._editor.boxes:
            saves: list[Callable[[], None]] = [partial(self._save_goal, box)]
            saves += [partial(self._save_step, box, row) for row in box.steps]
            saves += [partial(self._save_referral, row) for row in box.referrals]
            for save in saves:
                try:
                    save()
                except WaymarkError as error:
                    problem = error
        waiting = any(box.theirs is not None or any(row.theirs is not None for row in box.steps)
                      or any(row.theirs is not None for row in box.referrals)
                      for box in self._editor.boxes)
        return problem or (EditConflict() if waiting else None)

    def _save_goal(self, box: GoalBox) -> None:
        typed = box.changes()
        if typed is None:
            return
        try:
            box.goal = ops.save_goal(self._session, box.goal, *typed)
        except EditConflict:
            box.in_conflict(ops.goal_now(self._session, box.goal))
            raise

    def _save_step(self, box: GoalBox, row: StepRow) -> None:
        values = row.changes()
        if values is None:
            return
        try:
            row.step = (ops.add_step(self._session, box.goal.id, values) if row.step is None
                        else ops.save_step(self._session, row.step, values))
        except EditConflict:
            if row.step is not None:
                row.in_conflict(ops.step_now(self._session, row.step))
            raise
        except RecordNotFound:  # removed at another desk while typed into: kept as new
            row.step = None
            row.step = ops.add_step(self._session, box.goal.id, values)
            raise WaymarkError(GONE) from None
        row.show_due()

    def _save_referral(self, row: ReferralRow) -> None:
        values = row.changes()
        if values is None:
            return
        try:
            row.show_referral(ops.save_referral(self._session, row.referral, values))
        except EditConflict:
            row.in_conflict(ops.referral_now(self._session, row.referral))
            raise

    # removing
    def remove_goal(self, box: GoalBox) -> None:
        count = len(box.steps)
        if count and not _confirm(self._editor, ngettext(
                "Remove this goal and its step? This cannot be undone.",
                "Remove this goal and its {count} steps? This cannot be undone.",
                count).format(count=count)):
            return
        self._removed(lambda: ops.remove_goal(self._session, box.goal),
                      lambda: self._editor.drop_box(box),
                      lambda: box.in_conflict(ops.goal_now(self._session, box.goal)))

    def remove_step(self, row: StepRow) -> None:
        box = self._box_of(row)
        step = row.step
        if step is None:  # never saved: nothing to remove but the row
            box.drop_step_row(row)
            return
        self._removed(lambda: ops.remove_step(self._session, step),
                      lambda: box.drop_step_row(row),
                      lambda: row.in_conflict(ops.step_now(self._session, step)))

    def remove_referral(self, row: ReferralRow) -> None:
        if not _confirm(self._editor, _("Remove this referral? Its status, dates and notes go "
                                        "with it. This cannot be undone.")):
            return
        box = self._box_of(row)
        self._removed(lambda: ops.remove_referral(self._session, row.referral),
                      lambda: box.drop_referral_row(row),
                      lambda: row.in_conflict(ops.referral_now(self._session, row.referral)))

    def _removed(self, remove: Any, drop: Any, conflict: Any) -> None:
        try:
            remove()
        except EditConflict as error:  # changed meanwhile: show theirs, remove nothing
            conflict()
            self._editor.saving.say(error)
            return
        except WaymarkError as error:
            self._editor.saving.say(error)
            return
        drop()
        self._editor.saving.say(SAVED)
        self._editor.after_change()

    def _box_of(self, row: StepRow | ReferralRow) -> GoalBox:
        return next(box for box in self._editor.boxes if row in (*box.steps, *box.referrals))

    # referrals
    def refer(self, box: GoalBox) -> None:
        from desktop.workspace.referral_dialog import ReferralDialog

        dialog = ReferralDialog(self._session, box.goal, cast("QWidget", self._editor))
        dialog.made.connect(lambda referral: self._referred(box, referral))
        dialog.open()

    def _referred(self, box: GoalBox, referral: ops.ReferralView) -> None:
        row = box.add_referral_row(referral)
        self._editor.scroll_area.ensureWidgetVisible(row)
        row.status.setFocus()
        self._editor.saving.say(SAVED)
        self._editor.after_change()

    # what a lock keeps, and the list's flags
    def unsaved(self) -> dict[str, Any]:
        """The typing not saved, by record; typing that waits on someone else's save is kept
        with that mark, so it waits again after the lock."""
        kept: dict[str, Any] = {}
        for box in self._editor.boxes:
            parts: list[tuple[str, GoalBox | StepRow | ReferralRow]] = [
                (f"goal-{box.goal.id}", box)]
            parts += [(f"step-{row.step.id}" if row.step else f"new-{box.goal.id}-{position}",
                       row) for position, row in enumerate(box.steps)]
            parts += [(f"referral-{row.referral.id}", row) for row in box.referrals]
            for key, part in parts:
                if part.changes() is not None or part.theirs is not None:
                    kept[key] = {**part.typed(), WAITING: part.theirs is not None}
        return kept

    def put_back(self, kept: dict[str, Any]) -> None:
        """Put kept typing back over what is saved now (someone else's save, if it waited on
        one, is shown beside it again)."""
        for box in self._editor.boxes:
            parts: list[tuple[str, GoalBox | StepRow | ReferralRow]] = [
                (f"goal-{box.goal.id}", box)]
            parts += [(f"step-{row.step.id}", row) for row in box.steps if row.step]
            parts += [(f"referral-{row.referral.id}", row) for row in box.referrals]
            parts += [(key, box.add_step_row()) for key in sorted(
                k for k in kept if k.startswith(f"new-{box.goal.id}-"))]
            for key, part in parts:
                if key in kept:
                    part.put_back(kept[key])
                    if kept[key].get(WAITING):
                        _wait_again(part)

    def flags(self) -> frozenset[str]:
        boxes = self._editor.boxes
        steps = [row.step for box in boxes if box.goal.status == ops.OPEN
                 for row in box.steps if row.step is not None]
        goals = [ops.GoalView(0, 0, "", "", ops.OPEN, 0, tuple(steps))]
        return ops.flags_of(goals, [row.referral for box in boxes for row in box.referrals])


def _wait_again(part: GoalBox | StepRow | ReferralRow) -> None:
    """Show what is saved now as someone else's save, beside the typing put back."""
    if isinstance(part, GoalBox):
        part.in_conflict(part.goal)
    elif isinstance(part, StepRow):
        if part.step is not None:
            part.in_conflict(part.step)
    else:
        part.in_conflict(part.referral)


def _confirm(parent: object, question: str) -> bool:
    answer = QMessageBox.question(cast("QWidget", parent), _("Remove"), question)
    return answer == QMessageBox.StandardButton.Yes
