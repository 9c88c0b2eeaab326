"""Which language a record's words are written in: recorded when its writer first writes
them, changed when someone who knows says otherwise (a translation saved from it).

The writer's screen language is taken as the language they typed in: a Spanish-speaking
scribe's note is Spanish, and an English reader sees "No English translation yet" beside
it, not the note passed off as English. A bilingual scribe who types English on a Spanish
screen corrects it where they translate it (moderation's "The idea is written in").
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

import i18n
from db.models import ContentLanguage, ContentTranslation, Initiative, utcnow
from services.translations import questions

WHOLE = ""
"""The `field` of a row that speaks for every field of its record."""


@dataclass(frozen=True, slots=True)
class Part:
    """What a written language is recorded for: a record, or one field of it."""

    kind: str
    entity_id: int
    field: str = WHOLE


def record(s: Session, part: Part, initiative_id: int | None, language: str) -> None:
    """Say that `part` is written in `language` (someone who knows said so), inside the
    caller's write."""
    language = i18n.supported(language)
    row = s.scalar(
        select(ContentLanguage).where(
            ContentLanguage.kind == part.kind,
            ContentLanguage.entity_id == part.entity_id,
            ContentLanguage.field == part.field,
        )
    )
    if row is None:
        row = ContentLanguage(kind=part.kind, entity_id=part.entity_id, field=part.field)
        s.add(row)
    elif row.language == language:
        return
    row.initiative_id, row.language, row.updated_at = initiative_id, language, utcnow()


def record_new(
    s: Session, kind: str, entity_id: int, initiative_id: int | None, language: str | None = None
) -> None:
    """`record` for a record this write has just made, in `language` (by default the
    language of its writer's screen).

    Whatever was kept of a removed record with the same id goes first: SQLite gives the
    highest id again once its record is removed, and that record's language and
    translations would otherwise speak for the new one."""
    for table in (ContentLanguage, ContentTranslation):
        s.execute(delete(table).where(table.kind == kind, table.entity_id == entity_id))
    s.add(
        ContentLanguage(
            kind=kind,
            entity_id=entity_id,
            field=WHOLE,
            initiative_id=initiative_id,
            language=i18n.supported(language or i18n.current()),
        )
    )


def record_first_words(
    s: Session, kind: str, entity_id: int, initiative_id: int | None, words: str
) -> None:
    """For a record made empty and written later (a side of a conflict): the language of
    the first words written into it; later edits keep it."""
    if not words.strip():
        return
    known = s.scalar(
        select(ContentLanguage.id).where(
            ContentLanguage.kind == kind,
            ContentLanguage.entity_id == entity_id,
            ContentLanguage.field == WHOLE,
        )
    )
    if known is None:
        record_new(s, kind, entity_id, initiative_id)


def language_of(s: Session, part: Part) -> str | None:
    """The language recorded for `part` (or, for a field, its whole record), or None."""
    found = s.execute(
        select(ContentLanguage.field, ContentLanguage.language).where(
            ContentLanguage.kind == part.kind,
            ContentLanguage.entity_id == part.entity_id,
            ContentLanguage.field.in_({part.field, WHOLE}),
        )
    ).all()
    by_field: dict[str, str] = {name: language for name, language in found}
    return by_field.get(part.field, by_field.get(WHOLE))


def record_new_questions(s: Session, initiative: Initiative, before: list[str]) -> None:
    """Each question the facilitator wrote that the survey did not ask `before` (every
    question it asked: `questions.asked`), written in the writer's language. A question is
    written on its own, so it has its own row."""
    for wording in questions.own(initiative):
        if wording not in before:
            field = questions.question_field(wording)
            record(s, Part(questions.KIND, initiative.id, field), initiative.id, i18n.current())
