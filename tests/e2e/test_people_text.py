"""People's text in a real browser: shown as typed, never a link, an image or markup.

Seen before: Streamlit's Markdown made a bare https://…, www.… or name@host a link even
with every character escaped, on the projector and on phones.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, expect

from tests.app_server import ROOT, running_app
from tests.browser import PHONE, device, wait_idle
from tests.e2e.pages.people_text import TEXTS

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def page_url(tmp_path_factory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("people-text")
    script = ROOT / "tests" / "e2e" / "pages" / "people_text.py"
    with running_app(f"sqlite:///{folder / 'x.db'}", folder, script=script) as server:
        yield server.url


def test_bare_addresses_and_markup_in_people_s_text_are_words_not_links(
    browser: Browser, page_url: str
) -> None:
    phone = device(browser, PHONE)
    try:
        page = phone.new_page()
        page.goto(page_url)
        wait_idle(page)
        main = page.get_by_test_id("stMain")
        expect(main.get_by_test_id("stMarkdownContainer").first).to_be_visible()
        # Streamlit's own heading anchors (href="#…") are the only links allowed.
        assert main.locator("a:not([href^='#']), img, script").count() == 0
        shown = " ".join(main.get_by_test_id("stMarkdownContainer").all_inner_texts())
        for text in TEXTS:
            # As typed; the word joiners that stop the links are invisible.
            assert text in shown.replace("\u2060", ""), text
    finally:
        phone.close()
