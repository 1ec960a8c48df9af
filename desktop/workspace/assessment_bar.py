"""Where the needs assessment stands, above it: a draft (when it was started and how many domains
are rated) with "Complete this assessment", or a completed one (when and by whom) with "Start a
reassessment". Completing asks first, in a line under it, saying how many domains are rated and
that the others stay "Not rated"."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.forms import message_label
from desktop.look import MessageKind
from desktop.operations.assessment import AssessmentView
from desktop.translation import RetranslateMixin
from desktop.workspace.assessment_over_time import local_day
from i18n import _, ngettext
from i18n.formatting import format_date


def _button(name: str) -> QPushButton:
    button = QPushButton()
    button.setObjectName(name)
    return button


class AssessmentBar(RetranslateMixin, QWidget):
    asking = Signal()  # "Complete this assessment" was pressed: save what waits, then ask
    complete_confirmed = Signal()
    reassess_requested = Signal()
    print_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: AssessmentView | None = None
        self.rated = self.total = 0
        self.status = QLabel()
        self.status.setObjectName("assessment-status")
        self.status.setWordWrap(True)
        self.complete_button = _button("complete-assessment")
        self.reassess_button = _button("start-reassessment")
        self.print_button = _button("print-assessment")
        self.confirm = QWidget()
        self.confirm_text = message_label(MessageKind.WARNING)
        self.confirm_button = _button("confirm-complete")
        self.cancel_button = _button("cancel-complete")
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        for widget, stretch in ((self.status, 1), (self.complete_button, 0),
                                (self.reassess_button, 0), (self.print_button, 0)):
            top.addWidget(widget, stretch)
        buttons = QHBoxLayout()
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        asking = QVBoxLayout(self.confirm)
        asking.setContentsMargins(0, 0, 0, 0)
        asking.addWidget(self.confirm_text)
        asking.addLayout(buttons)
        self.confirm.hide()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addWidget(self.confirm)
        self.complete_button.clicked.connect(self._ask)
        self.confirm_button.clicked.connect(self._confirmed)
        self.cancel_button.clicked.connect(self.confirm.hide)
        self.reassess_button.clicked.connect(self.reassess_requested)
        self.print_button.clicked.connect(self.print_requested)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.complete_button.setText(_("Co&mplete this assessment"))
        self.reassess_button.setText(_("Start a &reassessment"))
        self.print_button.setText(_("Print for the ca&se file…"))
        self.confirm_button.setText(_("Complete it"))
        self.cancel_button.setText(_("Not yet"))
        self._say()

    def show_view(self, view: AssessmentView | None, rated: int, total: int) -> None:
        """Say where `view` stands (`rated` of `total` domains rated, as saved now)."""
        if view is None or self.view is None or view.id != self.view.id or view.completed:
            self.confirm.hide()
        self.view, self.rated, self.total = view, rated, total
        editable = view is not None and not view.completed
        self.complete_button.setVisible(editable)
        self.reassess_button.setVisible(view is not None and not editable)
        self._say()

    def _say(self) -> None:
        view = self.view
        if view is None:
            self.status.setText("")
        elif view.completed_at is not None:
            self.status.setText(_("Completed on {date} by {name}. It is kept as it was; start a "
                                  "reassessment to see what has changed.").format(
                date=format_date(local_day(view.completed_at)), name=view.completed_by_name))
        else:
            self.status.setText(ngettext(
                "Draft, started on {date}: {rated} of {total} domain rated.",
                "Draft, started on {date}: {rated} of {total} domains rated.", self.total).format(
                date=format_date(local_day(view.created_at)), rated=self.rated,
                total=self.total))
        self.confirm_text.setText(ngettext(
            "Complete this assessment now? It is then kept as it is and can no longer be "
            "changed. {rated} of {total} domain is rated; the others stay \"Not rated\".",
            "Complete this assessment now? It is then kept as it is and can no longer be "
            "changed. {rated} of {total} domains are rated; the others stay \"Not rated\".",
            self.total).format(rated=self.rated, total=self.total))

    def _ask(self) -> None:
        self.asking.emit()
        self.confirm.show()
        self.confirm_button.setFocus()

    def _confirmed(self) -> None:
        self.confirm.hide()
        self.complete_confirmed.emit()
