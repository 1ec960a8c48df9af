"""Extract Waymark's messages and keep the shipped catalogs in step (a maintainer's tool).

`python -m i18n.extract update` refreshes every `.po` from the source; `check` lists what a
shipped language is missing. Used by the catalog completeness test, so it must stay headless.
"""

from __future__ import annotations

import re
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po, write_po

from i18n.catalogs import DOMAIN, catalog_path
from i18n.languages import LANGUAGES, SOURCE_LANGUAGE

ROOT = Path(__file__).resolve().parent.parent
SOURCE_PACKAGES = ("desktop", "cli", "demo", "printing", "planning", "services_needs", "casefile",
                   "i18n")
METHOD_MAP = [("**.py", "python")]
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


CONTENT_FILES = {"resources/plan/sections.toml": "plan",  # built-in content: its context
                 "resources/plan/debrief.toml": "plan",
                 "resources/needs/domains.toml": "needs",
                 "resources/needs/documents.toml": "needs"}
CONTENT_KEYS = re.compile(
    r'^\s*(title|explain|text|example|label|name|when|guide)\s*=\s*("(?:[^"\\]|\\.)*")\s*$')


def content_texts(path: Path) -> Iterator[tuple[str, int]]:
    """Every translatable text of a content file (one `key = "text"` a line), with its line."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        match = CONTENT_KEYS.match(line)
        if match:
            yield tomllib.loads(f"v = {match.group(2)}")["v"], number


def extract_template() -> Catalog:
    template = Catalog(project="Waymark", domain=DOMAIN, charset="utf-8")
    for package in SOURCE_PACKAGES:
        results = extract_from_dir(ROOT / package, METHOD_MAP, keywords=DEFAULT_KEYWORDS,
                                   comment_tags=("L10N:",), strip_comment_tags=True)
        for filename, lineno, message, comments, context in results:
            template.add(message, None, [(f"{package}/{filename}", lineno)],
                         auto_comments=comments, context=context)
    for name, context in CONTENT_FILES.items():
        for message, lineno in content_texts(ROOT / name):
            template.add(message, None, [(name, lineno)], context=context)
    return template


def load_catalog(code: str) -> Catalog:
    with catalog_path(code).open("rb") as handle:
        return read_po(handle, locale=code, domain=DOMAIN)


def _new_catalog(code: str) -> Catalog:
    return Catalog(locale=code, domain=DOMAIN, project="Waymark", charset="utf-8", fuzzy=False,
                   header_comment=f"# Waymark's messages in {code}.")


def update_catalogs() -> None:
    template = extract_template()
    for lang in LANGUAGES:
        if lang.code == SOURCE_LANGUAGE:
            continue
        path = catalog_path(lang.code)
        catalog = load_catalog(lang.code) if path.exists() else _new_catalog(lang.code)
        catalog.update(template, update_header_comment=False)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as handle:
            write_po(handle, catalog, width=100, omit_header=False, ignore_obsolete=True)


def _strings(message: Message) -> tuple[str, ...]:
    value = message.string
    if isinstance(value, (list, tuple)):
        return tuple(value)
    return (value or "",)


def problems(code: str) -> Iterator[str]:
    """Every way the catalog for `code` falls short of the source (empty when complete)."""
    catalog = load_catalog(code)
    for wanted in extract_template():
        if not wanted.id:
            continue
        found = catalog.get(wanted.id, context=wanted.context)
        label = wanted.id if isinstance(wanted.id, str) else wanted.id[0]
        if found is None or found.fuzzy or not all(_strings(found)):
            yield f"{code}: untranslated: {label!r}"
            continue
        source = set(PLACEHOLDER.findall(label))
        for text in _strings(found):
            if set(PLACEHOLDER.findall(text)) != source:
                yield f"{code}: placeholders differ: {label!r} -> {text!r}"


def main(argv: list[str]) -> int:
    if argv[:1] == ["update"]:
        update_catalogs()
        return 0
    found = [p for lang in LANGUAGES if lang.code != SOURCE_LANGUAGE for p in problems(lang.code)]
    print("\n".join(found) or "All catalogs are complete.")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
