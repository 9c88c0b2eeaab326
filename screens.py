"""Every screen, its address and who may open it. Addresses are printed on paper: keep them."""

from __future__ import annotations

from dataclasses import dataclass

from services.vocab import Role

FACILITATOR, SCRIBE, LEADER = Role.FACILITATOR, Role.SCRIBE, Role.LEADER
SIGNED_IN = frozenset(Role)
EVERYONE: frozenset[Role | None] = frozenset({*Role, None})
"""None is a visitor with no account: a participant or the projector, with a code."""


@dataclass(frozen=True)
class Screen:
    """One page of the app."""

    file: str
    title: str
    url_path: str
    icon: str
    roles: frozenset[Role | None]


HOME = Screen("views/home.py", "Home", "", ":material/home:", EVERYONE)

SCREENS: tuple[Screen, ...] = (
    Screen("views/setup.py", "Set up", "setup", ":material/settings:", frozenset({FACILITATOR})),
    Screen(
        "views/prepare.py",
        "Prepare",
        "prepare",
        ":material/assignment:",
        frozenset({FACILITATOR, LEADER}),
    ),
    Screen(
        "views/agenda.py",
        "Agenda",
        "agenda",
        ":material/list_alt:",
        frozenset({FACILITATOR, LEADER}),
    ),
    Screen("views/console.py", "Console", "console", ":material/cast:", frozenset({FACILITATOR})),
    Screen(
        "views/listen.py",
        "Listen",
        "listen",
        ":material/hearing:",
        frozenset({FACILITATOR, SCRIBE}),
    ),
    Screen(
        "views/ideas.py", "Ideas", "ideas", ":material/lightbulb:", frozenset({FACILITATOR, SCRIBE})
    ),
    Screen(
        "views/converge.py",
        "Converge",
        "converge",
        ":material/how_to_vote:",
        frozenset({FACILITATOR, LEADER}),
    ),
    Screen(
        "views/solve.py",
        "Solve",
        "solve",
        ":material/construction:",
        frozenset({FACILITATOR, SCRIBE}),
    ),
    Screen(
        "views/conflicts.py",
        "Conflicts",
        "conflicts",
        ":material/handshake:",
        frozenset({FACILITATOR, SCRIBE}),
    ),
    Screen(
        "views/charter.py",
        "Charter",
        "charter",
        ":material/draw:",
        frozenset({FACILITATOR, LEADER}),
    ),
    Screen(
        "views/actions.py",
        "Actions",
        "actions",
        ":material/task_alt:",
        frozenset({FACILITATOR, LEADER}),
    ),
    Screen(
        "views/review.py",
        "Review",
        "review",
        ":material/summarize:",
        frozenset({FACILITATOR, LEADER}),
    ),
    Screen("views/survey.py", "Survey", "survey", ":material/quiz:", EVERYONE),
    Screen("views/vote.py", "Vote", "vote", ":material/touch_app:", EVERYONE),
    Screen("views/projector.py", "Projector", "projector", ":material/tv:", EVERYONE),
)


def screens_for(role: Role | None) -> list[Screen]:
    """The screens registered for `role` (None: not signed in), home first."""
    return [HOME, *(s for s in SCREENS if role in s.roles)]
