"""The pre-session survey and the feedback after it, answered through a personal code."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.database import Database
from db.models import AuditEntry, Initiative, Meeting, Participant, SurveyResponse, utcnow
from db.models.enums import MeetingStatus, Role, SurveyKind
from i18n import N_, _
from services.core import audit, membership
from services.core.actors import Actor, require_role
from services.core.errors import NotAllowedNow, NotFound, ValidationError
from services.core.validation import NAME_MAX, TEXT_MAX, in_range, optional_text, require
from services.prepare.trust_items import TrustItem, trust_items
from services.setup import participants

QUESTIONS = {
    "top_issues": N_("The top issues for you"),
    "solutions": N_("Solutions you would propose"),
    "goals": N_("What you want from the meeting"),
    "what_worked": N_("What worked"),
    "what_to_change": N_("What should change"),
}
"""Each written answer's question, as the form asks it and as a refusal names it (a
refusal named "Solutions" under a box asking "Solutions you would propose")."""


@dataclass(frozen=True, slots=True, kw_only=True)
class SurveyFields:
    """One participant's answers to a survey; every question may be left unanswered."""

    top_issues: str = ""
    solutions: str = ""
    goals: str = ""
    what_worked: str = ""
    what_to_change: str = ""
    trust: dict[str, int | None] | None = None
    demographics: dict[str, Any] | None = None


def submit_survey(
    db: Database, code: str, kind: SurveyKind | str, answers: SurveyFields
) -> SurveyResponse:
    """Save a participant's answers; sending the same survey again replaces them.

    `trust` holds answers by item key (services.prepare.trust_items). A question answered None was
    skipped: it is stored as no answer at all, so a skipped rating never counts as the
    scale's middle in the trust pulse."""
    survey = _kind(kind)
    texts = {
        k: optional_text(getattr(answers, k), label, TEXT_MAX) for k, label in QUESTIONS.items()
    }
    scores = answers.trust or {}
    rated = {statement: score for statement, score in scores.items() if score is not None}
    about = _demographics(answers.demographics or {})
    if not any(texts.values()) and not rated:
        raise ValidationError(_("The survey is empty. Answer at least one question, then send it."))
    with db.write() as s:
        person = respondent(s, code)
        initiative = s.get_one(Initiative, person.initiative_id)
        _check_open(s, initiative, survey)
        _check_trust(rated, trust_items(initiative.trust_statements))
        _check_questions(about, initiative.demographic_questions)
        response, fresh = _find_or_insert(s, person.id, survey)
        if not fresh:
            response.updated_at = utcnow()
        for key, value in texts.items():
            setattr(response, key, value)
        response.trust, response.demographics = rated, about
        s.flush()
        # audit.record needs an Actor, which needs a role; a participant has neither.
        detail = {"kind": survey.value, "participant_id": person.id}
        s.add(
            AuditEntry(
                initiative_id=person.initiative_id,
                actor=person.name,
                entity="survey_response",
                entity_id=response.id,
                action="submitted" if fresh else "resubmitted",
                detail=detail,
            )
        )
        return response


def list_responses(
    db: Database, actor: Actor, initiative_id: int, kind: SurveyKind | str | None = None
) -> list[SurveyResponse]:
    """The initiative's responses, oldest first, of one kind or both."""
    require_role(actor, Role.FACILITATOR, Role.LEADER)
    with db.read() as s:
        membership.require_member(s, actor, initiative_id)
        return responses_in(s, initiative_id, kind)


def responses_in(
    s: Session, initiative_id: int, kind: SurveyKind | str | None = None
) -> list[SurveyResponse]:
    """`list_responses` inside a read the caller holds, after it has checked the actor."""
    query = (
        select(SurveyResponse)
        .join(Participant, Participant.id == SurveyResponse.participant_id)
        .where(Participant.initiative_id == initiative_id)
        .order_by(SurveyResponse.submitted_at, SurveyResponse.id)
    )
    if kind is not None:
        query = query.where(SurveyResponse.kind == _kind(kind))
    return list(s.scalars(query))


def get_response(db: Database, code: str, kind: SurveyKind | str) -> SurveyResponse | None:
    """This participant's answers to one survey, or None before they answer."""
    survey = _kind(kind)
    with db.read() as s:
        return response_in(s, respondent(s, code), survey)


def response_in(s: Session, person: Participant, kind: SurveyKind) -> SurveyResponse | None:
    """`get_response` inside a transaction already open (the survey screen's one read)."""
    return s.scalar(_one(person.id, kind))


def delete_response(db: Database, actor: Actor, response_id: int) -> None:
    """Remove one survey response."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        response = require(s, SurveyResponse, response_id, N_("survey response"))
        person = s.get_one(Participant, response.participant_id)
        detail = {"kind": response.kind.value, "participant_id": person.id}
        audit.record(
            s,
            actor,
            audit.Change(
                entity="survey_response",
                entity_id=response.id,
                action="deleted",
                detail=detail,
                initiative_id=person.initiative_id,
            ),
        )
        s.delete(response)


def _one(participant_id: int, kind: SurveyKind) -> Select[SurveyResponse]:
    return select(SurveyResponse).where(
        SurveyResponse.participant_id == participant_id, SurveyResponse.kind == kind
    )


def _find_or_insert(
    s: Session, participant_id: int, kind: SurveyKind
) -> tuple[SurveyResponse, bool]:
    found = s.scalar(_one(participant_id, kind))
    if found is not None:
        return found, False
    # A double tap on a phone sends two first submissions at once. On Postgres the second
    # meets the first's row only at INSERT; it then updates that row instead of failing.
    try:
        with s.begin_nested():
            response = SurveyResponse(participant_id=participant_id, kind=kind)
            s.add(response)
        return response, True
    except IntegrityError:
        return s.scalars(_one(participant_id, kind)).one(), False


def respondent(s: Session, code: str | None) -> Participant:
    """The participant a survey link's code names; refused in words when it names nobody."""
    person = participants.find_by_code(s, code)
    if person is None:
        raise NotFound(
            _(
                "This survey link is not valid. Check the link or scan the QR code on your "
                "badge again, or ask a facilitator for help."
            )
        )
    return person


def _kind(value: SurveyKind | str) -> SurveyKind:
    try:
        return SurveyKind(value)
    except ValueError:
        raise ValidationError(
            _("“{value}” is not a survey: use pre or post.").format(value=value)
        ) from None


def _check_trust(answers: dict[str, int], items: list[TrustItem]) -> None:
    by_key = {i.key: i for i in items}
    for key, score in answers.items():
        item = by_key.get(key)
        if item is None:
            raise ValidationError(
                _(
                    "“{key}” is not one of this initiative's trust questions. Reload the survey "
                    "and answer the questions it shows."
                ).format(key=key)
            )
        top = item.scale.top
        if isinstance(score, bool) or not isinstance(score, int):
            raise ValidationError(
                _("The answer to “{wording}” must be a whole number 1 to {top}.").format(
                    wording=item.wording, top=top
                )
            )
        in_range(score, _("The answer to “{wording}”").format(wording=item.wording), 1, top)


def _demographics(answers: dict[str, Any]) -> dict[str, Any]:
    clean: dict[str, Any] = {}
    for question, answer in answers.items():
        key = optional_text(str(question), N_("A demographic question"), NAME_MAX)
        if isinstance(answer, str):
            clean[key] = optional_text(answer, _("The answer to “{key}”").format(key=key), NAME_MAX)
        elif answer is None or isinstance(answer, int):
            clean[key] = answer
        elif isinstance(answer, list) and all(isinstance(a, str) for a in answer):
            clean[key] = [
                optional_text(a, _("The answer to “{key}”").format(key=key), NAME_MAX)
                for a in answer
            ]
        else:
            raise ValidationError(
                _("The answer to “{key}” must be text, a whole number or a list of text.").format(
                    key=key
                )
            )
    return clean


def survey_stage(db: Database, code: str) -> SurveyKind | None:
    """Which form a participant's link opens now: feedback after a closed meeting, else
    the pre-session survey while it is open, else None."""
    with db.read() as s:
        return stage_in(s, s.get_one(Initiative, respondent(s, code).initiative_id))


def stage_in(s: Session, initiative: Initiative) -> SurveyKind | None:
    """`survey_stage` for a participant of `initiative`, inside a transaction already open."""
    if _meeting_closed(s, initiative.id):
        return SurveyKind.POST
    return SurveyKind.PRE if initiative.survey_open else None


def _meeting_closed(s: Session, initiative_id: int) -> bool:
    query = select(Meeting.id).where(
        Meeting.initiative_id == initiative_id, Meeting.status == MeetingStatus.CLOSED
    )
    return s.scalar(query.limit(1)) is not None


def _check_open(s: Session, initiative: Initiative, survey: SurveyKind) -> None:
    if survey is SurveyKind.PRE and not initiative.survey_open:
        raise NotAllowedNow(_("The survey has closed. Thank you: the answers you sent are kept."))
    if survey is SurveyKind.POST and not _meeting_closed(s, initiative.id):
        raise NotAllowedNow(_("The feedback form opens once the meeting has closed."))


def _check_questions(answers: dict[str, Any], asked: list[str]) -> None:
    unknown = sorted(set(answers) - set(asked))
    if unknown:
        raise ValidationError(
            _(
                "“{question}” is not one of this survey's questions. Reload the page and try again."
            ).format(question=unknown[0])
        )
