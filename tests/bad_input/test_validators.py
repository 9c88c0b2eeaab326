"""Every validator of services/core/validation.py, and the password rule, fed the whole corpus
once: a plain refusal that names the box, or the text exactly. No database: what each
field's service does with the text it is given is tests/bad_input/test_service_fields.py."""

from __future__ import annotations

import bcrypt
import pytest

from services.accounts import passwords
from services.core.errors import ValidationError
from services.core.validation import (
    CODE_MAX,
    LONG_MAX,
    NAME_MAX,
    clean_text,
    lookup_key,
    optional_email,
    optional_text,
)
from tests.bad_input.corpus import CASES, Case, Rule
from tests.bad_input.fields import Field
from tests.bad_input.plain import assert_plain
from tests.bad_input.rules import (
    assert_stored_exactly_or_refused_plainly,
    assert_takes_text_up_to_its_limit,
)

LABEL = "The box"


def _text(check, max_len: int):
    return lambda _world, text: check(text, LABEL, max_len)


# Each validator as a text box; the limits are the shortest and the longest in use.
VALIDATORS: list[Field[None]] = [
    Field("clean_text name", LABEL, NAME_MAX, True, _text(clean_text, NAME_MAX)),
    Field("clean_text long", LABEL, LONG_MAX, True, _text(clean_text, LONG_MAX)),
    Field("optional_text name", LABEL, NAME_MAX, False, _text(optional_text, NAME_MAX)),
    Field("optional_text long", LABEL, LONG_MAX, False, _text(optional_text, LONG_MAX)),
    Field("optional_email", "Email", 254, False, lambda _w, t: optional_email(t), "email"),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
@pytest.mark.parametrize("validator", VALIDATORS, ids=str)
def test_a_validator_refuses_plainly_or_gives_the_text_exactly(validator: Field[None], case: Case):
    assert_stored_exactly_or_refused_plainly(None, validator, case)


@pytest.mark.parametrize("validator", VALIDATORS, ids=str)
def test_a_validator_takes_text_up_to_its_limit_and_names_the_limit_past_it(validator: Field[None]):
    assert_takes_text_up_to_its_limit(None, validator)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_a_code_or_username_as_typed_names_nothing_unless_it_could_be_one(case: Case):
    """lookup_key: None (the caller says "not valid") for what cannot name a record, and
    Postgres never sees a NUL byte or half a character in a query."""
    key = lookup_key(case.text)
    trimmed = case.text.strip()
    cannot_be_one = case.rule in (Rule.CONTROL, Rule.BROKEN, Rule.TOO_LONG)
    if cannot_be_one or not trimmed or len(trimmed) > CODE_MAX:
        assert key is None
    else:
        assert key == trimmed


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_a_password_is_refused_plainly_or_hashed_exactly(case: Case, monkeypatch):
    real = bcrypt.gensalt
    monkeypatch.setattr(bcrypt, "gensalt", lambda: real(rounds=4))  # the real cost: 0.25 s
    try:
        hashed = passwords.hash_new_password(case.text, ["someone", "Someone"])
    except ValidationError as error:
        assert_plain(error, "password")
        return
    # Not trimmed, not normalised: the very characters typed are the password.
    assert bcrypt.checkpw(case.text.encode(), hashed.encode())
    assert not bcrypt.checkpw(case.text.strip().encode() + b"!", hashed.encode())
