"""The administrator's status window: data folder, keyring, agency policy, and backups.

Everything here is read-only except the two backup buttons: the agency policy is set by IT staff
in the machine-wide policy file, never from inside Waymark.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casefile.errors import WaymarkError
from desktop.admin.dialog import wrapped_label
from desktop.admin.restore_question import RestoreQuestion
from desktop.forms import LTR, heading, message_label
from desktop.look import TYPE, MessageKind
from desktop.operations import status as ops
from desktop.operations.runner import Runner
from desktop.operations.session import Session
from desktop.operations.types import BACKUP_SUFFIX
from desktop.translation import RetranslateMixin
from i18n import N_, _, language, ngettext
from i18n.formatting import format_number

if TYPE_CHECKING:
    from desktop.operations.plan import ContentStatus


def value_label(name: str) -> QLabel:
    label = wrapped_label(name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _content_text(status: ContentStatus, agency_path: Path) -> str:
    """A content pack built in, and the agency's own file: where it is, whether it can be used,
    and which languages it leaves in English."""
    if status.path is None:
        return _("Built in only (an agency adds its own in {file})").format(
            file=LTR.format(agency_path))
    if status.problem:
        return status.problem
    lines = [_("Built in, and {file}").format(file=LTR.format(status.path))]
    for code, count in status.missing.items():
        lines.append(ngettext("{count} text of it is not in {language}: shown in English",
                              "{count} texts of it are not in {language}: shown in English",
                              count).format(count=format_number(count),
                                            language=language(code).native_name))
    return "\n".join(lines)


def _plan_content_text() -> str:
    from desktop.operations import plan as plan_ops

    return _content_text(plan_ops.content_status(), plan_ops.agency_content_path())


def _document_guides_text() -> str:
    from desktop.operations import documents as documents_ops

    return _content_text(documents_ops.guides_status(), documents_ops.agency_guides_path())


class StatusDialog(RetranslateMixin, QDialog):
    restore_starting = Signal()  # save anything waiting before the data is replaced
    restored = Signal()  # the store was replaced by a backup: everyone must sign in again

    ROWS = ("data_folder", "keyring", "keyring_detail", "password_only", "policy_file",
            "idle_lock", "keyring_required", "languages", "agency", "help_lines",
            "emergency_minutes", "plan_content", "document_guides")
    COMPUTER_ROWS = 4  # the rows about this computer; the others are the agency policy

    def __init__(self, session: Session, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("status-and-backups")
        self._session = session
        self._runner = runner
        self.status = ops.load_status(session)
        self.child: QDialog | None = None
        self._notice: tuple[str, dict[str, str]] | None = None
        self.computer_title = heading(scale=TYPE.subtitle)
        self.policy_title = heading(scale=TYPE.subtitle)
        self.policy_note = wrapped_label("policy-note")
        self.values = {name: value_label(name) for name in self.ROWS}
        # Class paths and error text are not words in any language: always left to right.
        self.values["keyring_detail"].setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.values["keyring_detail"].setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.names: dict[str, QLabel] = {}
        self.backup_button = QPushButton()
        self.backup_button.setObjectName("back-up")
        self.restore_button = QPushButton()
        self.restore_button.setObjectName("restore")
        self.message = message_label()
        self.close_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_box.rejected.connect(self.reject)
        self._lay_out()
        self.backup_button.clicked.connect(self.back_up)
        self.restore_button.clicked.connect(self.choose_restore)
        self.setMinimumWidth(620)
        self.retranslate_ui()

    def _form(self, names: tuple[str, ...]) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name in names:
            self.names[name] = QLabel()
            form.addRow(self.names[name], self.values[name])
        return form

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.computer_title)
        self._computer_form = self._form(self.ROWS[:self.COMPUTER_ROWS])
        layout.addLayout(self._computer_form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addSpacing(12)
        layout.addWidget(self.policy_title)
        layout.addWidget(self.policy_note)
        layout.addLayout(self._form(self.ROWS[self.COMPUTER_ROWS:]))
        layout.addStretch(1)
        layout.addWidget(self.close_box)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Status and backups"))
        self.computer_title.setText(_("This computer"))
        self.policy_title.setText(_("Agency policy in force"))
        self.policy_note.setText(_(
            "Your agency's IT staff set this policy in the policy file on this computer. "
            "It cannot be changed here."))
        names = {
            "data_folder": _("Data folder"), "keyring": _("Keyring"),
            "keyring_detail": _("Technical detail"),
            "password_only": _("Accounts still protected by password only"),
            "policy_file": _("Policy file"), "idle_lock": _("Lock when idle"),
            "keyring_required": _("Keyring required"), "languages": _("Languages"),
            "agency": _("Agency name"), "help_lines": _("Help lines"),
            "emergency_minutes": _("Emergency access lasts"),
            "plan_content": _("Plan content"),
            "document_guides": _("Document guidance"),
        }
        for name, text in names.items():
            self.names[name].setText(text)
            self.values[name].setAccessibleName(text)
        self._show_values()
        self.backup_button.setText(_("&Back up now…"))
        self.restore_button.setText(_("&Restore from backup…"))
        close = self.close_box.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setText(_("Close"))
        if self._notice is not None:
            self.message.setText(_(self._notice[0]).format(**self._notice[1]))

    def _show_values(self) -> None:
        status, policy = self.status, self.status.policy
        values = self.values
        values["data_folder"].setText(LTR.format(status.data_folder))
        password_only = status.keyring_name is None
        if password_only:
            values["keyring"].setText(" ".join((
                _("Password only: no secure keyring on this computer."),
                _(status.keyring_problem))))
            values["keyring"].setProperty("kind", MessageKind.WARNING.value)
        else:
            values["keyring"].setText(status.keyring_name or "")
            values["keyring"].setProperty("kind", None)
        values["keyring"].style().polish(values["keyring"])
        values["keyring_detail"].setText(LTR.format(status.keyring_detail))
        self._computer_form.setRowVisible(values["keyring_detail"],
                                          password_only and bool(status.keyring_detail))
        values["password_only"].setText(", ".join(status.password_only_logins) or _("None"))
        values["policy_file"].setText(LTR.format(policy.source) if policy.source
                                      else _("None: the built-in defaults are in force"))
        values["idle_lock"].setText(ngettext(
            "after {minutes} minute", "after {minutes} minutes", policy.idle_minutes,
        ).format(minutes=format_number(policy.idle_minutes)))
        values["keyring_required"].setText(_("Yes") if policy.keyring_required else _("No"))
        values["languages"].setText(", ".join(language(code).native_name
                                              for code in policy.languages))
        values["agency"].setText(policy.agency_name or _("Not set"))
        lines = [f"{line.name}: {LTR.format(line.number)}"
                 + (f" ({line.hours})" if line.hours else "") for line in policy.help_lines]
        values["help_lines"].setText("\n".join(lines) or _("None"))
        values["emergency_minutes"].setText(ngettext(
            "{minutes} minute", "{minutes} minutes", policy.break_glass_minutes,
        ).format(minutes=format_number(policy.break_glass_minutes)))
        values["plan_content"].setText(_plan_content_text())
        values["document_guides"].setText(_document_guides_text())

    # backups
    def choose_backup_target(self) -> Path | None:
        start = Path.home() / ops.default_backup_name()
        chosen, _filter = QFileDialog.getSaveFileName(
            self, _("Back up Waymark"), str(start), _("Waymark backups (*.wmbackup)"),
            options=QFileDialog.Option.DontConfirmOverwrite)  # an existing file is never replaced
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix == BACKUP_SUFFIX else path.with_name(path.name + BACKUP_SUFFIX)

    def choose_backup_source(self) -> Path | None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, _("Restore from backup"), str(Path.home()),
            _("Waymark backups (*.wmbackup)"))
        return Path(chosen) if chosen else None

    def back_up(self) -> None:
        target = self.choose_backup_target()
        if target is None:
            return
        self._runner.run(functools.partial(ops.make_backup, self._session, target),
                         on_done=self._backed_up, on_error=self._show_error, caller=self)

    def _backed_up(self, written: Path) -> None:
        self._show_notice(N_("The backup was saved to {path}."), path=LTR.format(written))

    def choose_restore(self) -> None:
        source = self.choose_backup_source()
        if source is None:
            return
        question = RestoreQuestion(source, self)
        question.confirmed.connect(lambda: self.restore(source))
        self.child = question
        question.open()

    def restore(self, source: Path) -> None:
        self.restore_starting.emit()
        self._runner.run(functools.partial(ops.restore_backup, self._session, source),
                         on_done=self._restored, on_error=self._restore_failed, caller=self)

    def _restored(self, _kept: Path) -> None:
        self.accept()
        self.restored.emit()

    def _restore_failed(self, error: WaymarkError) -> None:
        self._show_error(error)
        if not self._session.is_open:  # the restore closes the store whatever happens
            self.backup_button.setEnabled(False)
            self.restore_button.setEnabled(False)
            self.finished.connect(lambda _result: self.restored.emit())

    def _show_notice(self, text: str, **params: str) -> None:
        self._notice = (text, params)
        self.message.show_message(_(text).format(**params), MessageKind.SUCCESS)

    def _show_error(self, error: WaymarkError) -> None:
        self._notice = None
        self.message.show_error(error.user_message())
