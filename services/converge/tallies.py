"""Results of a round: totals, counts per stakeholder group, and where the groups agree."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.database import Database
from db.models import Vote, VotingRound
from db.models.enums import Role, VoteMode
from i18n import N_, _
from services.converge.voting_counts import ItemByGroup, add_up, count_round
from services.core import membership
from services.core.actors import Actor, require_role
from services.core.validation import require
from services.translations.shown import Shown

DIVIDES_AT = 0.5
"""A gap this wide between the keenest and the coolest group marks an item the groups
differ on: one group's share backing it at least 50 percentage points above another's."""
GROUP_MIN_VOTERS = 3
"""Only groups with this many voters count towards that gap. With one or two voters a
group's share is 0%, 50% or 100% by chance, and before this rule nearly every item of a
round was called divisive: a demoralising wall in a meeting held to build trust."""
STRONGEST = N_("strongest common ground")
DIFFER = N_("groups differ")
THRESHOLD_WORDS = (
    f"“{DIFFER.capitalize()}” means one group's support is at least "
    f"{round(DIVIDES_AT * 100)} points above another's, counting groups with "
    f"{GROUP_MIN_VOTERS} or more voters."
)
"""The rule in words, for every screen that says an item divides the groups."""


def threshold_words() -> str:
    """`THRESHOLD_WORDS` in the reader's language."""
    return _(
        "“{differ}” means one group's support is at least {points} points above another's, "
        "counting groups with {voters} or more voters."
    ).format(differ=_(DIFFER).capitalize(), points=round(DIVIDES_AT * 100), voters=GROUP_MIN_VOTERS)


@dataclass(frozen=True)
class ItemTotal:
    """One ballot item's counts from every voter together."""

    item_id: int
    text: str
    dots: int
    voters: int
    agree: int
    disagree: int
    passed: int


@dataclass(frozen=True)
class GroupShare:
    """How much one group backs an item: supporters out of the group's voters."""

    stakeholder_id: int
    group: str
    supporters: int
    voters: int
    share: float | None


@dataclass(frozen=True)
class CommonGround:
    """An item's bridging score, each group's share, and whether the groups split on it."""

    item_id: int
    text: str
    score: float
    groups: tuple[GroupShare, ...]
    spread: float
    """The gap between the highest and lowest share of any groups with voters."""
    divides: bool
    """Whether the groups really differ: see DIVIDES_AT and GROUP_MIN_VOTERS."""

    @property
    def backed(self) -> bool:
        """Whether anyone at all supports the item."""
        return any(g.supporters for g in self.groups)


def verdict(row: CommonGround, place: int) -> str:
    """What the room is told about the item at `place` (1 = first) of a ranking, in words:
    "strongest common ground" for a backed first item, "groups differ" only where the gap is
    real, and nothing otherwise: most items neither unite nor divide the room."""
    if row.divides:
        gap = round(real_gap(row.groups) * 100)
        return _("{differ} ({gap}-point gap)").format(differ=_(DIFFER), gap=gap)
    if place == 1 and row.backed:
        return _(STRONGEST)
    return ""


STRONGEST_SHOWN = 3
"""How many items a round's results name as its strongest common ground, and as where
the groups differ most."""


def unite_and_divide(
    ranking: Sequence[CommonGround], top: int = STRONGEST_SHOWN
) -> tuple[tuple[CommonGround, ...], tuple[CommonGround, ...]]:
    """The strongest common ground (first in the ranking, backed by someone, not dividing)
    and where the groups differ (the widest real gap first): the one rule the results
    screen, the meeting's record and report, and the pre-session report all name them by.
    (The record had its own, every group at 50 % or more, and named two items where the
    screen named three.)"""
    unite = tuple(r for r in ranking if not r.divides and r.backed)[:top]
    divide = sorted((r for r in ranking if r.divides), key=lambda r: -real_gap(r.groups))
    return unite, tuple(divide[:top])


def why_no_common_ground(ranking: Iterable[CommonGround]) -> str | None:
    """Why no common ground can be computed for a ranking, in words; None when it can.

    Common ground needs votes from people in groups: a conversation with no opinion groups
    (or no votes) ranks every item the same, and its first items would be called what
    unites the groups when nothing was measured.
    """
    if any(g.voters for row in ranking for g in row.groups):
        return None
    return _(
        "No common ground can be computed yet — nobody in a group has voted. It needs votes "
        "from people of at least one group (for Pol.is, its opinion groups)."
    )


def real_gap(shares: Iterable[GroupShare]) -> float:
    """The spread of the shares of groups with GROUP_MIN_VOTERS voters or more."""
    return spread(g.share for g in shares if g.voters >= GROUP_MIN_VOTERS)


def differs(shares: Iterable[GroupShare]) -> bool:
    """Whether groups with enough voters to tell are DIVIDES_AT or more apart."""
    return real_gap(shares) >= DIVIDES_AT


def score(counts: Iterable[tuple[int, int]]) -> float:
    """Product over groups of (supporters + 1) / (voters + 2).

    The +1/+2 keeps a group with few voters from zeroing an item while still pulling it
    down, so only items that every group backs score high.
    """
    return math.prod((a + 1) / (n + 2) for a, n in counts)


def spread(shares: Iterable[float | None]) -> float:
    """The gap between the highest and the lowest share, ignoring groups with no voters."""
    known = [s for s in shares if s is not None]
    return max(known) - min(known) if len(known) > 1 else 0.0


@dataclass(frozen=True)
class RoundResults:
    """Everything a results screen shows for one round, counted in one pass."""

    mode: VoteMode
    totals: list[ItemTotal]
    by_group: list[ItemByGroup]
    group_voters: dict[int, int]
    """People of each group who voted in the round: the base of a group's share in dots."""
    ranking: list[CommonGround]

    @property
    def names(self) -> list[Shown]:
        """Each item's name as the results call it: which are translations, which not."""
        return [row.name for row in self.by_group if row.name is not None]


def results(db: Database, actor: Actor, round_id: int) -> RoundResults:
    """Totals, the split by group and the common-ground ranking, from one count."""
    with db.read() as s:
        rnd = require(s, VotingRound, round_id, N_("voting round"))
        membership.require_meeting_member(s, actor, rnd.meeting_id)
        return results_in(s, round_id)


def results_in(s: Session, round_id: int) -> RoundResults:
    """`results` inside a read the caller already holds (a report gathering many things)."""
    rows, voters = count_round(s, round_id)
    mode = require(s, VotingRound, round_id, N_("voting round")).mode
    return RoundResults(mode, _totals(rows), rows, voters, rank_items(rows, voters, mode))


def totals(db: Database, actor: Actor, round_id: int) -> list[ItemTotal]:
    """Per ballot item: dots, voters and agree/disagree/pass counts, in ballot order."""
    return results(db, actor, round_id).totals


def by_group(db: Database, actor: Actor, round_id: int) -> list[ItemByGroup]:
    """Per ballot item, the counts of each stakeholder group that voted in the round."""
    return results(db, actor, round_id).by_group


def common_ground(db: Database, actor: Actor, round_id: int) -> list[CommonGround]:
    """Items by bridging score, best first: high only where every group leans in."""
    return results(db, actor, round_id).ranking


def _totals(rows: list[ItemByGroup]) -> list[ItemTotal]:
    result = []
    for row in rows:
        c = add_up(g.counts for g in row.groups)
        result.append(
            ItemTotal(row.item_id, row.text, c.dots, c.voters, c.agree, c.disagree, c.passed)
        )
    return result


def rank_items(
    rows: list[ItemByGroup], round_voters: dict[int, int], mode: VoteMode
) -> list[CommonGround]:
    """Items by bridging score from counts already made: best first."""
    result = []
    for row in rows:
        shares = []
        for g in (g for g in row.groups if g.in_common_ground):
            # Dots: every group member who spent a dot could have put one here.
            voters = round_voters[g.stakeholder_id] if mode is VoteMode.DOTS else g.counts.voters
            supporters = g.counts.supporters
            share = supporters / voters if voters else None
            shares.append(GroupShare(g.stakeholder_id, g.group, supporters, voters, share))
        gap = spread(g.share for g in shares)
        bridge = score((g.supporters, g.voters) for g in shares)
        result.append(
            CommonGround(row.item_id, row.text, bridge, tuple(shares), gap, differs(shares))
        )
    return sorted(result, key=lambda r: (-r.score, r.item_id))


def list_votes(db: Database, actor: Actor, round_id: int) -> list[Vote]:
    """Every vote of a round, item by item: who voted how is for facilitators only."""
    require_role(actor, Role.FACILITATOR)
    with db.read() as s:
        require(s, VotingRound, round_id, N_("voting round"))
        query = select(Vote).where(Vote.round_id == round_id)
        return list(s.scalars(query.order_by(Vote.round_item_id, Vote.participant_id)))
