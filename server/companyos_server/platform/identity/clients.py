"""Adapters between our tables and authlib's client/user/credential protocols, plus scope policy."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from authlib.oauth2.rfc6749 import ClientMixin

from companyos_server.platform.identity.models import IdpClient, IdpUser
from companyos_server.platform.identity.passwords import verify_digest
from companyos_server.platform.principal import SCOPE_CROSS_TENANT, SCOPE_PLATFORM_ADMIN

GRANT_AUTHORIZATION_CODE = "authorization_code"
GRANT_REFRESH_TOKEN = "refresh_token"
GRANT_CLIENT_CREDENTIALS = "client_credentials"
GRANT_DEVICE_CODE = "urn:ietf:params:oauth:grant-type:device_code"

# Scopes a user must hold (IdpUser.scopes) to receive; silently dropped otherwise.
PRIVILEGED_SCOPES = frozenset({SCOPE_PLATFORM_ADMIN, SCOPE_CROSS_TENANT})
SUPPORTED_SCOPES = ("openid", "profile", "offline_access", "api", SCOPE_PLATFORM_ADMIN, SCOPE_CROSS_TENANT)
DEFAULT_SCOPES = ("openid", "profile", "api")
_LOOPBACK_HOSTS = frozenset({"127.0.0.1", "::1", "[::1]", "localhost"})


def _split(scope: str | None) -> list[str]:
    return [s for s in (scope or "").split() if s]


def is_loopback_match(requested: str, registered: str) -> bool:
    """RFC 8252 §7.3: a loopback redirect matches a registered one on any port.

    Scheme, host, path and query must match exactly; only the port may differ (native apps bind an
    ephemeral port). Only plain ``http`` loopback URIs qualify.
    """
    try:
        req, reg = urlsplit(requested), urlsplit(registered)
        req_port, reg_port = req.port, reg.port  # raises ValueError on a malformed port
    except ValueError:
        return False
    del reg_port
    return (
        req_port != 0  # "any free port" is an instruction to bind, never a place a response can go
        and req.scheme == reg.scheme == "http"
        and req.hostname is not None
        and req.hostname == reg.hostname
        and req.hostname in _LOOPBACK_HOSTS | {"::1"}
        and req.path == reg.path
        and req.query == reg.query
        and not req.fragment
        and not req.username
        and not req.password
    )


def is_deliverable_redirect(uri: str) -> bool:
    """A redirect URI a browser will send the response to, and only there.

    Refused whatever is registered: backslashes (browsers read ``\\`` as ``/``, so
    ``http://127.0.0.1\\@evil.example/cb`` goes to evil.example while a URL parser sees 127.0.0.1),
    whitespace and control characters, and port 0 (not a port anything listens on).
    """
    if any(ch == "\\" or ch.isspace() or ord(ch) < 0x20 or ord(ch) == 0x7F for ch in uri):
        return False
    try:
        port = urlsplit(uri).port
    except ValueError:
        return False
    return port != 0


class ClientAdapter(ClientMixin):
    """An :class:`IdpClient` row seen through authlib's ``ClientMixin``."""

    def __init__(self, row: IdpClient) -> None:
        self.row = row
        self.client_id = row.client_id

    @property
    def is_public(self) -> bool:
        return self.row.client_type == "public"

    def get_client_id(self) -> str:
        return self.row.client_id

    def get_default_redirect_uri(self) -> str | None:
        uris = self.row.redirect_uris or []
        return uris[0] if len(uris) == 1 else None

    def allowed_scopes(self) -> list[str]:
        return _split(self.row.allowed_scopes) or list(SUPPORTED_SCOPES)

    def get_allowed_scope(self, scope: str | None) -> str:
        """Requested ∩ allowed; an omitted scope means the client's defaults (RFC 6749 §3.3)."""
        allowed = self.allowed_scopes()
        if scope is None:
            return " ".join(s for s in allowed if s in DEFAULT_SCOPES or s in PRIVILEGED_SCOPES)
        return " ".join(s for s in dict.fromkeys(_split(scope)) if s in allowed)

    def check_redirect_uri(self, redirect_uri: str) -> bool:
        if not is_deliverable_redirect(redirect_uri):
            return False
        registered = self.row.redirect_uris or []
        if redirect_uri in registered:
            return True
        return any(is_loopback_match(redirect_uri, uri) for uri in registered)

    def check_client_secret(self, client_secret: str) -> bool:
        return not self.is_public and verify_digest(client_secret, self.row.secret_hash)

    def check_endpoint_auth_method(self, method: str, endpoint: str) -> bool:
        if self.is_public:
            return method == "none"
        return method in ("client_secret_basic", "client_secret_post")

    def check_response_type(self, response_type: str) -> bool:
        return response_type == "code" and GRANT_AUTHORIZATION_CODE in (self.row.grant_types or [])

    def check_grant_type(self, grant_type: str) -> bool:
        return grant_type in (self.row.grant_types or [])


@dataclass(frozen=True)
class AuthenticatedUser:
    """A user plus how and when they authenticated: what access tokens are minted from."""

    user_id: str
    username: str
    display_name: str | None
    tenants: dict[str, list[str]]
    scopes: frozenset[str] = field(default_factory=frozenset)
    acr: str | None = None
    auth_time: int | None = None

    @classmethod
    def from_row(cls, row: IdpUser, *, acr: str | None, auth_time: int | None) -> AuthenticatedUser:
        return cls(
            user_id=row.id,
            username=row.username,
            display_name=row.display_name or row.username,
            tenants={t: list(r) for t, r in (row.tenants or {}).items()},
            scopes=frozenset(_split(row.scopes)),
            acr=acr,
            auth_time=auth_time,
        )

    def get_user_id(self) -> str:
        return self.user_id

    def filter_scope(self, scope: str) -> str:
        """Drop privileged scopes the user does not hold."""
        return " ".join(s for s in _split(scope) if s not in PRIVILEGED_SCOPES or s in self.scopes)


class CodeAdapter:
    """An authorization code row for authlib (``CodeChallenge`` reads the two challenge attributes)."""

    def __init__(self, row: Any) -> None:
        self.row = row
        self.code_challenge = row.code_challenge
        self.code_challenge_method = row.code_challenge_method

    def get_redirect_uri(self) -> str | None:
        return self.row.redirect_uri

    def get_scope(self) -> str:
        return self.row.scope

    def get_nonce(self) -> str | None:
        return self.row.nonce

    def get_auth_time(self) -> int | None:
        return self.row.auth_time

    def get_acr(self) -> str | None:
        return self.row.acr


class RefreshAdapter:
    """A refresh-token row for authlib's refresh grant and revocation endpoint."""

    kind = "refresh_token"

    def __init__(self, row: Any) -> None:
        self.row = row

    def check_client(self, client: ClientAdapter) -> bool:
        return bool(self.row.client_id == client.get_client_id())

    def get_scope(self) -> str:
        return self.row.scope


@dataclass(frozen=True)
class AccessTokenRef:
    """A verified access token presented at the revocation endpoint."""

    jti: str
    client_id: str | None
    expires_at: int
    kind: str = "access_token"

    def check_client(self, client: ClientAdapter) -> bool:
        return self.client_id == client.get_client_id()

    def get_scope(self) -> str:
        return ""


class DeviceCredential(dict):  # type: ignore[type-arg]
    """A device-code row in the shape ``DeviceCodeGrant`` expects."""

    def get_client_id(self) -> str:
        return str(self["client_id"])

    def get_scope(self) -> str:
        return str(self.get("scope") or "")

    def get_user_code(self) -> str:
        return str(self["user_code"])

    def is_expired(self) -> bool:
        return float(self["expires_at"]) < time.time()
