"""The resource server's answer to bad tokens: 401 problem+json with a Bearer challenge, at the API."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from joserfc import jwt
from joserfc.jwk import RSAKey

from companyos_server.platform.identity.issuer import build_claims, sign_claims
from companyos_server.platform.runtime import Runtime
from tests.conftest import bearer


def _b64(data: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")


def _claims(runtime: Runtime, **overrides: Any) -> dict[str, Any]:
    claims = build_claims(
        runtime.settings,
        subject="usr_alice",
        client_id="companyos-cli",
        tenants={"acme": ["sre"]},
        scopes=["api"],
    )
    claims.update(overrides)
    return claims


def forged(runtime: Runtime, case: str) -> str:
    now = int(time.time())
    if case == "wrong_issuer":
        return sign_claims(runtime.keys, _claims(runtime, iss="https://evil.example/oauth2"))
    if case == "wrong_audience":
        return sign_claims(runtime.keys, _claims(runtime, aud="someone-else"))
    if case == "expired":
        return sign_claims(runtime.keys, _claims(runtime, iat=now - 7200, nbf=now - 7200, exp=now - 3600))
    if case == "not_yet_valid":
        return sign_claims(runtime.keys, _claims(runtime, nbf=now + 3600, exp=now + 7200))
    if case == "alg_none":
        return f"{_b64({'alg': 'none', 'typ': 'at+jwt'})}.{_b64(_claims(runtime))}."
    if case == "hs256_with_public_key":
        # The classic confusion attack: HMAC keyed with the server's *public* key.
        public_pem = runtime.keys.active_key().as_pem(private=False)
        kid = runtime.keys.active_record().kid
        signing_input = f"{_b64({'alg': 'HS256', 'typ': 'at+jwt', 'kid': kid})}.{_b64(_claims(runtime))}"
        mac = hmac.new(public_pem, signing_input.encode(), hashlib.sha256).digest()
        return f"{signing_input}.{base64.urlsafe_b64encode(mac).decode().rstrip('=')}"
    if case == "tampered_signature":
        token = sign_claims(runtime.keys, _claims(runtime))
        head, _claims_part, sig = token.split(".")
        elevated = _b64({**_claims(runtime), "scope": "api platform:admin"})
        return f"{head}.{elevated}.{sig}"
    if case == "foreign_key":
        stranger = RSAKey.generate_key(2048)
        kid = runtime.keys.active_record().kid
        return jwt.encode(
            {"alg": "RS256", "typ": "at+jwt", "kid": kid}, _claims(runtime), stranger, algorithms=["RS256"]
        )
    if case == "garbage":
        return "not-a-jwt"
    raise AssertionError(case)


CASES = [
    "wrong_issuer",
    "wrong_audience",
    "expired",
    "not_yet_valid",
    "alg_none",
    "hs256_with_public_key",
    "tampered_signature",
    "foreign_key",
    "garbage",
]


@pytest.mark.parametrize("case", CASES)
async def test_bad_tokens_get_401_problem_with_challenge(
    client: httpx.AsyncClient, runtime: Runtime, case: str
) -> None:
    r = await client.get("/v1/tenants/acme", headers=bearer(forged(runtime, case)))
    assert r.status_code == 401, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.headers["www-authenticate"].startswith('Bearer error="invalid_token"')
    problem = r.json()
    assert (problem["status"], problem["title"]) == (401, "Unauthorized")
    assert problem["request_id"] == r.headers["x-request-id"]
    assert problem["detail"], "the problem says what is wrong with the token"
    assert "eyJ" not in r.text, "the token is never echoed"


async def test_a_good_token_passes_the_same_path(client: httpx.AsyncClient, mint: Callable[..., str]) -> None:
    r = await client.get("/v1/tenants/acme", headers=bearer(mint("usr_alice", tenants={"acme": ["sre"]})))
    assert r.status_code == 200
