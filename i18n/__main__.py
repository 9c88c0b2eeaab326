"""`python -m i18n` (`make messages`): the catalogue from the code, each language updated.

New strings arrive in every .po empty, to translate; strings gone from the code leave
(kept as obsolete `#~` entries at the end, for a translator who wants them back).
"""

from __future__ import annotations

from babel.messages.pofile import read_po, write_po

from i18n import ENGLISH, LANGUAGES
from i18n.catalogue import LOCALE_DIR, po_path
from i18n.extract import source_catalog


def _forms(string: object) -> tuple[object, ...]:
    """A message's forms: a plural's each, else its one."""
    return tuple(string) if isinstance(string, (tuple, list)) else (string,)


def main() -> None:
    template = source_catalog()
    with (LOCALE_DIR / "messages.pot").open("wb") as pot:
        write_po(pot, template, omit_header=True, sort_output=True, width=96)
    for language in LANGUAGES:
        if language == ENGLISH:
            continue
        path = po_path(language)
        with path.open("rb") as po:
            catalog = read_po(po, locale=language)
        catalog.update(template, no_fuzzy_matching=True)
        with path.open("wb") as po:
            write_po(po, catalog, sort_output=True, width=96, include_previous=False)
        # A plural's forms each need their words: ("", "") is a tuple, so truthy.
        missing = sum(1 for m in catalog if m.id and not all(_forms(m.string)))
        where = path.relative_to(LOCALE_DIR.parent)
        print(f"{where}: {len(catalog)} strings, {missing} to translate")


if __name__ == "__main__":
    main()
