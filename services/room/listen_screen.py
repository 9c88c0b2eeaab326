"""The listen screen's record: a table's listening notes, or every table's for a facilitator."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.database import Database
from db.models import ListeningNote, Stakeholder
from services.core import confidential
from services.core.actors import Actor
from services.room import late_notes
from services.room.room_control import RoomState, room_state_in
from services.room.table_pages import group_choices, open_linked_table_page, open_table_page


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
    """Newest first; confidential ones only where the reader may read them."""


def read(db: Database, actor: Actor, meeting_id: int, table_number: int | None) -> ListenScreen:
    """The listen screen of one table (a scribe's own, or any for a facilitator), or of
    every table (facilitators), in one read; refused in words otherwise.

    `table_number` is the page link's `?table=N`; None opens the scribe's own table, or
    every table for a facilitator."""
    with db.read() as s:
        meeting, table = open_linked_table_page(s, actor, meeting_id, table_number)
        room = room_state_in(s, meeting)
        return ListenScreen(
            meeting_id=meeting.id,
            table_id=table.id if table else None,
            table_number=table.number if table else None,
            room=room,
            gate=late_notes.input_gate(room, actor.is_facilitator),
            groups=group_choices(s, meeting.initiative_id),
            notes=_notes(s, actor, meeting.id, table.id if table else None),
        )


def table_notes(db: Database, actor: Actor, meeting_id: int, table_id: int) -> tuple[NoteCard, ...]:
    """A table's notes alone, newest first: what the note form draws again after a save."""
    with db.read() as s:
        _, table = open_table_page(s, actor, meeting_id, table_id)
        return _notes(s, actor, meeting_id, table.id if table else None)


def _notes(s: Session, actor: Actor, meeting_id: int, table_id: int | None) -> tuple[NoteCard, ...]:
    query = (
        select(ListeningNote, Stakeholder.name)
        .outerjoin(Stakeholder, Stakeholder.id == ListeningNote.stakeholder_id)
        .where(ListeningNote.meeting_id == meeting_id)
    )
    if table_id is not None:
        query = query.where(ListeningNote.table_id == table_id)
    rule = confidential.readable_by(actor, ListeningNote.confidential, ListeningNote.table_id)
    if rule is not None:
        query = query.where(rule)
    order = (ListeningNote.created_at.desc(), ListeningNote.id.desc())
    return tuple(_card(note, group or "") for note, group in s.execute(query.order_by(*order)))


def _card(n: ListeningNote, group: str) -> NoteCard:
    return NoteCard(
        n.id, n.said, n.paraphrase, n.interest, n.prompt, n.stakeholder_id, group,
        n.confirmed, n.confidential, n.late,
    )  # fmt: skip
