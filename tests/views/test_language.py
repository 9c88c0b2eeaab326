"""Staff read their screens in their own language, and change it in one tap."""

from __future__ import annotations

import re

import pytest

import i18n
import i18n.catalogue
from services.setup import languages


def _switch(at):
    [control] = [c for c in at.segmented_control if c.label == "Language · Idioma"]
    return control


def _page_language(at) -> str | None:
    marks = [h.proto.body for h in at.html if "documentElement.lang" in h.proto.body]
    found = re.search(r"lang = '(\w+)'", marks[-1]) if marks else None
    return found.group(1) if found else None


@pytest.fixture
def spanish_offered(monkeypatch):
    """As when locale/es has translations (the switch is offered only then)."""
    monkeypatch.setattr(i18n, "offered", lambda: ("en", "es"))


def test_the_switch_is_offered_only_once_spanish_has_translations(room_app):
    at = room_app("s1").run()
    shown = [c for c in at.segmented_control if c.label == "Language · Idioma"]
    assert bool(shown) == i18n.catalogue.has_translations("es")


def test_a_scribe_reads_their_own_language_and_the_page_says_which(db, room_app, spanish_offered):
    languages.set_own_language(db, room_app.room.scribe1, "es")
    at = room_app("s1").run()
    assert at.session_state["language"] == "es"
    assert _page_language(at) == "es"
    assert _switch(at).value == "es"


def test_one_tap_changes_the_language_and_the_account_keeps_it(db, room_app, spanish_offered):
    at = room_app("s1").run()
    assert at.session_state["language"] == "en"
    _switch(at).set_value("es").run()
    assert at.session_state["language"] == "es"
    assert languages.own_language(db, room_app.room.scribe1) == "es"
    assert languages.own_language(db, room_app.room.facilitator) == "en"


def test_a_visitor_reads_the_language_their_browser_asks_for_english_by_default(room_app):
    at = room_app().run()
    assert at.session_state["language"] == "en"
    assert _page_language(at) == "en"


def test_a_visitor_switches_the_sign_in_page_to_spanish_in_one_tap(room_app, spanish_offered):
    at = room_app().run()
    switch = [c for c in at.segmented_control if c.label == "Language · Idioma"]
    assert switch, "no language switch on the sign-in page"
    switch[0].set_value("es").run()
    assert at.session_state["language"] == "es"
    assert "Iniciar sesión" in [h.value for h in at.subheader]


def _phone(room_app, page: str, code: str):
    at = room_app(query={"code": code}).run()
    return at.switch_page(page).run()


@pytest.mark.parametrize("page", ["views/vote.py", "views/survey.py"])
def test_a_phone_opens_in_the_participants_language_from_the_roster(db, room_app, page):
    room = room_app.room
    languages.set_participant_language(db, room.facilitator, room.participant_ids[0], "es")
    at = _phone(room_app, page, "code-0")
    assert not at.exception
    assert at.session_state["language"] == "es"
    assert _page_language(at) == "es"
    assert at.title[0].value in ("Votación", "Antes de la reunión", "¿Cómo le fue?")
    # Another participant's phone keeps English.
    other = _phone(room_app, page, "code-1")
    assert other.session_state["language"] == "en"


def test_one_tap_on_the_phone_switches_and_the_badge_keeps_it(db, room_app, spanish_offered):
    at = _phone(room_app, "views/vote.py", "code-0")
    assert at.session_state["language"] == "en"
    [other] = [b for b in at.button if b.label == "Español"]
    other.click().run()
    assert at.session_state["language"] == "es"
    assert languages.language_of_code(db, "code-0") == "es"
    assert [b.label for b in at.button if b.label in ("English", "Español")] == ["English"]
    assert at.title[0].value == "Votación"
    # The survey on the same phone, and the ballot opened again later, stay in Spanish.
    again = _phone(room_app, "views/survey.py", "code-0")
    assert again.session_state["language"] == "es"


def test_a_file_downloaded_from_a_spanish_screen_has_a_spanish_name(db, room_app):
    """The file name is part of what the reader reads: the Spanish-reading facilitator's
    report downloads as informe-de-la-reunion.pdf. Streamlit names the file it serves by
    its bytes, type and name, so the download's address says which name it was given."""
    from streamlit.runtime.memory_media_file_storage import _calculate_file_id

    languages.set_own_language(db, room_app.room.facilitator, "es")
    at = room_app("fac").run().switch_page("views/review.py").run()
    at.button(key="prepare-report").click().run()
    assert not at.exception
    [download] = [d for d in at.get("download_button") if "informe" in d.proto.label]
    data = at.session_state["_download_report"][1]  # (what it is made of, the bytes, when)
    for name, named in (("informe-de-la-reunion.pdf", True), ("meeting-report.pdf", False)):
        file_id = _calculate_file_id(data, "application/pdf", name)
        assert download.proto.url.endswith(f"/{file_id}.pdf") is named, name
