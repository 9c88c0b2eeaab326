"""The charter as people read it, its sign-off, and the form for a new version."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from components.text import escape_markdown, plain
from services.partner.charter_signoff import signoff_complete

SECTIONS = [
    ("mission", "Mission"),
    ("shared_goals", "Shared goals"),
    ("ground_rules", "Ground rules and values"),
    ("roles", "Roles and responsibilities"),
    ("communication", "How we communicate and how often we meet"),
    ("confidentiality", "Confidentiality agreement"),
]


def charter_text(charter: Any, commitments: list[tuple[Any, str]]) -> None:
    """Every section of one version, then each group's commitment."""
    st.caption(f"Version {charter.version} · {charter.created_at:%d %B %Y}")
    for field, heading in SECTIONS:
        st.subheader(heading)
        plain(getattr(charter, field) or "—")
    st.subheader("Commitments")
    if not commitments:
        st.caption("No group has written its commitment yet.")
    for commitment, group in commitments:
        st.markdown(f"**{escape_markdown(group)}:** {escape_markdown(commitment.text)}")


def signoff_table(rows: list[Any], version: int) -> None:
    """Which group signed which version; the words say it, not a colour."""
    frame = pd.DataFrame(
        [
            {
                "Group": r.stakeholder,
                "Signed": r.status,
                # Text throughout: a column of numbers and blanks is not one Arrow type.
                "Version signed": str(r.signed_version or ""),
            }
            for r in rows
        ]
    )
    missing = sum(1 for r in rows if r.signed_version != version)
    if signoff_complete(rows):
        st.success(f"Sign-off is complete: every group ({len(rows)}) has signed version {version}.")
    else:
        st.write(f"{len(rows) - missing} of {len(rows)} groups have signed version {version}.")
    st.dataframe(frame, hide_index=True, width="stretch")


def new_version_form(current: Any, groups: dict[int, str], on_save: Callable[..., None]) -> None:
    """The sections of a new version, starting from the one in force."""
    with st.form("new-version"):
        values = [
            st.text_area(heading, getattr(current, field, "") if current else "", height=110)
            for field, heading in SECTIONS
        ]
        if st.form_submit_button("Save as a new version", type="primary"):
            on_save(*values)
