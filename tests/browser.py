"""What every browser test does: find Chromium, open a screen, wait for idle, sign in.

Shared by the one-room browser tests (tests/e2e) and the multi-server tests (tests/deploy).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import time
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import (
    Browser,
    BrowserContext,
    FloatRect,
    Locator,
    Page,
    ViewportSize,
    expect,
)
from playwright.sync_api import TimeoutError as PlaywrightTimeout

# Debian's headless shell is Chromium's engine without the browser around it (what
# Playwright itself runs headless): the browser tests cost a quarter less CPU with it than
# with the full `chromium` (test_links.py: 25.6 against 33.5 CPU-seconds, measured here).
HEADLESS_SHELL = "/usr/lib/chromium/chromium-headless-shell"
CHROMIUM = (
    os.environ.get("CHROMIUM")
    or (HEADLESS_SHELL if Path(HEADLESS_SHELL).is_file() else None)
    or shutil.which("chromium")
    or "/usr/bin/chromium"
)
HAVE_CHROMIUM = Path(CHROMIUM).is_file()
NO_CHROMIUM = (
    f"Browser tests skipped: no Chromium at {CHROMIUM}. Install Debian's packages "
    "(apt-get install chromium chromium-headless-shell) or set CHROMIUM to run them."
)
# Debian's Chromium, headless, with nothing phoning home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Baseline compilation only: V8's optimising compilers (Maglev, TurboFan) spend their
    # background CPU on code a test's short-lived page will not run long enough to repay;
    # the suite's Chromium used 15 % less CPU without them (the facilitator's walk in
    # test_screenshots.py: 43 against 51 CPU-seconds, measured here). What the page does
    # is the same: only how V8 compiles it differs. (V8 without its background threads,
    # --single-threaded, took 6 % off Chromium's CPU for the same screens, but three CI
    # runs of four with it had a live page show its update too late: a console's step, a
    # wall's turnout; 2026-12-06.)
    "--js-flags=--max-opt=1",
]

IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
TABLET: ViewportSize = {"width": 768, "height": 1024}
PHONE: ViewportSize = {"width": 390, "height": 844}
PROJECTOR: ViewportSize = {"width": 1920, "height": 1080}
LAPTOP: ViewportSize = {"width": 1440, "height": 900}
COOKIE = "common_ground_auth"


def wait_idle(page: Page, timeout: float = 30_000) -> None:
    """Wait as Streamlit's own browser tests do: a moment for a run to start, then until
    the script is not running."""
    page.wait_for_timeout(150)
    page.wait_for_selector(IDLE, timeout=timeout)


def visit(page: Page, base: str, path: str) -> Page:
    page.goto(f"{base}/{path}")
    wait_idle(page)
    return page


def open_screen(page: Page, path: str) -> None:
    """Open the screen at `path` ("" for Home) from the menu, as a person does: its entry in
    the sidebar, which a tablet or phone opens first with the menu button.

    Streamlit then swaps the page over its open connection: half the browser's work of
    loading the address afresh (0.65 against 1.4 CPU-seconds a screen, measured here).
    """
    assert page.url.startswith("http"), "open_screen follows the menu of a page already open"
    if urlsplit(page.url).path.rsplit("/", 1)[-1] == path:
        page.reload()  # the screen afresh, as the address did; its menu entry may not rerun
        wait_idle(page)
        return
    expand = page.get_by_test_id("stExpandSidebarButton")
    shut = expand.is_visible()
    if shut:
        expand.click()
    # The menu is named in the page's language: "Menu", "Menú".
    menu = page.get_by_role("navigation", name=re.compile(r"^Men[uú]$"))
    menu.locator(f'a[href="{path}"]').click()
    expect(page).to_have_url(re.compile(rf"/{re.escape(path)}(\?.*)?$"))
    wait_idle(page)
    if shut:  # and closes it again, to see the screen whole
        page.get_by_test_id("stSidebarCollapseButton").get_by_role("button").click()
        expect(expand).to_be_visible()


def device(browser: Browser, viewport: ViewportSize, zone: str | None = None) -> BrowserContext:
    """A new browser with its own cookies, at a device's screen size; in the time zone
    `zone` names (an IANA name), else the machine's."""
    return browser.new_context(viewport=viewport, is_mobile=viewport is PHONE, timezone_id=zone)


def open_column_menu(page: Page, table: Locator) -> Locator:
    """Open the menu of a Streamlit table's first column, as a mouse does: its button shows
    at the column's right edge when the pointer is over the heading. The table is drawn on
    a canvas, so the edge is found as a person's pointer finds it: where the cursor turns
    into the column-resizing one."""
    table.scroll_into_view_if_needed()
    area = box(table)
    canvas = table.locator("canvas").first
    heading = area["y"] + 15
    edge = None
    for x in range(int(area["x"]) + 20, int(area["x"] + area["width"]), 4):
        page.mouse.move(x, heading)
        if canvas.evaluate("c => getComputedStyle(c).cursor") == "col-resize":
            edge = x
            break
    assert edge is not None, "no column edge found on the table's heading row"
    menu = page.get_by_test_id("stDataFrameColumnMenu")
    for _ in range(5):
        # The button answers a pointer that rested on it: the table notes where the
        # pointer is on its next frame, and a click in the same instant found no button.
        page.mouse.move(edge - 16, heading)
        page.mouse.move(edge - 17, heading)
        page.mouse.click(edge - 17, heading)
        try:
            expect(menu).to_be_visible(timeout=2_000)
            return menu
        except AssertionError:
            continue
    expect(menu).to_be_visible()
    return menu


def box(locator: Locator) -> FloatRect:
    """Where `locator` is drawn; the test expects it visible (a hidden one has no box)."""
    drawn = locator.bounding_box()
    assert drawn is not None, f"{locator} is not drawn"
    return drawn


def screen(page: Page) -> ViewportSize:
    """The page's screen size: every page of these tests is opened at a device's size."""
    size = page.viewport_size
    assert size is not None, "the page was opened without a viewport"
    return size


def sign_in(page: Page, base: str, username: str, password: str) -> None:
    """Sign in on the home page as a person would, straight after it loads.

    No waiting beyond the page's first run: a click then must count (components/signin.py
    explains the rerun that used to drop it). The browser must hold the sign-in cookie,
    which a component writes a moment after the run, before the person moves on.
    """
    visit(page, base, "")
    page.get_by_role("textbox", name="Username").fill(username)
    page.get_by_role("textbox", name="Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    assert _has_cookie(page, COOKIE, timeout=15.0), "the sign-in cookie was never written"
    # The cookie comes with the route's redirect; the page it redirects to is still loading.
    # Until the page that posted the handoff is gone, a `goto` can be overtaken by it (a
    # tablet sent to a table's link landed on Home, seen on CI under load).
    expect(page.locator("form[data-signin-handoff]")).to_have_count(0, timeout=15_000)
    # The writing component's answer reruns the page into the person's own home.
    expect(page.get_by_role("heading", name="Your screens")).to_be_visible(timeout=15_000)
    wait_idle(page)


def signed_in(page: Page, base: str, username: str, password: str) -> None:
    """`page` on its Home signed in as `username`, for a test whose subject comes after
    signing in: with the cookie of an earlier real sign-in (`sign_in`) of the same login in
    this test process, where this server takes it, else by the form.

    A cookie holds the login and its token version, signed with the cookie key: the
    servers of these tests share the key and each starts from the same seeded accounts, so
    one sign-in serves the next module as a browser kept signed in would. The form costs a
    page load more (2.6 against 1.5 CPU-seconds, measured here); signing in itself is what
    test_signin_cookies.py, test_keyboard.py and the first-run tests are about.
    """
    kept = _SIGNED_IN.get((username, password))
    if kept:
        page.context.add_cookies(kept)
        visit(page, base, "")
        home = page.get_by_role("heading", name="Your screens")
        form = page.get_by_role("textbox", name="Username")
        expect(home.or_(form)).to_be_visible()
        if home.is_visible():
            wait_idle(page)  # as `sign_in` leaves it: no run of Home still going
            return
        page.context.clear_cookies()  # not this server's login, or signed out since
    sign_in(page, base, username, password)
    _SIGNED_IN[(username, password)] = [
        c for c in page.context.cookies() if c.get("name") == COOKIE
    ]


_SIGNED_IN: dict[tuple[str, str], list] = {}
"""The sign-in cookie of each login and password this test process has signed in with."""


def _has_cookie(page: Page, name: str, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(c.get("name") == name for c in page.context.cookies()):
            return True
        page.wait_for_timeout(100)
    return False


def snap(page: Page, folder: Path, name: str) -> None:
    """Keep a full-page screenshot at the device's size for a person to review."""
    wait_idle(page)
    page.screenshot(path=folder / f"{name}.png", full_page=True)


def button(page: Page, name: str) -> Locator:
    """The button called `name`, exactly; a keyboard shortcut Streamlit shows on it (its
    name then ends "Shortcut N") is allowed, so adding a key to a button breaks no test."""
    return page.get_by_role(
        "button", name=re.compile(rf"^{re.escape(name)}( (Shortcut|Atajo) \S+)?$")
    )


# Whether the page's script has run since the watch began: any change of the app's run
# state (a run quicker than one look is still seen, as the change it made).
_WATCH_RUN = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (window.__runWatch) window.__runWatch.disconnect();
  window.__runSeen = false;
  window.__runWatch = new MutationObserver(() => { window.__runSeen = true; });
  window.__runWatch.observe(app, {attributes: true, attributeFilter: ["data-test-script-state"]});
}"""


def press(page: Page, control: Locator) -> None:
    """Press `control` and wait for the run it starts to end.

    Not `wait_idle`'s pause alone: on a busy machine the run began after it, the page
    still looked idle, and the next step met a screen half drawn (a form's new box typed
    into while the run drew it, then its save lost; an expander's questions read while
    the run that opened it drew them; CI, 2026-12-05).

    Up to 5 s for that run to start: on CI an expander's run started more than a second
    after the press, the wait went on before it, and the form the run was still drawing
    lost the save pressed in it (Prepare's "Save the questions": no save, no message;
    CI, 2026-12-06). A press that starts no run (a download's) goes on after those 5 s;
    one that loads another page (signing in, a code typed) at once: the new page has no
    watch (`!== false`), and `wait_idle` waits for its first run."""
    page.evaluate(_WATCH_RUN)
    control.click()
    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_function("() => window.__runSeen !== false", timeout=5_000)
    wait_idle(page)


def click(page: Page, name: str) -> None:
    """Press the button called `name` and wait for the run it starts to end."""
    press(page, button(page, name))


def move_to_step(console: Page, number: int) -> None:
    """Press the console's Next until its banner names step `number`."""
    banner = console.get_by_role("heading", name=re.compile(r"^Step \d+ of"))
    for _ in range(12):
        shown = banner.inner_text()
        if shown.startswith(f"Step {number} of"):
            return
        # While a step's run redraws the console, the old step's button can stand beside
        # the new one for a moment (seen on CI): press it once the page shows one again.
        expect(button(console, "Next ▶")).to_have_count(1)
        click(console, "Next ▶")
        expect(banner).not_to_have_text(shown)
        wait_idle(console)
    raise AssertionError(f"the agenda never reached step {number}")


def open_tab(page: Page, name: str) -> None:
    """Open a tab that reruns the page (Set up's keep their state) and let that run end.

    A click that lands before the tab's rerun has even started can be lost in it (seen
    behind nginx on CI), so the wait is longer than wait_idle's moment for a run to start.
    """
    page.get_by_role("tab", name=name, exact=True).click()
    expect(page.get_by_role("tab", name=name, exact=True)).to_have_attribute(
        "aria-selected", "true"
    )
    page.wait_for_timeout(600)
    wait_idle(page)


def choose(page: Page, label: str, option: str, *, exact: bool = False) -> None:
    """Pick `option` in a selectbox as a person does: open its list, typing to narrow it.

    A click that lands while an expander is still opening leaves the list shut, so the
    click is repeated until the list shows.
    """
    box = page.get_by_label(label, exact=exact)
    listbox = page.get_by_role("listbox")
    for _ in range(5):
        box.click()
        try:
            expect(listbox).to_be_visible(timeout=2_000)
            break
        except AssertionError:
            page.keyboard.press("Escape")
    box.fill(option)
    page.get_by_role("option", name=option, exact=True).click()
    wait_idle(page)
