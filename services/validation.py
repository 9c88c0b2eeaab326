"""Checks for what people type, with messages that say how to fix it."""

from __future__ import annotations

import re
from datetime import date
from typing import TypeVar

from sqlalchemy.orm import Session

from services.errors import NotFound, ValidationError

NAME_MAX = 200
TEXT_MAX = 2_000
LONG_MAX = 20_000

# Tab, newline and carriage return are fine in text; other control characters (NUL
# above all, which Postgres refuses) come from copy-paste accidents, not from people.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

T = TypeVar("T")


def clean_text(value: str | None, label: str, max_len: int = TEXT_MAX) -> str:
    """The text trimmed; refuses empty, whitespace-only, over-long or control characters."""
    text = optional_text(value, label, max_len)
    if not text:
        raise ValidationError(f"{label} is empty. Type something before saving.")
    return text


def optional_text(value: str | None, label: str, max_len: int = TEXT_MAX) -> str:
    """Like `clean_text`, but empty is allowed and comes back as ''."""
    text = (value or "").strip()
    if len(text) > max_len:
        raise ValidationError(
            f"{label} is {len(text):,} characters long; the limit is {max_len:,}. "
            "Shorten it or split it in two."
        )
    if _CONTROL.search(text):
        raise ValidationError(
            f"{label} contains invisible control characters (often from copy and paste). "
            "Retype it or paste it as plain text."
        )
    return text


def optional_email(value: str | None) -> str:
    """An email address trimmed, or '' when none; refuses one that cannot be an address."""
    email = optional_text(value, "Email", 254)
    if email and not _EMAIL.match(email):
        raise ValidationError(f"“{email}” is not an email address (expected name@example.org).")
    return email


def in_range(value: int, label: str, low: int, high: int) -> int:
    """`value` if low <= value <= high, else a message naming the range."""
    if not low <= value <= high:
        raise ValidationError(f"{label} must be between {low} and {high}; got {value}.")
    return value


def not_in_past(value: date | None, label: str, today: date) -> date | None:
    """A date that is today or later (None passes)."""
    if value is not None and value < today:
        raise ValidationError(f"{label} ({value:%d %b %Y}) is in the past. Pick a later date.")
    return value


def require(session: Session, model: type[T], record_id: int | None, label: str) -> T:
    """The record with this id, or NotFound with a message that names it."""
    record = session.get(model, record_id) if record_id is not None else None
    if record is None:
        raise NotFound(
            f"No {label} with id {record_id}: it may have been deleted. Reload the page."
        )
    return record
