"""The reader's language on screen: kept per person in their session, said to the browser.

`i18n` resolves `_()` through `install()`'s resolver, so every string of a run — a
fragment's rerun included, which does not pass through app.py — comes out in the language
of the person whose session it is.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable

import streamlit as st

import i18n
from components import streamlit_words
from i18n import LANGUAGES
from runtime import Database
from services.setup import languages

LANGUAGE_KEY = "language"
_BADGE_KEY = "language_badge"
"""The badge whose language this session took, so it is taken once and a tap wins after."""
_OWNER_KEY = "language_owner"
"""Whose choice the session's language is: an account id, or None for a visitor. Signing
in replaces a visitor's guess with the account's own language."""
_VISITOR_CHOICE_KEY = "language_visitor_choice"
"""The language a visitor picked with the switch, until they sign in: their account keeps
it (they picked Español on the sign-in page to read Spanish, not to be put back)."""
_UNSET = object()


def _session_language() -> str | None:
    try:
        return st.session_state.get(LANGUAGE_KEY)
    except Exception:
        return None


def install() -> None:
    """Once per process: `_()` reads the language of the session it runs in."""
    i18n.install_resolver(_session_language)


def chosen_by() -> object:
    """The account whose language this session shows (None: a visitor's), or a marker
    that no language was set yet."""
    if LANGUAGE_KEY not in st.session_state:
        return _UNSET
    return st.session_state.get(_OWNER_KEY)


def use(language: str | None, *, by: int | None = None) -> str:
    """This session reads `language` from now on (English when unknown)."""
    st.session_state[LANGUAGE_KEY] = i18n.supported(language)
    st.session_state[_OWNER_KEY] = by
    return st.session_state[LANGUAGE_KEY]


def mark_page() -> None:
    """`<html lang>` for the language shown, so a screen reader speaks it with the right
    voice (WCAG 3.1.1). The script is fixed text: the language is one of our codes."""
    st.html(page_mark(i18n.current()), unsafe_allow_javascript=True)


def page_mark(language: str) -> str:
    """The fixed script that marks the page's language, and puts the words Streamlit writes
    itself in it (components/streamlit_words.py); `language` is one of our codes."""
    code = i18n.supported(language)
    words = streamlit_words.script(code)
    return f"<script>document.documentElement.lang = {code!r};\n{words}</script>"


# Each language's name on the switch is a part in that language, whatever the page's
# (WCAG 3.1.2): the script marks its button with its `lang`. A new body each run (a run
# id), so it marks the buttons the run drew again. Fixed text: our codes and names.
_OWN_LANGUAGE = """<script data-marks-languages="%(run)s">
(() => {
  const mark = () => document.querySelectorAll(".st-key-%(key)s button").forEach((b) => {
    const lang = %(langs)s[b.innerText.trim()];
    if (lang) b.setAttribute("lang", lang);
  });
  // The buttons may be drawn a moment after this script runs: mark again as they come.
  [0, 100, 400, 1500].forEach((ms) => setTimeout(mark, ms));
})();
</script>"""


def own_language_marks(key: str) -> str:
    """The script that gives each button of the switch keyed `key` its language's `lang`."""
    langs = json.dumps({name: code for code, name in LANGUAGES.items()})
    return _OWN_LANGUAGE % {"run": uuid.uuid4().hex, "key": key, "langs": langs}


def switch(
    on_choose: Callable[[str], object] | None = None, *, key: str = "language_switch"
) -> None:
    """One tap to the other language: both names written in their own language, so a
    reader finds theirs whichever language the page is in. `on_choose` keeps the choice
    (the participant's roster entry, the staff account)."""
    if len(i18n.offered()) < 2:
        return  # nothing translated yet: a switch would promise what the screens cannot keep
    st.segmented_control(
        "Language · Idioma",
        list(i18n.offered()),
        format_func=LANGUAGES.__getitem__,
        default=i18n.current(),
        key=key,
        label_visibility="collapsed",
        on_change=_switched,
        args=(key, on_choose),
    )
    st.html(own_language_marks(key), unsafe_allow_javascript=True)


def _switched(key: str, on_choose: Callable[[str], object] | None) -> None:
    """The tap, taken before the run it starts: that one run draws the whole page in the
    language picked. (Taken in the run, the page was drawn up to the switch in the old
    language and then again, and a scribe's page was once seen half switched.)"""
    picked = st.session_state.get(key)
    if not picked or picked == i18n.current():
        return  # the chosen one tapped again: Streamlit clears the control, nothing changes
    if st.session_state.get(_OWNER_KEY) is None:
        st.session_state[_VISITOR_CHOICE_KEY] = picked
    use(picked, by=st.session_state.get(_OWNER_KEY))
    if on_choose is not None:
        on_choose(picked)


def picked_before_signing_in() -> str | None:
    """The language this session's visitor picked with the switch, once: read when they
    sign in, and forgotten then."""
    return st.session_state.pop(_VISITOR_CHOICE_KEY, None)


def follow_badge(db: Database, code: str, stored: str) -> None:
    """A phone opened with a badge reads in that person's language (`stored`: the roster's,
    or what they last chose on a phone) and offers the other in one tap, kept for their
    badge, survey, ballot and feedback form alike. Taken once per badge in this session, so
    the tap wins afterwards."""
    if st.session_state.get(_BADGE_KEY) != code:
        st.session_state[_BADGE_KEY] = code
        if stored != i18n.current():
            use(stored)
    # Drawn on every run, not only when the badge changed the language: the script of a
    # mark runs again only when its text changes, so a phone that took Spanish from its
    # badge here and then tapped English kept lang="es" over English words (app.py's
    # mark, "en" in both runs, did not run again). The browser walk found it.
    mark_page()
    _other_language_button(lambda chosen: languages.choose_by_code(db, code, chosen))


def _other_language_button(keep: Callable[[str], object]) -> None:
    """One button on the phone, named in the other language ("Español" / "English"): one
    tap, and no second row of choices beside the ballot's rows for a thumb to confuse."""
    others = [code for code in i18n.offered() if code != i18n.current()]
    if not others:
        return  # nothing translated yet
    other = others[0]
    st.button(LANGUAGES[other], key="badge_language", on_click=_chose, args=(other, keep))
    st.html(own_language_marks("badge_language"), unsafe_allow_javascript=True)


def _chose(other: str, keep: Callable[[str], object]) -> None:
    """The phone's tap, taken before the run it starts, as the switch's (`_switched`)."""
    use(other, by=st.session_state.get(_OWNER_KEY))
    keep(other)
