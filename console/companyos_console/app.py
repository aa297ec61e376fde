"""The console's ASGI app: routes, sign-in, error pages, static files and security headers."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

import httpx
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

import companyos
from companyos_console import (
    actions,
    evidence,
    inbox,
    inspection,
    pillars,
    policy_catalog,
    policy_editing,
    runs,
    tenant_settings,
    views,
)
from companyos_console.auth import Authenticator, SignInRequired, check_state
from companyos_console.config import ConsoleConfig
from companyos_console.context import Console, PurposeRequired, TenantNotVisible
from companyos_console.rendering import render, render_error
from companyos_console.security import CSRFError, SecurityHeaders, checked_form, content_security_policy
from companyos_console.sessions import SessionStore

PACKAGE = Path(__file__).resolve().parent

# URL path under /static/vendor/ -> file under node_modules (the pinned npm packages).
VENDOR_FILES = {
    "htmx.min.js": "htmx.org/dist/htmx.min.js",
    "htmx-ext-sse.min.js": "htmx-ext-sse/dist/sse.min.js",
    "vega.min.js": "vega/build/vega.min.js",
    "vega-lite.min.js": "vega-lite/build/vega-lite.min.js",
    "vega-embed.min.js": "vega-embed/build/vega-embed.min.js",
}


def create_console(config: ConsoleConfig, *, transport: httpx.AsyncBaseTransport | None = None) -> Any:
    """The console as an ASGI app. ``transport`` lets a host process serve the SDK's requests in process
    (``httpx.ASGITransport`` over the API app); by default the SDK goes over HTTP to ``config.api_url``."""
    http = httpx.AsyncClient(transport=transport, timeout=httpx.Timeout(30.0, connect=5.0))
    store = SessionStore(config.state_dir / "sessions.db", idle_seconds=config.session_idle_seconds)
    console = Console(config, http, Authenticator(config, http, store))
    routes = [
        Route("/", _bind(views.index, console)),
        Route("/auth/login", _bind(sign_in, console)),
        Route("/auth/callback", _bind(callback, console)),
        Route("/auth/step-up", _bind(step_up, console)),
        Route("/auth/logout", _bind(sign_out, console), methods=["POST"]),
        Route("/signed-out", _bind(signed_out, console)),
        Route("/static/vendor/{name}", _bind(vendor_file, console)),
        Mount("/static", app=StaticFiles(directory=PACKAGE / "static"), name="static"),
        *views.routes(console, _bind),
        *inbox.routes(console, _bind),
        *evidence.routes(console, _bind),
        *inspection.routes(console, _bind),
        *runs.routes(console, _bind),
        *policy_catalog.routes(console, _bind),
        *policy_editing.routes(console, _bind),
        *tenant_settings.routes(console, _bind),
        *pillars.routes(console, _bind),
    ]

    async def on_sign_in_required(request: Request, exc: Exception) -> Response:
        if request.method == "GET":
            target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        else:
            target = _base(request) + "/"
        return RedirectResponse(f"{_base(request)}/auth/login?{_q(next=target)}", 303)

    async def on_csrf(request: Request, exc: Exception) -> Response:
        return render_error(request, 403, "Forbidden", "The form's security token is missing or wrong.")

    async def on_not_found(request: Request, exc: Exception) -> Response:
        return render_error(request, 404, "Not found", "There is nothing here, or you may not see it.")

    async def on_denied(request: Request, exc: Exception) -> Response:
        reasons = list(getattr(exc, "reasons", None) or [])
        return render_error(request, 403, "Not permitted", str(getattr(exc, "detail", "")), reasons=reasons)

    async def on_purpose(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, PurposeRequired)
        return await views.purpose_page(console, request, exc.tenant)

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        return render_error(request, exc.status_code, "Error", str(exc.detail))

    async def on_step_up(request: Request, exc: Exception) -> Response:
        detail = "This page needs a recent multi-factor sign-in."
        return render_error(request, 401, "Multi-factor sign-in needed", detail, sign_in=True)

    async def on_auth_error(request: Request, exc: Exception) -> Response:
        session = console.auth.session_of(request)
        if session is not None:
            console.auth.store.delete(session.sid)
        return await on_sign_in_required(request, exc)

    app = Starlette(
        routes=routes,
        exception_handlers={
            SignInRequired: on_sign_in_required,
            companyos.StepUpRequired: on_step_up,
            companyos.AuthenticationError: on_auth_error,
            CSRFError: on_csrf,
            TenantNotVisible: on_not_found,
            companyos.NotFoundError: on_not_found,
            companyos.PermissionDeniedError: on_denied,
            PurposeRequired: on_purpose,
            HTTPException: on_http,
        },
    )
    app.state.console = console
    return SecurityHeaders(app, csp=content_security_policy(config.issuer_url))


def _bind(handler: Any, console: Console) -> Any:
    async def endpoint(request: Request) -> Response:
        response: Response = await handler(console, request)
        return response

    endpoint.__name__ = handler.__name__
    return endpoint


def _base(request: Request) -> str:
    return str(request.scope.get("root_path", "")).rstrip("/")


def _q(**params: str) -> str:
    from urllib.parse import urlencode

    return urlencode(params)


def _safe_next(request: Request, value: str | None) -> str:
    """Only a path inside the console (never another origin, never ``//host``)."""
    base = _base(request)
    if value and value.startswith(base + "/") and not value.startswith("//") and "\\" not in value:
        return value
    return base + "/"


# -- sign-in -----------------------------------------------------------------------------------------
async def sign_in(console: Console, request: Request) -> Response:
    """Start a sign-in: a fresh pre-authentication session holds the state and the PKCE verifier."""
    session = console.auth.new_session({})
    next_url = _safe_next(request, request.query_params.get("next"))
    return await console.auth.authorize_redirect(request, session, next_url=next_url)


async def step_up(console: Console, request: Request) -> Response:
    """Send a signed-in user through the provider's multi-factor sign-in (RFC 9470)."""
    session = console.auth.session_of(request)
    if session is None or not session.signed_in:
        raise SignInRequired("no session")
    pending = session.data.get("pending") or {}
    challenge = pending.get("challenge") or {}
    next_url = _safe_next(request, pending.get("back"))
    return await console.auth.authorize_redirect(request, session, next_url=next_url, step_up=challenge)


async def callback(console: Console, request: Request) -> Response:
    session = console.auth.session_of(request)
    params = request.query_params
    oauth = check_state(session, params.get("state")) if session is not None else None
    if session is None or oauth is None:
        return render_error(
            request, 400, "Sign-in failed", "The sign-in response does not match this browser."
        )
    if params.get("error"):
        console.auth.store.delete(session.sid)
        message = params.get("error_description") or params["error"]
        return render_error(request, 401, "Sign-in cancelled", message, sign_in=True)
    token = await console.auth.exchange(params.get("code", ""), str(oauth["verifier"]))
    previous = session.data
    # A new session id at every sign-in: the old one (possibly planted by someone else) dies here.
    console.auth.store.delete(session.sid)
    fresh = console.auth.new_session({"token": token, "csrf": secrets.token_urlsafe(32)})
    me = await console.client(fresh).identity.me()
    fresh.data["subject"] = me.get("subject")
    # What the user was doing carries over; their drafts and purposes only to themselves (a different
    # person signing in at the provider gets a clean session).
    same_person = previous.get("subject") == me.get("subject")
    carried = (
        ("environment", "purposes", "policy_drafts", "config_drafts") if same_person else ("environment",)
    )
    for key in carried:
        if key in previous:
            fresh.data[key] = previous[key]
    pending = previous.get("pending")
    fresh.save()
    next_url = _safe_next(request, str(oauth.get("next") or ""))
    if pending and previous.get("subject") == me.get("subject"):
        next_url = await actions.resume_pending(console, fresh, pending, request)
    response = RedirectResponse(next_url, 303)
    console.auth.set_cookie(response, request, fresh.sid)
    return response


async def sign_out(console: Console, request: Request) -> Response:
    session = console.auth.session_of(request)
    if session is not None:
        await checked_form(request, session.csrf_token)
        token = session.data.get("token")
        if isinstance(token, dict):
            await console.auth.revoke(token)
        console.auth.store.delete(session.sid)
    response = RedirectResponse(f"{_base(request)}/signed-out", 303)
    console.auth.clear_cookie(response, request)
    return response


async def signed_out(console: Console, request: Request) -> Response:
    return render(request, "signed_out.html", {"title": "Signed out"})


async def vendor_file(console: Console, request: Request) -> Response:
    name = request.path_params["name"]
    root = console.config.vendor_path()
    if name not in VENDOR_FILES or root is None or not (root / VENDOR_FILES[name]).is_file():
        raise HTTPException(404, "No such asset.")
    return FileResponse(root / VENDOR_FILES[name], media_type="text/javascript")
