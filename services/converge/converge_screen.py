"""The Converge screen as one actor may see it: every round of the meeting with its turnout,
results and credit, and what a new round's ballot could hold, read in one transaction."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

import i18n
from db.database import Database
from db.models import Meeting, VotingRound
from db.models.enums import Role, RoundStatus, Step, VoteMode
from services.converge.tallies import RoundResults, results_in
from services.converge.voting_items import round_titles_in
from services.converge.voting_reveal import Turnout, turnout_in
from services.core import membership
from services.core.actors import Actor, require_role
from services.prepare.imported_credit import round_credit_in
from services.room.board import open_ideas_in, themes_in
from services.room.room_control import room_state_in
from services.translations.shown import Shown, labelled, mark, shown
from services.translations.translate import translations_of_kinds


@dataclass(frozen=True, slots=True)
class RoundOnConverge:
    """One round: where it stands, and what it has to show so far."""

    id: int
    title: str
    mode: VoteMode
    status: RoundStatus
    revealed: bool
    """Whether the projector shows its results (only ever once it has closed)."""
    turnout: Turnout | None
    """Who has voted, while voting runs; None otherwise."""
    results: RoundResults | None
    """Its counts once voting has opened; None for a draft."""
    credit: str | None
    """The attribution of the Pol.is conversation it was imported from, if it was."""
    name: Shown | None = None
    """The title in the reader's language (its translation, or `title`), and which."""

    @property
    def called(self) -> str:
        """What the screen calls the round: its title in the reader's language."""
        return self.name.text if self.name is not None else self.title

    @property
    def is_draft(self) -> bool:
        return self.status is RoundStatus.DRAFT

    @property
    def is_open(self) -> bool:
        return self.status is RoundStatus.OPEN

    @property
    def is_closed(self) -> bool:
        return self.status is RoundStatus.CLOSED


@dataclass(frozen=True, slots=True)
class BallotIdea:
    """An idea a new round's ballot may hold, in its reader's language."""

    id: int
    text: str
    """The idea's words as its reader reads them first (`Shown.text`)."""
    mark: str = ""
    """What those words are when they are not the original in the reader's language
    ("Translated from Spanish", "No English translation yet"): `shown.mark`."""


@dataclass(frozen=True, slots=True)
class BallotTheme:
    """A theme a new round's ballot may hold, named in its reader's language and marked
    as BallotIdea is (`labelled`)."""

    id: int
    name: str


@dataclass(frozen=True, slots=True)
class BallotChoices:
    """What a facilitator can put on a new ballot: the room's visible, non-confidential
    ideas, oldest first (a ballot is shown to everyone), and the themes, by name."""

    ideas: tuple[BallotIdea, ...]
    themes: tuple[BallotTheme, ...]


@dataclass(frozen=True, slots=True)
class ConvergeScreen:
    """Everything Converge shows this actor; `ballot` is None but for a facilitator."""

    facilitating: bool
    rounds: tuple[RoundOnConverge, ...]
    """Newest first, as the screen lists them."""
    ballot: BallotChoices | None
    on_the_projector: bool
    """Whether the room is on its voting step, where the projector shows the round."""


def read(
    db: Database, actor: Actor, meeting_id: int, *, ballot_wanted: bool = True
) -> ConvergeScreen:
    """The meeting's rounds and, for a facilitator, the choices for a new one: read when
    `ballot_wanted` (the new-round form is drawn) or when there is no round yet (the form
    is open at first then). Every visible idea of the board as a choice on every run was
    the form's cost while nobody had it open (as Solve's option form's was)."""
    require_role(actor, Role.FACILITATOR, Role.LEADER)
    with db.read() as s:
        membership.require_meeting_member(s, actor, meeting_id)
        query = select(VotingRound).where(VotingRound.meeting_id == meeting_id)
        listed = list(s.scalars(query.order_by(VotingRound.id.desc())))
        titles = round_titles_in(s, listed)
        rounds = tuple(
            RoundOnConverge(
                rnd.id,
                rnd.title,
                rnd.mode,
                rnd.status,
                rnd.results_revealed,
                turnout_in(s, rnd) if rnd.status is RoundStatus.OPEN else None,
                None if rnd.status is RoundStatus.DRAFT else results_in(s, rnd.id),
                round_credit_in(s, rnd.id),
                titles[rnd.id],
            )
            for rnd in listed
        )
        ballot = None
        if actor.is_facilitator and (ballot_wanted or not rounds):
            ballot = _choices(s, meeting_id)
        state = room_state_in(s, s.get_one(Meeting, meeting_id))
        voting_step = state.current is not None and state.current.step is Step.CONVERGE
        return ConvergeScreen(actor.is_facilitator, rounds, ballot, voting_step)


def _choices(s: Session, meeting_id: int) -> BallotChoices:
    """The ideas and themes a new ballot may hold, as the facilitator reads them: a
    translation into their language, or the words as typed, each said which (one query
    for the translations and languages of both)."""
    language = i18n.current()
    ideas, themes = list(open_ideas_in(s, meeting_id)), list(themes_in(s, meeting_id))
    wanted = {"idea": ([i for i, _t in ideas], "text"), "theme": ([t for t, _n in themes], "name")}
    stored = translations_of_kinds(s, wanted, language)
    named = [(i, shown(text, stored["idea"].get(i), language)) for i, text in ideas]
    return BallotChoices(
        tuple(BallotIdea(i, words.text, mark(words)) for i, words in named),
        tuple(
            BallotTheme(t, labelled(shown(name, stored["theme"].get(t), language)))
            for t, name in themes
        ),
    )
