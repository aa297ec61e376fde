"""Browser-facing endpoints: /login, /logout, /authorize (login + consent) and /device.

The browser session is Flask's signed cookie (path = the issuer path, HttpOnly, SameSite=Lax). It holds
only the user id, ``auth_time``, ``acr`` and the CSRF token — never a password or a code.

Step-up (RFC 9470): /authorize re-authenticates when ``acr_values`` asks for MFA the session lacks, when
``max_age`` is exceeded, or for ``prompt=login``. The login it triggers is marked "fresh" for that one
authorization request (``_login`` parameter), so a max_age of 0 cannot loop.
"""

from __future__ import annotations

import hmac
import logging
import secrets
import time
from typing import Any
from urllib.parse import urlencode

from authlib.oauth2.rfc6749 import InvalidRequestError, OAuth2Error
from flask import Flask, Response, abort, redirect, render_template_string, request, session
from markupsafe import Markup

from companyos_server.platform.identity import store, templates
from companyos_server.platform.identity.authserver import ProviderServer
from companyos_server.platform.identity.clients import AuthenticatedUser
from companyos_server.platform.identity.throttle import ACCOUNT
from companyos_server.platform.principal import ACR_MFA

log = logging.getLogger(__name__)

SESSION_MAX_AGE = 12 * 3600
_MAX_FIELD = 1024


def render(
    title: str, body_template: str, *, status: int = 200, error: str | None = None, **context: Any
) -> Response:
    body = render_template_string(body_template, csrf_token=csrf_token(), **context)
    html = render_template_string(templates.LAYOUT, title=title, error=error, body=Markup(body))  # noqa: S704
    response = Response(html, status=status, mimetype="text/html")
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Content-Security-Policy"] = (
        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"
    )
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def csrf_token() -> str:
    token = session.get("csrf")
    if not token:
        token = session["csrf"] = secrets.token_urlsafe(32)
    return str(token)


def check_csrf() -> None:
    sent = request.form.get("csrf_token", "")
    expected = session.get("csrf", "")
    if not sent or not expected or not hmac.compare_digest(str(sent), str(expected)):
        abort(400, description="The form's CSRF token is missing or does not match this session.")


def field(name: str) -> str:
    return (request.form.get(name) or "")[:_MAX_FIELD]


def here() -> str:
    """The current URL path + query, including the mount prefix (``/oauth2``)."""
    return request.script_root + request.full_path.rstrip("?")


def url(path: str, **params: str) -> str:
    query = urlencode({k: v for k, v in params.items() if v})
    return f"{request.script_root}{path}" + (f"?{query}" if query else "")


def safe_next(value: str | None) -> str:
    """Only same-app paths are accepted after login (no open redirect)."""
    root = request.script_root + "/"
    if value and value.startswith(root) and not value.startswith("//") and "\\" not in value:
        return value
    return root


def current_user(db: Any) -> AuthenticatedUser | None:
    uid, auth_time = session.get("uid"), session.get("auth_time")
    if not uid or not isinstance(auth_time, int) or time.time() - auth_time > SESSION_MAX_AGE:
        return None
    return store.load_user(db, uid, acr=session.get("acr"), auth_time=auth_time)


def normalize_user_code(value: str) -> str:
    raw = "".join(ch for ch in value.upper() if ch.isalnum())
    return f"{raw[:4]}-{raw[4:]}" if len(raw) == 8 else raw


def _login_reason(user: AuthenticatedUser | None, args: Any) -> tuple[bool, bool]:
    """(needs login, needs MFA) for an authorization request."""
    require_mfa = ACR_MFA in (args.get("acr_values") or "").split()
    if user is None:
        return True, require_mfa
    if require_mfa and user.acr != ACR_MFA:
        return True, True
    fresh = bool(args.get("_login")) and session.get("fresh_login") == args.get("_login")
    if fresh:
        return False, require_mfa
    if args.get("prompt") == "login":
        return True, require_mfa
    max_age = args.get("max_age")
    if max_age is not None:
        try:
            limit = int(max_age)
        except ValueError:
            limit = 0
        if user.auth_time is None or time.time() - user.auth_time > limit:
            return True, require_mfa
    return False, require_mfa


def _redirect_to_login(require_mfa: bool) -> Response:
    login_id = secrets.token_urlsafe(12)
    session["pending_login"] = login_id
    args = request.args.to_dict(flat=False)
    args["_login"] = [login_id]
    nxt = request.script_root + request.path + "?" + urlencode(args, doseq=True)
    return redirect(url("/login", next=nxt, mfa="1" if require_mfa else ""))  # type: ignore[return-value]


def register_pages(app: Flask, server: ProviderServer) -> None:
    db, throttle, events = server.db, server.throttle, server.events

    @app.route("/login", methods=["GET", "POST"])
    def login() -> Response:
        nxt = safe_next(request.values.get("next"))
        require_mfa = request.values.get("mfa") == "1"
        context: dict[str, Any] = {"action": url("/login"), "next": nxt, "require_mfa": require_mfa}
        if request.method == "GET":
            return render("Sign in", templates.LOGIN, username="", **context)
        check_csrf()
        username = field("username").strip()
        source = request.remote_addr
        verdict = throttle.check(ACCOUNT, username, source)
        if not verdict.allowed:
            events.throttled("sign-in", source, verdict.retry_after, verdict.reason, subject=username)
            error = f"Too many failed sign-ins. Try again in {verdict.retry_after} seconds."
            response = render(
                "Sign in", templates.LOGIN, status=429, error=error, username=username, **context
            )
            response.headers["Retry-After"] = str(verdict.retry_after)
            return response
        result = store.authenticate(
            db, username, field("password"), field("totp"), require_mfa=require_mfa, secrets=server.secrets
        )
        if result.user is None:
            # Counted and recorded alike whether or not the user exists: same work, same timing.
            throttle.failed(ACCOUNT, username, source)
            events.sign_in_failed(
                username,
                source,
                reason=result.reason,
                request_id=request.headers.get("X-Request-Id"),
                user_agent=request.headers.get("User-Agent"),
            )
            return render(
                "Sign in", templates.LOGIN, status=401, error=result.error, username=username, **context
            )
        throttle.succeeded(ACCOUNT, username, source, verdict)
        user = result.user
        pending = session.get("pending_login")
        session.clear()  # a fresh session on every login (no fixation)
        session.update(
            uid=user.user_id, auth_time=user.auth_time, acr=user.acr, csrf=secrets.token_urlsafe(32)
        )
        if pending:
            session["fresh_login"] = pending
        log.info("user %s signed in (acr %s)", user.user_id, user.acr)
        events.sign_in_succeeded(
            user.username,
            list(user.tenants),
            source,
            acr=user.acr,
            user_agent=request.headers.get("User-Agent"),
        )
        return redirect(nxt)  # type: ignore[return-value]

    @app.route("/logout", methods=["GET", "POST"])
    def logout() -> Response:
        if request.method == "GET":
            return render("Sign out", templates.LOGOUT, action=url("/logout"))
        check_csrf()
        session.clear()
        return render("Signed out", templates.MESSAGE, message="You are signed out.")

    @app.route("/authorize", methods=["GET", "POST"])
    def authorize() -> Response:
        user = current_user(db)
        try:
            grant = server.get_consent_grant(end_user=user)
        except OAuth2Error as error:
            return server.handle_error_response(None, error)  # type: ignore[no-any-return]
        except ValueError:
            # authlib echoes some parameters into error_description and raises on characters RFC 6749
            # forbids there: still a bad request, answered here and never redirected.
            malformed = InvalidRequestError("The authorization request is malformed.")
            return server.handle_error_response(None, malformed)  # type: ignore[no-any-return]
        needs_login, require_mfa = _login_reason(user, request.args)
        if needs_login:
            if request.args.get("prompt") == "none":
                login_required = OAuth2Error(
                    description="The user must sign in.",
                    redirect_uri=grant.redirect_uri,
                    state=request.args.get("state"),
                    error="login_required",
                )
                return server.handle_error_response(None, login_required)  # type: ignore[no-any-return]
            return _redirect_to_login(require_mfa)
        assert user is not None
        if request.method == "GET":
            client = grant.client
            return render(
                "Authorize access",
                templates.CONSENT,
                action=here(),
                client_name=client.row.name or client.get_client_id(),
                username=user.username,
                scopes=user.filter_scope(grant.request.scope or "").split(),
                logout_url=url("/logout"),
            )
        check_csrf()
        session.pop("fresh_login", None)
        approved = request.form.get("decision") == "approve"
        return server.create_authorization_response(grant=grant, grant_user=user if approved else None)  # type: ignore[no-any-return]

    @app.route("/device", methods=["GET", "POST"])
    def device() -> Response:
        user = current_user(db)
        user_code = normalize_user_code(request.values.get("user_code", "")[:32])
        if user is None:
            return redirect(url("/login", next=url("/device", user_code=user_code)))  # type: ignore[return-value]
        if request.method == "GET":
            pending = store.find_pending_device_code(db, user_code) if user_code else None
            client = server.query_client(pending.client_id) if pending else None
            return render(
                "Connect a device",
                templates.DEVICE,
                action=url("/device"),
                user_code=user_code,
                username=user.username,
                client_name=(client.row.name or client.get_client_id()) if client else None,
                scopes=user.filter_scope(pending.scope).split() if pending else [],
            )
        check_csrf()
        approve = request.form.get("action") == "approve"
        decided = store.find_pending_device_code(db, user_code)
        if not store.decide_device_code(db, user_code, user, approve=approve):
            return render(
                "Connect a device",
                templates.DEVICE,
                status=400,
                error="That code is unknown, expired or already used.",
                action=url("/device"),
                user_code=user_code,
                username=user.username,
                client_name=None,
                scopes=[],
            )
        events.device_decided(
            username=user.username,
            tenants=list(user.tenants),
            client_id=decided.client_id if decided else None,
            approved=approve,
            source=request.remote_addr,
        )
        message = "Device approved. You can return to it now." if approve else "Request denied."
        return render("Connect a device", templates.MESSAGE, message=message)
