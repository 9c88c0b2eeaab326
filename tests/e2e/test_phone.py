"""A participant's phone: two phones with one badge, on a ballot longer than one fragment.

The ballot is drawn in fragments of a few rows (components/ballot.py); a tap redraws only
its own rows. When another phone changed a row of another fragment, the tap must redraw
the whole ballot, or that row would go on showing dots that no longer count.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, expect
from sqlalchemy import select

from bench.session import Tab, chosen
from components.ballot import ROWS_PER_FRAGMENT
from db.models import Vote
from services.converge import voting_ballots
from services.room import room_control
from tests.browser import PHONE, device, visit, wait_idle
from tests.e2e.conftest import Demo, live_room, open_dot_round
from tests.own_loop import run_in_own_loop

pytestmark = pytest.mark.e2e

IDEAS = [f"Phone ballot idea number {n}" for n in range(1, ROWS_PER_FRAGMENT + 3)]
BUDGET = 5


@pytest.fixture(scope="module")
def ballot(demo: Demo) -> tuple[str, int]:
    """An open dot round with more ideas than one fragment's rows: a badge's code, the round."""
    room, round_id = open_dot_round(demo, IDEAS, BUDGET)
    return room.codes[0], round_id


def _row(page: Page, idea: str) -> Locator:
    return page.get_by_test_id("stButtonGroup").filter(has_text=idea)


def _dots(page: Page, idea: str, dots: int) -> Locator:
    return _row(page, idea).get_by_role("radio", name=str(dots), exact=True)


def test_a_tap_shows_what_the_other_phone_did_to_rows_of_another_fragment(
    browser: Browser, demo: Demo, ballot: tuple[str, int]
) -> None:
    voter_code, round_id = ballot
    first, last = IDEAS[0], IDEAS[-1]
    phones = [device(browser, PHONE).new_page() for _ in range(2)]
    for phone in phones:
        visit(phone, demo.url, f"vote?code={voter_code}")
        expect(phone.get_by_text(f"{BUDGET} of {BUDGET} dots left")).to_be_visible()
    one, other = phones
    _dots(one, last, 2).click()
    wait_idle(one)
    expect(one.get_by_text(f"{BUDGET - 2} of {BUDGET} dots left")).to_be_visible()
    # The other phone still shows the last idea at 0; its tap is on the first idea, in
    # another fragment, and must bring the last one up to date too.
    expect(_dots(other, last, 0)).to_have_attribute("aria-checked", "true")
    _dots(other, first, 1).click()
    wait_idle(other)
    expect(other.get_by_text(f"{BUDGET - 3} of {BUDGET} dots left")).to_be_visible()
    expect(_dots(other, last, 2)).to_have_attribute("aria-checked", "true")
    expect(_dots(other, first, 1)).to_have_attribute("aria-checked", "true")
    with demo.db.read() as s:
        assert sorted(s.scalars(select(Vote.dots).where(Vote.round_id == round_id))) == [1, 2]
    for phone in phones:
        phone.context.close()


def test_an_old_value_the_browser_sends_late_does_not_undo_another_phones_vote(
    demo: Demo, ballot: tuple[str, int]
) -> None:
    """A phone's browser may send a row's old value once more before it has drawn the
    value stored meanwhile by another phone with the same badge (its 5 s check firing in
    between, seen on a loaded machine). The server must not take that for a tap.

    Played over Streamlit's own websocket protocol, so the late message is exactly the
    one such a browser sends.
    """
    code, round_id = ballot

    def dots_of(item_id: int) -> int:
        stored = voting_ballots.ballot(demo.db, code, round_id)
        return {line.item_id: line.dots for line in stored.items}[item_id]

    async def scene() -> tuple[int, int]:
        tab = Tab(demo.url, "vote", f"code={code}")
        first = await tab.open()
        rows = [e for e in first.elements if e.kind == "button_group" and "-dots-" in e.id]
        held = rows[-1]  # a row of the last fragment
        found = re.search(rf"-dots-{round_id}-(\d+)", held.id)
        assert found is not None
        item_id = int(found.group(1))
        shown = dots_of(item_id)  # what this phone's browser holds
        other = 1 if shown != 1 else 0
        voting_ballots.set_dots(demo.db, code, item_id, other)  # the other phone
        await tab.rerun()  # this phone draws the ballot as stored
        await tab.rerun([chosen(held.id, str(shown))])  # what its browser held, arriving late
        await tab.close()
        return item_id, other

    item_id, other = run_in_own_loop(scene)
    assert dots_of(item_id) == other


def test_the_phones_timer_counts_down_by_itself_through_taps(
    browser: Browser, demo: Demo, ballot: tuple[str, int], screenshots: Path
) -> None:
    """Drawn once with the page, the ballot's timer stood still for the whole vote while
    the projector's counted down (a tap redraws only its rows); the phone counts it now."""
    voter_code, _ = ballot
    room = live_room(demo)
    room_control.start_timer(demo.db, room.facilitator, room.meeting_id, 10)
    phone = device(browser, PHONE).new_page()
    visit(phone, demo.url, f"vote?code={voter_code}")
    timer = phone.get_by_role("heading", name=re.compile(r"^Timer: \d+:\d\d left$"))
    expect(timer).to_be_visible()
    first = timer.inner_text()
    _dots(phone, IDEAS[1], 1).click()
    wait_idle(phone)
    # No reload, and the tap redrew only its rows: the words move by themselves.
    expect(timer).not_to_have_text(first, timeout=5_000)
    phone.screenshot(path=screenshots / "phone-ballot-timer.png")
    phone.context.close()
