"""Join links for the room: the projector, each table, each participant; QR and print sheets."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from adapters import network, room_links
from components.qr import show_qr
from components.sheets import (
    PrintedBadge,
    PrintedCard,
    badge_codes_html,
    download_sheet,
    table_cards_html,
)
from components.text import escape_markdown
from i18n import _
from services.core.codes import display_code
from services.room.console_screen import ConsoleScreen, TableCard


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
        st.caption(
            _("Links use this computer's room-network address `{address}`.").format(address=chosen)
        )
        if st.button(_("Use the address in my browser instead")):
            choose(None)
            st.rerun()
        return
    st.warning(
        _(
            "Links would start with `{base}`, which only this computer can open: phones "
            "and tablets in the room cannot. Pick this computer's address on the room's "
            "network below, or set COMMON_GROUND_PUBLIC_URL (README, Settings)."
        ).format(base=base)
    )
    if not addresses:
        st.error(
            _(
                "This computer has no address on a network right now. Join the venue's "
                "Wi-Fi (or plug in its cable), then reload this page."
            )
        )
        return
    with st.form("room-address"):
        picked = st.radio(
            _("This computer's address on the room's network"),
            addresses,
            # As words, not links: a caption's link colour is 3.25:1 on white (axe), and the
            # address is to read and choose here, not to follow.
            captions=[escape_markdown(room_links.with_host(base, a)) for a in addresses],
        )
        if st.form_submit_button(_("Use this address in every link"), type="primary"):
            choose(picked)
            st.rerun()


def join_links_panel(
    base: str, screen: ConsoleScreen, invitation_download: Callable[[], None] | None = None
) -> None:
    """Links and QR codes of the room on the console: projector, tables, people present.

    `invitation_download` draws the invitation sheet's download, beside the badges'.
    """
    st.markdown(_("Every link and QR code below starts with `{base}`.").format(base=base))
    st.subheader(_("Projector"))
    show_qr(
        room_links.projector_link(base, screen.meeting_code),
        _("Open this on the projector's computer"),
    )
    st.subheader(_("Phones"))
    st.markdown(
        _(
            "While voting is open the projector shows this link and its QR code; people "
            "open it and type the code on their badge:"
        )
    )
    st.code(room_links.vote_page(base), language=None, wrap_lines=True)
    st.subheader(_("Tables"))
    download_sheet(
        _("Download table cards (one page)"), table_cards_sheet(base, screen), _("table-cards.html")
    )
    columns = st.columns(4)
    for card in screen.tables:
        with columns[(card.number - 1) % 4]:
            caption = (
                _("Table {number} · scribe: {scribe}").format(
                    number=card.number, scribe=card.scribe
                )
                if card.scribe
                else _("Table {number} · scribe: none yet").format(number=card.number)
            )
            show_qr(scribe_link(base, card), caption)
    st.subheader(_("Participants' voting links ({count})").format(count=len(screen.badges)))
    badge_column, invitation_column = st.columns(2)
    with badge_column:
        download_sheet(
            _("Download badge codes (one page)"), badge_sheet(base, screen), _("badges.html")
        )
    if invitation_download is not None:
        with invitation_column:
            invitation_download()
    link = _("Voting link")
    st.dataframe(
        pd.DataFrame(badge_rows(base, screen), columns=[_("Name"), _("Group"), _("Code"), link]),
        hide_index=True,
        width="stretch",
        column_config={link: st.column_config.LinkColumn()},
    )
    st.caption(_("Anyone holding a personal link can vote with it: hand them out on badges only."))


def scribe_link(base: str, card: TableCard) -> str:
    """The link on a table's card, which opens that table's note-taking for its scribe."""
    return room_links.scribe_link(base, card.number)


def table_cards_sheet(base: str, screen: ConsoleScreen) -> str:
    """The printable table cards: the tables the console lists, nothing else, each in the
    languages of its table."""
    cards = [
        PrintedCard(card.number, scribe_link(base, card), card.languages) for card in screen.tables
    ]
    return table_cards_html(screen.room.title, cards)


def badge_rows(base: str, screen: ConsoleScreen) -> list[tuple[str, str, str, str]]:
    """(name, group, code as printed, voting link) of each badge, as the console lists them."""
    return [
        (b.name, b.group, display_code(b.code), room_links.vote_link(base, b.code))
        for b in screen.badges
    ]


def badge_sheet(base: str, screen: ConsoleScreen) -> str:
    """The printable badges: the same people, groups and links as the console's list, each
    in its person's language."""
    badges = [
        PrintedBadge(name, group, link, badge.language)
        for (name, group, _code, link), badge in zip(
            badge_rows(base, screen), screen.badges, strict=True
        )
    ]
    return badge_codes_html(screen.room.title, badges)
