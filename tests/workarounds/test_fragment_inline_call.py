"""workarounds/fragment_inline_call.py: the fragment's call in the page's run, told from
its reruns."""

import streamlit as st

from workarounds.fragment_inline_call import InlineCall


def test_only_the_first_call_is_the_inline_one():
    inline = InlineCall()
    assert inline.first() is True
    assert inline.first() is False
    assert inline.first() is False


def test_each_full_run_makes_a_new_one_whose_first_call_is_inline_again():
    last_run, this_run = InlineCall(), InlineCall()
    last_run.first()
    assert this_run.first() is True


def test_st_context_still_offers_what_it_offered_in_1_67():
    """A canary: Streamlit has no public way to tell a fragment's rerun from the page's run.
    When this fails, st.context changed: see whether the new part tells the two apart;
    then InlineCall can go (and this list be brought up to date otherwise)."""
    public = {name for name in dir(st.context) if not name.startswith("_")}
    assert public == {
        "cookies",
        "headers",
        "ip_address",
        "is_embedded",
        "locale",
        "theme",
        "timezone",
        "timezone_offset",
        "url",
    }
