"""The survey on a phone and the trust pulse on Review, in Chromium.

On a 390 px phone the survey must say, before the first question, that answers are never
shown with a name; every question must carry its scale's words on its choices and start
with nothing chosen. On Review a group where fewer than 5 answered shows no figure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import select

from components.touch_targets import TARGET_PX
from db.models import Initiative, Participant, Stakeholder, SurveyResponse
from db.models.enums import SurveyKind
from services.core.small_groups import PRIVACY_PROMISE, WITHHELD
from services.prepare.trust_items import HOW_OFTEN, STANDARD_ITEMS
from tests.browser import (
    LAPTOP,
    PHONE,
    box,
    click,
    device,
    open_screen,
    press,
    snap,
    visit,
)
from tests.e2e.conftest import Demo, kept_signed_in
from tests.languages import phone_choose

pytestmark = pytest.mark.e2e


def _codes_by_group(demo: Demo) -> dict[str, list[tuple[int, str]]]:
    with demo.db.read() as s:
        rows = s.execute(
            select(Stakeholder.name, Participant.id, Participant.code)
            .join(Participant, Participant.stakeholder_id == Stakeholder.id)
            .order_by(Participant.id)
        ).all()
    groups: dict[str, list[tuple[int, str]]] = {}
    for group, pid, code in rows:
        groups.setdefault(group, []).append((pid, code))
    return groups


@pytest.fixture(scope="module")
def facilitator(browser: Browser, demo: Demo) -> Iterator[Page]:
    """The facilitator's laptop, signed in once for the module, as at the start of a day."""
    with kept_signed_in(device(browser, LAPTOP), demo.url, "facilitator") as page:
        yield page


def test_the_phone_survey_says_who_sees_answers_first_and_words_every_choice(
    browser: Browser, demo: Demo, screenshots
) -> None:
    code = next(iter(_codes_by_group(demo).values()))[0][1]
    page = device(browser, PHONE).new_page()
    visit(page, demo.url, f"survey?code={code}")
    promise = page.get_by_text(PRIVACY_PROMISE)
    expect(promise).to_be_visible()
    first_question = page.get_by_role("radiogroup").first
    # The promise is read before any question: it sits above the first one on the page.
    assert box(promise)["y"] < box(first_question)["y"]
    groups = page.get_by_role("radiogroup")
    with demo.db.read() as s:
        asked = s.scalars(select(Initiative.trust_statements)).first()
    assert asked is not None
    # Retried, not counted once: the page's first run can be cut short by the sign-in
    # cookie's reply and run again, and a count taken between the two saw 4 of 8 (CI).
    expect(groups).to_have_count(len(asked))
    for n in range(groups.count()):
        group = groups.nth(n)
        # Nothing chosen for the person, and "Prefer not to say" on every question.
        expect(group.get_by_role("radio", checked=True)).to_have_count(0)
        expect(group.get_by_text("Prefer not to say")).to_be_visible()
    respect = next(i for i in STANDARD_ITEMS if i.scale == HOW_OFTEN)
    question = page.get_by_test_id("stRadio").filter(has_text=respect.wording)
    for n, words in enumerate(HOW_OFTEN.words, start=1):
        expect(question.get_by_text(f"{n} {words}", exact=True)).to_be_visible()
    expect(page.get_by_text("1 Strongly disagree", exact=True).first).to_be_visible()
    # The app scrolls inside its own container, so a full-page shot holds one screen only:
    # one shot at the top (the promise), one at the first rating, one at a "how often".
    snap(page, screenshots, "survey-phone-top")
    first_question.scroll_into_view_if_needed()
    page.screenshot(path=screenshots / "survey-phone-rating.png")
    question.scroll_into_view_if_needed()
    page.screenshot(path=screenshots / "survey-phone-how-often.png")
    # A choice reached by Tab is ringed, not only tinted.
    question.get_by_role("radio").first.focus()
    page.keyboard.press("ArrowRight")
    ring = question.locator("label:has(input:focus-visible)")
    expect(ring).to_have_count(1)
    expect(ring).to_have_css("outline-style", "solid")
    expect(ring).to_have_css("outline-width", "3px")
    page.context.close()


def test_review_withholds_a_group_where_fewer_than_5_answered(
    browser: Browser, demo: Demo, facilitator: Page, screenshots
) -> None:
    groups = _codes_by_group(demo)
    big, small = sorted(groups, key=lambda g: -len(groups[g]))[:2]
    assert len(groups[big]) >= 6
    with demo.db.read() as s:
        asked = s.scalars(select(Initiative.trust_statements)).first()
    assert asked
    first = asked[0]
    with demo.db.write() as s:
        for n, (pid, _) in enumerate(groups[big][:6]):
            s.add(SurveyResponse(participant_id=pid, kind=SurveyKind.PRE, trust={first: 2 + n % 2}))
            s.add(SurveyResponse(participant_id=pid, kind=SurveyKind.POST, trust={first: 4}))
        for pid, _ in groups[small][:3]:
            s.add(SurveyResponse(participant_id=pid, kind=SurveyKind.PRE, trust={first: 1}))
    page = facilitator
    open_screen(page, "review")
    heading = page.get_by_role("heading", name="Trust pulse: before and after the meeting")
    heading.scroll_into_view_if_needed()
    table = page.get_by_test_id("stDataFrame").last
    expect(page.get_by_text("read a change as a direction to talk about")).to_be_visible()
    expect(page.get_by_text("Answered 1 strongly disagree – 5 strongly agree")).to_be_visible()
    expect(table).to_be_visible()
    page.screenshot(path=screenshots / "review-trust.png", full_page=False)
    # The chart's own words carry the withheld figure as the table does.
    chart_words = page.locator("[data-testid='stVegaLiteChart']").first
    expect(chart_words).to_be_visible()
    assert WITHHELD in page.content() or WITHHELD in chart_words.inner_text()


OWN_QUESTION = "I feel safe walking home at night."
OWN_SPANISH = "Me siento seguro al volver a casa de noche."


def test_a_question_the_facilitator_writes_and_translates_reaches_a_spanish_phone(
    browser: Browser, demo: Demo, facilitator: Page, screenshots
) -> None:
    """On Prepare the facilitator adds their own trust question and types its Spanish; a
    phone switched to Spanish with one tap asks it in Spanish, marked as a translation, the
    English one tap away."""
    laptop = facilitator
    open_screen(laptop, "prepare")
    # Opening it draws its questions (components/opened.py): read them once drawn.
    press(laptop, laptop.get_by_text("Survey settings", exact=True))
    trust = laptop.get_by_label(re.compile(r"^Trust questions, one per line"))
    trust.fill(f"{trust.input_value()}\n{OWN_QUESTION}")
    click(laptop, "Save the questions")
    expect(laptop.get_by_text("Questions saved.")).to_be_visible()
    laptop.get_by_label(f"“{OWN_QUESTION}” in Spanish").fill(OWN_SPANISH)
    click(laptop, "Save the translations")
    expect(laptop.get_by_text("Translations saved.")).to_be_visible()
    laptop.get_by_label(f"“{OWN_QUESTION}” in Spanish").scroll_into_view_if_needed()
    laptop.screenshot(path=screenshots / "survey-question-translation-laptop.png")

    code = next(iter(_codes_by_group(demo).values()))[1][1]
    phone = device(browser, PHONE).new_page()
    visit(phone, demo.url, f"survey?code={code}")
    phone_choose(phone, "Español")
    question = phone.get_by_test_id("stRadio").filter(has_text=OWN_SPANISH)
    expect(question).to_be_visible()
    # Its accessible name is the words, plain: no backslash before the full stop for a
    # screen reader to read out (components/text.py label_words).
    expect(phone.get_by_role("radiogroup", name=OWN_SPANISH, exact=True)).to_be_visible()
    assert phone.get_by_role("radiogroup", name=OWN_SPANISH).get_attribute("aria-label") == (
        OWN_SPANISH
    )
    note = phone.get_by_text("Traducido del inglés").last
    expect(note).to_be_visible()
    expect(phone.get_by_text(OWN_QUESTION, exact=True)).not_to_be_visible()  # behind its tap
    question.scroll_into_view_if_needed()
    phone.screenshot(path=screenshots / "survey-phone-own-question-es.png")
    original = phone.get_by_text("Ver el original (inglés)").last
    # The tap that shows the original is thumb-sized.
    heading = original.locator("xpath=ancestor::summary[1]")
    assert box(heading)["height"] >= TARGET_PX, box(heading)
    original.click()
    expect(phone.get_by_text(OWN_QUESTION, exact=True)).to_be_visible()
    phone.context.close()
