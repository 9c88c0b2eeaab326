"""The menu by stage: each role finds its screens under Before, In the room and After."""

from __future__ import annotations

import pytest

from screens import HOME, SCREENS, STAGES, listed_for, screens_for
from services.core.vocab import Role

CODE_SCREENS = {"Survey", "Vote", "Projector"}


def titles_by_stage(role: Role) -> dict[str, list[str]]:
    return {stage: [s.title for s in group] for stage, group in listed_for(role).items()}


def test_a_facilitator_finds_every_staff_screen_by_stage():
    assert titles_by_stage(Role.FACILITATOR) == {
        "Before": ["Set up", "Prepare", "Agenda"],
        "In the room": ["Console", "Listen", "Ideas", "Converge", "Solve", "Conflicts"],
        "After": ["Charter", "Actions", "Review"],
    }


def test_a_leader_finds_preparation_converging_and_what_follows():
    assert titles_by_stage(Role.LEADER) == {
        "Before": ["Prepare", "Agenda"],
        "In the room": ["Converge"],
        "After": ["Charter", "Actions", "Review"],
    }


def test_a_scribe_finds_only_the_rooms_tablet_screens():
    assert titles_by_stage(Role.SCRIBE) == {
        "In the room": ["Listen", "Ideas", "Solve", "Conflicts"],
    }


@pytest.mark.parametrize("role", list(Role))
def test_the_menu_lists_only_registered_screens_and_never_the_code_screens(role):
    listed = [s for group in listed_for(role).values() for s in group]
    assert set(listed) <= set(screens_for(role))
    assert not CODE_SCREENS & {s.title for s in listed}
    assert HOME not in listed
    # Every registered screen is in the menu or is one the code holders open.
    unlisted = set(screens_for(role)) - set(listed) - {HOME}
    assert {s.title for s in unlisted} == CODE_SCREENS


def test_every_screen_but_the_code_screens_has_a_stage():
    assert {s.title for s in SCREENS if s.stage is None} == CODE_SCREENS
    assert all(s.stage in STAGES for s in SCREENS if s.stage is not None)


def test_the_printed_addresses_are_unchanged():
    assert [s.url_path for s in (HOME, *SCREENS)] == [
        "",
        "setup",
        "prepare",
        "agenda",
        "console",
        "listen",
        "ideas",
        "converge",
        "solve",
        "conflicts",
        "charter",
        "actions",
        "review",
        "survey",
        "vote",
        "projector",
    ]
