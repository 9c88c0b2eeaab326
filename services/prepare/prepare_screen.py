"""The Prepare screen as one actor may see it: read in one transaction, so the report, the
tables and the invitation sheet on the page all describe the same moment."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

import i18n
from adapters.room_links import reachable_from_phones
from db.database import Database
from db.models import Initiative, Interview, Participant, SurveyResponse
from db.models.enums import Role, SurveyKind
from services.core import membership
from services.core.actors import Actor, require_role
from services.core.roster_scope import ON_ROSTER
from services.prepare import interviews, invitations, surveys
from services.prepare.invitations import Invitation, InvitationCounts, MeetingHeading
from services.prepare.presession_report import PreSessionReport, presession_report_in
from services.translations import questions
from services.translations.shown import DEFAULT_SOURCE, Shown, other_language, with_original
from services.translations.translate import (
    KINDS,
    field_translations,
    fields_shown,
    questions_shown,
)

PREVIEW_ROWS = 5
"""Invitations shown on the screen; the sheet and the mail merge hold everyone."""


@dataclass(frozen=True, slots=True)
class SurveySetup:
    """What the survey asks and whether it takes answers now."""

    initiative_id: int
    survey_open: bool
    trust_statements: tuple[str, ...]
    demographic_questions: tuple[str, ...]
    own_questions: tuple[Shown, ...] = ()
    """The questions the facilitator wrote, each with its translation as stored (read as
    a reader of the other language reads it), for the translation form."""


@dataclass(frozen=True, slots=True)
class InvitationsOnScreen:
    """The invitations of the meeting: counts, and every person's, as the sheet prints them."""

    meeting_id: int
    base: str
    """Where every link starts."""
    reachable: bool
    """Whether phones in the room can open links that start at `base`."""
    counts: InvitationCounts
    heading: MeetingHeading
    people: tuple[Invitation, ...]

    @property
    def preview(self) -> tuple[Invitation, ...]:
        """The first few, by name, for the screen."""
        return self.people[:PREVIEW_ROWS]


@dataclass(frozen=True, slots=True)
class ResponseRow:
    """One survey response as the screen lists it: its words, never who sent it."""

    kind: SurveyKind
    top_issues: str
    solutions: str
    goals: str
    what_worked: str
    what_to_change: str
    updated_at: datetime

    @classmethod
    def of(cls, r: SurveyResponse) -> ResponseRow:
        return cls(
            r.kind, r.top_issues, r.solutions, r.goals, r.what_worked, r.what_to_change,
            r.updated_at,
        )  # fmt: skip


@dataclass(frozen=True, slots=True)
class InterviewRow:
    """One interview's notes as the screen lists them: its themes and notes in the reader's
    language where someone translated them, the original beside them (a table's cell opens
    nothing)."""

    interviewee: str
    interviewer: str
    held_on: date | None
    themes: str
    notes: str
    id: int = 0
    words: Mapping[str, Shown] = field(default_factory=dict)
    """Notes and themes (each written) as the reader reads them, the stored translation in
    it either way: what the translation form holds."""

    @classmethod
    def of(cls, i: Interview, words: Mapping[str, Shown]) -> InterviewRow:
        def cell(name: str) -> str:
            return with_original(words[name]) if name in words else getattr(i, name)

        return cls(
            i.interviewee, i.interviewer, i.held_on, cell("themes"), cell("notes"), i.id, words
        )


@dataclass(frozen=True, slots=True)
class PrepareScreen:
    """Everything Prepare shows this actor. The facilitator's parts (survey settings,
    invitations, the roster for interview notes) are None or empty for a leader."""

    initiative_id: int
    meeting_id: int
    facilitating: bool
    report: PreSessionReport
    responses: tuple[ResponseRow, ...]
    """Both surveys', oldest first."""
    interviews: tuple[InterviewRow, ...]
    """Latest first; confidential ones only for a facilitator."""
    survey: SurveySetup | None
    invitations: InvitationsOnScreen | None
    roster: tuple[tuple[int, str], ...]
    """(id, name) of everyone on the roster, for "On the roster as" in the interview form."""


def read(db: Database, actor: Actor, meeting_id: int, base: str) -> PrepareScreen:
    """Prepare for the meeting's initiative; `base` starts the invitations' links."""
    require_role(actor, Role.FACILITATOR, Role.LEADER)
    with db.read() as s:
        meeting = membership.member_meeting(s, actor, meeting_id)
        initiative = s.get_one(Initiative, meeting.initiative_id)
        facilitating = actor.is_facilitator
        survey = invited = None
        roster: tuple[tuple[int, str], ...] = ()
        if facilitating:
            words = questions_shown(s, initiative, other_language(DEFAULT_SOURCE))
            survey = SurveySetup(
                initiative.id,
                initiative.survey_open,
                tuple(initiative.trust_statements),
                tuple(initiative.demographic_questions),
                tuple(words[q] for q in questions.own(initiative)),
            )
            invited = InvitationsOnScreen(
                meeting_id,
                base,
                reachable_from_phones(base),
                invitations.counts_in(s, meeting_id),
                invitations.heading_in(s, meeting_id),
                tuple(invitations.invitations_in(s, meeting_id, base)),
            )
            people = s.execute(
                select(Participant.id, Participant.name)
                .where(Participant.initiative_id == initiative.id, ON_ROSTER)
                .order_by(Participant.name, Participant.id)
            )
            roster = tuple((pid, name) for pid, name in people)
        return PrepareScreen(
            initiative_id=initiative.id,
            meeting_id=meeting_id,
            facilitating=facilitating,
            report=presession_report_in(s, initiative.id),
            responses=tuple(map(ResponseRow.of, surveys.responses_in(s, initiative.id))),
            interviews=_interviews(s, actor, initiative.id),
            survey=survey,
            invitations=invited,
            roster=roster,
        )


def _interviews(s: Session, actor: Actor, initiative_id: int) -> tuple[InterviewRow, ...]:
    """The interviews this reader may read, their translations read in one query."""
    held = list(interviews.interviews_in(s, actor, initiative_id))
    language = i18n.current()
    fields = KINDS["interview"].fields
    stored = field_translations(s, "interview", [i.id for i in held], language, fields)
    return tuple(
        InterviewRow.of(i, fields_shown(i.id, {f: getattr(i, f) for f in fields}, stored, language))
        for i in held
    )
