"""What is on a round's ballot: ideas or themes of the round's meeting, with their text."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeGuard

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

import i18n
from db.database import Database
from db.models import Idea, RoundItem, Theme, Vote, VotingRound
from db.models.enums import Choice, IdeaStatus, RoundStatus, VoteMode
from i18n import N_, _
from services.core import membership
from services.core.actors import Actor
from services.core.errors import ValidationError
from services.core.validation import require
from services.translations.shown import Shown, shown
from services.translations.translate import translations_for, translations_of_kinds


@dataclass(frozen=True)
class BallotItem:
    """One line of a ballot with the text people vote on, in the reader's language."""

    id: int
    round_id: int
    idea_id: int | None
    theme_id: int | None
    text: str
    """The item's name as `item_name` gives it: the ballot and every result use it."""
    name: Shown | None = None
    """Which words `text` are (a translation, or the original) and the original itself."""


@dataclass(frozen=True)
class BallotLine:
    """One ballot item and what this voter put on it."""

    item_id: int
    text: str
    dots: int
    choice: Choice | None
    name: Shown | None = None
    """Which words `text` are, and the original: components/translated.py says it."""


@dataclass(frozen=True)
class BallotView:
    """What one voter sees: the round, their budget and their votes so far."""

    round_id: int
    title: str
    mode: VoteMode
    status: RoundStatus
    budget: int
    max_per_item: int
    dots_used: int
    remaining: int
    items: tuple[BallotLine, ...]
    meeting_id: int = 0
    title_name: Shown | None = None
    """The title in the voter's language: its translation, or `title`, and which."""


def round_items(db: Database, actor: Actor, round_id: int) -> list[BallotItem]:
    """A round's ballot with the idea or theme text of each item."""
    with db.read() as s:
        rnd = require(s, VotingRound, round_id, N_("voting round"))
        membership.require_meeting_member(s, actor, rnd.meeting_id)
        return item_rows(s, round_id)


def item_rows(s: Session, round_id: int, language: str | None = None) -> list[BallotItem]:
    """The ballot of `round_id`, in the order items were added, each named in `language`
    (the run's, when not given): one query, and one more for their translations. Ballots,
    results, the projector and reports all name items through this, so a Spanish phone
    and a Spanish report call an idea by the same words."""
    return _named_ballot(s, round_id, language, None)[0]


def _named_ballot(
    s: Session, round_id: int, language: str | None, title: str | None
) -> tuple[list[BallotItem], Shown | None]:
    """`item_rows`, and the round's `title` (when given) in `language`, its translation
    read in the items' one query."""
    language = language or i18n.current()
    query = (
        select(RoundItem, func.coalesce(Idea.text, Theme.name))
        .outerjoin(Idea, Idea.id == RoundItem.idea_id)
        .outerjoin(Theme, Theme.id == RoundItem.theme_id)
        .where(RoundItem.round_id == round_id)
        .order_by(RoundItem.id)
    )
    rows = list(s.execute(query))
    ideas = [item.idea_id for item, _text in rows if item.idea_id is not None]
    themes = [item.theme_id for item, _text in rows if item.theme_id is not None]
    wanted = {"idea": (ideas, "text"), "theme": (themes, "name")}
    if title is not None:
        wanted["voting_round"] = ([round_id], "title")
    stored = translations_of_kinds(s, wanted, language)
    named = []
    for item, text in rows:
        kind, entity_id = (
            ("idea", item.idea_id) if item.idea_id is not None else ("theme", item.theme_id)
        )
        name = shown(text, stored[kind].get(entity_id or 0), language)
        named.append(
            BallotItem(item.id, item.round_id, item.idea_id, item.theme_id, item_name(name), name)
        )
    if title is None:
        return named, None
    return named, shown(title, stored["voting_round"].get(round_id), language)


def round_titles_in(
    s: Session, rounds: Sequence[VotingRound], language: str | None = None
) -> dict[int, Shown]:
    """By round id, each round's title in `language` (the run's, when not given): one
    query for every round a screen or a file lists."""
    language = language or i18n.current()
    said = translations_for(s, "voting_round", [r.id for r in rounds], language, "title")
    return {r.id: shown(r.title, said.get(r.id), language) for r in rounds}


def item_name(name: Shown) -> str:
    """What a ballot item is called in its reader's language: the one naming of items."""
    return name.text


def add_items(
    s: Session, rnd: VotingRound, idea_ids: Iterable[int], theme_ids: Iterable[int]
) -> list[RoundItem]:
    """Put ideas and themes of the round's meeting on its ballot, skipping ones already there."""
    on_ballot = {(i.idea_id, i.theme_id) for i in item_rows(s, rnd.id)}
    added = []
    for idea_id in dict.fromkeys(idea_ids):
        idea = require(s, Idea, idea_id, N_("idea"))
        _same_meeting(rnd, idea.meeting_id, _("Idea #{id}").format(id=idea.id))
        if idea.status is not IdeaStatus.VISIBLE:
            raise ValidationError(
                _(_OFF_BOARD[idea.status]).format(id=idea.id, to=idea.merged_into_id)
            )
        if idea.confidential:
            raise ValidationError(
                _(
                    "Idea #{id} is confidential, and a ballot shows it on every phone and on the "
                    "projector. Remove the confidential mark first, or leave it off."
                ).format(id=idea.id)
            )
        if (idea.id, None) not in on_ballot:
            added.append(RoundItem(round_id=rnd.id, idea_id=idea.id))
    for theme_id in dict.fromkeys(theme_ids):
        theme = require(s, Theme, theme_id, N_("theme"))
        _same_meeting(rnd, theme.meeting_id, _("Theme “{name}”").format(name=theme.name))
        if (None, theme.id) not in on_ballot:
            added.append(RoundItem(round_id=rnd.id, theme_id=theme.id))
    s.add_all(added)
    s.flush()
    return added


def voted_rounds(s: Session, idea_id: int | None = None, theme_id: int | None = None) -> list[str]:
    """Titles of opened rounds with this idea or theme on the ballot.

    The share lock makes a concurrent open_round wait, so the answer stays true until the
    caller commits.
    """
    column, value = (
        (RoundItem.idea_id, idea_id) if idea_id is not None else (RoundItem.theme_id, theme_id)
    )
    query = (
        select(VotingRound)
        .join(RoundItem, RoundItem.round_id == VotingRound.id)
        .where(column == value)
        .order_by(VotingRound.id)
        .with_for_update(read=True, of=VotingRound)
    )
    return [r.title for r in s.scalars(query) if r.status is not RoundStatus.DRAFT]


def ballot_view(
    s: Session,
    rnd: VotingRound,
    participant_id: int,
    votes: Mapping[int, Vote] | None = None,
    drawn: BallotView | None = None,
) -> BallotView:
    """One voter's ballot, counted from their votes (agree/disagree rounds spend no dots).

    `votes`, by round item id, are theirs as the caller holds them, when it has just
    written them: a tap need not read back what it wrote. `drawn` is this ballot as the
    phone last drew it: when it was drawn from this round while open, its items and their
    names are used again rather than read back, since a round's items are fixed once it
    opens and a round never reopens. Only the votes are then counted afresh.
    """
    if votes is None:
        votes = votes_of(s, rnd.id, participant_id)
    budget = rnd.budget if rnd.mode is VoteMode.DOTS else 0
    used = sum(v.dots for v in votes.values()) if budget else 0
    if _still_open(drawn, rnd):
        named = [(line.item_id, line.text, line.name) for line in drawn.items]
        title = drawn.title_name
    else:
        items, title = _named_ballot(s, rnd.id, None, rnd.title)
        named = [(item.id, item.text, item.name) for item in items]
    lines = tuple(
        BallotLine(
            item_id,
            text,
            votes[item_id].dots if item_id in votes else 0,
            votes[item_id].choice if item_id in votes else None,
            name,
        )
        for item_id, text, name in named
    )
    status, cap = rnd.status, rnd.max_per_item
    return BallotView(
        rnd.id, rnd.title, rnd.mode, status, budget, cap, used, budget - used, lines,
        rnd.meeting_id, title,
    )  # fmt: skip


_VOTES = select(Vote).where(
    Vote.round_id == bindparam("round_id"), Vote.participant_id == bindparam("participant_id")
)
"""Built once: a tap and a ballot's every read run it (codes.code_matches_param says why)."""


def votes_of(s: Session, round_id: int, participant_id: int) -> dict[int, Vote]:
    """One voter's votes in a round, by round item id."""
    mine = {"round_id": round_id, "participant_id": participant_id}
    return {v.round_item_id: v for v in s.scalars(_VOTES, mine)}


def _still_open(drawn: BallotView | None, rnd: VotingRound) -> TypeGuard[BallotView]:
    """Whether `drawn` shows `rnd`'s items as they stand: drawn while open, and still open."""
    return (
        drawn is not None
        and drawn.round_id == rnd.id
        and drawn.status is RoundStatus.OPEN
        and rnd.status is RoundStatus.OPEN
    )


_OFF_BOARD = {
    IdeaStatus.PENDING: N_("Idea #{id} is waiting for approval. Approve it before voting on it."),
    IdeaStatus.HIDDEN: N_(
        "Idea #{id} is hidden from the board. Show it again before voting on it."
    ),
    IdeaStatus.MERGED: N_("Idea #{id} was merged into idea #{to}. Put idea #{to} on the ballot."),
}


def _same_meeting(rnd: VotingRound, meeting_id: int, what: str) -> None:
    if meeting_id != rnd.meeting_id:
        raise ValidationError(
            _("{what} belongs to another meeting. Pick one from this meeting.").format(what=what)
        )
