"""The inclusion check's panel on Set up's Groups tab."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def _no_groups_yet() -> None:
    from components.setup_panels import inclusion_panel
    from services.setup.inclusion import Inclusion

    inclusion_panel(Inclusion(total=0, by_group=[], by_category=[], warnings=[]))


def test_with_no_group_yet_it_says_so_in_words_not_with_an_empty_grid():
    """An empty table drew as a blank box with no headings (found walking a fresh install)."""
    at = AppTest.from_function(_no_groups_yet).run(timeout=30)
    assert not at.exception
    assert [c.value for c in at.caption] == ["No groups yet, so nobody is counted."]
    assert len(at.dataframe) == 0
