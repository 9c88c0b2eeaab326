"""Router: page config, settings, the engine, sign-in, and the pages the signed-in role may use."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

import runtime
from components import signin
from components.focus_picker import focus_picker
from components.text import escape_markdown
from components.touch_targets import thumb_sized_controls
from screens import HOME, Screen, listed_for, screens_for
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


def as_page(screen: Screen, *, listed: bool = True) -> st.Page:
    return st.Page(
        screen.file,
        title=screen.title,
        url_path=screen.url_path or None,
        icon=screen.icon,
        default=screen is HOME,
        visibility="visible" if listed else "hidden",
    )


# Pages a role may not use are not registered at all, so their URLs lead nowhere for it.
registered = screens_for(actor.role if actor else None)
home = as_page(HOME)
if actor is None:
    page = st.navigation([home, *map(as_page, registered[1:])], position="hidden")
else:
    listed = listed_for(actor.role)
    in_menu = {s for group in listed.values() for s in group}
    # The code screens stay registered, so their printed addresses open for staff too,
    # but out of the menu: without a participant's or a meeting's code they lead nowhere.
    unlisted = [as_page(s, listed=False) for s in registered[1:] if s not in in_menu]
    sections = {"": [home, *unlisted]}
    sections.update({stage: [as_page(s) for s in group] for stage, group in listed.items()})
    # Expanded: with the picker below it, a long menu folds behind "View N more" otherwise.
    page = st.navigation(sections, expanded=True)

if actor is not None:
    st.sidebar.caption(f"Signed in as {escape_markdown(actor.name)} ({actor.role.value})")
    # Drawn above the sign-out button, filled after it: a run that signs out shows none.
    picker_slot = st.sidebar.container()
    if signin.logout_button(db, settings.cookie_name):
        st.info(signin.SIGNED_OUT)
        st.stop()
    with picker_slot:
        focus_picker(actor)

signin.sign_in_again_note()
# Compared by address: st.navigation hands back its own copy of the page on later runs.
if actor is None and page.url_path == home.url_path:
    signin.login_form(db, settings.cookie_name, settings.cookie_key, settings.cookie_expiry_days)
    if signin.signed_in_username():
        # This run's navigation was built for a visitor; the next run builds the role's.
        # A button, not st.rerun(): a rerun now would lose the sign-in cookie being written.
        st.success("You are signed in.")
        st.button("Continue to your screens", type="primary")
        st.stop()
page.run()
freeze_long_lived_objects(page.url_path)
