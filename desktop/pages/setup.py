"""First-run setup: create the store and its first administrator, then show the recovery key."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casefile.errors import MIN_PASSWORD_LENGTH, WaymarkError
from desktop.forms import (
    LTR,
    centered_column,
    form_page,
    heading,
    labelled_row,
    message_label,
    set_label,
    wait_cursor,
)
from desktop.translation import RetranslateMixin
from i18n import N_, _

CreateStore = Callable[[str, str, str], object]


class SetupPage(RetranslateMixin, QWidget):
    """Collects the first administrator's name, sign-in name and password."""

    created = Signal(object)
    restore_requested = Signal()  # restore a backup here instead of creating a new store

    def __init__(self, create: CreateStore, data_folder: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._create = create
        self._folder = data_folder
        self._error: WaymarkError | None = None
        self.title = heading()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.display_name = QLineEdit()
        self.login = QLineEdit()
        self.password = QLineEdit()
        self.confirm = QLineEdit()
        for field, name in ((self.display_name, "display-name"), (self.login, "login"),
                            (self.password, "password"), (self.confirm, "confirm")):
            field.setObjectName(name)
        for secret in (self.password, self.confirm):
            secret.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        self.labels = [labelled_row(form, f) for f in
                       (self.display_name, self.login, self.password, self.confirm)]
        self.message = message_label()
        self.submit = QPushButton()
        self.submit.setObjectName("create-store")
        self.submit.setDefault(True)
        self.restore = QPushButton()
        self.restore.setObjectName("restore-from-backup")
        form_page(self, 560, (self.title, self.intro), form, self.message,
                  (self.restore, self.submit))
        self.submit.clicked.connect(self._try_create)
        self.restore.clicked.connect(self.restore_requested)
        self.confirm.returnPressed.connect(self._try_create)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(_("Set up Waymark"))
        self.intro.setText(_(
            "Waymark keeps everything encrypted on this computer, in {folder}. "
            "Create the first administrator account. You can add other staff later."
        ).format(folder=LTR.format(self._folder)))
        texts = (_("Your &full name"), _("&Sign-in name"), _("&Password"),
                 _("&Type the password again"))
        fields = (self.display_name, self.login, self.password, self.confirm)
        for label, field, text in zip(self.labels, fields, texts, strict=True):
            set_label(label, field, text)
        self.password.setPlaceholderText(_("At least {count} characters").format(
            count=MIN_PASSWORD_LENGTH))
        self.submit.setText(_("Create"))
        self.restore.setText(_("&Restore from backup…"))
        self.message.show_error(self._error.user_message() if self._error else "")

    def _problem(self) -> str | None:
        if not self.display_name.text().strip():
            return N_("Type your full name.")
        if not self.login.text().strip():
            return N_("Choose a sign-in name.")
        if len(self.password.text()) < MIN_PASSWORD_LENGTH:
            return N_("The password needs at least {count} characters.")
        if self.password.text() != self.confirm.text():
            return N_("The two passwords are not the same.")
        return None

    def _try_create(self) -> None:
        problem = self._problem()
        if problem:
            self._show(WaymarkError(problem, count=MIN_PASSWORD_LENGTH))
            return
        try:
            with wait_cursor():
                result = self._create(self.login.text().strip(),
                                      self.display_name.text().strip(), self.password.text())
        except WaymarkError as error:
            self._show(error)
            return
        self.password.clear()
        self.confirm.clear()
        self.created.emit(result)

    def _show(self, error: WaymarkError) -> None:
        self._error = error
        self.message.show_error(error.user_message())


class RecoveryKeyPage(RetranslateMixin, QWidget):
    """Shows the recovery key once. It is not kept anywhere after this page closes."""

    done = Signal()

    def __init__(self, recovery_key: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = heading()
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.key = QLabel(recovery_key)
        self.key.setObjectName("recovery-key")
        self.key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        mono = QFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        mono.setPointSize(mono.pointSize() + 6)
        self.key.setFont(mono)
        self.key.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.confirm = QCheckBox()
        self.confirm.setObjectName("confirm-recovery-key")
        self.proceed = QPushButton()
        self.proceed.setObjectName("continue")
        self.proceed.setEnabled(False)
        self.confirm.toggled.connect(self.proceed.setEnabled)
        self.proceed.clicked.connect(self._finish)
        content = QVBoxLayout()
        for widget in (self.title, self.explanation, self.key, self.confirm):
            content.addWidget(widget)
        content.addWidget(self.proceed, alignment=Qt.AlignmentFlag.AlignRight)
        centered_column(self, content, 640)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(_("Your recovery key"))
        self.explanation.setText(_(
            "Write this key down or print this screen, and keep it locked away. It is the only "
            "way back into Waymark if every administrator forgets their password or this "
            "computer is replaced. It will not be shown again."
        ))
        self.key.setAccessibleName(_("Recovery key"))
        self.confirm.setText(_("I have written down the recovery key and will keep it safe"))
        self.proceed.setText(_("Continue"))

    def _finish(self) -> None:
        self.key.clear()
        self.done.emit()
