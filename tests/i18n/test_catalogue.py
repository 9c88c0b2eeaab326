"""The catalogue is complete: every marked string is in it, and Spanish has every one.

A string marked with `_()` but not in locale/messages.pot means `make messages` was not
run; one with no Spanish, a fuzzy (guessed) Spanish, or Spanish that drops a `{placeholder}`
would show a Spanish reader English or a broken sentence.
"""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po

from i18n import ENGLISH, LANGUAGES
from i18n.catalogue import LOCALE_DIR, po_path
from i18n.extract import source_catalog

PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _ids(catalog) -> set:
    return {m.id for m in catalog if m.id}


def test_the_template_holds_every_string_the_code_marks():
    with (LOCALE_DIR / "messages.pot").open("rb") as pot:
        template = read_po(pot)
    in_code, in_template = _ids(source_catalog()), _ids(template)
    assert in_code - in_template == set(), "New strings: run `make messages` and translate them"
    assert in_template - in_code == set(), "Strings gone from the code: run `make messages`"


@pytest.mark.parametrize("language", sorted(set(LANGUAGES) - {ENGLISH}))
def test_every_string_has_a_translation_that_keeps_its_placeholders(language):
    with po_path(language).open("rb") as po:
        catalog = read_po(po, locale=language)
    assert _ids(source_catalog()) <= _ids(catalog), "run `make messages`"
    problems = []
    for message in catalog:
        # Iterating a catalogue gives its live entries; obsolete ones sit in catalog.obsolete.
        if not message.id:
            continue
        english = message.id if isinstance(message.id, tuple) else (message.id,)
        translated = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(translated):
            problems.append(f"untranslated or fuzzy: {english[0]!r}")
            continue
        wanted = set(PLACEHOLDER.findall(" ".join(str(e) for e in english)))
        for text in translated:
            if set(PLACEHOLDER.findall(str(text))) != wanted:
                problems.append(f"placeholders differ: {english[0]!r} -> {text!r}")
    assert problems == []


def test_the_catalogue_test_catches_a_missing_translation(tmp_path):
    po = tmp_path / "messages.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: es\\n"\n\nmsgid "Save"\nmsgstr ""\n')
    with po.open("rb") as handle:
        catalog = read_po(handle, locale="es")
    assert [m.id for m in catalog if m.id and not m.string] == ["Save"]


def test_spanish_quotes_one_way_as_the_glossary_says():
    # Two entries used « », beside 160 with “ ”: a survey's own hint and its refusal
    # quoted the same answer two ways (a helper's walk).
    with po_path("es").open("rb") as po:
        catalog = read_po(po, locale="es")
    other = [
        m.id
        for m in catalog
        if m.id
        for text in (m.string if isinstance(m.string, tuple) else (m.string,))
        if "«" in str(text) or "»" in str(text)
    ]
    assert other == []
