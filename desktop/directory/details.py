"""The chosen service's whole entry, beside the directory's table: every field as written (plain
text, never read as markup), the phone number kept left to right in a right-to-left layout."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from desktop.directory.model import ages_text, domains_text, languages_text, phone_text
from desktop.forms import heading
from desktop.look import TYPE
from desktop.operations.directory import ServiceView
from desktop.translation import RetranslateMixin
from i18n import N_, _

ROWS = (("domains", N_("Helps with")), ("address", N_("Address")), ("phone", N_("Phone")),
        ("hours", N_("Hours")), ("languages", N_("Languages")), ("cost", N_("Cost")),
        ("ages", N_("Ages")), ("welcome", N_("Welcomes")), ("notes", N_("Notes")))


def _value_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(f"detail-{name}")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                  | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    return label


class ServiceDetails(RetranslateMixin, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("service-details")
        self.view: ServiceView | None = None
        self.title = heading(scale=TYPE.subtitle)
        self.title.setObjectName("detail-name")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.captions: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for name, _caption in ROWS:
            self.captions[name] = QLabel()
            self.values[name] = _value_label(name)
            self.form.addRow(self.captions[name], self.values[name])
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.form)
        layout.addStretch(1)
        self.retranslate_ui()

    def show_service(self, view: ServiceView | None) -> None:
        self.view = view
        self._fill()

    def retranslate_ui(self) -> None:
        for name, caption in ROWS:
            self.captions[name].setText(_(caption))
        self._fill()

    def _welcome(self, view: ServiceView) -> str:
        marks = [(view.youth_friendly, _("Youth-friendly")),
                 (view.lgbtq_friendly, _("LGBTQ+-friendly")),
                 (view.help_line, _("Help line (offered on safety plans)"))]
        return "\n".join(words for shown, words in marks if shown)

    def _fill(self) -> None:
        view = self.view
        self.title.setText(view.name if view else _("Choose a service to see its details."))
        texts = {} if view is None else {
            "domains": domains_text(view), "address": view.address, "phone": phone_text(view),
            "hours": view.hours, "languages": languages_text(view), "cost": view.cost,
            "ages": ages_text(view), "welcome": self._welcome(view), "notes": view.notes}
        for name, _caption in ROWS:
            text = texts.get(name, "")
            self.values[name].setText(text)
            self.captions[name].setVisible(bool(text))
            self.values[name].setVisible(bool(text))
