"""The gettext functions and the current interface language."""

from __future__ import annotations

import gettext
from collections.abc import Callable
from dataclasses import dataclass

from i18n.catalogs import load_translations
from i18n.languages import SOURCE_LANGUAGE, normalize_language


@dataclass(frozen=True)
class Translator:
    """Translation into one language, independent of the interface language (for printing)."""

    code: str
    _translations: gettext.NullTranslations

    def gettext(self, message: str) -> str:
        return self._translations.gettext(message) if message else message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self._translations.ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        return self._translations.pgettext(context, message) if message else message

    def has(self, message: str, context: str | None = None) -> bool:
        """Whether the catalog holds a translation of `message` (used by Qt's bridge)."""
        key = f"{context}\x04{message}" if context else message
        return key in getattr(self._translations, "_catalog", {})


def translator(code: str) -> Translator:
    """A translator for `code`, e.g. the youth's language for a printed copy."""
    normalized = normalize_language(code)
    return Translator(normalized, load_translations(normalized))


_current = translator(SOURCE_LANGUAGE)
_listeners: list[Callable[[str], None]] = []


def set_language(code: str) -> str:
    """Make `code` the interface language; returns the shipped language actually chosen."""
    global _current
    _current = translator(code)
    for listener in list(_listeners):
        listener(_current.code)
    return _current.code


def current_language() -> str:
    return _current.code


def current_translator() -> Translator:
    return _current


def add_language_listener(listener: Callable[[str], None]) -> None:
    _listeners.append(listener)


def _(message: str) -> str:
    """Translate `message` into the interface language."""
    return _current.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _current.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return _current.pgettext(context, message)


def N_(message: str) -> str:
    """Mark `message` for extraction; it is translated with `_` where it is shown."""
    return message
