"""A meeting's agenda: its items in order; any change sends an approved agenda back to draft."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.database import Database
from db.models import AgendaItem, Meeting
from db.models.enums import Role, Skill, Step
from i18n import ENGLISH, N_, _
from services.agenda import agenda_review
from services.agenda.agenda_template import (
    AGENDA_FIELDS,
    STANDARD_AGENDA,
    STANDARD_AGENDA_SPANISH,
)
from services.core import audit, membership
from services.core.actors import Actor, require_role
from services.core.errors import ValidationError
from services.core.validation import (
    NAME_MAX,
    TEXT_MAX,
    clean_text,
    in_range,
    optional_text,
    require,
)
from services.translations import translate, written

MINUTES_MAX = 480


def add_standard_agenda(db: Database, actor: Actor, meeting_id: int) -> list[AgendaItem]:
    """Fill an empty agenda with the standard one (services/agenda/agenda_template.py)."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        meeting = require(s, Meeting, meeting_id, N_("meeting"))
        if s.scalar(select(func.count()).where(AgendaItem.meeting_id == meeting_id)):
            raise ValidationError(
                _(
                    "This agenda already has steps. Remove them first to start from the standard "
                    "agenda, or add steps one by one."
                )
            )
        items = [
            AgendaItem(
                meeting_id=meeting_id,
                position=position,
                **_clean(
                    ItemFields(
                        title=title,
                        step=step,
                        minutes=minutes,
                        skill=skill,
                        goal=goal,
                        prompt=prompt,
                    )
                ),
            )
            for position, (title, step, skill, minutes, goal, prompt) in enumerate(
                STANDARD_AGENDA, start=1
            )
        ]
        s.add_all(items)
        s.flush()
        for item in items:
            _changed(s, actor, meeting, item, "created")
            # The product's words: English, with their Spanish kept as translations.
            written.record_new(s, "agenda_item", item.id, meeting.initiative_id, ENGLISH)
            for entry in standard_translations(item):
                translate.keep(s, actor, entry)
        return items


def standard_translations(item: AgendaItem) -> list[translate.Translation]:
    """The Spanish of a step of the standard agenda, as translations of its English words;
    none for a step of any other title."""
    spanish = STANDARD_AGENDA_SPANISH.get(item.title)
    if spanish is None:
        return []
    return [
        translate.Translation(kind="agenda_item", entity_id=item.id, field=field, text=text)
        for field, text in zip(AGENDA_FIELDS, spanish, strict=True)
        if getattr(item, field)
    ]


@dataclass(frozen=True, slots=True, kw_only=True)
class ItemFields:
    """An agenda item as planned: the same for adding and for changing it.

    `premoderate`: its ideas wait for approval. None leaves a changed item as it was and
    adds a new one without the wait.
    """

    title: str
    step: Step | str
    minutes: int
    skill: Skill | str | None = None
    goal: str = ""
    materials: str = ""
    prompt: str = ""
    premoderate: bool | None = None


def add_item(db: Database, actor: Actor, meeting_id: int, fields: ItemFields) -> AgendaItem:
    """Append an item at the end of the agenda; `premoderate`: its ideas wait for approval."""
    require_role(actor, Role.FACILITATOR)
    premoderate = bool(fields.premoderate)
    values = _clean(fields)
    with db.write() as s:
        meeting = require(s, Meeting, meeting_id, N_("meeting"))
        last = s.scalar(
            select(func.max(AgendaItem.position)).where(AgendaItem.meeting_id == meeting_id)
        )
        item = AgendaItem(
            meeting_id=meeting_id, position=(last or 0) + 1, premoderate=premoderate, **values
        )
        s.add(item)
        s.flush()
        _changed(s, actor, meeting, item, "created")
        written.record_new(s, "agenda_item", item.id, meeting.initiative_id)
        return item


def update_item(db: Database, actor: Actor, item_id: int, fields: ItemFields) -> AgendaItem:
    """Change an item's title, step, length, skill, goal, materials or prompt, and whether
    its ideas wait for approval (None leaves that as it is)."""
    require_role(actor, Role.FACILITATOR)
    values = _clean(fields)
    with db.write() as s:
        item = require(s, AgendaItem, item_id, N_("agenda item"))
        for key, value in values.items():
            setattr(item, key, value)
        if fields.premoderate is not None:
            item.premoderate = fields.premoderate
        _changed(s, actor, s.get_one(Meeting, item.meeting_id), item, "updated")
        return item


def delete_item(db: Database, actor: Actor, item_id: int) -> None:
    """Remove an item; the ones after it move up so positions stay 1..n."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        item = require(s, AgendaItem, item_id, N_("agenda item"))
        meeting = s.get_one(Meeting, item.meeting_id)
        if meeting.current_item_id == item.id:
            raise ValidationError(
                _(
                    "The room is on “{title}” right now. Move the room to another item first, then "
                    "remove this one."
                ).format(title=item.title)
            )
        _changed(s, actor, meeting, item, "deleted")
        s.delete(item)
        s.flush()
        later = s.scalars(
            select(AgendaItem)
            .where(AgendaItem.meeting_id == meeting.id, AgendaItem.position > item.position)
            .order_by(AgendaItem.position)
        )
        # One row at a time, in order, so no two items ever share a position.
        for following in list(later):
            following.position -= 1
            s.flush()


def move_item(db: Database, actor: Actor, item_id: int, direction: int) -> AgendaItem:
    """Swap an item with the one above (-1) or below (+1)."""
    require_role(actor, Role.FACILITATOR)
    if direction not in (-1, 1):
        raise ValidationError(
            _("An item moves up (-1) or down (+1) one place; got {direction}.").format(
                direction=direction
            )
        )
    with db.write() as s:
        item = require(s, AgendaItem, item_id, N_("agenda item"))
        here = item.position
        other = s.scalar(
            select(AgendaItem).where(
                AgendaItem.meeting_id == item.meeting_id, AgendaItem.position == here + direction
            )
        )
        if other is None:
            raise ValidationError(
                (
                    _("“{title}” is already the first item.")
                    if direction < 0
                    else _("“{title}” is already the last item.")
                ).format(title=item.title)
            )
        # The unique (meeting, position) constraint is checked row by row, so one item
        # waits at a position no other can hold while the other takes its place.
        item.position = -item.id
        s.flush()
        other.position = here
        s.flush()
        item.position = here + direction
        _changed(s, actor, s.get_one(Meeting, item.meeting_id), item, "moved")
        return item


def list_agenda(db: Database, meeting_id: int, *, actor: Actor) -> list[AgendaItem]:
    """The meeting's agenda items, by position; refused outside the actor's initiatives."""
    with db.read() as s:
        membership.require_meeting_member(s, actor, meeting_id)
        query = (
            select(AgendaItem)
            .where(AgendaItem.meeting_id == meeting_id)
            .order_by(AgendaItem.position)
        )
        return list(s.scalars(query))


def _clean(fields: ItemFields) -> dict[str, object]:
    skill = fields.skill
    return {
        "title": clean_text(fields.title, N_("Item title"), NAME_MAX),
        "step": _vocab(Step, fields.step, N_("step")),
        "minutes": in_range(fields.minutes, N_("Minutes"), 1, MINUTES_MAX),
        "skill": None if skill in (None, "") else _vocab(Skill, skill, N_("skill")),
        "goal": optional_text(fields.goal, N_("Goal"), TEXT_MAX),
        "materials": optional_text(fields.materials, N_("Materials"), TEXT_MAX),
        "prompt": optional_text(fields.prompt, N_("Prompt"), TEXT_MAX),
    }


def _vocab(kind: type[Step] | type[Skill], value: object, word: str) -> Step | Skill:
    try:
        return kind(value)
    except ValueError:
        raise ValidationError(
            _("“{value}” is not a {word} of the agenda.").format(value=value, word=_(word))
        ) from None


def _changed(s: Session, actor: Actor, meeting: Meeting, item: AgendaItem, action: str) -> None:
    detail = {"title": item.title, "position": item.position}
    audit.record(
        s,
        actor,
        audit.Change(
            entity="agenda_item",
            entity_id=item.id,
            action=action,
            detail=detail,
            initiative_id=meeting.initiative_id,
        ),
    )
    # An approval covers the agenda as it was read, not as it is now: leaders review again.
    agenda_review.reopen(s, meeting, actor)
