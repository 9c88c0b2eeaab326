"""Who may open a table's screen (listen, ideas), checked inside the screen's own read."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Meeting, MeetingTable, Stakeholder
from db.models.enums import Role
from i18n import _
from services.core import membership
from services.core.actors import Actor, require_role
from services.core.errors import NotFound, PermissionDenied
from services.core.scope import check_table_access
from services.setup.tables import TABLE_NUMBER_MAX


def table_in_focus(
    s: Session, actor: Actor, meeting_id: int, table_number: int | None
) -> MeetingTable | None:
    """The table of the page's link (`?table=N`), else the scribe's own (their first by
    number); None: every table, a facilitator's view, or a scribe with no table here.

    Read inside the screen's own transaction, so a page looks its table up once. Who may
    work there is the caller's to check (`open_table_page`), or the write's.
    """
    if table_number is None:
        if actor.is_facilitator or actor.account_id is None:
            return None
        return s.scalar(
            select(MeetingTable)
            .where(
                MeetingTable.meeting_id == meeting_id,
                MeetingTable.scribe_account_id == actor.account_id,
            )
            .order_by(MeetingTable.number)
            .limit(1)
        )
    # The number comes from a link, so it can be anything: one no table could have never
    # reaches the database, where a huge one would overflow SQLite's integer.
    table = None
    if 1 <= table_number <= TABLE_NUMBER_MAX:
        table = s.scalar(
            select(MeetingTable).where(
                MeetingTable.meeting_id == meeting_id, MeetingTable.number == table_number
            )
        )
    if table is None:
        raise NotFound(
            _("This meeting has no table {number}. Check the link on your table card.").format(
                number=table_number
            )
        )
    return table


def open_linked_table_page(
    s: Session, actor: Actor, meeting_id: int, table_number: int | None
) -> tuple[Meeting, MeetingTable | None]:
    """`open_table_page` for the table the page's link names, else the scribe's own
    (`table_in_focus`): the screen's one read finds the table and checks it together."""
    require_role(actor, Role.FACILITATOR, Role.SCRIBE)
    meeting = membership.member_meeting(s, actor, meeting_id)
    table = table_in_focus(s, actor, meeting.id, table_number)
    return meeting, _page_table(s, actor, meeting.id, table.id if table else None)


def open_table_page(
    s: Session, actor: Actor, meeting_id: int, table_id: int | None
) -> tuple[Meeting, MeetingTable | None]:
    """The meeting and the table whose page the actor opens; None: every table's page.

    Facilitators open any table's page and the every-table page; a scribe only their own
    table's, and is told in words which one is theirs (services/core/scope.py).
    """
    require_role(actor, Role.FACILITATOR, Role.SCRIBE)
    meeting = membership.member_meeting(s, actor, meeting_id)
    return meeting, _page_table(s, actor, meeting.id, table_id)


def _page_table(
    s: Session, actor: Actor, meeting_id: int, table_id: int | None
) -> MeetingTable | None:
    if table_id is None:
        if not actor.is_facilitator:
            raise PermissionDenied(
                _(
                    "A scribe works on their own table's page, not every table's. Open your own "
                    "table's link."
                )
            )
        return None
    table = check_table_access(s, actor, table_id)
    if table.meeting_id != meeting_id:
        raise NotFound(
            _(
                "Table {number} belongs to another meeting. Reload the page, or open your "
                "table's link again."
            ).format(number=table.number)
        )
    return table


def group_choices(s: Session, initiative_id: int) -> tuple[tuple[int, str], ...]:
    """(id, name) of every group of the initiative, by name, retired ones too: the names
    of what was said before a group retired still read right."""
    rows = s.execute(
        select(Stakeholder.id, Stakeholder.name)
        .where(Stakeholder.initiative_id == initiative_id)
        .order_by(Stakeholder.name)
    )
    return tuple((group_id, name) for group_id, name in rows)
