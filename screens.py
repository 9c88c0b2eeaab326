"""Every screen, its address and who may open it. Addresses are printed on paper: keep them."""

from __future__ import annotations

from dataclasses import dataclass

from i18n import N_
from services.core.vocab import Role

FACILITATOR, SCRIBE, LEADER = Role.FACILITATOR, Role.SCRIBE, Role.LEADER
SIGNED_IN = frozenset(Role)
EVERYONE: frozenset[Role | None] = frozenset({*Role, None})
"""None is a visitor with no account: a participant or the projector, with a code."""

# The menu follows the meeting's arc, so a person finds a screen by when they need it.
# Stages and titles are English here, translated where they are shown (`_(screen.title)`).
BEFORE, IN_THE_ROOM, AFTER = N_("Before"), N_("In the room"), N_("After")
STAGES = (BEFORE, IN_THE_ROOM, AFTER)


@dataclass(frozen=True)
class Screen:
    """One page of the app."""

    file: str
    title: str
    url_path: str
    icon: str
    roles: frozenset[Role | None]
    stage: str | None = None
    """Its section of the menu; None: Home, or a screen opened with a participant's or a
    meeting's code, which staff never use from the menu."""


HOME = Screen("views/home.py", N_("Home"), "", ":material/home:", EVERYONE)

SCREENS: tuple[Screen, ...] = (
    Screen(
        "views/setup.py",
        N_("Set up"),
        "setup",
        ":material/settings:",
        frozenset({FACILITATOR}),
        BEFORE,
    ),
    Screen(
        "views/prepare.py",
        N_("Prepare"),
        "prepare",
        ":material/assignment:",
        frozenset({FACILITATOR, LEADER}),
        BEFORE,
    ),
    Screen(
        "views/agenda.py",
        N_("Agenda"),
        "agenda",
        ":material/list_alt:",
        frozenset({FACILITATOR, LEADER}),
        BEFORE,
    ),
    Screen(
        "views/console.py",
        N_("Console"),
        "console",
        ":material/cast:",
        frozenset({FACILITATOR}),
        IN_THE_ROOM,
    ),
    Screen(
        "views/listen.py",
        N_("Listen"),
        "listen",
        ":material/hearing:",
        frozenset({FACILITATOR, SCRIBE}),
        IN_THE_ROOM,
    ),
    Screen(
        "views/ideas.py",
        N_("Ideas"),
        "ideas",
        ":material/lightbulb:",
        frozenset({FACILITATOR, SCRIBE}),
        IN_THE_ROOM,
    ),
    Screen(
        "views/converge.py",
        N_("Converge"),
        "converge",
        ":material/how_to_vote:",
        frozenset({FACILITATOR, LEADER}),
        IN_THE_ROOM,
    ),
    Screen(
        "views/solve.py",
        N_("Solve"),
        "solve",
        ":material/construction:",
        frozenset({FACILITATOR, SCRIBE}),
        IN_THE_ROOM,
    ),
    Screen(
        "views/conflicts.py",
        N_("Conflicts"),
        "conflicts",
        ":material/handshake:",
        frozenset({FACILITATOR, SCRIBE}),
        IN_THE_ROOM,
    ),
    Screen(
        "views/charter.py",
        N_("Charter"),
        "charter",
        ":material/draw:",
        frozenset({FACILITATOR, LEADER}),
        AFTER,
    ),
    Screen(
        "views/actions.py",
        N_("Actions"),
        "actions",
        ":material/task_alt:",
        frozenset({FACILITATOR, LEADER}),
        AFTER,
    ),
    Screen(
        "views/review.py",
        N_("Review"),
        "review",
        ":material/summarize:",
        frozenset({FACILITATOR, LEADER}),
        AFTER,
    ),
    Screen("views/survey.py", N_("Survey"), "survey", ":material/quiz:", EVERYONE),
    Screen("views/vote.py", N_("Vote"), "vote", ":material/touch_app:", EVERYONE),
    Screen("views/projector.py", N_("Projector"), "projector", ":material/tv:", EVERYONE),
)


def screens_for(role: Role | None) -> list[Screen]:
    """The screens registered for `role` (None: not signed in), home first."""
    return [HOME, *(s for s in SCREENS if role in s.roles)]


def listed_for(role: Role) -> dict[str, list[Screen]]:
    """The screens a signed-in `role` finds in its menu, by stage in the meeting's order;
    a stage where it has nothing is left out. Home and the code screens are not in it."""
    by_stage = {
        stage: [s for s in SCREENS if s.stage == stage and role in s.roles] for stage in STAGES
    }
    return {stage: screens for stage, screens in by_stage.items() if screens}
