"""Set up › People: the roster, added at the door, imported or one by one, and corrected."""

from __future__ import annotations

import streamlit as st

from components.records import show_records
from components.setup.common import (
    language_choice,
    run_then_confirm,
    show_tab_flash,
    tab_act,
    table_words,
)
from components.setup.context import SetupContext
from components.setup.roster import roster_import_panel
from components.setup.walk_in import walk_in_panel
from components.text import escape_markdown
from i18n import LANGUAGES, N_, _
from services.setup import participants, stakeholders, tables
from services.setup.participants import Participant
from services.setup.stakeholders import Stakeholder
from services.setup.tables import MeetingTable

# Where confirmations show: a walk-in's at the top with their badge, the others beside the
# change form, wherever the page is scrolled.
TAB, CHANGE = "people", "people-change"


def people_tab(ctx: SetupContext) -> None:
    """Walk-ins, the import, the roster, and changing, moving or removing one person."""
    show_tab_flash(TAB)
    roster = participants.list_participants(ctx.db, ctx.actor, ctx.initiative_id)
    groups = stakeholders.list_stakeholders(ctx.db, ctx.actor, ctx.initiative_id)
    group_names = {g.id: g.name for g in groups}
    seats = {t.id: t for t in tables.list_tables(ctx.db, ctx.actor, ctx.meeting_id)}
    absent = sum(p.absent for p in roster)
    walk_in_panel(ctx)
    st.header(
        _("Roster ({present} present, {absent} absent)").format(
            present=len(roster) - absent, absent=absent
        )
    )
    roster_import_panel(ctx)
    show_records(
        roster,
        {
            _("Name"): "name",
            _("Group"): lambda p: group_names.get(p.stakeholder_id, "—"),
            _("Table"): lambda p: table_words(seats.get(p.table_id) if p.table_id else None),
            # Named in its own words, as the import and the forms name it: what to check
            # after importing a roster with a language column.
            _("Language"): lambda p: LANGUAGES.get(p.language, p.language),
            _("Here"): lambda p: _("Absent") if p.absent else _("Present"),
            _("Email"): "email",
            _("Phone"): "phone",
        },
        _("The roster is empty."),
    )
    if roster:
        _change_one(ctx, roster, groups, seats)
    else:
        show_tab_flash(CHANGE)  # e.g. the last one was just removed


def _change_one(
    ctx: SetupContext,
    roster: list[Participant],
    groups: list[Stakeholder],
    seats: dict[int, MeetingTable],
) -> None:
    st.subheader(_("Change, move or remove one person"))
    show_tab_flash(CHANGE)
    names = {p.id: _("{name} (absent)").format(name=p.name) if p.absent else p.name for p in roster}
    chosen = st.selectbox(
        _("Person to change"),
        list(names),
        format_func=lambda p: names[p],
        index=None,
        placeholder=_("Choose an option"),
        key="person-pick",
    )
    if chosen is None:
        return
    person = next(p for p in roster if p.id == chosen)
    _edit_form(ctx, person, groups, seats)
    if person.absent:
        st.info(
            _(
                "{name} is marked absent: kept with everything they said, out of seating, "
                "badges and the room's counts."
            ).format(name=escape_markdown(person.name))
        )
        if st.button(_("Mark them present again"), key=f"present-{person.id}"):
            run_then_confirm(CHANGE, lambda: _present(ctx, person.id))
        return
    st.caption(
        _(
            "Removing deletes someone who has not voted or answered anything. Anyone who has "
            "is kept with all of it and marked absent instead: nothing they said is lost."
        )
    )
    if st.button(_("Remove this person from the roster"), key=f"remove-{person.id}"):
        run_then_confirm(CHANGE, lambda: _remove(ctx, person.id))


def _edit_form(
    ctx: SetupContext,
    person: Participant,
    groups: list[Stakeholder],
    seats: dict[int, MeetingTable],
) -> None:
    # Retired groups are offered only to someone already in one, who keeps it.
    offered = {g.id: g.name for g in groups if not g.retired or g.id == person.stakeholder_id}
    seat_ids: list[int | None] = [None, *seats]
    with st.form(f"edit-person-{person.id}"):
        name = st.text_input(_("Name"), person.name)
        group = st.selectbox(
            _("Group"),
            list(offered),
            format_func=lambda g: offered[g],
            index=list(offered).index(person.stakeholder_id),
        )
        email = st.text_input(_("Email"), person.email)
        phone = st.text_input(_("Phone"), person.phone)
        language = language_choice(
            person.language, key=f"edit-language-{person.id}", label=N_("Language")
        )
        notes = st.text_area(_("Notes (facilitators only)"), person.notes)
        table = st.selectbox(
            _("Seated at"),
            seat_ids,
            format_func=lambda t: _("No table") if t is None else table_words(seats[t]),
            index=seat_ids.index(person.table_id) if person.table_id in seat_ids else 0,
            disabled=person.absent,
            help=_("Mark them present to seat them.") if person.absent else None,
        )
        if st.form_submit_button(_("Save the changes")):
            tab_act(ctx, CHANGE)(
                participants.update_participant,
                person.id,
                participants.ParticipantFields(
                    name=name,
                    stakeholder_id=group,
                    email=email,
                    phone=phone,
                    notes=notes,
                    table_id=table,
                    language=language,
                ),
                done=_("{name}: changes saved.").format(
                    name=escape_markdown(name.strip() or person.name)
                ),
            )


def _present(ctx: SetupContext, participant_id: int) -> str:
    seated = participants.mark_present(ctx.db, ctx.actor, participant_id, ctx.meeting_id)
    who = escape_markdown(seated.participant.name)
    if seated.table is None:
        return _("{name} is present again; this meeting has no tables yet to seat them at.").format(
            name=who
        )
    return _("{name} is present again and sits at {table}.").format(
        name=who, table=escape_markdown(table_words(seated.table))
    )


def _remove(ctx: SetupContext, participant_id: int) -> str:
    removal = participants.remove_participant(ctx.db, ctx.actor, participant_id)
    who = escape_markdown(removal.name)
    if removal.deleted:
        return _(
            "{name} is removed from the roster. They had not voted or answered anything, "
            "so nothing is lost."
        ).format(name=who)
    return _(
        "{name} is kept and marked absent, not deleted: they already have {kept}, which stay "
        "counted and listed. They are out of seating, badges and the room's counts; mark them "
        "present if they come back."
    ).format(name=who, kept=escape_markdown(removal.kept_in_words()))
