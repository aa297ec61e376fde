"""Client credentials, refresh-token rotation with reuse detection, revocation (RFC 7009), errors."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
import pytest
from authlib.common.security import generate_token
from authlib.integrations.base_client.errors import OAuthError
from authlib.integrations.httpx_client import AsyncOAuth2Client

from companyos_server.platform.identity.validation import TokenError, TokenValidator

from .conftest import ISSUER, Browser, service_client, user
from .test_authorization_code import cli_client, sign_in_and_consent


async def test_client_credentials_carries_tenant_and_roles(transport, creds, settings, keys, db):
    svc = service_client(creds, "globex")
    async with AsyncOAuth2Client(
        client_id=svc["client_id"], client_secret=svc["client_secret"], transport=transport
    ) as oauth:
        token = await oauth.fetch_token(f"{ISSUER}/token", grant_type="client_credentials")
    assert "refresh_token" not in token
    principal = TokenValidator(settings, keys, db=db).validate(token["access_token"])
    assert principal.kind == "client"
    assert principal.subject == svc["client_id"]
    assert principal.tenants == {"globex": ("tenant_admin",)}
    assert principal.scopes == frozenset({"api"})


async def test_client_credentials_wrong_secret_and_public_client(http: httpx.AsyncClient, creds):
    svc = service_client(creds, "acme")
    wrong = await http.post(
        f"{ISSUER}/token",
        data={"grant_type": "client_credentials"},
        auth=(svc["client_id"], "not-the-secret"),
    )
    assert wrong.status_code == 401 and wrong.json()["error"] == "invalid_client"
    public = await http.post(
        f"{ISSUER}/token", data={"grant_type": "client_credentials", "client_id": "companyos-cli"}
    )
    assert public.status_code in (400, 401) and public.json()["error"] in (
        "invalid_client",
        "unauthorized_client",
    )


@asynccontextmanager
async def closing(oauth: AsyncOAuth2Client) -> AsyncIterator[AsyncOAuth2Client]:
    """The client is already open (it fetched the first token); close it at the end."""
    try:
        yield oauth
    finally:
        await oauth.aclose()


async def _user_tokens(transport, browser: Browser, creds, username: str) -> tuple[AsyncOAuth2Client, dict]:
    oauth = cli_client(transport, "http://127.0.0.1:41000/callback", scope="openid api offline_access")
    verifier = generate_token(64)
    url, _ = oauth.create_authorization_url(f"{ISSUER}/authorize", code_verifier=verifier)
    final = await sign_in_and_consent(browser, url, user(creds, username), None)
    token = await oauth.fetch_token(
        f"{ISSUER}/token", authorization_response=final.headers["location"], code_verifier=verifier
    )
    return oauth, dict(token)


async def test_refresh_rotation_and_reuse_revokes_family(transport, browser, creds, settings, keys, db):
    oauth, first = await _user_tokens(transport, browser, creds, "alice")
    validator = TokenValidator(settings, keys, db=db)
    async with closing(oauth):
        second = dict(await oauth.refresh_token(f"{ISSUER}/token", refresh_token=first["refresh_token"]))
        assert second["refresh_token"] != first["refresh_token"]
        third = dict(await oauth.refresh_token(f"{ISSUER}/token", refresh_token=second["refresh_token"]))
        assert validator.validate(third["access_token"]).tenants == {"acme": ("sre",)}
        assert (
            validator.validate(second["access_token"]).subject
            == validator.validate(first["access_token"]).subject
        )

        # An attacker replays the first (already rotated) refresh token.
        with pytest.raises(OAuthError) as reuse:
            await oauth.refresh_token(f"{ISSUER}/token", refresh_token=first["refresh_token"])
        assert reuse.value.error == "invalid_grant"
        # The whole family is dead: the latest refresh token and every access token issued from it.
        with pytest.raises(OAuthError):
            await oauth.refresh_token(f"{ISSUER}/token", refresh_token=third["refresh_token"])
    for token in (first, second, third):
        with pytest.raises(TokenError, match="revoked"):
            validator.validate(token["access_token"])


async def test_refresh_preserves_acr_and_auth_time(transport, browser, creds, settings, keys, db):
    oauth, first = await _user_tokens(transport, browser, creds, "bob")
    validator = TokenValidator(settings, keys, db=db)
    async with closing(oauth):
        refreshed = await oauth.refresh_token(f"{ISSUER}/token", refresh_token=first["refresh_token"])
    before, after = validator.validate(first["access_token"]), validator.validate(refreshed["access_token"])
    assert (after.acr, after.auth_time) == (before.acr, before.auth_time)
    assert after.token_id != before.token_id


async def test_revoke_refresh_token(transport, browser, creds, settings, keys, db):
    oauth, token = await _user_tokens(transport, browser, creds, "carol")
    async with closing(oauth):
        response = await oauth.revoke_token(
            f"{ISSUER}/revoke", token=token["refresh_token"], token_type_hint="refresh_token"
        )
        assert response.status_code == 200
        with pytest.raises(OAuthError) as refused:
            await oauth.refresh_token(f"{ISSUER}/token", refresh_token=token["refresh_token"])
        assert refused.value.error == "invalid_grant"
    with pytest.raises(TokenError, match="revoked"):
        TokenValidator(settings, keys, db=db).validate(token["access_token"])


async def test_revoke_access_token(transport, browser, creds, settings, keys, db):
    oauth, token = await _user_tokens(transport, browser, creds, "dave")
    validator = TokenValidator(settings, keys, db=db)
    assert validator.validate(token["access_token"]).subject
    async with closing(oauth):
        response = await oauth.revoke_token(
            f"{ISSUER}/revoke", token=token["access_token"], token_type_hint="access_token"
        )
        assert response.status_code == 200
        # The refresh token survives an access-token revocation.
        refreshed = await oauth.refresh_token(f"{ISSUER}/token", refresh_token=token["refresh_token"])
    with pytest.raises(TokenError, match="revoked"):
        validator.validate(token["access_token"])
    assert validator.validate(refreshed["access_token"]).subject


async def test_revoke_unknown_token_is_ok_and_other_clients_token_refused(http, transport, browser, creds):
    oauth, token = await _user_tokens(transport, browser, creds, "erin")
    await oauth.aclose()
    unknown = await http.post(f"{ISSUER}/revoke", data={"token": "garbage", "client_id": "companyos-cli"})
    assert unknown.status_code == 200
    svc = service_client(creds, "acme")
    other = await http.post(
        f"{ISSUER}/revoke",
        data={"token": token["refresh_token"]},
        auth=(svc["client_id"], svc["client_secret"]),
    )
    assert other.status_code == 400 and other.json()["error"] == "invalid_grant"


async def test_token_endpoint_errors_are_oauth_json(http: httpx.AsyncClient):
    response = await http.post(f"{ISSUER}/token", data={"grant_type": "password", "username": "x"})
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["error"] == "unsupported_grant_type"


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [("GET", "/nope", 404), ("GET", "/token", 405), ("DELETE", "/jwks", 405)],
)
async def test_other_errors_are_problem_json(http: httpx.AsyncClient, method: str, path: str, status: int):
    response = await http.request(method, f"{ISSUER}{path}")
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == status and body["title"] and body["detail"] and body["type"]
    if status == 405:
        assert "POST" in response.headers["allow"] or "GET" in response.headers["allow"]


async def test_discovery_and_jwks(http: httpx.AsyncClient, keys):
    meta = (await http.get(f"{ISSUER}/.well-known/openid-configuration")).json()
    assert meta["issuer"] == ISSUER
    assert meta["token_endpoint"] == f"{ISSUER}/token"
    assert meta["code_challenge_methods_supported"] == ["S256"]
    assert "urn:ietf:params:oauth:grant-type:device_code" in meta["grant_types_supported"]
    jwks = (await http.get(meta["jwks_uri"])).json()
    assert [k["kid"] for k in jwks["keys"]] == [keys.active_record().kid]
    assert all(k["use"] == "sig" and k["alg"] == "RS256" and "d" not in k for k in jwks["keys"])


async def test_userinfo_requires_valid_user_token(http: httpx.AsyncClient, creds, transport):
    missing = await http.get(f"{ISSUER}/userinfo")
    assert missing.status_code == 401 and "Bearer" in missing.headers["www-authenticate"]
    bad = await http.get(f"{ISSUER}/userinfo", headers={"Authorization": "Bearer abc.def.ghi"})
    assert bad.status_code == 401 and 'error="invalid_token"' in bad.headers["www-authenticate"]
    svc = service_client(creds, "acme")
    async with AsyncOAuth2Client(
        client_id=svc["client_id"], client_secret=svc["client_secret"], transport=transport
    ) as oauth:
        token = await oauth.fetch_token(f"{ISSUER}/token", grant_type="client_credentials")
    client_call = await http.get(
        f"{ISSUER}/userinfo", headers={"Authorization": f"Bearer {token['access_token']}"}
    )
    assert client_call.status_code == 403


async def test_no_secrets_in_logs(transport, browser, creds, caplog, totp):
    caplog.set_level(logging.DEBUG)
    alice = user(creds, "alice")
    oauth = cli_client(transport, "http://127.0.0.1:41001/callback", scope="openid api")
    verifier = generate_token(64)
    url, _ = oauth.create_authorization_url(f"{ISSUER}/authorize", code_verifier=verifier)
    code = totp.next(alice["totp_secret"])
    final = await sign_in_and_consent(browser, url, alice, code)
    async with closing(oauth):
        token = await oauth.fetch_token(
            f"{ISSUER}/token", authorization_response=final.headers["location"], code_verifier=verifier
        )
        await oauth.refresh_token(f"{ISSUER}/token", refresh_token=token["refresh_token"])
        with pytest.raises(OAuthError):  # reuse: logged as a warning, without the token
            await oauth.refresh_token(f"{ISSUER}/token", refresh_token=token["refresh_token"])
    svc = service_client(creds, "acme")
    async with AsyncOAuth2Client(
        client_id=svc["client_id"], client_secret=svc["client_secret"], transport=transport
    ) as cc:
        cc_token = await cc.fetch_token(f"{ISSUER}/token", grant_type="client_credentials")
    assert "reuse" in caplog.text  # the log did capture the provider
    authorization_code = final.headers["location"].split("code=")[1].split("&")[0]
    for secret in (
        token["access_token"],
        token["refresh_token"],
        cc_token["access_token"],
        svc["client_secret"],
        alice["password"],
        code,
        authorization_code,
        verifier,
    ):
        assert secret not in caplog.text
