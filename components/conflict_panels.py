"""Panels of the win-win conflict log; they render and call back, never query."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from components.text import escape_markdown
from services.core.vocab import ConflictStatus, label


def sides_side_by_side(parties: list[tuple[Any, str]]) -> None:
    """Each party's position and, apart, the interests beneath it, in columns."""
    if not parties:
        st.info("No parties yet: add each group's position and interests below.")
        return
    for column, (party, group) in zip(st.columns(len(parties)), parties, strict=True):
        with column, st.container(border=True):
            st.markdown(f"**{escape_markdown(group)}**")
            st.markdown(f"*Position:* {escape_markdown(party.position or '—')}")
            st.markdown(f"*Interests:* {escape_markdown(party.interests or '—')}")


def party_form(key: str, groups: dict[int, str], on_save: Callable[[int, str, str], None]) -> None:
    """One group's position and interests."""
    with st.form(f"party-{key}", clear_on_submit=True):
        group = st.selectbox("Group", list(groups), format_func=groups.get, index=None)
        position = st.text_area("Their position (what they say they want)")
        interests = st.text_area("The interests beneath it (why they want it)")
        if st.form_submit_button("Save this side") and group is not None:
            on_save(group, position, interests)


def status_form(conflict: Any, on_save: Callable[[str, str, str], None]) -> None:
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


def history_table(entries: list[Any]) -> None:
    """Who changed what, and when."""
    rows = [
        {
            "When": e.created_at.strftime("%d %b %H:%M"),
            "Who": e.actor,
            "What": e.action.replace("_", " "),
            "Details": ", ".join(f"{k}: {v}" for k, v in e.detail.items()),
        }
        for e in entries
    ]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
