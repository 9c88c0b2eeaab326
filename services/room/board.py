"""What the idea board offers as choices to everyone: its ideas the whole room may read,
and its themes. A ballot's and an option's choices are read here, alike."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Idea, Theme
from db.models.enums import IdeaStatus


def open_ideas_in(s: Session, meeting_id: int) -> list[tuple[int, str]]:
    """(id, text) of each idea on the board, neither hidden, merged, waiting nor
    confidential, in the order they were added."""
    query = select(Idea.id, Idea.text).where(
        Idea.meeting_id == meeting_id,
        Idea.status == IdeaStatus.VISIBLE,
        Idea.confidential.is_(False),
    )
    return [(i, text) for i, text in s.execute(query.order_by(Idea.created_at, Idea.id))]


def themes_in(s: Session, meeting_id: int) -> list[tuple[int, str]]:
    """(id, name) of each of the meeting's themes, by name."""
    query = select(Theme.id, Theme.name).where(Theme.meeting_id == meeting_id)
    return [(t, name) for t, name in s.execute(query.order_by(func.lower(Theme.name), Theme.id))]
