"""Sign-in (authorization code + PKCE S256 with the console's own client), refresh through the SDK,
RFC 9470 step-up, sign-out.

The browser only ever holds a signed session id; tokens stay in the server-side session. Every sign-in
(the first one and each step-up) starts a new session id and deletes the old one.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import httpx
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

import companyos
from companyos.auth import AuthContext
from companyos_console.config import SCOPE, ConsoleConfig
from companyos_console.sessions import CookieCodec, SessionStore

ACR_MFA = "urn:companyos:acr:mfa"


class SignInRequired(Exception):
    """No session, or its tokens can no longer be refreshed: the user signs in (again)."""


@dataclass
class Session:
    sid: str
    data: dict[str, Any]
    store: SessionStore

    def save(self) -> None:
        self.store.save(self.sid, self.data)

    @property
    def signed_in(self) -> bool:
        return "token" in self.data

    @property
    def csrf_token(self) -> str:
        return str(self.data.get("csrf", ""))

    def flash(self, message: str, kind: str = "info") -> None:
        self.data.setdefault("flash", []).append({"kind": kind, "message": message})
        self.save()

    def pop_flashes(self) -> list[dict[str, str]]:
        messages = self.data.pop("flash", [])
        if messages:
            self.save()
        return list(messages)


class SessionTokenCache:
    """A ``companyos.auth.TokenCache`` over the session: the SDK reads the token here and writes every
    refreshed (rotated) token back."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, key: str) -> dict[str, Any] | None:
        token = self.session.data.get("token")
        return dict(token) if isinstance(token, dict) else None

    def set(self, key: str, value: dict[str, Any]) -> None:
        self.session.data["token"] = value
        self.session.save()

    def delete(self, key: str) -> None:
        self.session.data.pop("token", None)
        self.session.save()


class ConsoleCredential(companyos.AuthorizationCodePKCE):
    """The signed-in user's tokens for the SDK. The SDK refreshes them before they expire; when the
    refresh token is refused it would start a new grant, which in a web app means a new sign-in."""

    def __init__(self, config: ConsoleConfig, session: Session) -> None:
        super().__init__(
            client_id=config.client_id,
            scope=SCOPE,
            issuer=config.issuer_url,
            token_cache=SessionTokenCache(session),
            open_browser=False,
        )
        self._secret = config.client_secret

    def client_auth(self, data: dict[str, str], headers: dict[str, str]) -> None:
        if self._secret:
            headers["Authorization"] = _basic(self.client_id, self._secret)
        else:
            data["client_id"] = self.client_id

    def grant_flow(self, ctx: AuthContext, metadata: dict[str, Any]) -> Any:
        raise SignInRequired("the session's refresh token was refused")
        yield  # pragma: no cover (a generator, as the SDK drives it)


def _basic(client_id: str, secret: str) -> str:
    from urllib.parse import quote

    raw = f"{quote(client_id, safe='')}:{quote(secret, safe='')}".encode()
    return "Basic " + base64.b64encode(raw).decode()


def pkce_pair() -> tuple[str, str]:
    verifier = secrets.token_urlsafe(64)
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return verifier, base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


class Authenticator:
    """Sessions, cookies and the OAuth conversation with the identity provider."""

    def __init__(self, config: ConsoleConfig, http: httpx.AsyncClient, store: SessionStore) -> None:
        self.config = config
        self.http = http
        self.store = store
        self.cookies = CookieCodec(config.signing_key(), max_age=config.session_idle_seconds)
        self._metadata: dict[str, Any] | None = None

    # -- sessions ----------------------------------------------------------------------------------
    def session_of(self, request: Request) -> Session | None:
        sid = self.cookies.decode(request.cookies.get(self.cookie_name))
        if sid is None:
            return None
        data = self.store.get(sid)
        return Session(sid, data, self.store) if data is not None else None

    @property
    def cookie_name(self) -> str:
        from companyos_console.config import COOKIE_NAME

        return COOKIE_NAME

    def set_cookie(self, response: Response, request: Request, sid: str) -> None:
        response.set_cookie(
            self.cookie_name,
            self.cookies.encode(sid),
            max_age=self.config.session_idle_seconds,
            path=_base(request) or "/",
            httponly=True,
            samesite="lax",
            secure=self.config.secure_cookies,
        )

    def clear_cookie(self, response: Response, request: Request) -> None:
        response.delete_cookie(self.cookie_name, path=_base(request) or "/", httponly=True, samesite="lax")

    def new_session(self, data: dict[str, Any]) -> Session:
        data.setdefault("csrf", secrets.token_urlsafe(32))
        return Session(self.store.create(data), data, self.store)

    # -- the provider ------------------------------------------------------------------------------
    async def metadata(self) -> dict[str, Any]:
        if self._metadata is None:
            url = f"{self.config.issuer_url}/.well-known/openid-configuration"
            response = await self.http.get(url)
            response.raise_for_status()
            self._metadata = response.json()
        return self._metadata

    async def authorize_redirect(
        self, request: Request, session: Session, *, next_url: str, step_up: dict[str, Any] | None = None
    ) -> Response:
        """Remember state + verifier in the session and send the browser to the provider."""
        verifier, challenge = pkce_pair()
        state = secrets.token_urlsafe(24)
        session.data["oauth"] = {"state": state, "verifier": verifier, "next": next_url}
        session.save()
        params = {
            "response_type": "code",
            "client_id": self.config.client_id,
            "redirect_uri": self.config.redirect_uri,
            "scope": SCOPE,
            "state": state,
            "code_challenge": challenge,
            "code_challenge_method": "S256",
        }
        if step_up:
            params["acr_values"] = " ".join(step_up.get("acr_values") or [ACR_MFA])
            if step_up.get("max_age") is not None:
                params["max_age"] = str(step_up["max_age"])
        metadata = await self.metadata()
        response = RedirectResponse(f"{metadata['authorization_endpoint']}?{urlencode(params)}", 303)
        self.set_cookie(response, request, session.sid)
        return response

    async def exchange(self, code: str, verifier: str) -> dict[str, Any]:
        metadata = await self.metadata()
        form = {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": self.config.redirect_uri,
            "code_verifier": verifier,
        }
        headers = {"Accept": "application/json"}
        if self.config.client_secret:
            headers["Authorization"] = _basic(self.config.client_id, self.config.client_secret)
        else:
            form["client_id"] = self.config.client_id
        response = await self.http.post(metadata["token_endpoint"], data=form, headers=headers)
        if response.status_code != 200:
            raise SignInRequired(f"the token endpoint refused the code ({response.status_code})")
        return companyos.Token.from_response(response.json(), time.time()).to_dict()

    async def revoke(self, token: dict[str, Any]) -> None:
        metadata = await self.metadata()
        endpoint = metadata.get("revocation_endpoint")
        refresh = token.get("refresh_token")
        if not endpoint or not refresh:
            return
        form = {"token": refresh, "token_type_hint": "refresh_token"}
        headers = {}
        if self.config.client_secret:
            headers["Authorization"] = _basic(self.config.client_id, self.config.client_secret)
        else:
            form["client_id"] = self.config.client_id
        with contextlib.suppress(httpx.HTTPError):  # signing out must not depend on the provider answering
            await self.http.post(endpoint, data=form, headers=headers)


def _base(request: Request) -> str:
    return str(request.scope.get("root_path", "")).rstrip("/")


def check_state(session: Session, state: str | None) -> dict[str, Any] | None:
    oauth = session.data.get("oauth")
    if not isinstance(oauth, dict) or not state:
        return None
    return oauth if hmac.compare_digest(str(oauth.get("state", "")), state) else None
