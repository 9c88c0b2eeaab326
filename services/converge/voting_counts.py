"""Counting a round's votes per ballot item and stakeholder group, in two grouped queries."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

import i18n
from db.models import Participant, Stakeholder, Vote, VotingRound
from db.models.enums import Choice
from i18n import N_
from services.converge.voting_items import item_rows
from services.core.validation import require
from services.translations.shown import Shown


@dataclass(frozen=True)
class Counts:
    """Votes on one item, from everyone or from one group."""

    dots: int = 0
    voters: int = 0
    agree: int = 0
    disagree: int = 0
    passed: int = 0
    supporters: int = 0


@dataclass(frozen=True)
class GroupCounts:
    """One stakeholder group's counts on one item."""

    stakeholder_id: int
    group: str
    counts: Counts
    in_common_ground: bool = True


@dataclass(frozen=True)
class ItemByGroup:
    """One ballot item with the counts of every group that voted in the round."""

    item_id: int
    text: str
    groups: tuple[GroupCounts, ...]
    name: Shown | None = None
    """Which words `text` are: a translation or the original (voting_items.item_name)."""


_ONCE = "round_counts"
"""Session.info's key for the counts `counting_once` keeps."""


def counting_once(s: Session) -> None:
    """From here until the read `s` ends, count each round once: for a read that shows one
    round in several places (Review: its screen, its vote table and its common-ground
    table counted each round three times; at 10× the data that was 0.1 s a view). Never in
    a write: its own votes could change between two counts."""
    s.info.setdefault(_ONCE, {})


def count_round(s: Session, round_id: int) -> tuple[list[ItemByGroup], dict[int, int]]:
    """Each item with every voting group's counts (zeros included), and voters per group."""
    kept = s.info.get(_ONCE)
    key = (round_id, i18n.current())  # the items are named in the reader's language
    if kept is not None and key in kept:
        return kept[key]
    counted = _count(s, round_id)
    if kept is not None:
        kept[key] = counted
    return counted


def _count(s: Session, round_id: int) -> tuple[list[ItemByGroup], dict[int, int]]:
    require(s, VotingRound, round_id, N_("voting round"))
    choice = {c: func.sum(case((Vote.choice == c, 1), else_=0)) for c in Choice}
    per_item = (
        select(
            Vote.round_item_id,
            Participant.stakeholder_id,
            func.sum(Vote.dots),
            func.count(),
            choice[Choice.AGREE],
            choice[Choice.DISAGREE],
            choice[Choice.PASS],
            func.sum(case(((Vote.dots > 0) | (Vote.choice == Choice.AGREE), 1), else_=0)),
        )
        .join(Participant, Participant.id == Vote.participant_id)
        .where(Vote.round_id == round_id)
        .group_by(Vote.round_item_id, Participant.stakeholder_id)
    )
    counts = {(r[0], r[1]): Counts(*(int(v) for v in r[2:])) for r in s.execute(per_item)}
    per_group = (
        select(
            Stakeholder.id,
            Stakeholder.name,
            Stakeholder.in_common_ground,
            func.count(func.distinct(Vote.participant_id)),
        )
        .join(Participant, Participant.stakeholder_id == Stakeholder.id)
        .join(Vote, Vote.participant_id == Participant.id)
        .where(Vote.round_id == round_id)
        .group_by(Stakeholder.id, Stakeholder.name, Stakeholder.in_common_ground)
        .order_by(Stakeholder.name)
    )
    groups = list(s.execute(per_group))
    rows = [
        ItemByGroup(
            item.id,
            item.text,
            tuple(
                GroupCounts(gid, name, counts.get((item.id, gid), Counts()), counted)
                for gid, name, counted, _ in groups
            ),
            item.name,
        )
        for item in item_rows(s, round_id)
    ]
    return rows, {gid: n for gid, _, _, n in groups}


def add_up(parts: Iterable[Counts]) -> Counts:
    """The field-by-field sum of several counts (each voter is in exactly one group)."""
    parts = list(parts)
    return Counts(*(sum(getattr(p, f.name) for p in parts) for f in fields(Counts)))
