"""The one home of translation in Waymark.

Every user-visible string goes through `_`, `ngettext` or `pgettext`; module-level strings are
marked with `N_` and translated where they are shown, so that a language switch takes effect.
"""

from i18n.languages import LANGUAGES, Language, language, normalize_language
from i18n.runtime import (
    N_,
    Translator,
    _,
    add_language_listener,
    current_language,
    ngettext,
    pgettext,
    set_language,
    translator,
)

__all__ = [
    "LANGUAGES",
    "N_",
    "Language",
    "Translator",
    "_",
    "add_language_listener",
    "current_language",
    "language",
    "ngettext",
    "normalize_language",
    "pgettext",
    "set_language",
    "translator",
]
