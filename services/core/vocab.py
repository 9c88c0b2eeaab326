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
from i18n import N_, _, pgettext

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

_LABELS = {
    "facilitator": N_("Facilitator"),
    "scribe": N_("Scribe"),
    "leader": N_("Leader"),
    "mayors_office": N_("Mayor's Office"),
    "police_department": N_("Police department"),
    "city_council": N_("City council"),
    "community_police_commission": N_("Community police commission"),
    "residents_911": N_("Residents who call 911"),
    "youth": N_("Youth"),
    "social_services": N_("Social services"),
    "bridge_building": N_("Bridge building"),
    "business": N_("Business"),
    "faith": N_("Faith"),
    "other": N_("Other"),
    "active_listening": N_("Active listening"),
    "dialogue": N_("Dialogue"),
    "divergent_convergent": N_("Divergent and convergent thinking"),
    "creative_problem_solving": N_("Creative problem solving"),
    "win_win": N_("Win-win conflict resolution"),
    "partnering": N_("Partnering"),
    "team_problem_solving": N_("Collaborative team problem-solving"),
    "welcome": N_("Welcome"),
    "listen": N_("Listen"),
    "diverge": N_("Diverge"),
    "converge": N_("Converge"),
    "solve": N_("Solve"),
    "resolve": N_("Resolve"),
    "partner": N_("Partner"),
    "act": N_("Act"),
    "break": N_("Break"),
    "close": N_("Close"),
    "planned": N_("Planned"),
    "live": N_("Live"),
    "closed": N_("Closed"),
    "draft": N_("Draft"),
    "approved": N_("Approved"),
    "pre": N_("Pre"),
    "post": N_("Post"),
    "pending": N_("Pending"),
    "visible": N_("Visible"),
    "hidden": N_("Hidden"),
    "merged": N_("Merged"),
    "dots": N_("Dot voting"),
    "agree_disagree": N_("Agree / disagree / pass"),
    "open": N_("Open"),
    "agree": N_("Agree"),
    "disagree": N_("Disagree"),
    "pass": N_("Pass"),
    "civilian_responder": N_("Civilian responder"),
    "co_responder": N_("Co responder"),
    "cit_training": N_("Crisis intervention team training"),
    "call_triage": N_("911 call triage and diversion"),
    "violence_intervention": N_("Violence intervention"),
    "low": N_("Low"),
    "medium": N_("Medium"),
    "high": N_("High"),
    "exploring": N_("Exploring"),
    "agreed": N_("Agreed"),
    "parked": N_("Parked"),
    "not_started": N_("Not started"),
    "in_progress": N_("In progress"),
    "done": N_("Done"),
    "blocked": N_("Blocked"),
}
"""Each stored value's words in English, the catalogue's source; `label` translates them."""


def label(value: object) -> str:
    """A human label for an enum member or its value, in the reader's language:
    'in_progress' -> 'In progress'."""
    if value is ConflictStatus.OPEN:
        # Spanish gives a status its record's gender: a round, a meeting, an agenda and an
        # action are feminine ("Abierta"), a conflict ("conflicto") is not ("Abierto").
        # Its other statuses read alike for both.
        return pgettext("conflict status", "Open")
    raw = getattr(value, "value", value)
    text = str(raw)
    english = _LABELS.get(text, text.replace("_", " ").capitalize())
    return _(english) if english else english
