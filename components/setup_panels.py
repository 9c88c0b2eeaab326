"""Panels of the set-up screen: the roster's mix, import problems, the table plan."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st


def inclusion_panel(inclusion: Any) -> None:
    """Who is on the roster, by group, and which groups the process needs are missing."""
    for warning in inclusion.warnings:
        st.warning(warning)
    if not inclusion.warnings:
        st.success("Every kind of group the process names has someone on the roster.")
    rows = [
        {"Group": s.label, "People": s.count, "Share": f"{s.share:.0%}"} for s in inclusion.by_group
    ]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")


def problems_table(check: Any) -> None:
    """What importing the file would do: how many rows are new, bad or already on the
    roster, then every bad row by its row number with every reason, in full."""
    counts = [f"{check.good_count} to add", f"{check.bad_count} with problems"]
    if check.known_count:
        counts.append(f"{check.known_count} already on the roster (skipped)")
    st.write(", ".join(counts) + ".")
    if check.bad:
        rows = [
            {"Row": b.row_number, "Name": b.name, "Problems": " ".join(b.reasons)}
            for b in check.bad
        ]
        st.dataframe(
            pd.DataFrame(rows),
            hide_index=True,
            width="stretch",
            # Three lines a row: reasons wrap instead of hiding "did you mean …" past the edge.
            row_height=66,
            column_config={
                "Row": st.column_config.NumberColumn("Row", width=60),
                "Name": st.column_config.TextColumn("Name", width="medium"),
                "Problems": st.column_config.TextColumn("Problems", width="large"),
            },
        )
    if check.known:
        with st.expander(f"Already on the roster ({check.known_count}), not added again"):
            rows = [{"Row": k.row_number, "Name": k.name, "Why": k.reason} for k in check.known]
            st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")


def plan_preview(plan: Any, names: dict[int, str]) -> None:
    """The proposed seating, table by table, with how evenly the groups are spread."""
    spread = plan.balance.size_spread
    st.write(f"Table sizes differ by at most {spread}. Groups per table:")
    rows = [
        {
            "Table": number,
            "People": len(t.participant_ids),
            "Groups": ", ".join(f"{g} {n}" for g, n in sorted(t.by_group.items())),
            "Names": ", ".join(names.get(p, "?") for p in t.participant_ids),
        }
        for number, t in sorted(plan.tables.items())
    ]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
