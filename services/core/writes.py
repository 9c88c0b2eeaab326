"""Double-tap-safe inserts: a second tap of Save with the same key returns the first row."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from i18n import N_
from services.core.validation import optional_text

KEY_MAX = 64

T = TypeVar("T")


def clean_key(value: str | None) -> str | None:
    """The page's key for one tap of Save, trimmed; None when the page sent none."""
    return optional_text(value, N_("Submission key"), KEY_MAX) or None


def insert_once(session: Session, row: T, model: type[T], meeting_id: int, key: str | None) -> T:
    """Insert `row`, or return the row an earlier tap with the same key already saved.

    The look-up catches the ordinary double tap; the savepoint catches two taps racing
    past it, so the unique constraint's refusal leaves the caller's transaction usable.
    """
    if key is not None:
        earlier = _by_key(session, model, meeting_id, key)
        if earlier is not None:
            return earlier
    try:
        with session.begin_nested():
            session.add(row)
    except IntegrityError:
        earlier = _by_key(session, model, meeting_id, key) if key is not None else None
        if earlier is None:
            raise
        return earlier
    return row


def _by_key(session: Session, model: Any, meeting_id: int, key: str) -> Any:
    return session.scalar(
        select(model).where(model.meeting_id == meeting_id, model.submission_key == key)
    )
