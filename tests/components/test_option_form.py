"""The new option's form: its topic choice, or words when the board has nothing to choose."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

NOTHING = "For the meeting as a whole: no idea or theme is on the board yet."


def _form(topics):
    from components.solve_panels import option_form

    option_form(dict(topics), (), lambda *fields: None)


def test_with_nothing_on_the_board_the_form_says_so_instead_of_an_empty_choice():
    at = AppTest.from_function(_form, args=([],)).run()
    assert [c.value for c in at.caption] == [NOTHING]
    assert not at.selectbox
    assert at.button[0].label == "Add the option"


def test_with_ideas_the_form_offers_them_and_says_nothing_more():
    at = AppTest.from_function(_form, args=([(("idea", 1), "Lights on Pine Street")],)).run()
    assert at.selectbox[0].label == "For which idea or theme"
    assert at.selectbox[0].options == ["Lights on Pine Street"]
    assert NOTHING not in [c.value for c in at.caption]
