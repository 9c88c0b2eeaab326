"""What a participant's phone ballot shows, read once, by the personal code on their badge."""

from __future__ import annotations

from dataclasses import dataclass

from db.database import Database
from db.models import Initiative, Meeting
from db.models.enums import SurveyKind
from services.converge import voting_ballots
from services.converge.voting_items import BallotView
from services.prepare import surveys
from services.room import room_control
from services.room.room_control import RoomState

Shows = tuple[tuple[int, ...], SurveyKind | None, tuple]
"""What a phone's page shows: the rounds open, where it leads with none, their words."""


@dataclass(frozen=True, slots=True)
class OpenBallot:
    """The voter's ballot in one open round, and where its meeting's room is (its timer)."""

    ballot: BallotView
    room: RoomState


@dataclass(frozen=True, slots=True)
class VoteScreen:
    """The phone's page: who holds the badge, their open ballots, and where else it leads."""

    name: str
    code: str
    ballots: tuple[OpenBallot, ...]
    """Every round open now in the voter's initiative, oldest first."""
    stage: SurveyKind | None
    """With no round open: the survey (before), the feedback form (after), else None."""
    words: tuple = ()
    """Each open round's stamp of its words' translations (`ballot_words_in`)."""

    @property
    def round_ids(self) -> tuple[int, ...]:
        """The open rounds shown."""
        return tuple(b.ballot.round_id for b in self.ballots)

    @property
    def shows(self) -> Shows:
        """What the page shows, as the phone's five-second check compares it (`what_shows`)."""
        return self.round_ids, self.stage, self.words


def read(db: Database, code: str) -> VoteScreen:
    """The ballot page of the participant whose code this is, in one read.

    The code is the key: it opens this person's own ballots in their own initiative only.
    """
    with db.read() as s:
        voter = voting_ballots.voter_in(s, code)
        rooms: dict[int, RoomState] = {}
        ballots = []
        for view in voting_ballots.open_ballots_in(s, voter):
            if view.meeting_id not in rooms:
                meeting = s.get_one(Meeting, view.meeting_id)
                rooms[view.meeting_id] = room_control.state_in(s, meeting)
            ballots.append(OpenBallot(view, rooms[view.meeting_id]))
        initiative = s.get_one(Initiative, voter.initiative_id)
        # The badge's one QR code also leads to the survey before and the feedback after.
        stage = None if ballots else surveys.stage_in(s, initiative)
        words = voting_ballots.ballot_words_in(s, [b.ballot.round_id for b in ballots])
        return VoteScreen(voter.name, voter.code, tuple(ballots), stage, words)


def what_shows(db: Database, code: str) -> Shows:
    """What the phone's page would show now, as `VoteScreen.shows` says it: the rounds open
    and the stamp of their words' translations (one saved mid-round reaches the phone)
    and, with none open, where the badge leads instead. Closing the meeting opens no round
    but turns the page into the thank-you; the survey opening or closing changes its button.

    Every phone asks this every five seconds, in one read: while a round is open it is
    one query.
    """
    with db.read() as s:
        opened, words = voting_ballots.open_rounds_and_words_in(s, code)
        if opened:
            return opened, None, words
        voter = voting_ballots.voter_in(s, code)
        return (), surveys.stage_in(s, s.get_one(Initiative, voter.initiative_id)), ()
