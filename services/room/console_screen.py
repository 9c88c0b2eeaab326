"""What the facilitator's console shows, read once: the room, the agenda, the join links."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from db.database import Database
from db.models import Account, AgendaItem, MeetingTable, Participant, Stakeholder
from db.models.enums import Role
from services.agenda import agenda_gaps
from services.agenda.agenda_gaps import ApprovalGaps
from services.core import membership
from services.core.actors import Actor, require_role
from services.core.roster_scope import ON_ROSTER, PRESENT
from services.room import room_control
from services.room.room_control import RoomState


@dataclass(frozen=True, slots=True)
class TableCard:
    """A table's card: its number, and its scribe's name ('' while it has none)."""

    number: int
    scribe: str


@dataclass(frozen=True, slots=True)
class Badge:
    """A badge: the person's name, their group, and the personal code that votes for them."""

    name: str
    group: str
    code: str


@dataclass(frozen=True, slots=True)
class ConsoleScreen:
    """Everything the console draws outside its self-refreshing panels."""

    room: RoomState
    steps: tuple[AgendaItem, ...]
    """The agenda by position."""
    gaps: ApprovalGaps | None
    """Who has not approved the agenda; None once the Thought Leader Team approved it."""
    meeting_code: str
    """The projector's code, for its link."""
    tables: tuple[TableCard, ...]
    """By number: the table cards and their QR codes."""
    badges: tuple[Badge, ...]
    """The people present, by name: their badges and voting links."""

    def is_now(self, step: AgendaItem) -> bool:
        """Whether the room is on `step`."""
        return self.room.current is not None and step.id == self.room.current.id


def read(db: Database, actor: Actor, meeting_id: int) -> ConsoleScreen:
    """The console of a meeting in the facilitator's own initiative, in one read.

    Facilitators only: the badges carry everyone's personal code, which votes for them.
    """
    require_role(actor, Role.FACILITATOR)
    with db.read() as s:
        meeting = membership.member_meeting(s, actor, meeting_id)
        steps = list(
            s.scalars(
                select(AgendaItem)
                .where(AgendaItem.meeting_id == meeting_id)
                .order_by(AgendaItem.position)
            )
        )
        tables = s.execute(
            select(MeetingTable.number, Account.display_name)
            .outerjoin(Account, Account.id == MeetingTable.scribe_account_id)
            .where(MeetingTable.meeting_id == meeting_id)
            .order_by(MeetingTable.number)
        )
        people = s.execute(
            select(Participant.name, Stakeholder.name, Participant.code)
            .outerjoin(Stakeholder, Stakeholder.id == Participant.stakeholder_id)
            .where(Participant.initiative_id == meeting.initiative_id, ON_ROSTER, PRESENT)
            .order_by(Participant.name, Participant.id)
        )
        return ConsoleScreen(
            room=room_control.state_in(s, meeting, steps),
            steps=tuple(steps),
            gaps=agenda_gaps.gaps_in(s, meeting),
            meeting_code=meeting.code,
            tables=tuple(TableCard(number, scribe or "") for number, scribe in tables),
            badges=tuple(Badge(name, group or "", code) for name, group, code in people),
        )
