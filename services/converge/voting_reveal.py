"""Results held back until the facilitator reveals them, and the turnout the room sees meanwhile.

As in Mentimeter: while people vote, the projector shows how many have voted, never the
running results, so an early lead does not steer the votes still to come. Once voting is
closed the facilitator reveals the results on the projector (and may hide them again).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

import i18n
from db.database import Database
from db.models import Meeting, Participant, Vote, VotingRound
from db.models.enums import Role, RoundStatus
from i18n import N_, _
from services.core import audit, membership
from services.core.actors import Actor, require_role
from services.core.errors import NotAllowedNow
from services.core.validation import require
from services.core.vocab import label
from services.translations.shown import Shown, Stored, room_words, shown
from services.translations.translate import translations_by_language


@dataclass(frozen=True)
class Turnout:
    """How many of the people expected in the room have voted in a round."""

    voted: int
    """People who have at least one vote in the round."""
    expected: int
    """The meeting's people who are not marked absent, plus anyone absent who voted anyway:
    the same people the console prints badges for."""

    def words(self, closed: bool = False) -> str:
        """'12 of 60 have voted' while voting runs, '12 of 60 voted' once it has closed."""
        said = _("{voted} of {expected} voted") if closed else _("{voted} of {expected} have voted")
        return said.format(voted=self.voted, expected=self.expected)


@dataclass(frozen=True)
class RoundOnScreen:
    """The round the projector is about, and whether its results may be shown."""

    round_id: int
    title: str
    status: RoundStatus
    revealed: bool
    turnout: Turnout
    said: Mapping[str, Stored] = field(default_factory=dict)
    """The title's translation as each language's reader needs it (`called`)."""

    def name(self) -> Shown:
        """The title in the run's language (the projector draws each of its languages in
        turn): its translation, or as written, and which."""
        language = i18n.current()
        return shown(self.title, self.said.get(language), language)

    def called(self) -> str:
        """The title as a projector's line that may be cut says it: a translation with its
        mark first, else as written (`room_words`)."""
        return room_words(self.name())

    @property
    def shows_results(self) -> bool:
        """Results only once voting has ended and the facilitator has revealed them."""
        return self.status is RoundStatus.CLOSED and self.revealed


def reveal_results(db: Database, actor: Actor, round_id: int) -> VotingRound:
    """Show a closed round's results on the projector."""
    return _set(db, actor, round_id, True)


def hide_results(db: Database, actor: Actor, round_id: int) -> VotingRound:
    """Take a round's results off the projector again (they stay on Converge)."""
    return _set(db, actor, round_id, False)


def turnout(db: Database, actor: Actor, round_id: int) -> Turnout:
    """Who has voted in the round out of the people expected at its meeting."""
    with db.read() as s:
        rnd = require(s, VotingRound, round_id, N_("voting round"))
        membership.require_meeting_member(s, actor, rnd.meeting_id)
        return turnout_in(s, rnd)


def round_on_screen(db: Database, actor: Actor, meeting_id: int) -> RoundOnScreen | None:
    """The projector's round (the newest open one, else the newest closed one) and its
    turnout, as a member of the meeting's initiative sees it (the projector itself reads
    `round_on_screen_in` inside its one read, by the meeting's code)."""
    with db.read() as s:
        membership.require_meeting_member(s, actor, meeting_id)
        return round_on_screen_in(s, meeting_id)


def round_on_screen_in(s: Session, meeting_id: int) -> RoundOnScreen | None:
    """`round_on_screen` inside a transaction already open (the projector's one read)."""
    query = (
        select(VotingRound)
        .where(VotingRound.meeting_id == meeting_id, VotingRound.status != RoundStatus.DRAFT)
        # Open before closed ('open' > 'closed' as text), newest first within each.
        .order_by(VotingRound.status.desc(), VotingRound.id.desc())
        .limit(1)
    )
    rnd = s.scalar(query)
    if rnd is None:
        return None
    said = translations_by_language(s, "voting_round", rnd.id, "title")
    return RoundOnScreen(
        rnd.id, rnd.title, rnd.status, rnd.results_revealed, turnout_in(s, rnd), said
    )


def turnout_in(s: Session, rnd: VotingRound) -> Turnout:
    """`turnout` inside a read the caller holds."""
    initiative_id = s.get_one(Meeting, rnd.meeting_id).initiative_id
    voted_here = select(Vote.participant_id).where(Vote.round_id == rnd.id)
    voted = s.scalar(
        select(func.count(func.distinct(Vote.participant_id))).where(Vote.round_id == rnd.id)
    )
    expected = s.scalar(
        select(func.count(Participant.id)).where(
            Participant.initiative_id == initiative_id,
            or_(Participant.absent.is_(False), Participant.id.in_(voted_here)),
        )
    )
    return Turnout(voted or 0, expected or 0)


def _set(db: Database, actor: Actor, round_id: int, revealed: bool) -> VotingRound:
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        rnd = require(s, VotingRound, round_id, N_("voting round"))
        if revealed and rnd.status is not RoundStatus.CLOSED:
            raise NotAllowedNow(
                _(
                    "“{title}” is still {status}: close voting first, then reveal the results, so "
                    "early results do not sway the votes still to come."
                ).format(title=rnd.title, status=label(rnd.status).lower())
            )
        if rnd.results_revealed != revealed:
            rnd.results_revealed = revealed
            initiative_id = s.get_one(Meeting, rnd.meeting_id).initiative_id
            action = "results revealed" if revealed else "results hidden"
            audit.record(
                s,
                actor,
                audit.Change(
                    entity="voting_round",
                    entity_id=rnd.id,
                    action=action,
                    detail={},
                    initiative_id=initiative_id,
                ),
            )
        return rnd
