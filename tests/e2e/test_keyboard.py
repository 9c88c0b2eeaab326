"""The room with the keyboard alone (WCAG 2.1.1): no mouse, no touch, as a person who
cannot use one works — Tab to a control, type, Enter or Space to press it.

The facilitator signs in and runs the console's next step, a scribe writes and saves a
listening note, and a participant spends dots on a phone ballot: each by keys only, each
checked in the database, with the focus visible on every control it presses (2.4.7).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import select

from db.models import Account, ListeningNote, Meeting, MeetingTable, Participant, Vote
from services.converge import voting_rounds
from services.core.actors import Actor
from services.core.vocab import Role, VoteMode
from services.room import ideas
from tests.browser import LAPTOP, PHONE, TABLET, device, visit, wait_idle
from tests.e2e.conftest import PASSWORD, Demo

pytestmark = pytest.mark.e2e

FOCUSED = """() => {
    const e = document.activeElement;
    if (!e || e === document.body) return {name: "", visible: false};
    const label = e.getAttribute("aria-label")
        || (e.labels && e.labels.length ? e.labels[0].innerText : "")
        || e.innerText || e.value || "";
    const style = getComputedStyle(e);
    const ring = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0)
        || (style.boxShadow && style.boxShadow !== "none");
    // A text box shows its focus as its frame turning the theme's primary colour.
    const frame = e.closest('[data-testid$="RootElement"]');
    const framed = frame !== null && getComputedStyle(frame).borderColor === PRIMARY;
    return {name: label.trim(), visible: Boolean(ring || framed)};
}""".replace("PRIMARY", "'rgb(29, 78, 216)'")
"""The focused control's name, and whether its focus shows: a ring (outline or shadow),
or for a text box its frame in the theme's primary colour (.streamlit/config.toml)."""


def tab_to(page: Page, name: str | re.Pattern[str], limit: int = 150) -> None:
    """Press Tab until the focus is on the control called `name`; fail if it never is."""
    wanted = name if isinstance(name, re.Pattern) else re.compile(rf"^{re.escape(name)}$")
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        page.wait_for_timeout(250)  # a text box's frame changes colour over 0.2 s
        focused = page.evaluate(FOCUSED)
        seen.append(focused["name"][:40])
        if wanted.search(focused["name"]):
            assert focused["visible"], f"the focus on {focused['name']!r} cannot be seen"
            return
    raise AssertionError(f"Tab never reached {name!r}; it passed: {seen}")


def sign_in_by_keys(page: Page, base: str, username: str) -> None:
    visit(page, base, "")
    tab_to(page, "Username")
    page.keyboard.type(username)
    tab_to(page, "Password")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Your screens")).to_be_visible(timeout=15_000)
    wait_idle(page)


def test_the_console_runs_the_next_step_and_a_scribe_saves_a_note_by_keys(
    browser: Browser, demo: Demo
) -> None:
    console = device(browser, LAPTOP).new_page()
    sign_in_by_keys(console, demo.url, "facilitator")
    tab_to(console, "Console")
    console.keyboard.press("Enter")
    wait_idle(console)
    tab_to(console, re.compile(r"^Start the meeting"))
    console.keyboard.press("Enter")
    expect(console.get_by_text("Step 1 of 10: Welcome and purpose")).to_be_visible()
    wait_idle(console)
    tab_to(console, re.compile(r"^Next ▶"))
    console.keyboard.press("Enter")
    expect(console.get_by_text("Step 2 of 10: Active listening in pairs")).to_be_visible()
    expect(console.get_by_text("Input is open", exact=True)).to_be_visible()

    tablet = device(browser, TABLET).new_page()
    sign_in_by_keys(tablet, demo.url, "scribe1")
    visit(tablet, demo.url, "listen")
    tab_to(tablet, "What was said")
    tablet.keyboard.type("We called twice and nobody came")
    tab_to(tablet, "What I heard (the paraphrase back)")
    tablet.keyboard.type("You felt alone when it mattered")
    tab_to(tablet, "The interest or need underneath")
    tablet.keyboard.type("Being answered in time")
    tab_to(tablet, "Save note")
    tablet.keyboard.press("Enter")
    expect(tablet.get_by_text("Note saved.")).to_be_visible()
    with demo.db.read() as s:
        said = s.scalars(select(ListeningNote.said)).all()
    assert "We called twice and nobody came" in said


def test_a_participant_spends_dots_on_the_ballot_by_keys(browser: Browser, demo: Demo) -> None:
    with demo.db.read() as s:
        meeting_id = s.scalars(select(Meeting.id)).one()
        account_id = s.scalars(select(Account.id).where(Account.username == "facilitator")).one()
        table_id = s.scalars(
            select(MeetingTable.id).where(MeetingTable.meeting_id == meeting_id)
        ).first()
        code = s.scalars(select(Participant.code)).first()
    assert code is not None and table_id is not None
    facilitator = Actor(account_id, Role.FACILITATOR, "Facilitator")
    # The round is the facilitator's to open (Converge, by mouse elsewhere); the ballot is
    # what this test works by keys.
    made = [
        ideas.add_idea(demo.db, facilitator, ideas.NewIdea(table_id=table_id, text=text))
        for text in ("Street lights on Elm Avenue", "A monthly walk with the beat officer")
    ]
    rnd = voting_rounds.create_round(
        demo.db, facilitator, meeting_id,
        voting_rounds.NewRound(
            title="Which first?", mode=VoteMode.DOTS, budget=3, idea_ids=[i.id for i in made]
        ),
    )  # fmt: skip
    voting_rounds.open_round(demo.db, facilitator, rnd.id)

    phone = device(browser, PHONE).new_page()
    visit(phone, demo.url, "vote")
    tab_to(phone, "The code on your badge")
    phone.keyboard.type(code)
    phone.keyboard.press("Enter")
    expect(phone.get_by_text("3 of 3 dots left", exact=True)).to_be_visible()
    # The ballot says how the keys move through it, not only what a finger does.
    expect(phone.get_by_text("by keyboard: Tab to an idea, then the arrow keys")).to_be_visible()
    wait_idle(phone)
    # One Tab stop per idea, as in any radio group: Tab reaches the first idea's row at its
    # chosen "0", the arrow keys move along the row, Space takes the choice. Only the
    # language button comes before it: no heading's link to itself is a stop on the way.
    tab_to(phone, "0", limit=2)
    phone.keyboard.press("ArrowRight")
    phone.keyboard.press("ArrowRight")
    phone.keyboard.press("Space")
    expect(phone.get_by_text("1 of 3 dots left", exact=True)).to_be_visible()
    with demo.db.read() as s:
        dots = s.scalars(select(Vote.dots).where(Vote.round_id == rnd.id)).all()
    assert sum(dots) == 2
