"""Counting what refers to a record, in the words a refusal or a confirmation uses."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from i18n import _

# What refers to a record: its name for one and for many, and the column that points at it.
References = Sequence[tuple[tuple[str, str], Any]]


def count_references(s: Session, references: References, record_id: int) -> list[str]:
    """Each kind that refers to `record_id`, counted in words ('2 ideas'); none left out."""
    found = []
    for (one, many), column in references:
        count = s.scalar(select(func.count()).where(column == record_id))
        if count:
            found.append(f"{count} {_(one) if count == 1 else _(many)}")
    return found


def in_words(parts: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(parts) < 2:
        return "".join(parts)
    return _("{items} and {last}").format(items=", ".join(parts[:-1]), last=parts[-1])
