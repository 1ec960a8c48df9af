"""What a CSV import did: the encoding and delimiter it read, how many services were added, every
row that could not be read and why, every duplicate not added again, the columns ignored."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.admin.dialog import wrapped_label
from desktop.forms import heading, message_label
from desktop.look import TYPE, MessageKind
from desktop.operations.directory import ImportReport, encoding_name
from desktop.translation import RetranslateMixin
from i18n import _, ngettext
from i18n.formatting import format_number


def _delimiter(delimiter: str) -> str:
    return {",": _("commas"), ";": _("semicolons"), "\t": _("tabs")}[delimiter]


def _plain_list(name: str) -> QListWidget:
    found = QListWidget()
    found.setObjectName(name)
    found.setWordWrap(True)
    found.setAlternatingRowColors(True)
    return found


class ImportReportDialog(RetranslateMixin, QDialog):
    def __init__(self, report: ImportReport, seconds: float,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import-report")
        self.report = report
        self.seconds = seconds
        self.summary = message_label(MessageKind.SUCCESS if not report.problems
                                     else MessageKind.WARNING)
        self.summary.setObjectName("import-summary")
        self.read_as = wrapped_label("read-as")
        self.problems_title = heading(scale=TYPE.subtitle)
        self.problems = _plain_list("problems")
        self.advice = wrapped_label("advice")
        self.duplicates_title = heading(scale=TYPE.subtitle)
        self.duplicates = _plain_list("duplicates")
        self.ignored = wrapped_label("ignored-columns")
        self.ignored.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.summary, self.read_as, self.ignored, self.problems_title,
                       self.problems, self.advice, self.duplicates_title, self.duplicates):
            layout.addWidget(widget)
        layout.addWidget(self.buttons)
        for shown, widgets in ((report.problems, (self.problems_title, self.problems,
                                                  self.advice)),
                               (report.duplicates, (self.duplicates_title, self.duplicates)),
                               (report.ignored_columns, (self.ignored,))):
            for widget in widgets:
                widget.setVisible(bool(shown))
        self.resize(640, 560 if report.problems or report.duplicates else 260)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        report = self.report
        self.setWindowTitle(_("CSV import"))
        added = ngettext("{count} service was added to the directory.",
                         "{count} services were added to the directory.", report.added).format(
            count=format_number(report.added))
        if report.problems:
            added += " " + ngettext("{count} row could not be read.",
                                    "{count} rows could not be read.", len(report.problems)
                                    ).format(count=format_number(len(report.problems)))
        self.summary.setText(added)
        read = _("The file was read as {encoding}, with cells separated by {delimiter}: "
                 "{rows} rows below the column names ({seconds} seconds).").format(
            encoding=_(encoding_name(report.encoding)), delimiter=_delimiter(report.delimiter),
            rows=format_number(report.rows), seconds=format_number(round(self.seconds, 1)))
        if report.empty_rows:
            read += " " + ngettext("{count} empty row was skipped.",
                                   "{count} empty rows were skipped.", report.empty_rows).format(
                count=format_number(report.empty_rows))
        self.read_as.setText(read)
        self.ignored.setText(_("These columns are not part of the directory and were "
                               "ignored: {columns}.").format(
            columns=", ".join(f"\u201c{c}\u201d" for c in report.ignored_columns)))
        self.problems_title.setText(_("Rows that could not be read"))
        self.problems.clear()
        self.problems.addItems([problem.text() for problem in report.problems])
        self.advice.setText(_("Correct these rows in the spreadsheet and import the file "
                              "again: the services already added are found as duplicates and "
                              "not added twice."))
        self.duplicates_title.setText(_("Duplicates, not added again"))
        self.duplicates.clear()
        self.duplicates.addItems([self._duplicate(d.row, d.name, d.earlier_row)
                                  for d in report.duplicates])
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))

    @staticmethod
    def _duplicate(row: int, name: str, earlier: int | None) -> str:
        if earlier is None:
            return _("Row {row}: \u201c{name}\u201d is already in the directory.").format(
                row=row, name=name)
        return _("Row {row}: \u201c{name}\u201d is the same as row {earlier}.").format(
            row=row, name=name, earlier=earlier)
