"""Bring a Pol.is conversation export into a meeting: its statements, voters, groups and votes."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from db.database import Database
from db.models import Ballot, Idea, Meeting, Participant, RoundItem, Stakeholder, Vote, VotingRound
from db.models.enums import IdeaStatus, Role, RoundStatus, StakeholderCategory, VoteMode
from services import audit, codes
from services.actors import Actor, require_role
from services.errors import ValidationError
from services.polis_export import PolisExport, read_export
from services.validation import LONG_MAX, NAME_MAX, require

__all__ = ["UNGROUPED", "PolisExport", "PolisLoad", "load_into_meeting", "read_export"]

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


def load_into_meeting(
    db: Database, actor: Actor, meeting_id: int, export: PolisExport
) -> PolisLoad:
    """Add the groups, voters, statements and a closed agree/disagree round, all or nothing."""
    require_role(actor, Role.FACILITATOR)
    title = f"Pol.is: {export.topic}"
    title = title if len(title) <= NAME_MAX else title[: NAME_MAX - 1] + "…"
    with db.write() as s:
        require(s, Meeting, meeting_id, "meeting")
        # Locked so two imports of one conversation cannot both pass the check below.
        meeting = s.scalars(select(Meeting).where(Meeting.id == meeting_id).with_for_update()).one()
        done = select(VotingRound.id).where(
            VotingRound.meeting_id == meeting_id, VotingRound.title == title
        )
        if s.scalar(done) is not None:
            raise ValidationError(
                f"{meeting.title} already has the Pol.is conversation “{export.topic}”. "
                "Importing it again would count every vote twice; use the round already there."
            )
        groups = _groups(s, actor, meeting.initiative_id, export)
        note = f"Imported from Pol.is: {export.topic}"[:LONG_MAX]
        voters = {
            voter: Participant(
                initiative_id=meeting.initiative_id,
                stakeholder_id=groups[group],
                name=f"Pol.is voter {voter}",
                code=codes.new_code(),
                notes=note,
            )
            for voter, group in sorted(export.groups.items())
        }
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
            status=RoundStatus.CLOSED,
            opened_at=min(times, default=None),
            closed_at=max(times, default=None),
        )
        s.add_all([*voters.values(), *ideas.values(), rnd])
        s.flush()
        items = {
            st.comment_id: RoundItem(round_id=rnd.id, idea_id=ideas[st.comment_id].id)
            for st in export.statements
            if not st.rejected
        }
        s.add_all(items.values())
        s.flush()
        votes = _ballots_and_votes(s, rnd, voters, items, export)
        detail = {
            "source": "Pol.is",
            "topic": export.topic,
            "statements": len(ideas),
            "voters": len(voters),
            "votes": votes,
            "attribution": export.attribution,
        }
        audit.record(s, actor, "voting_round", rnd.id, "imported", detail, meeting.initiative_id)
        return PolisLoad(
            round_id=rnd.id,
            idea_id_by_comment={c: i.id for c, i in ideas.items()},
            participant_id_by_voter={v: p.id for v, p in voters.items()},
            group_id_by_polis_group=groups,
            statements=len(ideas),
            votes=votes,
            attribution=export.attribution,
        )


def _groups(
    s: Session, actor: Actor, initiative_id: int, export: PolisExport
) -> dict[int | None, int]:
    """One stakeholder group per Pol.is group of this conversation, reusing one of the same
    name from an earlier import of it; group 1 of another conversation is another group."""
    found: dict[int | None, int] = {}
    for polis in sorted(set(export.groups.values()), key=lambda g: (g is None, g or 0)):
        name = group_name(polis, export.topic)
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
            )
            s.add(group)
            s.flush()
            audit.record(
                s, actor, "stakeholder", group.id, "created", {"name": name}, initiative_id
            )
        found[polis] = group.id
    return found


def group_name(polis: int | None, topic: str) -> str:
    """What a Pol.is opinion group is called here: its number and its conversation."""
    short = topic
    if len(topic) > TOPIC_IN_NAME:  # cut between words
        short = topic[: TOPIC_IN_NAME - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"
    # Pol.is numbers its groups from 0 (and shows them as A, B, C); people count from 1.
    group = UNGROUPED if polis is None else f"Pol.is opinion group {polis + 1}"
    return f"{group} ({short})"


def _ballots_and_votes(
    s: Session,
    rnd: VotingRound,
    voters: dict[int, Participant],
    items: dict[int, RoundItem],
    export: PolisExport,
) -> int:
    """Bulk-insert a ballot per voter and their votes; the number of votes inserted."""
    ballots = [
        {"round_id": rnd.id, "participant_id": p.id, "budget": rnd.budget} for p in voters.values()
    ]
    # Rejected statements are not on the ballot, so votes on them stay out too.
    votes = [
        {
            "round_id": rnd.id,
            "round_item_id": items[v.comment_id].id,
            "participant_id": voters[v.voter_id].id,
            "choice": v.choice,
            "created_at": v.voted_at,
            "updated_at": v.voted_at,
        }
        for v in export.votes
        if v.comment_id in items
    ]
    for model, rows in ((Ballot, ballots), (Vote, votes)):
        if rows:
            s.execute(insert(model), rows)
    return len(votes)
