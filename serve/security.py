"""The server's guard at the door: whom it answers, and what the browser may do with its pages.

- **Host**: a request must name the host the server was started on (or, on loopback, another
  loopback name with the same port). A page on another site whose name an attacker re-points
  at 127.0.0.1 (DNS rebinding) sends its own name as Host, and is refused with 403.
- **Origin**: a POST (or any method that is not GET / HEAD / OPTIONS) whose ``Origin`` or
  ``Sec-Fetch-Site`` says it comes from another site is refused with 403; the page's own
  requests are same-origin, and a client with no browser (curl) sends neither.
- **Headers** on every answer: a Content-Security-Policy that lets the page run only the
  scripts and styles the app serves as files (no inline script, no eval, no request to
  another site, no frames), ``X-Content-Type-Options: nosniff``, no referrer, no framing.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.datastructures import Headers
from starlette.responses import PlainTextResponse

__all__ = ["CSP", "SecurityMiddleware", "allowed_hosts", "is_loopback"]

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
       "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
_HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY"),
            (b"cross-origin-opener-policy", b"same-origin"), (b"cross-origin-resource-policy", b"same-origin")]
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]")


def is_loopback(host: str) -> bool:
    """True for localhost and every loopback address (127.x, ::1)."""
    if host.strip("[]") == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _hostport(host: str, port: int) -> str:
    name = f"[{host}]" if ":" in host and not host.startswith("[") else host
    return f"{name}:{port}"


def allowed_hosts(host: str, port: int) -> frozenset[str]:
    """The Host header values the server answers: ``host:port``, and on loopback the other
    loopback names with the port (a browser opened at localhost sends ``localhost:port``)."""
    names = {_hostport(host, port)}
    if is_loopback(host):
        names |= {_hostport(name, port) for name in _LOOPBACK_NAMES}
    if port == 80:
        names |= {name.rsplit(":", 1)[0] for name in names}
    return frozenset(name.lower() for name in names)


class SecurityMiddleware:
    """ASGI middleware: refuse a wrong Host or a cross-site write, add the security headers."""

    def __init__(self, app: Callable[..., Awaitable[None]], hosts: frozenset[str]) -> None:
        self.app = app
        self.hosts = hosts
        self.origins = frozenset(f"http://{host}" for host in hosts)

    def _refusal(self, scope: dict[str, Any]) -> str | None:
        headers = Headers(scope=scope)
        host = (headers.get("host") or "").lower()
        if host not in self.hosts:
            return f"refused: Host {host or '(none)'!r} is not this server (serving {sorted(self.hosts)[0]})"
        if scope.get("method", "GET") not in _SAFE_METHODS:
            origin = headers.get("origin")
            if origin is not None and origin.lower() not in self.origins:
                return f"refused: a {scope['method']} from another site ({origin})"
            if headers.get("sec-fetch-site") in ("cross-site", "same-site"):
                return f"refused: a {scope['method']} from another site"
        return None

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *_HEADERS]
            await send(message)

        refusal = self._refusal(scope)
        if refusal is not None:
            await PlainTextResponse(refusal, status_code=403)(scope, receive, with_headers)
            return
        await self.app(scope, receive, with_headers)
