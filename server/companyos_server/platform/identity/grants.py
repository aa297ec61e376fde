"""authlib grant and endpoint subclasses: where our storage and security rules plug in.

Each class states the rule it adds beyond authlib's defaults:

- :class:`S256CodeChallenge` — PKCE is mandatory and only ``S256`` is accepted (authlib's
  ``CodeChallenge(required=True)`` still lets ``plain`` and a missing challenge through /authorize);
- :class:`RotatingRefreshTokenGrant` — every refresh rotates the token; replaying a rotated one revokes
  the whole family (refresh tokens and the access tokens issued with them);
- :class:`CodeGrant` — an unregistered ``redirect_uri`` is refused without echoing it (authlib puts it
  in ``error_description``, where characters such as ``\\`` raise instead of answering 400);
- :class:`PollingDeviceCodeGrant` — RFC 8628 ``slow_down`` when a client polls faster than its interval:
  the interval grows by 5 s, the error carries the new ``interval``, and polls are measured against it;
  single-use device codes;
- :class:`FamilyRevocationEndpoint` — RFC 7009 for refresh tokens (whole family) and JWT access tokens
  (their ``jti`` goes on the revocation list).
"""

from __future__ import annotations

import logging
import time
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from authlib.oauth2.rfc6749 import InvalidGrantError, InvalidRequestError, UnauthorizedClientError
from authlib.oauth2.rfc6749.grants import (
    AuthorizationCodeGrant,
    ClientCredentialsGrant,
    RefreshTokenGrant,
)
from authlib.oauth2.rfc7009 import RevocationEndpoint
from authlib.oauth2.rfc7636 import CodeChallenge
from authlib.oauth2.rfc8628 import DeviceAuthorizationEndpoint, DeviceCodeGrant, SlowDownError
from sqlalchemy import or_, select, update

from companyos_server.platform.identity import store
from companyos_server.platform.identity.clients import (
    AccessTokenRef,
    AuthenticatedUser,
    ClientAdapter,
    CodeAdapter,
    DeviceCredential,
    RefreshAdapter,
)
from companyos_server.platform.identity.models import (
    IdpAuthorizationCode,
    IdpDeviceCode,
    IdpRefreshToken,
)
from companyos_server.platform.identity.passwords import digest
from companyos_server.platform.storage import utcnow

if TYPE_CHECKING:
    from companyos_server.platform.identity.authserver import ProviderServer

log = logging.getLogger(__name__)

CLIENT_AUTH_METHODS = ["client_secret_basic", "client_secret_post", "none"]
AUTHORIZATION_CODE_TTL = 300


def _server(grant: Any) -> ProviderServer:
    return grant.server  # type: ignore[no-any-return]


def _source() -> str | None:
    """The client's address for a security event (None outside a request)."""
    from flask import has_request_context, request

    return request.remote_addr if has_request_context() else None


class S256CodeChallenge(CodeChallenge):
    """PKCE with S256 only, for every client (RFC 9700 §2.1.1)."""

    DEFAULT_CODE_CHALLENGE_METHOD = "S256"
    SUPPORTED_CODE_CHALLENGE_METHOD = ["S256"]

    def validate_code_challenge(self, grant: Any, redirect_uri: str) -> None:
        data = grant.request.payload.data
        if not data.get("code_challenge"):
            raise InvalidRequestError("'code_challenge' is required (PKCE with S256).")
        if data.get("code_challenge_method") != "S256":
            raise InvalidRequestError("'code_challenge_method' must be 'S256'.")
        super().validate_code_challenge(grant, redirect_uri)

    def validate_code_verifier(self, grant: Any, result: Any) -> None:
        code = grant.request.authorization_code
        if not code.code_challenge or code.code_challenge_method != "S256":
            raise InvalidGrantError("The authorization code was not bound to an S256 challenge.")
        if not grant.request.form.get("code_verifier"):
            raise InvalidRequestError("Missing 'code_verifier'.")
        super().validate_code_verifier(grant, result)


class CodeGrant(AuthorizationCodeGrant):
    TOKEN_ENDPOINT_AUTH_METHODS = CLIENT_AUTH_METHODS

    @staticmethod
    def validate_authorization_redirect_uri(request: Any, client: ClientAdapter) -> str:
        """RFC 6749 §4.1.2.1: a bad redirect URI is answered here (400), never redirected to."""
        redirect_uri = request.payload.redirect_uri
        if redirect_uri and not client.check_redirect_uri(redirect_uri):
            raise InvalidRequestError(
                "The 'redirect_uri' is not one registered for this client.", state=request.payload.state
            )
        return AuthorizationCodeGrant.validate_authorization_redirect_uri(request, client)  # type: ignore[no-any-return]

    def save_authorization_code(self, code: str, request: Any) -> None:
        user: AuthenticatedUser = request.user
        data = request.payload.data
        with _server(self).db.session() as session:
            session.add(
                IdpAuthorizationCode(
                    code_hash=digest(code),
                    client_id=request.client.get_client_id(),
                    user_id=user.user_id,
                    redirect_uri=request.payload.redirect_uri,
                    scope=user.filter_scope(request.scope or ""),
                    code_challenge=data.get("code_challenge"),
                    code_challenge_method=data.get("code_challenge_method"),
                    nonce=data.get("nonce"),
                    acr=user.acr,
                    auth_time=user.auth_time,
                    expires_at=utcnow() + timedelta(seconds=AUTHORIZATION_CODE_TTL),
                )
            )

    def query_authorization_code(self, code: str, client: ClientAdapter) -> CodeAdapter | None:
        db = _server(self).db
        with db.session() as session:
            row = session.get(IdpAuthorizationCode, digest(code))
        if row is None or row.client_id != client.get_client_id():
            return None
        if row.used_at is not None:
            log.warning("authorization code replayed; revoking what it issued (client %s)", row.client_id)
            store.revoke_code_grant(db, row)
            return None
        if row.expires_at <= utcnow():
            return None
        return CodeAdapter(row)

    def delete_authorization_code(self, authorization_code: CodeAdapter) -> None:
        """Mark the code used (atomically) and remember what it issued, so a replay can revoke it."""
        db = _server(self).db
        jti, exp = getattr(self.request, "issued_access", (None, None))
        family = getattr(self.request, "issued_family", None)
        with db.session() as session:
            result = session.execute(
                update(IdpAuthorizationCode)
                .where(
                    IdpAuthorizationCode.code_hash == authorization_code.row.code_hash,
                    IdpAuthorizationCode.used_at.is_(None),
                )
                .values(used_at=utcnow(), family_id=family, access_jti=jti, access_expires_at=exp)
            )
            claimed = getattr(result, "rowcount", 0) == 1
        if not claimed:  # a concurrent exchange of the same code won the race
            store.revoke_issued(db, family_id=family, access_jti=jti, access_expires_at=exp)
            with db.session() as session:
                row = session.get(IdpAuthorizationCode, authorization_code.row.code_hash)
            if row is not None:
                store.revoke_code_grant(db, row)
            raise InvalidGrantError("The authorization code was already used.")

    def authenticate_user(self, authorization_code: CodeAdapter) -> AuthenticatedUser | None:
        row = authorization_code.row
        return store.load_user(_server(self).db, row.user_id, acr=row.acr, auth_time=row.auth_time)


class ServiceClientCredentialsGrant(ClientCredentialsGrant):
    """Client credentials for confidential clients; the token carries the client's tenant and roles."""

    TOKEN_ENDPOINT_AUTH_METHODS = ["client_secret_basic", "client_secret_post"]

    def create_token_response(self) -> tuple[int, dict[str, Any], Any]:
        client: ClientAdapter = self.request.client
        if client.is_public:
            raise UnauthorizedClientError("Public clients cannot use client credentials.")
        scope = client.get_allowed_scope(self.request.payload.scope)
        token = self.generate_token(scope=scope, include_refresh_token=False)
        self.save_token(token)
        return 200, token, self.TOKEN_RESPONSE_HEADER


class RotatingRefreshTokenGrant(RefreshTokenGrant):
    TOKEN_ENDPOINT_AUTH_METHODS = CLIENT_AUTH_METHODS
    INCLUDE_NEW_REFRESH_TOKEN = True

    def authenticate_refresh_token(self, refresh_token: str) -> RefreshAdapter | None:
        db = _server(self).db
        with db.session() as session:
            row = session.scalar(
                select(IdpRefreshToken).where(IdpRefreshToken.token_hash == digest(refresh_token))
            )
        if row is None or row.revoked_at is not None:
            return None
        if row.rotated_at is not None:
            _server(self).events.refresh_reused(
                user_id=row.user_id, client_id=row.client_id, family_id=row.family_id, source=_source()
            )
            store.revoke_family(db, row.family_id, reason="refresh_reuse")
            return None
        if row.expires_at <= utcnow():
            return None
        return RefreshAdapter(row)

    def authenticate_user(self, refresh_token: RefreshAdapter) -> AuthenticatedUser | None:
        row = refresh_token.row
        return store.load_user(_server(self).db, row.user_id, acr=row.acr, auth_time=row.auth_time)

    def revoke_old_credential(self, refresh_token: RefreshAdapter) -> None:
        """Mark the presented token rotated — atomically, so two racing refreshes cannot both win."""
        db = _server(self).db
        row = refresh_token.row
        with db.session() as session:
            result = session.execute(
                update(IdpRefreshToken)
                .where(IdpRefreshToken.id == row.id, IdpRefreshToken.rotated_at.is_(None))
                .values(rotated_at=utcnow())
            )
            claimed = getattr(result, "rowcount", 0) == 1
        if not claimed:
            log.warning("concurrent refresh token reuse; revoking family %s", row.family_id)
            _server(self).events.refresh_reused(
                user_id=row.user_id, client_id=row.client_id, family_id=row.family_id, source=_source()
            )
            store.revoke_family(db, row.family_id, reason="refresh_reuse")
            raise InvalidGrantError("The refresh token was already used.")


class ProviderDeviceAuthorizationEndpoint(DeviceAuthorizationEndpoint):
    EXPIRES_IN = 600
    INTERVAL = 5

    def create_endpoint_response(self, request: Any) -> Any:
        client = self.authenticate_client(request)
        if not client.check_grant_type(DeviceCodeGrant.GRANT_TYPE):
            raise UnauthorizedClientError("The client is not allowed to use the device flow.")
        return super().create_endpoint_response(request)

    def get_verification_uri(self) -> str:
        return f"{self.server.settings.issuer}/device"

    def save_device_credential(self, client_id: str, scope: str | None, data: dict[str, Any]) -> None:
        server = self.server
        client = server.query_client(client_id)
        with server.db.session() as session:
            session.add(
                IdpDeviceCode(
                    device_code_hash=digest(data["device_code"]),
                    user_code=data["user_code"],
                    client_id=client_id,
                    scope=client.get_allowed_scope(scope),
                    interval=data["interval"],
                    expires_at=utcnow() + timedelta(seconds=data["expires_in"]),
                )
            )


class PollTooFast(SlowDownError):
    """``slow_down`` with the interval the client must now keep (RFC 8628 §3.5 adds 5 s each time)."""

    def __init__(self, interval: int) -> None:
        super().__init__(f"Polling too fast: wait at least {interval} seconds between requests.")
        self.interval = interval

    def get_body(self) -> list[tuple[str, Any]]:
        return [*super().get_body(), ("interval", self.interval)]


class PollingDeviceCodeGrant(DeviceCodeGrant):
    TOKEN_ENDPOINT_AUTH_METHODS = CLIENT_AUTH_METHODS

    def query_device_credential(self, device_code: str) -> DeviceCredential | None:
        with _server(self).db.session() as session:
            row = session.get(IdpDeviceCode, digest(device_code))
            if row is None:
                return None
            return DeviceCredential(
                hash=row.device_code_hash,
                client_id=row.client_id,
                scope=row.scope,
                user_code=row.user_code,
                expires_at=row.expires_at.timestamp(),
            )

    def query_user_grant(self, user_code: str) -> tuple[AuthenticatedUser | None, bool] | None:
        db = _server(self).db
        with db.session() as session:
            row = session.scalar(select(IdpDeviceCode).where(IdpDeviceCode.user_code == user_code))
        if row is None or row.status == "pending":
            return None
        if row.status != "approved" or row.user_id is None:
            return None, False
        user = store.load_user(db, row.user_id, acr=row.acr, auth_time=row.auth_time)
        if user is None:
            return None, False
        return user, True

    def should_slow_down(self, credential: DeviceCredential) -> bool:
        """Record this poll; one sooner than ``interval`` after the previous raises :class:`PollTooFast`.

        A poll is too fast against the interval as it stands, including the 5 s added by every earlier
        ``slow_down`` (RFC 8628 §3.5): the interval only grows, and each too-fast poll restarts it.
        The check and the write are one UPDATE, so concurrent polls cannot both pass.
        """
        now = time.time()
        with _server(self).db.session() as session:
            on_time = session.execute(
                update(IdpDeviceCode)
                .where(
                    IdpDeviceCode.device_code_hash == credential["hash"],
                    or_(
                        IdpDeviceCode.last_poll_at.is_(None),
                        IdpDeviceCode.last_poll_at <= now - IdpDeviceCode.interval,
                    ),
                )
                .values(last_poll_at=now)
            )
            if getattr(on_time, "rowcount", 0) == 1:
                return False
            interval = session.execute(
                update(IdpDeviceCode)
                .where(IdpDeviceCode.device_code_hash == credential["hash"])
                .values(interval=IdpDeviceCode.interval + 5, last_poll_at=now)
                .returning(IdpDeviceCode.interval)
            ).scalar_one_or_none()
        if interval is None:
            return False  # the code went (approved and exchanged, or expired and swept) meanwhile
        raise PollTooFast(interval)

    def create_token_response(self) -> Any:
        credential = self.request.credential
        user: AuthenticatedUser = self.request.user
        # The device code's scope is client-resolved; the user may still lack privileged scopes.
        self.request.credential = DeviceCredential(
            {**credential, "scope": user.filter_scope(credential.get_scope())}
        )
        result = super().create_token_response()
        with _server(self).db.session() as session:
            row = session.get(IdpDeviceCode, credential["hash"])
            if row is not None:
                session.delete(row)  # single use
        return result


class FamilyRevocationEndpoint(RevocationEndpoint):
    CLIENT_AUTH_METHODS = CLIENT_AUTH_METHODS

    def query_token(self, token_string: str, token_type_hint: str | None) -> Any:
        server = self.server
        if token_string.count(".") == 2:
            ref = server.verify_own_access_token(token_string)
            if ref is not None:
                return ref
        with server.db.session() as session:
            row = session.scalar(
                select(IdpRefreshToken).where(IdpRefreshToken.token_hash == digest(token_string))
            )
        return RefreshAdapter(row) if row is not None else None

    def revoke_token(self, token: Any, request: Any) -> None:
        db = self.server.db
        if isinstance(token, AccessTokenRef):
            store.revoke_access_token(db, token.jti, token.expires_at, reason="revoked")
        else:
            store.revoke_family(db, token.row.family_id, reason="revoked")
