"""Voting rounds as the facilitator runs them: draft a ballot, open it, close it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.database import Database
from db.models import Meeting, RoundItem, VotingRound, utcnow
from db.models.enums import Role, RoundStatus, VoteMode
from i18n import N_, _
from services.converge.voting_items import BallotItem, add_items, item_rows
from services.core import audit, membership
from services.core.actors import Actor, require_role
from services.core.errors import NotAllowedNow, ValidationError
from services.core.scope import room_is_open
from services.core.validation import NAME_MAX, clean_text, in_range, require
from services.core.vocab import label
from services.translations import written

BUDGET_MAX = 50


@dataclass(frozen=True, slots=True, kw_only=True)
class NewRound:
    """A round as drafted: its title, how people vote, and the ideas and themes on its ballot.

    `budget` and `max_per_item` are a dots round's; agree/disagree spends no dots.
    """

    title: str
    mode: VoteMode | str
    budget: int = 5
    max_per_item: int = 3
    idea_ids: Iterable[int] = ()
    theme_ids: Iterable[int] = ()


def create_round(db: Database, actor: Actor, meeting_id: int, fields: NewRound) -> VotingRound:
    """Draft a round with its ballot; nobody can vote until it is opened."""
    require_role(actor, Role.FACILITATOR)
    clean = clean_text(fields.title, N_("Round title"), NAME_MAX)
    kind = _mode(fields.mode)
    budget, max_per_item = fields.budget, fields.max_per_item
    if kind is VoteMode.DOTS:
        in_range(budget, N_("Dots per person"), 1, BUDGET_MAX)
        in_range(max_per_item, N_("Most dots on one item"), 1, budget)
    else:
        # Agree/disagree spends no dots; the defaults keep the table's CHECKs satisfied.
        budget, max_per_item = 5, 3
    idea_ids, theme_ids = list(fields.idea_ids), list(fields.theme_ids)
    if not idea_ids and not theme_ids:
        # Made, it could never be opened, and nothing on a screen adds to a draft's ballot.
        raise ValidationError(
            _("Choose at least one idea or theme for the ballot, then create the round.")
        )
    with db.write() as s:
        meeting = require(s, Meeting, meeting_id, N_("meeting"))
        rnd = VotingRound(
            meeting_id=meeting.id, title=clean, mode=kind, budget=budget, max_per_item=max_per_item
        )
        s.add(rnd)
        s.flush()
        written.record_new(s, "voting_round", rnd.id, meeting.initiative_id)
        add_items(s, rnd, idea_ids, theme_ids)
        detail = {"title": clean, "mode": kind.value}
        audit.record(
            s,
            actor,
            audit.Change(
                entity="voting_round",
                entity_id=rnd.id,
                action="created",
                detail=detail,
                initiative_id=meeting.initiative_id,
            ),
        )
        return rnd


def add_round_items(
    db: Database,
    actor: Actor,
    round_id: int,
    idea_ids: Iterable[int] = (),
    theme_ids: Iterable[int] = (),
) -> list[BallotItem]:
    """Put more ideas or themes on a draft ballot; ones already on it are skipped."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        rnd = _draft(s, round_id)
        added = add_items(s, rnd, idea_ids, theme_ids)
        detail = {"added": [i.id for i in added]}
        audit.record(
            s,
            actor,
            audit.Change(
                entity="voting_round",
                entity_id=rnd.id,
                action="items added",
                detail=detail,
                initiative_id=_initiative(s, rnd),
            ),
        )
        return item_rows(s, rnd.id)


def remove_round_item(db: Database, actor: Actor, round_item_id: int) -> None:
    """Take one item off a draft ballot."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        item = require(s, RoundItem, round_item_id, N_("ballot item"))
        rnd = _draft(s, item.round_id)
        detail = {"idea_id": item.idea_id, "theme_id": item.theme_id}
        audit.record(
            s,
            actor,
            audit.Change(
                entity="voting_round",
                entity_id=rnd.id,
                action="item removed",
                detail=detail,
                initiative_id=_initiative(s, rnd),
            ),
        )
        s.delete(item)


def open_round(db: Database, actor: Actor, round_id: int) -> VotingRound:
    """Start voting on a draft round."""
    return _move(db, actor, round_id, RoundStatus.DRAFT, RoundStatus.OPEN)


def close_round(db: Database, actor: Actor, round_id: int) -> VotingRound:
    """Stop voting; the votes are frozen from here on."""
    return _move(db, actor, round_id, RoundStatus.OPEN, RoundStatus.CLOSED)


def delete_round(db: Database, actor: Actor, round_id: int) -> None:
    """Throw away a round that was never opened."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        rnd = _draft(s, round_id)
        detail = {"title": rnd.title}
        audit.record(
            s,
            actor,
            audit.Change(
                entity="voting_round",
                entity_id=rnd.id,
                action="deleted",
                detail=detail,
                initiative_id=_initiative(s, rnd),
            ),
        )
        s.delete(rnd)


def list_rounds(db: Database, actor: Actor, meeting_id: int) -> list[VotingRound]:
    """The meeting's rounds in the order they were made."""
    with db.read() as s:
        membership.require_meeting_member(s, actor, meeting_id)
        query = select(VotingRound).where(VotingRound.meeting_id == meeting_id)
        return list(s.scalars(query.order_by(VotingRound.id)))


def round_to_show(db: Database, meeting_id: int, *, actor: Actor) -> VotingRound | None:
    """The round the room should see: the newest open one, else the newest closed one.

    Refused for a meeting outside the actor's initiatives; the projector, which reaches
    the meeting by its code, reads `round_to_show_in` inside its own read model.
    """
    with db.read() as s:
        membership.require_meeting_member(s, actor, meeting_id)
        return round_to_show_in(s, meeting_id)


def round_to_show_in(s: Session, meeting_id: int) -> VotingRound | None:
    """`round_to_show` inside a read the caller holds, after it has checked the reader."""
    query = (
        select(VotingRound)
        .where(
            VotingRound.meeting_id == meeting_id,
            VotingRound.status != RoundStatus.DRAFT,
        )
        # Open before closed ('open' > 'closed' as text), newest first within each.
        .order_by(VotingRound.status.desc(), VotingRound.id.desc())
        .limit(1)
    )
    return s.scalar(query)


def get_round(db: Database, actor: Actor, round_id: int) -> VotingRound:
    """One round, if the actor belongs to its meeting's initiative."""
    with db.read() as s:
        rnd = require(s, VotingRound, round_id, N_("voting round"))
        membership.require_meeting_member(s, actor, rnd.meeting_id)
        return rnd


def _move(
    db: Database, actor: Actor, round_id: int, before: RoundStatus, after: RoundStatus
) -> VotingRound:
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        require(s, VotingRound, round_id, N_("voting round"))
        # The row lock waits for votes in flight, so none lands after the round closes.
        query = select(VotingRound).where(VotingRound.id == round_id).with_for_update()
        rnd = s.scalars(query.execution_options(populate_existing=True)).one()
        if rnd.status is not before:
            raise NotAllowedNow(_(_REFUSAL[rnd.status, after]))
        if after is RoundStatus.OPEN and not room_is_open(s.get_one(Meeting, rnd.meeting_id)):
            raise NotAllowedNow(
                _("The meeting has closed, so no vote can open. Reopen the meeting first.")
            )
        if after is RoundStatus.OPEN and not item_rows(s, rnd.id):
            raise ValidationError(_("The ballot is empty. Add ideas or themes before opening it."))
        rnd.status = after
        if after is RoundStatus.OPEN:
            rnd.opened_at = utcnow()
        else:
            rnd.closed_at = utcnow()
        detail = {"from": before.value}
        audit.record(
            s,
            actor,
            audit.Change(
                entity="voting_round",
                entity_id=rnd.id,
                action=after.value,
                detail=detail,
                initiative_id=_initiative(s, rnd),
            ),
        )
        return rnd


_REFUSAL = {
    (RoundStatus.OPEN, RoundStatus.OPEN): N_("This round is already open."),
    (RoundStatus.CLOSED, RoundStatus.OPEN): N_(
        "This round has closed and cannot be reopened. Create a new round to vote again."
    ),
    (RoundStatus.DRAFT, RoundStatus.CLOSED): N_(
        "This round was never opened. Open it first, or delete it if it is not needed."
    ),
    (RoundStatus.CLOSED, RoundStatus.CLOSED): N_("This round is already closed."),
}


def _draft(s: Session, round_id: int) -> VotingRound:
    rnd = require(s, VotingRound, round_id, N_("voting round"))
    if rnd.status is not RoundStatus.DRAFT:
        raise NotAllowedNow(
            _(
                "“{title}” is {status}, so its ballot is fixed. Create a new round to vote on "
                "other items."
            ).format(title=rnd.title, status=label(rnd.status).lower())
        )
    return rnd


def _initiative(s: Session, rnd: VotingRound) -> int:
    return s.get_one(Meeting, rnd.meeting_id).initiative_id


def _mode(value: VoteMode | str) -> VoteMode:
    try:
        return VoteMode(value)
    except ValueError:
        raise ValidationError(
            _("“{value}” is not a way of voting (dots or agree_disagree).").format(value=value)
        ) from None
