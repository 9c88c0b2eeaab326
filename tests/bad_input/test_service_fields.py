"""Every text field's service, with a database: a plain refusal naming the field, or the text
stored exactly, read back from the database.

Each validator meets the whole corpus once, without a database
(tests/bad_input/test_validators.py). Here each field meets the cases that show it is wired
to the right validator, label and limit, and that its column keeps what was accepted on
each database: blank, over every limit, a NUL byte (Postgres refuses it in text), direction
overrides (removed before storing), and a formula full of quotes and markup. Usernames and
links follow rules of their own, outside services/core/validation.py, so they meet every case.
"""

from __future__ import annotations

import bcrypt
import pytest

from db.models import Account
from services.accounts import accounts
from services.core.errors import DomainError
from tests.bad_input.corpus import CASES, Case, case
from tests.bad_input.fields import FIELDS, Field, World, read
from tests.bad_input.plain import assert_plain
from tests.bad_input.rules import (
    assert_stored_exactly_or_refused_plainly,
    assert_takes_text_up_to_its_limit,
)

# On Postgres too: text a database may refuse or cut, at each column's limit.
pytestmark = pytest.mark.both_databases

FIELD_CASES = [
    case(n) for n in ("whitespace", "100,000 characters", "NUL byte", "bidi overrides", "formula")
]
OWN_RULES = {"username", "link"}
PAIRS = [
    pytest.param(field, c, id=f"{field}-{c.name}")
    for field in FIELDS
    for c in (CASES if field.kind in OWN_RULES else FIELD_CASES)
]
# A password is stored only as its hash; the rule meets every case in test_validators.py.
PASSWORD_CASES = [
    case(n) for n in ("padded", "emoji", "NUL byte", "whitespace", "100,000 characters")
]


@pytest.mark.parametrize(("field", "case"), PAIRS)
def test_a_field_refuses_plainly_or_stores_the_text_exactly(
    world: World, field: Field[World], case
):
    assert_stored_exactly_or_refused_plainly(world, field, case)


@pytest.mark.parametrize("field", FIELDS, ids=str)
def test_a_field_takes_text_up_to_its_limit_and_names_the_limit_past_it(world, field: Field[World]):
    assert_takes_text_up_to_its_limit(world, field)


@pytest.mark.parametrize("case", PASSWORD_CASES, ids=lambda c: c.name)
def test_a_password_is_refused_plainly_or_checks_out_exactly(world: World, case: Case):
    account_id = world.ids["account"]
    try:
        accounts.set_password(world.db, world.fac, account_id, case.text)
    except DomainError as error:
        assert_plain(error, "password")
        return
    stored = read(world.db, Account, account_id, "password_hash")
    # Not trimmed, not normalised: the very characters typed are the password.
    assert bcrypt.checkpw(case.text.encode(), stored.encode())
    assert not bcrypt.checkpw(case.text.strip().encode() + b"!", stored.encode())
