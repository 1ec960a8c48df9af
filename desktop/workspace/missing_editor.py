"""Missing from care, on the youth's page: each episode (when the youth was found missing, the
reports to law enforcement and to NCMEC with their numbers and times, the return, where they
were) and, after a return, its debrief. What needs doing is said at the top: an open episode,
a report not recorded 24 hours after the youth was found missing, a debrief due or overdue.

An episode is saved with its Save button (its times belong together, and a time that cannot be
true is refused with a message, the typing kept); the debrief autosaves.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from casefile.errors import InvalidInput, WaymarkError
from desktop.forms import heading, labelled_row, message_label, set_label
from desktop.look import TYPE, MessageKind
from desktop.operations import missing as ops
from desktop.operations.runner import ChangeNotice
from desktop.operations.session import Session
from desktop.operations.types import (
    DEBRIEF_DUE,
    DEBRIEF_OVERDUE,
    MISSING,
    REPORT_OVERDUE,
    EpisodeFields,
    EpisodeView,
)
from desktop.save_line import NOT_SAVED_YET, SAVED, SaveLine
from desktop.translation import RetranslateMixin
from desktop.workspace.debrief_panel import DebriefPanel
from desktop.workspace.editor import EditorSnapshot
from desktop.workspace.moment_field import MomentField
from i18n import N_, _
from i18n.formatting import format_date, format_datetime

MOMENTS = ("missing_at", "police_reported_at", "ncmec_reported_at", "returned_at")
NUMBERS = ("police_report_number", "ncmec_report_number")
LABELS = {
    "missing_at": N_("Found &missing"),
    "police_reported_at": N_("Reported to &law enforcement"),
    "police_report_number": N_("Law enforcement report number"),
    "ncmec_reported_at": N_("Reported to &NCMEC"),
    "ncmec_report_number": N_("NCMEC report number"),
    "returned_at": N_("&Returned"),
    "whereabouts": N_("Where they were, if known"),
}


class MissingEditor(RetranslateMixin, QWidget):
    key = "missing"
    notices = Signal(object)  # a ChangeNotice: an episode or debrief changed
    plan_requested = Signal(object)  # a DebriefView: change the plan with it beside

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("missing-editor")
        self._session = session
        self.youth_id: int | None = None
        self.episodes: list[EpisodeView] = []
        self.episode: EpisodeView | None = None  # the one shown (None: a new one)
        self._own_notice: ChangeNotice | None = None  # what this editor announced last
        self.flags_line = message_label(MessageKind.WARNING)
        self.flags_line.setObjectName("missing-flags")
        self.flags_line.hide()
        self.list = QListWidget()
        self.list.setObjectName("episodes")
        self.list.setMaximumHeight(self.list.fontMetrics().height() * 4 + 16)  # a few rows
        self.new_button = QPushButton()
        self.new_button.setObjectName("record-missing")
        self.title = heading(scale=TYPE.subtitle)
        self.moments = {name: MomentField() for name in MOMENTS}
        self.numbers = {name: QLineEdit() for name in NUMBERS}
        for name, widget in (*self.moments.items(), *self.numbers.items()):
            widget.setObjectName(name)
        for number in self.numbers.values():
            number.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # ids read the same
        self.whereabouts = QPlainTextEdit()
        self.whereabouts.setObjectName("whereabouts")
        self.whereabouts.setTabChangesFocus(True)
        self.whereabouts.setFixedHeight(self.whereabouts.fontMetrics().lineSpacing() * 3 + 12)
        self.save_button = QPushButton()
        self.save_button.setObjectName("save-episode")
        self.saving = SaveLine()
        self.state = self.saving.label
        self.debrief = DebriefPanel(session)
        self._lay_out()
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save)
        self.list.currentRowChanged.connect(self._chosen)
        self.debrief.plan_requested.connect(self.plan_requested)
        self.debrief.completed.connect(self._debrief_completed)
        self.retranslate_ui()

    def _fields(self) -> dict[str, QWidget]:
        return {"missing_at": self.moments["missing_at"],
                "police_reported_at": self.moments["police_reported_at"],
                "police_report_number": self.numbers["police_report_number"],
                "ncmec_reported_at": self.moments["ncmec_reported_at"],
                "ncmec_report_number": self.numbers["ncmec_report_number"],
                "returned_at": self.moments["returned_at"], "whereabouts": self.whereabouts}

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # each field full width
        self.labels = {name: labelled_row(form, widget) for name, widget in self._fields().items()}
        self.waiting = QLabel()  # where the debrief will be, before the return
        self.waiting.setObjectName("empty-state")
        self.waiting.setWordWrap(True)
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(self.title)
        column.addLayout(form)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addStretch(1)
        column.addLayout(row)
        column.addWidget(self.state)
        column.addWidget(self.waiting)
        column.addWidget(self.debrief)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(page)
        top = QHBoxLayout()
        top.addWidget(self.list, 1)
        top.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.flags_line)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)

    def retranslate_ui(self) -> None:
        for name, widget in self._fields().items():
            set_label(self.labels[name], widget, _(LABELS[name]))
        self.new_button.setText(_("Record &missing from care"))
        self.save_button.setText(_("&Save episode"))
        self.list.setAccessibleName(_("Missing-from-care episodes"))
        self.waiting.setText(_("The return debrief opens here once the youth's return is "
                               "recorded."))
        self._show_title()
        self._fill_list()
        self._show_flags()
        self.saving.again()

    # the editor protocol (editor.py)
    def tab_title(self) -> str:
        return _("Missing from &care")

    def load(self, youth_id: int) -> None:
        self.flush()
        self.youth_id = youth_id
        self.episodes = ops.episodes(self._session, youth_id)
        self._fill_list()
        if self.episodes:
            self._select(self.episodes[0].id)
        else:
            self.start_new()
        self.saving.say("")

    def flush(self) -> None:
        self.debrief.flush()

    def has_unsaved(self) -> bool:
        return bool(self._typed()) or bool(self.debrief.unsaved())

    def snapshot(self) -> EditorSnapshot:
        self.flush()
        unsaved = {"episode": self.episode.id if self.episode else None, "typed": self._typed(),
                   "debrief": self.debrief.unsaved()}
        return EditorSnapshot(unsaved, self.saving.state)

    def restore(self, snapshot: EditorSnapshot) -> None:
        unsaved: dict[str, Any] = snapshot.unsaved
        episode = unsaved.get("episode")
        if episode is not None:
            self._select(episode)
        if unsaved.get("typed"):
            self._put_back(unsaved["typed"])
            self.saving.say(NOT_SAVED_YET)
        if unsaved.get("debrief"):
            self.debrief.put_back(unsaved["debrief"])

    def accept(self, notice: ChangeNotice) -> None:
        """Another screen changed this youth's episodes: show them again (typing kept)."""
        if self.youth_id is not None and notice.youth_id == self.youth_id and \
                notice.kind == ops.KIND and notice is not self._own_notice and \
                not self.has_unsaved():
            self.load(self.youth_id)

    # showing
    def _fill_list(self) -> None:
        self.list.blockSignals(True)
        current = self.list.currentRow()
        self.list.clear()
        for episode in self.episodes:
            since = format_datetime(episode.missing_at, length="short")
            text = (_("Missing since {time}").format(time=since) if episode.returned_at is None
                    else _("{start} – back {end}").format(
                        start=since, end=format_datetime(episode.returned_at, length="short")))
            self.list.addItem(QListWidgetItem(text))
        self.list.setCurrentRow(current if current < self.list.count() else -1)
        self.list.blockSignals(False)

    def _chosen(self, row: int) -> None:
        if 0 <= row < len(self.episodes):
            self.debrief.flush()
            self._show(self.episodes[row])

    def _select(self, episode_id: int) -> None:
        """Show the episode `episode_id` (chosen in the list)."""
        for row, episode in enumerate(self.episodes):
            if episode.id == episode_id:
                self.list.blockSignals(True)
                self.list.setCurrentRow(row)
                self.list.blockSignals(False)
                self.debrief.flush()
                self._show(episode)

    def start_new(self) -> None:
        """An empty form for a new episode."""
        self.debrief.flush()
        self.list.blockSignals(True)
        self.list.setCurrentRow(-1)
        self.list.blockSignals(False)
        self._show(None)
        self.moments["missing_at"].setFocus()

    def _show(self, episode: EpisodeView | None) -> None:
        self.episode = episode
        for name, field in self.moments.items():
            field.set_value(getattr(episode, name) if episode else None)
        for name, number in self.numbers.items():
            number.setText(getattr(episode, name) if episode else "")
        self.whereabouts.setPlainText(episode.whereabouts if episode else "")
        returned = episode is not None and episode.returned_at is not None
        self.debrief.show_debrief(ops.open_debrief(self._session, episode.id)
                                  if episode is not None and returned else None)
        self.debrief.setVisible(returned)
        self.waiting.setVisible(episode is not None and not returned)
        self._show_title()
        self._show_flags()
        self.saving.say("")

    def _show_title(self) -> None:
        self.title.setText(_("New episode: missing from care") if self.episode is None
                           else _("Missing from care"))

    def _show_flags(self) -> None:
        words: list[str] = []
        for episode in self.episodes:
            flags = ops.flags(self._session, episode)
            if MISSING in flags:
                words.append(_("Missing now, since {time}.").format(
                    time=format_datetime(episode.missing_at, length="short")))
            if REPORT_OVERDUE in flags:
                words.append(_("More than 24 hours since the youth was found missing, and a "
                               "report to law enforcement or to NCMEC is not recorded. Report "
                               "it now, then record its time and number."))
            due = episode.debrief_due(self._session.policy.debrief_days)
            if due is not None and flags & {DEBRIEF_DUE, DEBRIEF_OVERDUE}:
                by = format_date(due.date())
                words.append(_("The return debrief was due by {date} and is not done.")
                             .format(date=by) if DEBRIEF_OVERDUE in flags else
                             _("The return debrief is due by {date}.").format(date=by))
        self.flags_line.setVisible(bool(words))
        self.flags_line.setText(" ".join(words))

    # saving
    def _values(self) -> EpisodeFields:
        if any(field.problem() for field in self.moments.values()):
            raise InvalidInput(N_("A date or time is not complete. Give both the date and the "
                                  "time of day, or leave both empty."))
        missing_at = self.moments["missing_at"].value()
        if missing_at is None:
            raise InvalidInput(N_("Give the date and time the youth was found missing."))
        return EpisodeFields(
            missing_at, self.moments["police_reported_at"].value(),
            self.numbers["police_report_number"].text(),
            self.moments["ncmec_reported_at"].value(),
            self.numbers["ncmec_report_number"].text(), self.moments["returned_at"].value(),
            self.whereabouts.toPlainText())

    def save(self) -> None:
        if self.youth_id is None:
            return
        try:
            values = self._values()
            if self.episode is None:
                saved = ops.record_missing(self._session, self.youth_id, values)
            else:
                saved = ops.save_episode(self._session, self.episode, values)
        except WaymarkError as error:
            self.saving.say(error)  # the typing stays on screen
            return
        self.episodes = ops.episodes(self._session, self.youth_id)
        self._fill_list()
        self._select(saved.id)
        self.saving.say(SAVED)
        self._announce()

    def _debrief_completed(self) -> None:
        if self.youth_id is not None:
            self.episodes = ops.episodes(self._session, self.youth_id)
            self._show_flags()
            self._announce()

    def _announce(self) -> None:
        self._own_notice = ChangeNotice(self.youth_id, ops.KIND)
        self.notices.emit(self._own_notice)

    def _typed(self) -> dict[str, Any]:
        """What is on the form and differs from the episode shown (or everything of a new one)."""
        episode = self.episode
        typed: dict[str, Any] = {}
        for name, field in self.moments.items():
            if field.problem() or field.value() != (getattr(episode, name) if episode else None):
                typed[name] = field.texts()
        for name, number in self.numbers.items():
            if number.text() != (getattr(episode, name) if episode else ""):
                typed[name] = number.text()
        if self.whereabouts.toPlainText() != (episode.whereabouts if episode else ""):
            typed["whereabouts"] = self.whereabouts.toPlainText()
        return typed

    def _put_back(self, typed: dict[str, Any]) -> None:
        for name, value in typed.items():
            if name in self.moments:
                self.moments[name].put_back((value[0], value[1]))
            elif name in self.numbers:
                self.numbers[name].setText(value)
            elif name == "whereabouts":
                self.whereabouts.setPlainText(value)
