"""The listen screen's record: a table's listening notes, or every table's for a facilitator."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

import i18n
from db.database import Database
from db.models import ListeningNote, Stakeholder
from services.core import confidential
from services.core.actors import Actor
from services.room import late_notes
from services.room.room_control import RoomState, room_state_in
from services.room.table_pages import group_choices, open_linked_table_page, open_table_page
from services.translations.shown import Shown, field_text
from services.translations.translate import KINDS, field_translations, fields_shown

NOTE_FIELDS = KINDS["listening_note"].fields
"""A note's fields a translation can be given to, in the order a note reads."""


@dataclass(frozen=True, slots=True)
class NoteCard:
    """One listening note as the screen shows and corrects it."""

    id: int
    said: str
    paraphrase: str
    interest: str
    prompt: str
    stakeholder_id: int | None
    group: str
    """The speaker's group by name; '' when not given."""
    confirmed: bool | None
    confidential: bool
    late: bool
    words: Mapping[str, Shown] = field(default_factory=dict)
    """Each field written (NOTE_FIELDS) as the reader reads it: its translation into their
    language, or the original, said which; the stored translation in it either way."""

    def reads(self, name: str) -> str:
        """The field `name` in the reader's language: its translation, else as written."""
        return field_text(self.words, name, getattr(self, name))


@dataclass(frozen=True, slots=True)
class ListenScreen:
    """What the listen screen shows one reader."""

    meeting_id: int
    table_id: int | None
    """The table whose page this is; None: every table's (facilitators only)."""
    table_number: int | None
    room: RoomState
    gate: str
    """What a save from this screen does now (late_notes.input_gate): open, late, closed…"""
    groups: tuple[tuple[int, str], ...]
    """(id, name) of the initiative's groups, by name: the speaker's group picker."""
    notes: tuple[NoteCard, ...]
    """Newest first; confidential ones only where the reader may read them. On every
    table's page, only the newest `newest` of them when `read` was asked for so few."""
    note_count: int
    """How many notes the reader may read here, `notes` listed or not."""


def read(
    db: Database,
    actor: Actor,
    meeting_id: int,
    table_number: int | None,
    newest: int | None = None,
) -> ListenScreen:
    """The listen screen of one table (a scribe's own, or any for a facilitator), or of
    every table (facilitators), in one read; refused in words otherwise.

    `table_number` is the page link's `?table=N`; None opens the scribe's own table, or
    every table for a facilitator. `newest`: every table's page lists only that many of
    the newest notes (a room's thousands are not read to draw twenty); a table's page
    always lists all of its own, which its scribe may correct."""
    with db.read() as s:
        meeting, table = open_linked_table_page(s, actor, meeting_id, table_number)
        room = room_state_in(s, meeting)
        table_id = table.id if table else None
        notes = _notes(s, actor, meeting.id, table_id, None if table else newest)
        listed_all = table or newest is None or len(notes) < newest
        count = len(notes) if listed_all else _count(s, actor, meeting.id)
        return ListenScreen(
            meeting_id=meeting.id,
            table_id=table_id,
            table_number=table.number if table else None,
            room=room,
            gate=late_notes.input_gate(room, actor.is_facilitator),
            groups=group_choices(s, meeting.initiative_id),
            notes=notes,
            note_count=count,
        )


def table_notes(db: Database, actor: Actor, meeting_id: int, table_id: int) -> tuple[NoteCard, ...]:
    """A table's notes alone, newest first: what the note form draws again after a save."""
    with db.read() as s:
        _, table = open_table_page(s, actor, meeting_id, table_id)
        return _notes(s, actor, meeting_id, table.id if table else None)


def _notes(
    s: Session, actor: Actor, meeting_id: int, table_id: int | None, limit: int | None = None
) -> tuple[NoteCard, ...]:
    query = select(ListeningNote, Stakeholder.name).outerjoin(
        Stakeholder, Stakeholder.id == ListeningNote.stakeholder_id
    )
    query = query.where(*_readable(actor, meeting_id, table_id))
    order = (ListeningNote.created_at.desc(), ListeningNote.id.desc())
    query = query.order_by(*order).limit(limit)
    rows = s.execute(query).all()
    language = i18n.current()
    ids = [note.id for note, _group in rows]
    stored = field_translations(s, "listening_note", ids, language, NOTE_FIELDS)
    return tuple(
        _card(note, group or "", fields_shown(note.id, _fields(note), stored, language))
        for note, group in rows
    )


def _fields(note: ListeningNote) -> dict[str, str]:
    return {name: getattr(note, name) for name in NOTE_FIELDS}


def _count(s: Session, actor: Actor, meeting_id: int) -> int:
    query = select(func.count(ListeningNote.id)).where(*_readable(actor, meeting_id, None))
    return s.scalar(query) or 0


def _readable(actor: Actor, meeting_id: int, table_id: int | None) -> list[ColumnElement[bool]]:
    """What narrows a query to the meeting's notes (one table's, when given) `actor` may read."""
    where = [ListeningNote.meeting_id == meeting_id]
    if table_id is not None:
        where.append(ListeningNote.table_id == table_id)
    rule = confidential.readable_by(actor, ListeningNote.confidential, ListeningNote.table_id)
    return where if rule is None else [*where, rule]


def _card(n: ListeningNote, group: str, words: dict[str, Shown]) -> NoteCard:
    return NoteCard(
        n.id, n.said, n.paraphrase, n.interest, n.prompt, n.stakeholder_id, group,
        n.confirmed, n.confidential, n.late, words,
    )  # fmt: skip
