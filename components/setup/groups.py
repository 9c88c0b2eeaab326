"""Set up › Groups: the stakeholder groups and who the process still needs in the room."""

from __future__ import annotations

import streamlit as st

from components.records import show_records
from components.setup.common import show_tab_flash, tab_act
from components.setup.context import SetupContext
from components.setup_panels import inclusion_panel
from components.text import escape_markdown
from i18n import N_, _
from services.core.vocab import StakeholderCategory, label
from services.setup import inclusion, stakeholders
from services.setup.stakeholders import GroupSummary

# Where confirmations show: beside the form that was used, wherever the page is scrolled.
TAB, CHANGE = "groups", "groups-change"
RETIRING = N_(
    "A retired group stays on the notes, ideas, votes and charter versions that name it, but "
    "leaves charter sign-off, the inclusion check and the lists for new people and leaders."
)


def groups_tab(ctx: SetupContext) -> None:
    """The inclusion check, the groups, a form to add one, and changing one."""
    st.header(_("Who is in the room"))
    inclusion_panel(inclusion.inclusion_check(ctx.db, ctx.actor, ctx.initiative_id))
    st.header(_("Stakeholder groups"))
    groups = stakeholders.group_overview(ctx.db, ctx.actor, ctx.initiative_id)
    show_records(
        groups,
        {
            _("Group"): "name",
            _("Category"): lambda g: label(g.category),
            _("Major"): lambda g: _("Yes") if g.is_major else _("No"),
            _("People present"): "people",
            _("Status"): lambda g: _("Retired") if g.retired else _("Active"),
        },
        _("No stakeholder groups yet."),
    )
    show_tab_flash(TAB)
    with st.form("new-group", clear_on_submit=True):
        name = st.text_input(_("New group's name"))
        category = st.selectbox(_("Category"), list(StakeholderCategory), format_func=label)
        major = st.checkbox(_("Major group: sends a leader to the Thought Leader Team"), True)
        if st.form_submit_button(_("Add the group")):
            tab_act(ctx, TAB)(
                stakeholders.create_stakeholder,
                ctx.initiative_id,
                stakeholders.StakeholderFields(name=name, category=category, is_major=major),
                done=_("Group added."),
            )
    if groups:
        _change_one(ctx, groups)
    else:
        show_tab_flash(CHANGE)  # e.g. the last one was just removed


def _change_one(ctx: SetupContext, groups: list[GroupSummary]) -> None:
    st.subheader(_("Change, retire or delete a group"))
    show_tab_flash(CHANGE)
    names = {
        g.id: _("{group} (retired)").format(group=g.name) if g.retired else g.name for g in groups
    }
    chosen = st.selectbox(
        _("Group to change"),
        list(names),
        format_func=lambda g: names[g],
        index=None,
        placeholder=_("Choose an option"),
        key="group-pick",
    )
    if chosen is None:
        return
    group = next(g for g in groups if g.id == chosen)
    kinds = list(StakeholderCategory)
    with st.form(f"edit-group-{group.id}"):
        name = st.text_input(_("Group's name"), group.name)
        category = st.selectbox(
            _("Group's category"), kinds, format_func=label, index=kinds.index(group.category)
        )
        major = st.checkbox(
            _("Major group: sends a leader to the Thought Leader Team"), group.is_major
        )
        if st.form_submit_button(_("Save the group")):
            tab_act(ctx, CHANGE)(
                stakeholders.update_stakeholder,
                group.id,
                stakeholders.StakeholderFields(name=name, category=category, is_major=major),
                done=_("Group saved."),
            )
    who = escape_markdown(group.name)
    act = tab_act(ctx, CHANGE)
    st.caption(_(RETIRING))
    retire, delete = st.columns(2)
    if group.retired:
        if retire.button(_("Restore this group"), key=f"restore-{group.id}"):
            again = _("{group} is active again.").format(group=who)
            act(stakeholders.restore_stakeholder, group.id, done=again)
    elif retire.button(_("Retire this group"), key=f"retire-{group.id}"):
        act(
            stakeholders.retire_stakeholder,
            group.id,
            done=_(
                "{group} is retired: out of sign-off, the inclusion check and new lists."
            ).format(group=who),
        )
    if delete.button(_("Delete this group"), key=f"delete-{group.id}"):
        done = _("{group} is deleted.").format(group=who)
        act(stakeholders.delete_stakeholder, group.id, done=done)
