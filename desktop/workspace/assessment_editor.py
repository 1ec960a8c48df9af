"""The needs assessment, on the youth's page: the twelve domains in a list (each "Not rated" until
someone rates it), the chosen domain to talk through and rate, "Complete this assessment" (who
and when are recorded, and it is kept as it was), "Start a reassessment" later, and what changed
over time on the second page.

Typing autosaves; a level is saved as soon as it is chosen; "Saved" appears only after the
commit. Someone else's save of the same domain is shown beside the typing, which stays.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from casefile.errors import EditConflict, WaymarkError
from desktop.forms import heading
from desktop.look import TYPE, space
from desktop.operations import assessment as ops
from desktop.operations.assessment import AssessmentScreen, AssessmentView, RatingView
from desktop.operations.runner import ChangeNotice
from desktop.operations.session import Session
from desktop.save_line import NOT_SAVED_YET, SAVED, SaveLine
from desktop.translation import RetranslateMixin
from desktop.workspace.assessment_bar import AssessmentBar
from desktop.workspace.assessment_over_time import OverTimePanel
from desktop.workspace.autosave import Autosave
from desktop.workspace.domain_list import DomainList
from desktop.workspace.domain_panel import FIELDS, DomainPanel
from desktop.workspace.editor import EditorSnapshot, register_editor
from i18n import _


class AssessmentEditor(RetranslateMixin, QWidget):
    key = "assessment"
    notices = Signal(object)  # a ChangeNotice: the assessment changed

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assessment-editor")
        self._session = session
        self.youth_id: int | None = None
        self.shown = AssessmentScreen(None, [])
        self.ratings: dict[str, RatingView] = {}  # the shown assessment's, as saved
        self.domain = ops.domains()[0].id  # the domain shown
        self._own_notice: ChangeNotice | None = None
        self.autosave = Autosave(self._save, self)
        self.saving = SaveLine()
        self.save_state = self.saving.label
        self.pages = QStackedWidget()
        self.pages.addWidget(self._empty_page())
        self.pages.addWidget(self._assessment_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.save_state)
        self.start_button.clicked.connect(self._start)
        self.bar.reassess_requested.connect(self._start)
        self.bar.asking.connect(self.autosave.flush)
        self.bar.complete_confirmed.connect(self._complete)
        self.bar.print_requested.connect(self._print)
        self.list.currentRowChanged.connect(self._chosen)
        self.views.currentChanged.connect(lambda _index: self._show_over_time())
        self.panel.edited.connect(self._edited)
        self.panel.level_chosen.connect(self._level_chosen)
        self.panel.keep_mine.connect(self._keep_mine)
        self.panel.use_theirs.connect(self._use_theirs)
        self.retranslate_ui()

    def _empty_page(self) -> QWidget:
        page = QWidget()
        self.empty_title = heading(scale=TYPE.subtitle)
        self.empty_text = QLabel()
        self.empty_text.setObjectName("empty-state")
        self.empty_text.setWordWrap(True)
        self.start_button = QPushButton()
        self.start_button.setObjectName("start-assessment")
        self.start_button.setDefault(True)
        row = QHBoxLayout()
        row.addWidget(self.start_button)
        row.addStretch(1)
        column = QVBoxLayout(page)
        column.addWidget(self.empty_title)
        column.addWidget(self.empty_text)
        column.addLayout(row)
        column.addStretch(1)
        return page

    def _assessment_page(self) -> QWidget:
        page = QWidget()
        self.bar = AssessmentBar()
        self.list = DomainList()
        self.panel = DomainPanel()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.panel)
        rating = QWidget()
        beside = QHBoxLayout(rating)
        beside.setContentsMargins(0, space(2), 0, 0)
        beside.addWidget(self.list)
        beside.addWidget(scroll, 1)
        self.over_time = OverTimePanel()
        self.views = QTabWidget()
        self.views.setObjectName("assessment-views")
        self.views.addTab(rating, "")
        self.views.addTab(self.over_time, "")
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.bar)
        column.addWidget(self.views, 1)
        return page

    def retranslate_ui(self) -> None:
        self.empty_title.setText(_("No needs assessment yet"))
        self.empty_text.setText(_(
            "Go through each part of the young person's life together: what is going well, "
            "what is hard, and how much it matters to them right now. Rate only what you have "
            "talked about; the rest stays \"Not rated\"."))
        self.start_button.setText(_("Start a needs assessment"))
        self.views.setTabText(0, _("Domains"))
        self.views.setTabText(1, _("Change over time"))
        self.list.fill(self.ratings, self.shown.previous())
        self.saving.again()

    # the editor protocol (editor.py)
    def tab_title(self) -> str:
        return _("N&eeds assessment")

    def load(self, youth_id: int) -> None:
        self.autosave.flush()
        self.youth_id = youth_id
        self._show_screen(ops.open_screen(self._session, youth_id))
        self.saving.say("")

    def flush(self) -> None:
        self.autosave.flush()

    def has_unsaved(self) -> bool:
        return bool(self._typed()) or self.panel.theirs is not None

    def snapshot(self) -> EditorSnapshot:
        self.flush()
        typed = self.panel.values() if self.has_unsaved() else {}  # the screen as it was
        unsaved = {"domain": self.domain, "typed": typed,
                   "base": self._rating(self.domain).version,  # what the typing changes
                   "view": self.views.currentIndex()}
        return EditorSnapshot(unsaved, self.saving.state)

    def restore(self, snapshot: EditorSnapshot) -> None:
        unsaved: dict[str, Any] = snapshot.unsaved
        if unsaved.get("domain") in self.ratings:
            self._select(unsaved["domain"])
        self.views.setCurrentIndex(int(unsaved.get("view", 0)))
        if unsaved.get("typed") and self._editable():
            self.panel.put_back(unsaved["typed"])
            saved = self._rating(self.domain)
            if saved.version != unsaved.get("base"):  # saved elsewhere meanwhile: ask first
                self.panel.in_conflict(saved)
                self.saving.say(EditConflict())
                return
            self._edited()
        elif isinstance(snapshot.save_state, str | WaymarkError):
            self.saving.say(snapshot.save_state)

    def accept(self, notice: ChangeNotice) -> None:
        """Another screen changed this youth's assessment: show it again (typing kept)."""
        if self.youth_id is not None and notice.youth_id == self.youth_id and \
                notice.kind == ops.KIND and notice is not self._own_notice and \
                not self.has_unsaved():
            self.load(self.youth_id)

    # showing
    @property
    def current(self) -> AssessmentView | None:
        return self.shown.current

    def _editable(self) -> bool:
        return self.current is not None and not self.current.completed

    def _show_screen(self, screen: AssessmentScreen) -> None:
        self.shown = screen
        self.ratings = dict(screen.current.ratings) if screen.current else {}
        self.pages.setCurrentIndex(0 if screen.current is None else 1)
        self._show_status()
        self.list.fill(self.ratings, screen.previous())
        self._select(self.domain if self.domain in self.ratings else ops.domains()[0].id)
        self._show_over_time()

    def _show_over_time(self) -> None:
        """What changed, with the draft's levels as they are saved now."""
        current = self.current
        if current is not None and not current.completed:
            current = replace(current, ratings=dict(self.ratings))
        self.over_time.show_screen(replace(self.shown, current=current), self.domain)

    def _show_status(self) -> None:
        rated = sum(1 for rating in self.ratings.values() if rating.rated)
        self.bar.show_view(self.current, rated, len(self.ratings))

    def _rating(self, domain: str) -> RatingView:
        return self.ratings.get(domain) or RatingView(domain)

    def _select(self, domain: str) -> None:
        self.list.choose_quietly(domain)
        self._show_domain(domain)

    def _chosen(self, row: int) -> None:
        self.autosave.flush()
        if self.has_unsaved():  # a refused save or a conflict: stay, with the typing
            self.list.choose_quietly(self.domain)
            return
        domain = self.list.domain_at(row)
        if domain is not None:
            self._show_domain(domain)
            self.saving.say("")

    def _show_domain(self, domain: str) -> None:
        self.domain = domain
        previous = self.shown.previous()
        content = next(d for d in ops.domains() if d.id == domain)
        self.panel.show_rating(content, self._rating(domain),
                               previous.rating(domain) if previous else None,
                               not self._editable())

    def _refresh_item(self, domain: str) -> None:
        """Say the domain's level again in the list (and the count of rated ones)."""
        self.list.say_level(domain, self._rating(domain).level)
        self._show_status()

    # saving
    def _typed(self) -> dict[str, Any]:
        """What is on screen for the shown domain and differs from what is saved."""
        if not self._editable():
            return {}
        saved = self._rating(self.domain)
        return {name: value for name, value in self.panel.values().items()
                if value != getattr(saved, name)}

    def _edited(self) -> None:
        self.saving.say(NOT_SAVED_YET)
        self.autosave.touch()

    def _level_chosen(self) -> None:
        self._edited()
        self.autosave.flush()

    def _save(self) -> None:
        view = self.current
        if view is None or not self._editable():
            return
        if self.panel.theirs is not None:  # nothing is saved until the person chooses
            self.saving.say(EditConflict())
            return
        typed = self._typed()
        if not typed:
            self.saving.say(SAVED)
            return
        saved = self._rating(self.domain)
        try:
            rating = ops.save_rating(self._session, view, saved, typed)
        except EditConflict as error:  # someone else saved it first: show theirs, keep typing
            self.panel.in_conflict(ops.assessment_now(self._session, view.id)
                                   .rating(self.domain))
            self.saving.say(error)
            return
        except WaymarkError as error:
            self.saving.say(error)
            return
        self.ratings[rating.domain] = rating
        self._refresh_item(rating.domain)
        self.saving.say(SAVED)
        self._announce()

    def _keep_mine(self) -> None:
        theirs = self.panel.theirs
        if theirs is not None:
            self.ratings[theirs.domain] = theirs
            self.panel.conflict_settled()
            self._save()

    def _use_theirs(self) -> None:
        theirs = self.panel.theirs
        if theirs is not None:
            self.ratings[theirs.domain] = theirs
            self.panel.conflict_settled()
            self.panel.put_back({name: getattr(theirs, name) for name in FIELDS}, quiet=True)
            self._refresh_item(theirs.domain)
            self.saving.say(SAVED)

    def _start(self) -> None:
        if self.youth_id is None:
            return
        self.autosave.flush()
        try:
            ops.start_assessment(self._session, self.youth_id)
        except WaymarkError as error:
            self.saving.say(error)
            return
        self.domain = ops.domains()[0].id
        self.views.setCurrentIndex(0)
        self._show_screen(ops.open_screen(self._session, self.youth_id))
        self.saving.say("")
        self._announce()
        self.list.setFocus()

    def _complete(self) -> None:
        view = self.current
        if view is None or self.youth_id is None:
            return
        self.autosave.flush()
        if self.has_unsaved():  # a conflict or a refused save: settle it first
            return
        try:
            ops.complete(self._session, view)
        except WaymarkError as error:
            self.saving.say(error)
            return
        self._show_screen(ops.open_screen(self._session, self.youth_id))
        self.saving.say(SAVED)
        self._announce()

    def _announce(self) -> None:
        self._own_notice = ChangeNotice(self.youth_id, ops.KIND)
        self.notices.emit(self._own_notice)

    def _print(self) -> None:
        """The assessment and action plan for the case file, with every word typed saved first;
        what is printed is read once, as it stands now."""
        self.autosave.flush()
        if self.youth_id is None:
            return
        from desktop.operations import assessment_printing
        from desktop.printing.assessment_dialog import open_assessment_print_dialog  # ReportLab:
        # loaded when a copy is first printed, not with every workspace

        try:
            printout = assessment_printing.gather(self._session, self.youth_id,
                                                  ops.clock().date())
        except WaymarkError as error:
            self.saving.say(error)
            return
        self.print_dialog = open_assessment_print_dialog(self, self._session, self.youth_id,
                                                         lambda _language: printout)


register_editor(AssessmentEditor)
