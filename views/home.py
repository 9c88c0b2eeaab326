"""Home: the first account, the first initiative, the demo, and what is live now."""

import streamlit as st

import runtime
from components import home_panels
from components.notices import show_flash
from screens import listed_for

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
# The sidebar's sections, side by side: the meeting's arc reads left to right.
listed = listed_for(actor.role)
for column, (stage, screens) in zip(st.columns(len(listed)), listed.items(), strict=True):
    with column:
        st.markdown(f"##### {stage}")
        for screen in screens:
            st.page_link(screen.file, label=screen.title)
home_panels.remove_demo(db, actor, data_dir)
