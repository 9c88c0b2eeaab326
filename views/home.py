"""Home: the first account, the first initiative, the demo, and what is live now."""

import streamlit as st

import runtime
from components import home_panels
from components.notices import show_flash
from i18n import _
from screens import listed_for
from services.setup import home_screen

# Translators: the app's name; keep it as it is unless the city uses a name of its own.
st.title(_("Common Ground"))
db = runtime.database()
data_dir = runtime.settings().data_dir
actor = runtime.current_actor()
if actor is None:
    home_panels.visitor(db, data_dir)
    st.stop()
focus = runtime.focus(actor)
screen = home_screen.read(db, actor, focus.initiative_id, focus.meeting_id)

show_flash()
home_panels.just_started(db, actor)
if screen.initiative is None:
    home_panels.facilitator_start(db, actor, data_dir)
else:
    home_panels.live_now(screen)

st.subheader(_("Your screens"))
# The sidebar's sections, side by side: the meeting's arc reads left to right.
listed = listed_for(actor.role)
for column, (stage, screens) in zip(st.columns(len(listed)), listed.items(), strict=True):
    with column:
        st.markdown(f"##### {_(stage)}")
        for screen_link in screens:
            st.page_link(screen_link.file, label=_(screen_link.title))
home_panels.remove_demo(db, actor, data_dir, screen)
