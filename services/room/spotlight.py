"""The conflict the projector shows: each side's position and interests side by side."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

import i18n
from db.database import Database
from db.models import Conflict, ConflictParty, Meeting, Stakeholder
from db.models.enums import ConflictStatus, Role
from i18n import N_, _
from services.core import audit, membership
from services.core.actors import Actor, require_role
from services.core.errors import ValidationError
from services.core.validation import require
from services.translations.shown import Stored, room_words
from services.translations.translate import field_translations, fields_shown


@dataclass(frozen=True)
class Side:
    """One party as the room sees it."""

    group: str
    position: str
    interests: str
    translations: Mapping[str, Stored] = field(default_factory=dict)
    """By field, the translation of its words someone gave (position, interests)."""

    def said(self, name: str) -> str:
        """The field `name` as the room reads it in the run's language (`room_words`)."""
        return _said(self, name, ("position", "interests"))


@dataclass(frozen=True)
class Spotlight:
    """A conflict on the big screen: never a confidential one."""

    conflict_id: int
    issue: str
    status: ConflictStatus
    sides: tuple[Side, ...]
    agreement: str
    translations: Mapping[str, Stored] = field(default_factory=dict)
    """By field, the translation of its words someone gave (issue, agreement)."""

    def said(self, name: str) -> str:
        """The field `name` as the room reads it in the run's language (`room_words`)."""
        return _said(self, name, ("issue", "agreement"))


def _said(item: Side | Spotlight, name: str, fields: tuple[str, ...]) -> str:
    originals = {f: getattr(item, f) for f in fields}
    stored = {(0, f): words for f, words in item.translations.items()}
    words = fields_shown(0, originals, stored, i18n.current()).get(name)
    return room_words(words) if words is not None else originals[name]


def set_spotlight(db: Database, actor: Actor, meeting_id: int, conflict_id: int | None) -> None:
    """Put one conflict on the projector, or take it off with None."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        meeting = require(s, Meeting, meeting_id, N_("meeting"))
        if conflict_id is not None:
            conflict = require(s, Conflict, conflict_id, N_("conflict"))
            if conflict.meeting_id != meeting.id:
                raise ValidationError(_("That conflict belongs to another meeting."))
            if conflict.confidential:
                raise ValidationError(
                    _("This conflict is confidential, so it cannot go on the projector.")
                )
        meeting.spotlight_conflict_id = conflict_id
        detail = {"conflict_id": conflict_id}
        audit.record(
            s,
            actor,
            audit.Change(
                entity="meeting",
                entity_id=meeting.id,
                action="spotlight",
                detail=detail,
                initiative_id=meeting.initiative_id,
            ),
        )


def spotlight(db: Database, actor: Actor, meeting_id: int) -> Spotlight | None:
    """The conflict on the projector now, with its sides; None when there is none."""
    with db.read() as s:
        membership.require_meeting_member(s, actor, meeting_id)
        return spotlight_in(s, meeting_id)


def spotlight_in(s: Session, meeting_id: int) -> Spotlight | None:
    """`spotlight` inside a transaction already open (the projector's one read)."""
    conflict = s.scalar(
        select(Conflict)
        .join(Meeting, Meeting.spotlight_conflict_id == Conflict.id)
        .where(Meeting.id == meeting_id, Conflict.confidential.is_(False))
    )
    if conflict is None:
        return None
    rows = s.execute(
        select(ConflictParty.id, Stakeholder.name, ConflictParty.position, ConflictParty.interests)
        .join(Stakeholder, Stakeholder.id == ConflictParty.stakeholder_id)
        .where(ConflictParty.conflict_id == conflict.id)
        .order_by(Stakeholder.name)
    ).all()
    # Every translation is into one of the two languages from the other: the read for
    # either finds them all, and each language's view is drawn from the same record.
    language = i18n.ENGLISH
    parties = field_translations(
        s, "conflict_party", [r[0] for r in rows], language, ("position", "interests")
    )
    own = field_translations(s, "conflict", [conflict.id], language, ("issue", "agreement"))
    sides = tuple(
        Side(group, position, interests, _of(parties, party_id))
        for party_id, group, position, interests in rows
    )
    return Spotlight(
        conflict.id,
        conflict.issue,
        conflict.status,
        sides,
        conflict.agreement,
        _of(own, conflict.id),
    )


def _of(stored: Mapping[tuple[int, str], Stored], entity_id: int) -> dict[str, Stored]:
    return {name: words for (item, name), words in stored.items() if item == entity_id}
