"""The built-in OpenID Connect provider as a Flask app, mounted by the platform at ``/oauth2``.

Endpoints (relative to the issuer): ``/.well-known/openid-configuration``, ``/jwks``, ``/authorize``,
``/token``, ``/device_authorization``, ``/device``, ``/revoke``, ``/userinfo``, ``/login``, ``/logout``.

Error shapes: the token, device-authorization and revocation endpoints answer OAuth JSON errors
(RFC 6749 §5.2) because that is what OAuth clients parse, a throttled client authentication included
(429 ``temporarily_unavailable`` with ``Retry-After``, see :mod:`.throttle`); everything else that
fails — 404, 405, CSRF, 500 — is ``application/problem+json`` (RFC 9457), never Flask's HTML.
"""

from __future__ import annotations

import logging
import secrets
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from flask import Flask, Response, jsonify, request
from werkzeug.exceptions import HTTPException

from companyos_server.platform.files import open_private, private_dir
from companyos_server.platform.identity import store
from companyos_server.platform.identity.authserver import ProviderServer
from companyos_server.platform.identity.clients import (
    GRANT_AUTHORIZATION_CODE,
    GRANT_CLIENT_CREDENTIALS,
    GRANT_DEVICE_CODE,
    GRANT_REFRESH_TOKEN,
    SUPPORTED_SCOPES,
)
from companyos_server.platform.identity.events import AuditSink, SecurityEvents
from companyos_server.platform.identity.keys import KeyStore
from companyos_server.platform.identity.pages import register_pages
from companyos_server.platform.identity.throttle import Throttle
from companyos_server.platform.identity.validation import TokenError, TokenValidator
from companyos_server.platform.principal import ACR_MFA, ACR_PASSWORD
from companyos_server.platform.storage import Database

log = logging.getLogger(__name__)

PROBLEM_TYPE_BASE = "https://companyos.dev/problems/"


def discovery_document(settings: Any) -> dict[str, Any]:
    """OpenID Provider Metadata (OIDC Discovery 1.0 / RFC 8414)."""
    issuer = settings.issuer
    return {
        "issuer": issuer,
        "authorization_endpoint": f"{issuer}/authorize",
        "token_endpoint": f"{issuer}/token",
        "device_authorization_endpoint": f"{issuer}/device_authorization",
        "revocation_endpoint": f"{issuer}/revoke",
        "userinfo_endpoint": f"{issuer}/userinfo",
        "end_session_endpoint": f"{issuer}/logout",
        "jwks_uri": f"{issuer}/jwks",
        "scopes_supported": list(SUPPORTED_SCOPES),
        "response_types_supported": ["code"],
        "response_modes_supported": ["query"],
        "grant_types_supported": [
            GRANT_AUTHORIZATION_CODE,
            GRANT_REFRESH_TOKEN,
            GRANT_CLIENT_CREDENTIALS,
            GRANT_DEVICE_CODE,
        ],
        "code_challenge_methods_supported": ["S256"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post", "none"],
        "revocation_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post", "none"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "acr_values_supported": [ACR_MFA, ACR_PASSWORD],
        "claims_supported": ["sub", "name", "preferred_username", "tenants", "acr", "auth_time"],
        "authorization_response_iss_parameter_supported": False,
    }


def problem(status: int, title: str, detail: str, *, headers: dict[str, str] | None = None) -> Response:
    slug = title.lower().replace(" ", "-")
    body = {"type": f"{PROBLEM_TYPE_BASE}{slug}", "title": title, "status": status, "detail": detail}
    response = jsonify(body)
    response.status_code = status
    response.mimetype = "application/problem+json"
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def _session_secret(var_dir: Path) -> bytes:
    """A persistent random key for the session cookie signature (mode 600), created on first use."""
    path = Path(var_dir) / "keys" / "idp-session.key"
    private_dir(path.parent)
    try:
        handle = open_private(path, "xb")
    except FileExistsError:
        return path.read_bytes()
    with handle:
        secret = secrets.token_bytes(32)
        handle.write(secret)
    return secret


def _register_errors(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> Response:
        status = exc.code or 500
        response = problem(status, exc.name, exc.description or exc.name)
        allowed = getattr(exc, "valid_methods", None)
        if status == 405 and allowed:
            response.headers["Allow"] = ", ".join(allowed)
        return response

    @app.errorhandler(Exception)
    def unexpected(exc: Exception) -> Response:
        log.error("identity provider error: %s", type(exc).__name__, exc_info=exc)
        return problem(500, "Internal Server Error", "The identity provider failed to handle this request.")


def create_provider_app(
    settings: Any,
    db: Database,
    keys: KeyStore,
    *,
    audit: AuditSink | None = None,
    throttle: Throttle | None = None,
) -> Flask:
    """The provider's WSGI app; mount it at ``/oauth2`` (its issuer is ``settings.issuer``).

    ``audit`` receives failed sign-ins and client authentications as security events; ``throttle``
    defaults to the database-backed one (tests pass one with their own clock).
    """
    # authlib logs issued tokens at DEBUG ("Issue token ..."): keep its loggers above that, always.
    logging.getLogger("authlib").setLevel(logging.INFO)

    app = Flask("companyos_idp")
    issuer_path = urlsplit(settings.issuer).path or "/"
    app.config.update(
        SECRET_KEY=_session_secret(settings.var_dir),
        SESSION_COOKIE_NAME="companyos_idp_session",
        SESSION_COOKIE_PATH=issuer_path,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=settings.issuer.startswith("https://"),
        MAX_CONTENT_LENGTH=64 * 1024,
        JSON_SORT_KEYS=False,
    )
    server = ProviderServer(
        app, settings, db, keys, throttle=throttle or Throttle(db), events=SecurityEvents(audit, db)
    )
    validator = TokenValidator(settings, keys, db=db)
    app.extensions["companyos_idp"] = server
    _register_errors(app)
    register_pages(app, server)

    @app.get("/.well-known/openid-configuration")
    def oidc_discovery() -> Response:
        response = jsonify(discovery_document(settings))
        response.headers["Cache-Control"] = "public, max-age=300"
        return response

    @app.get("/jwks")
    def get_jwks() -> Response:
        response = jsonify(keys.jwks())
        response.headers["Cache-Control"] = "public, max-age=300"
        return response

    @app.post("/token")
    def token() -> Response:
        return server.create_token_response()  # type: ignore[no-any-return]

    @app.post("/device_authorization")
    def device_authorization() -> Response:
        return server.create_endpoint_response("device_authorization")  # type: ignore[no-any-return]

    @app.post("/revoke")
    def revoke_token() -> Response:
        return server.create_endpoint_response("revocation")  # type: ignore[no-any-return]

    @app.route("/userinfo", methods=["GET", "POST"])
    def userinfo() -> Response:
        scheme, _, value = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not value:
            return problem(
                401,
                "Unauthorized",
                "A bearer access token is required.",
                headers={"WWW-Authenticate": 'Bearer realm="companyos"'},
            )
        try:
            principal = validator.validate(value.strip())
        except TokenError as exc:
            return problem(
                401, "Unauthorized", exc.detail, headers={"WWW-Authenticate": 'Bearer error="invalid_token"'}
            )
        if principal.kind != "user":
            return problem(403, "Forbidden", "userinfo describes users; this token belongs to a client.")
        user = store.load_user(db, principal.subject, acr=principal.acr, auth_time=principal.auth_time)
        if user is None:
            return problem(
                401,
                "Unauthorized",
                "The token's user no longer exists.",
                headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
            )
        response = jsonify(
            {
                "sub": user.user_id,
                "name": user.display_name,
                "preferred_username": user.username,
                "tenants": user.tenants,
                "acr": principal.acr,
                "auth_time": principal.auth_time,
            }
        )
        response.headers["Cache-Control"] = "no-store"
        return response

    @app.after_request
    def no_store(response: Response) -> Response:
        response.headers.setdefault("Cache-Control", "no-store")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        return response

    return app
