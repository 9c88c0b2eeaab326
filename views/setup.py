"""Set up: the initiative, stakeholder groups, people, tables, the Thought Leader Team."""

import streamlit as st

import runtime
from components.notices import action_runner, show_flash
from components.setup.context import SetupContext
from components.setup.groups import groups_tab
from components.setup.initiative import initiative_tab
from components.setup.people import people_tab
from components.setup.tables import tables_tab
from components.setup.team import team_tab

actor = runtime.require_actor()
db = runtime.database()
initiative_id, meeting_id = runtime.require_meeting(actor)
ctx = SetupContext(db, actor, initiative_id, meeting_id, action_runner(db, actor))

st.title("Set up")
show_flash()
panels = {
    "Initiative and meetings": initiative_tab,
    "Groups": groups_tab,
    "People": people_tab,
    "Tables": tables_tab,
    "Team and accounts": team_tab,
}
# Keyed, with its state kept: the open tab survives each action's rerun (a confirmation
# above the tabs used to send the facilitator back to the first tab).
tabs = st.tabs(list(panels), key="setup-tab", on_change="rerun")
for tab, panel in zip(tabs, panels.values(), strict=True):
    with tab:
        panel(ctx)
