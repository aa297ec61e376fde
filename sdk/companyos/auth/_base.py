"""Credentials as I/O-free flows: each yields the token-endpoint requests it needs and returns a token."""

from __future__ import annotations

import base64
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import httpx

from companyos._exceptions import APIConnectionError, OAuthError
from companyos._flow import Flow, Send, Sleep
from companyos._logs import logger
from companyos._retry import RetryPolicy

if TYPE_CHECKING:
    from ._cache import TokenCache

__all__ = ["Auth", "AuthContext", "OAuthAuth", "StaticToken", "StepUpChallenge", "Token"]


_AUTH_PARAM = re.compile(r'(\w+)=(?:"([^"]*)"|([^\s,]+))')


@dataclass(frozen=True)
class StepUpChallenge:
    """An RFC 9470 ``insufficient_user_authentication`` challenge, handed to ``on_step_up``."""

    acr_values: list[str]
    max_age: int | None
    error_description: str | None = None
    request_id: str | None = None

    @classmethod
    def parse(cls, header: str | None) -> StepUpChallenge | None:
        if not header or "insufficient_user_authentication" not in header:
            return None
        params = {name: quoted or bare for name, quoted, bare in _AUTH_PARAM.findall(header)}
        if params.get("error") != "insufficient_user_authentication":
            return None
        max_age = params.get("max_age")
        return cls(
            acr_values=(params.get("acr_values") or "").split(),
            max_age=int(max_age) if max_age and max_age.isdigit() else None,
            error_description=params.get("error_description"),
        )


@dataclass
class Token:
    access_token: str
    expires_at: float | None = None
    refresh_token: str | None = None
    scope: str | None = None
    token_type: str = "Bearer"
    extra: dict[str, Any] = field(default_factory=dict, repr=False)

    def __repr__(self) -> str:  # never print secrets
        return f"Token(expires_at={self.expires_at!r}, scope={self.scope!r}, refresh={self.refresh_token is not None})"

    def expires_soon(self, now: float, margin: float) -> bool:
        return self.expires_at is not None and now >= self.expires_at - margin

    @classmethod
    def from_response(cls, body: dict[str, Any], now: float) -> Token:
        expires_in = body.get("expires_in")
        return cls(
            access_token=body["access_token"],
            expires_at=now + float(expires_in) if expires_in is not None else None,
            refresh_token=body.get("refresh_token"),
            scope=body.get("scope"),
            token_type=body.get("token_type", "Bearer"),
            extra={k: v for k, v in body.items() if k == "id_token"},
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "access_token": self.access_token,
            "expires_at": self.expires_at,
            "refresh_token": self.refresh_token,
            "scope": self.scope,
            "token_type": self.token_type,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Token:
        return cls(
            access_token=data["access_token"],
            expires_at=data.get("expires_at"),
            refresh_token=data.get("refresh_token"),
            scope=data.get("scope"),
            token_type=data.get("token_type") or "Bearer",
        )


@dataclass(frozen=True)
class AuthContext:
    """What a credential may know about the client driving it."""

    base_url: httpx.URL
    now: Callable[[], float]
    headers: dict[str, str]
    # The client's own policy: identity-provider requests (discovery, token endpoint) are retried like
    # API calls, on connection errors, timeouts, 408, 429 and 5xx, honouring Retry-After.
    retry_policy: RetryPolicy = field(default_factory=RetryPolicy)
    max_retries: int = 0


class Auth:
    """A credential. Subclasses implement ``token_flow``; the clients drive it."""

    def token_flow(
        self, ctx: AuthContext, *, force_refresh: bool = False, failed_token: str | None = None
    ) -> Flow[str | None]:
        raise NotImplementedError
        yield  # pragma: no cover

    def ready_token(self) -> str | None:
        """The token when it is at hand with no I/O and no clock (a static token), else None: the client
        then runs ``token_flow``. Saves the flow's machinery on every request of a static credential."""
        return None

    @property
    def can_refresh(self) -> bool:
        """Whether a 401 is worth one retry with a fresh token."""
        return False

    def set_token(self, token: Token) -> None:
        raise NotImplementedError


class StaticToken(Auth):
    """A bearer token you already have (for example from your own OIDC library)."""

    def __init__(self, token: str) -> None:
        self._token = token

    def __repr__(self) -> str:
        return "StaticToken([REDACTED])"

    def token_flow(
        self, ctx: AuthContext, *, force_refresh: bool = False, failed_token: str | None = None
    ) -> Flow[str | None]:
        return self._token
        yield  # pragma: no cover

    def ready_token(self) -> str | None:
        # A subclass with its own token_flow keeps it: the shortcut is for this class's flow only.
        return self._token if type(self).token_flow is StaticToken.token_flow else None

    def set_token(self, token: Token) -> None:
        self._token = token.access_token


def oauth_error(response: httpx.Response) -> OAuthError:
    from companyos._exceptions import AccessDeniedError, ExpiredTokenError

    try:
        body = response.json()
    except ValueError:
        body = {}
    code = str(body.get("error") or f"http_{response.status_code}")
    cls = {"access_denied": AccessDeniedError, "expired_token": ExpiredTokenError}.get(code, OAuthError)
    return cls(code, body.get("error_description"), response=response)


class OAuthAuth(Auth):
    """Shared machinery for OAuth 2.0 credentials: discovery, cache, refresh (with rotation)."""

    kind = "oauth"

    def __init__(
        self,
        *,
        client_id: str,
        scope: str,
        issuer: str | None = None,
        token_cache: TokenCache | None = None,
        refresh_margin: float = 60.0,
    ) -> None:
        self.client_id = client_id
        self.scope = scope
        self.issuer = issuer
        self.token_cache = token_cache
        self.refresh_margin = refresh_margin
        self._token: Token | None = None
        self._metadata: dict[str, Any] | None = None

    @property
    def can_refresh(self) -> bool:
        return True

    def set_token(self, token: Token) -> None:
        self._token = token

    def issuer_url(self, ctx: AuthContext) -> str:
        return (self.issuer or str(ctx.base_url.join("/oauth2"))).rstrip("/")

    def cache_key(self, ctx: AuthContext) -> str:
        return f"{self.issuer_url(ctx)}|{self.client_id}|{self.kind}|{self.scope}"

    # -- flows -----------------------------------------------------------------------------------
    def token_flow(
        self, ctx: AuthContext, *, force_refresh: bool = False, failed_token: str | None = None
    ) -> Flow[str | None]:
        token = self._token
        if token is None and self.token_cache is not None:
            cached = self.token_cache.get(self.cache_key(ctx))
            token = self._token = Token.from_dict(cached) if cached else None
        if token is not None:
            if force_refresh and failed_token is not None and token.access_token != failed_token:
                return token.access_token  # another call already replaced the rejected token
            if not force_refresh and not token.expires_soon(ctx.now(), self.refresh_margin):
                return token.access_token
        metadata = yield from self.metadata_flow(ctx)
        new: Token | None = None
        if token is not None and token.refresh_token:
            new = yield from self._refresh_flow(ctx, metadata, token)
        if new is None:
            new = yield from self.grant_flow(ctx, metadata)
        self._store(ctx, new)
        return new.access_token

    def grant_flow(self, ctx: AuthContext, metadata: dict[str, Any]) -> Flow[Token]:
        raise NotImplementedError
        yield  # pragma: no cover

    def metadata_flow(self, ctx: AuthContext) -> Flow[dict[str, Any]]:
        """OpenID Provider metadata from ``{issuer}/.well-known/openid-configuration`` (fetched once)."""
        if self._metadata is None:
            url = f"{self.issuer_url(ctx)}/.well-known/openid-configuration"
            response = yield from self.send(ctx, httpx.Request("GET", url, headers=ctx.headers))
            if response.status_code != 200:
                raise OAuthError(
                    "discovery_failed", f"{url} answered {response.status_code}", response=response
                )
            self._metadata = response.json()
        return self._metadata

    def _refresh_flow(self, ctx: AuthContext, metadata: dict[str, Any], token: Token) -> Flow[Token | None]:
        response = yield from self.token_request(
            ctx, metadata, {"grant_type": "refresh_token", "refresh_token": token.refresh_token or ""}
        )
        if response.status_code != 200:
            logger.info("refresh token rejected (%s); starting a new grant", oauth_error(response).error)
            return None
        new = Token.from_response(response.json(), ctx.now())
        if new.refresh_token is None:  # no rotation: keep the old one
            new.refresh_token = token.refresh_token
        return new

    def _store(self, ctx: AuthContext, token: Token) -> None:
        self._token = token
        if self.token_cache is not None:
            self.token_cache.set(self.cache_key(ctx), token.to_dict())

    def forget(self, ctx: AuthContext) -> None:
        self._token = None
        if self.token_cache is not None:
            self.token_cache.delete(self.cache_key(ctx))

    # -- HTTP helpers ------------------------------------------------------------------------------
    def client_auth(self, data: dict[str, str], headers: dict[str, str]) -> None:
        """Public clients send ``client_id`` in the form; confidential ones override this."""
        data["client_id"] = self.client_id

    def token_request(
        self, ctx: AuthContext, metadata: dict[str, Any], form: dict[str, str]
    ) -> Flow[httpx.Response]:
        headers = {**ctx.headers, "Accept": "application/json"}
        data = dict(form)
        self.client_auth(data, headers)
        request = httpx.Request("POST", metadata["token_endpoint"], data=data, headers=headers)
        return (yield from self.send(ctx, request))

    @staticmethod
    def send(ctx: AuthContext, request: httpx.Request) -> Flow[httpx.Response]:
        """Send an identity-provider request, retried under the client's ``RetryPolicy``."""
        attempt = 0
        while True:
            result = yield Send(request)
            if isinstance(result, BaseException):
                if attempt < ctx.max_retries:
                    delay = ctx.retry_policy.delay(attempt, None, ctx.now())
                    logger.info("identity provider unreachable (%s); retrying in %.2f s", result, delay)
                else:
                    raise APIConnectionError(
                        f"identity provider unreachable: {result}", request=request
                    ) from result
            elif ctx.retry_policy.should_retry_status(result.status_code) and attempt < ctx.max_retries:
                delay = ctx.retry_policy.delay(attempt, result.headers.get("retry-after"), ctx.now())
                logger.info("%s from %s; retrying in %.2f s", result.status_code, request.url.path, delay)
            else:
                return result  # type: ignore[no-any-return]
            yield Sleep(delay)
            attempt += 1


def basic_auth_header(client_id: str, secret: str) -> str:
    """RFC 6749 §2.3.1: form-urlencode both parts, then HTTP Basic."""
    raw = f"{quote(client_id, safe='')}:{quote(secret, safe='')}".encode()
    return "Basic " + base64.b64encode(raw).decode()
