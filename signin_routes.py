"""The two HTTP routes that set and clear the sign-in cookie, served beside Streamlit's own.

Streamlit talks to the page over a websocket, which cannot set a cookie, and a script
cannot set an HttpOnly one. So the sign-in form (components/signin.py) ends by posting a
one-time handoff (services/accounts/signin_handoffs.py) from the page, as a top-level form
submission, to `<base>/_auth/cookie`; that answers with the cookie, HttpOnly,
SameSite=Strict, Path=<base>, Secure when the browser came over HTTPS, and a 303 back to
the page the form was on (the home page, or a link a person opened before signing in:
`way_back`), whose fresh session reads the cookie (st.context.cookies holds HttpOnly
cookies: the browser sends them on the websocket's handshake). A script cannot clear an
HttpOnly cookie either, so signing out, or a cookie the server refused, posts to
`<base>/_auth/signout`, which clears it and answers 204 so the page (and its note) stays.

Both refuse a request another site made (Sec-Fetch-Site, Origin): otherwise a stranger's
page could sign a visitor in as the stranger, or out. serve.py installs them.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

from streamlit import config
from streamlit.web.server.starlette import starlette_app

from db.database import Database
from services.accounts import signin_accounts, signin_handoffs
from settings import Settings, load_settings

COOKIE_ROUTE = "_auth/cookie"
SIGNOUT_ROUTE = "_auth/signout"
HANDOFF_FIELD = "handoff"
BACK_FIELD = "back"
"""The page the form was signing in from (a table card's link), to go back to once signed in."""
BODY_MAX = 1024
"""Bytes a post to these routes may carry; a handoff form is about 60."""
_LOOPBACK = {"127.0.0.1", "::1"}

USED_OR_EXPIRED = (
    "This sign-in has already been used or has expired (it lasts a minute). "
    "Go back to the home page and sign in again."
)


def base_path() -> str:
    """Streamlit's server.baseUrlPath as a path prefix: "" or "/name" (no trailing slash)."""
    base = (config.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}" if base else ""


def cookie_path() -> str:
    """The Path of the sign-in cookie: the app's own, "/" when it has the host to itself."""
    return base_path() or "/"


def route_url(route: str) -> str:
    """The path the page posts to for `route` (COOKIE_ROUTE or SIGNOUT_ROUTE)."""
    return f"{base_path()}/{route}"


def way_back(asked: str | None) -> str:
    """Where the cookie route sends the browser once signed in: the page of this app it
    signed in from (path and query), else the home page. Nothing else, so the route can
    never send a browser to another site (`//host`, a scheme, a backslash browsers read
    as a slash) or put a line break into its answer."""
    home = f"{base_path()}/"
    if not asked or len(asked) > 2000 or not asked.startswith(home) or asked.startswith("//"):
        return home
    where = urlsplit(asked)
    if where.scheme or where.netloc or "\\" in asked or not asked.isprintable():
        return home
    return asked


def came_over_https(scope) -> bool:
    """Whether the browser reached us over HTTPS: directly, or through nginx on this
    computer, which says so in X-Forwarded-Proto (deploy/nginx). From anywhere else the
    header is anyone's to write, so it is not believed."""
    if scope.get("scheme") in {"https", "wss"}:
        return True
    peer = (scope.get("client") or ("", 0))[0]
    if peer not in _LOOPBACK:
        return False
    return _header(scope, b"x-forwarded-proto").lower() == "https"


def from_this_site(scope) -> bool:
    """Whether the page that sent this request is one of ours. Browsers say which site sent
    a request (Sec-Fetch-Site) and on a post the origin (Origin); a request that says
    neither (a script's, not a browser's) gets nothing a browser would keep anyway."""
    site = _header(scope, b"sec-fetch-site")
    if site and site not in {"same-origin", "none"}:
        return False
    origin = _header(scope, b"origin")
    if origin and origin != "null":
        return urlsplit(origin).netloc.lower() == _header(scope, b"host").lower()
    return True


def routes(settings: Callable[[], Settings], database: Callable[[], Database]) -> list:
    """The two routes, under server.baseUrlPath."""
    from starlette.concurrency import run_in_threadpool  # noqa: PLC0415 - Streamlit's own
    from starlette.responses import HTMLResponse, RedirectResponse, Response  # noqa: PLC0415
    from starlette.routing import Route  # noqa: PLC0415

    def set_cookie(response, request, value: str, **lasts) -> None:
        response.set_cookie(
            settings().cookie_name,
            value,
            **lasts,
            path=cookie_path(),
            secure=came_over_https(request.scope),
            httponly=True,
            samesite="strict",
        )

    async def take_handoff(request) -> Response:
        if not from_this_site(request.scope):
            return Response("Refused: this request came from another site.", 403)
        body = await request.body()
        if len(body) > BODY_MAX:
            return Response("Refused: too long.", 413)
        fields = parse_qs(body.decode("latin-1"))
        code = fields.get(HANDOFF_FIELD, [None])[0]
        signed = await run_in_threadpool(signin_handoffs.redeem, database(), code)
        if signed is None:
            home = html.escape(f"{base_path()}/")
            page = f'<p>{USED_OR_EXPIRED}</p><p><a href="{home}">The home page</a></p>'
            return HTMLResponse(page, 400, headers={"cache-control": "no-store"})
        s = settings()
        token, expires = signin_accounts.cookie_token(signed, s.cookie_key, s.cookie_expiry_days)
        back = way_back(fields.get(BACK_FIELD, [None])[0])
        response = RedirectResponse(back, 303, headers={"cache-control": "no-store"})
        set_cookie(response, request, token, expires=expires)
        return response

    async def sign_out(request) -> Response:
        if not from_this_site(request.scope):
            return Response("Refused: this request came from another site.", 403)
        response = Response(status_code=204, headers={"cache-control": "no-store"})
        set_cookie(response, request, "", max_age=0, expires=0)
        return response

    return [
        Route(route_url(COOKIE_ROUTE), take_handoff, methods=["POST"]),
        Route(route_url(SIGNOUT_ROUTE), sign_out, methods=["POST"]),
    ]


@functools.cache
def _settings() -> Settings:
    return load_settings()


@functools.cache
def _database() -> Database:
    # A pool of its own, small: a route's one query per sign-in or sign-out.
    return Database.from_url(_settings().database_url, pool_size=2, max_overflow=2)


def with_signin_routes(create: Callable) -> Callable:
    """Streamlit's route list maker, with ours first (Streamlit's last route is a catch-all
    that serves the page itself)."""

    def create_routes(runtime) -> list:
        return [*routes(_settings, _database), *create(runtime)]

    return create_routes


def install() -> None:
    """Serve the routes from Streamlit's own server (called by serve.py before it starts)."""
    starlette_app.create_streamlit_routes = with_signin_routes(
        starlette_app.create_streamlit_routes
    )


def _header(scope, name: bytes) -> str:
    for key, value in scope.get("headers", []):
        if key == name:
            return value.decode("latin-1").strip()
    return ""
