"""The ideas screen's record: a table's ideas, or the facilitator's whole board to moderate."""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable
from dataclasses import dataclass

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

import i18n
from db.database import Database
from db.models import Idea, MeetingTable, Stakeholder, Theme
from db.models.enums import IdeaStatus
from services.core import confidential
from services.core.actors import Actor
from services.prepare.imported_credit import idea_credits_in
from services.room import late_notes
from services.room.board import themes_in
from services.room.room_control import RoomState, room_state_in
from services.room.table_pages import group_choices, open_linked_table_page, open_table_page
from services.translations.shown import DEFAULT_SOURCE, Shown, labelled, other_language, shown
from services.translations.translate import translation_version, translations_for


@dataclass(frozen=True, slots=True)
class IdeaCard:
    """One idea as the board shows it: its words, where it came from, what became of it."""

    id: int
    text: str
    status: IdeaStatus
    stakeholder_id: int | None
    confidential: bool
    late: bool
    table_number: int | None
    """None: the facilitator added it, at no table."""
    group: str
    """The group of the person who raised it, by name; '' when not given."""
    theme: str
    """The theme it is grouped under, as its reader reads it (`labelled`); '' when none."""
    reading: Shown
    """Its words in the reader's language: a translation, or `text` itself, and which."""

    @property
    def visible(self) -> bool:
        return self.status is IdeaStatus.VISIBLE


@dataclass(frozen=True, slots=True)
class TableIdeas:
    """A table's ideas on the board, oldest first, and whether some wait for approval."""

    ideas: tuple[IdeaCard, ...]
    waiting: bool


@dataclass(frozen=True, slots=True)
class IdeasScreen:
    """What the ideas screen shows one reader."""

    meeting_id: int
    table_id: int | None
    """The table whose page this is; None: the facilitator's board of every table."""
    table_number: int | None
    room: RoomState
    gate: str
    """What a save from this screen does now (late_notes.input_gate): open, late, closed…"""
    groups: tuple[tuple[int, str], ...]
    """(id, name) of the initiative's groups, by name."""
    table_numbers: tuple[int, ...]
    themes: tuple[tuple[int, str], ...]
    """(id, name) of the meeting's themes, by name."""
    ideas: tuple[IdeaCard, ...]
    """Oldest first. A table's page: the table's ideas on the board that the reader may
    read. The board: every idea, hidden, merged and waiting ones too, for `board()`."""
    waiting: bool
    """On a table's page, whether some of its ideas wait for the facilitator's approval."""
    credits: tuple[tuple[int, str], ...]
    """On the board: (idea id, attribution) of each idea imported from a Pol.is
    conversation, in the order of the imports; CC BY 4.0 asks for the credit wherever its
    statements show (`credits_for`)."""
    theme_words: tuple[Shown, ...] = ()
    """On the board, beside `themes`: each name as a reader of the other language reads
    it, its translation included, for the facilitator to write or correct."""

    @property
    def moderates(self) -> bool:
        """Whether this is the facilitator's board, with the queue and the moderation."""
        return self.table_id is None

    def board(
        self, tables: Collection[int] = (), groups: Collection[int] = (), hidden: bool = False
    ) -> tuple[IdeaCard, ...]:
        """The board's ideas from these table numbers and group ids (none picked: all),
        with hidden, merged and waiting ones only when asked for."""
        return tuple(
            i
            for i in self.ideas
            if (hidden or i.visible)
            and (not tables or i.table_number in tables)
            and (not groups or i.stakeholder_id in groups)
        )

    def credits_for(self, shown: Collection[IdeaCard]) -> tuple[str, ...]:
        """The attributions a board showing these ideas must carry, each once, in import order."""
        ids = {i.id for i in shown}
        return tuple(dict.fromkeys(credit for idea_id, credit in self.credits if idea_id in ids))


def cloud_texts(ideas: Collection[IdeaCard]) -> list[str]:
    """The words of the word cloud: ideas on the board that the whole room may read."""
    return [i.text for i in ideas if i.visible and not i.confidential]


BoardCache = Callable[[Hashable, Callable[[], tuple[IdeaCard, ...]]], tuple[IdeaCard, ...]]
"""(key, load) → the board's cards: load()'s answer, or what it gave for an equal key."""


def read(
    db: Database,
    actor: Actor,
    meeting_id: int,
    table_number: int | None,
    board_cache: BoardCache | None = None,
) -> IdeasScreen:
    """The ideas screen of one table (a scribe's own, or any for a facilitator), or the
    facilitator's board of every table, in one read; refused in words otherwise.

    `table_number` is the page link's `?table=N`; None opens the scribe's own table, or
    the whole board for a facilitator.

    `board_cache` may keep the board's cards between reads. Its key is everything they are
    made of: the fingerprint of every idea of the meeting (each change to one sets its
    `updated_at`, and adding or removing one changes the count or the newest id), the
    tables' numbers and the names of the groups and themes, the meeting's translations
    and the reader's language (the run's: `i18n.using` in a test). Making every card again
    on each run was most of the board at 10× the data (bench/).
    """
    language = i18n.current()
    with db.read() as s:
        meeting, table = open_linked_table_page(s, actor, meeting_id, table_number)
        room = room_state_in(s, meeting)
        numbered = s.execute(
            select(MeetingTable.id, MeetingTable.number)
            .where(MeetingTable.meeting_id == meeting.id)
            .order_by(MeetingTable.number)
        )
        tables = tuple((table_id, number) for table_id, number in numbered)
        themes = tuple(themes_in(s, meeting.id))
        groups = group_choices(s, meeting.initiative_id)
        here = _table_ideas(s, actor, meeting.id, table.id, language) if table else None
        if here is not None:
            cards = here.ideas
        else:
            load = lambda: _cards(s, _of_meeting(meeting.id), language)  # noqa: E731
            if board_cache is None:
                cards = load()
            else:
                made_of = (str(db.engine.url), meeting.id, _fingerprint(s, meeting.id))
                read_in = (
                    language,
                    translation_version(s, "idea", meeting.initiative_id),
                    translation_version(s, "theme", meeting.initiative_id),
                )
                cards = board_cache((*made_of, *read_in, tables, themes, groups), load)
        return IdeasScreen(
            meeting_id=meeting.id,
            table_id=table.id if table else None,
            table_number=table.number if table else None,
            room=room,
            gate=late_notes.input_gate(room, actor.is_facilitator),
            groups=groups,
            table_numbers=tuple(number for _id, number in tables),
            themes=themes,
            ideas=cards,
            waiting=here.waiting if here else False,
            credits=() if here else tuple(idea_credits_in(s, meeting.id).items()),
            theme_words=() if here else _theme_words(s, themes),
        )


def _theme_words(s: Session, themes: tuple[tuple[int, str], ...]) -> tuple[Shown, ...]:
    """Each theme's name as a reader of the other language reads it (no query without
    themes)."""
    into = other_language(DEFAULT_SOURCE)
    stored = translations_for(s, "theme", [t for t, _n in themes], into, "name")
    return tuple(shown(name, stored.get(t), into) for t, name in themes)


def _fingerprint(s: Session, meeting_id: int) -> tuple[int, int, str]:
    """Every idea of the meeting, whatever its status, as ideas.wall_version says the room's."""
    count, newest_id, newest_change = s.execute(
        select(func.count(), func.max(Idea.id), func.max(Idea.updated_at)).where(
            Idea.meeting_id == meeting_id
        )
    ).one()
    return count, newest_id or 0, str(newest_change or "")


def table_ideas(
    db: Database, actor: Actor, meeting_id: int, table_id: int, language: str | None = None
) -> TableIdeas:
    """A table's ideas alone: what the idea form draws again after a save."""
    with db.read() as s:
        open_table_page(s, actor, meeting_id, table_id)
        return _table_ideas(s, actor, meeting_id, table_id, language or i18n.current())


def _table_ideas(
    s: Session, actor: Actor, meeting_id: int, table_id: int, language: str
) -> TableIdeas:
    query = _of_meeting(meeting_id).where(Idea.table_id == table_id)
    # A scribe sees their own table's confidential ideas (services/core/confidential.py).
    rule = confidential.readable_by(actor, Idea.confidential, Idea.table_id)
    query = query if rule is None else query.where(rule)
    waiting = s.scalar(
        select(Idea.id).where(Idea.table_id == table_id, Idea.status == IdeaStatus.PENDING).limit(1)
    )
    return TableIdeas(
        _cards(s, query.where(Idea.status == IdeaStatus.VISIBLE), language), waiting is not None
    )


def _of_meeting(meeting_id: int) -> Select:
    table, group, theme = aliased(MeetingTable), aliased(Stakeholder), aliased(Theme)
    # Columns, not Idea objects: the board holds every idea of the meeting, and making
    # thousands of ORM objects on each run was most of the page at 10× the data (bench/).
    return (
        select(*_CARD_COLUMNS, table.number, group.name, theme.name, theme.id)
        .outerjoin(table, table.id == Idea.table_id)
        .outerjoin(group, group.id == Idea.stakeholder_id)
        .outerjoin(theme, theme.id == Idea.theme_id)
        .where(Idea.meeting_id == meeting_id)
    )


_CARD_COLUMNS = (Idea.id, Idea.text, Idea.status, Idea.stakeholder_id, Idea.confidential, Idea.late)


def _cards(s: Session, query: Select, language: str) -> tuple[IdeaCard, ...]:
    rows = [tuple(row) for row in s.execute(query.order_by(Idea.created_at, Idea.id))]
    # One query for every card's translation, however many cards; one for their themes'.
    stored = translations_for(s, "idea", [row[0] for row in rows], language)
    themed = {row[9]: row[8] or "" for row in rows if row[9] is not None}
    said = translations_for(s, "theme", list(themed), language, "name") if themed else {}
    themes: dict[int | None, str] = {
        t: labelled(shown(name, said.get(t), language)) for t, name in themed.items()
    }
    return tuple(
        _card(row, shown(row[1], stored.get(row[0]), language), themes.get(row[9], ""))
        for row in rows
    )


_CardRow = tuple[
    int, str, IdeaStatus, int | None, bool, bool, int | None, str | None, str | None, int | None
]


def _card(row: _CardRow, reading: Shown, theme: str) -> IdeaCard:
    """A row of _CARD_COLUMNS with the idea's table number, group and theme; `theme` the
    theme's name as the reader reads it (`labelled`)."""
    idea_id, text, status, stakeholder_id, secret, late, table_number, group, _name, _id = row
    return IdeaCard(
        idea_id,
        text,
        status,
        stakeholder_id,
        secret,
        late,
        table_number,
        group or "",
        theme,
        reading,
    )
