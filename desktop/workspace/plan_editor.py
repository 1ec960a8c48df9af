"""The safety plan editor of the youth's page: a guide through the thirteen sections (any can be
opened directly, skipped and come back to) and, for the section shown, its questions, lists and
checklists, driven from `planning.content` and `planning.items`.

Every edit autosaves (debounced); "Saved" appears only after the commit. A save against an
older version (someone else saved first) is refused and says so; the typing stays on screen.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from casefile.errors import EditConflict, RecordNotFound, WaymarkError
from desktop import look
from desktop.forms import heading, message_label
from desktop.look import TYPE
from desktop.message_icons import SECTION_MARK_SIZE, section_mark
from desktop.operations import directory as directory_ops
from desktop.operations import lifecycle
from desktop.operations import plan as ops
from desktop.operations.runner import ChangeNotice
from desktop.operations.session import Session
from desktop.operations.types import (
    AGREED,
    DONE,
    KINDS,
    SKIPPED,
    HelpLine,
    ItemView,
    PlanView,
    Section,
    Signatures,
    local_line_key,
)
from desktop.save_line import NOT_SAVED_YET, SAVED, SaveLine
from desktop.translation import RetranslateMixin
from desktop.workspace.agreement_panel import AgreementPanel
from desktop.workspace.autosave import Autosave
from desktop.workspace.debrief_beside import DebriefBeside
from desktop.workspace.documents_beside import add_documents_beside
from desktop.workspace.editor import EditorSnapshot
from desktop.workspace.plan_items import ItemBox, TickRow
from i18n import N_, _
from i18n.formatting import format_date

if TYPE_CHECKING:
    from desktop.printing.print_dialog import PrintDialog

SPOKEN_MARKS = {DONE: N_("{section}, done"), SKIPPED: N_("{section}, skipped")}  # the guide's
# marks (message_icons.section_mark) as a screen reader says them


class _Words:
    """Words made when shown, so a language switch shows them anew."""

    def __init__(self, make: Callable[[], str]) -> None:
        self._make = make

    def __str__(self) -> str:
        return self._make()


def _line_words(name: object, number: str) -> str:
    """A help line's name and its number (kept left to right in any language)."""
    return f"{name} — \u2066{number}\u2069"


class _GuideRows(QStyledItemDelegate):
    """The guide's rows, each as high as its title wrapped to the width it is painted in: Qt
    measures a row without the style sheet's padding, and a title that fitted only without it
    was cut short ("Things I can do on my …") instead of taking a second line."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Any) -> QSize:
        narrower = QStyleOptionViewItem(option)
        narrower.rect.setWidth(max(0, option.rect.width() - 2 * look.LIST_ITEM_PADDING[1]))
        return super().sizeHint(narrower, index)


class PlanEditor(RetranslateMixin, QWidget):
    key = "plan"
    notices = Signal(object)  # a ChangeNotice: the youth's plan changed
    together_requested = Signal()  # the full view's "Together view" button

    def __init__(self, session: Session, parent: QWidget | None = None,
                 together: bool = False) -> None:
        """`together`: the young person's view (no guide list, no staff-only control)."""
        super().__init__(parent)
        self.setObjectName("plan-together" if together else "plan-editor")
        self._session = session
        self.together = together
        try:
            self.content = ops.content()
            self.content_error: WaymarkError | None = None
        except WaymarkError as error:  # the agency's content file has a mistake
            self.content = ops.built_in_content()
            self.content_error = error
        self.view: ops.PlanScreen | None = None
        self.youth_id: int | None = None
        self.items: dict[int, ItemView] = {}
        self.local_lines: tuple[HelpLine, ...] = ()  # the agency's own help lines to choose
        self.current = 0  # the section shown
        self.boxes: list[ItemBox] = []
        self.ticks: list[TickRow] = []
        self._words: list[tuple[Callable[[str], None], Callable[[], str]]] = []  # retranslated
        self._about_stale = False  # the profile changed since "About me" read it
        self.autosave = Autosave(self._save, self)
        self._build()
        self.retranslate_ui()

    # construction
    def _build(self) -> None:
        self.start_text = QLabel()
        self.start_text.setWordWrap(True)
        self.start_button = QPushButton()
        self.start_button.setObjectName("start-plan")
        self.start_button.setDefault(True)
        start = QWidget()
        start_layout = QVBoxLayout(start)
        start_layout.addStretch(1)
        start_layout.addWidget(self.start_text)
        start_layout.addWidget(self.start_button)
        start_layout.addStretch(2)
        self.guide = QListWidget()
        self.guide.setObjectName("plan-sections")
        self.guide.setMaximumWidth(200)
        self.guide.setWordWrap(True)  # a long title takes two lines, never cut or scrolled
        self.guide.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.guide.setIconSize(QSize(SECTION_MARK_SIZE, SECTION_MARK_SIZE))
        self.guide.setItemDelegate(_GuideRows(self.guide))
        self.together_button = QPushButton()
        self.together_button.setObjectName("together-view")
        self.print_button = QPushButton()
        self.print_button.setObjectName("print-plan")
        self.print_dialog: PrintDialog | None = None
        if self.together:  # hidden only: showing a widget before it has a parent opens a window
            self.guide.hide()
            self.together_button.hide()
            self.print_button.hide()
        for _section in self.content.sections:
            self.guide.addItem("")
        self.progress = QLabel()
        self.progress.setObjectName("list-count")
        self.agreed_line = message_label()
        self.agreed_line.setObjectName("agreed-line")
        self.new_draft_button = QPushButton()
        self.new_draft_button.setObjectName("new-draft")
        self.agreed_bar = QWidget()
        agreed_row = QHBoxLayout(self.agreed_bar)
        agreed_row.setContentsMargins(0, 0, 0, 0)
        agreed_row.addWidget(self.agreed_line, 1)
        agreed_row.addWidget(self.new_draft_button)
        self.agreed_bar.hide()
        self.agreement: AgreementPanel | None = None
        self.title = heading(scale=TYPE.subtitle)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.body)
        self.back_button, self.skip_button, self.next_button = (QPushButton() for _ in range(3))
        self.next_button.setDefault(True)
        for name, button in (("back", self.back_button), ("skip", self.skip_button),
                             ("next", self.next_button)):
            button.setObjectName(f"plan-{name}")
        nav = QHBoxLayout()
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.skip_button)
        nav.addWidget(self.next_button)
        self.saving = SaveLine()
        self.save_state = self.saving.label
        right = QVBoxLayout()
        right.setSpacing(look.space(2))
        for widget in (self.agreed_bar, self.progress, self.title, self.explain):
            right.addWidget(widget)
        right.addWidget(scroll, 1)
        right.addLayout(nav)
        right.addWidget(self.save_state)
        plan = QWidget()
        row = QHBoxLayout(plan)
        row.setContentsMargins(0, 0, 0, 0)
        left = QVBoxLayout()
        left.addWidget(self.guide, 1)
        left.addWidget(self.together_button)
        left.addWidget(self.print_button)
        row.addLayout(left)
        row.addLayout(right, 1)
        self.beside = DebriefBeside()
        row.addWidget(self.beside)
        self.pages = QStackedWidget()
        self.pages.addWidget(start)
        self.pages.addWidget(plan)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)
        self.start_button.clicked.connect(self._start)
        self.new_draft_button.clicked.connect(self._new_draft)
        self.together_button.clicked.connect(self._to_together)
        self.print_button.clicked.connect(self._print)
        self.guide.currentRowChanged.connect(self._open_section)
        self.back_button.clicked.connect(lambda: self._move(-1, None))
        self.skip_button.clicked.connect(lambda: self._move(1, SKIPPED))
        self.next_button.clicked.connect(lambda: self._move(1, DONE))

    def show_beside(self, debrief: object) -> None:
        """Change the plan after a return: a new draft if the plan is agreed, with the debrief
        (its three talks and the screen's concerns, never shown in the together view) beside."""
        if self.together or self.view is None:
            return
        if self.agreed():
            self._new_draft()
        elif self.view.plan is None:
            self._start()
        self.beside.show_debrief(debrief)

    def retranslate_ui(self) -> None:
        if self.content_error is not None:
            self.start_text.setText(self.content_error.user_message())
            self.start_button.hide()
        else:
            self.start_text.setText(_(
                "This youth has no safety plan yet. Build it together: the young person's own "
                "words, one section at a time."))
        self.start_button.setText(_("&Start a safety plan"))
        self.back_button.setText(_("&Back"))
        self.skip_button.setText(_("S&kip for now"))
        self._name_next_button()
        self.guide.setAccessibleName(_("Sections of the plan"))
        self.together_button.setText(_("&Together view"))
        self.print_button.setText(_("P&rint…"))
        self.print_button.setToolTip(_(
            "Choose a copy for the young person to keep (full plan, discreet plan or wallet "
            "card) and its language, see it, then print it."))
        self.new_draft_button.setText(_("&Change the plan"))
        self.new_draft_button.setToolTip(_(
            "Starts a new draft from this version. The agreed version stays as it is."))
        self._show_agreed()
        self.together_button.setToolTip(_(
            "Large text, the young person's words only, one section at a time. Leaving it asks "
            "for your password."))
        self.beside.retranslate()
        self._reshow_words()  # the section on screen, in the new language
        self._show_guide()
        self.saving.again()

    # the editor protocol (editor.py)
    def tab_title(self) -> str:
        return _("Safety &plan")

    def load(self, youth_id: int) -> None:
        self.autosave.flush()
        self.youth_id = youth_id
        self.beside.clear()  # another youth: no debrief beside
        self.view = ops.open_plan(self._session, youth_id)
        self.local_lines = directory_ops.plan_help_lines(self._session)
        self._show_plan(self.view.plan)
        self.saving.say("")

    def flush(self) -> None:
        self.autosave.flush()

    def has_unsaved(self) -> bool:
        return any(self._unsaved(box) for box in self.boxes)

    @staticmethod
    def _unsaved(box: ItemBox) -> bool:
        return bool(box.changes()) or box.theirs is not None

    def snapshot(self) -> EditorSnapshot:
        typing = {self._box_key(box): box.values() for box in self.boxes if self._unsaved(box)}
        return EditorSnapshot({"section": self.current, "typing": typing}, self.saving.state)

    def restore(self, snapshot: EditorSnapshot) -> None:
        unsaved: dict[str, Any] = snapshot.unsaved
        if "section" in unsaved and self.view is not None and self.view.plan is not None:
            self.guide.setCurrentRow(int(unsaved["section"]))
        typing = unsaved.get("typing", {})
        for box in self.boxes:
            if self._box_key(box) in typing:
                box.put_back(typing[self._box_key(box)])
        if typing:
            self._edited()
        elif isinstance(snapshot.save_state, str | WaymarkError):
            self.saving.say(snapshot.save_state)

    def accept(self, notice: ChangeNotice) -> None:
        """A profile saved elsewhere: "About me" shows its name and pronouns when next shown
        (read then, not at every keystroke's autosave of the profile)."""
        if notice.youth_id == self.youth_id and notice.kind == "profile":
            self._about_stale = True
        if notice.kind == directory_ops.KIND and self.youth_id is not None:  # its help lines
            self.local_lines = directory_ops.plan_help_lines(self._session)
            if self.view and self.view.plan and self.content.sections[self.current].helplines:
                self._open_section(self.current)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._about_stale and self.view is not None and self.youth_id is not None:
            self._about_stale = False
            name, pronouns = ops.name_and_pronouns(self._session, self.youth_id)
            self.view = ops.PlanScreen(self.view.plan, name, pronouns)
            self._reshow_words()

    # showing the plan
    def _show_plan(self, plan: PlanView | None) -> None:
        if self.content_error is not None:  # never a half-loaded plan: say why there is none
            plan = None
        self.items = {item.id: item for item in plan.items} if plan else {}
        self.pages.setCurrentIndex(0 if plan is None else 1)
        self.print_button.setEnabled(plan is not None)
        self._show_agreed()
        self._show_guide()
        if plan is not None:
            self.guide.blockSignals(True)
            self.guide.setCurrentRow(0)
            self.guide.blockSignals(False)
            self._open_section(0)

    def agreed(self) -> bool:
        """Whether the plan shown is an agreed version (read only; changes start a draft)."""
        plan = self.view.plan if self.view else None
        return plan is not None and plan.status == AGREED

    def _show_agreed(self) -> None:
        plan = self.view.plan if self.view else None
        self.agreed_bar.setVisible(self.agreed())
        self.skip_button.setVisible(not self.agreed())
        if plan is not None and self.agreed():
            self.agreed_line.setText(_(
                "Version {number}, agreed on {date}. An agreed plan never changes; to change "
                "it, start a new draft.").format(
                    number=plan.version or 0,
                    date=format_date(plan.agreed_at.date() if plan.agreed_at else None)))

    def _sections(self) -> dict[str, str]:
        plan = self.view.plan if self.view else None
        return dict(plan.sections) if plan else {}

    def _show_guide(self) -> None:
        states = self._sections()
        for row, section in enumerate(self.content.sections):
            state, item = states.get(section.id, ""), self.guide.item(row)
            text = f"{row + 1}. {section.title}"  # the mark is an icon: the numbers line up
            item.setText(text)
            item.setIcon(section_mark(state))
            spoken = _(SPOKEN_MARKS[state]).format(section=text) if state in SPOKEN_MARKS else text
            item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)
        done = sum(1 for s in states.values() if s == DONE)
        skipped = sum(1 for s in states.values() if s == SKIPPED)
        self.progress.setText(_("Section {number} of {count} · {done} done · {skipped} skipped")
                              .format(number=self.current + 1, count=len(self.content.sections),
                                      done=done, skipped=skipped))

    def _open_section(self, row: int) -> None:
        if row < 0 or self.view is None or self.view.plan is None:
            return
        self.autosave.flush()
        if any(box.theirs is not None for box in self.boxes):  # the typing would be lost
            self.guide.blockSignals(True)
            self.guide.setCurrentRow(self.current)
            self.guide.blockSignals(False)
            self.saving.say(WaymarkError(N_(
                "Someone else saved this section meanwhile. Choose, for each answer shown, "
                "whether to keep your words or use the saved ones, then go on.")))
            return
        self.current = row
        section = self.content.sections[row]
        self._clear_body()
        self._show_words(self.title.setText, lambda: str(section.title))
        self._show_words(self.explain.setText, lambda: str(section.explain))
        if section.id == "about-me":
            about = QLabel()
            about.setObjectName("about-from-profile")
            self._show_words(about.setText, self._about)
            self.body_layout.addWidget(about)
        add_documents_beside(self.body_layout, section.id, self._session, self.youth_id)
        self._add_questions(section)
        self._add_ticks(section)
        self._add_lists(section)  # each list's Add button closes its list
        if section.id == "agreement" and not self.together and not self.agreed():
            self._add_agreement()
        if self.agreed():
            for box in self.boxes:
                box.set_read_only()
            for tick in self.ticks:
                tick.setEnabled(False)
            for button in self.body.findChildren(QPushButton):
                if button.objectName().startswith("add-"):
                    button.hide()
        self.body_layout.addStretch(1)
        self.back_button.setEnabled(row > 0)
        self._name_next_button()
        self._show_guide()

    def _name_next_button(self) -> None:
        last = self.current == len(self.content.sections) - 1
        self.next_button.setText(_("&Done") if last else _("&Done, next section"))

    def _reshow_words(self) -> None:
        for show, words in self._words:
            show(words())

    def _show_words(self, show: Callable[[str], None], words: Callable[[], str]) -> None:
        """Show `words()` now and again after every language switch (while on screen)."""
        show(words())
        self._words.append((show, words))

    def _about(self) -> str:
        view = self.view
        if view is None:
            return ""
        return _("Name: {name} · Pronouns: {pronouns}").format(
            name=f"\u2068{view.name}\u2069",
            pronouns=f"\u2068{view.pronouns}\u2069" if view.pronouns else _("not given"))

    def _add_agreement(self) -> None:
        today = lifecycle.today()
        self.agreement = AgreementPanel(self._session.display_name, today,
                                        lifecycle.default_review_on(self._session))
        self.agreement.agree_requested.connect(self._agree)
        self.body_layout.addWidget(self.agreement)

    def _agree(self, signatures: Signatures, review_on: object) -> None:
        """Make the draft an agreed version; on a refusal what was typed stays on screen."""
        self.autosave.flush()
        plan = self.view.plan if self.view else None
        if plan is None or self.view is None or self.youth_id is None:
            return
        try:
            agreed = lifecycle.agree(self._session, plan, signatures,
                                     review_on if isinstance(review_on, date) else None)
        except WaymarkError as error:
            self.saving.say(error)
            return
        self.view = ops.PlanScreen(agreed, self.view.name, self.view.pronouns)
        self._show_plan(agreed)
        self.saving.say(N_("Agreed and saved"))
        self.notices.emit(ChangeNotice(self.youth_id, ops.KIND))

    def _new_draft(self) -> None:
        if self.youth_id is None or self.view is None:
            return
        try:
            draft = lifecycle.start_new_draft(self._session, self.youth_id)
        except WaymarkError as error:
            self.saving.say(error)
            return
        row = self.current
        self.view = ops.PlanScreen(draft, self.view.name, self.view.pronouns)
        self._show_plan(draft)
        self.guide.setCurrentRow(row)
        self.saving.say("")
        self.notices.emit(ChangeNotice(self.youth_id, ops.KIND))

    def _clear_body(self) -> None:
        self.boxes, self.ticks, self._words = [], [], []
        self.agreement = None
        while self.body_layout.count():
            child = self.body_layout.takeAt(0)
            widget = child.widget() if child is not None else None
            if widget is not None:
                widget.hide()  # gone from the screen (and a screen reader) at once
                widget.setParent(None)  # and from the page's children (hidden: no window)
                widget.deleteLater()

    def _of(self, section: str, kind: str, key: str = "") -> list[ItemView]:
        return [i for i in self.items.values()
                if i.section == section and i.kind == kind and (not key or i.content_key == key)]

    def _add_box(self, box: ItemBox, index: int = -1) -> None:
        """Show `box` at `index` of the page (-1: at its end) and save what is typed into it."""
        box.edited.connect(self._edited)
        box.remove_requested.connect(self._remove)
        self.boxes.append(box)
        self.body_layout.insertWidget(index, box)

    def _add_questions(self, section: Section) -> None:
        for question in section.questions:
            found = self._of(section.id, "answer", question.id)
            self._add_box(ItemBox("answer", section.id, question.id, found[0] if found else None,
                                  question.text, question.example, staff=not self.together))

    def _add_lists(self, section: Section) -> None:
        for listed in section.lists:
            if len(section.lists) > 1:  # a caption tells the lists apart (people, code words)
                caption = QLabel()
                caption.setObjectName("session-name")
                self._show_words(caption.setText,
                                 functools.partial(_, KINDS[listed.kind].title))
                self.body_layout.addWidget(caption)
            for item in self._of(section.id, listed.kind):
                self._add_box(ItemBox(listed.kind, section.id, item=item, removable=True,
                                      example=listed.example, staff=not self.together))
            add = QPushButton()
            add.setObjectName(f"add-{listed.kind}")
            self._show_words(add.setText, functools.partial(str, listed.label))
            add.clicked.connect(lambda _c=False, kind=listed.kind, s=section.id,
                                example=listed.example, button=add:
                                self._add_new(s, kind, example, button))
            self.body_layout.addWidget(add)

    def _add_ticks(self, section: Section) -> None:
        rows: list[TickRow] = []
        for check in section.checks:
            found = self._of(section.id, "check", check.id)
            rows.append(TickRow(check.id, check.text, item=found[0] if found else None))
        if section.helplines:
            for line in self.content.helplines:
                found = self._of(section.id, "helpline", line.id)
                rows.append(TickRow(line.id, _Words(functools.partial(_line_words, line.name,
                                                                      line.number)),
                                    line.when, found[0] if found else None))
            for local in self.local_lines:  # the agency's, then the directory's
                key = local_line_key(local.name)
                found = self._of(section.id, "helpline", key)
                rows.append(TickRow(key, _line_words(local.name, local.number), local.hours,
                                    found[0] if found else None))
        for row in rows:
            row.toggled.connect(self._ticked)
            self.ticks.append(row)
            self.body_layout.addWidget(row)

    def _add_new(self, section: str, kind: str, example: object, button: QPushButton) -> None:
        box = ItemBox(kind, section, removable=True, example=example, staff=not self.together)
        self._add_box(box, max(self.body_layout.indexOf(button), 0))  # above its Add button
        next(iter(box.fields.values()), box.voice).setFocus()

    # saving
    def _edited(self) -> None:
        self.saving.say(NOT_SAVED_YET)
        self.autosave.touch()

    def _save(self) -> None:
        problem: WaymarkError | None = None
        for box in self.boxes:
            try:
                self._save_box(box)
            except EditConflict as error:  # someone else saved it first: show both, ask
                problem = error
                if box.item is not None:
                    box.in_conflict(ops.item_now(self._session, box.item))
            except RecordNotFound:  # removed at another desk while typed into: kept as new
                box.item = None
                problem = self._save_again(box)
            except WaymarkError as error:
                problem = error
        if problem is None and any(box.theirs is not None for box in self.boxes):
            problem = EditConflict()
        self.saving.say(problem if problem is not None else SAVED)

    def _save_again(self, box: ItemBox) -> WaymarkError:
        try:
            self._save_box(box)
        except WaymarkError as error:
            return error
        return WaymarkError(N_("Someone else removed this item meanwhile. Your words were kept "
                               "and saved again."))

    def _save_box(self, box: ItemBox) -> None:
        plan = self.view.plan if self.view else None
        changes = box.changes()
        if plan is None or not changes:
            return
        if box.item is None:  # its first save: what was typed, then whose words and keep-off
            box.item = ops.add_item(self._session, plan.id, box.section, box.kind, box.key,
                                    box.values())
            changes.pop("values", None)
        if changes:
            box.item = ops.save_item(self._session, box.item, changes.get("values"),
                                     changes.get("voice"), changes.get("keep_off_print"))
        self.items[box.item.id] = box.item

    def _ticked(self, row: TickRow) -> None:
        plan = self.view.plan if self.view else None
        if plan is None:
            return
        section = self.content.sections[self.current]
        kind = "helpline" if section.helplines else "check"
        try:
            if row.tick.isChecked() and row.item is None:
                row.item = ops.add_item(self._session, plan.id, section.id, kind, row.key)
            elif not row.tick.isChecked() and row.item is not None:
                ops.remove_item(self._session, row.item)
                self.items.pop(row.item.id, None)
                row.item = None
            if row.item is not None and row.keep_off.isChecked() != row.item.keep_off_print:
                row.item = ops.save_item(self._session, row.item,
                                         keep_off_print=row.keep_off.isChecked())
        except (EditConflict, RecordNotFound):  # changed at another desk: show it as saved
            self._tick_as_saved(row)
            return
        except WaymarkError as error:
            self.saving.say(error)
            return
        if row.item is not None:
            self.items[row.item.id] = row.item
        row.keep_off.setVisible(row.item is not None)
        self.saving.say(SAVED)

    def _tick_as_saved(self, row: TickRow) -> None:
        """A tick or keep-off choice made against a version saved meanwhile at another desk:
        the row shows what is saved now, and the person makes their choice again, seeing it."""
        if row.item is not None:
            self.items.pop(row.item.id, None)
            try:
                row.item = ops.item_now(self._session, row.item)
                self.items[row.item.id] = row.item
            except RecordNotFound:
                row.item = None
        row.show_item(row.item)
        self.saving.say(WaymarkError(N_(
            "Someone else changed this choice meanwhile. It now shows what they saved; "
            "choose again if you want it different.")))

    def _remove(self, box: ItemBox) -> None:
        item = box.item
        try:
            if item is not None:
                ops.remove_item(self._session, item)
                self.items.pop(item.id, None)
        except EditConflict as error:  # changed meanwhile: show their words, remove nothing
            if item is not None:
                box.in_conflict(ops.item_now(self._session, item))
            self.saving.say(error)
            return
        except WaymarkError as error:
            self.saving.say(error)
            return
        self.boxes.remove(box)
        box.deleteLater()
        self.saving.say(SAVED)

    def _start(self) -> None:
        if self.youth_id is None or self.view is None:
            return
        try:
            plan = ops.start_plan(self._session, self.youth_id)
        except WaymarkError as error:
            self.saving.say(error)
            return
        self.view = ops.PlanScreen(plan, self.view.name, self.view.pronouns)
        self._show_plan(plan)
        self.notices.emit(ChangeNotice(self.youth_id, ops.KIND))

    def _to_together(self) -> None:
        self.autosave.flush()
        if self.view is not None and self.view.plan is not None:
            self.together_requested.emit()

    def _print(self) -> None:
        """The print dialog, over the plan, with every word typed so far saved first."""
        self.autosave.flush()
        if self.youth_id is None or self.view is None or self.view.plan is None:
            return
        from desktop.printing.print_dialog import PrintDialog  # ReportLab and the fonts: ~15 MB,
        # loaded when a copy is first printed, not with every workspace

        self.print_dialog = PrintDialog(self._session, self.youth_id, self)
        self.print_dialog.finished.connect(self._print_closed)
        self.print_dialog.open()

    def _print_closed(self) -> None:
        if self.print_dialog is not None:
            self.print_dialog.deleteLater()
            self.print_dialog = None

    def show_section(self, row: int) -> None:
        self.guide.setCurrentRow(row)

    def _move(self, step: int, mark: str | None) -> None:
        """Back, skip or done: mark the section (done, skipped) and go to the next one."""
        self.autosave.flush()
        plan = self.view.plan if self.view else None
        if plan is None:
            return
        section = self.content.sections[self.current].id
        if mark is not None and not self.agreed():
            try:
                ops.mark_section(self._session, plan.id, section, mark)
            except WaymarkError as error:
                self.saving.say(error)
                return
            sections = {**plan.sections, section: mark}
            self.view = ops.PlanScreen(
                PlanView(plan.id, plan.youth_id, plan.status, plan.updated_at, plan.items,
                         sections), self.view.name if self.view else "",
                self.view.pronouns if self.view else "")
        row = min(max(self.current + step, 0), len(self.content.sections) - 1)
        self.guide.setCurrentRow(row)
        self._show_guide()

    def _box_key(self, box: ItemBox) -> str:
        if box.item is not None:
            return f"item:{box.item.id}"
        return f"new:{box.section}:{box.kind}:{box.key}:{self.boxes.index(box)}"
