"""A confirmation shown once leaves what follows it where it was on the next run.

Streamlit draws an element whose place changed anew: an open expander below a confirmation
that vanished on the next run was drawn shut under the facilitator's hand (found on Set up's
"Give a table its scribe", tests/e2e/test_empty_install.py).
"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest


def _page(flash: str) -> None:
    import streamlit as st

    from components import notices
    from components.setup import common

    if flash == "page":
        notices.show_flash()
    else:
        common.show_tab_flash("Tables")
    with st.expander("Give a table its scribe"):
        st.write("Which table, which scribe")


def _expander_place(at: AppTest) -> int:
    [place] = [i for i, node in at.main.children.items() if node.type == "expander"]
    return place


@pytest.mark.parametrize(
    ("flash", "key"),
    [("page", "_flash_message"), ("tab", "_setup_tab_flash_Tables")],
)
def test_the_expander_keeps_its_place_when_the_confirmation_is_gone(flash: str, key: str):
    at = AppTest.from_function(_page, args=(flash,))
    # What flash_and_rerun leaves: the page's (message, place), a tab's message.
    at.session_state[key] = ("Scribe assigned.", None) if flash == "page" else "Scribe assigned."
    at.run()
    assert [s.value for s in at.success] == ["Scribe assigned."]
    shown = _expander_place(at)
    at.run()
    assert not at.success
    assert _expander_place(at) == shown
