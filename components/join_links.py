"""Join links for the room: the projector, each table, each participant; QR and print sheets."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from adapters import network, room_links
from components.qr import show_qr
from components.sheets import badge_codes_html, download_sheet, table_cards_html
from services.core.codes import display_code


def room_address_picker(
    base: str, chosen: str | None, choose: Callable[[str | None], None]
) -> None:
    """When links would only open on this computer, say so and offer its room addresses.

    `chosen` is the address picked earlier, `choose` records a new pick for the server.
    """
    if room_links.reachable_from_phones(base) and not chosen:
        return
    addresses = network.room_addresses()
    if room_links.reachable_from_phones(base):
        st.caption(f"Links use this computer's room-network address `{chosen}`.")
        if st.button("Use the address in my browser instead"):
            choose(None)
            st.rerun()
        return
    st.warning(
        f"Links would start with `{base}`, which only this computer can "
        "open: phones and tablets in the room cannot. Pick this computer's address on "
        "the room's network below, or set COMMON_GROUND_PUBLIC_URL (README, Settings)."
    )
    if not addresses:
        st.error(
            "This computer has no address on a network right now. Join the venue's Wi-Fi "
            "(or plug in its cable), then reload this page."
        )
        return
    with st.form("room-address"):
        picked = st.radio(
            "This computer's address on the room's network",
            addresses,
            captions=[room_links.with_host(base, a) for a in addresses],
        )
        if st.form_submit_button("Use this address in every link", type="primary"):
            choose(picked)
            st.rerun()


def join_links_panel(
    base: str,
    meeting_title: str,
    meeting_code: str,
    tables: list[tuple[int, str]],
    people: list[tuple[str, str, str]],
    invitation_download: Callable[[], None] | None = None,
) -> None:
    """Links and QR codes; `tables` is (number, scribe), `people` is (name, group, code).

    `invitation_download` draws the invitation sheet's download, beside the badges'.
    """
    st.markdown(f"Every link and QR code below starts with `{base}`.")
    st.subheader("Projector")
    show_qr(room_links.projector_link(base, meeting_code), "Open this on the projector's computer")
    st.subheader("Phones")
    st.markdown(
        "While voting is open the projector shows this link and its QR code; people open "
        "it and type the code on their badge:"
    )
    st.code(room_links.vote_page(base), language=None, wrap_lines=True)
    st.subheader("Tables")
    cards = [(number, room_links.scribe_link(base, number)) for number, _ in tables]
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
    badges = [(name, group, room_links.vote_link(base, code)) for name, group, code in people]
    badge_column, invitation_column = st.columns(2)
    with badge_column:
        download_sheet(
            "Download badge codes (one page)",
            badge_codes_html(meeting_title, badges),
            "badges.html",
        )
    if invitation_download is not None:
        with invitation_column:
            invitation_download()
    rows = [
        (name, group, display_code(code), link)
        for (name, group, code), (_, _, link) in zip(people, badges, strict=True)
    ]
    st.dataframe(
        pd.DataFrame(rows, columns=["Name", "Group", "Code", "Voting link"]),
        hide_index=True,
        width="stretch",
        column_config={"Voting link": st.column_config.LinkColumn()},
    )
    st.caption("Anyone holding a personal link can vote with it: hand them out on badges only.")
