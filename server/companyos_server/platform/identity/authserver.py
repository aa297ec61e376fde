"""The authlib authorization server wired to our tables, keys and token format."""

from __future__ import annotations

import base64
import json
import logging
from typing import Any

from authlib.common.security import generate_token
from authlib.integrations.flask_oauth2 import AuthorizationServer
from authlib.oauth2.rfc6749 import InvalidClientError, OAuth2Error
from authlib.oauth2.rfc6749.util import extract_basic_authorization
from authlib.oauth2.rfc9068 import JWTBearerTokenGenerator
from flask import Flask
from flask import request as http_request
from joserfc import jwt
from joserfc.errors import JoseError

from companyos_server.platform.encryption import SecretKeyring
from companyos_server.platform.identity import store
from companyos_server.platform.identity.clients import (
    SUPPORTED_SCOPES,
    AccessTokenRef,
    AuthenticatedUser,
    ClientAdapter,
)
from companyos_server.platform.identity.events import SecurityEvents
from companyos_server.platform.identity.grants import (
    CodeGrant,
    FamilyRevocationEndpoint,
    PollingDeviceCodeGrant,
    ProviderDeviceAuthorizationEndpoint,
    RotatingRefreshTokenGrant,
    S256CodeChallenge,
    ServiceClientCredentialsGrant,
)
from companyos_server.platform.identity.issuer import build_claims, sign_claims
from companyos_server.platform.identity.keys import KeyStore
from companyos_server.platform.identity.throttle import CLIENT, Throttle
from companyos_server.platform.storage import Database

log = logging.getLogger(__name__)


class AccessTokenGenerator(JWTBearerTokenGenerator):
    """RFC 9068 tokens whose claims come from :func:`issuer.build_claims` (one format everywhere)."""

    def __init__(self, settings: Any, keys: KeyStore) -> None:
        super().__init__(
            issuer=settings.issuer,
            alg="RS256",
            refresh_token_generator=_new_refresh_token,
            expires_generator=lambda client, grant_type: settings.access_token_ttl_seconds,
        )
        self.settings = settings
        self.keys = keys

    def access_token_generator(self, client: ClientAdapter, grant_type: str, user: Any, scope: str) -> str:
        scopes = (scope or "").split()
        if isinstance(user, AuthenticatedUser):
            claims = build_claims(
                self.settings,
                subject=user.user_id,
                client_id=client.get_client_id(),
                tenants=user.tenants,
                scopes=scopes,
                acr=user.acr,
                auth_time=user.auth_time,
                name=user.display_name,
            )
        else:  # client credentials: the client is the subject (RFC 9068 §2.2)
            row = client.row
            tenants = {row.tenant_id: list(row.roles or [])} if row.tenant_id else {}
            claims = build_claims(
                self.settings,
                subject=client.get_client_id(),
                client_id=client.get_client_id(),
                tenants=tenants,
                scopes=scopes,
                name=row.name or None,
            )
        return sign_claims(self.keys, claims)


class ThrottledError(OAuth2Error):
    """429 in the endpoint's OAuth JSON shape, with the wait in ``Retry-After`` (RFC 6585 §4)."""

    error = "temporarily_unavailable"
    status_code = 429

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"Too many failed client authentications. Retry in {retry_after} seconds.")
        self.retry_after = retry_after

    def get_headers(self) -> list[tuple[str, str]]:
        return [*super().get_headers(), ("Retry-After", str(self.retry_after))]


class ProviderServer(AuthorizationServer):
    """authlib's Flask server plus the handles our grants use (``db``, ``keys``, ``settings``)."""

    def __init__(
        self,
        app: Flask,
        settings: Any,
        db: Database,
        keys: KeyStore,
        *,
        throttle: Throttle | None = None,
        events: SecurityEvents | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.db = db
        self.keys = keys
        # Opens the TOTP secrets sealed in idp_users (sealing.py); the key lives in the key directory.
        self.secrets = SecretKeyring.for_var_dir(settings.var_dir)
        self.throttle = throttle or Throttle(db)
        self.events = events or SecurityEvents()
        app.config["OAUTH2_SCOPES_SUPPORTED"] = list(SUPPORTED_SCOPES)
        self.init_app(app)
        self.register_grant(CodeGrant, [S256CodeChallenge(required=True)])
        self.register_grant(RotatingRefreshTokenGrant)
        self.register_grant(ServiceClientCredentialsGrant)
        self.register_grant(PollingDeviceCodeGrant)
        self.register_endpoint(ProviderDeviceAuthorizationEndpoint)
        self.register_endpoint(FamilyRevocationEndpoint)

    def create_bearer_token_generator(self, config: Any) -> AccessTokenGenerator:
        return AccessTokenGenerator(self.settings, self.keys)

    def authenticate_client(self, request: Any, methods: Any, endpoint: str = "token") -> ClientAdapter:
        """authlib's client authentication behind the throttle, whenever a client secret is presented.

        Wrong secrets are counted per client, per client and source address, and per source address
        (see :mod:`.throttle`); public clients, which present none, are never slowed by them.
        """
        client_id, secret = extract_basic_authorization(request.headers)
        if not (client_id and secret):
            client_id, secret = request.form.get("client_id"), request.form.get("client_secret")
        if not (client_id and secret):
            return super().authenticate_client(request, methods, endpoint)  # type: ignore[no-any-return]
        source = http_request.remote_addr
        verdict = self.throttle.check(CLIENT, client_id, source)
        if not verdict.allowed:
            self.events.throttled("client authentication", source, verdict.retry_after, verdict.reason)
            raise ThrottledError(verdict.retry_after)
        try:
            client: ClientAdapter = super().authenticate_client(request, methods, endpoint)
        except InvalidClientError:
            self.throttle.failed(CLIENT, client_id, source)
            self.events.client_authentication_failed(
                client_id, source, endpoint=endpoint, request_id=http_request.headers.get("X-Request-Id")
            )
            raise
        self.throttle.succeeded(CLIENT, client_id, source, verdict)
        return client

    def query_client(self, client_id: str) -> ClientAdapter | None:
        if not client_id:
            return None
        return store.get_client(self.db, client_id)

    def save_token(self, token: dict[str, Any], request: Any) -> None:
        """Persist the refresh token (if any); access tokens are self-contained JWTs."""
        claims = _unverified_claims(token["access_token"])
        # Remembered on the request so the code grant can tie the code to what it issued (replay).
        request.issued_access = (claims.get("jti"), claims.get("exp"))
        request.issued_family = None
        refresh_token = token.get("refresh_token")
        user = request.user
        self.events.token_issued(
            user_id=user.user_id if isinstance(user, AuthenticatedUser) else None,
            client_id=request.client.get_client_id(),
            grant_type=str(getattr(request.payload, "grant_type", None) or "unknown"),
            source=http_request.remote_addr,
        )
        if not refresh_token or not isinstance(user, AuthenticatedUser):
            return
        previous = getattr(request, "refresh_token", None)
        request.issued_family = store.save_refresh_token(
            self.db,
            refresh_token=refresh_token,
            family_id=previous.row.family_id if previous is not None else None,
            client_id=request.client.get_client_id(),
            user=user,
            scope=token.get("scope", ""),
            access_jti=claims.get("jti"),
            access_expires_at=claims.get("exp"),
        )

    def verify_own_access_token(self, token: str) -> AccessTokenRef | None:
        """Signature-check one of our access tokens (expiry ignored: revoking a dead token is a no-op)."""
        try:
            decoded = jwt.decode(token, self.keys.public_key_set(), algorithms=["RS256"])
        except (JoseError, ValueError):
            return None
        claims = decoded.claims
        if claims.get("iss") != self.settings.issuer or not isinstance(claims.get("jti"), str):
            return None
        return AccessTokenRef(
            jti=claims["jti"], client_id=claims.get("client_id"), expires_at=int(claims["exp"])
        )


def _new_refresh_token(**_: Any) -> str:
    return generate_token(48)


def _unverified_claims(token: str) -> dict[str, Any]:
    """Claims of a token we just minted ourselves (no need to verify our own signature)."""
    payload = token.split(".")[1]
    data = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    return data if isinstance(data, dict) else {}
