"""Minting RFC 9068 access tokens (``typ: at+jwt``) signed with the active key.

This is the single place token claims are assembled: the provider's token endpoint goes through it
(see :mod:`.tokens`), and tests everywhere mint tokens with it, so what tests exercise is exactly what
the provider hands out.
"""

from __future__ import annotations

import secrets
import time
from typing import Any

from joserfc import jwt

from companyos_server.platform.identity.keys import KeyStore


def build_claims(
    settings: Any,
    *,
    subject: str,
    client_id: str,
    tenants: dict[str, list[str]],
    scopes: list[str],
    acr: str | None = None,
    auth_time: int | None = None,
    ttl: int | None = None,
    name: str | None = None,
    now: int | None = None,
) -> dict[str, Any]:
    """The claim set of an access token; ``jti`` is 128 random bits."""
    issued = int(time.time()) if now is None else now
    lifetime = settings.access_token_ttl_seconds if ttl is None else ttl
    claims: dict[str, Any] = {
        "iss": settings.issuer,
        "aud": settings.oidc_audience,
        "sub": subject,
        "client_id": client_id,
        "iat": issued,
        "nbf": issued,
        "exp": issued + lifetime,
        "jti": secrets.token_urlsafe(16),
        "scope": " ".join(dict.fromkeys(s for s in scopes if s)),
        "tenants": {tenant: list(roles) for tenant, roles in tenants.items()},
    }
    if acr is not None:
        claims["acr"] = acr
    if auth_time is not None:
        claims["auth_time"] = int(auth_time)
    if name is not None:
        claims["name"] = name
    return claims


def sign_claims(keys: KeyStore, claims: dict[str, Any]) -> str:
    """Sign ``claims`` as an ``at+jwt`` with the active key (its ``kid`` in the header)."""
    record, key = keys.signing_key()
    header = {"alg": record.alg, "typ": "at+jwt", "kid": record.kid}
    return jwt.encode(header, claims, key, algorithms=[record.alg])


def issue_access_token(
    keys: KeyStore,
    settings: Any,
    *,
    subject: str,
    client_id: str,
    tenants: dict[str, list[str]],
    scopes: list[str],
    acr: str | None = None,
    auth_time: int | None = None,
    ttl: int | None = None,
    name: str | None = None,
) -> str:
    """An RFC 9068 JWT access token for the built-in issuer (``settings.issuer``)."""
    claims = build_claims(
        settings,
        subject=subject,
        client_id=client_id,
        tenants=tenants,
        scopes=scopes,
        acr=acr,
        auth_time=auth_time,
        ttl=ttl,
        name=name,
    )
    return sign_claims(keys, claims)
