"""Panels of the win-win conflict log; they render and call back, never query."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from components.text import escape_markdown
from services.core.vocab import ConflictStatus, label
from services.resolve.conflicts_screen import Change, ConflictCard, Side

SECRET = "Confidential: keep it off the projector and out of reports"


def new_conflict_form(on_save: Callable[[str, str, str, bool], None]) -> None:
    """Log a conflict: the issue, options that could meet both sides, who follows it up."""
    with (
        st.expander("Log a conflict", expanded=False),
        st.form("new-conflict", clear_on_submit=True),
    ):
        issue = st.text_area("The issue in dispute")
        options = st.text_area("Options that could meet both sides' interests (optional)")
        owner = st.text_input("Who follows it up (optional)")
        secret = st.checkbox(SECRET)
        if st.form_submit_button("Log it", type="primary"):
            on_save(issue, options, owner, secret)


def conflict_picker(log: tuple[ConflictCard, ...]) -> ConflictCard:
    """Pick the conflict to work on; then its issue, and its status in words."""
    chosen = st.selectbox(
        "Conflict to work on",
        log,
        format_func=lambda c: f"#{c.id} · {label(c.status)} · {c.issue[:70]}",
    )
    st.subheader(escape_markdown(chosen.issue))
    where = " · on the projector" if chosen.on_projector else ""
    st.caption(f"Status: {label(chosen.status)}{where}")
    return chosen


def sides_side_by_side(sides: tuple[Side, ...]) -> None:
    """Each party's position and, apart, the interests beneath it, in columns."""
    if not sides:
        st.info("No parties yet: add each group's position and interests below.")
        return
    for column, side in zip(st.columns(len(sides)), sides, strict=True):
        with column, st.container(border=True):
            st.markdown(f"**{escape_markdown(side.group)}**")
            st.markdown(f"*Position:* {escape_markdown(side.position or '—')}")
            st.markdown(f"*Interests:* {escape_markdown(side.interests or '—')}")


def party_form(key: str, groups: dict[int, str], on_save: Callable[[int, str, str], None]) -> None:
    """One group's position and interests."""
    with st.form(f"party-{key}", clear_on_submit=True):
        group = st.selectbox("Group", list(groups), format_func=groups.get, index=None)
        position = st.text_area("Their position (what they say they want)")
        interests = st.text_area("The interests beneath it (why they want it)")
        if st.form_submit_button("Save this side") and group is not None:
            on_save(group, position, interests)


def status_form(conflict: ConflictCard, on_save: Callable[[str, str, str], None]) -> None:
    """Move the conflict along: open, exploring options, agreed, parked."""
    statuses = list(ConflictStatus)
    with st.form(f"status-{conflict.id}"):
        status = st.radio(
            "Status", statuses, index=statuses.index(conflict.status), format_func=label,
            horizontal=True,
        )  # fmt: skip
        agreement = st.text_area("Agreement reached", conflict.agreement)
        next_step = st.text_area("Next step", conflict.next_step)
        if st.form_submit_button("Save status"):
            on_save(status.value, agreement, next_step)


def room_buttons(
    conflict: ConflictCard,
    on_spotlight: Callable[[int | None], None],
    on_action: Callable[[], None],
    on_ground_rule: Callable[[], None],
) -> None:
    """The facilitator's: the projector, and the agreement carried into the plan or charter."""
    left, middle, right = st.columns(3)
    if conflict.on_projector:
        if left.button("Take it off the projector"):
            on_spotlight(None)
    elif left.button("Show it on the projector", disabled=conflict.confidential):
        on_spotlight(conflict.id)
    if middle.button("Make the agreement an action", disabled=not conflict.agreed):
        on_action()
    if right.button("Make it a charter ground rule", disabled=not conflict.agreed):
        on_ground_rule()


def history_table(entries: tuple[Change, ...]) -> None:
    """Who changed what, and when, in an expander."""
    rows = [
        {
            "When": e.when.strftime("%d %b %H:%M"),
            "Who": e.who,
            "What": e.action.replace("_", " "),
            "Details": ", ".join(f"{k}: {v}" for k, v in e.details),
        }
        for e in entries
    ]
    with st.expander("History"):
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
