"""Conflicts: the win-win conflict log, from positions to interests to an agreement."""

import streamlit as st

import runtime
from components import conflict_panels as panels
from components.notices import show_flash
from components.text import escape_markdown
from services.core import audit
from services.core.vocab import ConflictStatus, label
from services.resolve import conflict_outcomes, conflict_parties, conflicts
from services.room import spotlight
from services.setup import meetings, stakeholders

here = runtime.page(with_table=True)
actor, db, initiative_id, meeting_id, table, act = (
    here.actor,
    here.db,
    here.initiative_id,
    here.meeting_id,
    here.table,
    here.act,
)


st.title("Conflicts")
show_flash()
groups = {g.id: g.name for g in stakeholders.list_stakeholders(db, initiative_id)}
with st.expander("Log a conflict", expanded=False), st.form("new-conflict", clear_on_submit=True):
    issue = st.text_area("The issue in dispute")
    options = st.text_area("Options that could meet both sides' interests (optional)")
    owner = st.text_input("Who follows it up (optional)")
    secret = st.checkbox("Confidential: keep it off the projector and out of reports")
    if st.form_submit_button("Log it", type="primary"):
        where = table.id if table else None
        act(
            conflicts.create_conflict, meeting_id, issue, where, options, owner, secret,
            done="Conflict logged.",
        )  # fmt: skip

log = conflicts.list_conflicts(db, actor, meeting_id)
if not log:
    st.info("No conflicts logged.")
    st.stop()
on_screen = meetings.get_meeting(db, meeting_id, actor=actor).spotlight_conflict_id
chosen = st.selectbox(
    "Conflict to work on",
    log,
    format_func=lambda c: f"#{c.id} · {label(c.status)} · {c.issue[:70]}",
)
st.subheader(escape_markdown(chosen.issue))
st.caption(
    f"Status: {label(chosen.status)}" + (" · on the projector" if on_screen == chosen.id else "")
)
panels.sides_side_by_side(conflict_parties.list_parties(db, chosen.id))
panels.party_form(
    str(chosen.id),
    groups,
    lambda g, p, i: act(conflict_parties.set_party, chosen.id, g, p, i, done="Side saved."),
)
panels.status_form(
    chosen,
    lambda s, a, n: act(conflicts.set_status, chosen.id, s, a, n, done="Status saved."),
)
if actor.is_facilitator:
    left, middle, right = st.columns(3)
    if on_screen == chosen.id:
        if left.button("Take it off the projector"):
            act(spotlight.set_spotlight, meeting_id, None, done="Off the projector.")
    elif left.button("Show it on the projector", disabled=chosen.confidential):
        act(spotlight.set_spotlight, meeting_id, chosen.id, done="On the projector.")
    agreed = chosen.status is ConflictStatus.AGREED
    if middle.button("Make the agreement an action", disabled=not agreed):
        act(conflict_outcomes.agreement_to_action, chosen.id, done="Added to the action plan.")
    if right.button("Make it a charter ground rule", disabled=not agreed):
        act(conflict_outcomes.agreement_to_ground_rule, chosen.id, done="Added to the charter.")
with st.expander("History"):
    panels.history_table(audit.history(db, "conflict", chosen.id))
