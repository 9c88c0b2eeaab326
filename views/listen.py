"""Listen: what a table heard — said, paraphrased back, and the interest beneath."""

import streamlit as st

import runtime
from components.cards import newest_first, note_list, wanted
from components.listen_panels import count_header, note_form
from components.notices import refuse, show_flash
from components.room_banner import follow_room
from i18n import _
from services.core.errors import DomainError
from services.room import listen_screen, room_control

here = runtime.page(with_table=True)
db, actor, meeting_id = here.db, here.actor, here.meeting_id
try:
    shown = wanted("all-notes")
    screen = listen_screen.read(db, actor, meeting_id, here.table_number, newest=shown)
except DomainError as error:
    refuse(error.message)

st.title(
    _("Listen · table {number}").format(number=screen.table_number)
    if screen.table_id
    else _("Listen · every table")
)
follow_room(lambda: room_control.room_state(db, meeting_id, actor=actor), screen.room, actor)
show_flash()
if screen.table_id is not None:
    note_form(here, screen)
else:
    count_header(screen.note_count)
notes = newest_first(screen.notes, "notes", key="all-notes", total=screen.note_count)
note_list(notes, lambda n: n.group, lambda n: n.words)
