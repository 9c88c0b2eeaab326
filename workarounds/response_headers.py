"""Security headers on every HTTP response, and no `server: uvicorn`.

Upstream: Streamlit 1.67 has no setting for response headers, so its pages may be framed
by any site and carry no nosniff or referrer policy; and the uvicorn it starts announces
itself in `server:`. Behind nginx (deploy/) nginx could add them, but a laptop in a venue
has no nginx in front. So serve.py wraps Streamlit's middleware factory and uvicorn's
settings with these.

Upstream issues: streamlit/streamlit#9160 ("Allow configuring HTTP Security Headers") and
#6417 ("Handling Security Headers in Streamlit"), both closed without such a setting.
Drop it when tests/workarounds/test_response_headers.py's canaries fail.
"""

from __future__ import annotations

from collections.abc import Callable

SECURITY_HEADERS = {
    # Same-origin framing stays allowed: the cookie component is a frame of this site.
    "content-security-policy": "frame-ancestors 'self'",
    "x-frame-options": "SAMEORIGIN",
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
}


class SecurityHeaders:
    """ASGI middleware adding SECURITY_HEADERS to every HTTP response that lacks them."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _value in message.get("headers", [])}
                extra = [
                    (name.encode(), value.encode())
                    for name, value in SECURITY_HEADERS.items()
                    if name.encode() not in present
                ]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def with_security_headers(create: Callable[[], list]) -> Callable[[], list]:
    """Streamlit's middleware factory, with SecurityHeaders outermost."""

    def create_middleware() -> list:
        from starlette.middleware import Middleware  # noqa: PLC0415 - Streamlit's own dependency

        return [Middleware(SecurityHeaders), *create()]

    return create_middleware


def without_server_header(kwargs: Callable[[], dict]) -> Callable[[], dict]:
    """uvicorn's settings as Streamlit makes them, without the `server: uvicorn` header."""
    return lambda: {**kwargs(), "server_header": False}
