"""The translations of each language, read once per process from its .po file."""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "messages"


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(language: str) -> NullTranslations:
    """English is the source text; any other language comes from its .po file.

    Fuzzy entries are left out (Babel's default): a guess is never shown as a translation.
    """
    path = po_path(language)
    if language == "en" or not path.exists():
        return NullTranslations()
    with path.open("rb") as po:
        catalog = read_po(po, locale=language, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


@cache
def has_translations(language: str) -> bool:
    """Whether `language`'s catalogue translates anything at all."""
    path = po_path(language)
    if not path.exists():
        return False
    with path.open("rb") as po:
        return any(m.id and m.string for m in read_po(po, locale=language))
