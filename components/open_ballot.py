"""One open round on the phone: its title, its meeting's timer, and the ballot to tap."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import streamlit as st

from components.ballot import Tap, Tapped, Voter, choice_ballot, dots_ballot
from components.room_banner import countdown_html
from components.text import escape_markdown
from components.translated import translated_note
from runtime import Database
from services.converge import voting_ballots
from services.converge.vote_screen import OpenBallot
from services.converge.voting_items import BallotView
from services.core.errors import DomainError
from services.core.vocab import VoteMode


def open_ballot(shown: OpenBallot, db: Database, code: str) -> None:
    """The round's heading, the time left when a timer runs, and its rows of choices."""
    view = shown.ballot
    title = view.title_name
    st.header(escape_markdown(title.text if title is not None else view.title), anchor=False)
    if title is not None:  # which words those were, the original one tap away
        translated_note(title, key=f"round-title-{view.round_id}")
    room = shown.room
    left = room.seconds_left(datetime.now(UTC))
    if left is not None:
        # Counted down by the phone itself between reads, as on the console: drawn once, a
        # tap redrawing only its row, it stood still for the whole vote.
        countdown = countdown_html(left, paused=room.paused, key=view.meeting_id)
        st.html(countdown, unsafe_allow_javascript=True)
    if view.mode is VoteMode.DOTS:
        dots_ballot(view, voter(db, code, voting_ballots.set_dots))
    else:
        choice_ballot(view, voter(db, code, voting_ballots.choose))


def voter(db: Database, code: str, action: Callable[..., BallotView]) -> Voter:
    """A ballot's tap → its service call; a refusal comes back in words with the stored ballot."""

    def vote(drawn: BallotView, item_id: int, value: Tapped) -> Tap:
        round_id = drawn.round_id
        try:
            return Tap(round_id, item_id, action(db, code, item_id, value, drawn))
        except DomainError as error:
            return Tap(round_id, item_id, _stored_ballot(db, code, drawn), error.message)

    return vote


def _stored_ballot(db: Database, code: str, drawn: BallotView) -> BallotView | None:
    """The ballot as stored, or None when it cannot be read (the page then reruns whole)."""
    try:
        return voting_ballots.ballot(db, code, drawn.round_id, drawn)
    except DomainError:
        return None
