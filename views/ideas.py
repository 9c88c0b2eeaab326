"""Ideas: the divergent idea board — a table's ideas, or the facilitator's whole board."""

import streamlit as st

import runtime
from components.approval_queue import approval_queue
from components.cards import idea_list, newest_first
from components.idea_board import (
    board_cards,
    count_header,
    filtered_board,
    moderation_tabs,
    origin,
    reading,
)
from components.idea_form import idea_form
from components.imported_credit_line import imported_credit_line
from components.notices import refuse, show_flash
from components.room_banner import follow_room
from components.wordcloud import show_word_cloud
from i18n import _
from services.core.errors import DomainError
from services.room import ideas_screen, room_control

here = runtime.page(with_table=True)
db, actor, meeting_id = here.db, here.actor, here.meeting_id
try:
    screen = ideas_screen.read(db, actor, meeting_id, here.table_number, board_cache=board_cards)
except DomainError as error:
    refuse(error.message)

st.title(
    _("Ideas · table {number}").format(number=screen.table_number)
    if screen.table_id
    else _("Idea board")
)
show_flash()
follow_room(lambda: room_control.room_state(db, meeting_id, actor=actor), screen.room, actor)
if screen.moderates:
    approval_queue(here)
    board = filtered_board(screen)
    moderation_tabs(here, screen, board)
    show_word_cloud(ideas_screen.cloud_texts(board), key="board-cloud")
    count_header(board)
    imported_credit_line(screen.credits_for(board))  # Pol.is statements carry their credit
else:
    board = screen.ideas
    idea_form(here, screen)
idea_list(newest_first(board[::-1], "ideas", key="all-ideas"), origin, reading)
