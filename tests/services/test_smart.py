"""The SMART check: which letters an action misses, each with what to add."""

from datetime import date, timedelta

import pytest

from services.act import smart
from services.act.action_fields import ActionFields

TODAY = date.today()
HOW = "Train two call takers a month in crisis triage"


def _fields(title, description, measure, owner, due_on) -> ActionFields:
    return ActionFields(
        title=title,
        description=description,
        measure=measure,
        owner_participant_id=owner,
        due_on=due_on,
    )


def test_a_complete_action_passes_the_smart_check():
    assert smart.smart_check(_fields("T", HOW, "Done when", 1, TODAY), TODAY) == []


@pytest.mark.parametrize(
    ("changes", "letters"),
    [
        ({"title": " "}, ["S"]),
        ({"description": "Too short"}, ["S"]),
        ({"measure": ""}, ["M"]),
        ({"owner": None}, ["A"]),
        ({"due_on": None}, ["T"]),
        ({"due_on": TODAY - timedelta(days=1)}, ["T"]),
        (
            {"title": "", "description": "", "measure": "", "owner": None, "due_on": None},
            ["S", "M", "A", "T"],
        ),
    ],
)
def test_the_smart_check_names_each_missing_letter(changes, letters):
    args = {"title": "T", "description": HOW, "measure": "M", "owner": 1, "due_on": TODAY} | changes
    gaps = smart.smart_check(
        _fields(args["title"], args["description"], args["measure"], args["owner"], args["due_on"]),
        TODAY,
    )
    assert [g.letter for g in gaps] == letters
    assert all(g.message for g in gaps)
