"""Merging duplicate ideas: the duplicates point at the survivor and their votes follow."""

from __future__ import annotations

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from db.database import Database
from db.models import Ballot, Idea, Meeting, RoundItem, Vote, VotingRound, utcnow
from db.models.enums import IdeaStatus, Role, VoteMode
from i18n import N_, _
from services.core import audit
from services.core.actors import Actor, require_role
from services.core.errors import ValidationError
from services.core.validation import require


def merge_ideas(db: Database, actor: Actor, survivor_id: int, duplicate_ids: list[int]) -> Idea:
    """Fold duplicates into one idea; they keep their rows and text, their votes move over."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        survivor = require(s, Idea, survivor_id, N_("idea"))
        if survivor.status is IdeaStatus.MERGED:
            raise ValidationError(
                _(
                    "Idea #{id} was itself merged into idea #{merged_into_id}. Merge into idea "
                    "#{merged_into_id} instead."
                ).format(id=survivor.id, merged_into_id=survivor.merged_into_id)
            )
        if survivor.status is IdeaStatus.PENDING:
            # The duplicates would leave the board for an idea the room cannot see yet.
            raise ValidationError(
                _(
                    "Idea #{id} is waiting for approval. Approve it first, then merge into it."
                ).format(id=survivor.id)
            )
        duplicates = [_duplicate(s, survivor, i) for i in dict.fromkeys(duplicate_ids)]
        if not duplicates:
            raise ValidationError(_("Pick at least one idea to merge into this one."))
        initiative_id = s.get_one(Meeting, survivor.meeting_id).initiative_id
        total = 0
        for dup in duplicates:
            moved = _move_votes(s, dup.id, survivor.id)
            total += moved
            dup.status, dup.merged_into_id = IdeaStatus.MERGED, survivor.id
            dup.updated_at = utcnow()
            # Ideas merged into the duplicate earlier now point straight at the survivor.
            s.execute(
                update(Idea).where(Idea.merged_into_id == dup.id).values(merged_into_id=survivor.id)
            )
            detail = {"into": survivor.id, "votes_moved": moved}
            audit.record(
                s,
                actor,
                audit.Change(
                    entity="idea",
                    entity_id=dup.id,
                    action="merged",
                    detail=detail,
                    initiative_id=initiative_id,
                ),
            )
        detail = {"duplicates": [d.id for d in duplicates], "votes_moved": total}
        audit.record(
            s,
            actor,
            audit.Change(
                entity="idea",
                entity_id=survivor.id,
                action="absorbed",
                detail=detail,
                initiative_id=initiative_id,
            ),
        )
        survivor.updated_at = utcnow()
        return survivor


def _duplicate(s: Session, survivor: Idea, idea_id: int) -> Idea:
    if idea_id == survivor.id:
        raise ValidationError(
            _("Idea #{idea_id} cannot be merged into itself. Pick a different duplicate.").format(
                idea_id=idea_id
            )
        )
    dup = require(s, Idea, idea_id, N_("idea"))
    if dup.meeting_id != survivor.meeting_id:
        raise ValidationError(
            _(
                "Idea #{id} belongs to another meeting; only ideas of the same meeting merge."
            ).format(id=dup.id)
        )
    if dup.status is IdeaStatus.MERGED:
        raise ValidationError(
            _(
                "Idea #{id} was already merged into idea #{merged_into_id}. Leave it out of "
                "this merge."
            ).format(id=dup.id, merged_into_id=dup.merged_into_id)
        )
    return dup


def _move_votes(s: Session, duplicate_id: int, survivor_id: int) -> int:
    """Move the duplicate's votes in every round onto the survivor; returns how many moved.

    A voter who backed both keeps one vote: dots add up to the round's per-item limit and
    the excess goes back to their budget; an agree/disagree/pass keeps the survivor's.
    """
    query = (
        select(VotingRound)
        .join(RoundItem, RoundItem.round_id == VotingRound.id)
        .where(RoundItem.idea_id == duplicate_id)
        .order_by(VotingRound.id)
        # Voters hold a share lock on the round while they vote; this waits for them.
        .with_for_update(of=VotingRound)
    )
    moved = 0
    for rnd in s.scalars(query).all():
        moved += _move_in_round(s, rnd, duplicate_id, survivor_id)
    return moved


def _move_in_round(s: Session, rnd: VotingRound, duplicate_id: int, survivor_id: int) -> int:
    source = s.scalars(
        select(RoundItem).where(RoundItem.round_id == rnd.id, RoundItem.idea_id == duplicate_id)
    ).one()
    target = s.scalar(
        select(RoundItem).where(RoundItem.round_id == rnd.id, RoundItem.idea_id == survivor_id)
    )
    if target is None:
        target = RoundItem(round_id=rnd.id, idea_id=survivor_id)
        s.add(target)
        s.flush()
    kept = {
        v.participant_id: v for v in s.scalars(select(Vote).where(Vote.round_item_id == target.id))
    }
    votes = list(s.scalars(select(Vote).where(Vote.round_item_id == source.id)))
    for vote in votes:
        survivor_vote = kept.get(vote.participant_id)
        if survivor_vote is None:
            vote.round_item_id, vote.moved_from_idea_id = target.id, duplicate_id
            vote.updated_at = utcnow()
            continue
        if rnd.mode is VoteMode.DOTS:
            combined = min(survivor_vote.dots + vote.dots, rnd.max_per_item)
            if combined != survivor_vote.dots:
                survivor_vote.dots, survivor_vote.moved_from_idea_id = combined, duplicate_id
                survivor_vote.updated_at = utcnow()
        s.delete(vote)
    s.flush()
    # The duplicate leaves the ballot, so nobody can vote on it again in this round.
    s.delete(source)
    s.flush()
    _recount(s, rnd.id)
    return len(votes)


def _recount(s: Session, round_id: int) -> None:
    """Bring every ballot of a round back in line with its votes (after a merge moved them)."""
    query = (
        select(Vote.participant_id, func.coalesce(func.sum(Vote.dots), 0))
        .where(Vote.round_id == round_id)
        .group_by(Vote.participant_id)
    )
    used = {participant_id: int(dots) for participant_id, dots in s.execute(query)}
    for row in s.scalars(select(Ballot).where(Ballot.round_id == round_id)):
        row.dots_used = used.get(row.participant_id, 0)
