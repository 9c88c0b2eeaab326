"""What a refusal owes the person reading it: plain words, short, nothing of the machinery."""

from __future__ import annotations

import re

from services.core.errors import DomainError, ValidationError

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# What must never reach a person: a traceback, a driver's words, a Python repr.
LEAKS = (
    "Traceback",
    'File "',
    "sqlalchemy",
    "psycopg",
    "sqlite3",
    "Error(",
    "(Background",
    "<class",
    "\\x",
    "\\u",
)


def assert_plain(error: DomainError, *words: str) -> None:
    """A refusal in plain words that a facilitator can act on."""
    message = error.message
    assert isinstance(error, ValidationError), f"{type(error).__name__}: {message}"
    assert message == str(error)
    assert 10 < len(message) <= 600, f"{len(message):,} characters: {message[:200]!r}"
    assert not _CONTROL.search(message), f"control characters in {message!r}"
    message.encode("utf-8")  # no half characters to print
    for leak in LEAKS:
        assert leak not in message, f"{leak!r} in {message!r}"
    for word in words:
        assert word.lower() in message.lower(), f"{word!r} not in {message!r}"
