"""The walk of every screen: every role, at the size of the device it is used on.

From a fresh demo, each role signs in and opens each of its screens; each screen must show
its title, no Streamlit exception box, and no WCAG 2.1 A or AA violation axe-core can find
(tests/accessibility.py), in English and in Spanish: each screen is checked in one
language, then switched to the other as its reader switches (tests/languages.py) and
checked again, `<html lang>` and English left on the Spanish page included. The pictures
land in test-artifacts/screenshots/<role>-<screen>-<size>[-es].png for a person to look at. The
projector and the tables are reached by the links the console prints, the phones by the
code printed on a badge: nothing here builds a link a user would be handed.

Each screen is also walked by Tab, once (tests/accessibility.py's `unseen_focus`): the
keyboard goes all the way round it, reaches every control drawn, and each shows its focus
(WCAG 2.1.1, 2.1.2, 2.4.7). And no text on it is cut off or runs off the screen, at twice
its size, zoomed to 200 % and with WCAG's wider text spacing in one language and at 320 px
wide in the other (1.4.4, 1.4.12, 1.4.10). What it holds behind other tabs and shut
expanders is opened, as a person opens it, and checked too, its main area walked by Tab
again (`_opened`).

The same walk holds two more promises: no screen asks another host for anything (a venue
may have no internet: every request of every page here is recorded), and each role's menu
shows its stages and every screen it uses, in view without a click, none it cannot use.

One walk serves both the pictures and axe, and both languages: staff screens alternate
which language comes first (a person's choice is kept for their account, so the next
screen opens in the language the last one ended in), which costs each screen one rerun
rather than a second walk with its own sign-ins.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Request, ViewportSize, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.accessibility import (
    TOOLTIP,
    cut_text,
    reflow_barriers,
    text_resize_barriers,
    text_spacing_barriers,
    unseen_focus,
    until_still,
    violations,
    zoom_barriers,
)
from tests.browser import (
    LAPTOP,
    PHONE,
    PROJECTOR,
    TABLET,
    box,
    device,
    open_screen,
    open_tab,
    screen,
    signed_in,
    snap,
    visit,
    wait_idle,
)
from tests.e2e.conftest import PASSWORD, Demo, kept_signed_in
from tests.languages import (
    people_text,
    phone_choose,
    spanish,
    spanish_browser,
    spanish_checks,
    staff_choose,
)

pytestmark = pytest.mark.e2e

ERROR = '[data-testid="stException"]'
LOCAL = {"127.0.0.1", "localhost", "::1", ""}
ASKED: list[str] = []
"""Every address the pages of the running test asked for (`_recorded`)."""

MENUS = {
    "facilitator": {
        "Before": ["Set up", "Prepare", "Agenda"],
        "In the room": ["Console", "Listen", "Ideas", "Converge", "Solve", "Conflicts"],
        "After": ["Charter", "Actions", "Review"],
    },
    "leader": {
        "Before": ["Prepare", "Agenda"],
        "In the room": ["Converge"],
        "After": ["Charter", "Actions", "Review"],
    },
    "scribe": {"In the room": ["Listen", "Ideas", "Solve", "Conflicts"]},
}
"""Each role's menu by stage, in order: nothing more."""


@dataclass(frozen=True)
class Visit:
    """A screen's address (as in the menu) and the title it must show."""

    name: str
    path: str
    title: str
    says: tuple[str, ...] = ()
    """Words a fresh demo's screen must show where a chart has nothing to draw yet."""
    titulo: str = ""
    """The title in Spanish, where it is not a catalogue entry of its own (a table's)."""

    def in_spanish(self) -> Visit:
        """The same screen as a Spanish reader sees it: its title and words translated."""
        return replace(
            self, title=self.titulo or spanish(self.title), says=tuple(map(spanish, self.says))
        )


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
    Visit("ideas", "ideas", "Ideas · table 1", titulo="Ideas · mesa 1"),
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


MAIN = '[data-testid="stMain"]'
"""The screen's own area, without the menu and the top bar."""

MOST_EXPANDERS = 4
"""The expanders one tab opens, the first ones: where a screen has more, they are one kind
many times over (the Agenda's ten steps, the library's programmes, the Review's tables),
and each opened draws its content on every run after (the Agenda's forms: 18 fields a
step), which cost the walk a quarter more CPU for all of them (160 against 126 CPU-seconds)."""

SCRIBE_LISTEN = re.compile(r"^Listen · table \d+$")
SURVEY = re.compile(r"^(Before we meet|How did it go\?|Survey)$")
PROJECTOR_TITLE = re.compile(r"^(The meeting has not started yet|Step \d+ of \d+: .+)$")
SPANISH_TITLES = {
    SCRIBE_LISTEN: re.compile(r"^Escucha · mesa \d+$"),
    SURVEY: re.compile(r"^(Antes de la reunión|¿Cómo le fue\?|Encuesta)$"),
    PROJECTOR_TITLE: re.compile(r"^(La reunión aún no ha comenzado|Paso \d+ de \d+: .+)$"),
}


def _size(viewport: ViewportSize) -> str:
    return f"{viewport['width']}x{viewport['height']}"


@pytest.fixture(autouse=True)
def _asked() -> Iterator[None]:
    ASKED.clear()
    yield
    ASKED.clear()


def _recorded(context: BrowserContext) -> BrowserContext:
    """`context`, every request of its pages kept in ASKED."""

    def on_request(request: Request) -> None:
        if urlsplit(request.url).scheme not in {"data", "blob", "about", "file"}:
            ASKED.append(request.url)

    context.on("request", on_request)
    return context


def _device(browser: Browser, viewport: ViewportSize) -> BrowserContext:
    return _recorded(device(browser, viewport))


def _elsewhere() -> list[str]:
    """What the pages asked of another host: a venue with no internet has none."""
    assert ASKED, "the pages were seen asking for nothing: the recorder is broken"
    return [f"asked another host: {url}" for url in ASKED if urlsplit(url).hostname not in LOCAL]


def _menu_checks(page: Page, role: str, where: str) -> list[str]:
    """The role's menu: its stages and every screen it uses, by plain names ("Home", not
    "home Home"), each in view without a click, nothing folded away; the language switch's
    names each marked as its language (WCAG 3.1.2)."""
    sidebar = page.get_by_test_id("stSidebar")
    menu = sidebar.locator(".st-key-menu")
    expect(menu).to_be_visible()
    wrong = []
    headings = [t.strip() for t in menu.get_by_role("heading").all_inner_texts()]
    if headings != list(MENUS[role]):
        wrong.append(f"{where}: the menu's stages are {headings}")
    wanted = ["Home", *(title for titles in MENUS[role].values() for title in titles)]
    links = [a.evaluate("e => e.innerText").strip() for a in menu.get_by_role("link").all()]
    if links != wanted:
        wrong.append(f"{where}: the menu lists {links}")
    for title in wanted:
        expect(menu.get_by_role("link", name=title, exact=True)).to_be_in_viewport()
    expect(page.get_by_text(re.compile(r"View \d+ more"))).to_have_count(0)
    switch = sidebar.get_by_role("radiogroup")
    for name, lang in (("English", "en"), ("Español", "es")):
        expect(switch.get_by_role("radio", name=name)).to_have_attribute("lang", lang)
    return wrong


def _check(
    page: Page, title: str | re.Pattern[str], shot: str, folder: Path, *, whole: bool = True
) -> list[str]:
    """Wait for `title`, keep the picture, and say what is wrong with the screen, if
    anything: a missing title, an exception, what axe-core finds, a control whose focus
    does not show when Tab reaches it, text cut off at twice its size, with wider spacing
    or at 320 px.
    `whole`: a second picture of the whole screen top to bottom, and the walk by Tab (the
    English one's; the Spanish is kept at the device's size, which is what a person
    compares)."""
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
    if whole:
        _snap_whole(page, folder, shot)
    if page.locator(ERROR).count():
        wrong.append(f"{shot}: {page.locator(ERROR).first.inner_text()[:300]}")
    if whole:  # once a screen: the focus looks the same in either language
        wrong += unseen_focus(page, shot)
    wrong += violations(page, shot)
    # Text cut off (WCAG 1.4.4, 1.4.12, 1.4.10), once a screen each: at twice its size and
    # with wider spacing in the language checked first, at 320 px wide in the other
    # (Spanish words are longer).
    if whole:
        wrong += text_resize_barriers(page, shot) + text_spacing_barriers(page, shot)
        wrong += zoom_barriers(page, shot)
        return wrong + _opened(page, shot)
    return wrong + reflow_barriers(page, shot)


def _opened(page: Page, shot: str) -> list[str]:
    """What the screen holds behind its other tabs and its shut expanders, opened one by
    one as a person opens them (Streamlit draws a tab's or an expander's content only once
    opened: components/opened.py), and checked: the main area walked by Tab, no text cut
    off at twice its size or with wider spacing; on another tab than the first, axe and
    320 px too. The expanders are left open, so the screen's other language meets axe and
    320 px with them; the first tab is opened again at the end."""
    main = page.get_by_test_id("stMain")
    names = [tab.inner_text().strip() for tab in main.get_by_role("tab").all()]
    # Shown ones only: another tab's stay in the page, hidden.
    shut = main.locator('[data-testid="stExpander"] details:not([open]) > summary:visible')
    wrong = []
    for n, name in enumerate(names or [""]):
        if n:
            open_tab(page, name)
        opened = 0
        while shut.count() and opened < MOST_EXPANDERS:
            shut.first.click()
            wait_idle(page)
            opened += 1
        if not (n or opened):
            continue
        until_still(page)  # expanders open by growing: a check would read them half drawn
        where = f"{shot} opened" + (f" ({name})" if name else "")
        wrong += unseen_focus(page, where, MAIN)
        wrong += text_resize_barriers(page, where) + text_spacing_barriers(page, where)
        if n:
            wrong += violations(page, where) + reflow_barriers(page, where)
    if len(names) > 1:
        open_tab(page, names[0])
    return wrong


def _check_spanish(
    page: Page,
    title: str | re.Pattern[str],
    shot: str,
    folder: Path,
    people: list[str],
    titulo: str = "",
) -> list[str]:
    """`_check` for a screen that should now be in Spanish, and its language checks:
    `title` is the English one, translated here, unless `titulo` gives the Spanish."""
    shown = titulo or (spanish(title) if isinstance(title, str) else SPANISH_TITLES[title])
    wrong = _check(page, shown, f"{shot}-es", folder, whole=False)
    return wrong + spanish_checks(page, f"{shot}-es", people)


def settle(page: Page) -> None:
    """Wait (up to 20 s, then take the picture anyway) until charts and tables are drawn.

    Streamlit loads a chart's code only when the first chart appears, after the run has
    ended, and draws grey placeholders meanwhile: slowly on a busy machine. The page is
    asked what it shows, without a fixed pause or a wait for the network to fall quiet
    besides: those added a second to each of the walk's 70 checks (this module alone, 79
    against 124 s, for the same CPU).
    """
    with contextlib.suppress(PlaywrightTimeout):
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


def _walk(
    page: Page,
    role: str,
    visits: list[Visit],
    folder: Path,
    people: list[str],
    *,
    in_spanish: bool = False,
) -> list[str]:
    """Each screen in both languages, switched by the person's own setting between the
    two checks. The setting is kept for the account, so the next screen opens in the
    language this one ended in and is checked in that one first (`in_spanish`: the account
    is in Spanish as the walk begins); the walk ends in English, as other tests expect."""
    wrong = []
    size = _size(screen(page))
    for v in visits:
        open_screen(page, v.path)
        shot = f"{role}-{v.name}-{size}"
        wrong += _visit_check(page, v, shot, folder, people, in_spanish=in_spanish)
        in_spanish = not in_spanish
        staff_choose(page, "Español" if in_spanish else "English")
        wrong += _visit_check(page, v, shot, folder, people, in_spanish=in_spanish)
    if in_spanish:
        staff_choose(page, "English")
    return wrong


def _visit_check(
    page: Page, v: Visit, shot: str, folder: Path, people: list[str], *, in_spanish: bool
) -> list[str]:
    shown = v.in_spanish() if in_spanish else v
    wrong = (
        _check_spanish(page, v.title, shot, folder, people, v.titulo)
        if in_spanish
        else _check(page, v.title, shot, folder)
    )
    return wrong + [
        f"{shot}{'-es' if in_spanish else ''}: does not say {words!r}"
        for words in shown.says
        if not page.get_by_text(words, exact=True).count()
    ]


def _printed_link(page: Page, path: str) -> str:
    """The link the console writes out beneath a QR code, the one that opens `path`."""
    open_tab(page, "Join links and QR codes")
    block = page.locator('[data-testid="stCode"]').filter(has_text=f"/{path}?")
    expect(block.first).to_be_visible()
    return block.first.inner_text().strip()


def _badge_code(browser: Browser, page: Page, tmp_path: Path) -> str:
    """The personal code printed on the first badge of the console's badge sheet."""
    open_tab(page, "Join links and QR codes")
    with page.expect_download() as sheet:
        page.get_by_role("button", name="Download badge codes (one page)").click()
    printed = tmp_path / "badges.html"
    sheet.value.save_as(printed)
    paper = device(browser, LAPTOP).new_page()
    paper.goto(printed.as_uri())
    # The code follows its name in the badge's language ("Code", "Código").
    printed_code = paper.locator("article.badge .code").first
    what = printed_code.locator(".what").inner_text()
    code = printed_code.inner_text().strip().removeprefix(what).strip()
    paper.context.close()
    return code


@pytest.fixture(scope="module")
def console(browser: Browser, demo: Demo) -> Iterator[Page]:
    """The facilitator's laptop on the console, signed in once for the module: where the
    scribes', the phones' and the wall's tests read the links and codes it prints."""
    with kept_signed_in(_device(browser, LAPTOP), demo.url, "facilitator") as page:
        yield page


@pytest.fixture(scope="module")
def people(demo: Demo) -> list[str]:
    """The demo's own words (names, the initiative, its agenda), shown as written."""
    return people_text(demo.db)


def test_the_facilitator_walks_every_screen_on_the_laptop(
    browser: Browser, demo: Demo, screenshots: Path, people: list[str]
) -> None:
    laptop = _device(browser, LAPTOP).new_page()
    signed_in(laptop, demo.url, "facilitator", PASSWORD)
    wrong = _menu_checks(laptop, "facilitator", "facilitator-home")
    # The favicon is this server's own file, not a font host's icon.
    icons = [i.get_attribute("href") or "" for i in laptop.locator("link[rel~='icon']").all()]
    assert icons and all(urlsplit(href).hostname in LOCAL | {None} for href in icons)
    wrong += _walk(laptop, "facilitator", FACILITATOR, screenshots, people)
    open_screen(laptop, "console")
    _printed_link(laptop, "listen")  # the Join links tab, open
    wrong += violations(laptop, "facilitator-console-join-links")
    # Signed in, a printed vote or projector address still opens its code entry, and the
    # menu offers no screen of a phone's or the wall's.
    visit(laptop, demo.url, "vote")
    expect(laptop.get_by_role("textbox", name="The code on your badge")).to_be_visible()
    menu = laptop.get_by_test_id("stSidebar").locator(".st-key-menu")
    for title in ("Survey", "Vote", "Projector"):
        expect(menu.get_by_role("link", name=title, exact=True)).to_have_count(0)
    visit(laptop, demo.url, "projector")
    expect(laptop.get_by_role("textbox", name="The meeting's code")).to_be_visible()
    assert not wrong + _elsewhere(), "\n".join(wrong + _elsewhere())


def test_a_scribe_walks_their_screens_on_the_tablet(
    browser: Browser, demo: Demo, console: Page, screenshots: Path, people: list[str]
) -> None:
    open_screen(console, "console")
    table_link = _printed_link(console, "listen")
    assert table_link.startswith(f"{demo.url}/listen?table="), table_link
    tablet = _device(browser, TABLET).new_page()
    signed_in(tablet, demo.url, "scribe1", PASSWORD)
    # The menu, one tap away on a tablet: every screen of a scribe's in view once open.
    tablet.get_by_test_id("stExpandSidebarButton").click()
    menu_wrong = _menu_checks(tablet, "scribe", "scribe-home-768x1024")
    tablet.get_by_test_id("stSidebarCollapseButton").get_by_role("button").click()
    tablet.goto(table_link)
    wait_idle(tablet)
    shot = "scribe-listen-768x1024"
    wrong = _check(tablet, SCRIBE_LISTEN, shot, screenshots)
    staff_choose(tablet, "Español")
    wrong += _check_spanish(tablet, SCRIBE_LISTEN, shot, screenshots, people)
    wrong += _walk(tablet, "scribe", SCRIBE, screenshots, people, in_spanish=True)
    wrong += menu_wrong + _elsewhere()
    assert not wrong, "\n".join(wrong)


def test_a_leader_walks_their_screens_on_the_laptop(
    browser: Browser, demo: Demo, screenshots: Path, people: list[str]
) -> None:
    laptop = _device(browser, LAPTOP).new_page()
    signed_in(laptop, demo.url, "leader1", PASSWORD)
    wrong = _menu_checks(laptop, "leader", "leader-home")
    wrong += _walk(laptop, "leader", LEADER, screenshots, people)
    wrong += _elsewhere()
    assert not wrong, "\n".join(wrong)


def test_a_participant_opens_the_survey_and_the_ballot_with_the_badge_code(
    browser: Browser,
    demo: Demo,
    console: Page,
    screenshots: Path,
    tmp_path: Path,
    people: list[str],
) -> None:
    """The survey in English, then the phone's one tap to Spanish; the ballot, opened
    afterwards with the same badge, opens in Spanish (the choice is kept for the badge)
    and one tap takes it back to English."""
    open_screen(console, "console")
    code = _badge_code(browser, console, tmp_path)
    phone = _device(browser, PHONE).new_page()
    wrong = []
    in_spanish = False
    for name, button, title in [
        ("survey", "Open my survey", SURVEY),
        ("vote", "Open my ballot", "Vote"),
    ]:
        phone.goto(f"{demo.url}/{name}")
        wait_idle(phone)
        wrong += violations(phone, f"participant-{name}-code-entry")
        phone.get_by_role("textbox", name="The code on your badge").fill(code)
        phone.get_by_role("button", name=button).click()
        # Past the code entry (whose title is "Survey" too): the code was taken.
        expect(phone.get_by_role("textbox", name="The code on your badge")).to_have_count(0)
        wait_idle(phone)
        shot = f"participant-{name}-390x844"
        for _ in range(2):
            wrong += (
                _check_spanish(phone, title, shot, screenshots, people)
                if in_spanish
                else _check(phone, title, shot, screenshots)
            )
            if _ == 0:
                in_spanish = not in_spanish
                phone_choose(phone, "Español" if in_spanish else "English")
    wrong += _elsewhere()
    assert not wrong, "\n".join(wrong)


def test_a_help_tip_shows_on_hover_and_on_tab_stays_while_read_and_escape_hides_it(
    console: Page,
) -> None:
    """WCAG 1.4.13 for the screens' help tips (Streamlit's): a tip the pointer opens stays
    while the pointer moves onto it to read it, and Escape hides it without moving the
    pointer; a tip Tab opens stays while its button has the focus, and Escape hides it
    with the focus left where it was."""
    open_screen(console, "prepare")
    tip = console.locator(TOOLTIP)
    helper = console.get_by_role("button", name=re.compile(r"^Help for Pol\.is export"))
    helper.scroll_into_view_if_needed()
    icon = box(helper)
    console.mouse.move(icon["x"] + icon["width"] / 2, icon["y"] + icon["height"] / 2)
    expect(tip).to_have_count(1)
    shown = box(tip.first)
    console.mouse.move(shown["x"] + shown["width"] / 2, shown["y"] + shown["height"] / 2, steps=8)
    console.wait_for_timeout(600)
    expect(tip).to_have_count(1)
    console.keyboard.press("Escape")
    expect(tip).to_have_count(0)
    console.mouse.move(3, 3)  # the pointer away; the keyboard now
    helper.focus()
    console.keyboard.press("Shift+Tab")
    console.keyboard.press("Tab")
    expect(tip).to_have_count(1)
    console.wait_for_timeout(2_000)
    expect(tip).to_have_count(1)
    console.keyboard.press("Escape")
    expect(tip).to_have_count(0)
    assert helper.evaluate("b => b === document.activeElement")
    helper.blur()


def test_the_projector_opens_from_the_link_the_console_prints(
    browser: Browser, demo: Demo, console: Page, screenshots: Path, people: list[str]
) -> None:
    """In English, then on a wall whose browser is set to Spanish: nobody signs in to the
    projector, so it follows the browser's language."""
    open_screen(console, "console")
    link = _printed_link(console, "projector")
    shot = "projector-projector-1920x1080"
    wall = _device(browser, PROJECTOR).new_page()
    wall.goto(link)
    wait_idle(wall)
    wrong = _check(wall, PROJECTOR_TITLE, shot, screenshots)
    wall.context.close()
    wall = _recorded(spanish_browser(browser, PROJECTOR)).new_page()
    wall.goto(link)
    wait_idle(wall)
    wrong += _check_spanish(wall, PROJECTOR_TITLE, shot, screenshots, people)
    wrong += _elsewhere()
    assert not wrong, "\n".join(wrong)


def test_a_visitor_on_a_phone_finds_the_home_page(
    browser: Browser, demo: Demo, screenshots: Path, people: list[str]
) -> None:
    """In English; then a phone set to Spanish finds the home page and the ballot's code
    entry in Spanish, before anyone knows whose phone it is."""
    home = _device(browser, PHONE).new_page()
    home.goto(demo.url)
    wait_idle(home)
    wrong = _check(home, "Common Ground", "visitor-home-390x844", screenshots)
    phone = _recorded(spanish_browser(browser, PHONE)).new_page()
    phone.goto(demo.url)
    wait_idle(phone)
    wrong += _check_spanish(phone, "Common Ground", "visitor-home-390x844", screenshots, people)
    phone.goto(f"{demo.url}/vote")
    wait_idle(phone)
    expect(phone.get_by_role("textbox", name=spanish("The code on your badge"))).to_be_visible()
    wrong += spanish_checks(phone, "participant-vote-code-entry-es", people)
    wrong += violations(phone, "participant-vote-code-entry-es")
    wrong += _elsewhere()
    assert not wrong, "\n".join(wrong)


def test_the_accessibility_check_finds_a_barrier_and_sees_it_mended(browser: Browser) -> None:
    """What every check above leans on: axe-core finds a picture with no words for it,
    and, run again in the same page (where it is already loaded), sees it mended."""
    page = browser.new_page()
    page.set_content('<html lang="en"><title>t</title><main><img src="data:,"></main></html>')
    found = violations(page, "planted")
    assert [line.split(" ")[1] for line in found] == ["image-alt"], found
    page.evaluate("document.querySelector('img').alt = 'A street light'")
    assert violations(page, "mended") == []
    page.context.close()


def test_the_walk_by_tab_finds_a_focus_that_shows_nothing_and_sees_it_mended(
    browser: Browser,
) -> None:
    """What the walk by Tab leans on: a button whose focus shows nothing is named; a ring on
    it, or a frame drawn around it, mends that; a control drawn nowhere or out of Tab's
    order is not asked for; a ring drawn a frame after the focus (as React draws a
    select's) is seen; a grid drawn on a canvas shows its focus if its drawing changes; a
    walk of one region names only what is in it."""
    page = browser.new_page()
    page.set_content(
        '<html lang="en"><title>t</title><style>button:focus, canvas:focus { outline: none }'
        " .ring, [role=radio]:focus { outline: 3px solid #1d4ed8 !important }</style>"
        "<main><button>Plain</button><span><button>Framed</button></span>"
        '<div tabindex="0">Ringed by the browser</div><input aria-label="Typed">'
        '<button style="display: none">Drawn nowhere</button>'
        '<a href="#x" tabindex="-1">Out of order</a><button id="late">Ringed late</button>'
        '<section id="more"><button>Inside</button><button>Inside too</button></section>'
        # A segmented control: Tab enters it once, its other button then out of Tab's way.
        '<div role="radiogroup" aria-label="Pick"><button role="radio" aria-checked="true">'
        'Yes</button><button role="radio" aria-checked="false" id="no">No</button></div>'
        # Grids drawn on a canvas: one draws its focused cell, one draws nothing.
        '<canvas id="drawn" tabindex="0" width="40" height="20"></canvas>'
        '<span><canvas tabindex="0" aria-label="Blank grid" width="40" height="20"></canvas></span>'
        "</main><script>const late = document.getElementById('late');"
        " late.onfocus = () => requestAnimationFrame(() => late.classList.add('ring'));"
        " late.onblur = () => late.classList.remove('ring');"
        " const group = document.querySelector('[role=radiogroup]');"
        " group.addEventListener('focusin',"
        "   () => requestAnimationFrame(() => { no.tabIndex = -1; }));"
        " group.addEventListener('focusout', () => { no.tabIndex = 0; });"
        " drawn.onfocus = () => drawn.getContext('2d').strokeRect(2, 2, 30, 14);"
        " drawn.onblur = () => drawn.getContext('2d').clearRect(0, 0, 40, 20);</script></html>"
    )
    found = unseen_focus(page, "planted")
    assert found == [
        "planted: focus not shown on 'Plain'",
        "planted: focus not shown on 'Framed'",
        "planted: focus not shown on 'Inside'",
        "planted: focus not shown on 'Inside too'",
        "planted: focus not shown on 'Blank grid'",
    ], found
    assert unseen_focus(page, "region", "#more") == [
        "region: focus not shown on 'Inside'",
        "region: focus not shown on 'Inside too'",
    ]
    page.add_style_tag(
        content="main button:focus-visible { outline: 3px solid #1d4ed8 }"
        " span:focus-within { box-shadow: 0 0 0 3px #1d4ed8 }"
    )
    assert unseen_focus(page, "mended") == []
    # The walk leaves nothing focused (here it stops on a control): a control it stopped
    # on would keep its tooltip open for the next check to read half faded in (a table's
    # Fullscreen button, CI 2026-12-06).
    assert page.evaluate("document.activeElement === document.body")
    page.context.close()


def _kinds(found: list[str]) -> list[str]:
    """What each line says is wrong, without where, which words, or how many pixels."""
    return [re.sub(r"\d+ px", "N px", re.sub(r"^[^:]*: (“[^”]*” )?", "", f)) for f in found]


def test_the_reflow_and_spacing_checks_find_cut_text_and_see_it_mended(browser: Browser) -> None:
    """What the walk's reflow and text-spacing checks lean on: a paragraph held to a
    laptop's width runs off a 320 px screen, a label on one line in a box of fixed height
    loses its second line when wider spacing wraps it, a row scrolled sideways hides its
    end; a data table may scroll, and text below the fold of a scrolling area is there to
    scroll to; words for a screen reader only are not drawn, so not cut."""
    page = browser.new_page(viewport=LAPTOP)
    page.set_content(
        '<html lang="en"><title>t</title><body style="margin: 0"><main>'
        '<p id="wide" style="width: 600px">A paragraph held to the width of a laptop'
        " screen, whatever the screen it is read on</p>"
        '<div id="label" style="height: 24px; overflow: hidden; font-size: 16px;'
        ' line-height: 20px"><span>Keep this label on one line</span></div>'
        '<div id="row" style="overflow-x: auto; width: 200px"><span style="white-space:'
        ' nowrap">A row of words that goes on past its box</span></div>'
        '<div style="overflow-x: auto"><table><tr><td style="white-space: nowrap">'
        "A table cell may run past the screen, and its table scroll sideways</td></tr>"
        '</table></div><div style="height: 100px; overflow-y: auto">'
        '<p style="margin-top: 400px">Below the fold of a scrolling area</p></div>'
        '<span style="position: absolute; width: 1px; height: 1px; overflow: hidden;'
        ' white-space: nowrap">Words for a screen reader only, in a box of a pixel</span>'
        "</main></body></html>"
    )
    # The label's box just wide enough for its words at the usual spacing.
    page.evaluate(
        "() => { const l = document.getElementById('label');"
        " l.style.width = (l.firstChild.getBoundingClientRect().width + 4) + 'px'; }"
    )
    found = reflow_barriers(page, "planted")
    assert _kinds(found) == [
        "the page scrolls sideways (N px in 320)",
        "runs N px past the screen's edge",
        "is only reached by scrolling DIV sideways",
    ], found
    assert page.viewport_size == LAPTOP  # the screen is left at its own size
    spaced = text_spacing_barriers(page, "planted")
    assert _kinds(spaced) == [
        "is cut at the foot by DIV",
        "is only reached by scrolling DIV sideways",
    ], spaced
    page.add_style_tag(
        content="#wide, #label { width: auto !important; height: auto !important }"
        " #row span { white-space: normal !important }"
    )
    assert reflow_barriers(page, "mended") == []
    assert text_spacing_barriers(page, "mended") == []
    page.context.close()


def test_the_zoom_check_finds_a_label_cut_in_half_the_width_and_sees_it_mended(
    browser: Browser,
) -> None:
    """What the walk's 200 % zoom leans on: a one-line label in a box of most of the
    screen's width, whole on a laptop, is cut when the page is laid out in half of it; a
    phone is not zoomed (half its width is under 320 px); the screen is left as it was."""
    page = browser.new_page(viewport=LAPTOP)
    page.set_content(
        '<html lang="en"><title>t</title><body style="margin: 0"><main>'
        '<div id="label" style="width: 60%; white-space: nowrap; overflow: hidden;'
        ' font-size: 16px">The room agrees what to do, and who does it by when, before'
        " it leaves the session</div></main></body></html>"
    )
    assert cut_text(page, "whole") == []
    found = zoom_barriers(page, "planted")
    assert _kinds(found) == ["is cut at the side by DIV"], found
    assert page.viewport_size == LAPTOP
    page.set_viewport_size(PHONE)
    assert zoom_barriers(page, "phone") == []
    page.set_viewport_size(LAPTOP)
    page.add_style_tag(content="#label { white-space: normal !important }")
    assert zoom_barriers(page, "mended") == []
    page.context.close()


def test_the_text_resize_check_finds_labels_cut_or_drawn_over_each_other_and_sees_them_mended(
    browser: Browser,
) -> None:
    """What the walk's check of text at 200 % leans on: a label on one line in a box just
    wide enough for it, ending in "…" when it does not fit (as Streamlit's figure labels
    do), is cut when the text doubles; two labels side by side that keep to one line are
    drawn over each other; wrapping mends both."""
    page = browser.new_page(viewport=LAPTOP)
    page.set_content(
        '<html lang="en"><title>t</title><body style="margin: 0"><main>'
        '<div id="label" style="white-space: nowrap; overflow: hidden;'
        ' text-overflow: ellipsis; font-size: 1rem"><span>Voting rounds</span></div>'
        '<div style="display: flex; font-size: 1rem; margin-top: 2rem">'
        '<div class="pair" style="width: 130px; white-space: nowrap">Listening notes</div>'
        '<div class="pair" style="width: 130px; white-space: nowrap">Ideas</div></div>'
        "</main></body></html>"
    )
    page.evaluate(
        "() => { const l = document.getElementById('label');"
        " l.style.width = (l.firstChild.getBoundingClientRect().width + 4) + 'px'; }"
    )
    assert cut_text(page, "planted") == []  # at the usual size, all is well
    found = text_resize_barriers(page, "planted")
    assert _kinds(found) == [
        "is cut at the side by DIV",
        "and “Ideas” are drawn over each other",
    ], found
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "16px"
    page.add_style_tag(
        content="#label, .pair { white-space: normal !important; overflow-wrap: anywhere }"
    )
    assert text_resize_barriers(page, "mended") == []
    page.context.close()
