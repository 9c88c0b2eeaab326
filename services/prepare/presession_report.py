"""What people brought before the meeting: survey response, words, interviews and Pol.is."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

import i18n
from adapters.wordfreq import word_frequencies
from db.database import Database
from db.models import (
    AuditEntry,
    Initiative,
    Interview,
    Meeting,
    Participant,
    Stakeholder,
    SurveyResponse,
    VotingRound,
)
from db.models.enums import Role, SurveyKind
from i18n import N_
from services.converge.tallies import (
    CommonGround,
    results_in,
    unite_and_divide,
    why_no_common_ground,
)
from services.core import membership
from services.core.actors import Actor, require_role
from services.core.roster_scope import PRESENT
from services.core.validation import require
from services.prepare.polis_export import DEFAULT_ATTRIBUTION
from services.review.trust_pulse import TrustChange, pulse_of
from services.translations.shown import Stored, with_original
from services.translations.translate import field_translations, fields_shown

# The report and its documents are asked for from here; presession_document renders them.

TOP_WORDS = 15
TOP_STATEMENTS = 5
POLIS_PREFIX = "Pol.is:"


@dataclass(frozen=True)
class GroupResponse:
    """A stakeholder group's pre-survey response: `rate` is None when no one was invited."""

    group: str
    invited: int
    responded: int
    rate: float | None


@dataclass(frozen=True)
class InterviewNote:
    """What a non-confidential interview raised; its notes stay on the Interviews page."""

    interviewee: str
    held_on: date | None
    themes: str


@dataclass(frozen=True)
class PolisSummary:
    """An imported Pol.is round's statements that unite and divide the groups, with credit."""

    title: str
    unite: tuple[CommonGround, ...]
    divide: tuple[CommonGround, ...]
    attribution: str
    not_computed: str | None = None
    """Why no common ground could be computed (no groups or no votes), in words."""


@dataclass(frozen=True)
class PreSessionReport:
    """Everything the pre-session report shows; word counts are most used first."""

    initiative: str
    city: str
    responses: tuple[GroupResponse, ...]
    top_issues: dict[str, int]
    solutions: dict[str, int]
    goals: dict[str, int]
    interviews: tuple[InterviewNote, ...]
    polis: PolisSummary | None
    # Each group's answers to the trust questions; means of small groups already withheld.
    trust: tuple[TrustChange, ...] = ()


def presession_report(db: Database, actor: Actor, initiative_id: int) -> PreSessionReport:
    """The initiative's pre-session report, ready for `report_html` or `report_pdf`."""
    require_role(actor, Role.FACILITATOR, Role.LEADER)
    with db.read() as s:
        membership.require_member(s, actor, initiative_id)
        return presession_report_in(s, initiative_id)


def presession_report_in(s: Session, initiative_id: int) -> PreSessionReport:
    """`presession_report` inside a read the caller holds, after it has checked the actor.

    Confidential interviews are left out for everyone: the report goes round the room.
    """
    initiative = require(s, Initiative, initiative_id, N_("initiative"))
    answers = list(
        s.scalars(
            select(SurveyResponse)
            .join(Participant, Participant.id == SurveyResponse.participant_id)
            .where(
                Participant.initiative_id == initiative_id,
                SurveyResponse.kind == SurveyKind.PRE,
            )
        )
    )
    interviews = s.scalars(
        select(Interview)
        .where(Interview.initiative_id == initiative_id, Interview.confidential.is_(False))
        .order_by(Interview.held_on.desc().nulls_last(), Interview.id.desc())
    )
    held = list(interviews)
    # The themes an interview raised, in the reader's language where someone translated
    # them, the original beside them (the report opens nothing).
    language = i18n.current()
    stored = field_translations(s, "interview", [i.id for i in held], language, ("themes",))
    notes = tuple(
        InterviewNote(i.interviewee, i.held_on, _themes(i, stored, language)) for i in held
    )
    return PreSessionReport(
        initiative=initiative.name,
        city=initiative.city,
        responses=_responses(s, initiative_id),
        top_issues=word_frequencies((a.top_issues for a in answers), TOP_WORDS, once_per_text=True),
        solutions=word_frequencies((a.solutions for a in answers), TOP_WORDS, once_per_text=True),
        goals=word_frequencies((a.goals for a in answers), TOP_WORDS, once_per_text=True),
        interviews=notes,
        polis=_polis(s, initiative_id),
        trust=tuple(pulse_of(s, initiative_id)),
    )


def _responses(s: Session, initiative_id: int) -> tuple[GroupResponse, ...]:
    # Invited: everyone on the roster who can come, not voters of an imported conversation.
    people = select(Participant.stakeholder_id, func.count()).where(
        Participant.initiative_id == initiative_id, PRESENT
    )
    answered = people.join(SurveyResponse, SurveyResponse.participant_id == Participant.id).where(
        SurveyResponse.kind == SurveyKind.PRE
    )
    invited, responded = (
        Counter(dict(s.execute(q.group_by(Participant.stakeholder_id)).all()))
        for q in (people, answered)
    )
    groups = s.execute(
        select(Stakeholder.id, Stakeholder.name)
        .where(Stakeholder.initiative_id == initiative_id)
        .order_by(func.lower(Stakeholder.name))
    )
    return tuple(
        GroupResponse(name, invited[gid], responded[gid], _rate(responded[gid], invited[gid]))
        for gid, name in groups
    )


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _themes(i: Interview, stored: Mapping[tuple[int, str], Stored], language: str) -> str:
    words = fields_shown(i.id, {"themes": i.themes}, stored, language).get("themes")
    return with_original(words) if words is not None else i.themes


def _polis(s: Session, initiative_id: int) -> PolisSummary | None:
    # The latest import, should a meeting have had more than one conversation.
    rnd = s.scalar(
        select(VotingRound)
        .join(Meeting, Meeting.id == VotingRound.meeting_id)
        .where(Meeting.initiative_id == initiative_id, VotingRound.title.startswith(POLIS_PREFIX))
        .order_by(VotingRound.id.desc())
        .limit(1)
    )
    if rnd is None:
        return None
    credit = s.scalar(
        select(AuditEntry.detail)
        .where(AuditEntry.entity == "voting_round", AuditEntry.entity_id == rnd.id)
        .where(AuditEntry.action == "imported")
        .order_by(AuditEntry.id.desc())
        .limit(1)
    )
    ranking = results_in(s, rnd.id).ranking
    attribution = (credit or {}).get("attribution") or DEFAULT_ATTRIBUTION
    if reason := why_no_common_ground(ranking):
        return PolisSummary(rnd.title, (), (), attribution, not_computed=reason)
    unite, divide = unite_and_divide(ranking, TOP_STATEMENTS)
    return PolisSummary(
        title=rnd.title,
        unite=unite,
        divide=divide,
        attribution=attribution,
    )
