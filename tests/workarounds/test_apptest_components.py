"""The screen tests' AppTests share one search for installed components: a workaround in
the tests alone (`shared_components`, tests/views/conftest.py)."""

from __future__ import annotations

import pytest
from streamlit.components.v2.component_manager import BidiComponentManager
from streamlit.testing.v1 import AppTest

from tests.views.conftest import shared_components

SCRIPT = "import streamlit as st\nst.write('hello')\n"


@pytest.fixture
def searches(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Each search Streamlit makes for installed components, counted."""
    made: list[int] = []
    search = BidiComponentManager.discover_and_register_components

    def counted(self: BidiComponentManager, *args, **kwargs) -> None:
        made.append(1)
        search(self, *args, **kwargs)

    monkeypatch.setattr(BidiComponentManager, "discover_and_register_components", counted)
    return made


def test_a_fresh_apptest_still_searches_every_installed_package(searches: list[int]) -> None:
    """The day Streamlit keeps one search for every AppTest, this fails: the sharing in
    tests/views/conftest.py is then no longer needed."""
    for _ in range(2):
        AppTest.from_string(SCRIPT).run()
    assert len(searches) == 2


def test_an_apptest_given_the_shared_registry_searches_nothing(searches: list[int]) -> None:
    shared = shared_components()
    searches.clear()  # the process's one search, if this test made it
    for _ in range(2):
        at = AppTest.from_string(SCRIPT)
        at._bidi_component_manager = shared
        at.run()
        assert at.markdown[0].value == "hello"
    assert searches == []
