"""Anonymous sessions that hear nothing from their browser are closed (idle_sessions.py).

A server started with a 9-second idle limit: websockets that open the home page and say
nothing more are closed with code 4000, while one that keeps asking for reruns stays; in
Chromium a signed-in laptop and a participant's ballot (its five-second fragment keeps it
talking) keep their one connection, and an idle anonymous home page is closed, reconnects
by itself and shows the sign-in form again.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, WebSocket, expect
from sqlalchemy import select

from bench.session import Tab
from db.database import Database
from db.models import Participant
from idle_sessions import CLOSE_CODE
from tests.app_server import AppServer, running_app, seed_demo
from tests.browser import LAPTOP, PHONE, device, sign_in, visit, wait_idle
from tests.e2e.conftest import PASSWORD
from tests.own_loop import run_in_own_loop

pytestmark = pytest.mark.e2e

IDLE_MINUTES = 0.15  # 9 s; the vote page's fragment asks every 5 s
PAST_IDLE = 16.0  # seconds: the limit, plus the watcher's quarter-span, plus slack


@pytest.fixture(scope="module")
def idle_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[AppServer, str]]:
    folder = tmp_path_factory.mktemp("idle")
    url = f"sqlite:///{folder / 'demo.db'}"
    seed_demo(url, PASSWORD)
    db = Database.from_url(url)
    with db.read() as s:
        code = s.scalars(select(Participant.code)).first()
    db.dispose()
    assert code is not None
    with pytest.MonkeyPatch.context() as env:
        env.setenv("COMMON_GROUND_IDLE_ANONYMOUS_MINUTES", str(IDLE_MINUTES))
        with running_app(url, folder, cookie_key="idle-test-cookie-key-not-secret") as server:
            yield server, code


def test_idle_anonymous_websockets_are_closed_and_an_active_one_is_kept(idle_server):
    server, _code = idle_server

    async def scene() -> tuple[list[int | None], bool]:
        idle = [Tab(server.url) for _ in range(2)]
        active = Tab(server.url)
        for tab in [*idle, active]:
            await tab.open()
        deadline = time.monotonic() + PAST_IDLE
        while time.monotonic() < deadline:
            await asyncio.sleep(2)
            async with active.lock:
                await active.rerun()
        codes = []
        for tab in idle:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(tab._socket.wait_closed(), 5)
            codes.append(tab._socket.close_code)
        async with active.lock:
            run = await active.rerun()  # still answered: the session is alive
        still_open = active._socket.close_code is None and bool(run.elements)
        for tab in [*idle, active]:
            await tab.close()
        return codes, still_open

    codes, active_kept = run_in_own_loop(scene)
    assert codes == [CLOSE_CODE, CLOSE_CODE]
    assert active_kept


def _sockets(page: Page) -> list[WebSocket]:
    opened: list[WebSocket] = []
    page.on("websocket", lambda ws: opened.append(ws) if "_stcore/stream" in ws.url else None)
    return opened


def test_in_chromium_signed_in_and_ballot_stay_and_an_idle_home_page_comes_back(
    browser: Browser, idle_server
):
    server, code = idle_server
    laptop = device(browser, LAPTOP).new_page()
    laptop_sockets = _sockets(laptop)
    sign_in(laptop, server.url, "facilitator", PASSWORD)
    phone = device(browser, PHONE).new_page()
    phone_sockets = _sockets(phone)
    visit(phone, server.url, f"vote?code={code}")
    visitor = device(browser, LAPTOP).new_page()
    visitor_sockets = _sockets(visitor)
    visit(visitor, server.url, "")
    signed_in_socket = laptop_sockets[-1]

    laptop.wait_for_timeout(PAST_IDLE * 1000)

    # Signed in: the same connection, still signed in, still answering.
    assert not signed_in_socket.is_closed()
    expect(laptop.get_by_text("Signed in as")).to_be_visible()
    # The ballot: one connection all along, its page as it was.
    assert len(phone_sockets) == 1 and not phone_sockets[0].is_closed()
    expect(phone.get_by_role("heading", name="Vote")).to_be_visible()
    # The idle visitor: closed, reconnected by the page itself, the form back and working.
    assert visitor_sockets[0].is_closed()
    expect(visitor.get_by_role("textbox", name="Username")).to_be_visible()
    wait_idle(visitor)
    assert len(visitor_sockets) >= 2 and not visitor_sockets[-1].is_closed()
    visitor.get_by_role("textbox", name="Username").fill("scribe1")
    visitor.get_by_role("textbox", name="Password").fill(PASSWORD)
    visitor.get_by_role("button", name="Sign in").click()
    expect(visitor.get_by_role("heading", name="Your screens")).to_be_visible()
    for page in (laptop, phone, visitor):
        page.context.close()
