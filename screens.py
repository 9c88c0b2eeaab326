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


HOME = Screen("pages/home.py", "Home", "", ":material/home:", EVERYONE)

SCREENS: tuple[Screen, ...] = (
    Screen("pages/setup.py", "Set up", "setup", ":material/settings:", frozenset({FACILITATOR})),
    Screen(
        "pages/prepare.py",
        "Prepare",
        "prepare",
        ":material/assignment:",
        frozenset({FACILITATOR, LEADER}),
    ),
    Screen(
        "pages/agenda.py",
        "Agenda",
        "agenda",
        ":material/list_alt:",
        frozenset({FACILITATOR, LEADER}),
    ),
    Screen("pages/console.py", "Console", "console", ":material/cast:", frozenset({FACILITATOR})),
    Screen(
        "pages/listen.py",
        "Listen",
        "listen",
        ":material/hearing:",
        frozenset({FACILITATOR, SCRIBE}),
    ),
    Screen(
        "pages/ideas.py", "Ideas", "ideas", ":material/lightbulb:", frozenset({FACILITATOR, SCRIBE})
    ),
    Screen(
        "pages/converge.py",
        "Converge",
        "converge",
        ":material/how_to_vote:",
        frozenset({FACILITATOR, LEADER}),
    ),
    Screen(
        "pages/solve.py",
        "Solve",
        "solve",
        ":material/construction:",
        frozenset({FACILITATOR, SCRIBE}),
    ),
    Screen(
        "pages/conflicts.py",
        "Conflicts",
        "conflicts",
        ":material/handshake:",
        frozenset({FACILITATOR, SCRIBE}),
    ),
    Screen(
        "pages/charter.py",
        "Charter",
        "charter",
        ":material/draw:",
        frozenset({FACILITATOR, LEADER}),
    ),
    Screen(
        "pages/actions.py",
        "Actions",
        "actions",
        ":material/task_alt:",
        frozenset({FACILITATOR, LEADER}),
    ),
    Screen(
        "pages/review.py",
        "Review",
        "review",
        ":material/summarize:",
        frozenset({FACILITATOR, LEADER}),
    ),
    Screen("pages/survey.py", "Survey", "survey", ":material/quiz:", EVERYONE),
    Screen("pages/vote.py", "Vote", "vote", ":material/touch_app:", EVERYONE),
    Screen("pages/projector.py", "Projector", "projector", ":material/tv:", EVERYONE),
)


def screens_for(role: Role | None) -> list[Screen]:
    """The screens registered for `role` (None: not signed in), home first."""
    return [HOME, *(s for s in SCREENS if role in s.roles)]
