"""The charter as people read it, its sign-off, and the form for a new version."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd
import streamlit as st

from components.downloads import prepared_download
from components.text import escape_markdown, plain
from services.partner import charter_pdf
from services.partner.charter_signoff import GroupSignOff, signoff_complete
from services.partner.charter_versions_screen import VersionShown
from services.partner.charters import CharterFields

SECTIONS = [
    ("mission", "Mission"),
    ("shared_goals", "Shared goals"),
    ("ground_rules", "Ground rules and values"),
    ("roles", "Roles and responsibilities"),
    ("communication", "How we communicate and how often we meet"),
    ("confidentiality", "Confidentiality agreement"),
]


def charter_text(shown: VersionShown) -> None:
    """Every section of one version, then each group's commitment."""
    charter = shown.sheet.charter
    st.caption(f"Version {charter.version} · {charter.created_at:%d %B %Y}")
    for field, heading in SECTIONS:
        st.subheader(heading)
        plain(getattr(charter, field) or "—")
    st.subheader("Commitments")
    if not shown.commitments:
        st.caption("No group has written its commitment yet.")
    for group, text in shown.commitments:
        st.markdown(f"**{escape_markdown(group)}:** {escape_markdown(text)}")


def signoff_table(rows: Sequence[GroupSignOff], version: int) -> None:
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


def new_version_form(current: VersionShown | None, on_save: Callable[..., None]) -> None:
    """The sections of a new version, starting from the one in force."""
    start = current.sheet.charter if current else None
    with st.form("new-version"):
        values = {
            field: st.text_area(heading, getattr(start, field, "") if start else "", height=110)
            for field, heading in SECTIONS
        }
        if st.form_submit_button("Save as a new version", type="primary"):
            on_save(CharterFields(**values))


def charter_download(shown: VersionShown) -> None:
    """The version on screen as its PDF, rendered from the same record."""
    prepared_download(
        f"the charter, version {shown.version} (PDF)",
        # Built only when asked for, not on every run of the page.
        lambda: charter_pdf.render(shown.sheet),
        f"partnering-charter-v{shown.version}.pdf",
        "application/pdf",
        key=f"charter-{shown.charter_id}",
    )


def commitment_form(groups: dict[int, str], on_save: Callable[[int, str], None]) -> None:
    """A group's commitment in the current version (retired groups make no new ones)."""
    with st.expander("A group's commitment in the current version"):
        group = st.selectbox("Group", list(groups), format_func=groups.get, index=None)
        text = st.text_area("What the group commits to")
        if st.button("Save the commitment") and group is not None:
            on_save(group, text)
