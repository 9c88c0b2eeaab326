"""The standard agenda: a six-hour session that follows the seven skills in order.

A new meeting starts from it in one click (the facilitator then edits it); the demo uses it
too. The trust statements are the ones the survey asks before and after, unless changed.
"""

from __future__ import annotations

from db.models.enums import Skill, Step

# (title, step, skill, minutes, goal, prompt)
STANDARD_AGENDA: list[tuple[str, Step, Skill | None, int, str, str]] = [
    (
        "Welcome and purpose",
        Step.WELCOME,
        None,
        15,
        "Everyone knows why we are here and how the day will run.",
        "What would make today worth your time?",
    ),
    (
        "Active listening in pairs",
        Step.LISTEN,
        Skill.ACTIVE_LISTENING,
        30,
        "Each person is heard and paraphrased back until they say 'yes, that's it'.",
        "Tell your partner about a time you called 911 or answered a call. What happened?",
    ),
    (
        "Dialogue at the tables",
        Step.LISTEN,
        Skill.DIALOGUE,
        40,
        "Understand what each group needs from public safety, beneath its positions.",
        "What does a safe neighborhood look like to you, and what gets in the way?",
    ),
    (
        "Ideas for better 911 response",
        Step.DIVERGE,
        Skill.DIVERGENT_CONVERGENT,
        35,
        "As many ideas as the room can produce, without judging them yet.",
        "Who should respond when someone calls 911 about a person in crisis?",
    ),
    (
        "Choosing what matters most",
        Step.CONVERGE,
        Skill.DIVERGENT_CONVERGENT,
        25,
        "Find the ideas every group can back.",
        "Place your dots on the ideas you most want the city to act on.",
    ),
    (
        "Building options from best practice",
        Step.SOLVE,
        Skill.CREATIVE_PROBLEM_SOLVING,
        45,
        "Turn the top themes into options drawn from programmes that work elsewhere.",
        "How could our city adapt what Eugene, Denver or Albuquerque do?",
    ),
    (
        "Working through disagreements",
        Step.RESOLVE,
        Skill.WIN_WIN,
        35,
        "Agreements that meet the interests of both sides.",
        "What does each side need, and what option would meet both?",
    ),
    (
        "Our partnering charter",
        Step.PARTNER,
        Skill.PARTNERING,
        35,
        "A mission, ground rules and commitments every group can sign.",
        "What will your group commit to?",
    ),
    (
        "Action plan and next meeting",
        Step.ACT,
        Skill.TEAM_PROBLEM_SOLVING,
        40,
        "SMART actions with owners and dates, and when we meet to follow up.",
        "What will happen by when, and who will make sure it does?",
    ),
    (
        "Close and feedback",
        Step.CLOSE,
        None,
        10,
        "Everyone says what worked and what should change.",
        "One word for how you leave today.",
    ),
]

STANDARD_TRUST_STATEMENTS = [
    "The police department listens to residents like me.",
    "People like me have a say in public safety decisions.",
    "When I call 911, I trust the right kind of help will come.",
]
