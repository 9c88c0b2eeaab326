"""Codes people can read aloud and type."""

from __future__ import annotations

import pytest

from services.core import codes


def test_a_new_code_is_eight_symbols_of_the_unambiguous_alphabet():
    made = {codes.new_code() for _ in range(200)}
    assert len(made) == 200
    for code in made:
        assert len(code) == 8
        assert set(code) <= set(codes.ALPHABET)
    assert not set("01ILOU") & set(codes.ALPHABET)


def test_a_new_code_is_shown_in_two_groups_of_four():
    assert codes.display_code("K7QM4TPX") == "K7QM-4TPX"


def test_an_older_code_is_shown_as_it_is():
    assert codes.display_code("aB3-_xYz12345678") == "aB3-_xYz12345678"


@pytest.mark.parametrize("typed", ["K7QM-4TPX", "k7qm4tpx", " k7qm 4tpx ", "K7QM–4TPX"])
def test_case_spaces_and_dashes_are_forgiven(typed):
    assert codes.normalized(typed) == "K7QM4TPX"


@pytest.mark.parametrize("typed", ["", None, "K7QM-4TP", "K7QM-4TPXX", "K7QM-4TP0", "aB3-_xYz1234"])
def test_what_cannot_be_a_new_code_is_not_normalized(typed):
    assert codes.normalized(typed) is None


def test_an_older_code_is_looked_up_exactly_as_typed():
    assert codes.lookup_candidates("aB3-_xYz12345678") == ("aB3-_xYz12345678",)
    assert codes.lookup_candidates("k7qm-4tpx") == ("k7qm-4tpx", "K7QM4TPX")
    assert codes.lookup_candidates("K7QM4TPX") == ("K7QM4TPX",)
