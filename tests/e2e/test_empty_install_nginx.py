"""The meeting of test_empty_install.py, from an empty install, behind deploy/'s nginx
configuration: every printed link and QR code must carry nginx's address, not the app
server's, and every screen must work through the proxy."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.e2e.test_empty_install import run_from_an_empty_install

pytestmark = pytest.mark.e2e


def test_a_meeting_from_an_empty_install_through_nginx(
    browser: Browser, screenshots: Path, tmp_path: Path
) -> None:
    run_from_an_empty_install(browser, screenshots, tmp_path, "nginx")
