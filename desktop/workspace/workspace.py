"""The signed-in workspace: youth list on one side, the chosen youth's profile on the other."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from casefile.errors import WaymarkError
from casefile.store import Store
from casefile.youth import YouthRecord
from desktop.forms import message_label
from desktop.operations import youth as ops
from desktop.translation import RetranslateMixin
from desktop.workspace.profile import YouthProfile
from desktop.workspace.youth_list import YouthListPanel
from i18n import _


class Workspace(RetranslateMixin, QWidget):
    def __init__(self, store: Store, demo: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._demo = demo
        caseworkers = ops.load_caseworkers(store)
        self._caseworker_names = {c.id: c.display_name for c in caseworkers}
        self.banner = message_label()
        self.banner.setObjectName("demo-banner")
        self.banner.setVisible(demo)
        self.banner.setStyleSheet("background: #fff4ce; padding: 6px;")
        self.list_panel = YouthListPanel()
        self.profile = YouthProfile(store, caseworkers)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.right = QStackedWidget()
        self.right.addWidget(self.empty)
        self.right.addWidget(self.profile)
        splitter = QSplitter()
        splitter.addWidget(self.list_panel)
        splitter.addWidget(self.right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        self.list_panel.chosen.connect(self.open_youth)
        self.list_panel.new_requested.connect(self.new_youth)
        self.profile.saved.connect(self._saved)
        self.list_panel.set_rows(ops.load_list(store))
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.empty.setText(_("Choose a youth from the list, or add a new one."))
        self.banner.setText(_(
            "Demo: every youth here is made up. This practice data is deleted when Waymark closes."
        ))

    def open_youth(self, youth_id: int) -> None:
        if self.profile.record is not None and self.profile.record.id == youth_id:
            return
        self.profile.autosave.flush()
        try:
            record = ops.open_profile(self.store, youth_id)
        except WaymarkError as error:
            self.empty.setText(error.user_message())
            self.right.setCurrentWidget(self.empty)
            return
        self.profile.show_record(record)
        self.right.setCurrentWidget(self.profile)

    def new_youth(self) -> None:
        self.profile.start_new()
        self.list_panel.select(-1)
        self.right.setCurrentWidget(self.profile)
        self.profile.legal_name.setFocus()

    def _saved(self, record: YouthRecord) -> None:
        name = self._caseworker_names.get(record.caseworker_id or -1, "")
        self.list_panel.upsert(ops.summary_of(record, name))

    def finish(self) -> None:
        """Save anything waiting; called before the workspace goes away."""
        self.profile.autosave.flush()
