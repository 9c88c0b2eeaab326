"""What a text box owes each case of the corpus: to store it exactly, or to refuse it plainly
with words that say what is wrong and where. Shared by the validators' own test (every case,
no database) and the fields' test (each field through its service, a few cases)."""

from __future__ import annotations

import re

import pytest

from services.core.errors import DomainError
from tests.bad_input.corpus import Case, Rule
from tests.bad_input.fields import Field, WorldT
from tests.bad_input.plain import assert_plain

_USERNAME = re.compile(r"[a-z0-9._-]{3,60}")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def accepts(field: Field, case: Case) -> bool:
    """Whether `field` must store `case` (True) rather than refuse it (False)."""
    if case.rule is not Rule.EXACT or len(case.stored) > field.max_len:
        return False
    if field.kind == "username":
        return bool(_USERNAME.fullmatch(case.stored.lower()))
    if field.kind == "email":
        return bool(_EMAIL.fullmatch(case.stored))
    if field.kind == "link":
        return case.stored.startswith("https://") and " " not in case.stored
    return True


def refusal_words(field: Field, case: Case) -> tuple[str, ...]:
    """Words the refusal of `case` by `field` must hold: what is wrong and where."""
    if case.rule is Rule.TOO_LONG or len(case.stored) > field.max_len:
        return (field.label, "limit") if field.kind != "username" else ("username", "60")
    if case.rule is Rule.CONTROL:
        return (field.label, "control characters") if field.kind != "username" else ("username",)
    if case.rule is Rule.BROKEN:
        return (field.label,) if field.kind != "username" else ("username",)
    if case.rule is Rule.EMPTY:
        return ("empty",) if field.kind != "username" else ("username",)
    return {"username": ("username",), "email": ("email address",), "link": ("https://",)}[
        field.kind
    ]


def assert_stored_exactly_or_refused_plainly(world: WorldT, field: Field[WorldT], case: Case):
    """Save `case` through `field`: the text exactly as the corpus says, or a plain refusal."""
    if accepts(field, case):
        stored = field.save(world, case.text)
        assert stored.encode("utf-8") == case.stored.encode("utf-8")
        return
    if case.rule is Rule.EMPTY and not field.required:
        try:
            assert field.save(world, case.text) == ""
        except DomainError as error:  # an optional box may still refuse a form left empty
            assert_plain(error)
        return
    with pytest.raises(DomainError) as refused:
        field.save(world, case.text)
    assert_plain(refused.value, *refusal_words(field, case))


def longest(field: Field, extra: int = 0) -> str:
    """Text exactly at `field`'s limit (plus `extra`), of characters four bytes long in UTF-8."""
    size = field.max_len + extra
    if field.kind == "username":
        return "a" * size
    if field.kind == "email":
        return "a" * (size - len("@example.org")) + "@example.org"
    if field.kind == "link":
        return "https://example.org/" + "a" * (size - len("https://example.org/"))
    return "👍" * size


def assert_takes_text_up_to_its_limit(world: WorldT, field: Field[WorldT]) -> None:
    """Text at the limit is kept whole; one character more is refused, naming the limit."""
    at_limit = longest(field)
    assert field.save(world, at_limit) == at_limit
    with pytest.raises(DomainError) as refused:
        field.save(world, longest(field, 1))
    assert_plain(refused.value, f"{field.max_len:,}")
