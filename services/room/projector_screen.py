"""What the projector shows, read once per refresh, by the meeting's code."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

import i18n
from adapters.wordfreq import word_frequencies
from db.database import Database
from db.models import Idea, Meeting
from db.models.enums import IdeaStatus, MeetingStatus, Step
from i18n import _
from services.converge import tallies, voting_items, voting_reveal
from services.converge.tallies import RoundResults
from services.converge.voting_reveal import RoundOnScreen
from services.core import codes
from services.core.errors import NotFound
from services.partner.charter_screen import CharterOnScreen, charter_in
from services.prepare import imported_credit
from services.room import ideas, room_control, spotlight
from services.room.projector_settings import projector_languages
from services.room.room_control import RoomState
from services.room.spotlight import Spotlight
from services.translations.shown import Shown, Stored, other_language, room_words, words_language
from services.translations.shown import shown as in_language
from services.translations.translate import translations_for


@dataclass(frozen=True, slots=True)
class VotingOnScreen:
    """The round the projector is about; once its results may show, them and their credit."""

    shown: RoundOnScreen
    results: RoundResults | None
    credit: str | None
    """The attribution of an imported conversation, shown with its results."""
    names: Mapping[str, Mapping[int, Shown]] = field(default_factory=dict)
    """With the results: for each language the projector speaks (one, or both side by
    side), each ballot item's name (by round item id) as a reader of it reads it."""

    def names_in(self, language: str) -> Mapping[int, Shown]:
        """The items' names as a reader of `language` reads them ({} before results)."""
        return self.names.get(language, {})


@dataclass(frozen=True, slots=True)
class ProjectorScreen:
    """The room as the projector shows it; what the current step needs, nothing else.

    Nothing confidential: the spotlight, the wall and the charter leave it out.
    """

    meeting_id: int
    code: str
    """The meeting's code as stored: the key of the wall's cached words (`wall`)."""
    room: RoomState
    spotlight: Spotlight | None
    """A conflict on the projector takes the whole screen below the header."""
    wall_version: ideas.WallVersion | None
    """On an ideas step: the board's fingerprint, the key of its cached words (wall())."""
    voting: VotingOnScreen | None
    """On a voting step: the round on screen, None before there is one."""
    charter: CharterOnScreen | None
    """On a partnering step: the newest charter, None before its first version."""
    prompts: tuple[Shown, ...] = ()
    """The step's question for the room in the projector's language, then in the other
    one, when it has a translation (the room reads both); empty without a question."""


@dataclass(frozen=True, slots=True)
class Wall:
    """The ideas the room sees, newest first, when the newest came, and their words counted."""

    newest_first: tuple[str, ...]
    """Each idea's words as typed: what the word cloud counts."""
    newest_at: datetime | None
    counts: dict[str, int]
    translations: tuple[Stored | None, ...] = ()
    """Beside `newest_first`, each idea's translation, where it has one."""

    def words(self, first: int = 0, last: int | None = None) -> tuple[str, ...]:
        """The ideas `newest_first[first:last]` as the wall shows them in the run's language:
        a translation with what it is before it ("(Traducido del inglés) Más binomios", so a
        card's cut keeps the mark), else the words as typed. An idea nobody translated is
        not marked: on a wall read from across the room, a mark on every card would crowd
        out the ideas. Only a page's worth is asked for on each refresh: the whole board at
        10x the data took 6 ms a language, every two seconds, for eight cards."""
        return tuple(room_words(item) for item in self._shown(first, last))

    def page(
        self, first: int = 0, last: int | None = None
    ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """What a refresh draws: `words(first, last)`, and the language of each: the
        reader's, for a translation, else the one the idea was typed in (its card is marked
        with it, WCAG 3.1.2, so a screen reader reads a Spanish idea on an English wall in
        Spanish). Each idea is read once."""
        shown = self._shown(first, last)
        return tuple(room_words(i) for i in shown), tuple(words_language(i) for i in shown)

    def _shown(self, first: int, last: int | None) -> tuple[Shown, ...]:
        language = i18n.current()
        originals = self.newest_first[first:last]
        stored = self.translations[first:last] or (None,) * len(originals)
        return tuple(
            in_language(original, translation, language)
            for original, translation in zip(originals, stored, strict=True)
        )


def read(db: Database, code: str) -> ProjectorScreen:
    """The projector of the meeting whose code this is, in one read; refresh-cheap.

    The code is the key: the projector belongs to no account, and it shows only what the
    whole room may see.
    """
    with db.read() as s:
        meeting = _meeting_by_code(s, code)
        # Named first in the language the console chose for it, whatever its browser's: read
        # in the browser's, a Spanish-only wall on an English browser put the room's question
        # and the ranked ideas in English.
        with i18n.using(projector_languages(meeting.projector_language)[0]):
            return _screen_in(s, meeting)


def _screen_in(s: Session, meeting: Meeting) -> ProjectorScreen:
    state = room_control.state_in(s, meeting)
    # A closed meeting's projector only says thank you: nothing else is read for it.
    closed = state.status is MeetingStatus.CLOSED
    spot = None if closed else spotlight.spotlight_in(s, meeting.id)
    current = state.current
    step = current.step if current is not None and spot is None and not closed else None
    return ProjectorScreen(
        meeting_id=meeting.id,
        code=meeting.code,
        room=state,
        spotlight=spot,
        wall_version=ideas.wall_version_in(s, meeting.id) if step is Step.DIVERGE else None,
        voting=_voting(s, meeting) if step is Step.CONVERGE else None,
        charter=charter_in(s, meeting.id) if step is Step.PARTNER else None,
        prompts=() if closed else _prompts(state),
    )


def _prompts(state: room_control.RoomState) -> tuple[Shown, ...]:
    """The step's question in the projector's language and, translated, in the other."""
    here = i18n.current()
    first, other = state.step_prompt(here), state.step_prompt(other_language(here))
    if first is None or other is None or not first.original:
        return ()
    # One stored translation serves both readers: it is into one language, from the other.
    stored = state.step_words.get("prompt")
    return (first, other) if stored is not None and other.text != first.text else (first,)


def _meeting_by_code(s: Session, code: str) -> Meeting:
    matches = codes.code_matches(Meeting.code, code)
    meeting = None if matches is None else s.scalar(select(Meeting).where(matches))
    if meeting is None:
        raise _no_such_projector()
    return meeting


def _no_such_projector() -> NotFound:
    return NotFound(_("This projector link is not valid. Check the code on the console."))


def _voting(s: Session, meeting: Meeting) -> VotingOnScreen | None:
    shown = voting_reveal.round_on_screen_in(s, meeting.id)
    if shown is None or not shown.shows_results:
        return None if shown is None else VotingOnScreen(shown, None, None)
    results = tallies.results_in(s, shown.round_id)
    credit = imported_credit.round_credit_in(s, shown.round_id)
    # Only the languages this projector speaks: its read is every refresh's.
    names = {
        language: {
            item.id: item.name
            for item in voting_items.item_rows(s, shown.round_id, language)
            if item.name is not None
        }
        for language in projector_languages(meeting.projector_language)
    }
    return VotingOnScreen(shown, results, credit, names)


def wall_version(db: Database, code: str) -> ideas.WallVersion:
    """The fingerprint of the board the room sees (ideas.wall_version_in), for the
    meeting whose code this is: what the projector checks twice a second, in one query."""
    candidates = codes.code_candidates(code)
    if candidates is None:
        raise _no_such_projector()
    with db.read() as s:
        row = s.execute(_WALL_BY_CODE, {codes.CANDIDATES: candidates}).one()
    if row[-1] is None:  # the meeting's id: None when the code names none
        raise _no_such_projector()
    return ideas.wall_version_of(row)


_WALL_BY_CODE = ideas.wall_fingerprint(
    select(Meeting.id).where(codes.code_matches_param(Meeting.code)).scalar_subquery()
)


def wall(db: Database, code: str) -> Wall:
    """The board the room sees (visible ideas, nothing confidential) of the meeting whose
    code this is, its words counted.

    Read apart from the screen, and only when wall_version says the board changed: the
    projector caches it by that version (reloading 600 ideas every two seconds was most of
    a refresh, bench/).
    """
    with db.read() as s:
        meeting = _meeting_by_code(s, code)
        board = s.execute(
            select(Idea.id, Idea.text, Idea.created_at)
            .where(
                Idea.meeting_id == meeting.id,
                Idea.status == IdeaStatus.VISIBLE,
                Idea.confidential.is_(False),
            )
            .order_by(Idea.created_at, Idea.id)
        ).all()
        # Every translation is into one of the two languages from the other, so the read
        # for either language finds them all: one board serves a projector in both.
        stored = translations_for(s, "idea", [i for i, _t, _at in board], i18n.ENGLISH)
    texts = [text for _i, text, _at in board]
    newest = max((at for _i, _t, at in board), default=None)
    return Wall(
        tuple(reversed(texts)),
        newest,
        word_frequencies(texts, max_words=sys.maxsize),
        tuple(stored.get(i) for i, _t, _at in reversed(board)),
    )
