"""Add or change a service of the resource directory: every field, with a clear message for what
cannot be saved (a missing name, an age that is not a number, the youngest above the oldest).
The dialog stays open with what was typed until the save has been committed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from casefile.errors import InvalidInput
from desktop.admin.dialog import FormDialog
from desktop.forms import labelled_row, set_label
from desktop.operations import directory as ops
from desktop.operations.directory import ServiceFields, ServiceView
from desktop.operations.session import Session
from i18n import N_, _

NOTES_HEIGHT = 90


def _line(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    return field


def _text(name: str, height: int) -> QPlainTextEdit:
    field = QPlainTextEdit()
    field.setObjectName(name)
    field.setTabChangesFocus(True)
    field.setFixedHeight(height)
    return field


def _age(text: str, which: str) -> int | None:
    """An age typed in the form, or InvalidInput naming the field."""
    text = text.strip()
    if not text:
        return None
    if not text.isdigit():
        message = (N_("The youngest age \"{value}\" is not a whole number. Write a number like "
                      "14, or leave it empty.") if which == "from" else
                   N_("The oldest age \"{value}\" is not a whole number. Write a number like "
                      "24, or leave it empty."))
        raise InvalidInput(message, value=text)
    return int(text)


class ServiceForm(FormDialog):
    """`saved` (None: a new service) is the entry as it was when the form opened."""

    def __init__(self, session: Session, saved: ServiceView | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("service-form")
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # it may quote what was typed
        self._session = session
        self.saved = saved
        self.result_view: ServiceView | None = None
        self.name = _line("name")
        self.domains = QListWidget()
        self.domains.setObjectName("domains")
        self.domains.setFixedHeight(150)
        for domain_id, _title in ops.domain_choices():
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, domain_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.domains.addItem(item)
        self.address = _text("address", 56)
        self.phone = _line("phone")
        self.phone.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # numbers stay LTR
        self.hours, self.languages, self.cost = _line("hours"), _line("languages"), _line("cost")
        self.age_from, self.age_to = _line("age-from"), _line("age-to")
        ages = QWidget()
        ages_row = QHBoxLayout(ages)
        ages_row.setContentsMargins(0, 0, 0, 0)
        self.age_dash = QLabel()
        for widget in (self.age_from, self.age_dash, self.age_to):
            ages_row.addWidget(widget)
        self.youth_friendly = QCheckBox()
        self.youth_friendly.setObjectName("youth-friendly")
        self.lgbtq_friendly = QCheckBox()
        self.lgbtq_friendly.setObjectName("lgbtq-friendly")
        self.help_line = QCheckBox()
        self.help_line.setObjectName("help-line")
        self.notes = _text("notes", NOTES_HEIGHT)
        self.labels = {name: labelled_row(self.form, field) for name, field in (
            ("name", self.name), ("domains", self.domains), ("address", self.address),
            ("phone", self.phone), ("hours", self.hours), ("languages", self.languages),
            ("cost", self.cost), ("ages", ages))}
        for box in (self.youth_friendly, self.lgbtq_friendly, self.help_line):
            self.form.addRow("", box)
        self.labels["notes"] = labelled_row(self.form, self.notes)
        self.labels["ages"].setBuddy(self.age_from)
        if saved is not None:
            self._put(saved)
        self.setMinimumWidth(560)
        self.retranslate_ui()

    def _put(self, view: ServiceView) -> None:
        self.name.setText(view.name)
        for row in range(self.domains.count()):
            item = self.domains.item(row)
            checked = item.data(Qt.ItemDataRole.UserRole) in view.domains
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.address.setPlainText(view.address)
        self.phone.setText(view.phone)
        self.hours.setText(view.hours)
        self.languages.setText(", ".join(view.languages))
        self.cost.setText(view.cost)
        self.age_from.setText("" if view.age_from is None else str(view.age_from))
        self.age_to.setText("" if view.age_to is None else str(view.age_to))
        self.youth_friendly.setChecked(view.youth_friendly)
        self.lgbtq_friendly.setChecked(view.lgbtq_friendly)
        self.help_line.setChecked(view.help_line)
        self.notes.setPlainText(view.notes)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Change a service") if self.saved else _("Add a service"))
        self.intro.setText(_("Write what the agency knows of this service. Only the name is "
                             "needed; the phone number is kept exactly as written."))
        words = {"name": _("&Name"), "domains": _("Helps &with"), "address": _("&Address"),
                 "phone": _("&Phone"), "hours": _("&Hours"), "languages": _("&Languages"),
                 "cost": _("&Cost"), "ages": _("A&ges"), "notes": _("N&otes")}
        fields: dict[str, QWidget] = {
            "name": self.name, "domains": self.domains, "address": self.address,
            "phone": self.phone, "hours": self.hours, "languages": self.languages,
            "cost": self.cost, "ages": self.age_from, "notes": self.notes}
        for name, text in words.items():
            set_label(self.labels[name], fields[name], text)
        self.languages.setPlaceholderText(_("Separated by commas, e.g. English, Español"))
        self.age_from.setPlaceholderText(_("Youngest"))
        self.age_from.setAccessibleName(_("Youngest age"))
        self.age_to.setPlaceholderText(_("Oldest"))
        self.age_to.setAccessibleName(_("Oldest age"))
        self.age_dash.setText(_("to"))
        titles = dict(ops.domain_choices())
        for row in range(self.domains.count()):
            item = self.domains.item(row)
            item.setText(titles[item.data(Qt.ItemDataRole.UserRole)])
        self.youth_friendly.setText(_("&Youth-friendly"))
        self.lgbtq_friendly.setText(_("LGBTQ&+-friendly"))
        self.help_line.setText(_("Help l&ine: offer it on safety plans"))
        self.retranslate_buttons(_("&Save"))

    def values(self) -> ServiceFields:
        """What the form says, or InvalidInput when an age is not a number."""
        domains = tuple(self.domains.item(row).data(Qt.ItemDataRole.UserRole)
                        for row in range(self.domains.count())
                        if self.domains.item(row).checkState() == Qt.CheckState.Checked)
        return ServiceFields(
            name=self.name.text(), domains=domains, address=self.address.toPlainText(),
            phone=self.phone.text(), hours=self.hours.text(),
            languages=ops.read_list(self.languages.text()),
            cost=self.cost.text(), age_from=_age(self.age_from.text(), "from"),
            age_to=_age(self.age_to.text(), "to"), youth_friendly=self.youth_friendly.isChecked(),
            lgbtq_friendly=self.lgbtq_friendly.isChecked(), help_line=self.help_line.isChecked(),
            notes=self.notes.toPlainText())

    def submit(self) -> None:
        values = self.values()
        if self.saved is None:
            self.result_view = ops.add_service(self._session, values)
        else:
            self.result_view = ops.save_service(self._session, self.saved, values)
