"""Bring a Pol.is conversation export into a meeting: its statements, voters, groups and votes."""

from __future__ import annotations

import time
from dataclasses import dataclass

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from db.database import Database
from db.models import Ballot, Idea, Meeting, Participant, RoundItem, Stakeholder, Vote, VotingRound
from db.models.enums import IdeaStatus, Role, RoundStatus, StakeholderCategory, VoteMode
from i18n import ENGLISH, N_, _
from services.core import audit, codes
from services.core.actors import Actor, require_role
from services.core.errors import ValidationError
from services.core.validation import LONG_MAX, NAME_MAX, require
from services.prepare.polis_export import PolisExport, read_export, read_uploaded
from services.translations import written

__all__ = [
    "UNGROUPED",
    "PolisExport",
    "PolisLoad",
    "load_into_meeting",
    "load_upload",
    "read_export",
]

UNGROUPED = "Pol.is voters without a group"
TOPIC_IN_NAME = 60
"""Characters of the conversation's topic in its groups' names, which charts show."""


@dataclass(frozen=True)
class PolisLoad:
    """What an import created, keyed by Pol.is ids; `votes` counts the votes loaded."""

    round_id: int
    idea_id_by_comment: dict[int, int]
    participant_id_by_voter: dict[int, int]
    group_id_by_polis_group: dict[int | None, int]
    statements: int
    votes: int
    attribution: str


def load_upload(
    db: Database, actor: Actor, meeting_id: int, files: dict[str, bytes], language: str
) -> PolisLoad:
    """The files of an upload (the zip Pol.is offers, or its CSV files) read and loaded
    into the meeting; an unreadable upload is refused in words before anything is written.
    `language`: the language the conversation's statements are written in."""
    return load_into_meeting(db, actor, meeting_id, read_uploaded(files), language)


def load_into_meeting(
    db: Database, actor: Actor, meeting_id: int, export: PolisExport, language: str = ENGLISH
) -> PolisLoad:
    """Add the groups, voters, statements and a closed agree/disagree round, all or nothing,
    the statements and the round's title said to be in `language` (a Pol.is export does
    not say which).

    The votes go in batches of VOTE_BATCH, each its own short transaction: one transaction
    for half a million votes held SQLite's write lock for 25 s, and every tap and note in
    the room waited behind it. Until the last batch is in, the round is a draft nobody
    votes in; an import that fails part-way is removed again, whole.
    """
    require_role(actor, Role.FACILITATOR)
    started = _start(db, meeting_id, export, language)
    try:
        votes = _vote_rows(started, export)
        for first in range(0, len(votes), VOTE_BATCH):
            with db.write() as s:
                s.execute(insert(Vote), votes[first : first + VOTE_BATCH])
            _let_the_room_write()
        _finish(db, actor, started, export, len(votes))
    except BaseException:
        _undo(db, started)
        raise
    return PolisLoad(
        round_id=started.round_id,
        idea_id_by_comment=started.idea_ids,
        participant_id_by_voter=started.participant_ids,
        group_id_by_polis_group=started.group_ids,
        statements=len(started.idea_ids),
        votes=len(votes),
        attribution=export.attribution,
    )


VOTE_BATCH = 500
"""Votes (or voters) per transaction: about 50 ms of SQLite's write lock here."""
BATCH_PAUSE_S = 0.005


@dataclass(frozen=True)
class _Started:
    """What the first transaction of an import created, by Pol.is id."""

    initiative_id: int
    round_id: int
    idea_ids: dict[int, int]
    participant_ids: dict[int, int]
    group_ids: dict[int | None, int]
    new_group_ids: tuple[int, ...]
    item_ids: dict[int, int]
    budget: int


def _start(db: Database, meeting_id: int, export: PolisExport, language: str) -> _Started:
    """Groups, statements and the round (a draft), then the voters and their ballots in
    batches; what is written is removed again if a later batch fails."""
    title = f"Pol.is: {export.topic}"
    title = title if len(title) <= NAME_MAX else title[: NAME_MAX - 1] + "…"
    with db.write() as s:
        require(s, Meeting, meeting_id, N_("meeting"))
        # Locked so two imports of one conversation cannot both pass the check below.
        meeting = s.scalars(select(Meeting).where(Meeting.id == meeting_id).with_for_update()).one()
        done = select(VotingRound.id).where(
            VotingRound.meeting_id == meeting_id, VotingRound.title == title
        )
        if s.scalar(done) is not None:
            raise ValidationError(
                _(
                    "{title} already has the Pol.is conversation “{topic}”. Importing it again "
                    "would count every vote twice; use the round already there."
                ).format(title=meeting.title, topic=export.topic)
            )
        groups, new_groups = _groups(s, meeting.initiative_id, export)
        ideas = {
            st.comment_id: Idea(
                meeting_id=meeting_id,
                text=st.text,
                status=IdeaStatus.HIDDEN if st.rejected else IdeaStatus.VISIBLE,
                created_at=st.created_at,
                updated_at=st.created_at,
            )
            for st in export.statements
        }
        times = [v.voted_at for v in export.votes]
        rnd = VotingRound(
            meeting_id=meeting_id,
            title=title,
            mode=VoteMode.AGREE_DISAGREE,
            status=RoundStatus.DRAFT,
            opened_at=min(times, default=None),
            closed_at=max(times, default=None),
        )
        s.add_all([*ideas.values(), rnd])
        s.flush()
        items = {
            st.comment_id: RoundItem(round_id=rnd.id, idea_id=ideas[st.comment_id].id)
            for st in export.statements
            if not st.rejected
        }
        s.add_all(items.values())
        s.flush()
        for made in ideas.values():
            written.record_new(s, "idea", made.id, meeting.initiative_id, language)
        written.record_new(s, "voting_round", rnd.id, meeting.initiative_id, language)
        started = _Started(
            initiative_id=meeting.initiative_id,
            round_id=rnd.id,
            idea_ids={c: i.id for c, i in ideas.items()},
            participant_ids={},
            group_ids=groups,
            new_group_ids=tuple(new_groups),
            item_ids={c: i.id for c, i in items.items()},
            budget=rnd.budget,
        )
    try:
        _add_voters(db, started, export)
    except BaseException:
        _undo(db, started)
        raise
    return started


def _add_voters(db: Database, started: _Started, export: PolisExport) -> None:
    """Each voter, in their group, with a ballot; VOTE_BATCH voters per transaction."""
    note = f"Imported from Pol.is: {export.topic}"[:LONG_MAX]
    everyone = sorted(export.groups.items())
    for first in range(0, len(everyone), VOTE_BATCH):
        with db.write() as s:
            voters = {
                voter: Participant(
                    initiative_id=started.initiative_id,
                    stakeholder_id=started.group_ids[group],
                    name=f"Pol.is voter {voter}",
                    code=codes.new_code(),
                    notes=note,
                    outside_voter=True,
                )
                for voter, group in everyone[first : first + VOTE_BATCH]
            }
            s.add_all(voters.values())
            s.flush()
            ballots = [
                {"round_id": started.round_id, "participant_id": p.id, "budget": started.budget}
                for p in voters.values()
            ]
            s.execute(insert(Ballot), ballots)
            started.participant_ids.update({v: p.id for v, p in voters.items()})
        _let_the_room_write()


def _let_the_room_write() -> None:
    # The process's writer lock is not first-come first-served: an import that asks again
    # at once can win it batch after batch while a tap waits (seen: 2.5 s). A moment's
    # pause lets a waiting writer in first; 5 ms per batch is 4 s on 400,000 votes.
    time.sleep(BATCH_PAUSE_S)


def _vote_rows(started: _Started, export: PolisExport) -> list[dict[str, object]]:
    # Rejected statements are not on the ballot, so votes on them stay out too.
    return [
        {
            "round_id": started.round_id,
            "round_item_id": started.item_ids[v.comment_id],
            "participant_id": started.participant_ids[v.voter_id],
            "choice": v.choice,
            "created_at": v.voted_at,
            "updated_at": v.voted_at,
        }
        for v in export.votes
        if v.comment_id in started.item_ids
    ]


def _finish(db: Database, actor: Actor, started: _Started, export: PolisExport, votes: int) -> None:
    """Close the round, so it counts, and record the import."""
    with db.write() as s:
        s.get_one(VotingRound, started.round_id).status = RoundStatus.CLOSED
        for group_id in started.new_group_ids:
            name = s.get_one(Stakeholder, group_id).name
            audit.record(
                s,
                actor,
                audit.Change(
                    entity="stakeholder",
                    entity_id=group_id,
                    action="created",
                    detail={"name": name},
                    initiative_id=started.initiative_id,
                ),
            )
        detail = {
            "source": "Pol.is",
            "topic": export.topic,
            "statements": len(started.idea_ids),
            "voters": len(started.participant_ids),
            "votes": votes,
            "attribution": export.attribution,
            # Every statement, those Pol.is moderated out (hidden, not on the ballot)
            # included: its credit stands wherever one is shown (imported_credit.py).
            "idea_ids": sorted(started.idea_ids.values()),
        }
        audit.record(
            s,
            actor,
            audit.Change(
                entity="voting_round",
                entity_id=started.round_id,
                action="imported",
                detail=detail,
                initiative_id=started.initiative_id,
            ),
        )


def _undo(db: Database, started: _Started) -> None:
    """Remove what a failed import had written; votes and ballots go with their round."""
    with db.write() as s:
        s.execute(delete(VotingRound).where(VotingRound.id == started.round_id))
        s.execute(delete(Idea).where(Idea.id.in_(started.idea_ids.values())))
        s.execute(delete(Participant).where(Participant.id.in_(started.participant_ids.values())))
        s.execute(delete(Stakeholder).where(Stakeholder.id.in_(started.new_group_ids)))


def _groups(
    s: Session, initiative_id: int, export: PolisExport
) -> tuple[dict[int | None, int], list[int]]:
    """One stakeholder group per Pol.is group of this conversation, reusing one of the same
    name from an earlier import of it; group 1 of another conversation is another group."""
    found: dict[int | None, int] = {}
    created: list[int] = []
    for polis in sorted(set(export.groups.values()), key=lambda g: (g is None, g or 0)):
        name = group_name(polis, export.conversation or export.topic)
        group = s.scalar(
            select(Stakeholder).where(
                Stakeholder.initiative_id == initiative_id,
                func.lower(Stakeholder.name) == name.lower(),
            )
        )
        if group is None:
            group = Stakeholder(
                initiative_id=initiative_id,
                name=name,
                category=StakeholderCategory.OTHER,
                is_major=False,
                # Pol.is leaves voters it could not place out of its group consensus.
                in_common_ground=polis is not None,
                # An opinion group of a conversation, not a group of the room: out of the
                # charter's sign-off, the inclusion check and the pickers, as retired
                # groups are; its voters' votes still count in the imported round.
                retired=True,
            )
            s.add(group)
            s.flush()
            created.append(group.id)
        found[polis] = group.id
    return found, created


def group_name(polis: int | None, conversation: str) -> str:
    """What a Pol.is opinion group is called here: its number and its conversation (Pol.is's
    id of it, short; else the start of its topic)."""
    short = conversation
    if len(conversation) > TOPIC_IN_NAME:  # cut between words
        short = conversation[: TOPIC_IN_NAME - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"
    # Pol.is numbers its groups from 0 (and shows them as A, B, C); people count from 1.
    group = UNGROUPED if polis is None else f"Pol.is opinion group {polis + 1}"
    return f"{group} ({short})"
