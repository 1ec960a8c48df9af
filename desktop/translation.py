"""Live language switching for the whole interface.

Switching installs a gettext-backed QTranslator (so Qt's own dialogs can be translated through
Waymark's catalogs) and Qt's `qtbase_*.qm` where PySide6 ships one, and sets the layout direction.
Installing a translator sends `QEvent.LanguageChange` to every widget; each Waymark widget then
re-reads its strings in `retranslate_ui()`. Typed text lives in the widgets and is untouched.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLibraryInfo, QObject, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from i18n import language, set_language
from i18n.runtime import current_translator


class GettextTranslator(QTranslator):
    """Answers Qt's translate() calls from Waymark's gettext catalogs (msgctxt = Qt context)."""

    def isEmpty(self) -> bool:
        # An "empty" translator is installed silently, without a LanguageChange event.
        return False

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        translator = current_translator()
        if source and translator.has(source, context):
            return translator.pgettext(context, source)
        # None is a null QString: Qt then asks the next translator (qtbase) or keeps the
        # source text. An empty string would count as a translation and blank the text.
        return None


class LanguageSwitcher(QObject):
    """Owns the installed translators; keeps them referenced so they are not collected."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._installed: list[QTranslator] = []

    def switch(self, code: str) -> str:
        chosen = set_language(code)
        for old in self._installed:
            self._app.removeTranslator(old)
        self._installed = [self._qtbase(chosen), GettextTranslator(self)]
        for translator in self._installed:
            if not translator.isEmpty():
                self._app.installTranslator(translator)
        direction = Qt.LayoutDirection.RightToLeft
        if not language(chosen).right_to_left:
            direction = Qt.LayoutDirection.LeftToRight
        self._app.setLayoutDirection(direction)
        return chosen

    def _qtbase(self, code: str) -> QTranslator:
        translator = QTranslator(self)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if code != "en":
            translator.load(f"qtbase_{code}", folder)
        return translator


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
