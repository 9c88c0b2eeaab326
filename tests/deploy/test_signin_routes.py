"""The routes that set and clear the HttpOnly sign-in cookie (signin_routes.py), over HTTP
against the real server: directly, under a path prefix (server.baseUrlPath), and through
the shipped nginx configuration.

A handoff works once and within its minute; the cookie's Path is the app's own; it is
Secure only when the browser came over HTTPS, which only nginx on this computer may say
(X-Forwarded-Proto), never the browser itself; a post from another site is refused.
"""

from __future__ import annotations

import http.client
from collections.abc import Iterator
from datetime import timedelta
from urllib.parse import urlencode, urlsplit

import pytest
from playwright.sync_api import expect

from components.signin import BACK_MAX, page_address
from db.database import Database
from db.migrate import upgrade_to_head
from db.models.base import utcnow
from services.accounts import accounts, signin_accounts, signin_handoffs, signin_tokens
from services.core.actors import SYSTEM
from settings import load_settings
from signin_routes import came_over_https, from_this_site, way_back
from tests.app_server import AppServer, running_app
from tests.browser import LAPTOP, click, device, visit
from tests.deploy import nginx
from tests.deploy.needs import needs_nginx

PASSWORD = "a-route-test-password-1"
COOKIE = "common_ground_auth"


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Database]]:
    folder = tmp_path_factory.mktemp("routes")
    url = f"sqlite:///{folder / 'routes.db'}"
    upgrade_to_head(url)
    db = Database.from_url(url)
    accounts.create_account(
        db,
        SYSTEM,
        accounts.NewAccount(
            username="scribe1", display_name="Scribe One", role="scribe", password=PASSWORD
        ),
    )
    yield url, db
    db.dispose()


@pytest.fixture(scope="module")
def server(database, tmp_path_factory) -> Iterator[AppServer]:
    with running_app(database[0], tmp_path_factory.mktemp("plain")) as app:
        yield app


@pytest.fixture(scope="module")
def prefixed(database, tmp_path_factory) -> Iterator[AppServer]:
    folder = tmp_path_factory.mktemp("prefixed")
    with running_app(database[0], folder, options=("--server.baseUrlPath", "cg")) as app:
        yield app


def _handoff(db: Database) -> str:
    return signin_handoffs.issue(db, signin_accounts.sign_in(db, "scribe1", PASSWORD))


def _post(base: str, route: str, body: str = "", **headers: str) -> http.client.HTTPResponse:
    where = urlsplit(base)
    assert where.hostname is not None
    connection = http.client.HTTPConnection(where.hostname, where.port, timeout=30)
    headers = {"content-type": "application/x-www-form-urlencoded", **headers}
    connection.request("POST", f"{where.path}/{route}", body, headers)
    answer = connection.getresponse()
    answer.read()
    connection.close()
    return answer


def _cookie(answer: http.client.HTTPResponse) -> dict[str, str]:
    """The sign-in cookie's Set-Cookie, as attribute -> value (lowercased names)."""
    [line] = [c for c in answer.headers.get_all("set-cookie") or [] if c.startswith(COOKIE)]
    parts = [p.strip() for p in line.split(";")]
    attributes = {p.split("=", 1)[0].lower(): p.split("=", 1)[-1] for p in parts[1:]}
    return {"value": parts[0].split("=", 1)[1], **attributes}


def test_a_handoff_sets_an_httponly_strict_cookie_once(server, database):
    code = _handoff(database[1])
    answer = _post(server.url, "_auth/cookie", f"handoff={code}")
    assert answer.status == 303 and answer.headers["location"] == "/"
    cookie = _cookie(answer)
    assert {"httponly", "path", "samesite"} <= set(cookie) and "secure" not in cookie
    assert cookie["path"] == "/" and cookie["samesite"].lower() == "strict"
    # The cookie is the login's genuine token, signed with the server's key.
    claims = signin_tokens.read(cookie["value"], _cookie_key(server))
    assert claims is not None and claims.username == "scribe1"
    again = _post(server.url, "_auth/cookie", f"handoff={code}")
    assert again.status == 400 and not again.headers.get_all("set-cookie")


def test_the_way_back_is_the_page_signed_in_from_and_never_another_site(server, database):
    back = urlencode({"back": "/listen?table=2"})
    answer = _post(server.url, "_auth/cookie", f"handoff={_handoff(database[1])}&{back}")
    assert answer.status == 303 and answer.headers["location"] == "/listen?table=2"
    for elsewhere in ("//evil.example/x", "https://evil.example/", "/\\evil.example", "",
                      "listen", "/listen\r\nSet-Cookie: x=1", "/" + "x" * 3000):  # fmt: skip
        assert way_back(elsewhere) == "/", elsewhere
        body = f"handoff={_handoff(database[1])}&{urlencode({'back': elsewhere})}"
        answer = _post(server.url, "_auth/cookie", body)
        # Longer than a post here may be: refused whole (413).
        assert answer.headers["location"] == "/" if len(body) < 1024 else answer.status == 413


def test_an_expired_or_made_up_handoff_sets_nothing(server, database):
    db = database[1]
    signed = signin_accounts.sign_in(db, "scribe1", PASSWORD)
    old = signin_handoffs.issue(db, signed, utcnow() - timedelta(seconds=61))
    for body in (f"handoff={old}", "handoff=made-up", "", "handoff=" + "x" * 5000):
        answer = _post(server.url, "_auth/cookie", body)
        assert answer.status in {400, 413} and not answer.headers.get_all("set-cookie")


def test_another_sites_post_is_refused(server, database):
    code = _handoff(database[1])
    stranger = {"origin": "https://evil.example", "sec-fetch-site": "cross-site"}
    assert _post(server.url, "_auth/cookie", f"handoff={code}", **stranger).status == 403
    assert _post(server.url, "_auth/signout", **stranger).status == 403
    # Refused before it was looked at: the handoff still works from the app's own page.
    assert _post(server.url, "_auth/cookie", f"handoff={code}").status == 303


def test_sign_out_clears_the_cookie_on_the_apps_path(server, prefixed):
    for app, path in ((server, "/"), (prefixed, "/cg")):
        answer = _post(app.url, "_auth/signout")
        assert answer.status == 204
        cookie = _cookie(answer)
        assert cookie["value"] in {"", '""'} and cookie["max-age"] == "0"
        assert cookie["path"] == path and "httponly" in cookie


def test_under_a_path_prefix_the_cookie_and_the_way_back_keep_to_it(prefixed, database):
    code = _handoff(database[1])
    answer = _post(prefixed.url, "_auth/cookie", f"handoff={code}")
    assert answer.status == 303 and answer.headers["location"] == "/cg/"
    assert _cookie(answer)["path"] == "/cg"
    # Outside the prefix there is no such route (Streamlit's own 404 or its page).
    root = prefixed.url.removesuffix("/cg")
    assert _post(root, "_auth/cookie", f"handoff={_handoff(database[1])}").status != 303


def test_secure_when_nginx_here_says_https(server, database):
    code = _handoff(database[1])
    answer = _post(server.url, "_auth/cookie", f"handoff={code}", **{"x-forwarded-proto": "https"})
    assert "secure" in _cookie(answer)


def test_only_a_proxy_on_this_computer_is_believed_about_https():
    def scope(peer: str, proto: bytes, scheme: str = "http") -> dict:
        return {"scheme": scheme, "client": (peer, 1), "headers": [(b"x-forwarded-proto", proto)]}

    assert came_over_https(scope("127.0.0.1", b"https"))
    assert came_over_https(scope("::1", b"HTTPS"))
    assert not came_over_https(scope("192.168.1.20", b"https"))
    assert not came_over_https(scope("127.0.0.1", b"http"))
    assert came_over_https(scope("192.168.1.20", b"http", scheme="https"))


def test_which_requests_count_as_from_this_site():
    def scope(**headers: str) -> dict:
        return {"headers": [(k.replace("_", "-").encode(), v.encode()) for k, v in headers.items()]}

    assert from_this_site(scope(host="cg.city.gov", origin="https://cg.city.gov"))
    assert from_this_site(scope(host="cg.city.gov", sec_fetch_site="same-origin"))
    assert from_this_site(scope(host="cg.city.gov"))  # not a browser: it keeps no cookie
    assert not from_this_site(scope(host="cg.city.gov", sec_fetch_site="same-site"))
    assert not from_this_site(scope(host="cg.city.gov", origin="https://evil.example"))


@needs_nginx
def test_behind_nginx_the_path_is_the_sites_and_a_browser_cannot_claim_https(
    server, database, tmp_path
):
    proxy = nginx.start(tmp_path / "nginx", [f"127.0.0.1:{server.port}"])
    try:
        code = _handoff(database[1])
        # nginx replaces the header with what it saw: plain http here.
        claimed = {"x-forwarded-proto": "https", "x-real-ip": "127.0.0.1"}
        answer = _post(proxy.url, "_auth/cookie", f"handoff={code}", **claimed)
        assert answer.status == 303 and answer.headers["location"] == "/"
        cookie = _cookie(answer)
        assert cookie["path"] == "/" and "httponly" in cookie and "secure" not in cookie
        assert _post(proxy.url, "_auth/cookie", f"handoff={code}").status == 400
    finally:
        nginx.stop(proxy)


def _cookie_key(server: AppServer) -> str:
    return load_settings(data_dir=server.log.parent).cookie_key


@pytest.mark.e2e
def test_in_chromium_under_a_path_prefix_sign_in_and_out_keep_to_it(browser, prefixed):
    page = device(browser, LAPTOP).new_page()
    visit(page, prefixed.url, "")
    page.get_by_role("textbox", name="Username").fill("scribe1")
    page.get_by_role("textbox", name="Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    # Back from the cookie route to /cg/, whose session the cookie signed in.
    expect(page.get_by_text("Signed in as Scribe One")).to_be_visible()
    assert page.url == f"{prefixed.url}/"
    [cookie] = [c for c in page.context.cookies() if c.get("name") == COOKIE]
    assert cookie.get("path") == "/cg" and cookie.get("httpOnly")
    click(page, "Sign out")
    expect(page.get_by_text("You are signed out.")).to_be_visible()
    for _ in range(100):
        if not [c for c in page.context.cookies() if c.get("name") == COOKIE]:
            break
        page.wait_for_timeout(100)
    assert not [c for c in page.context.cookies() if c.get("name") == COOKIE]
    page.context.close()


def test_the_way_back_drops_a_query_too_long_for_the_post():
    assert page_address("listen", {"table": "2"}) == "/listen?table=2"
    assert page_address("listen", {}) == "/listen"
    assert page_address("listen", {"table": "9" * BACK_MAX}) == "/listen"
