"""A download is built when asked for and held by the page until the browser fetches it."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def _page():
    import streamlit as st

    from components.downloads import prepared_download

    st.session_state.setdefault("built", 0)
    private = st.checkbox("Include confidential items", key="private")

    def make() -> bytes:
        st.session_state["built"] += 1
        return b"%PDF-1.7 the report" + (b" and its secrets" if private else b"")

    name = "report-confidential.pdf" if private else "report.pdf"
    prepared_download("the report (PDF)", make, name, key="r", of=private)


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


def test_a_file_prepared_from_other_content_is_dropped_not_offered():
    # Prepared with confidential items, then the box unticked: the page had gone on
    # offering that file, under the same name as a clean one.
    at = AppTest.from_function(_page).run()
    at.checkbox(key="private").check().run()
    at.button(key="prepare-r").click().run()
    assert at.get("download_button")
    at.checkbox(key="private").uncheck().run()
    assert not at.get("download_button")
    assert "_download_r" not in at.session_state
    at.checkbox(key="private").check().run()
    assert not at.get("download_button"), "dropped, not kept for when the box comes back"
    at.button(key="prepare-r").click().run()
    assert at.get("download_button")
    assert at.session_state["built"] == 2
