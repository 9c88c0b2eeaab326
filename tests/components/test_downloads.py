"""A download is built when asked for and held by the page until the browser fetches it."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def _page():
    import streamlit as st

    from components.downloads import prepared_download

    st.session_state.setdefault("built", 0)

    def make() -> bytes:
        st.session_state["built"] += 1
        return b"%PDF-1.7 the report"

    prepared_download("the report (PDF)", make, "report.pdf", "application/pdf", key="r")


def test_nothing_is_built_until_asked_for():
    at = AppTest.from_function(_page).run()
    assert [b.label for b in at.button] == ["Prepare the report (PDF)"]
    assert not at.get("download_button")
    assert at.session_state["built"] == 0


def test_once_prepared_the_page_holds_the_file_and_offers_it_by_name():
    at = AppTest.from_function(_page).run()
    at.button(key="prepare-r").click().run()
    [button] = at.get("download_button")
    assert button.proto.label == "Download the report (PDF)"
    # Not a deferred callable: the file belongs to this run, so no sweep can take it.
    assert not button.proto.deferred_file_id
    assert button.proto.url  # served from this session's media files
    assert button.proto.ignore_rerun
    assert at.session_state["built"] == 1
    assert any("Prepared at" in c.value for c in at.caption)
    at.run()  # a later rerun (a refresh tick) offers the same file without building it
    assert at.get("download_button") and at.session_state["built"] == 1
