"""Credentials: discovery, client credentials, refresh (before expiry, once on 401, rotation), step-up,
device flow polling, token caches."""

from __future__ import annotations

import json
from urllib.parse import parse_qs

import httpx
import pytest

import companyos
from companyos.auth import (
    ClientCredentials,
    DeviceCode,
    EncryptedFileTokenCache,
    MemoryTokenCache,
    StepUpChallenge,
    Token,
)

from .conftest import BASE, TENANT, problem

ISSUER = f"{BASE}/oauth2"
DISCOVERY = {
    "issuer": ISSUER,
    "token_endpoint": f"{ISSUER}/token",
    "device_authorization_endpoint": f"{ISSUER}/device_authorization",
    "authorization_endpoint": f"{ISSUER}/authorize",
}
STEP_UP = (
    'Bearer error="insufficient_user_authentication", error_description="MFA needed", '
    'acr_values="urn:companyos:acr:mfa", max_age=900'
)


def form(request: httpx.Request) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(request.content.decode()).items()}


def token_response(access: str, refresh: str | None = None, expires_in: int = 300) -> httpx.Response:
    body = {"access_token": access, "token_type": "Bearer", "expires_in": expires_in}
    if refresh:
        body["refresh_token"] = refresh
    return httpx.Response(200, json=body)


@pytest.fixture
def idp(api):
    api.get("/oauth2/.well-known/openid-configuration").mock(return_value=httpx.Response(200, json=DISCOVERY))
    return api


def test_client_credentials_uses_discovery_and_basic_auth(idp, make_client):
    token = idp.post("/oauth2/token").mock(return_value=token_response("at-1"))
    me = idp.get("/v1/me").mock(return_value=httpx.Response(200, json={"subject": "x"}))
    client = make_client(auth=ClientCredentials("acme-service", "s3cret"))
    client.identity.me()
    client.identity.me()
    assert token.call_count == 1  # cached until close to expiry
    sent = token.calls[0].request
    assert sent.headers["authorization"].startswith("Basic ")
    assert form(sent) == {"grant_type": "client_credentials", "scope": "api"}
    assert me.calls[0].request.headers["authorization"] == "Bearer at-1"


def test_refresh_before_expiry(idp, make_client, clock):
    token = idp.post("/oauth2/token").mock(side_effect=[token_response("at-1"), token_response("at-2")])
    me = idp.get("/v1/me").mock(return_value=httpx.Response(200, json={"subject": "x"}))
    client = make_client(auth=ClientCredentials("svc", "s"))
    client.identity.me()
    clock.t += 300 - 30  # inside the 60 s refresh margin
    client.identity.me()
    assert token.call_count == 2
    assert me.calls[1].request.headers["authorization"] == "Bearer at-2"


def test_refresh_once_on_401_then_gives_up(idp, make_client):
    token = idp.post("/oauth2/token").mock(
        side_effect=[token_response("at-1"), token_response("at-2"), token_response("at-3")]
    )
    me = idp.get("/v1/me").mock(
        side_effect=[httpx.Response(401, json=problem(401)), httpx.Response(200, json={"subject": "x"})]
    )
    client = make_client(auth=ClientCredentials("svc", "s"))
    assert client.identity.me()["subject"] == "x"
    assert token.call_count == 2
    assert [c.request.headers["authorization"] for c in me.calls] == ["Bearer at-1", "Bearer at-2"]
    me.mock(return_value=httpx.Response(401, json=problem(401)))
    with pytest.raises(companyos.AuthenticationError):
        client.identity.me()
    assert token.call_count == 3  # exactly one refresh per call


def test_static_token_401_is_not_retried(api, make_client):
    me = api.get("/v1/me").mock(return_value=httpx.Response(401, json=problem(401)))
    with pytest.raises(companyos.AuthenticationError):
        make_client(auth="expired").identity.me()
    assert me.call_count == 1


def test_a_static_token_subclass_with_its_own_flow_keeps_it(api, make_client):
    """The static-token shortcut (no token flow per request) is for StaticToken's own flow only."""

    class Rotating(companyos.StaticToken):
        def token_flow(self, ctx, *, force_refresh=False, failed_token=None):
            return "tok-from-flow"
            yield  # pragma: no cover

    route = api.get("/v1/health").mock(
        return_value=httpx.Response(200, json={"status": "ok", "version": "1"})
    )
    make_client(auth=companyos.StaticToken("plain")).system.health()
    assert route.calls[-1].request.headers["authorization"] == "Bearer plain"
    make_client(auth=Rotating("ignored")).system.health()
    assert route.calls[-1].request.headers["authorization"] == "Bearer tok-from-flow"


def test_refresh_token_rotation_is_stored(idp, make_client, clock):
    cache = MemoryTokenCache()
    auth = DeviceCode(token_cache=cache, prompt=lambda info: None)
    auth.set_token(Token(access_token="at-1", refresh_token="rt-1", expires_at=clock.now() - 1))
    token = idp.post("/oauth2/token").mock(
        side_effect=[token_response("at-2", refresh="rt-2"), token_response("at-3", refresh="rt-3")]
    )
    idp.get("/v1/me").mock(return_value=httpx.Response(200, json={"subject": "x"}))
    client = make_client(auth=auth)
    client.identity.me()
    assert form(token.calls[0].request)["refresh_token"] == "rt-1"
    clock.t += 1000
    client.identity.me()
    assert form(token.calls[1].request)["refresh_token"] == "rt-2"  # the rotated one
    (stored,) = cache._data.values()
    assert stored["refresh_token"] == "rt-3" and stored["access_token"] == "at-3"


def test_step_up_hook_then_retry_once(api, make_client):
    route = api.post("/v1/tenants").mock(
        side_effect=[
            httpx.Response(401, headers={"WWW-Authenticate": STEP_UP}, json=problem(401)),
            httpx.Response(201, json=TENANT),
        ]
    )
    seen: list[StepUpChallenge] = []

    def on_step_up(challenge: StepUpChallenge) -> str:
        seen.append(challenge)
        return "mfa-token"

    client = make_client(auth="pwd-token", on_step_up=on_step_up)
    client.tenants.create(id="acme", display_name="ACME")
    assert seen[0].acr_values == ["urn:companyos:acr:mfa"] and seen[0].max_age == 900
    assert [c.request.headers["authorization"] for c in route.calls] == [
        "Bearer pwd-token",
        "Bearer mfa-token",
    ]
    keys = {c.request.headers["idempotency-key"] for c in route.calls}
    assert len(keys) == 1


def test_step_up_required_without_hook(api, make_client):
    route = api.post("/v1/tenants").mock(
        return_value=httpx.Response(401, headers={"WWW-Authenticate": STEP_UP}, json=problem(401, "Step-up"))
    )
    with pytest.raises(companyos.StepUpRequired) as info:
        make_client().tenants.create(id="acme", display_name="ACME")
    assert info.value.acr_values == ["urn:companyos:acr:mfa"]
    assert info.value.max_age == 900
    assert isinstance(info.value, companyos.AuthenticationError)
    assert route.call_count == 1


def test_step_up_hook_challenged_again_raises(api, make_client):
    route = api.post("/v1/tenants").mock(
        return_value=httpx.Response(401, headers={"WWW-Authenticate": STEP_UP}, json=problem(401))
    )
    with pytest.raises(companyos.StepUpRequired):
        make_client(on_step_up=lambda c: "still-weak").tenants.create(id="acme", display_name="ACME")
    assert route.call_count == 2


def test_step_up_hook_declining_raises(api, make_client):
    api.post("/v1/tenants").mock(
        return_value=httpx.Response(401, headers={"WWW-Authenticate": STEP_UP}, json=problem(401))
    )
    with pytest.raises(companyos.StepUpRequired):
        make_client(on_step_up=lambda c: None).tenants.create(id="acme", display_name="ACME")


async def test_async_step_up_hook_may_be_a_coroutine(api, make_async_client):
    api.get("/v1/me").mock(
        side_effect=[
            httpx.Response(401, headers={"WWW-Authenticate": STEP_UP}),
            httpx.Response(200, json={"subject": "x"}),
        ]
    )

    async def hook(challenge: StepUpChallenge) -> str:
        return "mfa"

    async with make_async_client(on_step_up=hook) as client:
        assert (await client.identity.me())["subject"] == "x"


def device_started(interval: int = 5, expires_in: int = 600) -> httpx.Response:
    return httpx.Response(
        200,
        json={
            "device_code": "dc",
            "user_code": "BCDF-GHJK",
            "verification_uri": f"{ISSUER}/device",
            "verification_uri_complete": f"{ISSUER}/device?user_code=BCDF-GHJK",
            "expires_in": expires_in,
            "interval": interval,
        },
    )


def oauth_err(code: str) -> httpx.Response:
    return httpx.Response(400, json={"error": code})


def test_device_flow_follows_interval_and_slow_down(idp, make_client, clock):
    idp.post("/oauth2/device_authorization").mock(return_value=device_started())
    token = idp.post("/oauth2/token").mock(
        side_effect=[
            oauth_err("authorization_pending"),
            oauth_err("slow_down"),
            oauth_err("authorization_pending"),
            token_response("at", refresh="rt"),
        ]
    )
    idp.get("/v1/me").mock(return_value=httpx.Response(200, json={"subject": "x"}))
    prompts = []
    client = make_client(auth=DeviceCode(token_cache=MemoryTokenCache(), prompt=prompts.append))
    client.identity.me()
    assert prompts[0].user_code == "BCDF-GHJK" and prompts[0].verification_uri.endswith("/device")
    assert clock.sleeps == [5, 5, 10, 10]
    assert form(token.calls[0].request) == {
        "grant_type": "urn:ietf:params:oauth:grant-type:device_code",
        "device_code": "dc",
        "client_id": "companyos-cli",
    }


@pytest.mark.parametrize(
    ("code", "exc"),
    [("expired_token", companyos.ExpiredTokenError), ("access_denied", companyos.AccessDeniedError)],
)
def test_device_flow_terminal_errors(idp, make_client, code, exc):
    idp.post("/oauth2/device_authorization").mock(return_value=device_started())
    idp.post("/oauth2/token").mock(side_effect=[oauth_err("authorization_pending"), oauth_err(code)])
    client = make_client(auth=DeviceCode(token_cache=MemoryTokenCache(), prompt=lambda i: None))
    with pytest.raises(exc) as info:
        client.identity.me()
    assert info.value.error == code


def test_encrypted_file_token_cache_roundtrip(tmp_path):
    key = b"k" * 32
    cache = EncryptedFileTokenCache(tmp_path / "tokens.bin", key=key)
    cache.set("issuer|cli", {"access_token": "secret-at", "refresh_token": "secret-rt"})
    raw = (tmp_path / "tokens.bin").read_bytes()
    assert b"secret" not in raw
    assert (tmp_path / "tokens.bin").stat().st_mode & 0o777 == 0o600
    again = EncryptedFileTokenCache(tmp_path / "tokens.bin", key=key)
    assert again.get("issuer|cli") == {"access_token": "secret-at", "refresh_token": "secret-rt"}
    wrong = EncryptedFileTokenCache(tmp_path / "tokens.bin", key=b"x" * 32)
    assert wrong.get("issuer|cli") is None  # a miss (and a warning), never a crash or an overwrite
    wrong.set("issuer|other", {"access_token": "x"})
    assert (tmp_path / "tokens.bin").read_bytes() == raw
    again.delete("issuer|cli")
    assert again.get("issuer|cli") is None


def test_cache_key_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("COMPANYOS_CACHE_KEY", "correct horse battery staple")
    EncryptedFileTokenCache(tmp_path / "t.bin").set("k", {"access_token": "a"})
    assert EncryptedFileTokenCache(tmp_path / "t.bin").get("k") == {"access_token": "a"}
    assert json.dumps(repr(Token(access_token="zzz-secret"))).find("zzz-secret") == -1


def test_step_up_challenge_parsing():
    parsed = StepUpChallenge.parse(STEP_UP)
    assert parsed is not None and parsed.acr_values == ["urn:companyos:acr:mfa"] and parsed.max_age == 900
    assert StepUpChallenge.parse('Bearer error="invalid_token"') is None
    assert StepUpChallenge.parse(None) is None
