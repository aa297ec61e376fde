"""Authorization code + PKCE (RFC 7636, S256 only) through the real login and consent pages."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from authlib.common.security import generate_token
from authlib.integrations.httpx_client import AsyncOAuth2Client
from authlib.oauth2.rfc7636 import create_s256_code_challenge

from companyos_server.platform.identity.validation import TokenError, TokenValidator
from companyos_server.platform.principal import ACR_MFA, ACR_PASSWORD

from .conftest import ISSUER, Browser, TotpCodes, parse_form, user

CLI = "companyos-cli"


def cli_client(
    transport: httpx.ASGITransport, redirect_uri: str, scope: str = "openid api"
) -> AsyncOAuth2Client:
    return AsyncOAuth2Client(
        client_id=CLI,
        token_endpoint_auth_method="none",
        code_challenge_method="S256",
        redirect_uri=redirect_uri,
        scope=scope,
        transport=transport,
    )


async def sign_in_and_consent(
    browser: Browser, authorize_url: str, account: dict[str, Any], code: str | None
) -> httpx.Response:
    """Drive the pages: authorize → login form → back to authorize → consent → redirect to client."""
    response = await browser.get(authorize_url)
    assert response.status_code == 302
    assert urlsplit(response.headers["location"]).path == "/oauth2/login"
    login_page = await browser.follow(response)
    assert login_page.status_code == 200 and 'name="csrf_token"' in login_page.text
    after_login = await browser.login(login_page, account, code)
    assert after_login.status_code == 302, after_login.text[:500]
    consent = await browser.follow(after_login)
    assert consent.status_code == 200, consent.text[:500]
    assert "Authorize access" in consent.text
    return await browser.submit(consent, decision="approve")


async def test_pkce_code_flow_with_mfa_end_to_end(
    transport, browser, creds, settings, keys, db, totp: TotpCodes
):
    alice = user(creds, "alice")
    redirect_uri = "http://127.0.0.1:53412/callback"  # registered without a port (RFC 8252 §7.3)
    async with cli_client(transport, redirect_uri) as oauth:
        verifier = generate_token(64)
        url, state = oauth.create_authorization_url(f"{ISSUER}/authorize", code_verifier=verifier)
        final = await sign_in_and_consent(browser, url, alice, totp.next(alice["totp_secret"]))
        assert final.status_code == 302
        location = final.headers["location"]
        assert location.startswith(redirect_uri + "?")
        params = parse_qs(urlsplit(location).query)
        assert params["state"] == [state]
        token = await oauth.fetch_token(
            f"{ISSUER}/token", authorization_response=location, code_verifier=verifier
        )

    assert token["token_type"].lower() == "bearer"
    assert token["expires_in"] == settings.access_token_ttl_seconds
    assert token["refresh_token"]
    principal = TokenValidator(settings, keys, db=db).validate(token["access_token"])
    assert principal.kind == "user"
    assert principal.acr == ACR_MFA
    assert principal.tenants == {"acme": ("sre",)}
    assert principal.scopes == frozenset({"openid", "api"})
    assert principal.client_id == CLI
    assert principal.name == "Alice Anders"
    assert principal.auth_time is not None

    # userinfo with the fresh token
    async with httpx.AsyncClient(transport=transport, base_url=ISSUER) as client:
        info = await client.get(
            "/oauth2/userinfo".removeprefix("/oauth2"),
            headers={"Authorization": f"Bearer {token['access_token']}"},
        )
    assert info.status_code == 200
    assert info.json()["preferred_username"] == "alice"
    assert info.json()["tenants"] == {"acme": ["sre"]}


async def test_password_only_login_yields_pwd_acr(transport, browser, creds, settings, keys, db):
    bob = user(creds, "bob")
    async with cli_client(transport, "http://127.0.0.1:40000/callback") as oauth:
        verifier = generate_token(64)
        url, _ = oauth.create_authorization_url(f"{ISSUER}/authorize", code_verifier=verifier)
        final = await sign_in_and_consent(browser, url, bob, None)
        token = await oauth.fetch_token(
            f"{ISSUER}/token", authorization_response=final.headers["location"], code_verifier=verifier
        )
    principal = TokenValidator(settings, keys, db=db).validate(token["access_token"])
    assert principal.acr == ACR_PASSWORD
    assert principal.tenants == {"acme": ("viewer",)}


async def test_step_up_acr_values_forces_mfa_login(
    transport, browser, creds, totp: TotpCodes, settings, keys, db
):
    bob = user(creds, "bob")
    async with cli_client(transport, "http://127.0.0.1:40001/callback") as oauth:
        # First a password-only session...
        verifier = generate_token(64)
        url, _ = oauth.create_authorization_url(f"{ISSUER}/authorize", code_verifier=verifier)
        await sign_in_and_consent(browser, url, bob, None)
        # ...then a request that asks for MFA must send the user back to the login page.
        verifier = generate_token(64)
        url, _ = oauth.create_authorization_url(
            f"{ISSUER}/authorize", code_verifier=verifier, acr_values=ACR_MFA
        )
        response = await browser.get(url)
        assert response.status_code == 302 and "/oauth2/login" in response.headers["location"]
        login_page = await browser.follow(response)
        refused = await browser.login(login_page, bob, None)  # password alone is not enough now
        assert refused.status_code == 401
        assert "second factor" in refused.text
        after_login = await browser.login(refused, bob, totp.next(bob["totp_secret"]))
        consent = await browser.follow(after_login)
        final = await browser.submit(consent, decision="approve")
        token = await oauth.fetch_token(
            f"{ISSUER}/token", authorization_response=final.headers["location"], code_verifier=verifier
        )
    assert TokenValidator(settings, keys, db=db).validate(token["access_token"]).acr == ACR_MFA


async def test_max_age_zero_reauthenticates_once(transport, browser, creds):
    carol = user(creds, "carol")
    async with cli_client(transport, "http://127.0.0.1:40002/callback") as oauth:
        url, _ = oauth.create_authorization_url(f"{ISSUER}/authorize", code_verifier=generate_token(64))
        await sign_in_and_consent(browser, url, carol, None)
        url, _ = oauth.create_authorization_url(
            f"{ISSUER}/authorize", code_verifier=generate_token(64), max_age="0"
        )
        final = await sign_in_and_consent(browser, url, carol, None)  # login page shown again
    assert "code=" in final.headers["location"]


async def test_deny_returns_access_denied(transport, browser, creds):
    erin = user(creds, "erin")
    async with cli_client(transport, "http://127.0.0.1:40003/callback") as oauth:
        url, _ = oauth.create_authorization_url(f"{ISSUER}/authorize", code_verifier=generate_token(64))
        response = await browser.get(url)
        login_page = await browser.follow(response)
        consent = await browser.follow(await browser.login(login_page, erin, None))
        denied = await browser.submit(consent, decision="deny")
    assert parse_qs(urlsplit(denied.headers["location"]).query)["error"] == ["access_denied"]


def _authorize_params(redirect_uri: str, **extra: str) -> dict[str, str]:
    params = {"response_type": "code", "client_id": CLI, "redirect_uri": redirect_uri, "state": "xyz"}
    params.update(extra)
    return params


@pytest.mark.parametrize(
    "pkce",
    [
        pytest.param({}, id="missing-challenge"),
        pytest.param({"code_challenge": "a" * 43, "code_challenge_method": "plain"}, id="plain"),
        pytest.param({"code_challenge": "a" * 43}, id="method-omitted-means-plain"),
    ],
)
async def test_pkce_plain_or_missing_is_refused(http: httpx.AsyncClient, pkce: dict[str, str]):
    redirect_uri = "http://127.0.0.1:5000/callback"
    response = await http.get("/oauth2/authorize", params=_authorize_params(redirect_uri, **pkce))
    assert response.status_code == 302
    location = response.headers["location"]
    assert location.startswith(redirect_uri)
    query = parse_qs(urlsplit(location).query)
    assert query["error"] == ["invalid_request"]
    assert query["state"] == ["xyz"]


async def test_wrong_verifier_is_refused(transport, browser, creds):
    dave = user(creds, "dave")
    async with cli_client(transport, "http://127.0.0.1:40004/callback") as oauth:
        url, _ = oauth.create_authorization_url(f"{ISSUER}/authorize", code_verifier=generate_token(64))
        final = await sign_in_and_consent(browser, url, dave, None)
        code = parse_qs(urlsplit(final.headers["location"]).query)["code"][0]
    async with httpx.AsyncClient(transport=transport) as client:
        response = await client.post(
            f"{ISSUER}/token",
            data={
                "grant_type": "authorization_code",
                "code": code,
                "client_id": CLI,
                "redirect_uri": "http://127.0.0.1:40004/callback",
                "code_verifier": generate_token(64),
            },
        )
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_grant"


@pytest.mark.parametrize("port", [1024, 49152, 65535])
async def test_loopback_redirect_any_port_accepted(http: httpx.AsyncClient, port: int):
    redirect_uri = f"http://127.0.0.1:{port}/callback"
    challenge = create_s256_code_challenge(generate_token(64))
    params = _authorize_params(redirect_uri, code_challenge=challenge, code_challenge_method="S256")
    response = await http.get("/oauth2/authorize", params=params)
    # Not an error: the (anonymous) browser is sent to the login page.
    assert response.status_code == 302
    assert urlsplit(response.headers["location"]).path == "/oauth2/login"


@pytest.mark.parametrize(
    "redirect_uri",
    [
        "http://evil.example:8080/callback",
        "http://127.0.0.1.evil.example:8080/callback",
        "http://127.0.0.1:8080/other-path",
        "https://127.0.0.1:8080/callback",
    ],
)
async def test_unregistered_redirect_refused_without_redirecting(http: httpx.AsyncClient, redirect_uri: str):
    challenge = create_s256_code_challenge(generate_token(64))
    params = _authorize_params(redirect_uri, code_challenge=challenge, code_challenge_method="S256")
    response = await http.get("/oauth2/authorize", params=params)
    assert response.status_code == 400
    assert "location" not in response.headers
    assert response.json()["error"] == "invalid_request"


async def test_code_replay_refused_and_revokes_first_tokens(
    transport, browser, creds, settings, keys, db, http
):
    gina = user(creds, "gina")
    redirect_uri = "http://127.0.0.1:40005/callback"
    async with cli_client(transport, redirect_uri, scope="openid api offline_access") as oauth:
        verifier = generate_token(64)
        url, _ = oauth.create_authorization_url(f"{ISSUER}/authorize", code_verifier=verifier)
        final = await sign_in_and_consent(browser, url, gina, None)
        code = parse_qs(urlsplit(final.headers["location"]).query)["code"][0]
        form = {
            "grant_type": "authorization_code",
            "code": code,
            "client_id": CLI,
            "redirect_uri": redirect_uri,
            "code_verifier": verifier,
        }
        first = await http.post(f"{ISSUER}/token", data=form)
        assert first.status_code == 200
        validator = TokenValidator(settings, keys, db=db)
        assert validator.validate(first.json()["access_token"]).tenants == {"globex": ("tenant_admin",)}
        replay = await http.post(f"{ISSUER}/token", data=form)
        assert replay.status_code == 400 and replay.json()["error"] == "invalid_grant"
        with pytest.raises(TokenError, match="revoked"):
            validator.validate(first.json()["access_token"])
        refresh = await http.post(
            f"{ISSUER}/token",
            data={
                "grant_type": "refresh_token",
                "refresh_token": first.json()["refresh_token"],
                "client_id": CLI,
            },
        )
        assert refresh.status_code == 400 and refresh.json()["error"] == "invalid_grant"


async def test_prompt_none_without_session_returns_login_required(http: httpx.AsyncClient):
    redirect_uri = "http://127.0.0.1:5001/callback"
    challenge = create_s256_code_challenge(generate_token(64))
    params = _authorize_params(
        redirect_uri, code_challenge=challenge, code_challenge_method="S256", prompt="none"
    )
    response = await http.get("/oauth2/authorize", params=params)
    assert response.status_code == 302
    query = parse_qs(urlsplit(response.headers["location"]).query)
    assert query["error"] == ["login_required"] and query["state"] == ["xyz"]


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/x", "/elsewhere", "/oauth2\\@evil"]
)
async def test_login_next_cannot_leave_the_provider(browser, creds, target: str):
    page = await browser.get(f"{ISSUER}/login")
    form = parse_form(page.text)
    response = await browser.client.post(
        f"{ISSUER}/login",
        data={
            **form["fields"],
            "username": "bob",
            "password": user(creds, "bob")["password"],
            "next": target,
        },
    )
    assert response.status_code == 302
    assert response.headers["location"] == "/oauth2/"


@pytest.mark.parametrize(
    "redirect_uri",
    [
        pytest.param("http://127.0.0.1\\@evil.example/callback", id="backslash-userinfo"),
        pytest.param("http://127.0.0.1:8080\\@evil.example/callback", id="backslash-after-port"),
        pytest.param("http://127.0.0.1/callback\\..\\x", id="backslash-in-path"),
        pytest.param('http://127.0.0.1/callback"', id="quote"),
        pytest.param("http://127.0.0.1:0/callback", id="port-0"),
        pytest.param("http://localhost:0/callback", id="port-0-localhost"),
        pytest.param("http://127.0.0.1/call back", id="space"),
    ],
)
async def test_malformed_redirect_refused_with_400_never_redirected(
    http: httpx.AsyncClient, redirect_uri: str
):
    challenge = create_s256_code_challenge(generate_token(64))
    params = _authorize_params(redirect_uri, code_challenge=challenge, code_challenge_method="S256")
    response = await http.get("/oauth2/authorize", params=params)
    assert response.status_code == 400, response.text[:300]
    assert "location" not in response.headers
    body = response.json()
    assert body["error"] == "invalid_request"
    assert "evil" not in body["error_description"]  # the attacker's URI is not echoed back


async def test_parameters_authlib_would_echo_are_a_400_not_a_500(http: httpx.AsyncClient):
    challenge = create_s256_code_challenge(generate_token(64))
    params = _authorize_params(
        "http://127.0.0.1:5002/callback",
        code_challenge=challenge,
        code_challenge_method="S256",
        response_type='code"\\',
    )
    response = await http.get("/oauth2/authorize", params=params)
    assert response.status_code == 400, response.text[:300]
    assert "location" not in response.headers
    assert response.json()["error"] == "invalid_request"
