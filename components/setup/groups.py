"""Set up › Groups: the stakeholder groups and who the process still needs in the room."""

from __future__ import annotations

from typing import Any

import streamlit as st

from components.records import show_records
from components.setup.common import show_tab_flash, tab_act
from components.setup.context import SetupContext
from components.setup_panels import inclusion_panel
from components.text import escape_markdown
from services.core.vocab import StakeholderCategory, label
from services.setup import inclusion, stakeholders

# Where confirmations show: beside the form that was used, wherever the page is scrolled.
TAB, CHANGE = "groups", "groups-change"
RETIRING = (
    "A retired group stays on the notes, ideas, votes and charter versions that name it, but "
    "leaves charter sign-off, the inclusion check and the lists for new people and leaders."
)


def groups_tab(ctx: SetupContext) -> None:
    """The inclusion check, the groups, a form to add one, and changing one."""
    st.header("Who is in the room")
    inclusion_panel(inclusion.inclusion_check(ctx.db, ctx.actor, ctx.initiative_id))
    st.header("Stakeholder groups")
    groups = stakeholders.group_overview(ctx.db, ctx.actor, ctx.initiative_id)
    show_records(
        groups,
        {
            "Group": "name",
            "Category": lambda g: label(g.category),
            "Major": lambda g: "Yes" if g.is_major else "No",
            "People present": "people",
            "Status": lambda g: "Retired" if g.retired else "Active",
        },
        "No stakeholder groups yet.",
    )
    show_tab_flash(TAB)
    with st.form("new-group", clear_on_submit=True):
        name = st.text_input("New group's name")
        category = st.selectbox("Category", list(StakeholderCategory), format_func=label)
        major = st.checkbox("Major group: sends a leader to the Thought Leader Team", True)
        if st.form_submit_button("Add the group"):
            tab_act(ctx, TAB)(
                stakeholders.create_stakeholder,
                ctx.initiative_id,
                stakeholders.StakeholderFields(name=name, category=category, is_major=major),
                done="Group added.",
            )
    if groups:
        _change_one(ctx, groups)
    else:
        show_tab_flash(CHANGE)  # e.g. the last one was just removed


def _change_one(ctx: SetupContext, groups: list[Any]) -> None:
    st.subheader("Change, retire or delete a group")
    show_tab_flash(CHANGE)
    names = {g.id: f"{g.name} (retired)" if g.retired else g.name for g in groups}
    chosen = st.selectbox(
        "Group to change", list(names), format_func=names.get, index=None, key="group-pick"
    )
    if chosen is None:
        return
    group = next(g for g in groups if g.id == chosen)
    kinds = list(StakeholderCategory)
    with st.form(f"edit-group-{group.id}"):
        name = st.text_input("Group's name", group.name)
        category = st.selectbox(
            "Group's category", kinds, format_func=label, index=kinds.index(group.category)
        )
        major = st.checkbox(
            "Major group: sends a leader to the Thought Leader Team", group.is_major
        )
        if st.form_submit_button("Save the group"):
            tab_act(ctx, CHANGE)(
                stakeholders.update_stakeholder,
                group.id,
                stakeholders.StakeholderFields(name=name, category=category, is_major=major),
                done="Group saved.",
            )
    who = escape_markdown(group.name)
    act = tab_act(ctx, CHANGE)
    st.caption(RETIRING)
    retire, delete = st.columns(2)
    if group.retired:
        if retire.button("Restore this group", key=f"restore-{group.id}"):
            act(stakeholders.restore_stakeholder, group.id, done=f"{who} is active again.")
    elif retire.button("Retire this group", key=f"retire-{group.id}"):
        act(
            stakeholders.retire_stakeholder,
            group.id,
            done=f"{who} is retired: out of sign-off, the inclusion check and new lists.",
        )
    if delete.button("Delete this group", key=f"delete-{group.id}"):
        act(stakeholders.delete_stakeholder, group.id, done=f"{who} is deleted.")
