"""Response headers every console page carries, and the CSRF check every form post passes."""

from __future__ import annotations

import hmac
import re
from typing import Any
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

FORM_KEY = re.compile(r"[0-9a-f]{32}")  # a rendered form's key (uuid4 hex), see rendering.form_key


def content_security_policy(issuer_url: str) -> str:
    """No inline script or style anywhere: scripts and styles come from the console's own origin.

    ``form-action`` names the provider too: Chromium applies it to the redirect that follows a post
    (a step-up goes from a console form to the provider's authorize endpoint).
    """
    parts = urlsplit(issuer_url)
    provider = f"{parts.scheme}://{parts.netloc}"
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
            f"form-action 'self' {provider}",
        ]
    )


class SecurityHeaders:
    """Adds CSP and friends to every response of the console (pure ASGI, streams untouched)."""

    def __init__(self, app: ASGIApp, *, csp: str) -> None:
        self.app = app
        self.headers = [
            (b"content-security-policy", csp.encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"same-origin"),
            (b"x-frame-options", b"DENY"),
            (b"cache-control", b"no-store"),
        ]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        static = "/static/" in str(scope.get("path", ""))  # pinned assets may be cached; pages never

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                existing = {name.lower() for name, _ in message.get("headers", [])}
                if static:
                    existing.add(b"cache-control")
                extra = [(k, v) for k, v in self.headers if k not in existing]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class CSRFError(Exception):
    """A form post without the session's CSRF token."""


async def checked_form(request: Request, expected: str) -> dict[str, Any]:
    """The posted form, after its ``csrf_token`` matched the session's (constant-time)."""
    form = await request.form()
    sent = form.get("csrf_token")
    if not expected or not isinstance(sent, str) or not hmac.compare_digest(sent, expected):
        raise CSRFError("missing or wrong CSRF token")
    key = form.get("form_key")
    request.state.form_key = key if isinstance(key, str) and FORM_KEY.fullmatch(key) else None
    return {k: v for k, v in form.multi_items()} | {"_multi": form}
