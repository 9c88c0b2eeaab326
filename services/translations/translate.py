"""Writing a translation of what someone typed, and reading many of them in one query.

Who may write one:
- a facilitator: any item of any initiative (they run every room, as membership.py says);
- a table scribe: the ideas and listening notes of their own table, while its meeting has
  not closed (they are the bilingual hands at the table);
- Thought Leader Team members and participants: none.

A translation records the hash of the original's words it translates (`shown.fingerprint`):
when the original changes, the translation is out of date and said so, never shown as
current, until someone writes it again.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import String, and_, func, literal, or_, select, union_all
from sqlalchemy.orm import Session

from db.database import Database
from db.models import (
    ActionItem,
    AgendaItem,
    BestPractice,
    Charter,
    Commitment,
    Conflict,
    ConflictParty,
    ContentLanguage,
    ContentTranslation,
    Idea,
    Initiative,
    Interview,
    ListeningNote,
    Meeting,
    Option,
    Theme,
    VotingRound,
    utcnow,
)
from db.models.base import Base
from db.models.enums import Role
from i18n import LANGUAGES, N_, _
from services.core import audit
from services.core.actors import Actor, require_role
from services.core.errors import ValidationError
from services.core.scope import check_table_access, require_open_meeting
from services.core.validation import LONG_MAX, optional_text, require
from services.translations import questions, written
from services.translations.shown import (
    DEFAULT_SOURCE,
    Shown,
    Stored,
    fingerprint,
    other_language,
    question_shown,
    shown,
)


@dataclass(frozen=True, slots=True)
class Owner:
    """Where an item belongs: its initiative, and its table and meeting when it has them."""

    initiative_id: int | None
    table_id: int | None = None
    meeting: Meeting | None = None


@dataclass(frozen=True, slots=True)
class Kind:
    """A kind of item that can carry translations: its model, its fields, where it belongs."""

    model: type[Base]
    fields: tuple[str, ...]
    owner: Callable[[Session, Base], Owner]
    label: str
    table_work: bool = False
    """A scribe may translate it at their own table (ideas, notes)."""
    worded: Callable[[Base, str], str | None] | None = None
    """The original's words in a field, where they are not the field's value (a survey
    question in a list of them); None when the field names nothing (anymore)."""
    named: Callable[[str], bool] | None = None
    """Whether a field is one of this kind's, where `fields` cannot list them."""

    def names(self, field: str) -> bool:
        """Whether `field` is one of this kind's translatable fields."""
        return self.named(field) if self.named is not None else field in self.fields

    def original(self, item: Base, field: str) -> str:
        """The words a translation of `field` of `item` translates."""
        if self.worded is None:
            return getattr(item, field) or ""
        words = self.worded(item, field)
        if words is None:
            raise ValidationError(
                _("That question is no longer on the survey. Reload the page and try again.")
            )
        return words


def _by_meeting(s: Session, item: Base) -> Owner:
    meeting = s.get_one(Meeting, item.meeting_id)  # type: ignore[attr-defined]
    return Owner(meeting.initiative_id, getattr(item, "table_id", None), meeting)


def _by_initiative(_s: Session, item: Base) -> Owner:
    return Owner(item.initiative_id)  # type: ignore[attr-defined]


def _by_charter(s: Session, item: Base) -> Owner:
    return Owner(s.get_one(Charter, item.charter_id).initiative_id)  # type: ignore[attr-defined]


def _no_initiative(_s: Session, _item: Base) -> Owner:
    return Owner(None)


def _by_conflict(s: Session, item: Base) -> Owner:
    return _by_meeting(s, s.get_one(Conflict, item.conflict_id))  # type: ignore[attr-defined]


def _itself(_s: Session, item: Base) -> Owner:
    return Owner(item.id)  # type: ignore[attr-defined]


def _question(item: Base, field: str) -> str | None:
    return questions.question_worded(item, field)  # type: ignore[arg-type]


KINDS: dict[str, Kind] = {
    "idea": Kind(Idea, ("text",), _by_meeting, N_("idea"), table_work=True),
    "listening_note": Kind(
        ListeningNote,
        ("said", "paraphrase", "interest"),
        _by_meeting,
        N_("listening note"),
        table_work=True,
    ),
    "theme": Kind(Theme, ("name",), _by_meeting, N_("theme")),
    "agenda_item": Kind(AgendaItem, ("title", "goal", "prompt"), _by_meeting, N_("agenda step")),
    "option": Kind(Option, ("title", "description", "risks"), _by_meeting, N_("option")),
    "charter": Kind(
        Charter,
        ("mission", "shared_goals", "ground_rules", "roles", "communication", "confidentiality"),
        _by_initiative,
        N_("charter"),
    ),
    "commitment": Kind(Commitment, ("text",), _by_charter, N_("commitment")),
    "best_practice": Kind(
        BestPractice, ("summary", "staffing", "evidence"), _no_initiative, N_("best practice")
    ),
    "conflict": Kind(
        Conflict, ("issue", "agreement"), _by_meeting, N_("conflict"), table_work=True
    ),
    "conflict_party": Kind(
        ConflictParty,
        ("position", "interests"),
        _by_conflict,
        N_("side of a conflict"),
        table_work=True,
    ),
    "interview": Kind(Interview, ("notes", "themes"), _by_initiative, N_("interview")),
    "voting_round": Kind(VotingRound, ("title",), _by_meeting, N_("voting round")),
    "action_item": Kind(
        ActionItem, ("title", "description", "measure"), _by_initiative, N_("action")
    ),
    questions.KIND: Kind(
        Initiative,
        (),
        _itself,
        N_("survey question"),
        worded=_question,
        named=questions.is_question_field,
    ),
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Translation:
    """A translation as someone enters it. Blank `text` removes the one stored.

    `source_language` is the language the original is written in, which the translation
    records (and the item's written language becomes); the translation is in the other one.
    None: the language recorded for the item (written.py), else English.
    """

    kind: str
    entity_id: int
    text: str
    field: str = "text"
    source_language: str | None = None


def translate(db: Database, actor: Actor, entry: Translation) -> ContentTranslation | None:
    """Keep `entry` as the translation of its item's field (None: it was blank, and any
    translation there was is removed)."""
    check(entry)
    with db.write() as s:
        return keep(s, actor, entry)


def check(entry: Translation) -> None:
    """Refuse, in words, a translation no write could keep: before the write begins."""
    _kind(entry)
    if entry.source_language is not None:
        _language(entry.source_language)
    _text(entry)


def keep(s: Session, actor: Actor, entry: Translation) -> ContentTranslation | None:
    """`translate` inside a write the caller holds: an idea saved with its translation."""
    kind = _kind(entry)
    text = _text(entry)
    item = require(s, kind.model, entry.entity_id, kind.label)
    owner = kind.owner(s, item)
    _check_may_translate(s, actor, kind, owner)
    # A question is written on its own; any other item is written whole in one language.
    part = written.Part(entry.kind, entry.entity_id, entry.field if kind.named else written.WHOLE)
    if entry.source_language is None:
        source = written.language_of(s, part) or DEFAULT_SOURCE
    else:
        source = _language(entry.source_language)
        written.record(s, part, owner.initiative_id, source)
    language = other_language(source)
    original = kind.original(item, entry.field)
    if text and not original.strip():
        raise ValidationError(
            _("There is nothing to translate in that field yet. Write the original first.")
        )
    # One translation per field and language, whichever way round it was written.
    stored = s.scalars(
        select(ContentTranslation).where(
            ContentTranslation.kind == entry.kind,
            ContentTranslation.entity_id == entry.entity_id,
            ContentTranslation.field == entry.field,
        )
    ).all()
    for row in stored:
        if row.language != language or not text:
            s.delete(row)
    kept = next((r for r in stored if r.language == language and text), None)
    if text:
        kept = kept or ContentTranslation(
            kind=entry.kind, entity_id=entry.entity_id, field=entry.field, language=language
        )
        kept.initiative_id = owner.initiative_id
        kept.text, kept.source_language = text, source
        kept.source_hash = fingerprint(original)
        kept.translated_by_account_id, kept.translated_by = actor.account_id, actor.name
        kept.updated_at = utcnow()
        s.add(kept)
    if text or stored:
        audit.record(
            s,
            actor,
            audit.Change(
                entity=entry.kind,
                entity_id=entry.entity_id,
                action="translated" if text else "translation removed",
                detail={"field": entry.field, "language": language},
                initiative_id=owner.initiative_id,
            ),
        )
    s.flush()
    return kept


def _kind(entry: Translation) -> Kind:
    kind = KINDS.get(entry.kind)
    if kind is None or not kind.names(entry.field):
        raise ValidationError(_("That cannot be translated here. Reload the page and try again."))
    return kind


def _text(entry: Translation) -> str:
    return optional_text(entry.text, N_("Translation"), LONG_MAX)


def _language(language: str) -> str:
    if language not in LANGUAGES:
        raise ValidationError(_("Pick the language the original is written in."))
    return language


def _check_may_translate(s: Session, actor: Actor, kind: Kind, owner: Owner) -> None:
    if not kind.table_work or owner.table_id is None:
        require_role(actor, Role.FACILITATOR)
        return
    require_role(actor, Role.FACILITATOR, Role.SCRIBE)
    check_table_access(s, actor, owner.table_id, N_("translate"))
    if owner.meeting is not None:
        require_open_meeting(owner.meeting, actor)


def translate_all(db: Database, actor: Actor, entries: Sequence[Translation]) -> None:
    """Several translations in one write (an agenda step's title, goal and question): a
    blank one removes what was there, and a blank one of an empty field is no change."""
    for entry in entries:
        check(entry)
    with db.write() as s:
        for entry in entries:
            kind = KINDS[entry.kind]
            item = require(s, kind.model, entry.entity_id, kind.label)
            if entry.text.strip() or kind.original(item, entry.field):
                keep(s, actor, entry)


def translations_for(
    s: Session, kind: str, ids: Collection[int], language: str, field: str = "text"
) -> dict[int, Stored]:
    """By item id, what a reader of `language` needs of each item's translation: the one
    into their language, else one whose original is in their language (so they read the
    original, and nothing says it is missing). One query, however many items."""
    found = field_translations(s, kind, ids, language, (field,))
    return {entity_id: stored for (entity_id, _field), stored in found.items()}


def translations_of_kinds(
    s: Session, wanted: Mapping[str, tuple[Collection[int], str]], language: str
) -> dict[str, dict[int, Stored]]:
    """`translations_for` of several kinds at once ({kind: (ids, field)}), by kind and item
    id: one query for a ballot of ideas and themes, none when there is nothing to name."""
    asked = {kind: (list(ids), field) for kind, (ids, field) in wanted.items() if ids}
    found: dict[str, dict[int, Stored]] = {kind: {} for kind in wanted}
    if not asked:
        return found
    by_field = _read(s, asked, language)
    for kind, (ids, field) in asked.items():
        for entity_id in ids:
            stored = by_field.get((kind, entity_id, field))
            if stored is not None:
                found[kind][entity_id] = stored
    return found


def _read(
    s: Session, asked: Mapping[str, tuple[list[int], str | Collection[str]]], language: str
) -> dict[tuple[str, int, str], Stored]:
    """By (kind, item id, field), what a reader of `language` needs of each field asked:
    the translation into their language, else one from it, else (no translation at all)
    the language the item is written in, as a Stored with no text. One query: the
    translations and the written languages side by side."""
    translated, languages = [], []
    for kind, (ids, fields) in asked.items():
        names = [fields] if isinstance(fields, str) else list(fields)
        translated.append(
            and_(
                ContentTranslation.kind == kind,
                ContentTranslation.field.in_(names),
                ContentTranslation.entity_id.in_(ids),
            )
        )
        languages.append(
            and_(
                ContentLanguage.kind == kind,
                ContentLanguage.field.in_([*names, written.WHOLE]),
                ContentLanguage.entity_id.in_(ids),
            )
        )
    query = union_all(
        select(
            ContentTranslation.kind,
            ContentTranslation.entity_id,
            ContentTranslation.field,
            ContentTranslation.language,
            ContentTranslation.text,
            ContentTranslation.source_language,
            ContentTranslation.source_hash,
        ).where(
            or_(*translated),
            or_(
                ContentTranslation.language == language,
                ContentTranslation.source_language == language,
            ),
        ),
        select(
            ContentLanguage.kind,
            ContentLanguage.entity_id,
            ContentLanguage.field,
            ContentLanguage.language,
            literal("", String),
            ContentLanguage.language,
            literal("", String),
        ).where(or_(*languages)),
    )
    found: dict[tuple[str, int, str], Stored] = {}
    written_in: dict[tuple[str, int, str], str] = {}
    for kind, entity_id, field, into, text, source, source_hash in s.execute(query):
        if not text:  # a written language: the translations' table never holds blank text
            written_in[kind, entity_id, field] = source
        elif into == language or (kind, entity_id, field) not in found:
            found[kind, entity_id, field] = Stored(text, source, source_hash)
    for kind, (ids, fields) in asked.items():
        for entity_id in ids:
            for field in [fields] if isinstance(fields, str) else fields:
                key = (kind, entity_id, field)
                source = written_in.get(key) or written_in.get((kind, entity_id, written.WHOLE))
                if key not in found and source is not None:
                    found[key] = Stored("", source, "")
    return found


def translations_by_language(
    s: Session, kind: str, entity_id: int, field: str
) -> dict[str, Stored]:
    """What a reader of each language needs of one item's field, as `translations_for`
    gives one language: for a screen that shows every language at once (the projector's,
    side by side). A query a language: two small ones."""
    found = {
        language: field_translations(s, kind, [entity_id], language, (field,)).get(
            (entity_id, field)
        )
        for language in LANGUAGES
    }
    return {language: stored for language, stored in found.items() if stored is not None}


def field_translations(
    s: Session, kind: str, ids: Collection[int], language: str, fields: Collection[str]
) -> dict[tuple[int, str], Stored]:
    """`translations_for` of several fields at once, by (item id, field): one query."""
    if not ids:
        return {}
    found = _read(s, {kind: (list(ids), list(fields))}, language)
    return {(entity_id, field): stored for (_kind, entity_id, field), stored in found.items()}


def fields_shown(
    entity_id: int,
    originals: Mapping[str, str],
    stored: Mapping[tuple[int, str], Stored],
    language: str,
) -> dict[str, Shown]:
    """An item's written fields (by name) as a reader of `language` reads them, from
    `field_translations`' answer. An item is written in one language, so a translation of
    one of its fields says the language of the others too."""
    mine = [stored[entity_id, name] for name in originals if (entity_id, name) in stored]
    source = mine[0].source_language if mine else DEFAULT_SOURCE
    return {
        name: shown(words, stored.get((entity_id, name)), language, source)
        for name, words in originals.items()
        if words
    }


def translation_version(s: Session, kind: str, initiative_id: int) -> tuple[int, str]:
    """How many translations and written languages of a kind an initiative has, and the
    newest change: a cache key's part, so a board cached by its items' changes sees a new
    translation, or a language corrected, too."""
    parts = [
        select(func.count(), func.max(table.updated_at)).where(
            table.kind == kind, table.initiative_id == initiative_id
        )
        for table in (ContentTranslation, ContentLanguage)
    ]
    (count, newest), (languages, corrected) = (s.execute(part).one() for part in parts)
    return count + languages, str(max(str(newest or ""), str(corrected or "")))


def questions_shown(s: Session, initiative: Initiative, language: str) -> dict[str, Shown]:
    """Every question the survey asks (trust, then demographic), by its wording, as a
    reader of `language` reads it (shown.question_shown). One query."""
    stored = question_translations(s, initiative, language)
    return {w: question_shown(w, stored.get(w), language) for w in questions.asked(initiative)}


def question_translations(s: Session, initiative: Initiative, language: str) -> dict[str, Stored]:
    """By wording, the translation a reader of `language` needs of each question the
    facilitator wrote that has one. One query."""
    fields = {questions.question_field(w): w for w in questions.own(initiative)}
    stored = field_translations(s, questions.KIND, [initiative.id], language, fields)
    return {fields[field]: words for (_id, field), words in stored.items()}
