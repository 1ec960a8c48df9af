"""The documents tracker's state inside the safety plan's "My documents" section, read only, so
the caseworker and the young person see it while they plan: for each document whether they have
it (or when it was requested, or that nobody knows yet) and where the original is kept.

It is read again each time it is shown, so a document saved on the Documents tab is there when
the plan is shown again. Changes are made on the Documents tab.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QLabel, QVBoxLayout, QWidget

from casefile.errors import WaymarkError
from desktop.forms import heading, message_label
from desktop.look import TYPE, MessageKind
from desktop.operations import documents as ops
from desktop.operations.session import Session
from desktop.translation import RetranslateMixin
from i18n import _
from i18n.formatting import format_date

ISOLATE = "\u2068{}\u2069"  # the youth's words keep their own direction
SECTION = "documents"  # the safety plan's "My documents" (resources/plan/sections.toml)


def state_words(view: ops.DocumentView) -> str:
    """One document as the plan shows it: "Have it · kept: in the office safe"."""
    if view.has_it is True:
        parts = [_("Have it")]
    elif view.has_it is False:
        parts = [_("Don't have it yet")]
    else:
        parts = [_("Not known yet")]
    if view.requested_on is not None and view.has_it is not True:
        parts.append(_("requested on {date}").format(date=format_date(view.requested_on)))
    if view.received_on is not None:
        parts.append(_("received on {date}").format(date=format_date(view.received_on)))
    if view.kept_where.strip():
        parts.append(_("kept: {place}").format(place=ISOLATE.format(view.kept_where.strip())))
    return " · ".join(parts)


class DocumentsBeside(RetranslateMixin, QFrame):
    def __init__(self, session: Session, youth_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documents-beside")
        self._session = session
        self._youth_id = youth_id
        self.views: list[ops.DocumentView] = []
        self.problem: WaymarkError | None = None
        self.title = heading(scale=TYPE.body)
        self.hint = QLabel()
        self.hint.setObjectName("list-count")
        self.hint.setWordWrap(True)
        self.message = message_label(MessageKind.ERROR)
        self.message.hide()
        self.lines: list[QLabel] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.title, self.hint, self.message):
            self._layout.addWidget(widget)
        self.reload()
        self.retranslate_ui()

    def reload(self) -> None:
        try:
            self.views, self.problem = ops.open_documents(self._session,
                                                          self._youth_id).documents, None
        except WaymarkError as error:
            self.views, self.problem = [], error
        while len(self.lines) < len(self.views):
            line = QLabel()
            line.setWordWrap(True)
            line.setTextFormat(Qt.TextFormat.PlainText)  # the youth's words, never markup
            line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._layout.addWidget(line)
            self.lines.append(line)
        self._show()

    def retranslate_ui(self) -> None:
        self.title.setText(_("From the documents tracker"))
        self.hint.setText(_("Kept up to date on the Documents tab."))
        self._show()

    def _show(self) -> None:
        for line, view in zip(self.lines, self.views, strict=False):
            line.setText(_("{document}: {state}").format(document=view.document.title,
                                                         state=state_words(view)))
        self.message.setVisible(self.problem is not None)
        if self.problem is not None:
            self.message.setText(self.problem.user_message())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():  # shown again (the plan's tab chosen): read again
            self.reload()


def add_documents_beside(layout: QBoxLayout, section: str, session: Session,
                         youth_id: int | None) -> None:
    """Add the tracker's state to the plan's "My documents" section (nothing to another)."""
    if section == SECTION and youth_id is not None:
        layout.addWidget(DocumentsBeside(session, youth_id))
