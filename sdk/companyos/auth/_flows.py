"""ClientCredentials, DeviceCode (RFC 8628) and AuthorizationCodePKCE (RFC 7636 + RFC 8252)."""

from __future__ import annotations

import base64
import hashlib
import secrets
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import httpx

from companyos._exceptions import OAuthError
from companyos._flow import Call, Flow, Sleep

from ._base import AuthContext, OAuthAuth, Token, basic_auth_header, oauth_error
from ._cache import MemoryTokenCache, TokenCache, default_token_cache

__all__ = ["AuthorizationCodePKCE", "ClientCredentials", "DeviceAuthorization", "DeviceCode"]

DEFAULT_PUBLIC_CLIENT = "companyos-cli"
DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"


class ClientCredentials(OAuthAuth):
    """A confidential service client (machine to machine). The token URL comes from discovery.

    Tokens are kept in memory by default: minting a new one is cheap and a service secret is at hand.
    """

    kind = "client_credentials"

    def __init__(
        self,
        client_id: str,
        client_secret: str,
        *,
        scope: str = "api",
        issuer: str | None = None,
        token_cache: TokenCache | None = None,
    ) -> None:
        super().__init__(
            client_id=client_id, scope=scope, issuer=issuer, token_cache=token_cache or MemoryTokenCache()
        )
        self._secret = client_secret

    def __repr__(self) -> str:
        return f"ClientCredentials(client_id={self.client_id!r}, client_secret=[REDACTED])"

    def client_auth(self, data: dict[str, str], headers: dict[str, str]) -> None:
        headers["Authorization"] = basic_auth_header(self.client_id, self._secret)

    def grant_flow(self, ctx: AuthContext, metadata: dict[str, Any]) -> Flow[Token]:
        response = yield from self.token_request(
            ctx, metadata, {"grant_type": "client_credentials", "scope": self.scope}
        )
        if response.status_code != 200:
            raise oauth_error(response)
        return Token.from_response(response.json(), ctx.now())


@dataclass(frozen=True)
class DeviceAuthorization:
    """What the user needs to approve a device: visit ``verification_uri`` and enter ``user_code``."""

    verification_uri: str
    user_code: str
    verification_uri_complete: str | None
    expires_in: int
    interval: int


def print_device_prompt(info: DeviceAuthorization) -> None:
    print(
        f"To sign in, open {info.verification_uri} and enter the code {info.user_code}"
        + (f"\n(or open {info.verification_uri_complete})" if info.verification_uri_complete else ""),
        file=sys.stderr,
        flush=True,
    )


class DeviceCode(OAuthAuth):
    """Device authorization grant for CLIs and headless machines (RFC 8628).

    ``prompt`` receives a ``DeviceAuthorization`` (default: printed to stderr); it may be a coroutine
    function under ``AsyncClient``. Polling follows ``interval`` and adds 5 s on ``slow_down``;
    ``expired_token`` raises ``ExpiredTokenError`` and ``access_denied`` raises ``AccessDeniedError``.
    """

    kind = "device_code"

    def __init__(
        self,
        client_id: str = DEFAULT_PUBLIC_CLIENT,
        *,
        scope: str = "openid offline_access api",
        issuer: str | None = None,
        token_cache: TokenCache | None = None,
        prompt: Callable[[DeviceAuthorization], Any] | None = None,
    ) -> None:
        super().__init__(
            client_id=client_id,
            scope=scope,
            issuer=issuer,
            token_cache=token_cache if token_cache is not None else default_token_cache(),
        )
        self.prompt = prompt or print_device_prompt

    def grant_flow(self, ctx: AuthContext, metadata: dict[str, Any]) -> Flow[Token]:
        endpoint = metadata.get("device_authorization_endpoint")
        if not endpoint:
            raise OAuthError("unsupported", "the provider has no device_authorization_endpoint")
        started = yield from self.send(
            ctx,
            httpx.Request(
                "POST",
                endpoint,
                data={"client_id": self.client_id, "scope": self.scope},
                headers={**ctx.headers, "Accept": "application/json"},
            ),
        )
        if started.status_code != 200:
            raise oauth_error(started)
        body = started.json()
        info = DeviceAuthorization(
            verification_uri=body["verification_uri"],
            user_code=body["user_code"],
            verification_uri_complete=body.get("verification_uri_complete"),
            expires_in=int(body.get("expires_in", 600)),
            interval=int(body.get("interval", 5)),
        )
        yield Call(self.prompt, (info,))
        interval = float(info.interval)
        deadline = ctx.now() + info.expires_in
        while True:
            yield Sleep(interval)
            response = yield from self.token_request(
                ctx, metadata, {"grant_type": DEVICE_GRANT, "device_code": body["device_code"]}
            )
            if response.status_code == 200:
                return Token.from_response(response.json(), ctx.now())
            error = oauth_error(response)
            if error.error == "authorization_pending":
                if ctx.now() > deadline:
                    from companyos._exceptions import ExpiredTokenError

                    raise ExpiredTokenError("expired_token", "the device code expired", response=response)
                continue
            if error.error == "slow_down":
                interval += 5
                continue
            raise error


def pkce_pair() -> tuple[str, str]:
    """A (code_verifier, S256 code_challenge) pair."""
    verifier = secrets.token_urlsafe(64)[:96]
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return verifier, base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def open_in_browser(url: str) -> None:
    import webbrowser

    print(f"Opening your browser to sign in. If it does not open, visit:\n{url}", file=sys.stderr, flush=True)
    webbrowser.open(url)


def print_url(url: str) -> None:
    print(f"To sign in, open:\n{url}", file=sys.stderr, flush=True)


class AuthorizationCodePKCE(OAuthAuth):
    """Authorization code + PKCE (S256) for desktop apps, with an RFC 8252 loopback redirect.

    A one-shot HTTP listener on ``127.0.0.1`` and an ephemeral port receives the redirect.
    ``open_browser`` is True (open the system browser and print the URL), False (print only) or a
    callable receiving the URL (may be a coroutine function under ``AsyncClient``). ``acr_values`` and
    ``max_age`` request a stronger authentication (RFC 9470 step-up).
    """

    kind = "authorization_code"

    def __init__(
        self,
        client_id: str = DEFAULT_PUBLIC_CLIENT,
        *,
        scope: str = "openid offline_access api",
        issuer: str | None = None,
        token_cache: TokenCache | None = None,
        open_browser: bool | Callable[[str], Any] = True,
        acr_values: str | list[str] | None = None,
        max_age: int | None = None,
        timeout: float = 300.0,
        redirect_path: str = "/callback",
    ) -> None:
        super().__init__(
            client_id=client_id,
            scope=scope,
            issuer=issuer,
            token_cache=token_cache if token_cache is not None else default_token_cache(),
        )
        if callable(open_browser):
            self.open_browser: Callable[[str], Any] = open_browser
        else:
            self.open_browser = open_in_browser if open_browser else print_url
        self.acr_values = " ".join(acr_values) if isinstance(acr_values, list) else acr_values
        self.max_age = max_age
        self.timeout = timeout
        self.redirect_path = redirect_path

    def cache_key(self, ctx: AuthContext) -> str:
        return f"{super().cache_key(ctx)}|{self.acr_values or ''}"

    def grant_flow(self, ctx: AuthContext, metadata: dict[str, Any]) -> Flow[Token]:
        from ._loopback import LoopbackServer  # http.server: only when a browser sign-in happens

        verifier, challenge = pkce_pair()
        state = secrets.token_urlsafe(24)
        with LoopbackServer(path=self.redirect_path) as server:
            params: dict[str, str] = {
                "response_type": "code",
                "client_id": self.client_id,
                "redirect_uri": server.redirect_uri,
                "scope": self.scope,
                "state": state,
                "code_challenge": challenge,
                "code_challenge_method": "S256",
            }
            if self.acr_values:
                params["acr_values"] = self.acr_values
            if self.max_age is not None:
                params["max_age"] = str(self.max_age)
            yield Call(self.open_browser, (f"{metadata['authorization_endpoint']}?{urlencode(params)}",))
            result: dict[str, str] | None = yield Call(server.wait, (self.timeout,), blocking=True)
        if result is None:
            raise OAuthError("timeout", f"no redirect to {server.redirect_uri} within {self.timeout:.0f} s")
        if result.get("state") != state:
            raise OAuthError("invalid_state", "the redirect's state does not match (possible CSRF)")
        if "error" in result:
            from companyos._exceptions import AccessDeniedError

            cls = AccessDeniedError if result["error"] == "access_denied" else OAuthError
            raise cls(result["error"], result.get("error_description"))
        response = yield from self.token_request(
            ctx,
            metadata,
            {
                "grant_type": "authorization_code",
                "code": result.get("code", ""),
                "redirect_uri": server.redirect_uri,
                "code_verifier": verifier,
            },
        )
        if response.status_code != 200:
            raise oauth_error(response)
        return Token.from_response(response.json(), ctx.now())
