"""Codes and usernames that name nothing: every look-up says "not valid", on both backends.

A code arrives from a link (`vote?code=…`, `projector?code=…`, `survey?code=…`) and a
username from the sign-in box, so either can hold anything; Postgres refuses a NUL byte
even inside a query, which must never surface as a driver's error. The whole corpus meets
lookup_key, which every look-up goes through, in test_validators.py; here the look-ups
meet a case of each kind it must stop or let through, and codes that are nearly right.
"""

from __future__ import annotations

import pytest

from services.accounts import signin_accounts
from services.converge import voting_ballots
from services.core.errors import NotFound
from services.prepare import surveys
from services.setup import meetings, participants
from tests.bad_input.corpus import case
from tests.bad_input.fields import World
from tests.bad_input.plain import LEAKS

# On Postgres too: look-ups in any case, and text Postgres refuses inside a query.
pytestmark = pytest.mark.both_databases

# Stopped by lookup_key (blank, over-long, NUL, other control characters, half a
# character), then passed on to the query (invisible only, SQL, non-Latin, emoji).
HOSTILE = [
    "empty",
    "whitespace",
    "100,000 characters",
    "NUL byte",
    "bell and escape",
    "lone surrogate",
    "zero-width only",
    "sql",
    "right-to-left",
    "emoji",
]
BAD_CODES = [case(n).text for n in HOSTILE] + [
    "wrong",
    "meet-code ",
    "MEET-CODE",
    "x" * 33,
    "%00",
    "'",
    "%",
    "code-_",
]
NEARLY = ["wrong", "a meeting code", "capitals", "33", "escaped", "quote", "percent", "wildcard"]
IDS = HOSTILE + NEARLY


@pytest.mark.parametrize("code", BAD_CODES, ids=IDS)
def test_a_bad_code_names_no_participant_meeting_or_login(world: World, code: str):
    assert participants.participant_by_code(world.db, code) is None
    assert signin_accounts.get_account_by_username(world.db, code) is None
    assert signin_accounts.actor_for_username(world.db, code) is None
    if code != "meet-code ":
        assert meetings.meeting_by_code(world.db, code) is None


@pytest.mark.parametrize("code", BAD_CODES, ids=IDS)
def test_a_bad_code_gets_not_valid_from_the_survey_and_the_ballot(world: World, code: str):
    calls = [
        lambda: surveys.survey_stage(world.db, code),
        lambda: surveys.get_response(world.db, code, "pre"),
        lambda: surveys.submit_survey(
            world.db, code, "pre", surveys.SurveyFields(goals="Safer streets")
        ),
        lambda: voting_ballots.open_ballots(world.db, code),
        lambda: voting_ballots.set_dots(world.db, code, 1, 1),
        lambda: voting_ballots.choose(world.db, code, 1, "agree"),
    ]
    for call in calls:
        with pytest.raises(NotFound) as refused:
            call()
        message = refused.value.message
        assert "link is not valid" in message
        assert not any(leak in message for leak in LEAKS)


def test_a_good_code_still_works_with_spaces_around_it(world: World):
    person = participants.participant_by_code(world.db, "  code-0\n")
    meeting = meetings.meeting_by_code(world.db, " meet-code ")
    account = signin_accounts.get_account_by_username(world.db, " FAC ")
    assert person is not None and person.code == "code-0"
    assert meeting is not None and meeting.code == "meet-code"
    assert account is not None and account.username == "fac"
