"""Closing the meeting on the console ends all input: a phone's tap and a scribe's save are
refused in plain words, and the phone thanks the voter and leads to the feedback form.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect
from sqlalchemy import func, select

from components.ballot import FEEDBACK, TARGET_PX
from db.models import Account, ListeningNote, Meeting, Vote
from services.converge import voting_rounds
from services.core.actors import Actor
from services.core.errors import NotAllowedNow
from services.core.scope import MEETING_CLOSED
from services.core.vocab import Role
from services.room import room_control
from tests.browser import LAPTOP, PHONE, TABLET, click, device, signed_in, snap, visit, wait_idle
from tests.e2e.conftest import PASSWORD, Demo, LiveRoom, live_room, open_dot_round

pytestmark = pytest.mark.e2e

SAID = "We were still talking when the meeting closed."


@pytest.fixture(scope="module")
def open_vote(demo: Demo) -> tuple[list[str], int]:
    """The meeting live with input open and a dot round open: two badges' codes, the round."""
    room, round_id = open_dot_round(
        demo, ["Street lights on Elm Avenue", "Youth league with officers as coaches"]
    )
    return list(room.codes), round_id


def _stored(demo: Demo, model, where) -> int:
    with demo.db.read() as s:
        return s.execute(select(func.count()).select_from(model).where(where)).scalar_one()


def test_closing_the_meeting_on_the_console_ends_every_input(
    browser: Browser, demo: Demo, open_vote: tuple[list[str], int], screenshots: Path
) -> None:
    (code, other_code), round_id = open_vote
    phone = device(browser, PHONE).new_page()
    visit(phone, demo.url, f"vote?code={code}")
    expect(phone.get_by_role("radiogroup")).to_have_count(2)
    # Another phone just lies on a table, its ballot open.
    idle = device(browser, PHONE).new_page()
    visit(idle, demo.url, f"vote?code={other_code}")
    expect(idle.get_by_role("radiogroup")).to_have_count(2)
    # A scribe is halfway through a note at table 2.
    tablet = device(browser, TABLET).new_page()
    signed_in(tablet, demo.url, "scribe2", PASSWORD)
    visit(tablet, demo.url, "listen?table=2")
    tablet.get_by_label("What was said").fill(SAID)

    console = device(browser, LAPTOP).new_page()
    signed_in(console, demo.url, "facilitator", PASSWORD)
    visit(console, demo.url, "console")
    click(console, "Close the meeting")
    click(console, "Yes, close the meeting")  # asked first
    expect(console.get_by_text("The meeting is closed.")).to_be_visible()
    expect(console.get_by_role("button", name="Reopen the meeting")).to_be_visible()

    # A quick thumb's tap on the ballot drawn before the close is refused in words, and
    # the phone turns to its closed screen. The phone's five-second check may have turned
    # it first (then there is nothing left to tap): the click is one step, so it is either.
    # Or the check and the tap cross: then the closed screen answers the tap, in its own
    # words ("Votes can no longer be sent from this page"), and nothing is stored all the
    # same. (A paused page clock would hold that check still, but it holds Streamlit too.)
    tapped = phone.evaluate(
        "() => { const r = document.querySelectorAll('[role=radiogroup] [role=radio]')[2];"
        " if (r) r.click(); return Boolean(r); }"
    )
    wait_idle(phone)
    closed = phone.get_by_role("heading", name="This meeting has closed — thank you")
    if tapped:
        expect(phone.get_by_text(MEETING_CLOSED).or_(closed).first).to_be_visible()
    expect(closed).to_be_visible()
    expect(phone.get_by_role("radiogroup")).to_have_count(0)
    assert _stored(demo, Vote, Vote.round_id == round_id) == 0
    snap(phone, screenshots, "phone-meeting-closed-tap")

    # The scribe's save is refused in words and nothing is stored.
    tablet.get_by_role("button", name="Save note").click()
    wait_idle(tablet)
    expect(tablet.get_by_text(MEETING_CLOSED)).to_be_visible()
    assert _stored(demo, ListeningNote, ListeningNote.said == SAID) == 0
    snap(tablet, screenshots, "listen-tablet-meeting-closed")

    # The phone left lying turns to the closed screen by itself within its five-second
    # check; its link leads to the feedback form, which is open.
    idle_closed = idle.get_by_role("heading", name="This meeting has closed — thank you")
    expect(idle_closed).to_be_visible()
    expect(idle.get_by_role("radiogroup")).to_have_count(0)
    wait_idle(idle)
    idle.screenshot(path=screenshots / "phone-meeting-closed.png")
    feedback = idle.get_by_role("link", name=FEEDBACK)
    box = feedback.bounding_box()
    assert box is not None and box["height"] >= TARGET_PX, box
    feedback.click()
    wait_idle(idle)
    expect(idle.get_by_role("heading", name="How did it go?")).to_be_visible()
    expect(idle.get_by_role("button", name="Send my answers")).to_be_visible()
    snap(idle, screenshots, "phone-meeting-closed-feedback")
    for page in (phone, idle, tablet, console):
        page.context.close()


def test_a_phone_waiting_for_a_vote_turns_to_the_thank_you_when_the_meeting_closes(
    browser: Browser, demo: Demo, open_vote: tuple[list[str], int]
) -> None:
    """No round open, so closing the meeting opens or closes none: the phone's check still
    sees the close (it stayed on "No vote is open right now" until reloaded)."""
    (code, _), round_id = open_vote
    room = live_room_reopened(demo)  # the test before closed it on the console
    with contextlib.suppress(NotAllowedNow):  # closed with the meeting, or still open
        voting_rounds.close_round(demo.db, room.facilitator, round_id)
    phone = device(browser, PHONE).new_page()
    visit(phone, demo.url, f"vote?code={code}")
    expect(phone.get_by_text("No vote is open right now.")).to_be_visible()
    console = device(browser, LAPTOP).new_page()
    signed_in(console, demo.url, "facilitator", PASSWORD)
    visit(console, demo.url, "console")
    click(console, "Close the meeting")
    click(console, "Yes, close the meeting")  # asked first
    expect(console.get_by_text("The meeting is closed.")).to_be_visible()
    closed = phone.get_by_role("heading", name="This meeting has closed — thank you")
    expect(closed).to_be_visible()  # within its five-second check, with no reload
    for page in (phone, console):
        page.context.close()


def live_room_reopened(demo: Demo) -> LiveRoom:
    """The module's meeting live again, after the test before closed it."""
    with demo.db.read() as s:
        meeting_id = s.scalars(select(Meeting.id)).one()
        account_id = s.scalars(select(Account.id).where(Account.username == "facilitator")).one()
    facilitator = Actor(account_id, Role.FACILITATOR, "Facilitator")
    room_control.reopen_meeting(demo.db, facilitator, meeting_id)
    return live_room(demo)
