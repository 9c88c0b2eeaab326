"""Every link the console prints opens a page: read from the QR pixels, then followed.

The links used to carry the console's own path (/console/vote?code=…) and opened a blank
page; tests built their own links and never saw it. Here nothing is built by the test:
each link is what a phone's camera reads off the console.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from adapters import network
from tests.browser import (
    LAPTOP,
    PHONE,
    PROJECTOR,
    TABLET,
    device,
    open_screen,
    open_tab,
    signed_in,
    snap,
    wait_idle,
)
from tests.e2e.conftest import PASSWORD, SCREENSHOTS, Demo, kept_signed_in
from tests.qr_reading import decode_on_screen, decode_png

pytestmark = pytest.mark.e2e

ERROR = '[data-testid="stException"]'


@pytest.fixture(scope="module")
def laptop(browser: Browser, demo: Demo) -> Iterator[Page]:
    """The facilitator's laptop, signed in once for the module, as at the start of a day."""
    with kept_signed_in(device(browser, LAPTOP), demo.url, "facilitator") as page:
        yield page


def _join_links(page: Page) -> Page:
    open_screen(page, "console")
    open_tab(page, "Join links and QR codes")
    return page


def test_every_qr_code_on_the_console_opens_its_page(
    browser: Browser, demo: Demo, laptop: Page, screenshots
):
    _join_links(laptop)
    snap(laptop, screenshots, "console-join-links")
    printed = decode_on_screen(laptop)
    assert len(printed) >= 3, printed
    paths = {urlsplit(link).path for link in printed}
    # The server's root and one of the printed screens: never a page's path in front.
    assert paths <= {"/projector", "/listen"}, paths
    assert all(link.startswith(f"{demo.url}/") for link in printed), printed

    projector = next(link for link in printed if "/projector?" in link)
    wall = device(browser, PROJECTOR).new_page()
    wall.goto(projector)
    wait_idle(wall)
    expect(wall.locator(ERROR)).to_have_count(0)
    expect(wall.get_by_text("This projector link is not valid")).to_have_count(0)
    expect(wall.locator('[data-testid="stMain"]')).not_to_be_empty()

    table = next(link for link in printed if "/listen?" in link)
    tablet = device(browser, TABLET).new_page()
    signed_in(tablet, demo.url, "scribe1", PASSWORD)
    tablet.goto(table)
    wait_idle(tablet)
    expect(tablet.locator(ERROR)).to_have_count(0)
    expect(tablet.get_by_role("heading", name="Listen", exact=False).first).to_be_visible()


def test_the_badge_sheets_qr_codes_open_ballots(
    browser: Browser, demo: Demo, laptop: Page, tmp_path
):
    _join_links(laptop)
    with laptop.expect_download() as sheet:
        laptop.get_by_role("button", name="Download badge codes (one page)").click()
    printed = tmp_path / "badges.html"
    sheet.value.save_as(printed)
    # The sheet as a printer gets it: opened in the browser, its QR codes read from pixels.
    paper = device(browser, LAPTOP).new_page()
    paper.goto(printed.as_uri())
    codes = paper.locator("article.badge svg")
    assert codes.count() >= 50
    # The meeting's title whole in the sheet's header, and the instructions beside it: on
    # one line it was cut short ("First Problem-Solving S…").
    whole = "e => e.scrollWidth <= e.clientWidth && e.scrollHeight <= e.clientHeight"
    assert paper.locator("header h1").first.evaluate(whole)
    assert paper.locator("header").first.evaluate(whole)
    votes = [decode_png(codes.nth(i).screenshot())[0] for i in range(2)]
    phone = device(browser, PHONE).new_page()
    for link in votes:
        assert urlsplit(link).path == "/vote" and link.startswith(f"{demo.url}/"), link
        phone.goto(link)
        wait_idle(phone)
        expect(phone.locator(ERROR)).to_have_count(0)
        expect(phone.get_by_role("heading", name="Vote")).to_be_visible()
        expect(phone.get_by_text("not valid")).to_have_count(0)


def test_on_localhost_the_console_offers_the_room_network_address(
    demo: Demo, laptop: Page, screenshots
):
    addresses = network.room_addresses()
    _join_links(laptop)
    expect(laptop.get_by_text("which only this computer can open")).to_be_visible()
    if not addresses:
        expect(laptop.get_by_text("no address on a network")).to_be_visible()
        return
    laptop.get_by_text(addresses[0], exact=True).first.click()
    laptop.get_by_role("button", name="Use this address in every link").click()
    wait_idle(laptop)
    open_tab(laptop, "Join links and QR codes")
    snap(laptop, screenshots, "console-join-links-room-address")
    port = urlsplit(demo.url).port
    printed = decode_on_screen(laptop)
    assert printed and all(link.startswith(f"http://{addresses[0]}:{port}/") for link in printed)
    # Back to the browser's address, so the other tests of this server see it unchanged.
    laptop.get_by_role("button", name="Use the address in my browser instead").click()
    wait_idle(laptop)
    # Seen back on the printed links before the test ends: a click whose run had not begun
    # when the browser closed left the next test's QR codes on the room address (CI).
    open_tab(laptop, "Join links and QR codes")
    printed_links = laptop.locator('[data-testid="stCode"]').filter(has_text=f"{demo.url}/")
    expect(printed_links.first).to_be_visible()


def test_the_table_cards_qr_codes_open_each_tables_page(
    browser: Browser, demo: Demo, laptop: Page, tmp_path
):
    _join_links(laptop)
    with laptop.expect_download() as sheet:
        laptop.get_by_role("button", name="Download table cards (one page)").click()
    printed = tmp_path / "table-cards.html"
    sheet.value.save_as(printed)
    paper = device(browser, LAPTOP).new_page()
    paper.goto(printed.as_uri())
    cards = paper.locator("article.cell svg")
    assert cards.count() == 8
    # A new tablet at table 2 scans its card: it asks for the sign-in there, then opens
    # the table's page (it said "Page not found" and then went home).
    tablet = device(browser, TABLET).new_page()
    [link] = decode_png(cards.nth(1).screenshot())
    assert link == f"{demo.url}/listen?table=2", link
    tablet.goto(link)
    wait_idle(tablet)
    expect(tablet.get_by_text("Sign in to open Listen.")).to_be_visible()
    expect(tablet.get_by_text("Page not found")).to_have_count(0)
    snap(tablet, SCREENSHOTS, "listen-tablet-sign-in-first")
    tablet.get_by_role("textbox", name="Username").fill("scribe2")
    tablet.get_by_role("textbox", name="Password").fill(PASSWORD)
    tablet.get_by_role("button", name="Sign in").click()
    expect(tablet.get_by_text("Signed in as")).to_be_visible()
    assert tablet.url == link
    wait_idle(tablet)
    expect(tablet.locator(ERROR)).to_have_count(0)
    expect(tablet.get_by_text("table 2", exact=False).first).to_be_visible()
