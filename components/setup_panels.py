"""Panels of the set-up screen: the roster's mix, import problems, the table plan."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from i18n import _, percent
from services.setup.inclusion import Inclusion
from services.setup.roster_check import RosterCheck
from services.setup.table_plan import TablePlan


def inclusion_panel(inclusion: Inclusion) -> None:
    """Who is on the roster, by group, and which groups the process needs are missing."""
    for warning in inclusion.warnings:
        st.warning(warning)
    if not inclusion.warnings:
        st.success(_("Every kind of group the process names has someone on the roster."))
    if not inclusion.by_group:
        # An empty table drew as a blank box with no headings: words instead.
        st.caption(_("No groups yet, so nobody is counted."))
        return
    rows = [
        {_("Group"): s.label, _("People"): s.count, _("Share"): percent(s.share)}
        for s in inclusion.by_group
    ]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")


def problems_table(check: RosterCheck) -> None:
    """What importing the file would do: how many rows are new, bad or already on the
    roster, then every bad row by its row number with every reason, in full."""
    counts = [
        _("{count} to add").format(count=check.good_count),
        _("{count} with problems").format(count=check.bad_count),
    ]
    if check.known_count:
        counts.append(_("{count} already on the roster (skipped)").format(count=check.known_count))
    st.write(", ".join(counts) + ".")
    row, name, problems = _("Row"), _("Name"), _("Problems")
    if check.bad:
        rows = [{row: b.row_number, name: b.name, problems: " ".join(b.reasons)} for b in check.bad]
        st.dataframe(
            pd.DataFrame(rows),
            hide_index=True,
            width="stretch",
            # Three lines a row: reasons wrap instead of hiding "did you mean …" past the edge.
            row_height=66,
            column_config={
                row: st.column_config.NumberColumn(row, width=60),
                name: st.column_config.TextColumn(name, width="medium"),
                problems: st.column_config.TextColumn(problems, width="large"),
            },
        )
    if check.known:
        heading = _("Already on the roster ({count}), not added again")
        with st.expander(heading.format(count=check.known_count)):
            why = _("Why")
            rows = [{row: k.row_number, name: k.name, why: k.reason} for k in check.known]
            st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")


def plan_preview(plan: TablePlan, names: dict[int, str]) -> None:
    """The proposed seating, table by table, with how evenly the groups are spread."""
    spread = plan.balance.size_spread
    st.write(
        _("Every table seats as many people. Groups per table:")
        if spread == 0
        else _("Table sizes differ by at most {spread}. Groups per table:").format(spread=spread)
    )
    rows = [
        {
            _("Table"): number,
            _("People"): len(t.participant_ids),
            _("Groups"): ", ".join(f"{g} {n}" for g, n in sorted(t.by_group.items())),
            _("Names"): ", ".join(names.get(p, "?") for p in t.participant_ids),
        }
        for number, t in sorted(plan.tables.items())
    ]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
