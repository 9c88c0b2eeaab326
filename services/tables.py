"""The tables of a meeting, their numbers and the scribe at each."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.database import Database
from db.models import Account, ListeningNote, Meeting, MeetingTable
from db.models.enums import Role
from services import audit
from services.actors import Actor, require_role
from services.errors import ValidationError
from services.validation import NAME_MAX, in_range, optional_text, require

TABLE_NUMBER_MAX = 50


def create_table(
    db: Database,
    actor: Actor,
    meeting_id: int,
    number: int,
    name: str = "",
    scribe_account_id: int | None = None,
) -> MeetingTable:
    """Add a numbered table to a meeting, with or without its scribe."""
    require_role(actor, Role.FACILITATOR)
    in_range(number, "Table number", 1, TABLE_NUMBER_MAX)
    label = optional_text(name, "Table name", NAME_MAX)
    with db.write() as s:
        require(s, Meeting, meeting_id, "meeting")
        _refuse_taken(s, meeting_id, number)
        _check_scribe(s, scribe_account_id)
        table = MeetingTable(
            meeting_id=meeting_id, number=number, name=label, scribe_account_id=scribe_account_id
        )
        s.add(table)
        s.flush()
        _audit(s, actor, table, "created")
        return table


def update_table(
    db: Database,
    actor: Actor,
    table_id: int,
    number: int,
    name: str,
    scribe_account_id: int | None,
) -> MeetingTable:
    """Renumber or rename a table, or change its scribe."""
    require_role(actor, Role.FACILITATOR)
    in_range(number, "Table number", 1, TABLE_NUMBER_MAX)
    label = optional_text(name, "Table name", NAME_MAX)
    with db.write() as s:
        table = require(s, MeetingTable, table_id, "table")
        if number != table.number:
            _refuse_taken(s, table.meeting_id, number)
        _check_scribe(s, scribe_account_id)
        table.number, table.name, table.scribe_account_id = number, label, scribe_account_id
        _audit(s, actor, table, "updated")
        return table


def delete_table(db: Database, actor: Actor, table_id: int) -> None:
    """Remove a table nobody has taken notes at; its participants become unseated."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        table = require(s, MeetingTable, table_id, "table")
        notes = s.scalar(select(func.count()).where(ListeningNote.table_id == table_id))
        if notes:
            raise ValidationError(
                f"Table {table.number} has {notes} listening note(s), which would be lost "
                "with it. Keep the table; rename it or leave it empty instead."
            )
        _audit(s, actor, table, "deleted")
        s.delete(table)


def list_tables(db: Database, meeting_id: int) -> list[MeetingTable]:
    """The meeting's tables, by number."""
    with db.read() as s:
        query = (
            select(MeetingTable)
            .where(MeetingTable.meeting_id == meeting_id)
            .order_by(MeetingTable.number)
        )
        return list(s.scalars(query))


def assign_scribe(
    db: Database, actor: Actor, table_id: int, account_id: int | None
) -> MeetingTable:
    """Make an account the table's scribe, or leave the table without one (None)."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        table = require(s, MeetingTable, table_id, "table")
        _check_scribe(s, account_id)
        table.scribe_account_id = account_id
        _audit(s, actor, table, "scribe_assigned")
        return table


def tables_for_scribe(db: Database, account_id: int, meeting_id: int) -> list[MeetingTable]:
    """The tables this account scribes at in the meeting, by number."""
    with db.read() as s:
        query = (
            select(MeetingTable)
            .where(
                MeetingTable.meeting_id == meeting_id,
                MeetingTable.scribe_account_id == account_id,
            )
            .order_by(MeetingTable.number)
        )
        return list(s.scalars(query))


def newest_scribed_meeting(db: Database, account_id: int) -> tuple[int, int] | None:
    """(initiative id, meeting id) of the newest meeting where this account scribes a table.

    A scribe works in the room of their table, whichever initiative is newest, so several
    rooms can run at once on one installation.
    """
    with db.read() as s:
        row = s.execute(
            select(Meeting.initiative_id, Meeting.id)
            .join(MeetingTable, MeetingTable.meeting_id == Meeting.id)
            .where(MeetingTable.scribe_account_id == account_id)
            .order_by(Meeting.id.desc())
            .limit(1)
        ).first()
        return (row[0], row[1]) if row else None


def get_table_by_number(db: Database, meeting_id: int, number: int) -> MeetingTable | None:
    """The meeting's table with this number, or None.

    The number comes from a link (`listen?table=N`), so it can be anything: one no table
    could have never reaches the database, where a huge one would overflow SQLite's integer.
    """
    if not 1 <= number <= TABLE_NUMBER_MAX:
        return None
    with db.read() as s:
        return s.scalar(
            select(MeetingTable).where(
                MeetingTable.meeting_id == meeting_id, MeetingTable.number == number
            )
        )


def _refuse_taken(s: Session, meeting_id: int, number: int) -> None:
    clash = s.scalar(
        select(MeetingTable.id).where(
            MeetingTable.meeting_id == meeting_id, MeetingTable.number == number
        )
    )
    if clash is not None:
        raise ValidationError(
            f"Table {number} already exists in this meeting. Choose another number."
        )


def _check_scribe(s: Session, account_id: int | None) -> None:
    if account_id is None:
        return
    account = require(s, Account, account_id, "account")
    if account.role is not Role.SCRIBE:
        raise ValidationError(
            f"{account.display_name} is not a table scribe. Choose a scribe's account."
        )
    if not account.active:
        raise ValidationError(
            f"{account.display_name}'s account is deactivated, so they could not sign in. "
            "Reactivate it first or choose another scribe."
        )


def _audit(s: Session, actor: Actor, table: MeetingTable, action: str) -> None:
    initiative_id = s.get_one(Meeting, table.meeting_id).initiative_id
    detail = {"number": table.number, "scribe_account_id": table.scribe_account_id}
    audit.record(s, actor, "table", table.id, action, detail, initiative_id)
