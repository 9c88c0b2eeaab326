"""The tables of a meeting, their numbers and the scribe at each."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.database import Database
from db.models import (
    Account,
    Conflict,
    Idea,
    ListeningNote,
    Meeting,
    MeetingTable,
    OptionRating,
    Participant,
)
from db.models.enums import Role
from i18n import N_, _, ngettext
from services.core import audit, membership
from services.core.actors import Actor, require_role
from services.core.errors import ValidationError
from services.core.references import count_references, in_words
from services.core.validation import NAME_MAX, in_range, optional_text, require
from services.setup.seating import people_per_table

TABLE_NUMBER_MAX = 50

# What a table's scribe wrote there, named as the screen says it (one, many): a table
# holding any of it is kept, because removing it would lose or orphan what was said.
_SAID_AT = (
    ((N_("listening note"), N_("listening notes")), ListeningNote.table_id),
    ((N_("idea"), N_("ideas")), Idea.table_id),
    ((N_("option rating"), N_("option ratings")), OptionRating.table_id),
    ((N_("conflict"), N_("conflicts")), Conflict.table_id),
)


@dataclass(frozen=True)
class TableSummary:
    """One table as Set up lists it: number, name, scribe and how many people sit there."""

    id: int
    number: int
    name: str
    scribe_account_id: int | None
    people: int


@dataclass(frozen=True, slots=True, kw_only=True)
class TableFields:
    """A table's number, name and scribe: the same for adding and for changing it."""

    number: int
    name: str = ""
    scribe_account_id: int | None = None


def create_table(db: Database, actor: Actor, meeting_id: int, fields: TableFields) -> MeetingTable:
    """Add a numbered table to a meeting, with or without its scribe."""
    require_role(actor, Role.FACILITATOR)
    number, scribe_account_id = fields.number, fields.scribe_account_id
    in_range(number, N_("Table number"), 1, TABLE_NUMBER_MAX)
    label = optional_text(fields.name, N_("Table name"), NAME_MAX)
    with db.write() as s:
        require(s, Meeting, meeting_id, N_("meeting"))
        _refuse_taken(s, meeting_id, number)
        _check_scribe(s, scribe_account_id)
        table = MeetingTable(
            meeting_id=meeting_id, number=number, name=label, scribe_account_id=scribe_account_id
        )
        s.add(table)
        s.flush()
        _audit(s, actor, table, "created")
        return table


def update_table(db: Database, actor: Actor, table_id: int, fields: TableFields) -> MeetingTable:
    """Renumber or rename a table, or change its scribe."""
    require_role(actor, Role.FACILITATOR)
    number, scribe_account_id = fields.number, fields.scribe_account_id
    in_range(number, N_("Table number"), 1, TABLE_NUMBER_MAX)
    label = optional_text(fields.name, N_("Table name"), NAME_MAX)
    with db.write() as s:
        table = require(s, MeetingTable, table_id, N_("table"))
        if number != table.number:
            _refuse_taken(s, table.meeting_id, number)
        _check_scribe(s, scribe_account_id)
        table.number, table.name, table.scribe_account_id = number, label, scribe_account_id
        _audit(s, actor, table, "updated")
        return table


def add_table(db: Database, actor: Actor, meeting_id: int, name: str = "") -> MeetingTable:
    """Add the meeting's next table: one number past its highest."""
    require_role(actor, Role.FACILITATOR)
    label = optional_text(name, N_("Table name"), NAME_MAX)
    with db.write() as s:
        require(s, Meeting, meeting_id, N_("meeting"))
        highest = s.scalar(
            select(func.max(MeetingTable.number)).where(MeetingTable.meeting_id == meeting_id)
        )
        number = (highest or 0) + 1
        if number > TABLE_NUMBER_MAX:
            raise ValidationError(
                _(
                    "This meeting already has a table {TABLE_NUMBER_MAX}, the highest number a "
                    "table can have. Remove an empty table or renumber the last one first."
                ).format(TABLE_NUMBER_MAX=TABLE_NUMBER_MAX)
            )
        table = MeetingTable(meeting_id=meeting_id, number=number, name=label)
        s.add(table)
        try:
            s.flush()
        except IntegrityError as exc:
            raise ValidationError(
                _(
                    "Someone added table {number} at the same moment. Reload the page to see it, "
                    "then add another if you still need one."
                ).format(number=number)
            ) from exc
        _audit(s, actor, table, "created")
        return table


def rename_table(db: Database, actor: Actor, table_id: int, name: str) -> MeetingTable:
    """Give a table a name people know it by (empty: just its number)."""
    require_role(actor, Role.FACILITATOR)
    label = optional_text(name, N_("Table name"), NAME_MAX)
    with db.write() as s:
        table = require(s, MeetingTable, table_id, N_("table"))
        table.name = label
        _audit(s, actor, table, "renamed")
        return table


def delete_table(db: Database, actor: Actor, table_id: int) -> None:
    """Remove a table only when nobody sits there and nothing was said there."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        table = require(s, MeetingTable, table_id, N_("table"))
        # Anyone absent still linked to it is unseated by the delete; they are not in the room.
        seated = s.execute(
            select(func.count()).where(
                Participant.table_id == table_id, Participant.absent.is_(False)
            )
        ).scalar_one()
        said = count_references(s, _SAID_AT, table_id)
        if seated or said:
            raise ValidationError(_why_kept(table.number, seated, said))
        _audit(s, actor, table, "deleted")
        s.delete(table)


def table_overview(db: Database, actor: Actor, meeting_id: int) -> list[TableSummary]:
    """The meeting's tables by number, each with how many people present sit there."""
    require_role(actor, Role.FACILITATOR)  # Set up's table plan
    with db.read() as s:
        require(s, Meeting, meeting_id, N_("meeting"))
        people = people_per_table(s, meeting_id)
        query = (
            select(MeetingTable)
            .where(MeetingTable.meeting_id == meeting_id)
            .order_by(MeetingTable.number)
        )
        return [
            TableSummary(t.id, t.number, t.name, t.scribe_account_id, people.get(t.id, 0))
            for t in s.scalars(query)
        ]


def list_tables(db: Database, actor: Actor, meeting_id: int) -> list[MeetingTable]:
    """The meeting's tables, by number."""
    with db.read() as s:
        membership.require_meeting_member(s, actor, meeting_id)
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
        table = require(s, MeetingTable, table_id, N_("table"))
        _check_scribe(s, account_id)
        table.scribe_account_id = account_id
        _audit(s, actor, table, "scribe_assigned")
        return table


def newest_scribed_meeting(db: Database, actor: Actor) -> tuple[int, int] | None:
    """(initiative id, meeting id) of the newest meeting where this account scribes a table.

    A scribe works in the room of their table, whichever initiative is newest, so several
    rooms can run at once on one installation.
    """
    with db.read() as s:
        row = s.execute(
            select(Meeting.initiative_id, Meeting.id)
            .join(MeetingTable, MeetingTable.meeting_id == Meeting.id)
            .where(MeetingTable.scribe_account_id == actor.account_id)
            .order_by(Meeting.id.desc())
            .limit(1)
        ).first()
        return (row[0], row[1]) if row else None


def _why_kept(number: int, seated: int, said: list[str]) -> str:
    reasons = []
    if seated:
        reasons.append(
            ngettext(
                "{n} person sits there: move them to other tables on the People tab (or seat "
                "everyone again) first",
                "{n} people sit there: move them to other tables on the People tab (or seat "
                "everyone again) first",
                seated,
            ).format(n=seated)
        )
    if said:
        reasons.append(
            _(
                "it holds {records}, which belong to this table: keep it, and rename it "
                "or leave it empty instead"
            ).format(records=in_words(said))
        )
    # Translators: {reasons} is one or two reasons joined by "; and ".
    return _("Table {number} cannot be removed: {reasons}.").format(
        number=number, reasons=_("; and ").join(reasons)
    )


def _refuse_taken(s: Session, meeting_id: int, number: int) -> None:
    clash = s.scalar(
        select(MeetingTable.id).where(
            MeetingTable.meeting_id == meeting_id, MeetingTable.number == number
        )
    )
    if clash is not None:
        raise ValidationError(
            _("Table {number} already exists in this meeting. Choose another number.").format(
                number=number
            )
        )


def _check_scribe(s: Session, account_id: int | None) -> None:
    if account_id is None:
        return
    account = require(s, Account, account_id, N_("account"))
    if account.role is not Role.SCRIBE:
        raise ValidationError(
            _("{display_name} is not a table scribe. Choose a scribe's account.").format(
                display_name=account.display_name
            )
        )
    if not account.active:
        raise ValidationError(
            _(
                "{display_name}'s account is deactivated, so they could not sign in. "
                "Reactivate it first or choose another scribe."
            ).format(display_name=account.display_name)
        )


def _audit(s: Session, actor: Actor, table: MeetingTable, action: str) -> None:
    initiative_id = s.get_one(Meeting, table.meeting_id).initiative_id
    detail = {
        "number": table.number,
        "name": table.name,
        "scribe_account_id": table.scribe_account_id,
    }
    audit.record(
        s,
        actor,
        audit.Change(
            entity="table",
            entity_id=table.id,
            action=action,
            detail=detail,
            initiative_id=initiative_id,
        ),
    )
