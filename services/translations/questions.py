"""The survey's questions a facilitator writes, as items a translation can name.

An initiative keeps its questions as lists of wordings (Initiative.trust_statements and
demographic_questions), not as rows with ids, so a translation names a question by its
words: the translation follows the question wherever it moves in the list, and a question
reworded is a new question, untranslated until someone translates it again (its answers
start afresh too: trust_items.py).
"""

from __future__ import annotations

from db.models import Initiative
from i18n import ENGLISH, LANGUAGES
from i18n.catalogue import translations
from services.translations.shown import fingerprint

KIND = "initiative"
"""A translation names its item by table: the questions are the initiative's (and so an
initiative's export carries them with its new id, archive/initiative_export.py)."""
_PREFIX = "q-"
_HEX = 32
"""Half the words' hash: the field column holds 40 characters, and 128 bits name a
question among an initiative's few dozen as surely as all 256."""


def question_field(wording: str) -> str:
    """The translation's field that names the question worded `wording`."""
    return _PREFIX + fingerprint(wording)[:_HEX]


def is_question_field(field: str) -> bool:
    return field.startswith(_PREFIX) and len(field) == len(_PREFIX) + _HEX


def asked(initiative: Initiative) -> list[str]:
    """Every question the survey asks that a person wrote: trust, then demographic."""
    return [*initiative.trust_statements, *initiative.demographic_questions]


def published(wording: str) -> bool:
    """Whether the catalogue translates `wording`: a question the product supplies (the
    published and standard trust questions), shown through it (shown.catalogue_shown)."""
    return any(
        translations(language).gettext(wording) != wording
        for language in LANGUAGES
        if language != ENGLISH
    )


def own(initiative: Initiative) -> list[str]:
    """The questions the facilitator wrote: what a translation can be given to."""
    return [q for q in asked(initiative) if not published(q)]


def question_worded(initiative: Initiative, field: str) -> str | None:
    """The wording of the facilitator's question `field` names, or None when the survey no
    longer asks it."""
    return next((q for q in own(initiative) if question_field(q) == field), None)
