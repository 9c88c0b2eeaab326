"""An invitation as a person gets it: printed from Prepare, scanned, answered on a phone.

Nothing is built by the test: each link is what a phone's camera reads off the printed
sheet, and the answer must show up in the count the facilitator reads on Prepare.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Locator, Page, expect
from sqlalchemy import select

from db.models import Participant, SurveyResponse
from seed.agenda import TRUST_STATEMENTS
from services.prepare.trust_items import AGREEMENT, trust_items
from tests.browser import (
    LAPTOP,
    PHONE,
    box,
    device,
    open_screen,
    open_tab,
    snap,
    wait_idle,
)
from tests.e2e.conftest import Demo, kept_signed_in
from tests.qr_reading import decode_png

pytestmark = pytest.mark.e2e

ERROR = '[data-testid="stException"]'
ANSWERED = re.compile(r"^(\d+) of (\d+) people have answered the survey\.$")
ISSUES = "Waiting an hour for an officer after a break-in"
# The demo asks its own statements (agree 1-5) and published "how often" items (1-4).
ITEMS = trust_items(TRUST_STATEMENTS)
AGREE_ITEMS = [i for i in ITEMS if i.scale == AGREEMENT]


def _answered(page: Page) -> tuple[int, int]:
    """The pre-session report's count: (answered, people), read as the facilitator reads it."""
    line = page.get_by_text(ANSWERED)
    expect(line).to_be_visible()
    shown = ANSWERED.match(line.inner_text().strip())
    assert shown is not None
    answered, people = shown.groups()
    return int(answered), int(people)


def _read_qr(code: Locator) -> str:
    """The one link in a printed QR code, read from its pixels."""
    code.scroll_into_view_if_needed()
    [link] = decode_png(code.screenshot())
    return link


def _rate_without_defaults(phone: Page, screenshots: Path) -> None:
    """Every rating starts with nothing chosen, its words beside each choice, every choice a
    row a thumb can hit; then the first statement is agreed with and the second declined."""
    choices = phone.get_by_role("radio")
    # Each question's scale, and "Prefer not to say".
    expect(choices).to_have_count(sum(i.scale.top + 1 for i in ITEMS))
    assert not any(choices.nth(i).is_checked() for i in range(choices.count()))
    for words in ("1 Strongly disagree", "3 Neither agree nor disagree", "5 Strongly agree"):
        expect(phone.get_by_text(words, exact=True)).to_have_count(len(AGREE_ITEMS))
    rows = phone.locator('[role="radiogroup"] label')
    heights = [box(rows.nth(i))["height"] for i in range(rows.count())]
    assert min(heights) >= 44, heights
    groups = phone.get_by_role("radiogroup")
    groups.nth(0).get_by_text("4 Agree", exact=True).click()
    groups.nth(1).get_by_text("Prefer not to say", exact=True).click()
    expect(groups.nth(0).get_by_role("radio", name="4 Agree")).to_be_checked()
    snap(phone, screenshots, "survey-ratings-on-phone")


@pytest.fixture(scope="module")
def facilitator(browser: Browser, demo: Demo) -> Iterator[Page]:
    """The facilitator's laptop, signed in once for the module, as at the start of a day."""
    with kept_signed_in(device(browser, LAPTOP), demo.url, "facilitator") as page:
        yield page


def test_a_printed_invitation_is_answered_on_a_phone_and_counted_on_prepare(
    browser: Browser, demo: Demo, facilitator: Page, screenshots, tmp_path
):
    laptop = facilitator
    open_screen(laptop, "prepare")
    expect(laptop.locator(ERROR)).to_have_count(0)
    section = laptop.get_by_role("heading", name="Invitations")
    expect(section).to_be_visible()
    expect(laptop.get_by_text(re.compile(r"people get an invitation"))).to_be_visible()
    before, people = _answered(laptop)
    section.scroll_into_view_if_needed()
    laptop.get_by_role("button", name="Prepare the invitation sheet").click()
    wait_idle(laptop)
    laptop.get_by_role("heading", name="Invitations").scroll_into_view_if_needed()
    laptop.screenshot(path=screenshots / "prepare-invitations.png")
    with laptop.expect_download() as sheet:
        laptop.get_by_role("button", name="Download the invitation sheet").click()
    printed = tmp_path / "invitations.html"
    sheet.value.save_as(printed)

    # The sheet as a printer gets it: opened in the browser, its QR codes read from pixels.
    paper = device(browser, LAPTOP).new_page()
    paper.goto(printed.as_uri())
    assert paper.locator("article.invitation").count() == people
    paper.locator("section.page").first.screenshot(path=screenshots / "invitation-sheet.png")
    first = paper.locator("article.invitation").first
    name = first.locator(".person").inner_text()
    survey = _read_qr(first.locator(".step.survey svg"))
    vote = _read_qr(first.locator(".step.vote svg"))
    assert urlsplit(survey).path == "/survey" and survey.startswith(f"{demo.url}/"), survey
    assert urlsplit(vote).path == "/vote" and vote.startswith(f"{demo.url}/"), vote
    [code] = parse_qs(urlsplit(survey).query)["code"]
    assert parse_qs(urlsplit(vote).query)["code"] == [code]
    # The link written beneath each code is the one the code holds, for those who type it.
    expect(first.locator(".step.survey .link")).to_have_text(survey)
    with demo.db.read() as s:
        person = s.scalars(select(Participant).where(Participant.code == code)).one()
    assert person.name == name

    phone = device(browser, PHONE).new_page()
    phone.goto(survey)
    wait_idle(phone)
    expect(phone.locator(ERROR)).to_have_count(0)
    expect(phone.get_by_role("heading", name="Before we meet")).to_be_visible()
    snap(phone, screenshots, "survey-on-phone")
    _rate_without_defaults(phone, screenshots)
    phone.get_by_label("The top issues for you").fill(ISSUES)
    phone.get_by_label("Solutions you would propose").fill("A community officer who knows us")
    phone.get_by_label("What you want from the meeting").fill("To be heard, and a plan")
    phone.get_by_role("button", name="Send my answers").click()
    wait_idle(phone)
    expect(phone.get_by_text("Saved. You can change your answers")).to_be_visible()
    snap(phone, screenshots, "survey-on-phone-saved")
    with demo.db.read() as s:
        answer = s.scalars(
            select(SurveyResponse).where(SurveyResponse.participant_id == person.id)
        ).one()
    assert answer.top_issues == ISSUES
    # One statement agreed with, one declined, one left blank: only the real answer is kept.
    assert answer.trust == {ITEMS[0].key: 4}

    open_screen(laptop, "prepare")
    assert _answered(laptop) == (before + 1, people)

    ballot = device(browser, PHONE).new_page()
    ballot.goto(vote)
    wait_idle(ballot)
    expect(ballot.locator(ERROR)).to_have_count(0)
    expect(ballot.get_by_role("heading", name="Vote")).to_be_visible()
    expect(ballot.get_by_text("not valid")).to_have_count(0)


def test_the_console_offers_the_invitation_sheet_beside_the_badges(
    browser: Browser, demo: Demo, facilitator: Page, screenshots, tmp_path
):
    laptop = facilitator
    open_screen(laptop, "console")
    open_tab(laptop, "Join links and QR codes")
    laptop.get_by_role("button", name="Prepare the invitation sheet").click()
    wait_idle(laptop)
    open_tab(laptop, "Join links and QR codes")
    heading = laptop.get_by_role("heading", name=re.compile(r"Participants' voting links"))
    heading.scroll_into_view_if_needed()
    laptop.screenshot(path=screenshots / "console-invitations.png")
    with laptop.expect_download() as sheet:
        laptop.get_by_role("button", name="Download the invitation sheet").click()
    printed = tmp_path / "invitations.html"
    sheet.value.save_as(printed)
    paper = device(browser, LAPTOP).new_page()
    paper.goto(printed.as_uri())
    with demo.db.read() as s:
        present = s.scalars(select(Participant.code).where(Participant.absent.is_(False))).all()
    assert paper.locator("article.invitation").count() == len(present)
    survey = _read_qr(paper.locator("article.invitation .step.survey svg").last)
    assert parse_qs(urlsplit(survey).query)["code"][0] in present
