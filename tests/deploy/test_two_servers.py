"""Two app servers over one Postgres database, driven in Chromium, directly and through nginx.

A scribe's idea sent through server A is on the projector served by server B within 3 s;
one participant voting on two phones, one on each server, spends one budget; a sign-in
made on one server is honoured by the other. Then the same room through the shipped
nginx configuration, which must keep every request of a browser (its websocket, its
/media/ images) on one server while different browsers land on both.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect
from sqlalchemy import select

from db.database import Database
from db.migrate import upgrade_to_head
from db.models import Ballot, Vote
from services.accounts import signin_accounts
from services.agenda import agenda
from services.converge import voting_items, voting_rounds
from services.core.actors import SYSTEM
from services.core.vocab import Step
from services.room import ideas, room_control
from services.setup import initiatives, meetings, participants
from tests.app_server import AppServer, seed_demo, start_app, stop_app
from tests.browser import IDLE, PHONE, PROJECTOR, sign_in
from tests.deploy import nginx
from tests.deploy.needs import needs_nginx, needs_postgres
from tests.scratch import scratch_postgres

pytestmark = [pytest.mark.e2e, needs_postgres]

PASSWORD = "a-two-server-password-1"
# Both servers must sign cookies with one key, as deploy/ sets it; never a real secret.
COOKIE_KEY = "two-server-test-cookie-key-not-a-secret"
BUDGET = 4
SEED_IDEAS = ("Mental-health responders on 911 calls", "A youth advisory board", "Foot patrols")
PROJECTOR_DEADLINE_MS = 3_000


@dataclass(frozen=True)
class Room:
    """A live meeting on the step for ideas, with a dots round open on three ideas."""

    url: str
    db: Database
    meeting_code: str
    voter_codes: list[str]
    round_id: int
    item_ids: list[int]


@dataclass(frozen=True)
class Servers:
    a: AppServer
    b: AppServer


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Room, Servers]]:
    """A scratch database, the room in it, and servers A and B over it: built at once.

    The servers touch the database only when a browser opens a page, so they start while
    the demo is seeded.
    """
    folders = [tmp_path_factory.mktemp(name) for name in ("server-a", "server-b")]
    with scratch_postgres("cg_two_servers") as url:
        upgrade_to_head(url)
        migrated = Database.from_url(url)
        with ThreadPoolExecutor(3) as pool:
            starting = [pool.submit(start_app, url, f, cookie_key=COOKIE_KEY) for f in folders]
            opening = pool.submit(_open_room, url, migrated)
        started = [f.result() for f in starting if f.exception() is None]
        try:
            a, b = (f.result() for f in starting)  # the first failure, if any, is raised here
            yield opening.result(), Servers(a, b)
        finally:
            for server in started:
                stop_app(server)
            migrated.dispose()


@pytest.fixture(scope="module")
def room(stack: tuple[Room, Servers]) -> Room:
    return stack[0]


@pytest.fixture(scope="module")
def servers(stack: tuple[Room, Servers]) -> Servers:
    return stack[1]


def _open_room(url: str, db: Database) -> Room:
    """The demo, seeded as `make run` does, then live on its ideas step with a round open."""
    seed_demo(url, PASSWORD)
    initiative = initiatives.list_initiatives(db)[0]
    meeting = meetings.list_meetings(db, SYSTEM, initiative.id)[0]
    facilitator = signin_accounts.actor_for_username(db, "facilitator")
    assert facilitator is not None
    room_control.start_meeting(db, facilitator, meeting.id)
    diverge = next(
        i for i in agenda.list_agenda(db, meeting.id, actor=SYSTEM) if i.step is Step.DIVERGE
    )
    room_control.go_to_step(db, facilitator, meeting.id, diverge.id)
    room_control.set_input(db, facilitator, meeting.id, True)
    made = [
        ideas.add_idea(
            db, facilitator, ideas.NewIdea(table_id=None, text=text, meeting_id=meeting.id)
        )
        for text in SEED_IDEAS
    ]
    rnd = voting_rounds.create_round(
        db,
        facilitator,
        meeting.id,
        voting_rounds.NewRound(
            title="Priorities",
            mode="dots",
            budget=BUDGET,
            max_per_item=3,
            idea_ids=[i.id for i in made],
        ),
    )
    voting_rounds.open_round(db, facilitator, rnd.id)
    codes = [p.code for p in participants.list_participants(db, SYSTEM, initiative.id)]
    items = [i.id for i in voting_items.round_items(db, SYSTEM, rnd.id)]
    return Room(url, db, meeting.code, codes, rnd.id, items)


def test_an_idea_sent_through_a_is_on_the_projector_of_b_within_3_s(
    browser: Browser, room: Room, servers: Servers
):
    # Pages load while others are being used, as in the room (and the test is quicker).
    wall = opened(
        _new(browser, projector=True), f"{servers.b.url}/projector?code={room.meeting_code}"
    )
    scribe = _new(browser)
    sign_in(scribe, servers.a.url, "scribe1", PASSWORD)
    tablet = visit(scribe, f"{servers.a.url}/ideas?table=1")
    settle(wall)
    expect(wall.get_by_text(SEED_IDEAS[0])).to_be_visible()

    add_idea(tablet, "Counsellors answer crisis calls at night")
    # The clock starts once server A has stored it; B's projector looks every 2 s.
    expect(wall.get_by_text("Counsellors answer crisis calls at night")).to_be_visible(
        timeout=PROJECTOR_DEADLINE_MS
    )
    # The word cloud is an image server B keeps in its own memory, and B serves it.
    _assert_loaded(wall.get_by_role("img", name="Word cloud"))

    # Cookies belong to the host, not the port: server B reads the sign-in A wrote, and
    # accepts it only because both servers were given the same cookie key.
    other = visit(scribe, f"{servers.b.url}/ideas?table=1")
    expect(other.get_by_role("heading", name="Ideas · table 1")).to_be_visible()
    expect(other.get_by_text("Counsellors answer crisis calls at night")).to_be_visible()
    _close(scribe, wall)


def test_one_participant_voting_through_a_and_b_spends_one_budget(
    browser: Browser, room: Room, servers: Servers
):
    code = room.voter_codes[0]
    on_a, on_b = [
        opened(_new(browser, phone=True), f"{base}/vote?code={code}")
        for base in (servers.a.url, servers.b.url)
    ]
    _spend_across(on_a, on_b)
    _assert_one_budget(room, code)
    _close(on_a, on_b)


@needs_nginx
def test_through_nginx_each_browser_stays_on_one_server_and_both_servers_get_browsers(
    browser: Browser, room: Room, servers: Servers, tmp_path: Path
):
    upstream_a, upstream_b = (f"127.0.0.1:{s.port}" for s in (servers.a, servers.b))
    proxy = nginx.start(tmp_path / "nginx", [upstream_a, upstream_b])
    try:
        key_a, key_b = _route_keys(proxy, upstream_a, upstream_b)
        code, newcomer_code = room.voter_codes[1:3]
        wall = opened(
            _new(browser, projector=True, route=(proxy.url, key_b)),
            f"{proxy.url}/projector?code={room.meeting_code}",
        )
        on_a, on_b = [
            opened(
                _new(browser, phone=True, route=(proxy.url, key)), f"{proxy.url}/vote?code={code}"
            )
            for key in (key_a, key_b)
        ]
        # A phone with no cookie yet: nginx picks its server and the cookie keeps it there.
        newcomer = opened(_new(browser, phone=True), f"{proxy.url}/vote?code={newcomer_code}")
        scribe = _new(browser, route=(proxy.url, key_a))
        sign_in(scribe, proxy.url, "scribe2", PASSWORD)
        tablet = visit(scribe, f"{proxy.url}/ideas?table=2")
        settle(wall)
        add_idea(tablet, "Restorative circles after arrests")
        expect(wall.get_by_text("Restorative circles after arrests")).to_be_visible(
            timeout=PROJECTOR_DEADLINE_MS
        )
        _assert_loaded(wall.get_by_role("img", name="Word cloud"))

        _spend_across(on_a, on_b)
        _assert_one_budget(room, code)

        settle(newcomer)
        expect(newcomer.get_by_text(f"{BUDGET} of {BUDGET} dots left")).to_be_visible()
        cookies = newcomer.context.cookies()
        [route] = [c.get("value", "") for c in cookies if c.get("name") == "cg_route"]
        # Websockets are logged when they close, so close every browser before reading.
        _close(tablet, wall, on_a, on_b, newcomer)
        served = _served_by(proxy, {key_a, key_b, route})
    finally:
        nginx.stop(proxy)
    assert set(served[key_a]) == {upstream_a}, served[key_a]
    assert set(served[key_b]) == {upstream_b}, served[key_b]
    assert len(set(served[route])) == 1, served[route]
    for key in (key_a, key_b, route):
        requests = [r for rs in served[key].values() for r in rs]
        assert any(r.startswith("101 GET /_stcore/stream") for r in requests), (key, requests)
    media = [r for r in served[key_b][upstream_b] if "/media/" in r]
    assert media and all(r.startswith("200 ") for r in media), media
    # The newcomer's first request had no cookie; the one nginx gave it names the same server.
    assert any("/vote?code=" in r for r in next(iter(served[route].values())))


def visit(page: Page, url: str) -> Page:
    """Open `url` and wait until the app is idle and stays idle."""
    opened(page, url)
    settle(page)
    return page


def opened(page: Page, url: str) -> Page:
    """Open `url` without waiting for the app to run: `settle` waits for that."""
    page.goto(url)
    return page


def settle(page: Page) -> None:
    """Idle, and still idle a moment later: the cookie reader's rerun has come and gone."""
    for _ in range(20):
        page.wait_for_selector(IDLE, timeout=30_000)
        page.wait_for_timeout(600)
        if page.locator(IDLE).count():
            return
    pytest.fail("the page never stopped running")


def add_idea(tablet: Page, text: str) -> None:
    tablet.get_by_role("textbox", name="The idea").fill(text)
    tablet.get_by_role("button", name="Add idea").click()
    expect(tablet.get_by_text("Idea added.")).to_be_visible(timeout=15_000)


def _spend_across(on_a: Page, on_b: Page) -> None:
    """Two dots through A, two through B, then one more through each: both refused.

    Checked by what the page shows in numbers, not by its wording, which is the views'.
    """
    for page in (on_a, on_b):
        settle(page)
        expect(_left(page, BUDGET)).to_be_visible()
    _tap(on_a, 0, 2)
    expect(_left(on_a, BUDGET - 2)).to_be_visible()
    # B's page still says 4 left; the budget is the database's, so B knows better.
    _tap(on_b, 1, 2)
    expect(_left(on_b, 0)).to_be_visible()
    _tap(on_b, 2, 1)
    _tap(on_a, 0, 3)
    for page in (on_a, on_b):
        expect(page.locator('[data-testid="stAlert"]')).to_be_visible()  # the refusal
        expect(_left(page, 0)).to_be_visible()
        # Each row shows what is stored, not what was tapped: 2, 2 and 0 on both phones.
        for row, dots in enumerate((2, 2, 0)):
            expect(_dots(page, row, dots)).to_have_attribute("aria-checked", "true")


def _left(page: Page, dots: int) -> Locator:
    """The ballot's count of dots left, e.g. '2 of 4'."""
    return page.get_by_role("heading", name=re.compile(rf"\b{dots} of {BUDGET}\b"))


def _dots(page: Page, row: int, dots: int) -> Locator:
    """The button for `dots` in the ballot's `row`-th idea (one radio group per idea)."""
    return page.get_by_role("radiogroup").nth(row).get_by_role("radio", name=str(dots), exact=True)


def _tap(page: Page, row: int, dots: int) -> None:
    _dots(page, row, dots).click()


def _assert_loaded(image: Locator) -> None:
    expect(image).to_have_js_property("complete", True)
    assert image.evaluate("i => i.naturalWidth") > 0, "the image did not load"


def _assert_one_budget(room: Room, code: str) -> None:
    person = participants.participant_by_code(room.db, code)
    assert person is not None
    mine = (Ballot.round_id == room.round_id, Ballot.participant_id == person.id)
    cast = (Vote.round_id == room.round_id, Vote.participant_id == person.id)
    with room.db.read() as s:
        ballot = s.scalars(select(Ballot).where(*mine)).one()
        votes = {v.round_item_id: v.dots for v in s.scalars(select(Vote).where(*cast)) if v.dots}
    first, second, _third = room.item_ids
    assert votes == {first: 2, second: 2}
    assert ballot.dots_used == sum(votes.values()) == BUDGET


def _new(
    browser: Browser,
    *,
    phone: bool = False,
    projector: bool = False,
    route: tuple[str, str] | None = None,
) -> Page:
    """A page in a browser of its own (own cookies), optionally already routed by nginx."""
    if phone:
        context = browser.new_context(viewport=PHONE, is_mobile=True)
    elif projector:
        context = browser.new_context(viewport=PROJECTOR)
    else:  # a tablet on its side: wide enough to keep the sidebar open
        context = browser.new_context(viewport={"width": 1280, "height": 800})
    if route:
        url, key = route
        context.add_cookies([{"name": "cg_route", "value": key, "url": url}])
    return context.new_page()


def _close(*pages: Page) -> None:
    contexts: list[BrowserContext] = []
    for page in pages:
        if page.context not in contexts:
            contexts.append(page.context)
    for context in contexts:
        context.close()


def _route_keys(proxy: nginx.Nginx, upstream_a: str, upstream_b: str) -> tuple[str, str]:
    """A cg_route value nginx sends to A and one it sends to B, found by asking it."""
    import urllib.request

    for n in range(64):
        request = urllib.request.Request(
            f"{proxy.url}/_stcore/health", headers={"Cookie": f"cg_route=probe-{n}"}
        )
        with urllib.request.urlopen(request, timeout=5) as answer:
            assert answer.status == 200
            # A browser that already has its cookie is not handed another.
            cookies = answer.headers.get_all("Set-Cookie") or []
            assert not [c for c in cookies if c.startswith("cg_route=")], cookies
    seen = {route: upstream for route, upstream, _s, _r in proxy.log_lines()}
    on_a = [route for route, upstream in seen.items() if upstream == upstream_a]
    on_b = [route for route, upstream in seen.items() if upstream == upstream_b]
    assert on_a and on_b, f"nginx sent 64 browsers to one server only: {set(seen.values())}"
    return on_a[0], on_b[0]


def _served_by(proxy: nginx.Nginx, routes: set[str]) -> dict[str, dict[str, list[str]]]:
    """Per route: which upstream served which requests ('status request line').

    Waits until each route's websocket is logged: nginx logs one when it closes.
    """
    deadline = time.monotonic() + 15
    while True:
        served: dict[str, dict[str, list[str]]] = {route: {} for route in routes}
        for route, upstream, status, request in proxy.log_lines():
            if route in served:
                served[route].setdefault(upstream, []).append(f"{status} {request}")
        closed = [
            any(r.startswith("101 ") for rs in per.values() for r in rs) for per in served.values()
        ]
        if all(closed) or time.monotonic() > deadline:
            return served
        time.sleep(0.2)
