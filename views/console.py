"""Console: run the room — the step, input, timer, table activity, voice balance, join links."""

import streamlit as st

import runtime
from components import console_controls as controls
from components.console_room import agenda_table, live_panels
from components.invitations_panel import invitation_sheet_download
from components.join_links import join_links_panel, room_address_picker
from components.late_notes_toggle import late_notes_toggle
from components.notices import action_runner, show_flash
from components.premoderation_toggle import premoderation_toggle
from components.projector_controls import projector_controls
from components.room_banner import live_countdown, show_room_banner
from components.text import escape_markdown
from i18n import _
from services.room import console_screen, room_control

here = runtime.page()
db, actor, meeting_id = here.db, here.actor, here.meeting_id
control = action_runner(db, actor, meeting_id)
screen = console_screen.read(db, actor, meeting_id)
state = screen.room

st.title(_("Console"))
st.caption(escape_markdown(state.title))
show_flash()
show_room_banner(state, with_timer=False)
live_countdown(lambda: room_control.room_state(db, meeting_id, actor=actor))

controls.approval_warning(screen.gaps, state.status)
controls.step_controls(state, control)
controls.timer_controls(state, control)
controls.shortcut_legend()
controls.step_jump(screen, control)
step_title = screen.title_of_current()  # as the step picker names it
premoderation_toggle(db, actor, state, title=step_title)
late_notes_toggle(db, actor, state.current, title=step_title)
projector_controls(db, actor, state)

# Only the open tab is drawn: the links tab was most of the browser's work on every run.
room, links = st.tabs(
    [_("The room"), _("Join links and QR codes")], key="console-tab", on_change="rerun"
)
if room.open:
    with room:
        live_panels(db, actor, meeting_id)
        agenda_table(screen)
if links.open:
    with links:
        base = runtime.public_base_url()
        room_address_picker(base, runtime.chosen_room_address(), runtime.choose_room_address)
        join_links_panel(
            base,
            screen,
            invitation_download=lambda: invitation_sheet_download(
                db, actor, meeting_id, base, key="console-invitation-sheet"
            ),
        )
