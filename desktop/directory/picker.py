"""A service picker: type to search the resource directory, narrow it to a domain, choose a
service. For any screen that refers a young person to a service (a referral copies the chosen
service's name and phone, so it keeps what it was when the directory changes).

    picker = ServicePicker(session)
    picker.set_domain("housing")          # optional: the goal's domain
    picker.chosen.connect(make_referral)  # (service id, name, phone)

The directory is read once when the picker is made (`reload()` reads it again); each keystroke
searches it in memory.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from casefile.errors import WaymarkError
from desktop.directory.model import ServiceListModel
from desktop.operations import directory as ops
from desktop.operations.directory import DirectoryIndex, Filters, ServiceView
from desktop.operations.session import Session
from desktop.translation import RetranslateMixin
from i18n import _, ngettext


class ServicePicker(RetranslateMixin, QWidget):
    chosen = Signal(int, str, str)  # the service's id, name and phone (as written)

    def __init__(self, session: Session, parent: QWidget | None = None,
                 index: DirectoryIndex | None = None) -> None:
        """`index`: the directory already read (else it is read here)."""
        super().__init__(parent)
        self.setObjectName("service-picker")
        self._session = session
        self.model = ServiceListModel()
        self.search = QLineEdit()
        self.search.setObjectName("service-search")
        self.search.setClearButtonEnabled(True)
        self.domain = QComboBox()
        self.domain.setObjectName("service-domain")
        self.results = QListView()
        self.results.setObjectName("service-results")
        self.results.setModel(self.model)
        self.results.setUniformItemSizes(True)
        self.count = QLabel()
        self.count.setObjectName("service-count")
        self.count.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.search, self.domain, self.count):
            layout.addWidget(widget)
        layout.addWidget(self.results, 1)
        self.search.textChanged.connect(lambda text: self._show(query=text))
        self.domain.currentIndexChanged.connect(lambda _i: self._show(filters=self._filters()))
        self.search.returnPressed.connect(self._choose_first)
        self.results.activated.connect(self._choose)
        self.problem = ""
        self.retranslate_ui()
        self.reload(index)

    def reload(self, index: DirectoryIndex | None = None) -> None:
        """Read the directory again (or show `index`), keeping what is typed and chosen."""
        try:
            index = index if index is not None else ops.load_index(self._session)
            self.problem = ""
        except WaymarkError as error:
            index, self.problem = DirectoryIndex(()), error.user_message()
        self._show(index=index)

    def set_domain(self, domain_id: str | None) -> None:
        """Narrow the results to one domain (None: every domain)."""
        found = self.domain.findData(domain_id)
        self.domain.setCurrentIndex(max(found, 0))

    def current(self) -> ServiceView | None:
        """The service highlighted in the results, if any."""
        row = self.results.currentIndex().row()
        return self.model.service(row) if 0 <= row < self.model.rowCount() else None

    def retranslate_ui(self) -> None:
        self.search.setPlaceholderText(_("Search services: name, what they help with, place"))
        self.search.setAccessibleName(_("Search the resource directory"))
        self.domain.setAccessibleName(_("Helps with"))
        chosen = self.domain.currentData()
        self.domain.blockSignals(True)
        self.domain.clear()
        self.domain.addItem(_("Any need"), None)
        for domain_id, title in ops.domain_choices():
            self.domain.addItem(title, domain_id)
        self.domain.setCurrentIndex(max(self.domain.findData(chosen), 0))
        self.domain.blockSignals(False)
        self.results.setAccessibleName(_("Services found"))
        self._say_count()

    def _filters(self) -> Filters:
        return Filters(domain=self.domain.currentData())

    def _show(self, index: DirectoryIndex | None = None, query: str | None = None,
              filters: Filters | None = None) -> None:
        self.model.show(index, query, filters)
        if self.model.rowCount():
            self.results.setCurrentIndex(self.model.index(0, 0))
        self._say_count()

    def _say_count(self) -> None:
        if self.problem:
            self.count.setText(self.problem)
        elif not len(self.model.directory):
            self.count.setText(_("The resource directory is empty. A supervisor or an "
                                 "administrator adds services under Directory."))
        elif not self.model.found:
            self.count.setText(_("No service matches. Try fewer words, or any need."))
        else:
            found = len(self.model.found)
            self.count.setText(ngettext("{count} service", "{count} services", found)
                               .format(count=found))

    def _choose_first(self) -> None:
        current = self.results.currentIndex()
        self._choose(current if current.isValid() else self.model.index(0, 0))

    def _choose(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        view = self.model.service(index.row())
        self.chosen.emit(view.id, view.name, view.phone)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Down from the search field goes into the results."""
        if event.key() == Qt.Key.Key_Down and self.search.hasFocus():
            self.results.setFocus()
            return
        super().keyPressEvent(event)
