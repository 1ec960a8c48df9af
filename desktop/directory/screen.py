"""The resource directory window: search as you type, filters (what they help with, a language,
youth-friendly, LGBTQ+-friendly), the services found and the chosen one's whole entry. Supervisors
and administrators add, change and remove services and import or export a CSV file; caseworkers
read it. Opened from the Directory menu; closed on a lock like every other window."""

from __future__ import annotations

import functools
import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from casefile.errors import EditConflict, WaymarkError
from desktop.admin.dialog import wrapped_label
from desktop.directory.details import ServiceDetails
from desktop.directory.model import Column, ServiceTableModel
from desktop.forms import LTR, heading, message_label
from desktop.look import MessageKind, space
from desktop.operations import directory as ops
from desktop.operations.directory import DirectoryIndex, Filters, ImportReport, ServiceView
from desktop.operations.runner import ChangeNotice, Runner
from desktop.operations.session import Session
from desktop.table_rows import select_row
from desktop.translation import RetranslateMixin
from i18n import N_, _, ngettext
from i18n.formatting import format_number

CSV_FILES = N_("CSV files (*.csv *.txt);;All files (*)")


def _button(name: str) -> QPushButton:
    button = QPushButton()
    button.setObjectName(name)
    return button


class DirectoryWindow(RetranslateMixin, QDialog):
    def __init__(self, session: Session, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resource-directory")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint)
        self._session = session
        self._runner = runner
        self.editor = ops.may_change(session)
        self.child: QDialog | QMessageBox | None = None  # the form or question open last
        self.model = ServiceTableModel()
        self.title = heading()
        self.who = wrapped_label("who-changes")
        self.search = QLineEdit()
        self.search.setObjectName("directory-search")
        self.search.setClearButtonEnabled(True)
        self.domain = QComboBox()
        self.domain.setObjectName("domain-filter")
        self.language = QComboBox()
        self.language.setObjectName("language-filter")
        self.youth = QCheckBox()
        self.youth.setObjectName("youth-filter")
        self.lgbtq = QCheckBox()
        self.lgbtq.setObjectName("lgbtq-filter")
        self.count = QLabel()
        self.count.setObjectName("directory-count")
        self.table = self._make_table()
        self.details = ServiceDetails()
        self.empty = wrapped_label("empty-state")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = message_label()
        self.message.setObjectName("message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # it may quote a service's name
        self.buttons = {name: _button(name) for name in (
            "add-service", "edit-service", "remove-service", "import-csv", "export-csv")}
        self.close_button = _button("close")
        self._lay_out()
        self._connect()
        self.resize(1040, 640)
        self.retranslate_ui()
        self.reload()

    # construction
    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("services")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setResizeContentsPrecision(40)
        for column in Column:
            mode = (QHeaderView.ResizeMode.ResizeToContents if column in (Column.PHONE,
                                                                          Column.AGES)
                    else QHeaderView.ResizeMode.Stretch)
            header.setSectionResizeMode(column, mode)
        return table

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        for widget in (self.domain, self.language, self.youth, self.lgbtq):
            filters.addWidget(widget)
        filters.addStretch(1)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.body = QStackedWidget()
        self.body.addWidget(self.splitter)
        self.body.addWidget(self.empty)
        actions = QHBoxLayout()
        for button in self.buttons.values():
            actions.addWidget(button)
            button.setVisible(self.editor)
        actions.addStretch(1)
        actions.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(space(2))
        for shown in (self.title, self.who, self.search):
            layout.addWidget(shown)
        layout.addLayout(filters)
        layout.addWidget(self.count)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.message)
        layout.addLayout(actions)

    def _connect(self) -> None:
        self.search.textChanged.connect(lambda text: self._show(query=text))
        for combo in (self.domain, self.language):
            combo.currentIndexChanged.connect(lambda _i: self._show(filters=self._filters()))
        for box in (self.youth, self.lgbtq):
            box.toggled.connect(lambda _on: self._show(filters=self._filters()))
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._chosen())
        self.table.doubleClicked.connect(lambda _i: self.edit() if self.editor else None)
        self.buttons["add-service"].clicked.connect(self.add)
        self.buttons["edit-service"].clicked.connect(self.edit)
        self.buttons["remove-service"].clicked.connect(self.remove)
        self.buttons["import-csv"].clicked.connect(self.import_csv)
        self.buttons["export-csv"].clicked.connect(self.export_csv)
        self.close_button.clicked.connect(self.reject)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Resource directory"))
        self.title.setText(_("Resource directory"))
        self.who.setText(_("The agency's services, to refer a young person to. Supervisors and "
                           "administrators keep it up to date.") if not self.editor else
                         _("The agency's services, to refer a young person to. Caseworkers "
                           "read it; you can add, change, remove, import and export services."))
        self.search.setPlaceholderText(_("Search: name, what they help with, place, language"))
        self.search.setAccessibleName(_("Search the resource directory"))
        self.domain.setAccessibleName(_("Helps with"))
        self.language.setAccessibleName(_("Language spoken"))
        self.youth.setText(_("&Youth-friendly"))
        self.lgbtq.setText(_("&LGBTQ+-friendly"))
        self._fill_domains()
        self._fill_languages()
        self.table.setAccessibleName(_("Services"))
        for name, words in (("add-service", _("&Add…")), ("edit-service", _("&Change…")),
                            ("remove-service", _("&Remove…")),
                            ("import-csv", _("&Import CSV…")), ("export-csv", _("E&xport CSV…"))):
            self.buttons[name].setText(words)
        self.close_button.setText(_("Close"))
        self.model.retranslate()
        self._say_count()

    def _fill_domains(self) -> None:
        chosen = self.domain.currentData()
        self.domain.blockSignals(True)
        self.domain.clear()
        self.domain.addItem(_("Any need"), None)
        for domain_id, title in ops.domain_choices():
            self.domain.addItem(title, domain_id)
        self.domain.setCurrentIndex(max(self.domain.findData(chosen), 0))
        self.domain.blockSignals(False)

    def _fill_languages(self) -> None:
        chosen = self.language.currentData()
        self.language.blockSignals(True)
        self.language.clear()
        self.language.addItem(_("Any language"), None)
        for key, shown in self.model.directory.languages():
            self.language.addItem(shown, key)
        self.language.setCurrentIndex(max(self.language.findData(chosen), 0))
        self.language.blockSignals(False)

    # showing
    def reload(self, then_choose: int | None = None) -> None:
        """Read the directory again (off the window's thread), then choose `then_choose`."""
        chosen = then_choose if then_choose is not None else self._current_id()
        self._runner.run(functools.partial(ops.load_index, self._session),
                         on_done=lambda index: self._loaded(index, chosen),
                         on_error=self._error, caller=self)

    def _loaded(self, index: DirectoryIndex, chosen: int | None) -> None:
        self.model.show(index=index)
        self._fill_languages()
        self._show(filters=self._filters())
        row = self.model.row_of(chosen) if chosen is not None else None
        if row is not None:
            select_row(self.table, row)

    def _filters(self) -> Filters:
        return Filters(self.domain.currentData(), self.language.currentData(),
                       self.youth.isChecked(), self.lgbtq.isChecked())

    def _show(self, query: str | None = None, filters: Filters | None = None) -> None:
        chosen = self._current_id()
        self.model.show(query=query, filters=filters)
        row = self.model.row_of(chosen) if chosen is not None else None
        if row is None and self.model.rowCount():
            row = 0
        if row is not None:
            select_row(self.table, row)  # the details follow
        else:
            self._chosen()
        self._say_count()

    def _say_count(self) -> None:
        total, found = len(self.model.directory), len(self.model.found)
        self.body.setCurrentWidget(self.empty if not total else self.splitter)
        if not total:
            self.empty.setText(_("The directory is empty. Add the services your agency refers "
                                 "young people to, or import them from a spreadsheet saved "
                                 "as CSV.") if self.editor else
                               _("The directory is empty. Ask a supervisor or an "
                                 "administrator to add your agency's services."))
        if found == total:
            self.count.setText(ngettext("{count} service", "{count} services", total).format(
                count=format_number(total)))
        elif not found:
            self.count.setText(_("No service matches. Try fewer words or clear a filter."))
        else:
            self.count.setText(_("{found} of {total} services").format(
                found=format_number(found), total=format_number(total)))

    def _current_id(self) -> int | None:
        view = self.current()
        return view.id if view else None

    def current(self) -> ServiceView | None:
        row = self.table.currentIndex().row()
        return self.model.service(row) if 0 <= row < self.model.rowCount() else None

    def _chosen(self) -> None:
        view = self.current()
        self.details.show_service(view)
        for name in ("edit-service", "remove-service"):
            self.buttons[name].setEnabled(view is not None)
        self.buttons["export-csv"].setEnabled(bool(len(self.model.directory)))

    # changing
    def _notice(self, _result: object) -> ChangeNotice:
        return ChangeNotice(None, ops.KIND)

    def _error(self, error: WaymarkError) -> None:
        self.message.show_error(error.user_message())
        if isinstance(error, EditConflict):
            self.reload()

    def _say(self, text: str) -> None:
        self.message.show_message(text, MessageKind.SUCCESS)

    def add(self) -> None:
        self._open_form(None)

    def edit(self) -> None:
        view = self.current()
        if view is not None:
            self._open_form(view)

    def _open_form(self, view: ServiceView | None) -> None:
        from desktop.directory.form import ServiceForm

        form = ServiceForm(self._session, view, self)
        form.accepted.connect(lambda: self._saved(form.result_view, view is None))
        self.child = form
        form.open()

    def _saved(self, view: ServiceView | None, added: bool) -> None:
        if view is None:
            return
        self._runner.changed.emit(ChangeNotice(None, ops.KIND))
        self._say((_("“{name}” was added to the directory.") if added else
                   _("“{name}” was saved.")).format(name=view.name))
        self.reload(then_choose=view.id)

    def remove(self) -> None:
        view = self.current()
        if view is None:
            return
        question = QMessageBox(QMessageBox.Icon.Question, _("Remove a service"), _(
            "Remove “{name}” from the directory? It will no longer be offered. Referrals that "
            "name it keep its name and phone number.").format(name=view.name),
            QMessageBox.StandardButton.NoButton, self)
        question.setObjectName("confirm-remove")
        question.setTextFormat(Qt.TextFormat.PlainText)  # a service's name is never markup
        yes = question.addButton(_("Remove"), QMessageBox.ButtonRole.AcceptRole)
        yes.setObjectName("yes")
        question.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole).setObjectName("no")
        question.buttonClicked.connect(lambda button: self._remove(view) if button is yes
                                       else None)
        self.child = question
        question.open()

    def _remove(self, view: ServiceView) -> None:
        self._runner.run(functools.partial(ops.remove_service, self._session, view),
                         on_done=lambda _v: self._removed(view), on_error=self._error,
                         caller=self, notice=self._notice)

    def _removed(self, view: ServiceView) -> None:
        self._say(_("“{name}” was removed from the directory.").format(name=view.name))
        self.reload()

    # files
    def choose_import_file(self) -> Path | None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, _("Import services from a CSV file"), str(Path.home()), _(CSV_FILES))
        return Path(chosen) if chosen else None

    def choose_export_file(self) -> Path | None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, _("Export the directory as a CSV file"),
            str(Path.home() / "resource-directory.csv"), _(CSV_FILES))
        return Path(chosen) if chosen else None

    def import_csv(self) -> None:
        path = self.choose_import_file()
        if path is None:
            return
        self.message.clear()
        started = time.perf_counter()
        self._runner.run(functools.partial(ops.import_csv, self._session, path),
                         on_done=lambda report: self._imported(report, started),
                         on_error=self._error, caller=self, notice=self._notice)

    def _imported(self, report: ImportReport, started: float) -> None:
        from desktop.directory.report import ImportReportDialog

        dialog = ImportReportDialog(report, time.perf_counter() - started, self)
        self.child = dialog
        dialog.open()
        self.reload()

    def export_csv(self) -> None:
        path = self.choose_export_file()
        if path is None:
            return
        self.message.clear()
        self._runner.run(functools.partial(ops.export_csv, self._session, path),
                         on_done=lambda count: self._say(ngettext(
                             "{count} service was written to {path}.",
                             "{count} services were written to {path}.", count).format(
                                 count=format_number(count), path=LTR.format(path))),
                         on_error=self._error, caller=self)
