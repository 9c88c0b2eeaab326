"""The conflicts screen's record: the meeting's conflict log as this reader may see it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

import i18n
from db.database import Database
from db.models import AuditEntry, Conflict, ConflictParty, MeetingTable, Stakeholder
from db.models.enums import ConflictStatus, Role
from i18n import N_, _
from services.core import confidential, membership
from services.core.actors import Actor, require_role
from services.core.meeting_time import in_its_zone
from services.core.scope import room_is_open
from services.core.vocab import label
from services.room.table_pages import table_in_focus
from services.translations.shown import Shown, Stored, field_text
from services.translations.translate import KINDS, field_translations, fields_shown

_CONFLICT_FIELDS = KINDS["conflict"].fields
_SIDE_FIELDS = KINDS["conflict_party"].fields


@dataclass(frozen=True, slots=True)
class Side:
    """One group's side of a conflict: what they say they want, and why."""

    group: str
    position: str
    interests: str
    party_id: int = 0
    words: Mapping[str, Shown] = field(default_factory=dict)
    """Position and interests (each written) as the reader reads them: a translation, or
    as written, and which; the stored translation in it either way."""


@dataclass(frozen=True, slots=True)
class Change:
    """One recorded change to a conflict: when, who, what, and its details."""

    when: datetime
    who: str
    action: str
    details: tuple[tuple[str, object], ...]
    """(name, value) of what changed, as the audit trail recorded it."""


@dataclass(frozen=True, slots=True)
class ConflictCard:
    """One conflict with its sides and its history, oldest change first."""

    id: int
    issue: str
    status: ConflictStatus
    agreement: str
    next_step: str
    confidential: bool
    on_projector: bool
    sides: tuple[Side, ...]
    history: tuple[Change, ...]
    words: Mapping[str, Shown] = field(default_factory=dict)
    """The issue and the agreement (each written) as the reader reads them."""
    may_translate: bool = False
    """Whether the reader may translate it (services/translations/translate.py's rule):
    a facilitator any conflict, a scribe one of their own table's while the room is open;
    a whole-room conflict is the facilitator's."""

    def reads(self, name: str) -> str:
        """The field `name` in the reader's language: its translation, else as written."""
        return field_text(self.words, name, getattr(self, name))

    @property
    def agreed(self) -> bool:
        return self.status is ConflictStatus.AGREED


@dataclass(frozen=True, slots=True)
class ConflictsScreen:
    """What the conflicts screen shows one reader."""

    groups: tuple[tuple[int, str], ...]
    """(id, name) of every group of the initiative, by name: the sides' picker."""
    conflicts: tuple[ConflictCard, ...]
    """Oldest first; confidential ones only where the reader may read them."""
    runs_the_room: bool
    """Whether the reader may put a conflict on the projector or carry its agreement on."""
    table_id: int | None
    """The table a conflict logged from this page is raised at (the link's, else the
    scribe's own); None: the whole room."""


def read(
    db: Database, actor: Actor, meeting_id: int, table_number: int | None = None
) -> ConflictsScreen:
    """The meeting's conflicts for a facilitator or a scribe, in one read, and the table
    the page's link names (`table_number`, else the scribe's own).

    Confidential ones as services/core/confidential.py says: a scribe reads those of their
    own tables only. The spotlight is the meeting's, so only unconfidential ones are on it.
    """
    require_role(actor, Role.FACILITATOR, Role.SCRIBE)
    with db.read() as s:
        meeting = membership.member_meeting(s, actor, meeting_id)
        groups = s.execute(
            select(Stakeholder.id, Stakeholder.name)
            .where(Stakeholder.initiative_id == meeting.initiative_id)
            .order_by(Stakeholder.name)
        ).all()
        group_names = dict(groups)
        query = select(Conflict).where(Conflict.meeting_id == meeting_id)
        rule = confidential.readable_by(actor, Conflict.confidential, Conflict.table_id)
        query = query if rule is None else query.where(rule)
        log = list(s.scalars(query.order_by(Conflict.created_at, Conflict.id)))
        ids = [c.id for c in log]
        language = i18n.current()
        parties = s.execute(
            select(ConflictParty, Stakeholder.name)
            .join(Stakeholder, Stakeholder.id == ConflictParty.stakeholder_id)
            .where(ConflictParty.conflict_id.in_(ids))
            .order_by(Stakeholder.name)
        ).all()
        said = field_translations(
            s, "conflict_party", [p.id for p, _g in parties], language, _SIDE_FIELDS
        )
        sides: dict[int, list[Side]] = defaultdict(list)
        for party, group in parties:
            written = {f: getattr(party, f) for f in _SIDE_FIELDS}
            words = fields_shown(party.id, written, said, language)
            sides[party.conflict_id].append(
                Side(group, party.position, party.interests, party.id, words)
            )
        stored = field_translations(s, "conflict", ids, language, _CONFLICT_FIELDS)
        history: dict[int, list[Change]] = defaultdict(list)
        for e in s.scalars(
            select(AuditEntry)
            .where(AuditEntry.entity == "conflict", AuditEntry.entity_id.in_(ids))
            .order_by(AuditEntry.created_at, AuditEntry.id)
        ):
            details = _readable(e.detail or {}, group_names)
            when = in_its_zone(e.created_at, meeting.time_zone) or e.created_at
            history[e.entity_id].append(Change(when, e.actor, e.action, details))
        shown = meeting.spotlight_conflict_id
        own = _tables_translated_by(s, actor, meeting_id) if room_is_open(meeting) else set()
        cards = tuple(
            replace(
                _card(c, c.id == shown, sides[c.id], history[c.id], (stored, language)),
                may_translate=actor.is_facilitator or c.table_id in own,
            )
            for c in log
        )
        here = table_in_focus(s, actor, meeting.id, table_number)
        return ConflictsScreen(
            tuple((g, n) for g, n in groups), cards, actor.is_facilitator, here.id if here else None
        )


# What the audit trail records of a conflict, named as its reader reads it.
_DETAIL_NAMES = {
    # Translators: a conflict's history, a change's details: the issue as it was written.
    "issue": N_("issue"),
    # Translators: a conflict's history: its status changed from one to another.
    "from": N_("from"),
    "to": N_("to"),
    # Translators: a conflict's history: the stakeholder group whose side was saved.
    "stakeholder_id": N_("group"),
    "action_id": N_("action"),
    "version": N_("charter version"),
}


def _readable(detail: Mapping[str, object], group_names: Mapping[int, str]) -> tuple:
    """A change's details in the reader's words: a status by its name, a group by its
    name, an action by its number; the charter's own id, which says nothing, left out."""
    statuses = {c.value for c in ConflictStatus}

    def worded(name: str, value: object) -> object:
        if name in ("from", "to") and value in statuses:
            return label(ConflictStatus(value))
        if name == "stakeholder_id" and isinstance(value, int):
            return group_names.get(value, "—")
        return f"#{value}" if name == "action_id" else value

    return tuple(
        (_(_DETAIL_NAMES[name]) if name in _DETAIL_NAMES else name, worded(name, value))
        for name, value in detail.items()
        if name != "charter_id"
    )


def _tables_translated_by(s: Session, actor: Actor, meeting_id: int) -> set[int | None]:
    """The tables whose conflicts a scribe may translate: their own at this meeting."""
    if actor.role is not Role.SCRIBE or actor.account_id is None:
        return set()
    return set(
        s.scalars(
            select(MeetingTable.id).where(
                MeetingTable.meeting_id == meeting_id,
                MeetingTable.scribe_account_id == actor.account_id,
            )
        )
    )


def _card(
    c: Conflict,
    on_projector: bool,
    sides: list[Side],
    history: list[Change],
    read_in: tuple[Mapping[tuple[int, str], Stored], str],
) -> ConflictCard:
    stored, language = read_in
    written = {f: getattr(c, f) for f in _CONFLICT_FIELDS}
    return ConflictCard(
        c.id, c.issue, c.status, c.agreement, c.next_step, c.confidential, on_projector,
        tuple(sides), tuple(history), fields_shown(c.id, written, stored, language),
    )  # fmt: skip
