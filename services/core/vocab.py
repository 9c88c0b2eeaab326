"""The domain's closed vocabularies and their labels, for pages that may not import db."""

from db.models.enums import (
    ActionStatus,
    AgendaStatus,
    Choice,
    ConflictStatus,
    CostBand,
    IdeaStatus,
    MeetingStatus,
    ResponseModel,
    Role,
    RoundStatus,
    Skill,
    StakeholderCategory,
    Step,
    SurveyKind,
    VoteMode,
)

__all__ = [
    "ActionStatus",
    "AgendaStatus",
    "Choice",
    "ConflictStatus",
    "CostBand",
    "IdeaStatus",
    "MeetingStatus",
    "ResponseModel",
    "Role",
    "RoundStatus",
    "Skill",
    "StakeholderCategory",
    "Step",
    "SurveyKind",
    "VoteMode",
    "label",
]

_SPECIAL = {
    "mayors_office": "Mayor's Office",
    "residents_911": "Residents who call 911",
    "cit_training": "Crisis intervention team training",
    "call_triage": "911 call triage and diversion",
    "divergent_convergent": "Divergent and convergent thinking",
    "win_win": "Win-win conflict resolution",
    "team_problem_solving": "Collaborative team problem-solving",
    "agree_disagree": "Agree / disagree / pass",
    "dots": "Dot voting",
}


def label(value: object) -> str:
    """A human label for an enum member or its value: 'in_progress' -> 'In progress'."""
    raw = getattr(value, "value", value)
    text = str(raw)
    return _SPECIAL.get(text, text.replace("_", " ").capitalize())
