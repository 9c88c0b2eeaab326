"""Console: run the room — the step, input, timer, table activity, voice balance, join links."""

import streamlit as st

import runtime
from components.console_controls import (
    approval_warning,
    shortcut_legend,
    step_controls,
    timer_controls,
)
from components.console_panels import activity_table, voice_panel
from components.invitations_panel import invitation_sheet_download
from components.join_links import join_links_panel, room_address_picker
from components.late_notes_toggle import late_notes_toggle
from components.notices import action_runner, show_flash
from components.premoderation_toggle import premoderation_toggle
from components.records import show_records
from components.room_banner import live_countdown, show_room_banner
from components.text import escape_markdown
from services.accounts import accounts
from services.agenda import agenda, agenda_gaps
from services.core.vocab import MeetingStatus, label
from services.room import activity, room_control, voice
from services.setup import meetings, participants, stakeholders, tables

WINDOW = 5
actor = runtime.require_actor()
db = runtime.database()
initiative_id, meeting_id = runtime.require_meeting(actor)

control = action_runner(db, actor, meeting_id)


state = room_control.room_state(db, meeting_id, actor=actor)
steps = agenda.list_agenda(db, meeting_id, actor=actor)
st.title("Console")
st.caption(escape_markdown(state.title))
show_flash()
show_room_banner(state, with_timer=False)
live_countdown(lambda: room_control.room_state(db, meeting_id, actor=actor))

approval_warning(agenda_gaps.approval_gaps(db, actor, meeting_id), state.status)
step_controls(state, control)
timer_controls(state, control)
shortcut_legend()

live = state.status is MeetingStatus.LIVE and state.current is not None
if steps:
    pick, go = st.columns([6, 2], vertical_alignment="bottom")
    titles = {i.id: f"{i.position}. {i.title} ({label(i.step)}, {i.minutes} min)" for i in steps}
    chosen = pick.selectbox(
        "Step to jump to",
        list(titles),
        index=state.position - 1 if state.current else 0,
        format_func=titles.__getitem__,
    )
    if go.button("Go to this step", disabled=not live, width="stretch"):
        where = escape_markdown(titles[chosen])
        control(room_control.go_to_step, chosen, done=f"The room is on step {where}.")

premoderation_toggle(db, actor, state)
late_notes_toggle(db, actor, state.current)

room, links = st.tabs(["The room", "Join links and QR codes"])
with room:

    @st.fragment(run_every="5s")
    def live_panels() -> None:
        st.subheader(f"Table activity, last {WINDOW} minutes")
        activity_table(activity.activity_by_table(db, actor, meeting_id, WINDOW), WINDOW)
        st.subheader("Voice balance")
        voice_panel(voice.voice_summary(db, actor, meeting_id))

    live_panels()
    st.subheader("Agenda")
    show_records(
        steps,
        {
            "#": "position",
            "Step": "title",
            "Now": lambda i: "▶ now" if state.current and i.id == state.current.id else "",
            "Minutes": "minutes",
        },
        "The agenda is empty: draft it on the Agenda screen.",
    )
with links:
    names = {a.id: a.display_name for a in accounts.list_accounts(db, actor)}
    groups = {g.id: g.name for g in stakeholders.list_stakeholders(db, initiative_id)}
    room_address_picker(
        runtime.public_base_url(), runtime.chosen_room_address(), runtime.choose_room_address
    )
    base = runtime.public_base_url()
    join_links_panel(
        base,
        state.title,
        meetings.get_meeting(db, meeting_id, actor=actor).code,
        [
            (t.number, names.get(t.scribe_account_id, ""))
            for t in tables.list_tables(db, meeting_id)
        ],
        [
            (p.name, groups.get(p.stakeholder_id, ""), p.code)
            for p in participants.list_participants(db, actor, initiative_id, present_only=True)
        ],
        invitation_download=lambda: invitation_sheet_download(
            db, actor, meeting_id, base, key="console-invitation-sheet"
        ),
    )
