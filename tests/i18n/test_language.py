"""The language of a run: chosen per block or per person, English when unknown."""

from __future__ import annotations

from datetime import date

import i18n
from i18n import _, ngettext


def test_english_is_the_source_and_the_fallback():
    with i18n.using("en"):
        assert _("Save") == "Save"
    with i18n.using("xx"):
        assert i18n.current() == "en"
    assert i18n.supported("ES-mx") == "es"
    assert i18n.supported(None) == "en"


def test_a_block_wins_over_the_person_and_ends_with_the_block():
    i18n.install_resolver(lambda: "es")
    try:
        assert i18n.current() == "es"
        with i18n.using("en"):
            assert i18n.current() == "en"
        assert i18n.current() == "es"
    finally:
        i18n.install_resolver(lambda: None)
    assert i18n.current() == "en"


def test_numbers_and_dates_are_written_as_each_language_writes_them():
    with i18n.using("en"):
        assert i18n.number(1234.5, 1) == "1,234.5"
        assert i18n.percent(0.72) == "72%"
        assert i18n.day(date(2026, 12, 2)) == "December 2, 2026"
    with i18n.using("es"):
        assert i18n.number(1234.5, 1) in {"1.234,5", "1234,5"}
        assert i18n.percent(0.72).replace("\xa0", " ") == "72 %"
        assert i18n.day(date(2026, 12, 2)) == "2 de diciembre de 2026"
        assert i18n.language_name("en") == "inglés"


def test_counts_take_the_language_plural():
    with i18n.using("en"):
        assert ngettext("{n} vote", "{n} votes", 1) == "{n} vote"
        assert ngettext("{n} vote", "{n} votes", 2) == "{n} votes"
