"""Converge: open and close voting rounds; results and the common-ground ranking."""

import streamlit as st

import runtime
from components.notices import action_runner, show_flash
from components.results import round_results
from components.round_setup import new_round_form
from components.text import escape_markdown
from services.converge import tallies, voting_reveal, voting_rounds
from services.core.vocab import RoundStatus, label
from services.prepare import imported_credit
from services.room import ideas, themes

actor = runtime.require_actor()
db = runtime.database()
_, meeting_id = runtime.require_meeting(actor)

act = action_runner(db, actor)


st.title("Converge")
show_flash()
rounds = voting_rounds.list_rounds(db, actor, meeting_id)
if actor.is_facilitator:
    with st.expander("Start a new round", expanded=not rounds):
        board = ideas.list_ideas(db, meeting_id, include_confidential=False, actor=actor)
        new_round_form(
            board,
            themes.list_themes(db, actor, meeting_id),
            on_create=lambda *a: act(
                voting_rounds.create_round, meeting_id, *a, done="Round ready."
            ),
        )
for voting_round in reversed(rounds):
    with st.container(border=True):
        st.markdown(
            f"**{escape_markdown(voting_round.title)}** · {label(voting_round.mode)} · "
            f"{label(voting_round.status)}"
        )
        draft, live = (voting_round.status is s for s in (RoundStatus.DRAFT, RoundStatus.OPEN))
        key = voting_round.id
        if actor.is_facilitator and draft and st.button("Open voting", key=f"open-{key}"):
            act(voting_rounds.open_round, key, done="Voting is open.")
        if actor.is_facilitator and live and st.button("Close voting", key=f"close-{key}"):
            act(voting_rounds.close_round, key, done="Voting is closed.")
        if live:
            st.caption(f"{voting_reveal.turnout(db, key).words()}: the projector shows this.")
        if actor.is_facilitator and voting_round.status is RoundStatus.CLOSED:
            revealed = voting_round.results_revealed
            st.caption(
                "The projector shows these results."
                if revealed
                else "The projector keeps these results hidden until you reveal them."
            )
            if revealed and st.button("Hide the results from the projector", key=f"hide-{key}"):
                act(voting_reveal.hide_results, key, done="The results are off the projector.")
            if not revealed and st.button(
                "Reveal the results on the projector", type="primary", key=f"reveal-{key}"
            ):
                act(voting_reveal.reveal_results, key, done="The results are on the projector.")
        if voting_round.status is not RoundStatus.DRAFT:
            round_results(
                voting_round.title, tallies.results(db, voting_round.id), key=str(voting_round.id)
            )
            if credit := imported_credit.round_credit(db, voting_round.id):
                st.caption(escape_markdown(credit))
if not rounds:
    st.info("No voting rounds yet.")
