"""TokenValidator: every rule refuses the token it exists for, and accepts the good one."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from typing import Any

import httpx
import pytest
import respx
from joserfc import jwt
from joserfc.jwk import RSAKey

from companyos_server.platform.identity import store
from companyos_server.platform.identity.issuer import build_claims, issue_access_token, sign_claims
from companyos_server.platform.identity.keys import KeyStore
from companyos_server.platform.identity.validation import TokenError, TokenValidator

from .conftest import ISSUER, make_settings


def mint(keys: KeyStore, settings: Any, **overrides: Any) -> str:
    claims = build_claims(
        settings,
        subject="usr_alice",
        client_id="companyos-cli",
        tenants={"acme": ["sre"]},
        scopes=["openid", "api"],
        acr="urn:companyos:acr:mfa",
        auth_time=int(time.time()),
        name="Alice",
    )
    claims.update(overrides)
    return sign_claims(keys, claims)


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def forge(header: dict[str, Any], claims: dict[str, Any], signature: bytes = b"") -> str:
    head = b64(json.dumps(header).encode())
    body = b64(json.dumps(claims).encode())
    return f"{head}.{body}.{b64(signature)}"


@pytest.fixture
def validator(settings, keys, db) -> TokenValidator:
    return TokenValidator(settings, keys, db=db)


def test_valid_token_maps_to_principal(validator, keys, settings):
    token = issue_access_token(
        keys,
        settings,
        subject="usr_1",
        client_id="companyos-cli",
        tenants={"acme": ["sre", "viewer"]},
        scopes=["api", "platform:admin"],
        acr="urn:companyos:acr:mfa",
        auth_time=1700000000,
        name="Alice",
    )
    p = validator.validate(token)
    assert p.subject == "usr_1" and p.kind == "user"
    assert p.tenants == {"acme": ("sre", "viewer")}
    assert p.scopes == frozenset({"api", "platform:admin"}) and p.is_platform_admin
    assert (p.acr, p.auth_time, p.name, p.client_id) == (
        "urn:companyos:acr:mfa",
        1700000000,
        "Alice",
        "companyos-cli",
    )
    assert p.issuer == ISSUER and p.token_id and p.expires_at > time.time()
    header = json.loads(base64.urlsafe_b64decode(token.split(".")[0] + "=="))
    assert header["typ"] == "at+jwt" and header["kid"] == keys.active_record().kid


def test_client_credentials_token_is_client_kind(validator, keys, settings):
    token = issue_access_token(
        keys,
        settings,
        subject="acme-service",
        client_id="acme-service",
        tenants={"acme": ["tenant_admin"]},
        scopes=["api"],
    )
    assert validator.validate(token).kind == "client"


def test_wrong_issuer_refused(validator, keys, settings):
    with pytest.raises(TokenError, match="issuer"):
        validator.validate(mint(keys, settings, iss="https://evil.example/oauth2"))


def test_wrong_audience_refused(validator, keys, settings):
    with pytest.raises(TokenError, match="aud"):
        validator.validate(mint(keys, settings, aud="some-other-api"))
    assert validator.validate(mint(keys, settings, aud=["x", settings.oidc_audience])).subject


def test_alg_none_refused(validator, keys, settings):
    claims = build_claims(settings, subject="usr_x", client_id="c", tenants={}, scopes=[])
    with pytest.raises(TokenError, match="algorithm"):
        validator.validate(forge({"alg": "none", "typ": "at+jwt"}, claims))


def test_hs256_signed_with_public_key_refused(validator, keys, settings):
    """Algorithm confusion: HMAC 'signed' with the RSA public key published in our JWKS."""
    public_pem = keys.active_key().as_pem(private=False)
    claims = build_claims(
        settings, subject="usr_x", client_id="c", tenants={"acme": ["tenant_admin"]}, scopes=[]
    )
    head = b64(json.dumps({"alg": "HS256", "typ": "at+jwt", "kid": keys.active_record().kid}).encode())
    body = b64(json.dumps(claims).encode())
    sig = hmac.new(public_pem, f"{head}.{body}".encode(), hashlib.sha256).digest()
    with pytest.raises(TokenError, match="algorithm"):
        validator.validate(f"{head}.{body}.{b64(sig)}")
    # Even if an operator lists HS256, it is dropped from the allow-list.
    lax = TokenValidator(make_settings(settings.var_dir, oidc_algorithms=["HS256", "RS256"]), keys)
    with pytest.raises(TokenError, match="algorithm"):
        lax.validate(f"{head}.{body}.{b64(sig)}")


def test_expired_beyond_leeway_refused_within_leeway_accepted(validator, keys, settings):
    now = int(time.time())
    leeway = settings.oidc_leeway_seconds
    with pytest.raises(TokenError, match="expired"):
        validator.validate(mint(keys, settings, iat=now - 900, nbf=now - 900, exp=now - leeway - 5))
    assert validator.validate(
        mint(keys, settings, iat=now - 900, nbf=now - 900, exp=now - leeway + 5)
    ).subject


def test_not_yet_valid_refused(validator, keys, settings):
    now = int(time.time())
    with pytest.raises(TokenError):
        validator.validate(mint(keys, settings, nbf=now + 600, iat=now, exp=now + 1200))
    with pytest.raises(TokenError):
        validator.validate(mint(keys, settings, iat=now + 600, nbf=now, exp=now + 1200))


def test_tampered_signature_and_payload_refused(validator, keys, settings):
    token = mint(keys, settings)
    head, body, sig = token.split(".")
    flipped = sig[:-4] + ("AAAA" if sig[-4:] != "AAAA" else "BBBB")
    with pytest.raises(TokenError, match="signature"):
        validator.validate(f"{head}.{body}.{flipped}")
    claims = json.loads(base64.urlsafe_b64decode(body + "=="))
    claims["tenants"] = {"globex": ["tenant_admin"]}
    with pytest.raises(TokenError, match="signature"):
        validator.validate(f"{head}.{b64(json.dumps(claims).encode())}.{sig}")


def test_foreign_key_refused(validator, settings):
    other = KeyStore(settings.var_dir / "elsewhere")
    with pytest.raises(TokenError):
        validator.validate(mint(other, settings))


def test_wrong_typ_refused(validator, keys, settings):
    claims = build_claims(settings, subject="usr_x", client_id="c", tenants={}, scopes=[])
    key = keys.active_key()
    token = jwt.encode({"alg": "RS256", "typ": "JWT", "kid": keys.active_record().kid}, claims, key)
    with pytest.raises(TokenError, match="type"):
        validator.validate(token)


@pytest.mark.parametrize("garbage", ["", "abc", "a.b", "a.b.c", "x" * 20000])
def test_garbage_refused(validator, garbage):
    with pytest.raises(TokenError):
        validator.validate(garbage)


def test_revoked_jti_refused(validator, keys, settings, db):
    token = mint(keys, settings)
    principal = validator.validate(token)
    store.revoke_access_token(db, principal.token_id, principal.expires_at, reason="test")
    with pytest.raises(TokenError, match="revoked"):
        validator.validate(token)
    assert validator.validate(mint(keys, settings)).subject  # others unaffected


def test_validation_is_fast(validator, keys, settings):
    token = mint(keys, settings)
    validator.validate(token)
    start = time.perf_counter()
    for _ in range(500):
        validator.validate(token)
    per_call_ms = (time.perf_counter() - start) / 500 * 1000
    assert per_call_ms < 2.0  # ~0.1 ms here; generous bound for slow CI machines


# ---------------------------------------------------------------- external issuer (settings only)
EXTERNAL = "https://idp.example.com/realms/acme"


@pytest.fixture
def external_key() -> RSAKey:
    return RSAKey.generate_key(2048, private=True, parameters={"kid": "ext-1", "use": "sig", "alg": "RS256"})


def _external_token(key: RSAKey, settings: Any, typ: str = "JWT", **overrides: Any) -> str:
    now = int(time.time())
    claims = {
        "iss": EXTERNAL,
        "aud": [settings.oidc_audience, "account"],
        "sub": "ext-user-1",
        "iat": now,
        "exp": now + 300,
        "scope": "openid api",
        "tenants": {"acme": ["viewer"]},
        "azp": "web",
    }
    claims.update(overrides)
    return jwt.encode({"alg": "RS256", "typ": typ, "kid": key.kid}, claims, key)


def _mock_idp(router: respx.Router, keys_json: dict[str, Any]) -> respx.Route:
    router.get(f"{EXTERNAL}/.well-known/openid-configuration").mock(
        return_value=httpx.Response(200, json={"issuer": EXTERNAL, "jwks_uri": f"{EXTERNAL}/certs"})
    )
    return router.get(f"{EXTERNAL}/certs").mock(return_value=httpx.Response(200, json=keys_json))


def test_external_issuer_from_settings_alone(tmp_path, external_key):
    settings = make_settings(tmp_path, builtin_idp=False, oidc_trusted_issuers=[EXTERNAL])
    validator = TokenValidator(settings, None)
    with respx.mock(assert_all_called=True) as router:
        jwks_route = _mock_idp(router, {"keys": [external_key.as_dict(private=False)]})
        p = validator.validate(_external_token(external_key, settings))
        assert p.issuer == EXTERNAL and p.subject == "ext-user-1" and p.kind == "user"
        assert p.tenants == {"acme": ("viewer",)}
        validator.validate(_external_token(external_key, settings, typ="at+jwt"))
        assert jwks_route.call_count == 1  # cached


def test_external_unknown_kid_refreshes_once_per_minute(tmp_path, external_key):
    settings = make_settings(tmp_path, builtin_idp=False, oidc_trusted_issuers=[EXTERNAL])
    validator = TokenValidator(settings, None)
    rotated = RSAKey.generate_key(
        2048, private=True, parameters={"kid": "ext-2", "use": "sig", "alg": "RS256"}
    )
    with respx.mock() as router:
        route = _mock_idp(router, {"keys": [external_key.as_dict(private=False)]})
        validator.validate(_external_token(external_key, settings))
        route.mock(
            return_value=httpx.Response(
                200, json={"keys": [external_key.as_dict(private=False), rotated.as_dict(private=False)]}
            )
        )
        # The keys were fetched less than a minute ago: a new kid is refused without a refetch...
        with pytest.raises(TokenError):
            validator.validate(_external_token(rotated, settings))
        assert route.call_count == 1
        validator._last_fetch[EXTERNAL] -= 61  # ...until a minute has passed.
        assert validator.validate(_external_token(rotated, settings)).subject == "ext-user-1"
        assert route.call_count == 2
        unknown = RSAKey.generate_key(2048, private=True, parameters={"kid": "ext-3"})
        with pytest.raises(TokenError):
            validator.validate(_external_token(unknown, settings))
        with pytest.raises(TokenError):
            validator.validate(_external_token(unknown, settings))
        assert route.call_count == 2  # no refetch inside the minute


def test_untrusted_external_issuer_never_fetched(tmp_path, external_key):
    settings = make_settings(tmp_path, builtin_idp=False, oidc_trusted_issuers=["https://other.example"])
    validator = TokenValidator(settings, None)
    with respx.mock(assert_all_mocked=True, assert_all_called=False) as router:
        route = _mock_idp(router, {"keys": [external_key.as_dict(private=False)]})
        with pytest.raises(TokenError, match="issuer"):
            validator.validate(_external_token(external_key, settings))
        assert route.call_count == 0


def test_external_wrong_audience_and_discovery_issuer_mismatch(tmp_path, external_key):
    settings = make_settings(tmp_path, builtin_idp=False, oidc_trusted_issuers=[EXTERNAL])
    validator = TokenValidator(settings, None)
    with respx.mock() as router:
        _mock_idp(router, {"keys": [external_key.as_dict(private=False)]})
        with pytest.raises(TokenError, match="aud"):
            validator.validate(_external_token(external_key, settings, aud="account"))
    other = TokenValidator(settings, None)
    with respx.mock() as router:
        router.get(f"{EXTERNAL}/.well-known/openid-configuration").mock(
            return_value=httpx.Response(
                200, json={"issuer": "https://evil.example", "jwks_uri": "https://evil.example/k"}
            )
        )
        with pytest.raises(TokenError, match="keys"):
            other.validate(_external_token(external_key, settings))


def test_builtin_issuer_refused_when_builtin_idp_disabled(tmp_path, keys):
    settings = make_settings(tmp_path, builtin_idp=False, oidc_trusted_issuers=[EXTERNAL])
    token = mint(keys, make_settings(tmp_path))
    with pytest.raises(TokenError, match="issuer"):
        TokenValidator(settings, keys).validate(token)
