"""The library of real 911 and crisis-response programmes that options can cite."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.database import Database
from db.models import BestPractice
from db.models.enums import ResponseModel, Role
from i18n import N_, SPANISH, _
from services.core import audit
from services.core.actors import Actor, require_role
from services.core.errors import ValidationError
from services.core.validation import NAME_MAX, TEXT_MAX, clean_text, optional_text, require
from services.translations import translate, written
from services.translations.shown import fingerprint
from services.translations.translate import KINDS, field_translations

URL_MAX = 500
_FIELDS = ("name", "city", "model", "summary", "staffing", "evidence", "source_url")
TRANSLATED_FIELDS = KINDS["best_practice"].fields
"""What a library entry says in words, which its Spanish translates."""


@dataclass(frozen=True, slots=True, kw_only=True)
class BestPracticeFields:
    """A programme's library entry: the same for adding and for correcting it."""

    name: str
    city: str
    model: ResponseModel | str
    summary: str
    staffing: str = ""
    evidence: str = ""
    source_url: str = ""


def create_best_practice(db: Database, actor: Actor, fields: BestPracticeFields) -> BestPractice:
    """Add a programme to the library."""
    require_role(actor, Role.FACILITATOR)
    values = _clean(fields)
    with db.write() as s:
        _refuse_duplicate(s, values["name"])
        practice = BestPractice(**values)
        s.add(practice)
        s.flush()
        written.record_new(s, "best_practice", practice.id, None)
        audit.record(
            s,
            actor,
            audit.Change(
                entity="best_practice",
                entity_id=practice.id,
                action="created",
                detail={"name": practice.name},
            ),
        )
        return practice


def update_best_practice(
    db: Database, actor: Actor, best_practice_id: int, fields: BestPracticeFields
) -> BestPractice:
    """Correct or extend a programme's entry."""
    require_role(actor, Role.FACILITATOR)
    values = _clean(fields)
    with db.write() as s:
        practice = require(s, BestPractice, best_practice_id, N_("best practice"))
        if values["name"].lower() != practice.name.lower():
            _refuse_duplicate(s, values["name"])
        for field, value in values.items():
            setattr(practice, field, value)
        audit.record(
            s,
            actor,
            audit.Change(
                entity="best_practice",
                entity_id=practice.id,
                action="updated",
                detail={"name": practice.name},
            ),
        )
        return practice


def delete_best_practice(db: Database, actor: Actor, best_practice_id: int) -> None:
    """Remove a programme; options that cited it simply lose that citation."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        practice = require(s, BestPractice, best_practice_id, N_("best practice"))
        audit.record(
            s,
            actor,
            audit.Change(
                entity="best_practice",
                entity_id=practice.id,
                action="deleted",
                detail={"name": practice.name},
            ),
        )
        s.delete(practice)


def list_best_practices(
    db: Database, model: ResponseModel | str | None = None
) -> list[BestPractice]:
    """The library by name, optionally only one model of response."""
    kind = _model(model) if model is not None else None
    with db.read() as s:
        query = select(BestPractice).order_by(BestPractice.name)
        if kind is not None:
            query = query.where(BestPractice.model == kind)
        return list(s.scalars(query))


def upsert_library(db: Database, actor: Actor, entries: list[dict[str, Any]]) -> int:
    """Load entries by name: add the missing, update the changed; returns how many were added."""
    require_role(actor, Role.FACILITATOR)
    cleaned = []
    for number, entry in enumerate(entries, start=1):
        missing = [f for f in ("name", "city", "model", "summary") if not entry.get(f)]
        if missing:
            raise ValidationError(
                _("Library entry {number} has no {fields}. Fill them in and load again.").format(
                    number=number, fields=", ".join(missing)
                )
            )
        cleaned.append(_clean(BestPracticeFields(**{f: entry.get(f, "") for f in _FIELDS})))
    # The Spanish of the summary, staffing and results ride along as the translations of
    # the English (services/translations): `summary_es`, `staffing_es`, `evidence_es`.
    spanish = [{f: str(entry.get(f"{f}_es") or "") for f in TRANSLATED_FIELDS} for entry in entries]
    added = 0
    with db.write() as s:
        existing = {p.name.lower(): p for p in s.scalars(select(BestPractice))}
        for values, in_spanish in zip(cleaned, spanish, strict=True):
            practice = existing.get(values["name"].lower())
            if practice is None:
                practice = BestPractice(**values)
                s.add(practice)
                s.flush()
                existing[values["name"].lower()] = practice
                added += 1
                action = "created"
            elif any(getattr(practice, f) != v for f, v in values.items()):
                for field, value in values.items():
                    setattr(practice, field, value)
                action = "updated"
            else:
                _keep_spanish(s, actor, practice, in_spanish)
                continue
            _keep_spanish(s, actor, practice, in_spanish)
            audit.record(
                s,
                actor,
                audit.Change(
                    entity="best_practice",
                    entity_id=practice.id,
                    action=action,
                    detail={"name": practice.name},
                ),
            )
    return added


def _keep_spanish(
    s: Session, actor: Actor, practice: BestPractice, spanish: dict[str, str]
) -> None:
    """Each field's Spanish as the translation of its English, when it says something new."""
    stored = field_translations(s, "best_practice", [practice.id], SPANISH, spanish)
    for field, words in spanish.items():
        original = getattr(practice, field)
        now = stored.get((practice.id, field))
        if not words or not original.strip():
            continue
        if now and now.text == words and now.source_hash == fingerprint(original):
            continue
        entry = translate.Translation(
            kind="best_practice", entity_id=practice.id, field=field, text=words
        )
        translate.keep(s, actor, entry)


def _clean(fields: BestPracticeFields) -> dict[str, Any]:
    url = optional_text(fields.source_url, N_("Source link"), URL_MAX)
    if url and (not url.startswith("https://") or " " in url):
        raise ValidationError(
            _(
                "The source link “{url}” must be a secure web address starting with https://. "
                "Copy it from the browser's address bar, or leave it empty."
            ).format(url=url)
        )
    return {
        "name": clean_text(fields.name, N_("Programme name"), NAME_MAX),
        "city": clean_text(fields.city, N_("City"), NAME_MAX),
        "model": _model(fields.model),
        "summary": clean_text(fields.summary, N_("Summary"), TEXT_MAX),
        "staffing": optional_text(fields.staffing, N_("Staffing"), TEXT_MAX),
        "evidence": optional_text(fields.evidence, N_("Evidence"), TEXT_MAX),
        "source_url": url,
    }


def _model(value: ResponseModel | str) -> ResponseModel:
    try:
        return ResponseModel(value)
    except ValueError:
        choices = ", ".join(m.value for m in ResponseModel)
        raise ValidationError(
            _("“{value}” is not a model of response; use one of {choices}.").format(
                value=value, choices=choices
            )
        ) from None


def _refuse_duplicate(s: Session, name: str) -> None:
    clash = s.scalar(select(BestPractice.id).where(func.lower(BestPractice.name) == name.lower()))
    if clash is not None:
        raise ValidationError(
            _(
                "The library already has “{name}”. Edit that entry instead of adding it twice."
            ).format(name=name)
        )
