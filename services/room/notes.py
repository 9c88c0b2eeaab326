"""Listening notes: what a speaker said, the paraphrase back, and the interest beneath it."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from db.database import Database
from db.models import ListeningNote, Meeting, MeetingTable, utcnow
from db.models.enums import Role
from i18n import N_, _
from services.core import audit, confidential, membership
from services.core.actors import Actor, require_role
from services.core.errors import NotFound, PermissionDenied
from services.core.scope import check_table_access, require_input_open, require_stakeholder
from services.core.validation import TEXT_MAX, clean_text, optional_text, require
from services.core.writes import clean_key, insert_once
from services.room import late_notes
from services.translations import written


@dataclass(frozen=True, slots=True, kw_only=True)
class NoteFields:
    """What a scribe writes down about one speaker: the same for adding and correcting it."""

    said: str
    paraphrase: str = ""
    interest: str = ""
    stakeholder_id: int | None = None
    confirmed: bool | None = None
    prompt: str = ""
    confidential: bool = False


def add_note(
    db: Database,
    actor: Actor,
    table_id: int,
    fields: NoteFields,
    submission_key: str | None = None,
) -> ListeningNote:
    """Save a table's note; a repeated tap with the same key returns the first note."""
    texts = _texts(fields)
    key = clean_key(submission_key)
    with db.write() as s:
        table = check_table_access(s, actor, table_id)
        meeting = s.get_one(Meeting, table.meeting_id)
        late = not actor.is_facilitator and late_notes.saved_late(s, meeting)
        note = ListeningNote(
            meeting_id=meeting.id,
            table_id=table.id,
            agenda_item_id=meeting.current_item_id,
            stakeholder_id=require_stakeholder(s, fields.stakeholder_id, meeting.initiative_id),
            confirmed=fields.confirmed,
            confidential=fields.confidential,
            author_account_id=actor.account_id,
            submission_key=key,
            late=late,
            **texts,
        )
        saved = insert_once(s, note, ListeningNote, meeting.id, key)
        if saved is note:
            written.record_new(s, "listening_note", note.id, meeting.initiative_id)
            audit.record(
                s,
                actor,
                audit.Change(
                    entity="note",
                    entity_id=note.id,
                    action="created",
                    detail={"table": table.number},
                    initiative_id=meeting.initiative_id,
                ),
            )
        return saved


def update_note(db: Database, actor: Actor, note_id: int, fields: NoteFields) -> ListeningNote:
    """Correct a note; scribes only at their own table while input is open."""
    texts = _texts(fields)
    with db.write() as s:
        note = require(s, ListeningNote, note_id, N_("note"))
        table = check_table_access(s, actor, note.table_id)
        meeting = s.get_one(Meeting, note.meeting_id)
        if not actor.is_facilitator:
            require_input_open(meeting)
        for name, value in texts.items():
            setattr(note, name, value)
        note.stakeholder_id = require_stakeholder(s, fields.stakeholder_id, meeting.initiative_id)
        note.confirmed, note.confidential = fields.confirmed, fields.confidential
        note.updated_at = utcnow()
        audit.record(
            s,
            actor,
            audit.Change(
                entity="note",
                entity_id=note.id,
                action="updated",
                detail={"table": table.number},
                initiative_id=meeting.initiative_id,
            ),
        )
        return note


def delete_note(db: Database, actor: Actor, note_id: int) -> None:
    """Remove a note; scribes only at their own table while input is open."""
    with db.write() as s:
        note = require(s, ListeningNote, note_id, N_("note"))
        table = check_table_access(s, actor, note.table_id)
        meeting = s.get_one(Meeting, note.meeting_id)
        if not actor.is_facilitator:
            require_input_open(meeting)
        audit.record(
            s,
            actor,
            audit.Change(
                entity="note",
                entity_id=note.id,
                action="deleted",
                detail={"table": table.number},
                initiative_id=meeting.initiative_id,
            ),
        )
        s.delete(note)


def list_notes(
    db: Database, actor: Actor, meeting_id: int, table_id: int | None = None
) -> list[ListeningNote]:
    """The meeting's notes, newest first: a scribe's own table, or all the actor may read."""
    require_role(actor, Role.FACILITATOR, Role.SCRIBE, Role.LEADER)
    with db.read() as s:
        membership.member_meeting(s, actor, meeting_id)
        query = select(ListeningNote).where(ListeningNote.meeting_id == meeting_id)
        if actor.role is Role.SCRIBE and table_id is None:
            raise PermissionDenied(
                _("A scribe sees the notes of their own table only. Open your own table's link.")
            )
        if table_id is not None:
            table = (
                require(s, MeetingTable, table_id, N_("table"))
                if actor.role is Role.LEADER
                else check_table_access(s, actor, table_id)
            )
            if table.meeting_id != meeting_id:
                raise NotFound(
                    _(
                        "Table {number} (id {table_id}) belongs to another meeting. "
                        "Reload the page."
                    ).format(number=table.number, table_id=table_id)
                )
            query = query.where(ListeningNote.table_id == table_id)
        rule = confidential.readable_by(actor, ListeningNote.confidential, ListeningNote.table_id)
        if rule is not None:
            query = query.where(rule)
        order = (ListeningNote.created_at.desc(), ListeningNote.id.desc())
        return list(s.scalars(query.order_by(*order)))


def _texts(fields: NoteFields) -> dict[str, str]:
    return {
        "said": clean_text(fields.said, N_("What was said"), TEXT_MAX),
        "paraphrase": optional_text(fields.paraphrase, N_("Paraphrase"), TEXT_MAX),
        "interest": optional_text(fields.interest, N_("Interest"), TEXT_MAX),
        "prompt": optional_text(fields.prompt, N_("Prompt"), TEXT_MAX),
    }
