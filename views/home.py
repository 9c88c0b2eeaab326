"""Home: the first account, the first initiative, the demo, and what is live now."""

import streamlit as st

import runtime
from components import home_panels
from components.notices import show_flash
from screens import screens_for

st.title("Common Ground")
db = runtime.database()
data_dir = runtime.settings().data_dir
actor = runtime.current_actor()
if actor is None:
    home_panels.visitor(db, data_dir)
    st.stop()

show_flash()
home_panels.just_started(db, actor)
initiative_id = runtime.current_initiative_id()
if initiative_id is None:
    home_panels.facilitator_start(db, actor, data_dir)
else:
    home_panels.live_now(db, actor, initiative_id, runtime.current_meeting_id(initiative_id))

st.subheader("Your screens")
for screen in screens_for(actor.role)[1:]:
    st.page_link(screen.file, label=screen.title, icon=screen.icon)
home_panels.remove_demo(db, actor, data_dir)
