"""Sign-in in Chromium at laptop size: a paused username says how long to wait, and cookies
that no longer hold sign the browser out with "Please sign in again." on /, /vote and
/projector, never an error page.

Found on a running install: a cookie of a deactivated account, or one signed alg=none or
HS512, broke every page for that browser (LoginError not caught), and a cookie copied
before sign-out kept working.
"""

from __future__ import annotations

import time
import warnings
from datetime import UTC, datetime, timedelta
from pathlib import Path

import jwt
import pytest
from jwt.warnings import InsecureKeyLengthWarning
from playwright.sync_api import Browser, Page, expect

from services.accounts import accounts, signin_accounts
from services.core.actors import SYSTEM
from tests.browser import COOKIE, LAPTOP, click, device, sign_in, snap, visit
from tests.e2e.conftest import PASSWORD, Demo

pytestmark = pytest.mark.e2e

KEY = "e2e-cookie-key-not-secret"  # the demo fixture's (tests/e2e/conftest.py)
PAGES = ["", "vote", "projector"]


def _claims(username: str, version: int = 0, **extra) -> dict:
    return {"sub": username, "ver": version, "exp": datetime.now(UTC) + timedelta(days=1), **extra}


def _sign(claims: dict, key: str | None = KEY, algorithm: str = "HS256") -> str:
    # The fixture's key is short on purpose (not a secret); PyJWT warns about that.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InsecureKeyLengthWarning)
        return jwt.encode(claims, key, algorithm=algorithm)


def _forged() -> dict[str, str]:
    return {
        "alg-none": _sign(_claims("facilitator"), None, algorithm="none"),
        "hs512": _sign(_claims("facilitator"), KEY, algorithm="HS512"),
        "expired": _sign(_claims("facilitator", exp=datetime.now(UTC) - timedelta(minutes=1))),
        "garbage": "eyJhbGciOi.garbage.%%%",
        "old-library": _sign({"username": "facilitator", "exp_date": 9e9}),
    }


def _with_cookie(browser: Browser, base: str, value: str) -> Page:
    """A browser at laptop size holding only this sign-in cookie."""
    page = device(browser, LAPTOP).new_page()
    return _holding(page, base, value)


def _holding(page: Page, base: str, value: str) -> Page:
    """`page`'s browser holding only this sign-in cookie, for its next visit: as a new
    browser would, at a third of the cost of starting one (a new page load, not a new
    browser's first)."""
    page.context.clear_cookies()
    page.context.add_cookies([{"name": COOKIE, "value": value, "url": base}])
    return page


def _signed_out_with_a_note(page: Page, base: str, path: str) -> None:
    visit(page, base, path)
    expect(page.get_by_text("Please sign in again.")).to_be_visible()
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    expect(page.get_by_text("Signed in as")).to_have_count(0)
    # The browser no longer holds the cookie: the next visit starts signed out, quietly.
    _until_gone(page)


def _until_gone(page: Page, timeout: float = 15.0) -> None:
    """Wait until the browser holds no sign-in cookie (the jar, HttpOnly ones included)."""
    deadline = time.monotonic() + timeout
    while any(c.get("name") == COOKIE for c in page.context.cookies()):
        assert time.monotonic() < deadline, "the sign-in cookie was never cleared"
        page.wait_for_timeout(100)


# Every kind on Home; on the other pages, one the signature refuses and one that is no token
# at all (with characters a cookie parser could trip on). The kinds part only in
# signin_accounts.signed_in_by_cookie, which tests/services/test_signin_accounts.py tries
# with twelve of them; what a page adds is the one gate they all pass through, and the note.
KINDS_ON = {
    "": tuple(_forged()),
    "vote": ("alg-none", "garbage"),
    "projector": ("alg-none", "garbage"),
}


@pytest.mark.parametrize("path", PAGES)
def test_forged_and_broken_cookies_sign_out_with_a_note(
    browser: Browser, demo: Demo, screenshots: Path, path: str
):
    page = device(browser, LAPTOP).new_page()
    for name, value in _forged().items():
        if name not in KINDS_ON[path]:
            continue
        _signed_out_with_a_note(_holding(page, demo.url, value), demo.url, path)
        if name == "alg-none":
            snap(page, screenshots, f"signin-forged-cookie-{path or 'home'}-laptop")
    page.context.close()


def test_a_deactivated_accounts_cookie_signs_out_on_every_page(browser: Browser, demo: Demo):
    account = signin_accounts.get_account_by_username(demo.db, "leader4")
    assert account is not None
    genuine = _sign(_claims("leader4", account.token_version))
    page = device(browser, LAPTOP).new_page()
    deactivate(demo, account, active=False)
    try:
        for path in PAGES:
            _signed_out_with_a_note(_holding(page, demo.url, genuine), demo.url, path)
    finally:
        deactivate(demo, account, active=True)
    # The same cookie, the account active again: it signs in (the note was the cookie's).
    visit(_holding(page, demo.url, genuine), demo.url, "")
    expect(page.get_by_text("Signed in as Leader for")).to_be_visible()
    page.context.close()


def deactivate(demo: Demo, account, *, active: bool) -> None:
    accounts.update_account(
        demo.db,
        SYSTEM,
        account.id,
        accounts.AccountFields(
            display_name=account.display_name,
            email=account.email,
            stakeholder_id=account.stakeholder_id,
            active=active,
        ),
    )


def test_a_cookie_copied_before_sign_out_no_longer_signs_in(
    browser: Browser, demo: Demo, screenshots: Path
):
    laptop = device(browser, LAPTOP)
    page = laptop.new_page()
    sign_in(page, demo.url, "scribe6", PASSWORD)
    [copied] = [c for c in laptop.cookies() if c.get("name") == COOKIE]
    assert copied.get("httpOnly") and copied.get("sameSite") == "Strict"
    assert copied.get("path") == "/" and not copied.get("secure")  # plain http here
    # HttpOnly: the page's scripts do not see it.
    assert COOKIE not in page.evaluate("document.cookie")
    # Before sign-out the copy works in another browser...
    other = _with_cookie(browser, demo.url, copied.get("value", ""))
    visit(other, demo.url, "")
    expect(other.get_by_text("Signed in as Scribe, table 6")).to_be_visible()
    other.context.close()
    click(page, "Sign out")
    expect(page.get_by_text("You are signed out.")).to_be_visible()
    # The sidebar no longer says who was signed in, nor offers their screens.
    expect(page.get_by_text("Signed in as Scribe, table 6")).to_have_count(0)
    expect(page.get_by_role("button", name="Sign out")).to_have_count(0)
    expect(page.get_by_role("link", name="Ideas", exact=True)).to_have_count(0)
    _until_gone(page)  # the server cleared it: no script can
    page.get_by_role("link", name="Sign in again").click()
    expect(page.get_by_role("textbox", name="Username")).to_be_visible()
    # ...after it, nowhere.
    stolen = device(browser, LAPTOP).new_page()
    for path in PAGES:
        _signed_out_with_a_note(_holding(stolen, demo.url, copied.get("value", "")), demo.url, path)
        if path == "":
            snap(stolen, screenshots, "signin-revoked-cookie-laptop")
    stolen.context.close()
    laptop.close()


def test_a_new_password_ends_the_cookie_from_before(browser: Browser, demo: Demo):
    laptop = device(browser, LAPTOP)
    page = laptop.new_page()
    sign_in(page, demo.url, "scribe7", PASSWORD)
    [cookie] = [c for c in laptop.cookies() if c.get("name") == COOKIE]
    account = signin_accounts.get_account_by_username(demo.db, "scribe7")
    assert account is not None
    accounts.set_password(demo.db, SYSTEM, account.id, PASSWORD)  # a facilitator's reset
    stolen = _with_cookie(browser, demo.url, cookie.get("value", ""))
    _signed_out_with_a_note(stolen, demo.url, "vote")
    stolen.context.close()
    # The tab that was open, reloaded, is asked to sign in again too.
    visit(page, demo.url, "")
    expect(page.get_by_text("Please sign in again.")).to_be_visible()
    laptop.close()


def test_five_wrong_passwords_pause_the_username_and_say_for_how_long(
    browser: Browser, demo: Demo, screenshots: Path
):
    page = device(browser, LAPTOP).new_page()
    visit(page, demo.url, "")
    for attempt in range(5):
        page.get_by_role("textbox", name="Username").fill("leader3")
        page.get_by_role("textbox", name="Password").fill(f"not-the-password-{attempt}")
        click(page, "Sign in")
    expect(page.get_by_text("Signing in is paused for this username")).to_be_visible()
    expect(page.get_by_text("Wait 30 seconds")).to_be_visible()
    snap(page, screenshots, "signin-locked-laptop")
    # The right password is refused too until the wait is over.
    page.get_by_role("textbox", name="Username").fill("leader3")
    page.get_by_role("textbox", name="Password").fill(PASSWORD)
    click(page, "Sign in")
    expect(page.get_by_text("Signing in is paused for this username")).to_be_visible()
    expect(page.get_by_text("Signed in as")).to_have_count(0)
    page.context.close()
