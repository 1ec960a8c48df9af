"""Under a goal, a step or a referral that someone else saved first: what they saved, beside the
person's own typing (kept on screen), and a choice: keep my words (saved over theirs, now that
they have been seen) or use the saved ones. Nothing is saved until the person chooses."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from desktop.forms import message_label
from desktop.look import MessageKind
from desktop.translation import RetranslateMixin
from i18n import _

ISOLATE = "\u2068{}\u2069"  # their words keep their own direction inside the sentence


class ConflictBar(RetranslateMixin, QWidget):
    keep_mine = Signal()
    use_theirs = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflict")
        self._theirs: Callable[[], str] | None = None  # their saved words, in the language now
        self.words = message_label(MessageKind.WARNING)
        self.mine_button = QPushButton()
        self.mine_button.setObjectName("keep-mine")
        self.theirs_button = QPushButton()
        self.theirs_button.setObjectName("use-theirs")
        choices = QHBoxLayout()
        choices.addWidget(self.mine_button)
        choices.addWidget(self.theirs_button)
        choices.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.words)
        layout.addLayout(choices)
        self.mine_button.clicked.connect(self._keep_mine)
        self.theirs_button.clicked.connect(self._use_theirs)
        self.hide()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.mine_button.setText(_("Keep my words"))
        self.theirs_button.setText(_("Use the saved words"))
        if self._theirs is not None:
            self.words.setText(_("Someone else saved this meanwhile: {words}. Your typing is "
                                 "kept above; choose which to keep.").format(
                words=ISOLATE.format(self._theirs())))

    def ask(self, theirs: Callable[[], str]) -> None:
        """Show what someone else saved (`theirs()` says it in the interface language)."""
        self._theirs = theirs
        self.show()
        self.retranslate_ui()

    def _keep_mine(self) -> None:
        self._theirs = None
        self.hide()
        self.keep_mine.emit()

    def _use_theirs(self) -> None:
        self._theirs = None
        self.hide()
        self.use_theirs.emit()
