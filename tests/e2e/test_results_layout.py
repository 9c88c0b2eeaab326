"""Results and the solve library as a laptop and a tablet draw them: nothing overlaps or is cut.

A user test found the by-group chart's labels on top of each other and the library's
columns cut off on a tablet. Here the demo's eight groups (some with long names) vote on
four ideas, and the browser measures what it drew: every word's box on the by-group charts
clear of every other, and no library card wider than the screen.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, expect
from sqlalchemy import func, select

from db.models import Account, Idea, Meeting, Participant
from services.converge import voting_ballots, voting_rounds
from services.converge.voting_items import round_items
from services.core.actors import SYSTEM, Actor
from services.core.vocab import IdeaStatus, Role, VoteMode
from services.room import ideas
from services.solve import best_practices
from tests.browser import (
    LAPTOP,
    TABLET,
    box,
    device,
    open_screen,
    screen,
    signed_in,
    snap,
    wait_idle,
)
from tests.e2e.conftest import PASSWORD, Demo

pytestmark = pytest.mark.e2e

ERROR = '[data-testid="stException"]'
IDEAS = [
    "Send a mental-health clinician with officers to every crisis call, and follow up with "
    "the family within a week",
    "A youth centre open late on Fridays",
    "Walk and talk: officers on foot in the neighbourhood, meeting residents by name",
    "Curfew for under-16s",
]
SIZES = {"laptop": LAPTOP, "tablet": TABLET}


def _facilitator(demo: Demo) -> tuple[Actor, int]:
    with demo.db.read() as s:
        account = s.scalars(select(Account).where(Account.username == "facilitator")).one()
        meeting_id = s.scalars(select(Meeting.id)).one()
        return Actor(account.id, Role.FACILITATOR, account.display_name), meeting_id


@pytest.fixture(scope="module")
def voted(demo: Demo) -> Demo:
    """The demo with one closed agree / disagree round that every participant voted in."""
    actor, meeting_id = _facilitator(demo)
    made = [
        ideas.add_idea(demo.db, actor, ideas.NewIdea(table_id=None, text=t, meeting_id=meeting_id))
        for t in IDEAS
    ]
    rnd = voting_rounds.create_round(
        demo.db,
        actor,
        meeting_id,
        voting_rounds.NewRound(
            title="Which responses?", mode=VoteMode.AGREE_DISAGREE, idea_ids=[i.id for i in made]
        ),
    )
    voting_rounds.open_round(demo.db, actor, rnd.id)
    with demo.db.read() as s:
        codes = list(s.scalars(select(Participant.code).order_by(Participant.id)))
    for n, item in enumerate(round_items(demo.db, SYSTEM, rnd.id)):
        for i, code in enumerate(codes):
            choice = ("agree", "disagree", "pass")[(i * (n + 1)) % 3 if n else i % 2]
            voting_ballots.choose(demo.db, code, item.id, choice)
    voting_rounds.close_round(demo.db, actor, rnd.id)
    return demo


def _overlaps(chart: Locator) -> list[str]:
    """Pairs of words on one chart whose boxes cross (more than a pixel's rounding)."""
    boxes = chart.locator("svg text").evaluate_all(
        """texts => texts.filter(t => t.textContent.trim()).map(t => {
            const r = t.getBoundingClientRect();
            return [t.textContent, r.left, r.top, r.right, r.bottom];
        })"""
    )
    crossed = []
    for i, (a, *ra) in enumerate(boxes):
        for b, *rb in boxes[i + 1 :]:
            across = min(ra[2], rb[2]) - max(ra[0], rb[0])
            down = min(ra[3], rb[3]) - max(ra[1], rb[1])
            if across > 1 and down > 1:
                crossed.append(f"{a!r} × {b!r}")
    return crossed


def _open(page: Page, path: str) -> None:
    open_screen(page, path)
    expect(page.locator(ERROR)).to_have_count(0)


@pytest.mark.parametrize("size", SIZES)
def test_the_by_group_charts_words_never_overlap(
    browser: Browser, voted: Demo, screenshots: Path, size: str
) -> None:
    page = device(browser, SIZES[size]).new_page()
    signed_in(page, voted.url, "facilitator", PASSWORD)
    _open(page, "converge")
    charts = page.locator(
        '[class*="st-key-groups-"][class*="-charts"] [data-testid="stVegaLiteChart"]'
    )
    expect(charts).to_have_count(len(IDEAS))
    expect(charts.first.locator("svg text").first).to_be_visible()
    charts.first.scroll_into_view_if_needed()
    snap(page, screenshots, f"results-by-group-{size}")
    width = screen(page)["width"]
    for n in range(charts.count()):
        chart = charts.nth(n)
        chart.scroll_into_view_if_needed()
        assert not _overlaps(chart), _overlaps(chart)
        texts = " ".join(chart.locator("svg text").all_text_contents())
        for group in ["Neighborhood", "Police Department", "Youth", "of 16"]:
            assert group in texts, (group, texts)
        drawn = box(chart.locator("svg").first)
        assert drawn["x"] + drawn["width"] <= width, drawn


def test_the_solve_library_reads_on_a_tablet_with_nothing_cut(
    browser: Browser, demo: Demo, screenshots: Path
) -> None:
    tablet = device(browser, TABLET).new_page()
    signed_in(tablet, demo.url, "scribe1", PASSWORD)
    _open(tablet, "solve")
    heads = tablet.locator('[data-testid="stExpander"] summary')
    cahoots = tablet.locator("summary").filter(has_text=re.compile(r"CAHOOTS \(.* — Eugene"))
    expect(cahoots).to_have_count(1)
    card = tablet.get_by_test_id("stExpander").filter(has=cahoots)
    opened = card.get_by_text("What it does:")
    # A tap that lands while the page is still being drawn can be lost: tap again only
    # if the card is still shut, as a person would.
    for _ in range(3):
        if cahoots.locator("xpath=..").get_attribute("open") is None:
            cahoots.click()
        try:
            expect(opened).to_be_visible(timeout=5_000)
            break
        except AssertionError:
            continue
    expect(opened).to_be_visible()
    expect(card.get_by_text("Eugene, OR", exact=False).first).to_be_visible()
    expect(card.get_by_role("link", name="Open the source on CAHOOTS", exact=False)).to_be_visible()
    card.scroll_into_view_if_needed()
    snap(tablet, screenshots, "solve-library-tablet")
    # Nothing wider than the tablet: no column or card runs off its right edge.
    overflow = tablet.evaluate(
        """() => [...document.querySelectorAll('[data-testid="stMain"] *')]
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
            .map(e => e.tagName + '.' + (e.getAttribute('data-testid') || e.className))
            .slice(0, 5)"""
    )
    assert not overflow, overflow
    # Every programme of the library is a card of its own.
    assert heads.count() == len(best_practices.list_best_practices(demo.db)) + 1
    # The new option's form is drawn once its expander is opened: the ideas on the board
    # to choose from, or, with none yet (this module's earlier tests add some), words
    # saying what the option is for instead of an empty choice.
    expect(tablet.get_by_role("button", name="Add the option")).to_have_count(0)
    tablet.locator("summary").filter(has_text="Develop an option").click()
    wait_idle(tablet)
    choice = tablet.get_by_role("combobox", name="For which idea or theme")
    nothing = tablet.get_by_text("For the meeting as a whole: no idea or theme")
    with demo.db.read() as s:
        shown = (Idea.status == IdeaStatus.VISIBLE) & Idea.confidential.is_(False)
        on_board = s.scalar(select(func.count(Idea.id)).where(shown))
    expect(choice if on_board else nothing).to_be_visible()
    expect(nothing if on_board else choice).to_have_count(0)
    expect(tablet.get_by_role("button", name="Add the option")).to_be_visible()
    snap(tablet, screenshots, "solve-option-form-tablet")
    snap(tablet, screenshots, "solve-option-form-tablet")
