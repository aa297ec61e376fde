"""Access-token validation for the resource server: JWT → :class:`Principal`, or :class:`TokenError`.

Rules (each one closes a known attack):

- the algorithm comes from ``settings.oidc_algorithms`` only; ``none`` and every ``HS*`` are refused
  outright, so a token "signed" with our public RSA key as an HMAC secret cannot pass (alg confusion);
- ``typ`` must be ``at+jwt`` (RFC 9068), so an ID token cannot be replayed as an access token; tokens
  from external IdPs may say ``JWT`` because many IdPs do;
- ``iss`` must be the built-in issuer (when ``settings.builtin_idp``) or one of
  ``settings.oidc_trusted_issuers``; nothing else is ever fetched, so a token cannot point us at
  attacker-controlled keys;
- ``aud`` must contain ``settings.oidc_audience``; ``exp``/``nbf``/``iat`` are checked with
  ``settings.oidc_leeway_seconds``; a revoked ``jti`` is refused.

Keys of external issuers come from their discovery document's ``jwks_uri`` and are cached; an unknown
``kid`` triggers one refresh, at most once a minute per issuer (so garbage tokens cannot make us hammer
the IdP).
"""

from __future__ import annotations

import base64
import json
import logging
import threading
import time
from dataclasses import dataclass
from functools import partial
from typing import Any, Literal

import httpx
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

from companyos_server.platform import outbound
from companyos_server.platform.identity.keys import KeyStore
from companyos_server.platform.identity.revocation import RevocationList, RevocationUnavailable
from companyos_server.platform.principal import Principal
from companyos_server.platform.storage import Database

log = logging.getLogger(__name__)

JWKS_REFRESH_MIN_SECONDS = 60.0
# Discovery and JWKS fetches hold the key lock: a few quick tries, then the breaker answers at once.
IDP_FETCH_RETRY = outbound.RetryPolicy(attempts=3, backoff=0.1, max_backoff=1.0, deadline=4.0)
IDP_FETCH_TIMEOUT = httpx.Timeout(3.0, connect=1.0)
JWKS_MAX_AGE_SECONDS = 3600.0
VERIFIED_TTL_SECONDS = 60.0  # a signature verified once is trusted this long (expiry and revocation: always)
VERIFIED_LIMIT = 10_000
_BUILTIN_TYPES = frozenset({"at+jwt", "application/at+jwt"})
_EXTERNAL_TYPES = _BUILTIN_TYPES | {"JWT", "jwt"}


class TokenError(Exception):
    """The token is not acceptable; ``detail`` says why (safe to show to the caller)."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


@dataclass
class _RemoteKeys:
    key_set: KeySet
    fetched_at: float


class TokenValidator:
    """Validates bearer tokens; one instance per process (it caches keys and revocations)."""

    def __init__(
        self,
        settings: Any,
        keys: KeyStore | None,
        *,
        db: Database | None = None,
        http_client: httpx.Client | None = None,
        revocations: RevocationList | None = None,
        outbound_client: outbound.Outbound | None = None,
    ) -> None:
        self.settings = settings
        self.keys = keys
        self.audience: str = settings.oidc_audience
        self.leeway: int = settings.oidc_leeway_seconds
        self.algorithms = [
            a for a in settings.oidc_algorithms if a.lower() != "none" and not a.upper().startswith("HS")
        ]
        self.builtin_issuer: str | None = settings.issuer if settings.builtin_idp and keys else None
        self.trusted_issuers = frozenset(i.rstrip("/") for i in settings.oidc_trusted_issuers) | (
            {settings.oidc_issuer.rstrip("/")} if settings.oidc_issuer and not settings.builtin_idp else set()
        )
        self._http = http_client
        self._outbound = outbound_client  # None: the process's (timeouts, retries, a breaker per host)
        self._remote: dict[str, _RemoteKeys] = {}
        self._remote_lock = threading.Lock()
        self._last_fetch: dict[str, float] = {}
        if revocations is None and self.builtin_issuer:
            revocations = RevocationList(db or Database(settings.effective_database_url))
        self._revocations = revocations
        self._verified: dict[str, tuple[float, dict[str, Any], Principal]] = {}

    # ------------------------------------------------------------------ public
    def validate(self, token: str) -> Principal:
        """Verify ``token`` and map its claims to a :class:`Principal`.

        A token whose signature was verified in the last VERIFIED_TTL_SECONDS is not verified again
        (an RS256 check is most of this method's cost); its expiry, time claims and revocation are
        checked on every call all the same.
        """
        now = time.monotonic()
        hit = self._verified.get(token)
        if hit is not None and now - hit[0] < VERIFIED_TTL_SECONDS:
            _, claims, principal = hit
            self._check_claims(claims)
            self._check_revocation(claims, builtin=claims.get("iss") == self.builtin_issuer)
            return principal
        principal, claims = self._verify(token)
        if len(self._verified) >= VERIFIED_LIMIT:
            self._verified.clear()
        self._verified[token] = (now, claims, principal)
        return principal

    def _verify(self, token: str) -> tuple[Principal, dict[str, Any]]:
        header, unverified = _peek(token)
        alg = header.get("alg")
        if not isinstance(alg, str) or alg not in self.algorithms:
            raise TokenError(f"signing algorithm {alg!r} is not accepted")
        issuer = unverified.get("iss")
        if not isinstance(issuer, str):
            raise TokenError("token has no issuer")
        builtin = issuer == self.builtin_issuer
        if not builtin and issuer.rstrip("/") not in self.trusted_issuers:
            raise TokenError("token issuer is not trusted")
        typ = header.get("typ")
        if typ not in (_BUILTIN_TYPES if builtin else _EXTERNAL_TYPES):
            raise TokenError("token type must be at+jwt")

        key_set = self._builtin_keys() if builtin else self._remote_keys(issuer, header.get("kid"))
        try:
            decoded = jwt.decode(token, key_set, algorithms=[alg])
        except JoseError as exc:
            raise TokenError(f"token signature is invalid ({exc.error})") from exc
        except ValueError as exc:
            raise TokenError("token is malformed") from exc
        claims = decoded.claims
        if claims.get("iss") != issuer:
            raise TokenError("token issuer is not trusted")
        self._check_claims(claims)
        self._check_revocation(claims, builtin=builtin)
        return _principal(claims), claims

    def _check_revocation(self, claims: dict[str, Any], *, builtin: bool) -> None:
        jti = claims.get("jti")
        if builtin and self._revocations is not None and isinstance(jti, str):
            try:
                if self._revocations.is_revoked(jti):
                    raise TokenError("token has been revoked")
            except RevocationUnavailable as exc:
                raise TokenError("token revocation status is unavailable") from exc

    # ------------------------------------------------------------------ claims
    def _check_claims(self, claims: dict[str, Any]) -> None:
        registry = jwt.JWTClaimsRegistry(
            leeway=self.leeway,
            exp={"essential": True},
            sub={"essential": True},
            aud={"essential": True, "value": self.audience},
        )
        try:
            registry.validate(claims)
        except JoseError as exc:
            claim = getattr(exc, "claim", None) or ""
            if exc.error == "expired_token":
                raise TokenError("token has expired") from exc
            if "nbf" in str(exc.description) or "not yet valid" in str(exc.description):
                raise TokenError("token is not valid yet") from exc
            raise TokenError(f"token claim is invalid: {exc.description or claim or exc.error}") from exc
        aud = claims["aud"]
        audiences = [aud] if isinstance(aud, str) else aud
        if self.audience not in audiences:
            raise TokenError("token audience does not include this API")

    # ------------------------------------------------------------------ keys
    def _builtin_keys(self) -> KeySet:
        assert self.keys is not None
        return self.keys.public_key_set()

    def _remote_keys(self, issuer: str, kid: Any) -> KeySet:
        cached = self._remote.get(issuer)
        now = time.monotonic()
        stale = cached is None or now - cached.fetched_at > JWKS_MAX_AGE_SECONDS
        unknown_kid = cached is not None and isinstance(kid, str) and not _has_kid(cached.key_set, kid)
        if stale or unknown_kid:
            last = self._last_fetch.get(issuer)
            if cached is None or last is None or now - last >= JWKS_REFRESH_MIN_SECONDS:
                cached = self._fetch(issuer, now) or cached
        if cached is None:
            raise TokenError("the issuer's signing keys are unavailable")
        return cached.key_set

    def _fetch(self, issuer: str, now: float) -> _RemoteKeys | None:
        with self._remote_lock:
            last = self._last_fetch.get(issuer)
            if last is not None and now - last < JWKS_REFRESH_MIN_SECONDS and issuer in self._remote:
                return self._remote[issuer]
            self._last_fetch[issuer] = now
            if self._http is not None:
                get: Any = self._http.get
            else:
                out = self._outbound or outbound.default()
                get = partial(out.get, retry=IDP_FETCH_RETRY, timeout=IDP_FETCH_TIMEOUT)
            try:
                discovery = get(f"{issuer.rstrip('/')}/.well-known/openid-configuration")
                discovery.raise_for_status()
                meta = discovery.json()
                if meta.get("issuer", "").rstrip("/") != issuer.rstrip("/"):
                    log.warning("discovery document of %s names another issuer; ignoring it", issuer)
                    return None
                response = get(meta["jwks_uri"])
                response.raise_for_status()
                key_set = KeySet.import_key_set(response.json())
            except (httpx.HTTPError, ValueError, KeyError, TypeError, JoseError) as exc:
                log.warning("fetching signing keys of %s failed: %s", issuer, type(exc).__name__)
                return None
            entry = _RemoteKeys(key_set, now)
            self._remote[issuer] = entry
            return entry


def _has_kid(key_set: KeySet, kid: str) -> bool:
    return any(k.kid == kid for k in key_set.keys)


def _b64json(segment: str) -> dict[str, Any]:
    padded = segment + "=" * (-len(segment) % 4)
    value = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    if not isinstance(value, dict):
        raise ValueError("not a JSON object")
    return value


def _peek(token: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """Header and claims *before* verification: only used to pick the issuer's keys and algorithm."""
    if not isinstance(token, str) or token.count(".") != 2 or len(token) > 16384:
        raise TokenError("token is not a JWS compact serialization")
    head, payload, _sig = token.split(".")
    try:
        return _b64json(head), _b64json(payload)
    except (ValueError, UnicodeError) as exc:
        raise TokenError("token is malformed") from exc


def _tenants(value: Any) -> dict[str, tuple[str, ...]]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise TokenError("token claim 'tenants' must be an object")
    out: dict[str, tuple[str, ...]] = {}
    for tenant, roles in value.items():
        if (
            not isinstance(tenant, str)
            or not isinstance(roles, list)
            or not all(isinstance(r, str) for r in roles)
        ):
            raise TokenError("token claim 'tenants' must map tenant ids to role lists")
        out[tenant] = tuple(roles)
    return out


def _scopes(claims: dict[str, Any]) -> frozenset[str]:
    scope = claims.get("scope")
    if isinstance(scope, str):
        return frozenset(scope.split())
    scp = claims.get("scp")
    if isinstance(scp, list):
        return frozenset(s for s in scp if isinstance(s, str))
    return frozenset()


def _int_or_none(value: Any) -> int | None:
    return int(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _principal(claims: dict[str, Any]) -> Principal:
    subject = claims["sub"]
    client_id = claims.get("client_id") if isinstance(claims.get("client_id"), str) else None
    # RFC 9068 §2.2: for client-credentials tokens the subject is the client itself.
    kind: Literal["user", "client"] = "client" if client_id is not None and subject == client_id else "user"
    name = claims.get("name") if isinstance(claims.get("name"), str) else None
    acr = claims.get("acr") if isinstance(claims.get("acr"), str) else None
    return Principal(
        subject=subject,
        kind=kind,
        tenants=_tenants(claims.get("tenants")),
        scopes=_scopes(claims),
        acr=acr,
        auth_time=_int_or_none(claims.get("auth_time")),
        issuer=claims["iss"],
        client_id=client_id,
        name=name,
        token_id=claims.get("jti") if isinstance(claims.get("jti"), str) else None,
        expires_at=_int_or_none(claims.get("exp")),
    )
