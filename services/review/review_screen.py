"""The Review screen's record: the meeting record and what the screen draws from it, in one read.

The screen shows the same `MeetingRecord` that its PDF, CSVs and workbook print
(services/review/meeting_record.py decides, once, what is confidential and which ideas a
table proposed), so the screen and its downloads cannot disagree.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from typing import TypeVar

from sqlalchemy import select

import i18n
from db.database import Database
from db.models import VotingRound
from db.models.enums import RoundStatus
from i18n import _
from services.act.action_followup import GroupProgress, progress_in
from services.converge.tallies import CommonGround, ItemTotal, RoundResults, results_in
from services.converge.voting_counts import ItemByGroup, counting_once
from services.converge.voting_items import round_titles_in
from services.core.actors import Actor
from services.partner.charter_signoff import GroupSignOff, signoff_status_in
from services.review.meeting_record import MeetingRecord, Proposed, Said, collect_in
from services.review.meeting_record_results import confidential_items, unnamed
from services.room.voice import VoiceBalance, summary_in
from services.translations.shown import Shown

Row = TypeVar("Row", ItemTotal, ItemByGroup, CommonGround)


@dataclass(frozen=True, slots=True)
class TableHeard:
    """One table's part of the record: what it heard (newest first) and what it proposed."""

    number: int | None
    """None for the whole room: ideas no table put forward."""
    notes: tuple[Said, ...]
    ideas: tuple[Proposed, ...]


@dataclass(frozen=True, slots=True)
class RoundShown:
    """A voting round that has opened, with its results."""

    round_id: int
    title: str
    results: RoundResults
    name: Shown | None = None
    """The title in the reader's language (its translation, or `title`), and which."""

    @property
    def called(self) -> str:
        """What the screen calls the round: its title in the reader's language."""
        return self.name.text if self.name is not None else self.title


@dataclass(frozen=True, slots=True)
class ReviewScreen:
    """Everything the Review screen shows, and the record its downloads print."""

    record: MeetingRecord
    figures: tuple[tuple[str, int], ...]
    """(name, how many) for the line of counts at the top, counted from the record."""
    tables: tuple[TableHeard, ...]
    rounds: tuple[RoundShown, ...]
    voice: VoiceBalance
    charter_version: int | None
    signoff: tuple[GroupSignOff, ...]
    progress: tuple[GroupProgress, ...]


def read(
    db: Database, actor: Actor, meeting_id: int, include_private: bool = False
) -> ReviewScreen:
    """The screen for a facilitator or a Thought Leader Team member, in one read.

    Confidential items only for a facilitator who asks, exactly as in the downloads: the
    record (services/review/meeting_record.py) decides it, and everything here comes from it
    or from counts that name no item.
    """
    # The reader's language resolved once: the record names thousands of cells.
    with db.read() as s, i18n.using(i18n.current()):
        counting_once(s)  # the record's two vote tables and the screen show the same rounds
        record = collect_in(s, actor, meeting_id, include_private)
        opened = list(
            s.scalars(
                select(VotingRound)
                .where(
                    VotingRound.meeting_id == meeting_id, VotingRound.status != RoundStatus.DRAFT
                )
                .order_by(VotingRound.id)
            )
        )
        # As in the record's vote tables: a confidential item is named by its number only.
        hidden = confidential_items(s, meeting_id) if not record.private else set()
        titles = round_titles_in(s, opened)
        rounds = tuple(
            RoundShown(
                r.id,
                r.title,
                _unnamed(results_in(s, r.id), hidden),
                titles[r.id],
            )
            for r in opened
        )
        voice = summary_in(s, meeting_id)
        signoff = tuple(signoff_status_in(s, record.initiative_id))
        progress = tuple(progress_in(s, actor, record.initiative_id, record.private))
    version = record.facts.get("charter_version")
    return ReviewScreen(
        record,
        _figures(record, len(rounds)),
        _by_table(record),
        rounds,
        voice,
        version if isinstance(version, int) else None,
        signoff,
        progress,
    )


def _figures(record: MeetingRecord, rounds: int) -> tuple[tuple[str, int], ...]:
    return (
        (_("Listening notes"), len(record.notes)),
        (_("Ideas"), len(record.ideas)),
        (_("Voting rounds"), rounds),
        (_("Conflicts"), len(record.conflicts)),
        (_("Actions"), len(record.frames["Action plan"])),
    )


def _by_table(record: MeetingRecord) -> tuple[TableHeard, ...]:
    """Each table in number order, then the whole room when the facilitator added ideas.

    Notes and ideas are dealt to their tables in one pass each: asking every table for its
    own out of the whole record grew as tables × items (5 s at 10× the data, bench/).
    """
    notes: dict[int, list[Said]] = defaultdict(list)
    for said in reversed(record.notes):
        notes[said.note.table_id].append(said)
    ideas: dict[int | None, list[Proposed]] = defaultdict(list)
    for proposed in record.ideas:
        ideas[proposed.idea.table_id].append(proposed)
    heard = [
        TableHeard(t.number, tuple(notes.get(t.id, ())), tuple(ideas.get(t.id, ())))
        for t in record.tables
    ]
    room = tuple(ideas.get(None, ()))
    return tuple(heard) + ((TableHeard(None, (), room),) if room else ())


def _unnamed(results: RoundResults, hidden: set[int]) -> RoundResults:
    def mask(row: Row) -> Row:
        return replace(row, text=unnamed(row.item_id)) if row.item_id in hidden else row

    if not hidden:
        return results
    return replace(
        results,
        totals=[mask(r) for r in results.totals],
        by_group=[mask(r) for r in results.by_group],
        ranking=[mask(r) for r in results.ranking],
    )
