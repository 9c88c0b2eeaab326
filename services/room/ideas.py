"""Ideas on the live board: raised at tables, edited, hidden, merged, removed."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, Row, Select, bindparam, func, select
from sqlalchemy.orm import Session

from db.database import Database
from db.models import ContentTranslation, Idea, Meeting, RoundItem, utcnow
from db.models.enums import IdeaStatus, Role
from i18n import N_, _
from services.converge.voting_items import voted_rounds
from services.core import audit, confidential, membership
from services.core.actors import Actor, require_role
from services.core.errors import ValidationError
from services.core.scope import check_table_access, require_input_open, require_stakeholder
from services.core.validation import TEXT_MAX, clean_text, require
from services.core.writes import clean_key, insert_once
from services.room import idea_queue, late_notes
from services.translations import translate, written


@dataclass(frozen=True, slots=True, kw_only=True)
class IdeaFields:
    """What an idea says, whose it is and who may read it: what adding and changing share."""

    text: str
    stakeholder_id: int | None = None
    confidential: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class NewIdea(IdeaFields):
    """An idea as it reaches the board: from a table, or from none (then name the meeting).

    `submission_key` is the form's: a repeated tap with the same key saves nothing twice.
    """

    table_id: int | None
    meeting_id: int | None = None
    submission_key: str | None = None
    translation: str = ""
    """The idea in the other language, typed by a bilingual scribe; '' for none yet."""
    written_in: str | None = None
    """The language `text` is written in (None: the writer's screen's); the translation is
    in the other."""


@dataclass(frozen=True, slots=True, kw_only=True)
class IdeaFilter:
    """Which of a meeting's ideas to list: by default every visible one, from any table."""

    table_id: int | None = None
    stakeholder_id: int | None = None
    include_hidden: bool = False
    include_confidential: bool = True


def add_idea(db: Database, actor: Actor, new: NewIdea) -> Idea:
    """Put an idea on the board; without a table only a facilitator may (then name the meeting)."""
    clean = clean_text(new.text, N_("Idea"), TEXT_MAX)
    key = clean_key(new.submission_key)
    if new.translation.strip():  # refused in words before the write, like the idea itself
        translate.check(_translation_of(0, new))
    table_id, meeting_id, stakeholder_id = new.table_id, new.meeting_id, new.stakeholder_id
    with db.write() as s:
        if table_id is None:
            require_role(actor, Role.FACILITATOR)
            if meeting_id is None:
                raise ValidationError(
                    _("An idea from no table needs its meeting. Pick the meeting.")
                )
            meeting = require(s, Meeting, meeting_id, N_("meeting"))
        else:
            table = check_table_access(s, actor, table_id)
            if meeting_id is not None and meeting_id != table.meeting_id:
                raise ValidationError(
                    _("Table {number} is not part of this meeting. Reload the page.").format(
                        number=table.number
                    )
                )
            meeting = s.get_one(Meeting, table.meeting_id)
        # After input closed, a step that allows late notes still takes a scribe's idea.
        late = not actor.is_facilitator and late_notes.saved_late(s, meeting)
        idea = Idea(
            meeting_id=meeting.id,
            table_id=table_id,
            stakeholder_id=require_stakeholder(s, stakeholder_id, meeting.initiative_id),
            text=clean,
            confidential=new.confidential,
            author_account_id=actor.account_id,
            submission_key=key,
            status=idea_queue.status_for_new_idea(s, actor, meeting),
            late=late,
        )
        saved = insert_once(s, idea, Idea, meeting.id, key)
        if saved is idea:
            written.record_new(s, "idea", idea.id, meeting.initiative_id, new.written_in)
        if saved is idea and new.translation.strip():
            translate.keep(s, actor, _translation_of(idea.id, new))
        if saved is idea:
            detail = {"table_id": table_id}
            audit.record(
                s,
                actor,
                audit.Change(
                    entity="idea",
                    entity_id=idea.id,
                    action="created",
                    detail=detail,
                    initiative_id=meeting.initiative_id,
                ),
            )
        return saved


def _translation_of(idea_id: int, new: NewIdea) -> translate.Translation:
    return translate.Translation(
        kind="idea", entity_id=idea_id, text=new.translation, source_language=new.written_in
    )


def update_idea(db: Database, actor: Actor, idea_id: int, fields: IdeaFields) -> Idea:
    """Reword an idea; scribes only their own table's, while input is open."""
    clean = clean_text(fields.text, N_("Idea"), TEXT_MAX)
    stakeholder_id, confidential = fields.stakeholder_id, fields.confidential
    with db.write() as s:
        idea = require(s, Idea, idea_id, N_("idea"))
        if idea.table_id is None:
            require_role(actor, Role.FACILITATOR)
        else:
            check_table_access(s, actor, idea.table_id)
        meeting = s.get_one(Meeting, idea.meeting_id)
        if not actor.is_facilitator:
            require_input_open(meeting)
        if confidential and not idea.confidential and _on_a_ballot(s, idea.id):
            raise ValidationError(
                _(
                    "This idea is already on a ballot that every voter and the projector see, so "
                    "it cannot be made confidential now."
                )
            )
        if idea_queue.needs_approval_again(s, actor, meeting, idea, clean):
            idea.status = IdeaStatus.PENDING
        idea.text, idea.confidential = clean, confidential
        idea.stakeholder_id = require_stakeholder(s, stakeholder_id, meeting.initiative_id)
        idea.updated_at = utcnow()
        audit.record(
            s,
            actor,
            audit.Change(
                entity="idea",
                entity_id=idea.id,
                action="updated",
                detail={},
                initiative_id=meeting.initiative_id,
            ),
        )
        return idea


def hide_idea(db: Database, actor: Actor, idea_id: int) -> Idea:
    """Take an idea off the board without losing it."""
    return _set_status(db, actor, idea_id, IdeaStatus.HIDDEN)


def show_idea(db: Database, actor: Actor, idea_id: int) -> Idea:
    """Put a hidden idea back on the board."""
    return _set_status(db, actor, idea_id, IdeaStatus.VISIBLE)


def delete_idea(db: Database, actor: Actor, idea_id: int) -> None:
    """Remove an idea nobody has voted on and nothing was merged into."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        idea = require(s, Idea, idea_id, N_("idea"))
        rounds = voted_rounds(s, idea_id=idea.id)
        if rounds:
            raise ValidationError(
                _(
                    "Idea #{id} is on the ballot of {rounds}. "
                    "Hide it instead, so the votes on it are kept."
                ).format(id=idea.id, rounds=", ".join(rounds))
            )
        absorbed = s.scalar(select(func.count()).where(Idea.merged_into_id == idea.id))
        if absorbed:
            raise ValidationError(
                _("{absorbed} other idea(s) were merged into idea #{id}. Hide it instead.").format(
                    absorbed=absorbed, id=idea.id
                )
            )
        initiative_id = s.get_one(Meeting, idea.meeting_id).initiative_id
        audit.record(
            s,
            actor,
            audit.Change(
                entity="idea",
                entity_id=idea.id,
                action="deleted",
                detail={"text": idea.text},
                initiative_id=initiative_id,
            ),
        )
        s.delete(idea)


def list_ideas(
    db: Database, meeting_id: int, which: IdeaFilter | None = None, *, actor: Actor
) -> list[Idea]:
    """The meeting's ideas, oldest first; hidden, merged and waiting ones only when asked
    for; refused outside the actor's initiatives, confidential ones as services/core/
    confidential.py says (the projector reads its wall by the meeting's code instead)."""
    with db.read() as s:
        membership.require_meeting_member(s, actor, meeting_id)
        which = which or IdeaFilter()
        query = select(Idea).where(Idea.meeting_id == meeting_id)
        if which.table_id is not None:
            query = query.where(Idea.table_id == which.table_id)
        if which.stakeholder_id is not None:
            query = query.where(Idea.stakeholder_id == which.stakeholder_id)
        if not which.include_hidden:
            query = query.where(Idea.status == IdeaStatus.VISIBLE)
        if not which.include_confidential:
            query = query.where(Idea.confidential.is_(False))
        else:
            rule = confidential.readable_by(actor, Idea.confidential, Idea.table_id)
            query = query if rule is None else query.where(rule)
        return list(s.scalars(query.order_by(Idea.created_at, Idea.id)))


def wall_version(db: Database, actor: Actor, meeting_id: int) -> WallVersion:
    """A fingerprint of the ideas the room sees (visible, not confidential).

    It changes whenever one is added, edited, hidden, shown, merged, made confidential or
    removed, so a projector refreshing every two seconds can keep the board it drew until
    then instead of loading every idea again. Each of those changes sets `updated_at` or
    changes the count; the newest id and time are part of it too, and so are the count
    and newest change of the ideas' translations, which the wall shows too.
    """
    with db.read() as s:
        membership.require_meeting_member(s, actor, meeting_id)
        return wall_version_in(s, meeting_id)


WallVersion = tuple[int, int, str, str]
"""(visible ideas, newest id, newest change, their translations' newest change/count)."""


def wall_version_in(s: Session, meeting_id: int) -> WallVersion:
    """`wall_version` inside a transaction already open (the projector's one read)."""
    row = s.execute(_WALL_BY_ID, {"meeting_id": meeting_id}).one()
    return wall_version_of(row)


def wall_fingerprint(meeting_id: ColumnElement[int]) -> Select:
    """The fingerprint's query for the meeting `meeting_id` names (a parameter, or a
    subquery by code), its last column that id: None when it names no meeting.

    Its callers build it once, at import, with parameters: every projector runs it twice
    a second (codes.code_matches_param says why).
    """
    # The ideas' translations by their initiative (indexed), not by the meeting's ideas
    # (an IN over 6,000 of them cost a projector 1.5 ms a check at 10x the data): another
    # meeting's translation moves this fingerprint too, which only redraws a board.
    initiative = select(Meeting.initiative_id).where(Meeting.id == meeting_id).scalar_subquery()
    of_these = (
        ContentTranslation.kind == "idea",
        ContentTranslation.initiative_id == initiative,
    )
    translations = select(func.count()).where(*of_these).scalar_subquery()
    newest_translation = select(func.max(ContentTranslation.updated_at)).where(*of_these)
    return select(
        func.count(),
        func.max(Idea.id),
        func.max(Idea.updated_at),
        translations,
        newest_translation.scalar_subquery(),
        select(Meeting.id).where(Meeting.id == meeting_id).scalar_subquery(),
    ).where(
        Idea.meeting_id == meeting_id,
        Idea.status == IdeaStatus.VISIBLE,
        Idea.confidential.is_(False),
    )


def wall_version_of(row: Row) -> WallVersion:
    """The fingerprint from a row of `wall_fingerprint`."""
    count, newest_id, newest_change, translated, newest_translated, _meeting = row
    changed = f"{newest_translated or ''}/{translated}"
    return count, newest_id or 0, str(newest_change or ""), changed


_WALL_BY_ID = wall_fingerprint(bindparam("meeting_id"))


def _set_status(db: Database, actor: Actor, idea_id: int, status: IdeaStatus) -> Idea:
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        idea = require(s, Idea, idea_id, N_("idea"))
        if idea.status is IdeaStatus.MERGED:
            raise ValidationError(
                _(
                    "Idea #{id} was merged into idea #{merged_into_id}. Hide or show idea "
                    "#{merged_into_id} instead."
                ).format(id=idea.id, merged_into_id=idea.merged_into_id)
            )
        if idea.status is not status:
            before, idea.status, idea.updated_at = idea.status, status, utcnow()
            initiative_id = s.get_one(Meeting, idea.meeting_id).initiative_id
            detail = {"from": before.value}
            audit.record(
                s,
                actor,
                audit.Change(
                    entity="idea",
                    entity_id=idea.id,
                    action=status.value,
                    detail=detail,
                    initiative_id=initiative_id,
                ),
            )
        return idea


def _on_a_ballot(s: Session, idea_id: int) -> bool:
    return s.scalar(select(RoundItem.id).where(RoundItem.idea_id == idea_id).limit(1)) is not None
