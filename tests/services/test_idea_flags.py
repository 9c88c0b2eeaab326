"""The second-look flags on a pre-moderated idea: what trips them, and what must not."""

import time

import pytest

from services.room.idea_flags import EMAIL, PHONE, PROFANITY, ROSTER_NAME, Flag, flag_idea
from tests.bad_input.corpus import CASES, Case, Rule

ROSTER = ["Maria Elena López", "Jordan", "Nguyen, Thanh", "Sam O'Brien"]


def _reasons(text: str, roster=ROSTER) -> list[str]:
    return [f.reason for f in flag_idea(text, roster)]


def _kinds(text: str, roster=ROSTER) -> list[str]:
    return [f.kind for f in flag_idea(text, roster)]


@pytest.mark.parametrize(
    ("text", "word", "language"),
    [
        ("This plan is bullshit", "bullshit", "English"),
        ("What the FUCKING hell", "fucking", "English"),
        ("Tell that son of a bitch", "son of a bitch", "English"),
        ("Es una mierda", "mierda", "Spanish"),
        ("ese CABRÓN no escucha", "cabron", "Spanish"),
        ("no seas pendejo", "pendejo", "Spanish"),
        ("¡Qué coño!", "coño", "Spanish"),
    ],
)
def test_profanity_in_english_and_spanish_is_flagged_and_named(text, word, language):
    assert _reasons(text) == [f"may be profanity or a slur ({language}): “{word}”"]


@pytest.mark.parametrize(
    "text",
    [
        # Scunthorpe: the listed words inside ordinary ones.
        "Scunthorpe and Essex sent a class of assassins to the cocktail bar",
        "Shitake mushrooms at the Dickens festival; the cockpit crew; Penistone road",
        "La computadora de la disputa; el año pasado; un cono de tráfico",
        "Assess the assistance; a cumulative grassroots pass; therapist",
        "Fire-retardant blankets for the shelter",
        "",
    ],
)
def test_ordinary_words_that_contain_a_listed_one_are_not_flagged(text):
    assert flag_idea(text, ROSTER) == []


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Call (206) 555-0134 tonight", "(206) 555-0134"),
        ("206-555-0134", "206-555-0134"),
        ("text 206.555.0134 please", "206.555.0134"),
        ("ring 206 555 0134", "206 555 0134"),
        ("ring 2065550134", "2065550134"),
        ("+1 206 555 0134 is the desk", "+1 206 555 0134"),
        ("dial 1-206-555-0134", "1-206-555-0134"),
        ("my cell is 555-0134.", "555-0134"),
        ("en España: +34 612 345 678", "+34 612 345 678"),
        ("London +44 (0)20 7946 0958", "+44 (0)20 7946 0958"),
    ],
)
def test_phone_numbers_in_us_and_international_formats_are_flagged(text, number):
    assert _reasons(text) == [f"looks like a phone number: {number}"]


@pytest.mark.parametrize(
    "text",
    [
        "Fewer 911 calls should go to patrol; 311 takes the rest",
        "A budget of $1,500,000 for 2024-2025",
        "10-15 people per table, from 6:30 to 8:00 on 12/05/2024",
        "Route 66 and Highway 101 by 2030",
        "Case 2024 3 was closed",
        "Version 1.2.3 of the plan, +5 minutes",
    ],
)
def test_numbers_that_are_not_phones_are_not_flagged(text):
    assert flag_idea(text, ROSTER) == []


def test_an_email_address_is_flagged_and_a_handle_is_not():
    assert _reasons("Write to Jo.Smith+city@example.org today") == [
        "looks like an email address: Jo.Smith+city@example.org"
    ]
    assert flag_idea("Follow @SeattlePD and email the city", ROSTER) == []


def test_a_roster_person_named_in_full_is_flagged_by_their_roster_name():
    assert _reasons("Maria Elena Lopez said the shelter is full") == [
        "names a person on the roster: Maria Elena López"
    ]
    # First and last name without the middle, any case, any accents.
    assert _reasons("ask MARIA  lópez") == ["names a person on the roster: Maria Elena López"]
    # A roster that lists last names first still means the person.
    assert _reasons("Thanh Nguyen knows") == ["names a person on the roster: Thanh Nguyen"]
    assert _reasons("Sam O'Brien runs it") == ["names a person on the roster: Sam O'Brien"]


def test_first_names_alone_and_strangers_are_not_roster_flags():
    assert flag_idea("Maria and Jordan agreed; Lopez Street needs lights", ROSTER) == []
    assert flag_idea("Mariana Lopezzi spoke", ROSTER) == []
    assert flag_idea("Maria Elena Lopez", []) == []


def test_every_reason_is_listed_once_in_order():
    text = "Fuck this, call Maria Lopez at 206-555-0134 or maria@example.org, fuck"
    assert _kinds(text) == [PROFANITY, PHONE, EMAIL, ROSTER_NAME]


def test_every_awkward_input_gets_an_answer_quickly():
    """Whatever reaches the board (the bad-input corpus: long, RTL, emoji, control
    characters, broken surrogates) is read without an error and without a slow pattern."""
    long_name = "Ana " * 3000 + "x@y"
    started = time.perf_counter()
    for case in [*CASES, Case("long", long_name, Rule.EXACT)]:
        flags = flag_idea(case.text, ROSTER)
        assert all(isinstance(f, Flag) and f.reason for f in flags)
    assert time.perf_counter() - started < 2.0
