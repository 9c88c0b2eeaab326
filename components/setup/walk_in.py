"""Set up › People › at the door: add a walk-in, seat them where there is room, print a badge."""

from __future__ import annotations

import streamlit as st

import i18n
import runtime
from adapters import room_links
from components.join_links import room_address_picker
from components.notices import show_error
from components.qr import show_qr
from components.setup.common import confirm_in_tab, language_choice, table_words
from components.setup.context import SetupContext
from components.sheets import PrintedBadge, badge_codes_html, download_sheet, file_word
from components.text import escape_markdown
from i18n import _, using
from services.core import codes
from services.core.errors import DomainError
from services.setup import meetings, participants, stakeholders, tables

# Confirmed on the People tab, where the badge is.
TAB = "people"
# The walk-in whose badge is on screen: shown until dismissed or the next one arrives.
BADGE_KEY = "setup_walk_in_badge"
WALK_IN_LANGUAGE = "setup_walk_in_language-{form}"
"""The language picker's key, by form: each new form starts at English like its other fields."""
# A new form after each walk-in: it starts empty, while a refused one keeps what was typed.
FORM_KEY = "setup_walk_in_form"


def walk_in_panel(ctx: SetupContext) -> None:
    """The badge of whoever was added last (first: it is to print now), then the form."""
    groups = stakeholders.list_stakeholders(
        ctx.db, ctx.actor, ctx.initiative_id, include_retired=False
    )
    if BADGE_KEY in st.session_state:
        _badge(ctx, st.session_state[BADGE_KEY])
    st.subheader(_("Add someone at the door"))
    if not groups:
        st.info(_("Add the stakeholder groups first (Groups tab): everyone belongs to one."))
    else:
        _walk_in_form(ctx, {g.id: g.name for g in groups})


def _walk_in_form(ctx: SetupContext, groups: dict[int, str]) -> None:
    with st.form(f"walk-in-{st.session_state.get(FORM_KEY, 0)}"):
        left, right = st.columns(2)
        name = left.text_input(_("Walk-in's name"))
        group = right.selectbox(
            _("Their group"),
            list(groups),
            format_func=lambda g: groups[g],
            index=None,
            placeholder=_("Choose an option"),
        )
        email = left.text_input(_("Their email (optional)"))
        phone = right.text_input(_("Their phone (optional)"))
        with left:
            # The screen's language first: the walk-in at a Spanish desk likely reads it.
            language = language_choice(
                i18n.current(), key=WALK_IN_LANGUAGE.format(form=st.session_state.get(FORM_KEY, 0))
            )
        if not st.form_submit_button(_("Add them and find a seat"), type="primary"):
            return
    if group is None:
        st.error(_("Choose the walk-in's group: everyone sits with a group's name on their badge."))
        return
    try:
        seated = participants.add_walk_in(
            ctx.db,
            ctx.actor,
            ctx.meeting_id,
            participants.ParticipantFields(
                name=name, stakeholder_id=group, email=email, phone=phone, language=language
            ),
        )
    except DomainError as error:
        show_error(error)
        return
    st.session_state[BADGE_KEY] = seated.participant.id
    st.session_state[FORM_KEY] = st.session_state.get(FORM_KEY, 0) + 1
    who = escape_markdown(seated.participant.name)
    if seated.table is None:
        confirm_in_tab(
            TAB,
            _(
                "{name} is on the roster. This meeting has no tables yet, so they have no "
                "seat: add tables on the Tables tab. Their badge is below."
            ).format(name=who),
        )
    confirm_in_tab(
        TAB,
        _(
            "{name} is on the roster and sits at {table}, the table with the most room. "
            "Their badge is below: print it now."
        ).format(name=who, table=escape_markdown(table_words(seated.table))),
    )


def _badge(ctx: SetupContext, participant_id: int) -> None:
    """The walk-in's badge on screen (name, group, table, voting QR) and as a page to print."""
    try:
        person = participants.get_participant(ctx.db, ctx.actor, participant_id)
    except DomainError:
        person = None
    if person is None or person.absent or person.initiative_id != ctx.initiative_id:
        # Removed since, or another initiative is open now: no badge to print here.
        st.session_state.pop(BADGE_KEY, None)
        return
    groups = {
        g.id: g.name for g in stakeholders.list_stakeholders(ctx.db, ctx.actor, ctx.initiative_id)
    }
    group = groups.get(person.stakeholder_id, "")
    seat = next(
        (
            t
            for t in tables.list_tables(ctx.db, ctx.actor, ctx.meeting_id)
            if t.id == person.table_id
        ),
        None,
    )
    where = table_words(seat) if seat is not None else _("No table yet")
    # As on the console's links tab: a badge printed with this computer's own address
    # opens nothing on a phone, so say so here and offer the room-network address.
    room_address_picker(
        runtime.public_base_url(), runtime.chosen_room_address(), runtime.choose_room_address
    )
    url = room_links.vote_link(runtime.public_base_url(), person.code)
    with st.container(border=True):
        name = escape_markdown(person.name)
        st.markdown("**" + _("Badge: {name}").format(name=name) + "**")
        words, code = st.columns([3, 2])
        with words:
            st.markdown(_("Name: {name}").format(name=f"**{name}**"))
            st.markdown(_("Group: {group}").format(group=escape_markdown(group)))
            st.markdown(_("Table: {table}").format(table=escape_markdown(where)))
            # What they type at /vote when they cannot scan: read aloud, no look-alikes.
            st.markdown(_("Code: {code}").format(code=f"**{codes.display_code(person.code)}**"))
            title = meetings.get_meeting(ctx.db, ctx.meeting_id, actor=ctx.actor).title
            # The badge sheet's second line carries the table, so the printed badge has it
            # too: in the person's language, as the whole badge is.
            with using(person.language):
                printed_where = table_words(seat) if seat is not None else _("No table yet")
            printed = PrintedBadge(person.name, f"{group} · {printed_where}", url, person.language)
            sheet = badge_codes_html(title, [printed])
            download_sheet(
                _("Download their badge (one page to print)"),
                sheet,
                _("badge-{name}.html").format(name=file_word(person.name) or person.id),
                key=f"walk-in-badge-{person.id}",
            )
            if st.button(_("Done: hide the badge"), key="walk-in-badge-done"):
                st.session_state.pop(BADGE_KEY, None)
                st.rerun()
        with code:
            show_qr(url, _("Voting link for {name}").format(name=person.name))
