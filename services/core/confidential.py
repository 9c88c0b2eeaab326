"""Who may read what was marked confidential: one rule for notes, ideas, conflicts and actions.

A facilitator reads everything. A scribe reads what is confidential only when it was said
at a table they scribe: the people at that table told them. A Thought Leader Team member
reads nothing confidential; the projector and reports for the room never show it.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, SQLColumnExpression, false, or_, select

from db.models import MeetingTable
from i18n import _
from services.core.actors import Actor
from services.core.vocab import Role


def readable_by(
    actor: Actor,
    confidential: SQLColumnExpression[bool],
    table_id: SQLColumnExpression[int] | SQLColumnExpression[int | None] | None,
) -> ColumnElement[bool] | None:
    """The condition a row must meet for `actor` to read it; None when they read every row.

    `confidential` and `table_id` are the model's columns; `table_id` None for a kind of
    record that belongs to no table (actions), which a scribe then never reads confidential.
    """
    if actor.is_facilitator:
        return None
    not_secret = confidential.is_(False)
    if actor.role is Role.SCRIBE and table_id is not None and actor.account_id is not None:
        own_tables = select(MeetingTable.id).where(
            MeetingTable.scribe_account_id == actor.account_id
        )
        return or_(not_secret, table_id.in_(own_tables))
    return not_secret if actor.role in (Role.SCRIBE, Role.LEADER) else false()


def marked(words: str, confidential: bool) -> str:
    """`words` with " (confidential)" after them when they are: a report or a file made
    with confidential items says which ones, for each kind alike (the report marked its
    ideas only, and a confidential note, conflict or action read as a public one)."""
    return words + _(" (confidential)") if confidential else words
