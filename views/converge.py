"""Converge: open and close voting rounds; results and the common-ground ranking."""

import streamlit as st

import runtime
from components import converge_panels as panels
from components.notices import show_flash
from components.opened import expander_once_opened, will_draw
from components.round_setup import new_round_form
from i18n import _
from services.converge import converge_screen, voting_reveal, voting_rounds

here = runtime.page()
NEW_ROUND = "converge-new-round"
wanted = will_draw(NEW_ROUND)
screen = converge_screen.read(here.db, here.actor, here.meeting_id, ballot_wanted=wanted)
STEPS = {
    panels.OPEN: (voting_rounds.open_round, _("Voting is open.")),
    panels.CLOSE: (voting_rounds.close_round, _("Voting is closed.")),
    panels.REVEAL: (voting_reveal.reveal_results, _("The results are on the projector.")),
    panels.HIDE: (voting_reveal.hide_results, _("The results are off the projector.")),
    panels.DELETE: (voting_rounds.delete_round, _("The draft round is deleted.")),
}

st.title(_("Converge"))
show_flash()
if screen.facilitating:
    # Open at first while there is no round; its choices are read once it is drawn.
    box, drawn = expander_once_opened(
        _("Start a new round"), key=NEW_ROUND, expanded=not screen.rounds
    )
    if drawn and screen.ballot is not None:
        with box:
            new_round_form(
                screen.ballot,
                on_create=lambda *a: here.act(
                    voting_rounds.create_round, here.meeting_id, *a, done=_("Round ready.")
                ),
            )
for voting_round in screen.rounds:
    with st.container(border=True):
        if pressed := panels.round_controls(
            voting_round, screen.facilitating, screen.on_the_projector
        ):
            service, done = STEPS[pressed]
            here.act(service, voting_round.id, done=done)
        if screen.facilitating:
            panels.round_translation(voting_round, here.act)
        panels.round_outcome(voting_round)
if not screen.rounds:
    st.info(_("No voting rounds yet."))
