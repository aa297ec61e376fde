"""login (device code, PKCE), logout (revoke + clear), whoami and where credentials come from."""

from __future__ import annotations

import json
import threading
import urllib.request
from urllib.parse import parse_qs, urlparse

import httpx
import respx

from companyos.auth import DeviceAuthorization

from .conftest import API, DISCOVERY, ISSUER, Cli
from .factories import me


def _oauth(api: respx.MockRouter) -> None:
    api.get("/oauth2/.well-known/openid-configuration").respond(json=DISCOVERY)


def test_whoami_with_static_token(cli: Cli, api: respx.MockRouter) -> None:
    route = api.get("/v1/me").respond(json=me())
    result = cli("whoami")
    assert result.exit_code == 0, result.stderr
    assert "usr_alice" in result.stdout and "acme (sre)" in result.stdout
    assert route.calls.last.request.headers["authorization"] == "Bearer tok_static"


def test_whoami_json_and_yaml(cli: Cli, api: respx.MockRouter) -> None:
    api.get("/v1/me").respond(json=me())
    assert json.loads(cli("-o", "json", "whoami").stdout)["subject"] == "usr_alice"
    assert "subject: usr_alice" in cli("--output", "yaml", "whoami").stdout


def test_client_credentials_from_env(cli: Cli, api: respx.MockRouter, monkeypatch) -> None:
    monkeypatch.delenv("COMPANYOS_TOKEN")
    monkeypatch.setenv("COMPANYOS_CLIENT_ID", "acme-service")
    monkeypatch.setenv("COMPANYOS_CLIENT_SECRET", "s3cret")
    _oauth(api)
    token = api.post("/oauth2/token").respond(json={"access_token": "tok_cc", "expires_in": 300})
    route = api.get("/v1/me").respond(json=me(kind="client", subject="acme-service"))
    result = cli("whoami")
    assert result.exit_code == 0, result.stderr
    assert b"grant_type=client_credentials" in token.calls.last.request.content
    assert route.calls.last.request.headers["authorization"] == "Bearer tok_cc"


def test_not_logged_in_exits_3(cli: Cli, api: respx.MockRouter, monkeypatch) -> None:
    monkeypatch.delenv("COMPANYOS_TOKEN")
    result = cli("whoami")
    assert result.exit_code == 3
    assert result.stderr.strip() == "error: not logged in: run `companyos login` (or set COMPANYOS_TOKEN)"


def test_device_login_then_whoami_then_logout(cli: Cli, api: respx.MockRouter, monkeypatch) -> None:
    monkeypatch.delenv("COMPANYOS_TOKEN")
    _oauth(api)
    api.post("/oauth2/device_authorization").respond(
        json={
            "device_code": "dc",
            "user_code": "WDJB-MJHT",
            "verification_uri": f"{ISSUER}/device",
            "verification_uri_complete": f"{ISSUER}/device?user_code=WDJB-MJHT",
            "expires_in": 600,
            "interval": 5,
        }
    )
    api.post("/oauth2/token").mock(
        side_effect=[
            httpx.Response(400, json={"error": "authorization_pending"}),
            httpx.Response(
                200, json={"access_token": "tok_dev", "refresh_token": "rt_dev", "expires_in": 3600}
            ),
        ]
    )
    me_route = api.get("/v1/me").respond(json=me())
    prompts: list[DeviceAuthorization] = []
    cli.overrides.on_device_prompt = prompts.append

    result = cli("login")
    assert result.exit_code == 0, result.stderr
    assert prompts[0].user_code == "WDJB-MJHT"
    assert f"Open {ISSUER}/device and enter the code: WDJB-MJHT" in result.stderr
    assert "Logged in to https://api.test as usr_alice" in result.stderr
    assert me_route.calls.last.request.headers["authorization"] == "Bearer tok_dev"

    # the next command uses the cached token, no new grant
    assert cli("whoami").exit_code == 0
    assert me_route.calls.last.request.headers["authorization"] == "Bearer tok_dev"

    revoke = api.post("/oauth2/revoke").respond(200)
    result = cli("logout")
    assert result.exit_code == 0, result.stderr
    assert "tokens revoked" in result.stderr
    sent = [parse_qs(call.request.content.decode()) for call in revoke.calls]
    assert {s["token"][0] for s in sent} == {"rt_dev", "tok_dev"}
    assert all(s["client_id"] == ["companyos-cli"] for s in sent)
    assert cli("whoami").exit_code == 3  # cache and profile gone


def test_device_login_denied_exits_3(cli: Cli, api: respx.MockRouter, monkeypatch) -> None:
    monkeypatch.delenv("COMPANYOS_TOKEN")
    _oauth(api)
    api.post("/oauth2/device_authorization").respond(
        json={
            "device_code": "dc",
            "user_code": "AAAA-BBBB",
            "verification_uri": f"{ISSUER}/device",
            "interval": 1,
        }
    )
    api.post("/oauth2/token").respond(
        400, json={"error": "access_denied", "error_description": "the user said no"}
    )
    result = cli("login")
    assert result.exit_code == 3
    assert result.stderr.splitlines()[-1] == "error: login failed: access_denied: the user said no"


def test_pkce_login(cli: Cli, api: respx.MockRouter, monkeypatch) -> None:
    monkeypatch.delenv("COMPANYOS_TOKEN")
    _oauth(api)
    token = api.post("/oauth2/token").respond(json={"access_token": "tok_pkce", "expires_in": 3600})
    api.get("/v1/me").respond(json=me())

    def browser(url: str) -> None:  # the "user" signs in and the provider redirects to the loopback
        params = {k: v[0] for k, v in parse_qs(urlparse(url).query).items()}
        assert params["code_challenge_method"] == "S256" and params["client_id"] == "my-cli"
        target = f"{params['redirect_uri']}?code=abc&state={params['state']}"

        def visit() -> None:
            with urllib.request.urlopen(target, timeout=5) as response:  # noqa: S310 (loopback URL)
                response.read()

        threading.Thread(target=visit, daemon=True).start()

    cli.overrides.open_browser = browser
    result = cli("login", "--pkce", "--client-id", "my-cli")  # urllib is not mocked: the loopback is real
    assert result.exit_code == 0, result.stderr
    form = parse_qs(token.calls.last.request.content.decode())
    assert (
        form["grant_type"] == ["authorization_code"] and form["code"] == ["abc"] and "code_verifier" in form
    )
    assert cli("whoami").exit_code == 0


def test_logout_without_login(cli: Cli) -> None:
    result = cli("logout")
    assert result.exit_code == 0
    assert "not logged in" in result.stderr


def test_version_and_help(cli: Cli) -> None:
    assert cli("--version").stdout.startswith("companyos ")
    help_text = cli("--help").stdout
    assert "Exit codes" in help_text and "tenants" in help_text and "--install-completion" in help_text


def test_api_url_precedence(cli: Cli, api: respx.MockRouter) -> None:
    with respx.mock(base_url="https://other.test") as other:
        route = other.get("/v1/me").respond(json=me())
        assert cli("--api-url", "https://other.test/", "whoami").exit_code == 0
    assert route.called
    assert API != "https://other.test"


def test_login_warns_when_the_tokens_cannot_be_saved(
    cli: Cli, api: respx.MockRouter, monkeypatch, tmp_path
) -> None:
    from companyos import _crypto
    from companyos.auth._cache import EncryptedFileTokenCache

    monkeypatch.setattr(_crypto, "keyring_usable", lambda: False)  # a headless machine: no keyring
    monkeypatch.delenv("COMPANYOS_TOKEN")
    monkeypatch.delenv("COMPANYOS_CACHE_KEY", raising=False)
    monkeypatch.delenv("COMPANYOS_CACHE_KEY_FILE", raising=False)
    monkeypatch.setenv("COMPANYOS_HOME", str(tmp_path / "home"))
    cli.overrides.token_cache = EncryptedFileTokenCache(tmp_path / "home" / "tokens.bin")
    _oauth(api)
    api.post("/oauth2/device_authorization").respond(
        json={
            "device_code": "dc",
            "user_code": "AAAA-BBBB",
            "verification_uri": f"{ISSUER}/device",
            "interval": 1,
        }
    )
    api.post("/oauth2/token").respond(json={"access_token": "tok_dev", "expires_in": 3600})
    api.get("/v1/me").respond(json=me())
    cli.overrides.on_device_prompt = lambda _prompt: None
    result = cli("login")
    assert result.exit_code == 0, result.stderr
    assert "the tokens were not saved" in result.stderr and "COMPANYOS_CACHE_KEY" in result.stderr
    assert not (tmp_path / "home" / "tokens.bin").exists()
