"""Solve's line of the vote's first items: in the reader's words, a translation marked."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from services.translations.shown import Showing, Shown


def _page(names) -> None:
    from components.solve_panels import top_of_the_vote

    top_of_the_vote(names)


def test_a_translated_item_is_marked_with_its_original_and_an_original_is_not():
    # English words: the page's language here is the test's, whatever the readers'.
    names = (
        Shown("Crisis line first", "en", "es", Showing.TRANSLATED, "Línea de crisis primero"),
        Shown("Lights on Pine Street", "en", "es", Showing.MISSING),
        Shown("Bancas en la plaza", "es", "es", Showing.ORIGINAL),
    )
    at = AppTest.from_function(_page, args=(names,)).run(timeout=60)
    assert not at.exception
    (line,) = at.markdown
    assert line.value.endswith(
        "Línea de crisis primero · Lights on Pine Street · Bancas en la plaza"
    )
    # The translation says so and gives its original; the untranslated one says that.
    first, second = (c.value.replace("\\", "") for c in at.caption)  # escaped Markdown
    assert first == (
        "Línea de crisis primero: Translated from English; original (English): Crisis line first"
    )
    assert second.startswith("Lights on Pine Street: ")  # not translated yet, and said


def test_no_vote_yet_draws_nothing():
    at = AppTest.from_function(_page, args=(None,)).run(timeout=60)
    assert not at.main.children
