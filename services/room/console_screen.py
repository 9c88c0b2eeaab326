"""What the facilitator's console shows, read once: the room, the agenda, the join links."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import select

from db.database import Database
from db.models import Account, AgendaItem, MeetingTable, Participant, Stakeholder
from db.models.enums import Role
from i18n import ENGLISH, LANGUAGES, supported
from services.agenda import agenda_gaps
from services.agenda.agenda_gaps import ApprovalGaps
from services.core import membership
from services.core.actors import Actor, require_role
from services.core.roster_scope import ON_ROSTER, PRESENT
from services.room import room_control
from services.room.room_control import RoomState


@dataclass(frozen=True, slots=True)
class TableCard:
    """A table's card: its number, its scribe's name ('' while it has none), and the
    languages of the people it serves (its scribe and those seated there, present), in
    which it is printed."""

    number: int
    scribe: str
    languages: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Badge:
    """A badge: the person's name, their group, and the personal code that votes for them."""

    name: str
    group: str
    code: str
    language: str = ENGLISH
    """The person's own language: their badge is printed in it."""


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
    step_titles: Mapping[int, str] = field(default_factory=dict)
    """Each step's title in the reader's language, by step id: its translation where it
    has a current one, else as written."""

    def title_of(self, step: AgendaItem) -> str:
        """`step`'s title as the facilitator reads it (the step picker's words)."""
        return self.step_titles.get(step.id, step.title)

    def title_of_current(self) -> str | None:
        """The title of the step the room is on, as the facilitator reads it."""
        current = self.room.current
        return None if current is None else self.title_of(current)

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
            select(MeetingTable.id, MeetingTable.number, Account.display_name, Account.language)
            .outerjoin(Account, Account.id == MeetingTable.scribe_account_id)
            .where(MeetingTable.meeting_id == meeting_id)
            .order_by(MeetingTable.number)
        ).all()
        seated = s.execute(
            select(Participant.table_id, Participant.language)
            .distinct()
            .where(Participant.table_id.in_([row.id for row in tables]), PRESENT)
        )
        spoken: dict[int, set[str]] = {}
        for table_id, language in seated:
            if table_id is not None:  # never: the query asks for these tables' people
                spoken.setdefault(table_id, set()).add(language)
        people = s.execute(
            select(Participant.name, Stakeholder.name, Participant.code, Participant.language)
            .outerjoin(Stakeholder, Stakeholder.id == Participant.stakeholder_id)
            .where(Participant.initiative_id == meeting.initiative_id, ON_ROSTER, PRESENT)
            .order_by(Participant.name, Participant.id)
        )
        return ConsoleScreen(
            step_titles=room_control.step_titles_in(s, steps),
            room=room_control.state_in(s, meeting, steps),
            steps=tuple(steps),
            gaps=agenda_gaps.gaps_in(s, meeting),
            meeting_code=meeting.code,
            tables=tuple(
                TableCard(
                    number,
                    scribe or "",
                    _in_order(spoken.get(table_id, set()) | ({scribe_language} - {None})),
                )
                for table_id, number, scribe, scribe_language in tables
            ),
            badges=tuple(
                Badge(name, group or "", code, language) for name, group, code, language in people
            ),
        )


def _in_order(languages: set[str]) -> tuple[str, ...]:
    """The languages we print in, in the catalogue's order (English first), so a bilingual
    card always reads in the same order."""
    known = {supported(language) for language in languages}
    return tuple(code for code in LANGUAGES if code in known)
