"""A venue with no internet: no page the app shows asks anything of another host.

Seen before: the favicon, a Material icon, came from fonts.gstatic.com on every phone.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Request

from tests.browser import LAPTOP, PHONE, PROJECTOR, device, sign_in, visit
from tests.e2e.conftest import PASSWORD, Demo

pytestmark = pytest.mark.e2e

LOCAL = {"127.0.0.1", "localhost", "::1", ""}


def _record(context: BrowserContext) -> list[str]:
    asked: list[str] = []

    def on_request(request: Request) -> None:
        if urlsplit(request.url).scheme not in {"data", "blob", "about"}:
            asked.append(request.url)

    context.on("request", on_request)
    return asked


def _elsewhere(asked: list[str]) -> list[str]:
    return [url for url in asked if urlsplit(url).hostname not in LOCAL]


def test_no_screen_asks_another_host_for_anything(browser: Browser, demo: Demo) -> None:
    contexts = [device(browser, size) for size in (LAPTOP, PHONE, PROJECTOR)]
    try:
        laptop, phone, projector = contexts
        asked = [_record(c) for c in contexts]
        page = laptop.new_page()
        sign_in(page, demo.url, "facilitator", PASSWORD)
        for path in ("console", "review", "actions", "converge", "setup"):
            visit(page, demo.url, path)
        visit(phone.new_page(), demo.url, "vote")
        visit(projector.new_page(), demo.url, "projector")
        # The favicon is this server's own file, not a font host's icon.
        icons = page.locator("link[rel~='icon']")
        assert icons.count() >= 1
        assert all(
            urlsplit(href).hostname in LOCAL | {None}
            for href in [icons.nth(i).get_attribute("href") or "" for i in range(icons.count())]
        )
        everything = [u for urls in asked for u in urls]
        assert everything, "the browser was seen asking for nothing: the recorder is broken"
        assert _elsewhere(everything) == []
    finally:
        for context in contexts:
            context.close()
