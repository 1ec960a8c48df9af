"""The youth profile editor. Every edit autosaves; "Saved" appears only after the commit."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from casefile.errors import WaymarkError
from desktop.forms import heading, message_label
from desktop.look import MessageKind
from desktop.operations import youth as ops
from desktop.operations.runner import ChangeNotice
from desktop.operations.session import Session
from desktop.operations.types import StaffChoice, YouthRecord
from desktop.translation import RetranslateMixin
from desktop.workspace.autosave import Autosave
from desktop.workspace.editor import EditorSnapshot
from desktop.workspace.fields import ChoiceField, DateEntry, FieldForm, NotesField, TextField
from i18n import LANGUAGES, N_, _
from i18n.formatting import format_date, format_time

LIKELY_AGE = 15  # the calendar of an empty date of birth opens this many years ago
SaveState = str | WaymarkError  # a message marked with N_ ("Saved", "Not saved yet"), or an error


class YouthProfile(RetranslateMixin, QWidget):
    """The first editor of the youth's page (see editor.py), and the one that adds a youth."""

    key = "profile"
    saved = Signal(object)  # the YouthRecord just committed

    # the fields, in the order shown: each edits the YouthRecord attribute of its name
    legal_name = TextField(N_("&Name"))
    preferred_name = TextField(N_("Name they &go by"))
    date_of_birth = DateEntry(N_("Date of &birth"), opens_years_ago=LIKELY_AGE)
    pronouns = TextField(N_("&Pronouns"), hint=N_("for example: she/her, he/him, they/them"))
    preferred_language = ChoiceField(N_("&Language for printed copies"))
    placement_notes = NotesField(N_("Placement and &contact notes"))
    placement_changed_on = DateEntry(N_("Placement last changed &on"))
    caseworker_id = ChoiceField(N_("&Caseworker"))
    review_due_on = DateEntry(N_("Next plan &review"))

    def __init__(self, session: Session, caseworkers: list[StaffChoice],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.record: YouthRecord | None = None
        self._state: SaveState = ""
        self.autosave = Autosave(self._save, self)
        self._build_fields(caseworkers)
        self._build_layout()
        self.fields.watch(self._edited)
        self.status_button.clicked.connect(self._toggle_status)
        self.retranslate_ui()

    # construction
    def _build_fields(self, caseworkers: list[StaffChoice]) -> None:
        self.title = heading()
        for lang in LANGUAGES:
            self.preferred_language.addItem(lang.native_name, lang.code)
        self.caseworker_id.setEnabled(self._session.may_reassign)
        self.caseworker_id.addItem("", None)
        for person in caseworkers:
            self.caseworker_id.addItem(person.display_name, person.id)
        self._choosable = self.caseworker_id.count()  # more: a caseworker outside the team
        self.status_text = QLabel()
        self.status_button = QPushButton()
        self.save_state = message_label()
        self.save_state.setObjectName("save-state")
        self.emergency_banner = message_label(MessageKind.WARNING)
        self.emergency_banner.setObjectName("emergency-banner")
        self.emergency_banner.setVisible(False)

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields = FieldForm(self, form)
        self.labels = self.fields.labels
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_text, 1)
        status_row.addWidget(self.status_button)
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.addWidget(self.title)
        inner.addLayout(form)
        inner.addLayout(status_row)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.emergency_banner)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.save_state)

    def retranslate_ui(self) -> None:
        self.fields.retranslate()
        self.caseworker_id.setItemText(0, _("Not assigned"))
        if self.caseworker_id.count() > self._choosable:
            self.caseworker_id.setItemText(self._choosable, _("Another caseworker"))
        self._show_title_and_status()
        self._show_state()

    # showing a youth
    def start_new(self) -> None:
        self.autosave.flush()
        self.record = None
        self._fill(None)
        self._set_state("")
        self.legal_name.setFocus()

    def show_record(self, record: YouthRecord) -> None:
        self.autosave.flush()
        self.record = record
        self._fill(record)
        self._set_state("")

    def _new_youth_defaults(self) -> YouthRecord:
        return self._session.new_youth_defaults()

    def _fill(self, record: YouthRecord | None) -> None:
        values = record or self._new_youth_defaults()
        self.fields.fill(values, skip={"caseworker_id"})
        self._select_caseworker(values.caseworker_id)
        self._show_title_and_status()

    def _select_caseworker(self, caseworker_id: int | None) -> None:
        """Show the youth's caseworker, also one this person may not assign (a youth opened
        with emergency access, a disabled account), so that saving keeps them assigned."""
        combo = self.caseworker_id
        while combo.count() > self._choosable:
            combo.removeItem(combo.count() - 1)
        if caseworker_id is not None and combo.findData(caseworker_id) < 0:
            combo.addItem(_("Another caseworker"), caseworker_id)
        combo.setCurrentIndex(max(combo.findData(caseworker_id), 0))

    def _show_title_and_status(self) -> None:
        record = self.record
        until = record.emergency_until if record is not None else None
        self.emergency_banner.setVisible(until is not None)
        self.emergency_banner.setText(_(
            "Emergency access until {time} — recorded in the audit trail"
        ).format(time=format_time(until)) if until else "")
        if record is None:
            self.title.setText(_("New youth"))
            self.status_text.setText(_("Not saved yet: type a name to add this youth."))
            self.status_button.setVisible(False)
            return
        self.title.setText(record.display_name)
        self.status_button.setVisible(True)
        if record.closed:
            self.status_text.setText(_("Case closed on {date}.").format(
                date=format_date(record.closed_at.date() if record.closed_at else None)))
            self.status_button.setText(_("Reopen case"))
        else:
            self.status_text.setText(_("Case open."))
            self.status_button.setText(_("Close case"))
        self.status_button.setAccessibleName(self.status_button.text())

    # editing and saving
    def values(self) -> dict[str, Any]:
        return self.fields.values()

    def _edited(self) -> None:
        self._set_state(N_("Not saved yet"))
        self.autosave.touch()

    def _changes(self) -> dict[str, Any]:
        values = self.values()
        if self.record is None:
            return values
        return {k: v for k, v in values.items() if getattr(self.record, k) != v}

    def unsaved(self) -> dict[str, Any]:
        """The values on screen that differ from what is saved (or from a blank new youth), and
        the text of a date field that is not a date (yet), to be put back as typed."""
        return self.fields.differing(self.record or self._new_youth_defaults())

    def restore_unsaved(self, values: dict[str, Any]) -> None:
        """Put typing kept over a lock back in the fields, and save it again."""
        if not values:
            return
        self.fields.put_back(values)
        self._edited()

    def _save(self) -> None:
        changes = self._changes()
        if not changes:
            self._set_state(N_("Saved") if self.record else "")
            return
        try:
            if self.record is None:
                record = ops.add_youth(self._session, changes)
            else:
                record = ops.save_profile(self._session, self.record.id, self.record.row_version,
                                          changes)
        except WaymarkError as error:
            self._set_state(error)
            return
        self._committed(record, changes)

    def _committed(self, record: YouthRecord, sent: dict[str, Any] | None = None) -> None:
        if self.record is not None and self.record.id == record.id:  # still emergency access
            record = replace(record, emergency_until=self.record.emergency_until)
            # What the save itself changed besides what was sent (a placement change brings
            # the review nearer) is shown; nothing being typed is touched.
            moved = {f.name for f in self.fields.fields if f.name not in (sent or {})
                     and getattr(self.record, f.name) != getattr(record, f.name)}
            self.fields.fill(record, skip={f.name for f in self.fields.fields} - moved)
        self.record = record
        self._select_caseworker(record.caseworker_id)
        self._set_state(N_("Saved"))
        self._show_title_and_status()
        self.saved.emit(record)

    def _toggle_status(self) -> None:
        self.autosave.flush()
        if self.record is None:
            return
        action = ops.reopen_case if self.record.closed else ops.close_case
        try:
            self._committed(action(self._session, self.record))
        except WaymarkError as error:
            self._set_state(error)

    # the editor protocol (editor.py)
    def tab_title(self) -> str:
        return _("Pro&file")

    def load(self, youth_id: int) -> None:
        self.show_record(ops.open_profile(self._session, youth_id))

    def flush(self) -> None:
        self.autosave.flush()

    def has_unsaved(self) -> bool:
        return bool(self.unsaved())

    def snapshot(self) -> EditorSnapshot:
        return EditorSnapshot(self.unsaved(), self.save_state_now())

    def restore(self, snapshot: EditorSnapshot) -> None:
        if snapshot.unsaved:
            self.restore_unsaved(snapshot.unsaved)
        elif isinstance(snapshot.save_state, str | WaymarkError):
            self.show_save_state(snapshot.save_state)

    def accept(self, notice: ChangeNotice) -> None:
        """Nothing another screen changes is shown here yet (a plan does not change a
        profile)."""

    def save_state_now(self) -> SaveState:
        """What the "Saved" line says (kept over a lock)."""
        return self._state

    def show_save_state(self, state: SaveState) -> None:
        """Say again what the "Saved" line said before a lock."""
        self._set_state(state)

    def _set_state(self, state: SaveState) -> None:
        self._state = state
        self._show_state()

    def _show_state(self) -> None:
        state = self._state
        if isinstance(state, WaymarkError):
            self.save_state.show_error(state.user_message())
            return
        text = _(state) if state else ""
        kind = MessageKind.SUCCESS if state == N_("Saved") else MessageKind.INFO
        if state == N_("Saved") and self.record and self.record.updated_at:
            text = _("Saved at {time}").format(time=format_time(self.record.updated_at))
        self.save_state.show_message(text, kind)
