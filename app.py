"""Router: page config, settings, the engine, sign-in, and the pages the signed-in role may use."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

import runtime
from components import language, menu, signin
from components.focus_picker import focus_picker
from components.text import escape_markdown
from components.touch_targets import thumb_sized_controls
from i18n import N_, _
from screens import HOME, SCREENS, Screen, listed_for, screens_for
from services.core.vocab import Role
from services.setup import languages
from workarounds.gc_freeze import freeze_long_lived_objects

# A file, not ":material/groups:": for a material icon the browser fetches the favicon from
# fonts.gstatic.com, which an offline venue cannot reach.
FAVICON = Path(__file__).resolve().parent / "assets" / "favicon.png"
st.set_page_config(page_title="Common Ground", page_icon=str(FAVICON), layout="wide")
thumb_sized_controls()

settings = runtime.settings()
db = runtime.database()


# A browser back with its sign-in cookie is signed in by it before the pages are chosen;
# a cookie that no longer holds signs it out with a note, on every page (/vote included).
signin.restore_from_cookie(db, settings.cookie_name, settings.cookie_key)
actor = runtime.current_actor()
signin.end_if_revoked(actor is not None)

# The language of this session: staff's own choice, else what the browser asks for; the
# phone pages switch to the participant's own once they know the code.
language.install()
if language.chosen_by() != (actor.account_id if actor else None):
    # Signing in: the language picked on the sign-in page, kept as the account's, else the
    # account's own; signed out, what the browser asks for.
    picked = language.picked_before_signing_in() if actor else None
    if actor is not None and picked is not None:
        languages.set_own_language(db, actor, picked)
    wanted = picked or (languages.own_language(db, actor) if actor else st.context.locale)
    language.use(wanted, by=actor.account_id if actor else None)
language.mark_page()


# A role as the sidebar names it; the stored value stays the role's code. (A comment, not
# a docstring: Streamlit's magic would write a bare string of the app's script on screen.)
ROLE_NAMES = {
    Role.FACILITATOR: N_("facilitator"),
    Role.SCRIBE: N_("scribe"),
    Role.LEADER: N_("leader"),
}


def as_page(screen: Screen, *, listed: bool = True) -> st.Page:
    return st.Page(
        screen.file,
        title=_(screen.title),
        url_path=screen.url_path or None,
        default=screen is HOME,
        visibility="visible" if listed else "hidden",
    )


def sign_in_page(screen: Screen) -> st.Page:
    """`screen`'s address for a visitor: the sign-in form, then on to that page."""

    def sign_in_first() -> None:
        address = signin.page_address(screen.url_path, st.query_params.to_dict())
        signin.sign_in_first(db, _(screen.title), address)

    return st.Page(
        sign_in_first, title=_(screen.title), url_path=screen.url_path, visibility="hidden"
    )


# Pages a role may not use are not registered at all, so their URLs lead nowhere for it
# (a visitor's lead to the sign-in form).
registered = screens_for(actor.role if actor else None)
home = as_page(HOME)
if actor is None:
    # A staff page's address opened before signing in (a table card's QR code on a new
    # tablet) asks for the sign-in there and goes on to that page after it.
    staff_only = [s for s in SCREENS if s not in registered]
    page = st.navigation(
        [home, *map(as_page, registered[1:]), *map(sign_in_page, staff_only)], position="hidden"
    )
else:
    listed = listed_for(actor.role)
    in_menu = {s for group in listed.values() for s in group}
    # The code screens stay registered, so their printed addresses open for staff too,
    # but out of the menu: without a participant's or a meeting's code they lead nowhere.
    unlisted = [as_page(s, listed=False) for s in registered[1:] if s not in in_menu]
    sections = {stage: [as_page(s) for s in group] for stage, group in listed.items()}
    # Hidden: the menu is drawn by components/menu.py, as a valid list of links under
    # headings (Streamlit's sectioned menu is not one, for a screen reader).
    page = st.navigation(
        [home, *unlisted, *(p for ps in sections.values() for p in ps)], position="hidden"
    )
    # The run the sidebar's Sign out started: signed out before anything is drawn, so no
    # "Signed in as …" or menu stays beside "You are signed out".
    if signin.sign_out_asked():
        signin.sign_out(db, settings.cookie_name)
        signin.signed_out_note(home)
        st.stop()
    with st.sidebar:
        menu.draw({"": [home], **sections})
        st.caption(
            _("Signed in as {name} ({role})").format(
                name=escape_markdown(actor.name), role=_(ROLE_NAMES[actor.role])
            )
        )
        focus_picker(actor)
        signin.logout_button()
        signed_in = actor
        language.switch(lambda chosen: languages.set_own_language(db, signed_in, chosen))

signin.sign_in_again_note()
# Compared by address: st.navigation hands back its own copy of the page on later runs.
if actor is None and page.url_path in {home.url_path, *(s.url_path for s in staff_only)}:
    # The first screens a visitor meets (first run, sign-in, a table card's page) in
    # either language at a tap, whatever the browser asked for: without it a Spanish
    # reader on an English tablet met English only until signed in.
    language.switch(key="visitor-language")
if actor is None and page.url_path == home.url_path:
    signin.sign_in_here(db)
page.run()
freeze_long_lived_objects(page.url_path)
