"""Streamlit's uploader writes its own words in English (components/streamlit_words.py puts them
in the reader's language): these fail the day Streamlit's words change — the table would
then miss them — or the day st.file_uploader lets us give our own."""

from __future__ import annotations

import inspect
import json
import re
from functools import cache
from pathlib import Path

import pytest
import streamlit as st

from components import streamlit_words
from components.language import page_mark
from components.streamlit_words import STREAMLIT_WORDS

BUNDLES = Path(st.__file__).parent / "static" / "static" / "js"


@cache
def _frontend() -> str:
    """Streamlit's frontend code, every bundle of it."""
    return "".join(p.read_text(encoding="utf-8") for p in sorted(BUNDLES.glob("*.js")))


ICON = "add icon"
"""The words Streamlit keeps inside the add-files button: its icon's name and "icon"."""
DATE_PARTS = tuple(w for w in STREAMLIT_WORDS if w.endswith(", {label}"))
"""A date field's parts, named by the browser in its own language (Intl.DisplayNames)."""


INSTRUCTIONS = tuple(w for w in STREAMLIT_WORDS if w.startswith("Press "))
"""Put together by Streamlit from pieces: "Press Enter to ${e}", e being "submit form" or
"apply"."""


@pytest.mark.parametrize(
    "words", [w for w in STREAMLIT_WORDS if w not in (ICON, *DATE_PARTS, *INSTRUCTIONS)]
)
def test_each_word_of_the_table_is_one_streamlit_writes(words: str) -> None:
    # Streamlit writes them as template literals: "{size} per file" is `${…} per file`.
    pieces = [re.escape(p) for p in re.split(r"\{\w+\}", words)]
    literal = "`" + r"\$\{.{1,40}?\}".join(pieces) + "`"
    assert re.search(literal, _frontend()), f"Streamlit no longer writes {words!r}"


def test_the_typing_instructions_are_still_put_together_as_the_table_has_them() -> None:
    code = _frontend()
    assert "let e=a?`submit form`:`apply`" in code
    assert "f(`Press ${r()?`⌘`:`Ctrl`}+Enter to ${e}`)" in code
    assert "f(`Press Enter to ${e}`)" in code
    assert set(INSTRUCTIONS) == {
        f"Press {key}Enter to {what}" for key in ("", "{key}+") for what in ("submit form", "apply")
    }


def test_the_places_of_the_typing_words_are_still_drawn() -> None:
    code = _frontend()
    for place in streamlit_words.PLACES_OF_WORDS.split(", "):
        name = place.strip("[]").removeprefix('data-testid="').removesuffix('"')
        assert f"`{name}`" in code, f"Streamlit no longer draws {place}"


def test_the_add_files_button_still_keeps_its_icon_s_name_inside() -> None:
    code = _frontend()
    assert "`:material/add:`" in code and "`${n} icon`" in code


def test_a_date_field_still_names_its_parts_in_the_browser_s_language() -> None:
    assert "new Intl.DisplayNames(e,{type:`dateTimeField`})" in _frontend()
    assert {w.split(",")[0] for w in DATE_PARTS} == {"day", "month", "year", "hour", "minute"}


def test_the_calendar_is_still_drawn_in_the_language_navigator_language_gives() -> None:
    """Streamlit's widgets take their locale from `navigator.language`, read as the app
    draws (the script gives the page's language there); a date picker's calendar is drawn
    in it, and its fields are not (their parts are named in the table's words)."""
    code = _frontend()
    assert "locale:window.navigator.language,formsData" in code
    assert "let{locale:he}=(0,N.useContext)(f)" in code  # the date input reads it
    assert "r(p,{locale:`en-US`,children:r(Te," in code  # its fields keep en-US


def test_the_menus_are_still_where_the_script_looks_for_them() -> None:
    code = _frontend()
    for place in streamlit_words.MENUS.split(", "):
        name = place.strip("[].").removeprefix('data-testid="').removesuffix('"')
        assert f"`{name}`" in code, f"Streamlit no longer draws {place}"


def test_the_column_menu_s_copy_button_still_lacks_the_menu_item_role() -> None:
    """It fails the day Streamlit names the button a menu item itself: the script's mend
    can go then."""
    code = _frontend()
    button = code.index("title:`Copy column name`")
    assert 'role:`menu`,"aria-label":`Dataframe column menu`' in code
    assert "role:" not in code[button - 60 : button + 120]


def test_the_uploader_still_takes_no_words_of_ours() -> None:
    given = set(inspect.signature(st.file_uploader).parameters)
    assert not given & {"text", "button_text", "instructions", "browse_text", "footer_text"}


def test_the_spanish_table_puts_streamlit_s_values_where_the_spanish_has_them() -> None:
    said = dict(streamlit_words.rules("es"))
    assert said[r"^(.+) files are not allowed\.$"] == "No se admiten archivos de tipo $1."
    assert said["^(.+) per file$"] == "$1 por archivo"
    assert streamlit_words.rules("en") == []
    # An English page carries no table: it puts Streamlit's words back and mends the menu.
    english = streamlit_words.script("en")
    assert english == streamlit_words.ENGLISH_SCRIPT and "backToEnglish()" in english
    assert json.dumps(streamlit_words.COPY_BUTTON) in english and "table(" not in english
    assert 'const language = "es";' in streamlit_words.script("es")
    assert all(streamlit_words.MEND in streamlit_words.script(c) for c in ("en", "es"))
    # The script carries the table as JSON, and nothing of a person's.
    script = streamlit_words.script("es")
    assert json.dumps(streamlit_words.rules("es", streamlit_words.CONTROL_NAMES)) in script
    assert json.dumps(streamlit_words.rules("es", streamlit_words.UPLOADER_WORDS)) in script
    assert json.dumps(streamlit_words.rules("es", streamlit_words.MENU_WORDS)) in script


def test_the_script_has_no_angle_bracket_the_frontend_s_sanitiser_would_drop_it_for() -> None:
    """Streamlit's st.html passes its body through DOMPurify, which drops a script whose
    text holds "<" followed by a letter or "/" (its guard against markup in raw text):
    a comment's "<our words>" once dropped the whole page mark, lang included."""
    for language in ("en", "es"):
        assert "<" not in streamlit_words.script(language)
        body = page_mark(language).removeprefix("<script>").removesuffix("</script>")
        assert "<" not in body
