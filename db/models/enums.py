"""The closed vocabularies of the domain: roles, steps, skills, modes and statuses."""

from enum import StrEnum


class Role(StrEnum):
    """What a signed-in account may do."""

    FACILITATOR = "facilitator"
    SCRIBE = "scribe"
    LEADER = "leader"


class StakeholderCategory(StrEnum):
    """The kinds of group the process brings into the room."""

    MAYORS_OFFICE = "mayors_office"
    POLICE_DEPARTMENT = "police_department"
    CITY_COUNCIL = "city_council"
    COMMUNITY_POLICE_COMMISSION = "community_police_commission"
    RESIDENTS_911 = "residents_911"
    YOUTH = "youth"
    SOCIAL_SERVICES = "social_services"
    BRIDGE_BUILDING = "bridge_building"
    BUSINESS = "business"
    FAITH = "faith"
    OTHER = "other"


class Skill(StrEnum):
    """The seven citizen leadership skills."""

    ACTIVE_LISTENING = "active_listening"
    DIALOGUE = "dialogue"
    DIVERGENT_CONVERGENT = "divergent_convergent"
    CREATIVE_PROBLEM_SOLVING = "creative_problem_solving"
    WIN_WIN = "win_win"
    PARTNERING = "partnering"
    TEAM_PROBLEM_SOLVING = "team_problem_solving"


class Step(StrEnum):
    """What the room is doing during an agenda item; decides what screens show."""

    WELCOME = "welcome"
    LISTEN = "listen"
    DIVERGE = "diverge"
    CONVERGE = "converge"
    SOLVE = "solve"
    RESOLVE = "resolve"
    PARTNER = "partner"
    ACT = "act"
    BREAK = "break"
    CLOSE = "close"


class MeetingStatus(StrEnum):
    PLANNED = "planned"
    LIVE = "live"
    CLOSED = "closed"


class AgendaStatus(StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"


class SurveyKind(StrEnum):
    PRE = "pre"
    POST = "post"


class IdeaStatus(StrEnum):
    # Waiting for the facilitator's approval in a pre-moderated step.
    PENDING = "pending"
    VISIBLE = "visible"
    HIDDEN = "hidden"
    MERGED = "merged"


class VoteMode(StrEnum):
    DOTS = "dots"
    AGREE_DISAGREE = "agree_disagree"


class RoundStatus(StrEnum):
    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"


class Choice(StrEnum):
    AGREE = "agree"
    DISAGREE = "disagree"
    PASS = "pass"


class ResponseModel(StrEnum):
    """Models of response to 911 and crisis calls in the best-practice library."""

    CIVILIAN_RESPONDER = "civilian_responder"
    CO_RESPONDER = "co_responder"
    CIT_TRAINING = "cit_training"
    CALL_TRIAGE = "call_triage"
    VIOLENCE_INTERVENTION = "violence_intervention"
    OTHER = "other"


class CostBand(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class ConflictStatus(StrEnum):
    OPEN = "open"
    EXPLORING = "exploring"
    AGREED = "agreed"
    PARKED = "parked"


class ActionStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    BLOCKED = "blocked"
