"""Panels of the facilitator's console: live table activity and voice balance, in words."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from components.charts import render_voice_chart
from components.text import escape_markdown


def activity_table(rows: list[Any], window_minutes: int) -> None:
    """Notes, ideas and votes per table in the last minutes; silent tables named first."""
    silent = [r.number for r in rows if r.silent]
    if silent:
        tables = ", ".join(str(n) for n in silent)
        st.warning(f"Silent in the last {window_minutes} minutes: table {tables}.")
    frame = pd.DataFrame(
        [
            {
                "Table": r.number,
                "Scribe": r.scribe_name or "— none —",
                "Notes": r.notes,
                "Ideas": r.ideas,
                "Votes": r.votes,
                "State": "silent" if r.silent else "active",
            }
            for r in sorted(rows, key=lambda r: (not r.silent, r.number))
        ]
    )
    st.dataframe(frame, hide_index=True, width="stretch")


def voice_panel(summary: Any) -> None:
    """Each group's share of what was said against its share of the room."""
    if summary.too_early:
        st.info(
            f"Too early to judge voice balance: {summary.contributions} notes and ideas so far."
        )
        return
    quiet = [s.name for s in summary.shares if s.under_heard]
    if quiet:
        names = ", ".join(escape_markdown(n) for n in quiet)
        st.warning(f"Under-heard: {names}. Invite them in.")
    else:
        st.success("Every group present is being heard in proportion to its seats.")
    render_voice_chart(summary.shares, key="voice")
    if summary.unattributed:
        st.caption(f"{summary.unattributed} notes and ideas have no group and are not counted.")
