"""The record of a meeting as the Thought Leader Team reads it, section by section."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from components.cards import idea_list, idea_origin, note_list
from services.core.vocab import label


def tables_record(
    numbers: dict[int, int], notes: list[Any], ideas: list[Any], groups: dict[int, str]
) -> None:
    """Per table, what it heard and what it proposed."""
    for table_id, number in sorted(numbers.items(), key=lambda t: t[1]):
        heard = [n for n in notes if n.table_id == table_id]
        proposed = [i for i in ideas if i.table_id == table_id]
        with st.expander(f"Table {number}: {len(heard)} notes, {len(proposed)} ideas"):
            note_list(heard, lambda n: groups.get(n.stakeholder_id, ""))
            idea_list(
                proposed, lambda i, n=number: idea_origin(i, groups.get(i.stakeholder_id, ""), n)
            )


def conflicts_record(items: list[Any]) -> None:
    """Each conflict with its status, the agreement reached or the next step."""
    if not items:
        st.info("No conflicts were logged.")
        return
    rows = [
        {
            "Issue": c.issue,
            "Status": label(c.status),
            "Agreement": c.agreement,
            "Next step": c.next_step,
            "Owner": c.owner,
        }
        for c in items
    ]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
