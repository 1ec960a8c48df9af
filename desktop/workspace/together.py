"""The together view: the young person and the caseworker at one screen, building the plan.

Large text, the young person's words only (no staff-only control, no youth list, no case notes,
no menus), one section at a time with big Back and Next. It takes the whole window; the way
back to the full view asks for the signed-in staff member's password, so a young person left
alone at the screen never reaches anyone else's record. Quick-hide still locks at once.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from casefile.errors import WaymarkError
from desktop import look
from desktop.forms import message_label
from desktop.operations import plan as ops
from desktop.operations.runner import Runner
from desktop.operations.session import Session
from desktop.translation import RetranslateMixin
from desktop.workspace.plan_editor import PlanEditor
from i18n import _

SCALE = 1.5  # the text size against the normal view's (at least 1.4)


class TogetherPage(RetranslateMixin, QWidget):
    left = Signal()  # the staff member's password was right: back to the full view

    def __init__(self, session: Session, youth_id: int, section: int, runner: Runner,
                 hide: Callable[[], object]) -> None:
        super().__init__()
        self.setObjectName("together-page")
        self._session, self._runner = session, runner
        look.scale_text(self, QFont().pointSizeF(), SCALE)
        self.editor = PlanEditor(session, together=True)
        self.editor.load(youth_id)
        self.editor.show_section(section)
        self.hide_button = QPushButton()
        self.hide_button.setObjectName("together-hide")
        self.hide_button.clicked.connect(lambda: hide())
        self.leave_button = QPushButton()
        self.leave_button.setObjectName("together-leave")
        self.password = QLineEdit()
        self.password.setObjectName("together-password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QPushButton()
        self.confirm.setObjectName("together-confirm")
        self.stay = QPushButton()
        self.stay.setObjectName("together-stay")
        self.message = message_label()
        self.leaving = QWidget()
        leave_row = QHBoxLayout(self.leaving)
        leave_row.setContentsMargins(0, 0, 0, 0)
        leave_row.addWidget(self.password, 1)
        leave_row.addWidget(self.confirm)
        leave_row.addWidget(self.stay)
        self.leaving.hide()
        top = QHBoxLayout()
        top.addWidget(self.hide_button)
        top.addStretch(1)
        top.addWidget(self.leave_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*(look.space(5),) * 4)
        layout.addLayout(top)
        layout.addWidget(self.leaving)
        layout.addWidget(self.message)
        layout.addWidget(self.editor, 1)
        self.leave_button.clicked.connect(self._ask)
        self.stay.clicked.connect(self._stay)
        self.confirm.clicked.connect(self._leave)
        self.password.returnPressed.connect(self._leave)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.hide_button.setText(_("Hide screen"))
        self.leave_button.setText(_("Back to the full view (staff)"))
        self.password.setPlaceholderText(_("Staff password"))
        self.password.setAccessibleName(_("Staff password"))
        self.confirm.setText(_("Go back"))
        self.stay.setText(_("Stay here"))

    @property
    def plan_id(self) -> int:
        plan = self.editor.view.plan if self.editor.view else None
        assert plan is not None  # the together view opens only on a started plan
        return plan.id

    def _ask(self) -> None:
        self.editor.flush()
        self.leaving.show()
        self.leave_button.hide()
        self.password.setFocus()

    def _stay(self) -> None:
        self.password.clear()
        self.message.clear()
        self.leaving.hide()
        self.leave_button.show()

    def _leave(self) -> None:
        password = self.password.text()
        self.password.clear()
        self._runner.run(
            functools.partial(ops.leave_together, self._session, self.plan_id, password),
            on_done=lambda _result: self.left.emit(), on_error=self._refused,
            caller=self.leaving)

    def _refused(self, error: WaymarkError) -> None:
        self.message.show_error(error.user_message())
        self.password.setFocus()
