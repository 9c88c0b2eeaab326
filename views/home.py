"""Home: where am I, and what is live now."""

import streamlit as st

import runtime
from components.text import escape_markdown
from screens import screens_for
from services import agenda, initiatives, meetings
from services.vocab import label

st.title("Common Ground")
actor = runtime.current_actor()
if actor is None:
    st.write(
        "A live workspace for community–police problem-solving meetings. Facilitators, "
        "table scribes and Thought Leader Team members sign in above."
    )
    st.info(
        "Taking part in a meeting? Open the link or scan the QR code on your name badge: "
        "it takes you straight to the survey or to voting, no account needed."
    )
    st.stop()

db = runtime.database()
initiative_id = runtime.current_initiative_id()
if initiative_id is None:
    st.info("No initiative yet. A facilitator creates one on the Set up screen.")
    st.stop()
initiative = initiatives.get_initiative(db, initiative_id)
st.subheader(escape_markdown(initiative.name))
meeting_id = runtime.current_meeting_id(initiative_id)
if meeting_id is not None:
    meeting = meetings.get_meeting(db, meeting_id)
    items = {i.id: i for i in agenda.list_agenda(db, meeting_id)}
    current = items.get(meeting.current_item_id)
    st.write(f"Meeting: {escape_markdown(meeting.title)} · {label(meeting.status)}")
    if current is not None:
        state = "open for input" if meeting.input_open else "input closed"
        st.write(f"Now: step {current.position}, {escape_markdown(current.title)} ({state})")
    else:
        st.write("The meeting has not started a step yet.")

st.subheader("Your screens")
for screen in screens_for(actor.role)[1:]:
    st.page_link(screen.file, label=screen.title, icon=screen.icon)
