"""Search as you type over the resource directory, and its domain and language filters.

The index is built once from the services read (`directory.list_services`) and kept in memory by
the screen, so a keystroke is a pass over precomputed folded texts (well under a millisecond for
2,000 services), never a database read. Matching forgives case, accents and spacing like the
youth search (`casefile.cases.search`): "espanol" finds "Español", "clinica" "Clínica".

Languages are kept as an agency writes them; the ways of writing one language that Waymark knows
("es", "Spanish", "Español", "espanol") share one key, so the filter offers it once and finds
every service however its entry spells it. A language Waymark does not know is its own key.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from casefile.cases.search import search_key
from i18n import LANGUAGES, translator
from services_needs.content import domains
from services_needs.directory import ServiceView

# The usual ways of writing the languages services are most often asked about (names in English
# and in the language itself, and their codes), folded when compared.
_LANGUAGE_SPELLINGS: dict[str, tuple[str, ...]] = {
    "en": ("en", "eng", "english", "inglés", "anglais"),
    "es": ("es", "spa", "spanish", "español", "castellano"),
    "ar": ("ar", "ara", "arabic", "العربية", "عربي"),
    "zh": ("zh", "zh_cn", "zh-cn", "chinese", "中文", "中文（简体）", "汉语", "漢語"),
    "cmn": ("mandarin", "普通话", "國語", "putonghua"),
    "yue": ("cantonese", "粵語", "粤语", "广东话", "廣東話"),
    "vi": ("vi", "vietnamese", "tiếng việt"),
    "ht": ("ht", "haitian creole", "creole", "kreyòl", "kreyol ayisyen", "kreyòl ayisyen"),
    "fr": ("fr", "french", "français"),
    "pt": ("pt", "portuguese", "português"),
    "tl": ("tl", "tagalog", "filipino"),
    "ko": ("ko", "korean", "한국어"),
    "ru": ("ru", "russian", "русский"),
    "so": ("so", "somali", "soomaali"),
    "ase": ("asl", "american sign language", "sign language"),
}

# Everyday words for what a service helps with, beside each domain's id and titles, so that a
# search for "shelter" finds housing and a spreadsheet's "Medical" column reads as health.
DOMAIN_WORDS: dict[str, tuple[str, ...]] = {
    "safety": ("safety", "safe", "crisis", "violence", "trafficking"),
    "housing": ("housing", "shelter", "rent", "home"),
    "physical-health": ("health", "physical health", "medical", "clinic", "doctor", "dental"),
    "mental-health": ("mental health", "counseling", "counselling", "therapy"),
    "substance-use": ("substance use", "drugs", "alcohol", "recovery"),
    "legal": ("legal", "law", "lawyer", "immigration", "court"),
    "education": ("education", "school", "ged", "tutoring", "college"),
    "work-money": ("work", "money", "jobs", "employment", "benefits", "banking"),
    "life-skills": ("life skills", "cooking", "budgeting", "transportation"),
    "documents": ("documents", "identity documents", "id", "vital records"),
    "relationships": ("relationships", "support", "mentoring", "family"),
    "culture-identity": ("culture", "identity", "lgbtq", "belonging", "faith"),
}


@cache
def _language_keys() -> dict[str, str]:
    keys = {search_key(spelling): key for key, spellings in _LANGUAGE_SPELLINGS.items()
            for spelling in spellings}
    for lang in LANGUAGES:
        keys.setdefault(search_key(lang.code), lang.code)
        keys.setdefault(search_key(lang.native_name), lang.code)
    return keys


def language_key(text: str) -> str:
    """One key for every way of writing a language Waymark knows; else the folded text."""
    folded = search_key(text)
    return _language_keys().get(folded, folded)


def _language_words(text: str) -> str:
    """A language as written and the other ways of writing it, for the search."""
    key = language_key(text)
    return " ".join((text, *_LANGUAGE_SPELLINGS.get(key, ())))


@cache
def domain_words(domain_id: str) -> str:
    """The folded words a domain is found by: its id, its titles in every shipped language and
    the everyday words above."""
    found = next(d for d in domains() if d.id == domain_id)
    titles = [found.title.translated(translator(lang.code)) for lang in LANGUAGES]
    return search_key(" ".join((domain_id, *titles, *DOMAIN_WORDS.get(domain_id, ()))))


def service_key(view: ServiceView) -> str:
    """What a search is matched against: the name, what they help with, the address, the
    notes and the languages, folded."""
    parts = [view.name, view.address, view.notes, *map(_language_words, view.languages)]
    return " ".join((search_key(" ".join(parts)), *map(domain_words, view.domains)))


@dataclass(frozen=True)
class Filters:
    """What the list is narrowed to besides the typed words (None or False: no narrowing)."""

    domain: str | None = None
    language: str | None = None  # a `language_key`
    youth_friendly: bool = False
    lgbtq_friendly: bool = False


class DirectoryIndex:
    """The services of the directory with their folded texts, searched in memory."""

    def __init__(self, services: Iterable[ServiceView]) -> None:
        self.services = [s for s in services if not s.removed]
        self._keys = [service_key(s) for s in self.services]
        self._languages = [frozenset(map(language_key, s.languages)) for s in self.services]
        self._last: tuple[str, Filters | None, list[int]] = ("", None, [])  # the last search

    def __len__(self) -> int:
        return len(self.services)

    def search(self, text: str, filters: Filters = Filters()) -> list[ServiceView]:
        return [self.services[i] for i in self.positions(text, filters)]

    def positions(self, text: str, filters: Filters = Filters()) -> list[int]:
        """The positions (in `services`, which is by name) of the services matching every word
        of `text` and every filter. Typing on (the words extend the last search's, the filters
        the same) only narrows, so only what the last search found is looked at."""
        query = search_key(text)
        last_query, last_filters, last_found = self._last
        narrowing = bool(last_query) and query.startswith(last_query) and filters == last_filters
        found = self._matching(query, last_found if narrowing else None)
        if not narrowing:
            found = self._filtered(found, filters)
        self._last = (query, filters, found)
        return found

    def _matching(self, query: str, among: list[int] | None) -> list[int]:
        keys = self._keys
        candidates = range(len(keys)) if among is None else among
        if not query:
            return list(candidates)
        if " " not in query:  # one word: without splitting for every service
            return [i for i in candidates if query in keys[i]]
        words = query.split()
        return [i for i in candidates if all(word in keys[i] for word in words)]

    def _filtered(self, found: list[int], filters: Filters) -> list[int]:
        services, spoken = self.services, self._languages
        if filters.domain:
            found = [i for i in found if filters.domain in services[i].domains]
        if filters.language:
            found = [i for i in found if filters.language in spoken[i]]
        if filters.youth_friendly:
            found = [i for i in found if services[i].youth_friendly]
        if filters.lgbtq_friendly:
            found = [i for i in found if services[i].lgbtq_friendly]
        return found

    def languages(self) -> list[tuple[str, str]]:
        """The languages spoken across the directory, once each: (key, the first spelling
        found), in alphabetical order of that spelling."""
        shown: dict[str, str] = {}
        for service in self.services:
            for language in service.languages:
                shown.setdefault(language_key(language), language)
        return sorted(shown.items(), key=lambda item: search_key(item[1]))
