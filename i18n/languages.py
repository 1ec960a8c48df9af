"""The languages Waymark ships, with their names and writing direction."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    """A shipped language. `code` names the catalog folder and the Babel locale."""

    code: str
    native_name: str
    right_to_left: bool = False

    @property
    def qt_code(self) -> str:
        """The suffix of Qt's own `qtbase_<code>.qm` translations."""
        return self.code


LANGUAGES: tuple[Language, ...] = (
    Language("en", "English"),
    Language("es", "Español"),
    Language("ar", "العربية", right_to_left=True),
    Language("zh_CN", "中文（简体）"),
)
SOURCE_LANGUAGE = "en"
_BY_CODE = {lang.code: lang for lang in LANGUAGES}


def normalize_language(code: str | None) -> str:
    """Map a code such as "es-MX", "zh", "ar_EG.UTF-8" to a shipped language, else English."""
    if not code:
        return SOURCE_LANGUAGE
    cleaned = code.split(".")[0].replace("-", "_")
    if cleaned in _BY_CODE:
        return cleaned
    base = cleaned.split("_")[0].lower()
    if base == "zh":
        return "zh_CN"
    return base if base in _BY_CODE else SOURCE_LANGUAGE


def language(code: str) -> Language:
    """The shipped language for `code` (normalized; English when not shipped)."""
    return _BY_CODE[normalize_language(code)]
