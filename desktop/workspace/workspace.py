"""The signed-in workspace: youth list on one side, the chosen youth's profile on the other."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from casefile.errors import WaymarkError
from desktop import look
from desktop.admin.roles import roles_text
from desktop.forms import message_label
from desktop.look import MessageKind
from desktop.operations import youth as ops
from desktop.operations.runner import ChangeNotice
from desktop.operations.session import Session
from desktop.operations.types import YouthRecord
from desktop.operations.youth import FirstView, ListView
from desktop.translation import RetranslateMixin
from desktop.workspace import assessment_editor  # noqa: F401  (it registers the Needs assessment tab)
from desktop.workspace.documents_editor import DocumentsEditor
from desktop.workspace.editor import EditorSnapshot, YouthEditor, as_widget, registered_editors
from desktop.workspace.focus import FocusPlace, focused_place, restore_focus
from desktop.workspace.goals_editor import GoalsEditor  # registers the Goals and steps tab
from desktop.workspace.missing_editor import MissingEditor
from desktop.workspace.plan_editor import PlanEditor
from desktop.workspace.profile import YouthProfile
from desktop.workspace.versions_editor import VersionsEditor
from desktop.workspace.youth_list import YouthListPanel

if TYPE_CHECKING:
    from desktop.workspace.due_view import DueDialog
from i18n import _

NAMES_ONLY_WIDTH = 260  # px: the youth list beside a safety plan, wide enough for a full name


class SessionBar(RetranslateMixin, QWidget):
    """Who is signed in, and in which role, always in view above the workspace. Never a
    youth's name: the window's title and this bar are what a passer-by sees first."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.setObjectName("session-bar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._session = session
        self.name = QLabel(session.display_name)
        self.name.setObjectName("session-name")
        self.role = QLabel()
        self.role.setObjectName("session-role")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(look.space(4), look.space(2), look.space(4), look.space(2))
        layout.setSpacing(look.space(3))
        layout.addWidget(self.name)
        layout.addWidget(self.role)
        layout.addStretch(1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        roles = roles_text(self._session.roles)
        self.role.setText(roles)
        self.setAccessibleName(_("Signed in as {name} ({roles})").format(
            name=self._session.display_name, roles=roles))


class Workspace(RetranslateMixin, QWidget):
    def __init__(self, session: Session, demo: bool = False, parent: QWidget | None = None,
                 first: FirstView | None = None) -> None:
        """`first`: what to show first, when it was read off the GUI thread (at sign-in)."""
        super().__init__(parent)
        self.session = session
        self._demo = demo
        caseworkers = first.caseworkers if first else ops.load_caseworkers(session)
        self._caseworker_names = {c.id: c.display_name for c in caseworkers}
        self.banner = message_label(MessageKind.INFO)
        self.banner.setObjectName("demo-banner")
        if not demo:  # hidden only: shown before it has a parent, it would be a window
            self.banner.hide()
        self.session_bar = SessionBar(session)
        self.list_panel = YouthListPanel()
        self.list_panel.no_team = session.is_supervisor and not any(
            person.id != session.user_id for person in caseworkers)
        self.profile = YouthProfile(session, caseworkers)
        self.plan = PlanEditor(session)
        self.versions = VersionsEditor(session)
        self.missing = MissingEditor(session)
        self.documents = DocumentsEditor(session)
        self.editors: list[YouthEditor] = [self.profile, self.plan, self.versions, self.missing]
        self.editors += [make(session) for make in registered_editors()]
        self.editors.append(self.documents)
        for editor in self.editors[4:]:  # what a registered editor changed, every editor hears
            notices = getattr(editor, "notices", None)
            if isinstance(notices, SignalInstance):
                notices.connect(self.broadcast)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("youth-page")
        self.tabs.setDocumentMode(True)
        for editor in self.editors:
            self.tabs.addTab(as_widget(editor), "")
        self.empty = QLabel()
        self.empty.setObjectName("empty-state")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.right = QStackedWidget()
        self.right.addWidget(self.empty)
        self.right.addWidget(self.tabs)
        self.splitter = splitter = QSplitter()
        splitter.addWidget(self.list_panel)
        splitter.addWidget(self.right)
        self._names_only = False  # the list beside a youth's safety plan: narrow, names only
        self._list_widths: dict[bool, int] = {}  # the list's width in each, as last left
        self._set_stretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.session_bar)
        page = QVBoxLayout()
        page.setContentsMargins(*(look.space(4),) * 4)
        page.setSpacing(look.space(3))
        page.addWidget(self.banner)
        page.addWidget(splitter, 1)
        layout.addLayout(page, 1)
        if not session.sees_cases:  # an administrator only: accounts and backups, no cases
            from desktop.admin.admin_home import AdminHome

            splitter.hide()
            page.addWidget(AdminHome(session.display_name), 1)
        self.tabs.currentChanged.connect(self._fit_list)
        self.right.currentChanged.connect(self._fit_list)
        self.list_panel.chosen.connect(self.open_youth)
        self.list_panel.new_requested.connect(self.new_youth)
        self.profile.saved.connect(self._saved)
        self.plan.notices.connect(self._plan_changed)
        self.missing.notices.connect(self._plan_changed)  # a return brings the review nearer
        self.missing.plan_requested.connect(self._plan_from_debrief)
        for editor in self.editors:  # editors whose saves change the list's flags (editor.py)
            flags_changed = getattr(editor, "flags_changed", None)
            if isinstance(flags_changed, SignalInstance):
                flags_changed.connect(self._flags_changed)
        self.list_panel.due_requested.connect(self.show_due)
        self.documents.leaving_changed.connect(self._documents_flags)
        self.due: DueDialog | None = None
        self._show_list(first.list if first else ops.load_list_view(session))
        self.retranslate_ui()

    def _set_stretch(self) -> None:
        """How a change of the window's width is shared: the plan takes it all beside a
        names-only list; otherwise the list takes three parts to the youth's page's two."""
        self.splitter.setStretchFactor(0, 0 if self._names_only else 3)
        self.splitter.setStretchFactor(1, 1 if self._names_only else 2)

    def showEvent(self, event: QShowEvent) -> None:
        """At first, with no youth open, the list is what there is to look at: three fifths."""
        super().showEvent(event)
        total = sum(self.splitter.sizes())
        if not self._list_widths and not self._names_only and total > 0:
            self._list_widths[False] = total * 3 // 5
            self.splitter.setSizes([total * 3 // 5, total - total * 3 // 5])

    def _fit_list(self) -> None:
        """While a youth's plan, versions or episodes are shown, the list keeps only its names
        and gives the page the rest of the width; with the profile, or none, every column
        and its earlier width again. A width the person drags the divider to is kept for the
        next time."""
        beyond_profile = self.tabs.currentWidget() is not self.profile
        names_only = self.right.currentWidget() is self.tabs and beyond_profile
        if names_only == self._names_only:
            self._fit_tabs()
            return
        sizes = self.splitter.sizes()
        total = sum(sizes)
        if total > 0:
            self._list_widths[self._names_only] = sizes[0]
        self._names_only = names_only
        self.list_panel.show_names_only(names_only)
        self._set_stretch()
        if total > 0:
            narrow = max(NAMES_ONLY_WIDTH, self.list_panel.minimumSizeHint().width())
            width = self._list_widths.get(names_only, narrow if names_only else total * 3 // 5)
            self.splitter.setSizes([width, total - width])
        self._fit_tabs()

    def _fit_tabs(self) -> None:
        """With every column beside a youth's profile, the list leaves the page room for all
        of its tabs (the columns scroll sideways), so no tab is hidden behind scroll arrows."""
        sizes = self.splitter.sizes()
        total = sum(sizes)
        if self._names_only or self.right.currentWidget() is not self.tabs or total <= 0:
            return
        wanted = self.tabs.tabBar().sizeHint().width() + look.space(4)
        if sizes[1] < wanted:
            width = max(self.list_panel.minimumSizeHint().width(), total - wanted)
            self.splitter.setSizes([width, total - width])

    def retranslate_ui(self) -> None:
        for position, editor in enumerate(self.editors):
            self.tabs.setTabText(position, editor.tab_title())
        self.empty.setText(_("Choose a youth from the list, or add a new one."))
        self.banner.setText(_(
            "Demo: every youth here is made up. This practice data is deleted when Waymark closes."
        ))

    def reload_list(self) -> None:
        """Read the youth list again, marking the youth reached through emergency access."""
        self._show_list(ops.load_list_view(self.session))

    def _show_list(self, view: ListView) -> None:
        self.list_panel.model.emergency = view.emergency
        self.list_panel.model.plans = view.plans
        self.list_panel.model.alerts = view.alerts
        self.list_panel.set_rows(view.rows, view.keys)

    def show_emergency(self, youth_id: int) -> None:
        """Show a youth just opened with emergency access, in the list and the profile."""
        self.reload_list()
        self.list_panel.select(youth_id)
        self.open_youth(youth_id)

    def open_youth(self, youth_id: int) -> None:
        if self.profile.record is not None and self.profile.record.id == youth_id:
            return
        self.finish()
        try:
            for editor in self.editors:
                editor.load(youth_id)
        except WaymarkError as error:
            self.empty.setText(error.user_message())
            self.right.setCurrentWidget(self.empty)
            return
        self._enable_other_editors(True)
        self.right.setCurrentWidget(self.tabs)

    def new_youth(self) -> None:
        self.finish()
        self.profile.start_new()
        self._enable_other_editors(False)  # until the new youth is saved
        self.list_panel.select(-1)
        self.tabs.setCurrentWidget(self.profile)
        self.right.setCurrentWidget(self.tabs)
        self.profile.legal_name.setFocus()

    def _enable_other_editors(self, enabled: bool) -> None:
        for position in range(1, self.tabs.count()):
            self.tabs.setTabEnabled(position, enabled)

    def broadcast(self, notice: ChangeNotice) -> None:
        """Tell every editor what changed (they show only what is about their youth)."""
        for editor in self.editors:
            editor.accept(notice)

    def _plan_changed(self, notice: ChangeNotice) -> None:
        """A plan was started or agreed, or an episode saved: the list's plan and alert
        columns follow, and the profile and list show the review date that moved."""
        self.list_panel.model.set_plans(ops.load_plan_states(self.session))
        self.list_panel.model.set_alerts(ops.load_alerts(self.session))
        record = self.profile.record
        if record is not None and record.id == notice.youth_id:
            record = ops.open_profile(self.session, record.id)
            self.profile.show_record(record)
            name = self._caseworker_names.get(record.caseworker_id or -1, "")
            self.list_panel.upsert(ops.summary_of(record, name))
        self.broadcast(notice)

    def _documents_flags(self) -> None:
        """What leaving care asks of a youth changed: the list's "Documents before 18"
        follows."""
        self.list_panel.model.set_alerts(ops.load_alerts(self.session))

    def _flags_changed(self, notice: ChangeNotice) -> None:
        """What is overdue for a youth changed (a step or a referral saved): the list's
        "Needs attention" column and an open "Due this week" follow."""
        self.list_panel.model.set_alerts(ops.load_alerts(self.session))
        record = self.profile.record
        if record is not None:
            self.list_panel.select(record.id)
        if self.due is not None:
            self.due.reload()
        self.broadcast(notice)

    def show_due(self) -> None:
        """Open "Due this week"; choosing a row opens that youth's Goals and steps tab."""
        from desktop.workspace.due_view import DueDialog

        self.finish()  # what was just typed counts
        self.due = DueDialog(self.session, self)
        self.due.chosen.connect(self._open_due)
        self.due.finished.connect(self._due_closed)
        self.due.open()

    def _due_closed(self) -> None:
        if self.due is not None:
            self.due.deleteLater()
            self.due = None

    def _open_due(self, youth_id: int, kind: str, record_id: int) -> None:
        self.list_panel.select(youth_id)
        self.open_youth(youth_id)
        goals = next((e for e in self.editors if isinstance(e, GoalsEditor)), None)
        if goals is not None and self.right.currentWidget() is self.tabs:
            self.tabs.setCurrentWidget(goals)
            goals.focus_item(kind, record_id)

    def _plan_from_debrief(self, debrief: object) -> None:
        """Change the plan with the debrief beside it (a new draft if the plan is agreed)."""
        self.tabs.setCurrentWidget(self.plan)
        self.plan.show_beside(debrief)

    def _saved(self, record: YouthRecord) -> None:
        name = self._caseworker_names.get(record.caseworker_id or -1, "")
        self.list_panel.upsert(ops.summary_of(record, name))
        if self.editors[1:] and not self.tabs.isTabEnabled(1):  # a new youth, just added
            for editor in self.editors[1:]:
                editor.load(record.id)
            self._enable_other_editors(True)
        self.broadcast(ChangeNotice(record.id, "profile"))

    def finish(self) -> None:
        """Save anything waiting in every editor; called before the workspace goes away."""
        for editor in self.editors:
            editor.flush()

    def snapshot(self) -> WorkspaceState:
        """Save what can be saved, and describe where the person was (kept in memory over a
        lock, so unlocking brings them back)."""
        self.finish()
        editing = self.right.currentWidget() is self.tabs
        record = self.profile.record
        current = self.tabs.currentWidget()
        return WorkspaceState(
            owner_id=self.session.user_id,
            search=self.list_panel.search.text(),
            youth_id=record.id if editing and record is not None else None,
            new_youth=editing and record is None,
            editors={e.key: e.snapshot() for e in self.editors} if editing else {},
            current=next((e.key for e in self.editors if as_widget(e) is current), ""),
            focus=focused_place(self),
        )

    def restore(self, state: WorkspaceState) -> None:
        """Go back to where `snapshot()` was taken: the search, the youth, each editor's typing
        and save line, the tab, and the field the person was in (if it is still there)."""
        if state.search:
            self.list_panel.search.setText(state.search)
        opened = False
        if state.youth_id is not None:
            self.open_youth(state.youth_id)
            self.list_panel.select(state.youth_id)
            record = self.profile.record
            opened = record is not None and record.id == state.youth_id
        elif state.new_youth:
            self.new_youth()
            opened = True
        if opened and self.right.currentWidget() is self.tabs:
            for editor in self.editors:
                if editor.key in state.editors:
                    editor.restore(state.editors[editor.key])
                if editor.key == state.current:
                    self.tabs.setCurrentWidget(as_widget(editor))
        restore_focus(self, state.focus)


@dataclass(frozen=True)
class WorkspaceState:
    """Where someone was when Waymark locked. Never written anywhere."""

    owner_id: int  # the staff member it belongs to
    search: str
    youth_id: int | None  # the youth open on the youth's page
    new_youth: bool  # a new youth's form was open
    editors: dict[str, EditorSnapshot] = field(default_factory=dict)  # each editor's, by key
    current: str = ""  # the editor whose tab was shown
    focus: FocusPlace | None = None  # the field the person was in
