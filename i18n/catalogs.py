"""Load the gettext catalogs shipped under `i18n/locale/<code>/LC_MESSAGES/waymark.po`.

The `.po` files are the only form kept in the repository: they are compiled in memory with Babel
when a language is first used, so a catalog can never be out of date with its compiled copy.
Fuzzy entries are left out, as `msgfmt` would.
"""

from __future__ import annotations

import gettext
import io
from functools import cache
from pathlib import Path

DOMAIN = "waymark"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"


def catalog_path(code: str) -> Path:
    return LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def load_translations(code: str) -> gettext.NullTranslations:
    """The compiled catalog for `code`, or a pass-through when there is none (English)."""
    path = catalog_path(code)
    if not path.exists():
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo  # only when a translated language is used
    from babel.messages.pofile import read_po

    with path.open("rb") as po_file:
        catalog = read_po(po_file, locale=code, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)
