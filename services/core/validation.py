"""Checks for what people type, with messages that say how to fix it."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import TypeVar

from sqlalchemy.orm import Session

from i18n import N_, _, day, number
from services.core.errors import NotFound, ValidationError

NAME_MAX = 200
TEXT_MAX = 2_000
LONG_MAX = 20_000
CODE_MAX = 32
"""The longest personal or meeting code the database holds."""
USERNAME_MAX = 60

# Tab, newline and carriage return are fine in text; other control characters (NUL
# above all, which Postgres refuses) come from copy-paste accidents, not from people.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Characters that take no space on the screen: a box holding only these looks empty.
_INVISIBLE = {"Cc", "Cf", "Zs", "Zl", "Zp"}
# Direction overrides, embeddings and isolates make a screen show text in an order other
# than the one typed (U+202E turns "gnp.exe" into "exe.png"); zero-width spaces, the word
# joiner and a stray byte order mark hide inside words. They are removed as text arrives.
# Marks that typed text needs stay: LRM/RLM in right-to-left writing, ZWJ in emoji
# sequences, ZWNJ in Persian and Indic scripts.
_REORDERING_OR_HIDDEN = re.compile("[\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff]")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

T = TypeVar("T")


def clean_text(value: str | None, label: str, max_len: int = TEXT_MAX) -> str:
    """The text trimmed; refuses empty, whitespace-only, over-long or control characters."""
    text = optional_text(value, label, max_len)
    if not text:
        raise ValidationError(
            _("{label} is empty. Type something before saving.").format(label=_field(label))
        )
    return text


def optional_text(value: str | None, label: str, max_len: int = TEXT_MAX) -> str:
    """Like `clean_text`, but empty is allowed and comes back as ''.

    Text of only invisible characters (zero-width spaces, a stray byte order mark) counts
    as empty: nobody could see what was saved.
    """
    text = (value or "").strip()
    if len(text) > max_len:
        raise ValidationError(
            _(
                "{label} is {length} characters long; the limit is {limit}. "
                "Shorten it or split it in two."
            ).format(label=_field(label), length=number(len(text)), limit=number(max_len))
        )
    text = _REORDERING_OR_HIDDEN.sub("", text).strip()
    if len(text) > max_len:
        raise ValidationError(
            _(
                "{label} is {length} characters long; the limit is {limit}. "
                "Shorten it or split it in two."
            ).format(label=_field(label), length=number(len(text)), limit=number(max_len))
        )
    if _CONTROL.search(text):
        raise ValidationError(
            _(
                "{label} contains invisible control characters (often from copy and paste). "
                "Retype it or paste it as plain text."
            ).format(label=_field(label))
        )
    if not _encodable(text):
        raise ValidationError(
            _(
                "{label} contains a broken character (half of an emoji or symbol, often from "
                "copy and paste). Retype it or paste it as plain text."
            ).format(label=_field(label))
        )
    if all(unicodedata.category(c) in _INVISIBLE for c in text):
        return ""
    return text


def _encodable(text: str) -> bool:
    """Whether `text` can be written as UTF-8: a lone surrogate (half a pair) cannot."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def lookup_key(value: str | None, max_len: int = CODE_MAX) -> str | None:
    """A code or username as typed or linked, trimmed; None when it cannot name anything.

    Empty, over-long, or holding characters no code has (NUL above all, which Postgres
    refuses even inside a query): the caller then says "not valid" instead of crashing.
    """
    key = (value or "").strip()
    if not key or len(key) > max_len or _CONTROL.search(key) or not _encodable(key):
        return None
    return key


def optional_email(value: str | None) -> str:
    """An email address trimmed, or '' when none; refuses one that cannot be an address."""
    email = optional_text(value, N_("Email"), 254)
    if email and not _EMAIL.match(email):
        raise ValidationError(
            _("“{email}” is not an email address (expected name@example.org).").format(email=email)
        )
    return email


def in_range(value: int, label: str, low: int, high: int) -> int:
    """`value` if low <= value <= high, else a message naming the range."""
    if not low <= value <= high:
        raise ValidationError(
            _("{label} must be between {low} and {high}; got {value}.").format(
                label=_field(label), low=low, high=high, value=value
            )
        )
    return value


def not_in_past(value: date | None, label: str, today: date) -> date | None:
    """A date that is today or later (None passes)."""
    if value is not None and value < today:
        when = day(value)  # in a sentence, the date in words: "March 5, 2026"
        raise ValidationError(
            _("{label} ({date}) is in the past. Pick a later date.").format(
                label=_field(label), date=when
            )
        )
    return value


def require(session: Session, model: type[T], record_id: int | None, label: str) -> T:
    """The record with this id, or NotFound with a message that names it."""
    record = session.get(model, record_id) if record_id is not None else None
    if record is None:
        raise not_found(label, record_id)
    return record


def not_found(label: str, record_id: int | None) -> NotFound:
    """`require`'s refusal, for a record looked up some other way (joined to others)."""
    return NotFound(
        _("No {label} with id {record_id}: it may have been deleted. Reload the page.").format(
            label=_field(label), record_id=record_id
        )
    )


def _field(label: str) -> str:
    """The name of a field in the reader's language (an empty name stays empty: gettext
    would answer '' with the catalogue's header)."""
    return _(label) if label else label
