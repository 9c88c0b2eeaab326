"""Every model, imported here so the metadata is complete for Alembic and create_all."""

from db.models.actions import ActionItem, ActionUpdate
from db.models.agenda_review import AgendaApproval, AgendaComment
from db.models.agreements import Charter, Commitment, Conflict, ConflictParty, Signature
from db.models.audit import AuditEntry, SigninHandoff, SigninThrottle
from db.models.base import Base, utcnow
from db.models.meeting import AgendaItem, Meeting, MeetingTable
from db.models.people import Account, Initiative, Participant, Stakeholder
from db.models.prepare import Interview, SurveyResponse
from db.models.room import Idea, ListeningNote, Theme
from db.models.solve import BestPractice, Option, OptionRating, option_citation
from db.models.translations import ContentLanguage, ContentTranslation
from db.models.voting import Ballot, RoundItem, Vote, VotingRound

__all__ = [
    "Account",
    "ActionItem",
    "ActionUpdate",
    "AgendaApproval",
    "AgendaComment",
    "AgendaItem",
    "AuditEntry",
    "Ballot",
    "Base",
    "BestPractice",
    "Charter",
    "Commitment",
    "Conflict",
    "ConflictParty",
    "ContentLanguage",
    "ContentTranslation",
    "Idea",
    "Initiative",
    "Interview",
    "ListeningNote",
    "Meeting",
    "MeetingTable",
    "Option",
    "OptionRating",
    "Participant",
    "RoundItem",
    "Signature",
    "SigninHandoff",
    "SigninThrottle",
    "Stakeholder",
    "SurveyResponse",
    "Theme",
    "Vote",
    "VotingRound",
    "option_citation",
    "utcnow",
]
