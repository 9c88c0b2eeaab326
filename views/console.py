"""Console: run the room — the step, input, timer, table activity, voice balance, join links."""

import streamlit as st

import runtime
from components.console_panels import activity_table, voice_panel
from components.invitations_panel import invitation_sheet_download
from components.join_links import join_links_panel, room_address_picker
from components.notices import action_runner, show_flash
from components.records import show_records
from components.room_banner import show_room_banner
from components.text import escape_markdown
from services import (
    accounts,
    activity,
    agenda,
    meetings,
    participants,
    room_control,
    stakeholders,
    tables,
    voice,
)
from services.vocab import MeetingStatus

WINDOW = 5
actor = runtime.require_actor()
db = runtime.database()
initiative_id, meeting_id = runtime.require_meeting(actor)

control = action_runner(db, actor, meeting_id)


state = room_control.room_state(db, meeting_id, actor=actor)
st.title("Console")
st.caption(escape_markdown(state.title))
show_flash()
show_room_banner(state)

steps, inputs, timer, close = st.columns([3, 2, 3, 2], vertical_alignment="bottom")
if state.status is MeetingStatus.PLANNED or state.current is None:
    if steps.button("Start the meeting", type="primary"):
        control(room_control.start_meeting, done="The meeting has started.")
else:
    back, forward = steps.columns(2)
    if back.button("◀ Back", disabled=state.position <= 1, width="stretch"):
        control(room_control.move_step, -1, done="Moved back one step.")
    if forward.button("Next ▶", disabled=state.position >= state.step_count, width="stretch"):
        control(room_control.move_step, +1, done="Moved to the next step.")
if state.input_open:
    if inputs.button("Close input", width="stretch"):
        control(room_control.set_input, False, done="Input is closed.")
elif inputs.button("Open input", type="primary", width="stretch"):
    control(room_control.set_input, True, done="Input is open.")
minutes = timer.number_input(
    "Timer (minutes)", 1, 180, state.current.minutes if state.current else 10
)
if timer.button("Start timer", width="stretch"):
    control(room_control.start_timer, int(minutes), done=f"Timer set for {minutes} minutes.")
if state.status is MeetingStatus.CLOSED:
    if close.button("Reopen the meeting", width="stretch"):
        control(room_control.reopen_meeting, done="The meeting is open again.")
elif close.button("Close the meeting", width="stretch"):
    control(room_control.close_meeting, done="The meeting is closed.")

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
        agenda.list_agenda(db, meeting_id, actor=actor),
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
