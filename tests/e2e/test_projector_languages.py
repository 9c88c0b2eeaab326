"""The projector in English and Spanish side by side, as the console sets it: the wall and
the results, their longest, still fit 1920×1080 without scrolling at the room's type size,
and each language's words are marked with their `lang`."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import select

from db.models import Account, AgendaItem, Meeting, MeetingTable, Participant, RoundItem
from services.converge import voting_ballots, voting_reveal, voting_rounds
from services.core.actors import SYSTEM, Actor
from services.core.vocab import Role, Step, VoteMode
from services.room import ideas, projector_settings, room_control
from services.translations import translate
from tests.browser import PROJECTOR, box, device, wait_idle
from tests.e2e.conftest import Demo
from tests.e2e.test_projector import LONG_IDEA, _fits

pytestmark = pytest.mark.e2e


def _go_to(demo: Demo, facilitator: Actor, meeting_id: int, step: Step) -> None:
    with demo.db.read() as s:
        query = select(AgendaItem.id).where(AgendaItem.meeting_id == meeting_id)
        item = s.scalars(query.where(AgendaItem.step == step)).first()
    assert item is not None
    room_control.go_to_step(demo.db, facilitator, meeting_id, item)


def _marked(wall: Page, language: str, words: str) -> None:
    part = wall.locator(f'.pj [lang="{language}"]').filter(has_text=words).first
    expect(part).to_be_visible()


def test_both_languages_side_by_side_fit_the_projector(
    browser: Browser, demo: Demo, screenshots: Path
) -> None:
    with demo.db.read() as s:
        meeting = s.scalars(select(Meeting)).one()
        meeting_id, code = meeting.id, meeting.code
        account = s.scalars(select(Account.id).where(Account.username == "facilitator")).one()
        table_id = s.scalars(select(MeetingTable.id).where(MeetingTable.number == 1)).one()
        codes = list(s.scalars(select(Participant.code).order_by(Participant.id)))[:6]
    facilitator = Actor(account, Role.FACILITATOR, "Facilitator")
    projector_settings.set_language(demo.db, facilitator, meeting_id, projector_settings.BOTH)
    if room_control.room_state(demo.db, meeting_id, actor=SYSTEM).current is None:
        room_control.start_meeting(demo.db, facilitator, meeting_id)
    _go_to(demo, facilitator, meeting_id, Step.DIVERGE)
    room_control.set_input(demo.db, facilitator, meeting_id, True)
    words = LONG_IDEA.split()
    made = [
        ideas.add_idea(
            demo.db,
            facilitator,
            ideas.NewIdea(table_id=table_id, text=f"Idea {n}: {' '.join(words[: 5 + 2 * n])}"),
        )
        for n in range(1, 19)
    ]
    # The newest idea with its Spanish (typed on the board's Translate tab in
    # test_translations.py): the card holds both, each marked, and still fits.
    spanish = "Idea 18 en español: " + " ".join(words[:20])
    entry = translate.Translation(kind="idea", entity_id=made[-1].id, text=spanish)
    translate.translate(demo.db, facilitator, entry)
    wall = device(browser, PROJECTOR).new_page()
    wall.goto(f"{demo.url}/projector?code={code}")
    wait_idle(wall)
    _marked(wall, "es", "(Traducido del inglés) Idea 18 en español")
    _marked(wall, "en", "Idea 18:")
    # Each version on its own lines inside the card: the long original cuts neither.
    card = box(wall.locator(".pj-card").filter(has_text="Idea 18 en español"))
    for language in ("en", "es"):
        versions = wall.locator(f'.pj-card .pj-lang[lang="{language}"]')
        part = box(versions.filter(has_text="Idea 18"))
        assert part["height"] > 20 and part["y"] + part["height"] <= card["y"] + card["height"]
    _marked(wall, "en", "18 ideas so far, newest first")
    _marked(wall, "es", "18 ideas hasta ahora, las más recientes primero")
    # The word cloud's caption: its label in each language, its counted words once.
    _marked(wall, "en", "Most frequent words:")
    _marked(wall, "es", "Palabras más frecuentes:")
    expect(wall.locator(".pj-words")).to_have_count(1)
    expect(wall.locator("html")).to_have_attribute("lang", "en")
    _fits({"1920": wall}, screenshots, "both-languages-ideas")

    # The results of a dot round, its longest: twelve items, so every page has four rows
    # (RESULT_PAGE_BOTH: both languages side by side).
    rnd = voting_rounds.create_round(
        demo.db,
        facilitator,
        meeting_id,
        voting_rounds.NewRound(
            title="What should the city do first?",
            mode=VoteMode.DOTS,
            idea_ids=[i.id for i in made[-12:]],
        ),
    )
    # Its title with its Spanish (typed on Converge in tests/views/test_translations.py).
    title = translate.Translation(
        kind="voting_round",
        entity_id=rnd.id,
        field="title",
        text="¿Qué debe hacer primero la ciudad?",
    )
    translate.translate(demo.db, facilitator, title)
    voting_rounds.open_round(demo.db, facilitator, rnd.id)
    with demo.db.read() as s:
        items = list(s.scalars(select(RoundItem.id).where(RoundItem.round_id == rnd.id)))
    # The first two voters back idea 18, the one with its Spanish: it leads the ranking.
    for n, voter in enumerate(codes):
        voting_ballots.set_dots(demo.db, voter, items[-1 if n < 2 else n], 2)
    voting_rounds.close_round(demo.db, facilitator, rnd.id)
    voting_reveal.reveal_results(demo.db, facilitator, rnd.id)
    _go_to(demo, facilitator, meeting_id, Step.CONVERGE)
    _marked(wall, "en", "Results: What should the city do first?")
    _marked(wall, "es", "Resultados: (Traducido del inglés) ¿Qué debe hacer primero la ciudad?")
    # Each item in each language, as each reader reads it: idea 18 with its Spanish, at
    # the top of the first page. Held, as the console holds them, at a moment that page
    # showed (the pages turn by the clock): the check does not race the turning.
    projector_settings.hold_pages(demo.db, facilitator, meeting_id, True)
    with demo.db.write() as s:
        s.get_one(Meeting, meeting_id).pages_held_at = datetime(2026, 1, 1, tzinfo=UTC)
    _marked(wall, "en", "Idea 18: Send")
    _marked(wall, "es", "(Traducido del inglés) Idea 18 en español")
    # Each version on its own line of the row, inside what the row shows: neither cut off.
    line = box(wall.locator(".pj-row p").filter(has_text="Idea 18 en español"))
    for language in ("en", "es"):
        part = box(wall.locator(f'.pj-row .pj-lang[lang="{language}"]').filter(has_text="Idea 18"))
        assert part["height"] > 20 and part["y"] + part["height"] <= line["y"] + line["height"]
    _fits({"1920": wall}, screenshots, "both-languages-results")
    projector_settings.hold_pages(demo.db, facilitator, meeting_id, False)
