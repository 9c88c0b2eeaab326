"""Voting results: totals, the split by group, and what unites and divides the groups."""

from __future__ import annotations

from typing import Any

import streamlit as st

from components.charts import render_by_group_chart, render_common_ground_chart, render_totals_chart
from components.text import escape_markdown


def unites_and_divides(ranking: list[Any], top: int = 3) -> None:
    """The items every group backs, and those the groups split on, said in words."""
    unite = [r for r in ranking if not r.divides][:top]
    divide = [r for r in ranking if r.divides][:top]
    left, right = st.columns(2)
    with left:
        st.markdown("**What unites the groups**")
        for row in unite:
            st.markdown(f"- {escape_markdown(row.text)}")
        if not unite:
            st.caption("Nothing yet that every group backs.")
    with right:
        st.markdown("**What divides them**")
        for row in divide:
            low = min((g for g in row.groups if g.share is not None), key=lambda g: g.share)
            st.markdown(
                f"- {escape_markdown(row.text)} — least backed by "
                f"{escape_markdown(low.group)} ({low.share:.0%})"
            )
        if not divide:
            st.caption("No item splits the groups by half or more.")


def round_results(title: str, results: Any, key: str) -> None:
    """Everything a round showed, in the order a room reads it."""
    st.subheader(escape_markdown(title))
    if not any(t.voters for t in results.totals):
        st.info("No votes yet in this round.")
        return
    st.markdown("#### Common-ground ranking")
    st.caption(
        "An item ranks high only when every stakeholder group backs it: for each group, "
        "(supporters + 1) / (voters + 2), multiplied across the groups."
    )
    unites_and_divides(results.ranking)
    render_common_ground_chart(results.ranking, key=f"cg-{key}")
    st.markdown("#### Totals")
    render_totals_chart(results.totals, results.mode.value, key=f"totals-{key}")
    st.markdown("#### By stakeholder group")
    render_by_group_chart(results.by_group, key=f"groups-{key}", group_voters=results.group_voters)
