"""The projector as the room sees it, at 1920×1080 and at 1280×720, opened from the link the
console prints: every view fits without scrolling, results wait for the facilitator's
Reveal, the turnout moves while people vote, the QR code opens the phones' page, and a
closed meeting says thank you.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect
from sqlalchemy import select

from db.models import Account, MeetingTable, Participant, Stakeholder
from services.core.actors import Actor
from services.core.vocab import Role
from services.partner import charter_signoff, charters
from services.room import ideas
from tests.browser import (
    LAPTOP,
    PHONE,
    PROJECTOR,
    click,
    device,
    move_to_step,
    open_screen,
    open_tab,
    screen,
    signed_in,
    wait_idle,
)
from tests.e2e.conftest import PASSWORD, Demo
from tests.qr_reading import decode_on_screen
from tests.slow_runs import SlowRuns

pytestmark = pytest.mark.e2e

SMALL: ViewportSize = {"width": 1280, "height": 720}
SIZES = {"1920": PROJECTOR, "1280": SMALL}
LONG_IDEA = (
    "Send a trained mental health clinician together with officers on every crisis call, "
    "and follow up with the family within a week so that nobody falls through the cracks "
    "between the hospital, the police station and the services that should have been there"
)
# The height of everything that can scroll on a Streamlit page, against the window's.
SCROLLERS = ", ".join(
    f'[data-testid="{name}"]'
    for name in ("stApp", "stAppViewContainer", "stMain", "stMainBlockContainer")
)
TALLEST = f"""() => Math.max(...[document.documentElement, document.body,
  ...document.querySelectorAll('{SCROLLERS}')].map(e => e.scrollHeight))"""
WORDS = ".pj p"
BODY_PX = f"""() => Math.min(...[...document.querySelectorAll('{WORDS}')]
  .filter(p => p.offsetParent !== null).map(p => parseFloat(getComputedStyle(p).fontSize)))"""


def _fits(walls: dict[str, Page], shots: Path, name: str) -> None:
    """Each projector shows `name` with nothing below the screen's edge, then is kept."""
    for size, wall in walls.items():
        wait_idle(wall)
        wall.wait_for_timeout(300)  # the fragment's picture and HTML settle
        tallest, height = wall.evaluate(TALLEST), screen(wall)["height"]
        assert tallest <= height, f"{name} at {size}: {tallest} px tall on a {height} px screen"
        if size == "1920":
            smallest = wall.evaluate(BODY_PX)
            assert smallest >= 28, f"{name} at 1920×1080: text of {smallest} px"
        for caption in wall.locator(".pj-words").all():
            # The cloud's words in the notes' grey (10:1), at full strength, not faded.
            expect(caption).to_have_css("opacity", "1")
            expect(caption).to_have_css("color", "rgb(55, 65, 81)")
        wall.screenshot(path=shots / f"projector-{name}-{size}.png")


def _both(walls: dict[str, Page], text: str | re.Pattern, timeout: float = 8_000) -> None:
    for wall in walls.values():
        expect(wall.locator(".pj").get_by_text(text).first).to_be_visible(timeout=timeout)


def _neither(walls: dict[str, Page], text: str) -> None:
    for wall in walls.values():
        expect(wall.locator(".pj").get_by_text(text)).to_have_count(0)


def _scribe(demo: Demo) -> tuple[Actor, int]:
    with demo.db.read() as s:
        account = s.scalars(select(Account).where(Account.username == "scribe1")).one()
        table = s.scalars(select(MeetingTable).where(MeetingTable.number == 1)).one()
        return Actor(account.id, Role.SCRIBE, account.display_name), table.id


def _printed_links(console: Page) -> tuple[str, str]:
    """The projector's link (read off its QR code) and the phones' link, as the console's
    Join links tab prints them."""
    open_screen(console, "console")
    open_tab(console, "Join links and QR codes")
    projector = next(link for link in decode_on_screen(console) if "/projector?" in link)
    phones = console.locator('[data-testid="stCode"]').filter(has_text=re.compile(r"/vote$"))
    return projector, phones.first.inner_text().strip()


def _vote_from_the_wall(browser: Browser, phone_link: str, code: str, idea: str) -> None:
    """A participant opens the link the projector shows, types their badge, spends 3 dots."""
    phone = device(browser, PHONE).new_page()
    phone.goto(phone_link)
    wait_idle(phone)
    phone.get_by_role("textbox", name="The code on your badge").fill(code)
    click(phone, "Open my ballot")
    row = phone.get_by_test_id("stButtonGroup").filter(has_text=idea)
    row.get_by_role("radio", name="3", exact=True).click()
    wait_idle(phone)
    expect(phone.get_by_text("2 of 5 dots left")).to_be_visible()
    phone.context.close()


def test_the_wall_keeps_full_strength_while_a_slow_refresh_runs(
    browser: Browser, demo: Demo
) -> None:
    """Streamlit dims what a run has not redrawn yet, to a third after half a second: a
    sign for the person who pressed something. On the wall nobody did, and on a loaded
    laptop each two-second refresh dimmed the whole projector, QR code and all."""
    console = device(browser, LAPTOP).new_page()
    signed_in(console, demo.url, "facilitator", PASSWORD)
    projector_link, _ = _printed_links(console)
    console.context.close()
    wall = device(browser, PROJECTOR).new_page()
    slow = SlowRuns(wall)
    wall.goto(projector_link)
    wait_idle(wall)
    slow.hold_the_next_run()
    # The next refresh has started and what it draws is held back: the wall is stale.
    stale = wall.locator('[data-stale="true"]').filter(has=wall.locator(".pj"))
    expect(stale.first).to_be_attached()
    wall.wait_for_timeout(2_000)  # Streamlit's fade: half a second's wait, then a second
    opacities = wall.evaluate(
        """() => [...document.querySelectorAll('[data-stale="true"]')]
             .map(e => getComputedStyle(e).opacity)"""
    )
    assert opacities and set(opacities) == {"1"}, opacities
    slow.release()
    expect(wall.locator('[data-stale="true"]')).to_have_count(0)
    wall.context.close()


def test_the_projector_through_a_meeting_at_two_screen_sizes(
    browser: Browser, demo: Demo, screenshots: Path
) -> None:
    base = demo.url
    console = device(browser, LAPTOP).new_page()
    signed_in(console, base, "facilitator", PASSWORD)
    projector_link, phone_link = _printed_links(console)
    assert urlsplit(phone_link).path == "/vote" and phone_link.startswith(base), phone_link
    walls = {}
    asked: list[int] = []  # each message the big wall sends the server asks for a run
    for size, viewport in SIZES.items():
        walls[size] = device(browser, viewport).new_page()
        if size == "1920":
            walls[size].on("websocket", lambda ws: ws.on("framesent", lambda _: asked.append(1)))
        walls[size].goto(projector_link)
        wait_idle(walls[size])
    _both(walls, "The meeting has not started yet")
    _fits(walls, screenshots, "waiting")
    # Off the ideas step only the live view's two-second refresh asks the server.
    assert _asks(walls["1920"], asked) <= 3

    # Ideas: more than a page of them, some long, beside the word cloud.
    console.goto(f"{base}/console")
    wait_idle(console)
    click(console, "Start the meeting")
    move_to_step(console, 4)
    scribe, table_id = _scribe(demo)
    words = LONG_IDEA.split()
    texts = [f"Idea {n}: {' '.join(words[: 5 + 2 * n])}" for n in range(1, 19)]
    for text in texts:
        ideas.add_idea(demo.db, scribe, ideas.NewIdea(table_id=table_id, text=text))
    _both(walls, texts[-1])
    _both(walls, "18 ideas so far, newest first")
    _fits(walls, screenshots, "ideas")
    # On it, the wall check asks every half second too, so a new idea shows at once.
    assert _asks(walls["1920"], asked) >= 5

    # A dot vote: no results while it runs, the turnout moving, the QR code to join.
    open_screen(console, "converge")
    console.get_by_label("Round title").fill("What should the city do first?")
    for idea in texts[:3]:
        console.get_by_label("Ideas on the ballot").click()
        console.get_by_label("Ideas on the ballot").fill(idea[:30])
        console.get_by_role("option", name=re.compile(re.escape(idea[:30]))).first.click()
    console.keyboard.press("Escape")
    click(console, "Create the round")
    expect(console.get_by_text("Round ready.")).to_be_visible()
    click(console, "Open voting")
    expect(console.get_by_text("Voting is open.")).to_be_visible()
    open_screen(console, "console")
    move_to_step(console, 5)
    with demo.db.read() as s:
        present = len(s.scalars(select(Participant.id).where(Participant.absent.is_(False))).all())
        codes = list(s.scalars(select(Participant.code).order_by(Participant.id)))
    _both(walls, f"0 of {present} have voted")
    assert _asks(walls["1920"], asked) <= 3  # off the board again, the check stopped
    for wall in walls.values():
        assert decode_on_screen(wall) == [phone_link]
    _neither(walls, "Results:")
    _fits(walls, screenshots, "voting")
    _vote_from_the_wall(browser, phone_link, codes[0], texts[0])
    _both(walls, f"1 of {present} have voted")
    _vote_from_the_wall(browser, phone_link, codes[1], texts[1])
    _both(walls, f"2 of {present} have voted")
    _neither(walls, "strongest common ground")

    # Closed: still hidden until the facilitator presses Reveal.
    open_screen(console, "converge")
    click(console, "Close voting")
    _both(walls, "The results appear here when the facilitator reveals them.")
    _neither(walls, "Results:")
    _fits(walls, screenshots, "voting-closed")
    click(console, "Reveal the results on the projector")
    _both(walls, "Results: What should the city do first?")
    _both(walls, "strongest common ground")
    _both(walls, re.compile(r"“Groups differ” means one group's support is at least 50 points"))
    _fits(walls, screenshots, "results")
    click(console, "Hide the results from the projector")
    _neither(walls, "Results: What should the city do first?")

    # The charter, with one group's signature.
    with demo.db.read() as s:
        groups = list(s.scalars(select(Stakeholder.id).order_by(Stakeholder.id)))
        leader = s.scalars(select(Account).where(Account.username == "leader1")).one()
    facilitator = Actor(_account_id(demo, "facilitator"), Role.FACILITATOR, "Facilitator")
    version = charters.new_version(
        demo.db,
        facilitator,
        _initiative_id(demo),
        charters.CharterFields(
            mission="Every 911 call about a person in crisis gets the right help, fast",
            shared_goals="Fewer crisis calls end in arrest or injury. " * 3,
            ground_rules="Listen first; speak for yourself; no names of officers or callers.",
            roles="The city convenes; police and the crisis team share the response.",
            communication="A public report every month on response times by neighbourhood.",
            confidentiality="What is said at the tables stays at the tables.",
            commitments={g: f"Our group commits to turn up and report back ({g})." for g in groups},
        ),
    )
    charter_signoff.sign(demo.db, Actor(leader.id, Role.LEADER, leader.display_name), version.id)
    move_to_step(console_at(console, base), 8)
    _both(walls, "Partnering charter, version 1")
    _both(walls, re.compile(r"Signed by:"))
    _fits(walls, screenshots, "charter")

    # Closing the meeting leaves a thank-you and nothing live.
    click(console, "Close the meeting")
    click(console, "Yes, close the meeting")  # asked first
    _both(walls, "Thank you for coming.")
    _neither(walls, "Partnering charter, version 1")
    _fits(walls, screenshots, "closed")


def _asks(wall: Page, asked: list[int], seconds: float = 3.0) -> int:
    """How many runs `wall` asks the server for in the next `seconds`."""
    asked.clear()
    wall.wait_for_timeout(seconds * 1000)
    return len(asked)


def console_at(console: Page, base: str) -> Page:
    console.goto(f"{base}/console")
    wait_idle(console)
    return console


def _account_id(demo: Demo, username: str) -> int:
    with demo.db.read() as s:
        return s.scalars(select(Account.id).where(Account.username == username)).one()


def _initiative_id(demo: Demo) -> int:
    with demo.db.read() as s:
        return s.scalars(select(Stakeholder.initiative_id).limit(1)).one()
