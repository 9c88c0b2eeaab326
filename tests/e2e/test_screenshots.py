"""The walk of every screen: every role, at the size of the device it is used on.

From a fresh demo, each role signs in and opens each of its screens; each screen must show
its title, no Streamlit exception box, and no WCAG 2.1 A or AA violation axe-core can find
(tests/accessibility.py). The pictures land in
test-artifacts/screenshots/<role>-<screen>-<size>.png for a person to look at. The
projector and the tables are reached by the links the console prints, the phones by the
code printed on a badge: nothing here builds a link a user would be handed.

One walk serves both the pictures and axe: walked twice, the screens cost the suite the
time of a second run through every page for nothing more proven.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.accessibility import violations
from tests.browser import (
    LAPTOP,
    PHONE,
    PROJECTOR,
    TABLET,
    device,
    screen,
    sign_in,
    snap,
    wait_idle,
)
from tests.e2e.conftest import PASSWORD, Demo

pytestmark = pytest.mark.e2e

ERROR = '[data-testid="stException"]'


@dataclass(frozen=True)
class Visit:
    """A screen's address (as in the menu) and the title it must show."""

    name: str
    path: str
    title: str | re.Pattern[str]
    says: tuple[str, ...] = ()
    """Words a fresh demo's screen must show where a chart has nothing to draw yet."""


EMPTY_REVIEW = (
    "No votes yet — no voting round has been opened at this meeting.",
    "No actions yet — each group's progress appears once the plan has actions.",
)
EMPTY_ACTIONS = (
    "No actions yet — the timeline appears once the plan has dated actions.",
    "No actions yet — each group's progress appears once the plan has actions.",
)


HOME = Visit("home", "", "Common Ground")
FACILITATOR = [
    HOME,
    Visit("setup", "setup", "Set up"),
    Visit("prepare", "prepare", "Prepare"),
    Visit("agenda", "agenda", "Agenda"),
    Visit("console", "console", "Console"),
    Visit("listen", "listen", "Listen · every table"),
    Visit("ideas", "ideas", "Idea board"),
    Visit("converge", "converge", "Converge", ("No voting rounds yet.",)),
    Visit("solve", "solve", "Solve"),
    Visit("conflicts", "conflicts", "Conflicts"),
    Visit("charter", "charter", "Partnering charter"),
    Visit("actions", "actions", "Action plan", EMPTY_ACTIONS),
    Visit("review", "review", "Review", EMPTY_REVIEW),
]
SCRIBE = [
    HOME,
    Visit("ideas", "ideas", "Ideas · table 1"),
    Visit("solve", "solve", "Solve"),
    Visit("conflicts", "conflicts", "Conflicts"),
]
LEADER = [
    HOME,
    Visit("prepare", "prepare", "Prepare"),
    Visit("agenda", "agenda", "Agenda"),
    Visit("converge", "converge", "Converge", ("No voting rounds yet.",)),
    Visit("charter", "charter", "Partnering charter"),
    Visit("actions", "actions", "Action plan", EMPTY_ACTIONS),
    Visit("review", "review", "Review", EMPTY_REVIEW),
]


def _size(viewport: ViewportSize) -> str:
    return f"{viewport['width']}x{viewport['height']}"


def _check(page: Page, title: str | re.Pattern[str], shot: str, folder: Path) -> list[str]:
    """Wait for `title`, keep the picture, and say what is wrong with the screen, if
    anything: a missing title, an exception, what axe-core finds."""
    wrong = []
    heading = (
        page.get_by_role("heading", name=title, exact=True)
        if isinstance(title, str)
        else (page.get_by_role("heading", name=title))
    )
    try:
        expect(heading.first).to_be_visible()
    except AssertionError:
        wrong.append(f"{shot}: no heading {title!r}")
    settle(page)
    snap(page, folder, shot)
    _snap_whole(page, folder, shot)
    if page.locator(ERROR).count():
        wrong.append(f"{shot}: {page.locator(ERROR).first.inner_text()[:300]}")
    return wrong + violations(page, shot)


def settle(page: Page) -> None:
    """Wait (up to 20 s, then take the picture anyway) until charts and tables are drawn.

    Streamlit loads a chart's code only when the first chart appears, after the run has
    ended, and draws grey placeholders meanwhile: slowly on a busy machine.
    """
    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_timeout(500)
        page.wait_for_load_state("networkidle", timeout=10_000)
        page.wait_for_function(
            """() => !document.querySelector('[data-testid^="stSkeleton"]')
                && [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')]
                    .every(c => c.querySelector('svg, canvas')
                        && c.getBoundingClientRect().height > 0)""",
            timeout=20_000,
        )


def _snap_whole(page: Page, folder: Path, shot: str) -> None:
    """The whole screen top to bottom, at the device's width, beside the device-sized one.

    Streamlit scrolls inside its main area, so a full-page screenshot stops at the
    screen's height: the window is made as tall as the content for one picture.
    """
    size = screen(page)
    tall = page.evaluate(
        """() => Math.max(...[...document.querySelectorAll('[data-testid="stMain"], '
            + '[data-testid="stMainBlockContainer"]')].map(e => e.scrollHeight))"""
    )
    page.set_viewport_size({"width": size["width"], "height": min(max(tall, size["height"]), 8000)})
    page.wait_for_timeout(400)  # charts redraw at the new size
    settle(page)
    page.screenshot(path=folder / f"{shot}-full.png")
    page.set_viewport_size(size)


def _walk(page: Page, base: str, role: str, visits: list[Visit], folder: Path) -> list[str]:
    wrong = []
    size = _size(screen(page))
    for v in visits:
        page.goto(f"{base}/{v.path}")
        wait_idle(page)
        wrong += _check(page, v.title, f"{role}-{v.name}-{size}", folder)
        wrong += [
            f"{role}-{v.name}: does not say {words!r}"
            for words in v.says
            if not page.get_by_text(words, exact=True).count()
        ]
    return wrong


def _printed_link(page: Page, path: str) -> str:
    """The link the console writes out beneath a QR code, the one that opens `path`."""
    page.get_by_role("tab", name="Join links and QR codes").click()
    wait_idle(page)
    block = page.locator('[data-testid="stCode"]').filter(has_text=f"/{path}?")
    expect(block.first).to_be_visible()
    return block.first.inner_text().strip()


def _badge_code(browser: Browser, page: Page, tmp_path: Path) -> str:
    """The personal code printed on the first badge of the console's badge sheet."""
    page.get_by_role("tab", name="Join links and QR codes").click()
    wait_idle(page)
    with page.expect_download() as sheet:
        page.get_by_role("button", name="Download badge codes (one page)").click()
    printed = tmp_path / "badges.html"
    sheet.value.save_as(printed)
    paper = device(browser, LAPTOP).new_page()
    paper.goto(printed.as_uri())
    code = paper.locator("article.badge .code").first.inner_text().strip()
    paper.context.close()
    return code


def test_the_facilitator_walks_every_screen_on_the_laptop(
    browser: Browser, demo: Demo, screenshots: Path
) -> None:
    laptop = device(browser, LAPTOP).new_page()
    sign_in(laptop, demo.url, "facilitator", PASSWORD)
    wrong = _walk(laptop, demo.url, "facilitator", FACILITATOR, screenshots)
    laptop.goto(f"{demo.url}/console")
    wait_idle(laptop)
    _printed_link(laptop, "listen")  # the Join links tab, open
    wrong += violations(laptop, "facilitator-console-join-links")
    assert not wrong, "\n".join(wrong)


def test_a_scribe_walks_their_screens_on_the_tablet(
    browser: Browser, demo: Demo, screenshots: Path
) -> None:
    laptop = device(browser, LAPTOP).new_page()
    sign_in(laptop, demo.url, "facilitator", PASSWORD)
    laptop.goto(f"{demo.url}/console")
    wait_idle(laptop)
    table_link = _printed_link(laptop, "listen")
    assert table_link.startswith(f"{demo.url}/listen?table="), table_link
    tablet = device(browser, TABLET).new_page()
    sign_in(tablet, demo.url, "scribe1", PASSWORD)
    tablet.goto(table_link)
    wait_idle(tablet)
    wrong = _check(
        tablet, re.compile(r"^Listen · table \d+$"), "scribe-listen-768x1024", screenshots
    )
    wrong += _walk(tablet, demo.url, "scribe", SCRIBE, screenshots)
    assert not wrong, "\n".join(wrong)


def test_a_leader_walks_their_screens_on_the_laptop(
    browser: Browser, demo: Demo, screenshots: Path
) -> None:
    laptop = device(browser, LAPTOP).new_page()
    sign_in(laptop, demo.url, "leader1", PASSWORD)
    wrong = _walk(laptop, demo.url, "leader", LEADER, screenshots)
    assert not wrong, "\n".join(wrong)


def test_a_participant_opens_the_survey_and_the_ballot_with_the_badge_code(
    browser: Browser, demo: Demo, screenshots: Path, tmp_path: Path
) -> None:
    laptop = device(browser, LAPTOP).new_page()
    sign_in(laptop, demo.url, "facilitator", PASSWORD)
    laptop.goto(f"{demo.url}/console")
    wait_idle(laptop)
    code = _badge_code(browser, laptop, tmp_path)
    phone = device(browser, PHONE).new_page()
    wrong = []
    for name, button, title in [
        ("survey", "Open my survey", re.compile(r"^(Before we meet|How did it go\?|Survey)$")),
        ("vote", "Open my ballot", "Vote"),
    ]:
        phone.goto(f"{demo.url}/{name}")
        wait_idle(phone)
        wrong += violations(phone, f"participant-{name}-code-entry")
        phone.get_by_role("textbox", name="The code on your badge").fill(code)
        phone.get_by_role("button", name=button).click()
        wait_idle(phone)
        wrong += _check(phone, title, f"participant-{name}-390x844", screenshots)
    assert not wrong, "\n".join(wrong)


def test_the_projector_opens_from_the_link_the_console_prints(
    browser: Browser, demo: Demo, screenshots: Path
) -> None:
    laptop = device(browser, LAPTOP).new_page()
    sign_in(laptop, demo.url, "facilitator", PASSWORD)
    laptop.goto(f"{demo.url}/console")
    wait_idle(laptop)
    link = _printed_link(laptop, "projector")
    wall = device(browser, PROJECTOR).new_page()
    wall.goto(link)
    wait_idle(wall)
    title = re.compile(r"^(The meeting has not started yet|Step \d+ of \d+: .+)$")
    wrong = _check(wall, title, "projector-projector-1920x1080", screenshots)
    assert not wrong, "\n".join(wrong)


def test_a_visitor_on_a_phone_finds_the_home_page(
    browser: Browser, demo: Demo, screenshots: Path
) -> None:
    home = device(browser, PHONE).new_page()
    home.goto(demo.url)
    wait_idle(home)
    wrong = _check(home, "Common Ground", "visitor-home-390x844", screenshots)
    assert not wrong, "\n".join(wrong)
