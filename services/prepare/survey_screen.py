"""What a participant's survey page shows, read once, by the personal code in their link."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import i18n
from db.database import Database
from db.models import Initiative, SurveyResponse
from db.models.enums import SurveyKind
from i18n import _
from services.prepare import surveys
from services.prepare.trust_items import TrustItem, trust_items
from services.translations.shown import Shown, original_shown
from services.translations.translate import questions_shown

PRE_TEXTS = tuple((k, surveys.QUESTIONS[k]) for k in ("top_issues", "solutions", "goals"))
POST_TEXTS = tuple((k, surveys.QUESTIONS[k]) for k in ("what_worked", "what_to_change"))
"""(answer field, the question as the form asks it), in the form's order."""


@dataclass(frozen=True, slots=True)
class SurveyScreen:
    """The form open to this person now, and what they answered in it before."""

    name: str
    code: str
    initiative_name: str
    stage: SurveyKind | None
    """The feedback form after a closed meeting, else the survey while open, else None."""
    questions: tuple[tuple[str, str], ...]
    """(field, question) of the written answers this stage asks for."""
    trust: tuple[TrustItem, ...]
    about_you: tuple[str, ...]
    """The optional demographic questions: asked before the meeting only."""
    earlier: SurveyResponse | None
    words: Mapping[str, Shown] = field(default_factory=dict)
    """Each trust and demographic question, by its wording, as this reader reads it."""

    def asked(self, wording: str) -> Shown:
        """The question worded `wording` in the reader's language, or as written."""
        return self.words.get(wording) or original_shown(wording, i18n.current())

    @property
    def after(self) -> bool:
        """Whether this is the feedback form, after the meeting."""
        return self.stage is SurveyKind.POST

    def earlier_text(self, field: str) -> str:
        """What the person wrote for `field` last time, or '' before they answered."""
        return getattr(self.earlier, field) if self.earlier is not None else ""


@dataclass(frozen=True, slots=True)
class SurveyAnswers:
    """What the form held when the person sent it."""

    texts: tuple[tuple[str, str], ...]
    trust: tuple[tuple[str, int | None], ...]
    about_you: tuple[tuple[str, str], ...]


def read(db: Database, code: str) -> SurveyScreen:
    """The survey page of the participant whose code this is, in one read.

    A participant reaches only their own answers: the code is the key to them.
    """
    with db.read() as s:
        person = surveys.respondent(s, code)
        initiative = s.get_one(Initiative, person.initiative_id)
        stage = surveys.stage_in(s, initiative)
        after = stage is SurveyKind.POST
        return SurveyScreen(
            name=person.name,
            code=person.code,
            initiative_name=initiative.name,
            stage=stage,
            questions=tuple((k, _(q)) for k, q in (POST_TEXTS if after else PRE_TEXTS)),
            trust=tuple(trust_items(initiative.trust_statements)),
            about_you=() if after else tuple(initiative.demographic_questions),
            earlier=None if stage is None else surveys.response_in(s, person, stage),
            words=questions_shown(s, initiative, i18n.current()),
        )


def submit(db: Database, screen: SurveyScreen, answers: SurveyAnswers) -> None:
    """Save what was sent in the form `screen` showed; blank optional answers are left out."""
    about = {question: given for question, given in answers.about_you if given.strip()}
    surveys.submit_survey(
        db,
        screen.code,
        screen.stage or SurveyKind.PRE,
        surveys.SurveyFields(**dict(answers.texts), trust=dict(answers.trust), demographics=about),
    )
