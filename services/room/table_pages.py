"""Who may open a table's screen (listen, ideas), checked inside the screen's own read."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Meeting, MeetingTable, Stakeholder
from db.models.enums import Role
from services.core import membership
from services.core.actors import Actor, require_role
from services.core.errors import NotFound, PermissionDenied
from services.core.scope import check_table_access


def open_table_page(
    s: Session, actor: Actor, meeting_id: int, table_id: int | None
) -> tuple[Meeting, MeetingTable | None]:
    """The meeting and the table whose page the actor opens; None: every table's page.

    Facilitators open any table's page and the every-table page; a scribe only their own
    table's, and is told in words which one is theirs (services/core/scope.py).
    """
    require_role(actor, Role.FACILITATOR, Role.SCRIBE)
    meeting = membership.member_meeting(s, actor, meeting_id)
    if table_id is None:
        if not actor.is_facilitator:
            raise PermissionDenied(
                "A scribe works on their own table's page, not every table's. "
                "Open your own table's link."
            )
        return meeting, None
    table = check_table_access(s, actor, table_id)
    if table.meeting_id != meeting_id:
        raise NotFound(
            f"Table {table.number} belongs to another meeting. Reload the page, or open "
            "your table's link again."
        )
    return meeting, table


def group_choices(s: Session, initiative_id: int) -> tuple[tuple[int, str], ...]:
    """(id, name) of every group of the initiative, by name, retired ones too: the names
    of what was said before a group retired still read right."""
    rows = s.execute(
        select(Stakeholder.id, Stakeholder.name)
        .where(Stakeholder.initiative_id == initiative_id)
        .order_by(Stakeholder.name)
    )
    return tuple((group_id, name) for group_id, name in rows)
