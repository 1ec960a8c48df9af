"""The Documents tab of the youth's page: the vital-records recovery tracker, one card per
identity document (document_card.py), and, at the top, what leaving care at 18 asks for.

A youth leaving foster care at 18 or older must have their birth certificate, Social Security
card, health insurance information, medical records and a state ID (P.L. 113-183). From the date
of birth on the profile, the banner says when they turn 18 and which of those they do not have
yet, once that is near; without a date of birth it says so and guesses nothing.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from casefile.errors import WaymarkError
from desktop.forms import message_label
from desktop.look import MessageKind, space
from desktop.operations import documents as ops
from desktop.operations.runner import ChangeNotice
from desktop.operations.session import Session
from desktop.translation import RetranslateMixin
from desktop.workspace.document_card import DocumentCard
from desktop.workspace.editor import EditorSnapshot
from i18n import _
from i18n.formatting import format_date, format_list


def leaving_care_words(leaving: ops.LeavingCare, today: date) -> tuple[str, MessageKind]:
    """What the banner says of leaving care ("" when there is nothing to say yet)."""
    if leaving.turns_18 is None:
        return _("There is no date of birth on the profile, so Waymark cannot tell when this "
                 "youth turns 18. Add it on the profile to see what they need before leaving "
                 "care."), MessageKind.INFO
    if not leaving.near:
        return "", MessageKind.INFO
    if not leaving.missing:
        return _("All the documents needed to leave care are here."), MessageKind.SUCCESS
    titles = format_list([str(document.title) for document in leaving.missing])
    when = format_date(leaving.turns_18)
    if leaving.turns_18 <= today:
        return _("Turned 18 on {date}. Before leaving care they need: {documents}.").format(
            date=when, documents=titles), MessageKind.WARNING
    return _("Turns 18 on {date}. Before leaving care they need: {documents}.").format(
        date=when, documents=titles), MessageKind.WARNING


class DocumentsEditor(RetranslateMixin, QWidget):
    key = "documents"
    notices = Signal(object)  # a ChangeNotice: a document was saved
    leaving_changed = Signal()  # what leaving care asks changed: the youth list's flag may too

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documents-editor")
        self._session = session
        self.youth_id: int | None = None
        self.leaving: ops.LeavingCare | None = None
        self._own_notice: ChangeNotice | None = None
        self.banner = message_label(MessageKind.WARNING)
        self.banner.setObjectName("leaving-care")
        self.banner.hide()
        self.intro = QLabel()
        self.intro.setObjectName("empty-state")
        self.intro.setWordWrap(True)
        self.cards: list[DocumentCard] = []  # made when the tab is first shown (make_cards)
        self._views: list[ops.DocumentView] = []  # the youth's documents, as read
        self._lay_out()
        self.retranslate_ui()

    def _lay_out(self) -> None:
        page = QWidget()
        self._column = column = QVBoxLayout(page)
        column.setSpacing(space(4))
        column.addWidget(self.intro)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(page)
        self.scroll_area = scroll
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(scroll, 1)

    def retranslate_ui(self) -> None:
        self.intro.setText(_(
            "What the young person has, where the originals are kept, and what is still to "
            "get. Open \"Where to get it\" for the steps."))
        self._show_banner()

    # the editor protocol (editor.py)
    def tab_title(self) -> str:
        return _("Doc&uments")

    def load(self, youth_id: int) -> None:
        self.flush()
        screen = ops.open_documents(self._session, youth_id)
        self.youth_id, self._views = youth_id, screen.documents
        self._fill()
        self.leaving = screen.leaving
        self._show_banner()

    def make_cards(self) -> None:
        """Make the seven cards, once: only when the tab is first shown (or typing kept over a
        lock comes back), as they take a noticeable moment to build at sign-in."""
        if self.cards:
            return
        problem = ops.guides_problem()
        views = self._views or [ops.DocumentView(document) for document in ops.tracked()]
        self.cards = [DocumentCard(self._session, view, problem) for view in views]
        for position, card in enumerate(self.cards, start=1):
            self._column.insertWidget(position, card)
            if self.isVisible():  # made while shown: shown now, not at the next event
                card.show()
            card.saved.connect(self._card_saved)
        self._fill()

    def _fill(self) -> None:
        for card, view in zip(self.cards, self._views, strict=False):
            card.youth_id = self.youth_id
            card.show_view(view)

    def views(self) -> list[ops.DocumentView]:
        """The documents as saved (the cards' when they were made)."""
        return [card.view for card in self.cards] if self.cards else list(self._views)

    def showEvent(self, event: QShowEvent) -> None:
        self.make_cards()
        super().showEvent(event)

    def flush(self) -> None:
        for card in self.cards:
            card.flush()

    def has_unsaved(self) -> bool:
        return any(card.unsaved() or card.theirs is not None for card in self.cards)

    def snapshot(self) -> EditorSnapshot:
        self.flush()
        typed = {card.view.document.id: card.unsaved() for card in self.cards if card.unsaved()}
        states = {card.view.document.id: card.saving.state for card in self.cards}
        return EditorSnapshot({"typed": typed}, states)

    def restore(self, snapshot: EditorSnapshot) -> None:
        typed: dict[str, Any] = snapshot.unsaved.get("typed", {})
        states = snapshot.save_state if isinstance(snapshot.save_state, dict) else {}
        if typed:
            self.make_cards()
        for card in self.cards:
            key = card.view.document.id
            if key in typed:
                card.put_back(typed[key])
            elif isinstance(states.get(key), str | WaymarkError):
                card.saving.say(states[key])

    def accept(self, notice: ChangeNotice) -> None:
        """A profile saved (the date of birth may have changed), or documents saved elsewhere."""
        if self.youth_id is None or notice.youth_id != self.youth_id:
            return
        if notice.kind == "profile":
            self._refresh_leaving()
        elif notice.kind == ops.KIND and notice is not self._own_notice and \
                not self.has_unsaved():
            self.load(self.youth_id)

    # leaving care
    def _card_saved(self, _view: object) -> None:
        self._refresh_leaving()
        self._own_notice = ChangeNotice(self.youth_id, ops.KIND)
        self.notices.emit(self._own_notice)

    def _refresh_leaving(self) -> None:
        if self.youth_id is None:
            return
        before = self.leaving
        try:
            self.leaving = ops.leaving_care(self._session, self.youth_id, self.views())
        except WaymarkError:
            return  # the banner keeps what it said; the cards say any problem
        self._show_banner()
        if self.leaving != before:
            self.leaving_changed.emit()

    def _show_banner(self) -> None:
        if self.leaving is None:
            self.banner.hide()
            return
        words, kind = leaving_care_words(self.leaving, ops.today())
        self.banner.show_message(words, kind)
        self.banner.setVisible(bool(words))
