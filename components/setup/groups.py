"""Set up › Groups: the stakeholder groups and who the process still needs in the room."""

from __future__ import annotations

import streamlit as st

from components.records import show_records
from components.setup.context import SetupContext
from components.setup_panels import inclusion_panel
from services import inclusion, stakeholders
from services.vocab import StakeholderCategory, label


def groups_tab(ctx: SetupContext) -> None:
    """The inclusion check, the groups, and a form to add one."""
    st.header("Who is in the room")
    inclusion_panel(inclusion.inclusion_check(ctx.db, ctx.initiative_id))
    st.header("Stakeholder groups")
    groups = stakeholders.list_stakeholders(ctx.db, ctx.initiative_id)
    show_records(
        groups,
        {"Group": "name", "Category": lambda g: label(g.category), "Major": "is_major"},
        "No stakeholder groups yet.",
    )
    with st.form("new-group", clear_on_submit=True):
        name = st.text_input("New group's name")
        category = st.selectbox("Category", list(StakeholderCategory), format_func=label)
        major = st.checkbox("Major group: sends a leader to the Thought Leader Team", True)
        if st.form_submit_button("Add the group"):
            ctx.act(
                stakeholders.create_stakeholder,
                ctx.initiative_id,
                name,
                category,
                major,
                done="Group added.",
            )
