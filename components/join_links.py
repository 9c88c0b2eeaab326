"""Join links for the room: the projector, each table, each participant; QR and print sheets."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.qr import show_qr
from components.sheets import badge_codes_html, download_sheet, table_cards_html
from services import links


def join_links_panel(
    base: str,
    meeting_title: str,
    meeting_code: str,
    tables: list[tuple[int, str]],
    people: list[tuple[str, str, str]],
) -> None:
    """Links and QR codes; `tables` is (number, scribe), `people` is (name, group, code)."""
    if not links.reachable_from_phones(base):
        st.warning(
            f"These links start with {base}, which phones and tablets cannot open. "
            "Set COMMON_GROUND_PUBLIC_URL to this computer's address on the room's network."
        )
    st.subheader("Projector")
    show_qr(links.projector_link(base, meeting_code), "Open this on the projector's computer")
    st.subheader("Tables")
    cards = [(number, links.scribe_link(base, number)) for number, _ in tables]
    download_sheet(
        "Download table cards (one page)",
        table_cards_html(meeting_title, cards),
        "table-cards.html",
    )
    columns = st.columns(4)
    for (number, scribe), (_, url) in zip(tables, cards, strict=True):
        with columns[(number - 1) % 4]:
            show_qr(url, f"Table {number} · scribe: {scribe or 'none yet'}")
    st.subheader(f"Participants' voting links ({len(people)})")
    badges = [(name, group, links.vote_link(base, code)) for name, group, code in people]
    download_sheet(
        "Download badge codes (one page)", badge_codes_html(meeting_title, badges), "badges.html"
    )
    st.dataframe(
        pd.DataFrame(badges, columns=["Name", "Group", "Voting link"]),
        hide_index=True,
        width="stretch",
        column_config={"Voting link": st.column_config.LinkColumn()},
    )
    st.caption("Anyone holding a personal link can vote with it: hand them out on badges only.")
