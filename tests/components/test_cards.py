"""Cards: a scribe's long list draws its newest cards first and the rest on request."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def _many_cards():
    import streamlit as st

    from components.cards import newest_first

    for n in newest_first([f"note {n}" for n in range(30, 0, -1)], "notes", key="all"):
        st.write(n)


def test_a_long_list_draws_the_newest_twenty_until_the_reader_asks_for_all():
    at = AppTest.from_function(_many_cards).run()
    assert [m.value for m in at.markdown][:2] == ["note 30", "note 29"]
    assert len(at.markdown) == 20
    assert at.toggle[0].label == "Show all 30 notes, not only the newest 20"
    at.toggle[0].set_value(True).run()
    assert len(at.markdown) == 30 and at.markdown[-1].value == "note 1"


def _newest_read():
    import streamlit as st

    from components.cards import newest_first, wanted

    every = [f"note {n}" for n in range(30, 0, -1)]
    read = every[: wanted("all")] if wanted("all") else every  # as a screen's read would
    st.caption(f"read {len(read)}")
    for n in newest_first(read, "notes", key="all", total=len(every)):
        st.write(n)


def test_a_screen_reads_only_the_newest_twenty_until_the_reader_asks_for_all():
    at = AppTest.from_function(_newest_read).run()
    assert at.caption[0].value == "read 20" and len(at.markdown) == 20
    assert at.toggle[0].label == "Show all 30 notes, not only the newest 20"
    at.toggle[0].set_value(True).run()
    assert at.caption[0].value == "read 30" and len(at.markdown) == 30
    at.toggle[0].set_value(False).run()
    assert at.caption[0].value == "read 20" and len(at.markdown) == 20
