"""The solve screen's record: the top of the vote, the options with their ratings, the library."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

import i18n
from db.database import Database
from db.models import BestPractice, Option
from db.models import option_citation as citation
from db.models.enums import CostBand, ResponseModel, Role
from i18n import _
from services.converge.tallies import results_in
from services.converge.voting_rounds import round_to_show_in
from services.core import membership
from services.core.actors import Actor, require_role
from services.room.board import open_ideas_in, themes_in
from services.room.table_pages import table_in_focus
from services.solve.option_ratings import OptionScore, ratings_summary_in
from services.translations.shown import Shown, labelled, original_shown, shown
from services.translations.translate import (
    KINDS,
    field_translations,
    fields_shown,
    translations_for,
)

TOP_OF_THE_VOTE = 5
OPTION_FIELDS = KINDS["option"].fields
"""The fields of an option that carry a translation."""


@dataclass(frozen=True, slots=True)
class Programme:
    """A programme of the best-practice library: a response to 911 and crisis calls."""

    id: int
    name: str
    city: str
    model: ResponseModel
    summary: str
    staffing: str
    evidence: str
    source_url: str
    words: Mapping[str, Shown] = field(default_factory=dict)
    """What it does, its staffing and its results (each written) in the reader's language:
    a translation, or as written, and which."""


@dataclass(frozen=True, slots=True)
class OptionCard:
    """An option with the tables' ratings of it and the programmes it draws on, by name."""

    id: int
    title: str
    description: str
    delivered_by: str
    cost_band: CostBand
    impact: int
    feasibility: int
    risks: str
    score: OptionScore | None
    cites: tuple[str, ...]
    title_shown: Shown | None = None
    """The title in the reader's language: a translation, or `title`, and which."""
    description_shown: Shown | None = None
    risks_shown: Shown | None = None


@dataclass(frozen=True, slots=True)
class SolveScreen:
    """What the solve screen shows one reader."""

    top_of_the_vote: tuple[Shown, ...] | None
    """The first items of the round the room sees, by common ground; None: no round yet."""
    topics: tuple[tuple[tuple[str, int], str], ...]
    """What an option can be for: (("idea", id), text) of each idea on the board that the
    whole room may read, then (("theme", id), "Theme: name") of each theme."""
    options: tuple[OptionCard, ...]
    """In the order they were written."""
    library: tuple[Programme, ...]
    """Every programme, by name."""
    rating_table: tuple[int, int] | None
    """(id, number) of the table this page rates for; None: no ratings from this page."""
    may_translate: bool = False
    """A facilitator writes options' translations (services/translations)."""

    def programmes(self, model: ResponseModel | None = None) -> tuple[Programme, ...]:
        """The library, or only its programmes of one model of response."""
        return tuple(p for p in self.library if model is None or p.model is model)


def read(
    db: Database,
    actor: Actor,
    meeting_id: int,
    table_number: int | None,
    with_topics: bool = True,
) -> SolveScreen:
    """The solve screen for a facilitator or a scribe, in one read; the page rates for the
    table of its link (`table_number`), else the scribe's own (rating itself checks who may
    rate for it). `with_topics`: read what an option can be for (every idea on the board:
    thousands in a big room), which only the new option's form shows; else `topics` is
    empty."""
    require_role(actor, Role.FACILITATOR, Role.SCRIBE)
    with db.read() as s:
        membership.require_meeting_member(s, actor, meeting_id)
        on_screen = round_to_show_in(s, meeting_id)
        top = None
        if on_screen is not None:
            counted = results_in(s, on_screen.id)
            named = {row.item_id: row.name for row in counted.by_group}
            top = tuple(
                named.get(r.item_id) or original_shown(r.text, i18n.current())
                for r in counted.ranking[:TOP_OF_THE_VOTE]
            )
        language = i18n.current()
        topics = _topics(s, meeting_id, language) if with_topics else ()
        table = table_in_focus(s, actor, meeting_id, table_number)
        practices = list(s.scalars(select(BestPractice).order_by(BestPractice.name)))
        written = KINDS["best_practice"].fields
        stored = field_translations(
            s, "best_practice", [p.id for p in practices], language, written
        )
        library = tuple(
            Programme(
                p.id, p.name, p.city, p.model, p.summary, p.staffing, p.evidence, p.source_url,
                fields_shown(p.id, {f: getattr(p, f) for f in written}, stored, language),
            )
            for p in practices
        )  # fmt: skip
        return SolveScreen(
            top_of_the_vote=top,
            topics=topics,
            options=_options(s, meeting_id, language),
            library=library,
            rating_table=(table.id, table.number) if table else None,
            may_translate=actor.is_facilitator,
        )


def _topics(s: Session, meeting_id: int, language: str) -> tuple[tuple[tuple[str, int], str], ...]:
    on_board, themes = open_ideas_in(s, meeting_id), themes_in(s, meeting_id)
    idea_words = translations_for(s, "idea", [i for i, _text in on_board], language)
    theme_words = translations_for(s, "theme", [t for t, _n in themes], language, "name")
    topics = [
        (("idea", i), labelled(shown(text, idea_words.get(i), language))) for i, text in on_board
    ]
    topics += [
        (("theme", t), _("Theme: {name}").format(
            name=labelled(shown(name, theme_words.get(t), language))
        ))
        for t, name in themes
    ]  # fmt: skip
    return tuple(topics)


def _options(s: Session, meeting_id: int, language: str) -> tuple[OptionCard, ...]:
    scores = {score.option_id: score for score in ratings_summary_in(s, meeting_id)}
    cited: dict[int, list[str]] = defaultdict(list)
    for option_id, name in s.execute(
        select(citation.c.option_id, BestPractice.name)
        .join(BestPractice, BestPractice.id == citation.c.best_practice_id)
        .join(Option, Option.id == citation.c.option_id)
        .where(Option.meeting_id == meeting_id)
        .order_by(BestPractice.name)
    ):
        cited[option_id].append(name)
    made = list(
        s.scalars(select(Option).where(Option.meeting_id == meeting_id).order_by(Option.id))
    )
    words = field_translations(s, "option", [o.id for o in made], language, OPTION_FIELDS)
    cards = []
    for o in made:
        # One language per option: a translation of one field says the others' too.
        read = fields_shown(o.id, {f: getattr(o, f) for f in OPTION_FIELDS}, words, language)
        cards.append(
            OptionCard(
                o.id,
                o.title,
                o.description,
                o.delivered_by,
                o.cost_band,
                o.impact,
                o.feasibility,
                o.risks,
                scores.get(o.id),
                tuple(cited[o.id]),
                read.get("title"),
                read.get("description"),
                read.get("risks"),
            )
        )
    return tuple(cards)
