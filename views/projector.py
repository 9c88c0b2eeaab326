"""Projector: the room's read-only live view, reached with the meeting's code."""

import streamlit as st

import runtime
from components.code_entry import PROJECTOR, code_entry
from components.projector import projector_frame
from components.projector_cloud import get_cloud_worker_ready
from components.projector_live import live_screen, watch_the_wall
from services.room import projector_screen
from services.setup import meetings

db = runtime.database()
meeting = code_entry(
    PROJECTOR, lambda typed: meetings.meeting_by_code(db, typed), lambda found: found.code
)
projector_frame()
get_cloud_worker_ready()


@st.fragment(run_every="2s")
def live_view() -> None:
    """What the current step needs; reruns itself so new ideas appear within seconds."""
    shown = projector_screen.read(db, meeting.code)
    # The phones' link on the voting screen starts where the console's Join links do.
    live_screen(shown, db, runtime.public_base_url())


watch_the_wall(db, live_view)
