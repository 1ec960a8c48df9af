"""A text of a content pack (the plan's sections, the needs domains, the document guides): built
in, in English and translated through the message catalogs under the pack's context, or an
agency's own, with a text per language (English where a language is missing)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from i18n.runtime import Translator, current_language, pgettext


@dataclass(frozen=True)
class ContentText:
    source: str
    own: dict[str, str] | None = None  # an agency's texts by language code

    context: ClassVar[str] = ""  # each pack's subclass names its message context

    def __str__(self) -> str:
        if self.own is None:
            return pgettext(self.context, self.source) if self.source else ""
        return self.own.get(current_language()) or self.own.get("en", self.source)

    def translated(self, translator: Translator) -> str:
        """The text in `translator`'s language (a printed copy's, not the interface's)."""
        if self.own is None:
            return translator.pgettext(self.context, self.source) if self.source else ""
        return self.own.get(translator.code) or self.own.get("en", self.source)

    def missing(self, languages: list[str]) -> list[str]:
        """The languages an agency's text lacks (none for built-in content)."""
        return [] if self.own is None else [code for code in languages if code not in self.own]
