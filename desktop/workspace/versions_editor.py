"""The youth's agreed plan versions (date, who agreed, whether the young person signed, the
review date) and "What changed" between any two of them, in words a caseworker can read aloud:
each change names its section and what was added, removed or changed, with the words before and
after side by side."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casefile.errors import WaymarkError
from desktop.forms import heading, message_label
from desktop.look import TYPE
from desktop.operations import lifecycle
from desktop.operations import plan as plan_ops
from desktop.operations.runner import ChangeNotice
from desktop.operations.session import Session
from desktop.operations.types import (
    ADDED,
    KINDS,
    REMOVED,
    Change,
    ItemView,
    VersionSummary,
)
from desktop.translation import RetranslateMixin
from desktop.workspace.editor import EditorSnapshot
from i18n import N_, _
from i18n.formatting import format_date

WHAT = {ADDED: N_("Added: {thing}"), REMOVED: N_("Taken out: {thing}")}
EDITED_WHAT = N_("Changed: {thing}")


class VersionsEditor(RetranslateMixin, QWidget):
    key = "versions"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("plan-versions")
        self._session = session
        self.youth_id: int | None = None
        self.versions: list[VersionSummary] = []
        self.changes: list[Change] = []
        self._nothing_changed = False  # the two versions compared are the same
        self.title = heading(scale=TYPE.subtitle)
        self.empty = QLabel()
        self.empty.setObjectName("empty-state")
        self.empty.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("versions")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.older, self.newer = QComboBox(), QComboBox()
        self.older.setObjectName("older")
        self.newer.setObjectName("newer")
        self.older_label, self.newer_label = QLabel(), QLabel()
        self.older_label.setBuddy(self.older)
        self.newer_label.setBuddy(self.newer)
        self.compare_button = QPushButton()
        self.compare_button.setObjectName("what-changed")
        self.changes_table = QTableWidget(0, 3)
        self.changes_table.setObjectName("changes")
        self.changes_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.changes_table.setWordWrap(True)
        self.changes_table.verticalHeader().hide()
        self.changes_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.message = message_label()
        choose = QHBoxLayout()
        for widget in (self.older_label, self.older, self.newer_label, self.newer):
            choose.addWidget(widget)
        choose.addWidget(self.compare_button)
        choose.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(choose)
        layout.addWidget(self.changes_table, 2)
        layout.addWidget(self.message)
        self.compare_button.clicked.connect(self.compare)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(_("Agreed versions of the safety plan"))
        self.empty.setText(_("No version has been agreed yet. A plan is agreed on its last "
                             "section, Agreement, when you and the young person sign it."))
        self.table.setHorizontalHeaderLabels([
            _("Version"), _("Agreed on"), _("Agreed by"), _("Young person"), _("Next review")])
        self.changes_table.setHorizontalHeaderLabels([
            _("What changed"), _("Before"), _("Now")])
        self.older_label.setText(_("Compare version"))
        self.newer_label.setText(_("with version"))
        self.compare_button.setText(_("&What changed"))
        self._fill_versions()
        self._fill_changes()

    # the editor protocol (editor.py)
    def tab_title(self) -> str:
        return _("&Versions")

    def load(self, youth_id: int) -> None:
        self.youth_id = youth_id
        self.versions = lifecycle.list_versions(self._session, youth_id)
        self.changes = []
        self._nothing_changed = False
        for combo in (self.older, self.newer):  # the latest against the one before
            combo.clear()
        self._fill_versions()
        self._fill_changes()
        if len(self.versions) >= 2:
            self.compare()

    def flush(self) -> None:
        """Nothing here is typed."""

    def has_unsaved(self) -> bool:
        return False

    def snapshot(self) -> EditorSnapshot:
        return EditorSnapshot()

    def restore(self, snapshot: EditorSnapshot) -> None:
        """Nothing to put back."""

    def accept(self, notice: ChangeNotice) -> None:
        if self.youth_id is not None and notice.youth_id == self.youth_id \
                and notice.kind == plan_ops.KIND:
            self.load(self.youth_id)

    # showing
    def _fill_versions(self) -> None:
        self.empty.setVisible(not self.versions)
        self.table.setRowCount(len(self.versions))
        for row, version in enumerate(self.versions):
            signed = _("Signed") if version.youth_signed else _("Chose not to sign")
            cells = (str(version.number), format_date(version.agreed_at.date()),
                     version.agreed_by, signed, format_date(version.review_on))
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        for combo, default in ((self.older, 1), (self.newer, 0)):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for version in self.versions:
                combo.addItem(str(version.number), version.plan_id)
            found = combo.findData(chosen)
            combo.setCurrentIndex(found if found >= 0 else min(default, combo.count() - 1))
            combo.blockSignals(False)
        self.compare_button.setEnabled(len(self.versions) >= 2)

    def compare(self) -> None:
        older, newer = self.older.currentData(), self.newer.currentData()
        if older is None or newer is None:
            return
        try:
            self.changes = lifecycle.what_changed(self._session, older, newer)
        except WaymarkError as error:
            self.message.show_error(error.user_message())
            return
        self._nothing_changed = not self.changes
        self._fill_changes()

    def _fill_changes(self) -> None:
        self.message.setText(_("Nothing changed between these versions.")
                             if self._nothing_changed else "")
        self.changes_table.setRowCount(len(self.changes))
        for row, change in enumerate(self.changes):
            thing = _thing(change)
            what = _(WHAT.get(change.what, EDITED_WHAT)).format(thing=thing)
            cells = (what, _words(change.before), _words(change.after))
            for column, text in enumerate(cells):
                self.changes_table.setItem(row, column, QTableWidgetItem(text))
        self.changes_table.resizeRowsToContents()


def _thing(change: Change) -> str:
    """What an item is, in the section's words: "My safe people — Safe person"."""
    content = plan_ops.content()
    try:
        section = content.section(change.section)
    except KeyError:
        return _(KINDS[change.kind].title)
    item = change.after or change.before
    key = item.content_key if item else ""
    named = {q.id: q.text for q in section.questions} | {c.id: c.text for c in section.checks}
    named |= {line.id: line.name for line in content.helplines}
    what = named.get(key) or _(KINDS[change.kind].title)
    return f"{section.title} — {what}"


def _words(item: ItemView | None) -> str:
    if item is None:
        return ""
    words = " · ".join(value for value in item.values.values() if value)
    notes = []
    if item.keep_off_print:
        notes.append(_("kept off the printed copy"))
    # the young person's words keep their own direction inside a right-to-left table
    return f"\u2068{words}\u2069" + (f" ({', '.join(notes)})" if notes else "")
