"""What the survey asks and whether it still takes answers."""

from __future__ import annotations

from sqlalchemy.orm import Session

from db.database import Database
from db.models import Initiative
from db.models.enums import Role
from i18n import N_, _
from services.core import audit
from services.core.actors import Actor, require_role
from services.core.errors import ValidationError
from services.core.validation import NAME_MAX, clean_text, require
from services.prepare.trust_items import STANDARD_ITEMS, item_for
from services.setup import initiatives
from services.translations import questions, written

DEMOGRAPHIC_QUESTIONS_MAX = 8


def set_survey_open(db: Database, actor: Actor, initiative_id: int, is_open: bool) -> None:
    """Open or close the pre-session survey; closing keeps every answer already sent."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        initiative = require(s, Initiative, initiative_id, N_("initiative"))
        if initiative.survey_open != is_open:
            initiative.survey_open = is_open
            action = "survey_opened" if is_open else "survey_closed"
            audit.record(
                s,
                actor,
                audit.Change(
                    entity="initiative",
                    entity_id=initiative.id,
                    action=action,
                    detail={},
                    initiative_id=initiative.id,
                ),
            )


def set_demographic_questions(
    db: Database, actor: Actor, initiative_id: int, questions: list[str]
) -> list[str]:
    """Choose the optional demographic questions; answering them is always optional."""
    require_role(actor, Role.FACILITATOR)
    clean = _clean_questions(questions)
    with db.write() as s:
        _keep_questions(s, actor, require(s, Initiative, initiative_id, N_("initiative")), clean)
    return clean


def set_questions(
    db: Database, actor: Actor, initiative_id: int, trust: list[str], demographic: list[str]
) -> None:
    """Both lists of the survey's questions as one form sends them: both kept, or, when
    either is refused, neither (the form keeps what was typed to correct)."""
    require_role(actor, Role.FACILITATOR)
    trust_clean = initiatives.clean_trust_statements(trust)
    asked = _clean_questions(demographic)
    with db.write() as s:
        initiative = require(s, Initiative, initiative_id, N_("initiative"))
        if initiative.trust_statements != trust_clean:
            initiatives.keep_trust_statements(s, actor, initiative, trust_clean)
        if initiative.demographic_questions != asked:
            _keep_questions(s, actor, initiative, asked)


def _clean_questions(questions: list[str]) -> list[str]:
    clean = [q for q in (clean_text(q, N_("A question"), NAME_MAX) for q in questions if q.strip())]
    if len(clean) > DEMOGRAPHIC_QUESTIONS_MAX:
        raise ValidationError(
            _("{count} questions is more than {limit}. Keep the survey short: remove some.").format(
                count=len(clean), limit=DEMOGRAPHIC_QUESTIONS_MAX
            )
        )
    if len({q.lower() for q in clean}) < len(clean):
        raise ValidationError(_("Two questions are the same. Remove or reword the repeated one."))
    return clean


def _keep_questions(s: Session, actor: Actor, initiative: Initiative, clean: list[str]) -> None:
    before = questions.asked(initiative)
    initiative.demographic_questions = clean
    written.record_new_questions(s, initiative, before)
    audit.record(
        s,
        actor,
        audit.Change(
            entity="initiative",
            entity_id=initiative.id,
            action="questions_set",
            detail={"questions": len(clean)},
            initiative_id=initiative.id,
        ),
    )


def add_standard_trust_items(db: Database, actor: Actor, initiative_id: int) -> list[str]:
    """Add the published trust questions (services.prepare.trust_items.STANDARD_ITEMS) the survey
    does not ask yet, after its own; the same list is asked before and after the meeting."""
    require_role(actor, Role.FACILITATOR)
    with db.read() as s:
        asked = list(require(s, Initiative, initiative_id, N_("initiative")).trust_statements)
    have = {item_for(statement).key for statement in asked}
    missing = [i.wording for i in STANDARD_ITEMS if i.key not in have]
    if missing:
        initiatives.set_trust_statements(db, actor, initiative_id, asked + missing)
    return asked + missing
