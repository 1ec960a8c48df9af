"""Live language switching for the whole interface.

Switching installs a gettext-backed QTranslator (so Qt's own dialogs can be translated through
Waymark's catalogs) and Qt's `qtbase_*.qm` where PySide6 ships one, and sets the layout direction.
Installing a translator sends `QEvent.LanguageChange` to every widget; each Waymark widget then
re-reads its strings in `retranslate_ui()`. Typed text lives in the widgets and is untouched.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLibraryInfo, QObject, QTranslator
from PySide6.QtWidgets import QApplication

from desktop import look
from i18n import language, set_language
from i18n.runtime import current_translator

if TYPE_CHECKING:
    from PySide6.QtCore import QLocale


class GettextTranslator(QTranslator):
    """Answers Qt's translate() calls: Waymark's catalogs first (msgctxt = Qt context), then
    Qt's own `qtbase_*.qm`, then the source text.

    It is the only translator installed. Qt stops at the first translator that returns a non-null
    string, and a Python override cannot return a null QString (returning None trips a reference
    counting bug in PySide6), so this one consults Qt's catalog itself.
    """

    def __init__(self, qtbase: QTranslator, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._qtbase = qtbase

    def isEmpty(self) -> bool:
        # An "empty" translator is installed silently, without a LanguageChange event.
        return False

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        if disambiguation is None:
            # PySide6 hands Qt's null `disambiguation` to this override as a borrowed None that
            # it then releases: without this, None's reference count falls by one per call and
            # Python 3.11 aborts ("deallocating None"). Tested in test_language_switch.py.
            import ctypes  # here, not at start-up: it costs ~3 ms before the first window

            ctypes.pythonapi.Py_IncRef(ctypes.py_object(None))
        translator = current_translator()
        if source and translator.has(source, context):
            return translator.pgettext(context, source)
        return self._qtbase.translate(context, source, disambiguation, n) or source


class LanguageSwitcher(QObject):
    """Owns the installed translator; keeps it referenced so it is not collected."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._installed: GettextTranslator | None = None

    def switch(self, code: str) -> str:
        chosen = set_language(code)
        if self._installed is not None:
            self._app.removeTranslator(self._installed)
        self._installed = GettextTranslator(self._qtbase(chosen), self)
        self._app.installTranslator(self._installed)
        right_to_left = language(chosen).right_to_left
        if right_to_left or self._app.isRightToLeft():  # left to right is Qt's default
            from PySide6.QtCore import Qt  # not before it is needed: see forms.MessageLabel

            self._app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if right_to_left
                                         else Qt.LayoutDirection.LeftToRight)
            look.follow_direction(self._app)
        return chosen

    def _qtbase(self, code: str) -> QTranslator:
        translator = QTranslator(self)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if code != "en":
            translator.load(f"qtbase_{code}", folder)
        return translator


# Qt's locale for the few widgets that take their words from Qt (the calendar's month and day
# names). Babel's Arabic writes Latin digits where Qt's "ar" (Egypt) writes Arabic-Indic ones;
# Libyan Arabic has the same month names as Babel's and Latin digits.
_QT_LOCALES = {"ar": "ar_LY"}


def qt_locale(code: str) -> QLocale:
    """The QLocale matching how Babel writes dates in `code` (a shipped language). Imported
    here: importing QLocale builds its enums (languages, countries, scripts), ~10 ms."""
    from PySide6.QtCore import QLocale

    return QLocale(_QT_LOCALES.get(code, code))


def is_language_change(event: QEvent) -> bool:
    return event.type() == QEvent.Type.LanguageChange


class RetranslateMixin:
    """Put first in the bases of a widget that sets its strings in `retranslate_ui()`.

    `retranslate_ui()` is called by the widget's `__init__` and again on every language switch.
    """

    def retranslate_ui(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self.retranslate_ui()
        super().changeEvent(event)  # type: ignore[misc]
