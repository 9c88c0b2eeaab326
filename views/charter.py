"""Charter: the partnering charter's latest version and who has signed it."""

import streamlit as st

import runtime
from components.records import show_records
from components.text import plain
from services import charter_signoff, charters

actor = runtime.require_actor()
db = runtime.database()
initiative_id, _ = runtime.require_meeting(actor)

st.title("Partnering charter")
charter = charters.latest_charter(db, initiative_id)
if charter is None:
    st.info("No charter drafted yet.")
    st.stop()
st.caption(f"Version {charter.version}")
for heading, text in [
    ("Mission", charter.mission),
    ("Shared goals", charter.shared_goals),
    ("Ground rules and values", charter.ground_rules),
    ("Roles and responsibilities", charter.roles),
    ("How we communicate and meet", charter.communication),
    ("Confidentiality", charter.confidentiality),
]:
    st.subheader(heading)
    plain(text or "—")
st.header("Sign-off")
show_records(
    charter_signoff.signoff_status(db, initiative_id),
    {"Group": "stakeholder", "Status": "status"},
    "No stakeholder groups to sign.",
)
