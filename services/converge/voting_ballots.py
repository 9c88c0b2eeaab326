"""A participant's own ballot, reached with the personal code on their badge."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import ColumnElement, Select, String, and_, bindparam, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import InstrumentedAttribute, Session

from db.database import Database
from db.models import (
    Ballot,
    ContentLanguage,
    ContentTranslation,
    Meeting,
    Participant,
    RoundItem,
    Vote,
    VotingRound,
    utcnow,
)
from db.models.enums import Choice, RoundStatus, VoteMode
from i18n import N_, _, ngettext
from services.converge.voting_items import BallotView, ballot_view, votes_of
from services.core import codes
from services.core.errors import NotAllowedNow, NotFound, PermissionDenied, ValidationError
from services.core.roster_scope import ON_ROSTER
from services.core.scope import require_open_meeting
from services.core.validation import in_range, not_found, require
from services.setup import participants

_OPEN_ROUNDS = (
    select(VotingRound)
    .join(Meeting, Meeting.id == VotingRound.meeting_id)
    .where(VotingRound.status == RoundStatus.OPEN)
    .order_by(VotingRound.id)
)
"""The rounds open now, oldest first: `_open_rounds` and the five-second check narrow it."""
# The statements of a tap and of a phone's five-second check, the room's most frequent
# requests, are built once: building one cost about as much as running it (bench/).
_OPEN_ROUND_IDS = (
    _OPEN_ROUNDS.with_only_columns(VotingRound.id)
    .join(Participant, Participant.initiative_id == Meeting.initiative_id)
    .where(codes.code_matches_param(Participant.code), ON_ROSTER)
)


def _ballot_words(round_id: ColumnElement[int] | InstrumentedAttribute[int]) -> tuple:
    """How many translations and written languages the round's title, ideas and themes
    have, and the newest change of each: a translation saved, removed or corrected changes
    it; an idea added elsewhere in the room (a new written language) does not.
    One text per table ("3|2026-12-06 20:01:02"), not four columns: the check, the room's
    most frequent statement, cost 0.20 ms of CPU without them, 0.32 with four columns and
    0.25 with two texts (3,000 checks on SQLite, measured here)."""

    def named(table: type[ContentTranslation] | type[ContentLanguage]) -> ColumnElement[bool]:
        items = select(RoundItem).where(RoundItem.round_id == round_id)
        return or_(
            and_(table.kind == "voting_round", table.entity_id == round_id),
            and_(
                table.kind == "idea",
                table.entity_id.in_(items.with_only_columns(RoundItem.idea_id)),
            ),
            and_(
                table.kind == "theme",
                table.entity_id.in_(items.with_only_columns(RoundItem.theme_id)),
            ),
        )

    return tuple(
        select(
            func.count().cast(String)
            + "|"
            + func.coalesce(func.max(table.updated_at).cast(String), "")
        )
        .where(named(table))
        .scalar_subquery()
        for table in (ContentTranslation, ContentLanguage)
    )


# The five-second check's one statement: the open rounds, each beside its words' stamp.
_OPEN_ROUNDS_AND_WORDS = _OPEN_ROUND_IDS.add_columns(*_ballot_words(VotingRound.id))
_VOTER_AND_ROUND = (
    # The badge's holder beside the item's round and meeting, in one row: none when either
    # is missing, and the look-ups apart then say which (`_open_item`).
    select(Participant, VotingRound, Meeting)
    .select_from(Participant)
    .join(RoundItem, RoundItem.id == bindparam("item_id"))
    .join(VotingRound, VotingRound.id == RoundItem.round_id)
    .join(Meeting, Meeting.id == VotingRound.meeting_id)
    .where(codes.code_matches_param(Participant.code), ON_ROSTER)
    # A share lock on the round: voters do not wait for each other, but close_round
    # waits for them.
    .with_for_update(read=True, of=VotingRound)
    .execution_options(populate_existing=True)
)
_LOCKED_BALLOT = (
    select(Ballot)
    .where(Ballot.round_id == bindparam("round_id"))
    .where(Ballot.participant_id == bindparam("participant_id"))
    .with_for_update()
    .execution_options(populate_existing=True)
)


def ballot(db: Database, code: str, round_id: int, drawn: BallotView | None = None) -> BallotView:
    """The voter's ballot in a round; `drawn` as in `set_dots` (a refused tap reads it)."""
    with db.read() as s:
        voter = voter_in(s, code)
        rnd = require(s, VotingRound, round_id, N_("voting round"))
        _same_initiative(voter, s.get_one(Meeting, rnd.meeting_id))
        return ballot_view(s, rnd, voter.id, drawn=drawn)


def open_ballots(db: Database, code: str) -> list[BallotView]:
    """The voter's ballot in every round now open in their initiative, oldest round first."""
    with db.read() as s:
        return open_ballots_in(s, voter_in(s, code))


def open_ballots_in(s: Session, voter: Participant) -> list[BallotView]:
    """`open_ballots` inside a transaction already open (the vote screen's one read)."""
    return [ballot_view(s, rnd, voter.id) for rnd in s.scalars(_open_rounds(voter))]


def open_round_ids(db: Database, code: str) -> tuple[int, ...]:
    """The ids of the rounds `open_ballots` would show, oldest first: what a phone's
    five-second check compares, without building every ballot to do it.

    Every phone asks this every five seconds, so it is one query: the badge's rounds by
    its code. Only when it finds none is the code looked up alone, to refuse one that
    names nobody.
    """
    with db.read() as s:
        found = open_round_ids_in(s, code)
        if not found:
            voter_in(s, code)
        return found


def open_round_ids_in(s: Session, code: str) -> tuple[int, ...]:
    """`open_round_ids` inside a read the caller holds; none for a code that names nobody
    (the caller looks the voter up then, to refuse it or to read what else to show)."""
    candidates = codes.code_candidates(code)
    if candidates is None:
        raise _no_such_badge()
    return tuple(s.scalars(_OPEN_ROUND_IDS, {codes.CANDIDATES: candidates}))


def open_rounds_and_words_in(s: Session, code: str) -> tuple[tuple[int, ...], tuple]:
    """`open_round_ids_in` and each open round's `ballot_words_in`, in one statement: what
    a phone's five-second check compares with what it drew."""
    candidates = codes.code_candidates(code)
    if candidates is None:
        raise _no_such_badge()
    rows = s.execute(_OPEN_ROUNDS_AND_WORDS, {codes.CANDIDATES: candidates}).all()
    return tuple(row[0] for row in rows), tuple(tuple(row[1:]) for row in rows)


def ballot_words_in(s: Session, round_ids: Sequence[int]) -> tuple:
    """Each round's words stamp (`_ballot_words`), in order: a phone redraws its ballot
    when it changes, so a translation saved mid-round reaches it."""
    return tuple(
        tuple(s.execute(select(*_ballot_words(bindparam("r", r)))).one()) for r in round_ids
    )


def _open_rounds(voter: Participant) -> Select:
    return _OPEN_ROUNDS.where(Meeting.initiative_id == voter.initiative_id)


def set_dots(
    db: Database, code: str, round_item_id: int, dots: int, drawn: BallotView | None = None
) -> BallotView:
    """Put exactly `dots` of the voter's dots on one item (0 takes them all back).

    `drawn`, the ballot as the phone drew it, lends the answer its items' names
    (`ballot_view`): a tap is the room's most frequent request.
    """
    with db.write() as s:
        voter, item_id, rnd = _open_item(s, code, round_item_id, VoteMode.DOTS)
        in_range(dots, N_("Dots on one item"), 0, rnd.max_per_item)
        ballot_row = _locked_ballot(s, rnd, voter.id)
        votes = _votes(s, rnd.id, voter.id)
        vote = votes.get(item_id)
        elsewhere = sum(v.dots for i, v in votes.items() if i != item_id)
        if elsewhere + dots > rnd.budget:
            left = rnd.budget - elsewhere - (vote.dots if vote else 0)
            raise ValidationError(
                ngettext(
                    "You have {n} dot left; take a dot off another idea first.",
                    "You have {n} dots left; take a dot off another idea first.",
                    left,
                ).format(n=left)
            )
        if dots == 0 and vote is not None:
            s.delete(vote)
            del votes[item_id]
        elif dots and vote is None:
            votes[item_id] = Vote(
                round_id=rnd.id, round_item_id=item_id, participant_id=voter.id, dots=dots
            )
            s.add(votes[item_id])
        elif dots and vote is not None:
            vote.dots, vote.updated_at = dots, utcnow()
        ballot_row.dots_used = elsewhere + dots
        s.flush()
        return ballot_view(s, rnd, voter.id, votes, drawn)


def choose(
    db: Database,
    code: str,
    round_item_id: int,
    choice: Choice | str,
    drawn: BallotView | None = None,
) -> BallotView:
    """Record the voter's agree, disagree or pass on one item (a new choice replaces the old);
    `drawn` as in `set_dots`."""
    with db.write() as s:
        voter, item_id, rnd = _open_item(s, code, round_item_id, VoteMode.AGREE_DISAGREE)
        try:
            picked = Choice(choice)
        except ValueError:
            raise ValidationError(
                _("“{choice}” is not agree, disagree or pass.").format(choice=choice)
            ) from None
        # Taken only to queue this voter's taps one after another, as in dot voting.
        _locked_ballot(s, rnd, voter.id)
        votes = _votes(s, rnd.id, voter.id)
        vote = votes.get(item_id)
        if vote is None:
            votes[item_id] = Vote(
                round_id=rnd.id, round_item_id=item_id, participant_id=voter.id, choice=picked
            )
            s.add(votes[item_id])
        else:
            vote.choice, vote.updated_at = picked, utcnow()
        s.flush()
        return ballot_view(s, rnd, voter.id, votes, drawn)


def _open_item(
    s: Session, code: str, round_item_id: int, mode: VoteMode
) -> tuple[Participant, int, VotingRound]:
    """The voter, the item's id and its round, refused in words unless the round is open
    to this voter's taps of `mode`. One query reads the voter, the item's round and its
    meeting: a tap is the room's most frequent request."""
    candidates = codes.code_candidates(code)
    found = None
    if candidates is not None:
        asked = {"item_id": round_item_id, codes.CANDIDATES: candidates}
        found = s.execute(_VOTER_AND_ROUND, asked).one_or_none()
    if found is None:
        voter_in(s, code)  # a badge that names nobody is refused first, in its words
        raise not_found(N_("ballot item"), round_item_id)
    voter, rnd, meeting = found
    _same_initiative(voter, meeting)
    # Before the round's own state: closing the meeting closes its rounds too, and the
    # voter should hear that the meeting is over, not only this round.
    require_open_meeting(meeting)
    if rnd.status is RoundStatus.DRAFT:
        raise NotAllowedNow(_("Voting in this round has not opened yet. Wait for the facilitator."))
    if rnd.status is RoundStatus.CLOSED:
        raise NotAllowedNow(
            _("Voting in this round has closed. The dots you placed before it closed still count.")
        )
    if rnd.mode is not mode:
        raise ValidationError(
            _("This round is dot voting; place dots instead.")
            if rnd.mode is VoteMode.DOTS
            else _("This round is agree / disagree / pass; choose one instead of placing dots.")
        )
    return voter, round_item_id, rnd


def voter_in(s: Session, code: str) -> Participant:
    """The participant a voting link's code names; refused in words when it names nobody."""
    voter = participants.find_by_code(s, code)
    if voter is None:
        raise _no_such_badge()
    return voter


def _no_such_badge() -> NotFound:
    return NotFound(
        _(
            "This voting link is not valid. Check the link on your badge, or ask a "
            "facilitator for a new one."
        )
    )


def _same_initiative(voter: Participant, meeting: Meeting) -> None:
    if meeting.initiative_id != voter.initiative_id:
        raise PermissionDenied(
            _(
                "Your badge is for a different initiative than this vote. Use the link on the "
                "badge you were given for this meeting."
            )
        )


def _locked_ballot(s: Session, rnd: VotingRound, participant_id: int) -> Ballot:
    """The voter's ballot row, created if needed and row-locked until commit.

    The lock makes two phones with one code queue, so each sees the other's dots. SQLite
    needs no lock: its write transactions already run one at a time.
    """
    mine = {"round_id": rnd.id, "participant_id": participant_id}
    row = s.scalar(_LOCKED_BALLOT, mine)
    if row is not None:
        return row
    try:
        with s.begin_nested():
            row = Ballot(round_id=rnd.id, participant_id=participant_id, budget=rnd.budget)
            s.add(row)
    except IntegrityError:
        # The other phone created it first; its commit let our insert fail, so it is there.
        return s.scalars(_LOCKED_BALLOT, mine).one()
    return row


def _votes(s: Session, round_id: int, participant_id: int) -> dict[int, Vote]:
    return votes_of(s, round_id, participant_id)
