"""A phone ballot for thumbs, at a phone's size (390×844): targets a thumb can hit, the count
of dots left always in sight, rows a screen reader names in plain words, a tap that says
it was saved, and an idea typed as Markdown that does nothing on the page.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, FloatRect, Locator, Page, expect
from sqlalchemy import select

from components.ballot import TARGET_PX
from db.models import Vote
from tests.browser import PHONE, device, snap, visit, wait_idle
from tests.e2e.conftest import Demo, open_dot_round

pytestmark = pytest.mark.e2e

MARKDOWN_IDEA = "Fund *mental-health* responders & [train] 911 staff_now"
"""Typed with characters that would act as Markdown: it must show as typed, and be read
in plain words."""
TRACKER = "tracker.invalid"
HOSTILE_IDEA = (
    f"![pixel](http://{TRACKER}/p.png) [click](http://{TRACKER}/go) "
    f"www.{TRACKER} :red[alarm] $x^2$ <b>bold</b>"
)
"""An idea that would fetch an image, make links, colour and maths if rendered as Markdown."""
NAMES = {
    MARKDOWN_IDEA: "Fund mental-health responders & train 911 staff now",
    HOSTILE_IDEA: (
        f"! pixel (http: //{TRACKER}/p.png) click (http: //{TRACKER}/go) "
        f"www .{TRACKER} : red alarm $ x^2$ b bold /b"
    ),
}
"""What a screen reader says for those two rows: the words, without Markdown's marks."""
IDEAS = [
    "More mental-health responders on night shifts",
    "Street lights on Elm Avenue",
    MARKDOWN_IDEA,
    HOSTILE_IDEA,
    "Monthly walk with the beat officer",
    "Translate notices into Spanish",
    "A civilian review board that meets in public",
    "Faster replies to 311 complaints",
    "Quiet hours near the school",
]
BUDGET = 5


@pytest.fixture(scope="module")
def ballot(demo: Demo) -> tuple[str, int]:
    """An open dot round of nine ideas, longer than a phone's screen: a badge's code, the round."""
    room, round_id = open_dot_round(demo, IDEAS, BUDGET)
    return room.codes[0], round_id


def _count(page: Page, left: int) -> Locator:
    return page.get_by_text(f"{left} of {BUDGET} dots left", exact=True)


def _in_viewport(box: FloatRect | None) -> bool:
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]


def test_a_thumb_ballot_on_a_phone(
    browser: Browser, demo: Demo, ballot: tuple[str, int], screenshots: Path
) -> None:
    voter_code, round_id = ballot
    phone = device(browser, PHONE).new_page()
    fetched: list[str] = []
    phone.on("request", lambda request: fetched.append(request.url))
    visit(phone, demo.url, f"vote?code={voter_code}")
    expect(_count(phone, BUDGET)).to_be_visible()
    # The other language's button is a word in that language (WCAG 3.1.2).
    expect(phone.get_by_role("button", name="Español", exact=True)).to_have_attribute("lang", "es")

    # Every row is named in plain words: the idea as typed, or its words without
    # Markdown's marks; never with backslashes.
    groups = phone.get_by_role("radiogroup")
    expect(groups).to_have_count(len(IDEAS))
    for n, idea in enumerate(IDEAS, start=1):
        name = groups.nth(n - 1).get_attribute("aria-label")
        assert name == f"Idea {n} of {len(IDEAS)}: {NAMES.get(idea, idea)}"
        assert name is not None and "\\" not in name and "*" not in name and "[" not in name
    # The ideas typed with Markdown's characters show them as text, not as formatting.
    for n, idea in ((3, MARKDOWN_IDEA), (4, HOSTILE_IDEA)):
        expect(phone.get_by_text(f"Idea {n} of {len(IDEAS)}: {idea}", exact=True)).to_be_visible()
    main = phone.get_by_test_id("stMain")
    # Nothing is a link: not the ideas, nor the headings' links to themselves (Tab stops
    # between the code and the first row, for a keyboard).
    live = main.locator("em, strong, a, img, .katex, .stMarkdownColoredText")
    expect(live).to_have_count(0)

    # A row's label, shown or collapsed, holds words only: Streamlit renders a collapsed
    # label too (undisplayed), and the browser would fetch an image there all the same.
    labels = phone.get_by_test_id("stButtonGroup").get_by_test_id("stWidgetLabel")
    expect(labels).to_have_count(len(IDEAS))
    for i in range(labels.count()):
        assert labels.nth(i).locator("p *").count() == 0, labels.nth(i).inner_html()
    hidden = labels.nth(3)
    expect(hidden).to_be_hidden()
    expect(hidden).to_have_text(f"Idea 4 of {len(IDEAS)}: {NAMES[HOSTILE_IDEA]}")
    # Nothing in the page can be reached by Tab but the page's own controls.
    for _ in range(12):
        phone.keyboard.press("Tab")
        focused = phone.evaluate(
            "() => { const e = document.activeElement;"
            " return [e.tagName, e.closest('[data-testid=stWidgetLabel]') !== null,"
            " e.getAttribute('href') || ''] }"
        )
        assert not focused[1] and TRACKER not in focused[2], focused

    # Every choice is a thumb-sized target.
    choices = phone.get_by_test_id("stButtonGroup").get_by_role("radio")
    expect(phone.get_by_text("Give each idea 0 to 3 dots.", exact=False)).to_be_visible()
    expect(choices).to_have_count(len(IDEAS) * 4)
    for i in range(choices.count()):
        box = choices.nth(i).bounding_box()
        assert box is not None
        assert box["width"] >= TARGET_PX and box["height"] >= TARGET_PX, (i, box)

    # At the last row the count is still in sight, on a solid background.
    last = groups.nth(len(IDEAS) - 1)
    last.scroll_into_view_if_needed()
    assert _in_viewport(_count(phone, BUDGET).bounding_box())
    # Streamlit wraps the keyed box in a layout wrapper; that is what sticks.
    count_box = phone.locator(
        "[data-testid=stLayoutWrapper]:has(> [class*='st-key-ballot-count-'])"
    )
    expect(count_box).to_have_css("position", "sticky")
    expect(count_box).to_have_css("background-color", "rgb(255, 255, 255)")
    expect(_count(phone, BUDGET)).to_have_css("color", "rgb(17, 24, 39)")

    # A tap changes the count at once and says "Saved" in words under its row.
    last.get_by_role("radio", name="2", exact=True).click()
    expect(_count(phone, BUDGET - 2)).to_be_visible()
    saved = phone.get_by_role("status").filter(has_text="Saved: 2 dots.")
    expect(saved).to_be_visible()
    assert _in_viewport(_count(phone, BUDGET - 2).bounding_box())
    # "Saved" sits right under the row it is about.
    row_box, saved_box = last.bounding_box(), saved.bounding_box()
    assert row_box and saved_box and 0 <= saved_box["y"] - (row_box["y"] + row_box["height"]) < 40
    wait_idle(phone)
    phone.screenshot(path=screenshots / "phone-ballot-thumbs.png")

    # A tap over the budget on the last row is refused in sight, with the count at the
    # top, not under the row, where it fell below the phone's screen; the row keeps 2.
    groups.nth(0).scroll_into_view_if_needed()
    groups.nth(0).get_by_role("radio", name="3", exact=True).click()
    expect(_count(phone, 0)).to_be_visible()
    # As a thumb leaves it: the row just in sight at the foot of the screen.
    last.evaluate("row => row.scrollIntoView({block: 'end'})")
    last.get_by_role("radio", name="3", exact=True).click()
    refusal = phone.get_by_role("alert").filter(
        has_text="You have 0 dots left; take a dot off another idea first."
    )
    expect(refusal).to_be_visible()
    assert _in_viewport(refusal.bounding_box()), refusal.bounding_box()
    row_box = last.bounding_box()
    assert row_box and row_box["y"] + row_box["height"] <= PHONE["height"] + 1, "the row moved"
    expect(last.get_by_role("radio", name="2", exact=True)).to_have_attribute(
        "aria-checked", "true"
    )
    phone.screenshot(path=screenshots / "phone-ballot-refused.png")
    # The next tap that counts takes the refusal away.
    groups.nth(0).get_by_role("radio", name="2", exact=True).click()
    expect(_count(phone, 1)).to_be_visible()
    expect(refusal).to_have_count(0)
    groups.nth(0).get_by_role("radio", name="3", exact=True).click()
    expect(_count(phone, 0)).to_be_visible()
    groups.nth(0).get_by_role("radio", name="0", exact=True).click()
    expect(_count(phone, BUDGET - 2)).to_be_visible()
    with demo.db.read() as s:
        assert list(s.scalars(select(Vote.dots).where(Vote.round_id == round_id))) == [2]
    snap(phone, screenshots, "phone-ballot-thumbs-full")
    # The hostile idea never reached out: no image, no link, no address was fetched.
    assert not [url for url in fetched if TRACKER in url], fetched
    # Reloaded, the row's answer is marked by more than its colour (WCAG 1.4.1).
    phone.reload()
    wait_idle(phone)
    row = phone.get_by_role("radiogroup").nth(len(IDEAS) - 1)
    chosen, other = row.get_by_role("radio", name="2"), row.get_by_role("radio", name="1")
    expect(chosen).to_have_attribute("aria-checked", "true")
    look = "e => [getComputedStyle(e).fontWeight, getComputedStyle(e).textDecorationLine]"
    assert chosen.evaluate(look) == ["700", "underline"]
    assert other.evaluate(look)[1] == "none"
    row.scroll_into_view_if_needed()
    phone.screenshot(path=screenshots / "phone-ballot-reloaded.png")
    phone.context.close()
