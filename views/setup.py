"""Set up: the initiative, stakeholder groups, people, tables, the Thought Leader Team."""

import streamlit as st

import runtime
from components.notices import action_runner, show_flash
from components.opened import tabs_once_opened
from components.setup.context import SetupContext
from components.setup.groups import groups_tab
from components.setup.initiative import initiative_and_meetings, initiative_tab
from components.setup.people import people_tab
from components.setup.tables import tables_tab
from components.setup.team import team_tab
from i18n import _

actor = runtime.require_actor()
db = runtime.database()
act = action_runner(db, actor)
here = runtime.focus(actor)

st.title(_("Set up"))
show_flash()
if here.initiative_id is None or here.meeting_id is None:
    # The other tabs need an initiative and a meeting; this is where both are made.
    initiative_and_meetings(db, actor, act)
    st.stop()
ctx = SetupContext(db, actor, here.initiative_id, here.meeting_id, act)
panels = {
    _("Initiative and meetings"): initiative_tab,
    _("Groups"): groups_tab,
    _("People"): people_tab,
    _("Tables"): tables_tab,
    _("Team and accounts"): team_tab,
}
# Keyed, with its state kept: the open tab survives each action's rerun (a confirmation
# above the tabs used to send the facilitator back to the first tab). A tab is drawn once
# opened, not before: the four behind the open one were most of each run's work.
for (tab, drawn), panel in zip(
    tabs_once_opened(list(panels), key="setup-tab"), panels.values(), strict=True
):
    if drawn:
        with tab:
            panel(ctx)
