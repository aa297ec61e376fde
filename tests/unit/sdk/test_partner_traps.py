"""Partner traps (issue 8, item 3): the shared COMPANYOS_* variables, no silent anonymous client, the token
endpoint retried like API calls, ``companyos.evidence`` on import, and a light ``import companyos``."""

from __future__ import annotations

import subprocess
import sys

import httpx
import pytest

import companyos
from companyos.auth import ClientCredentials, StaticToken

from .conftest import BASE, TENANT
from .test_auth import DISCOVERY, token_response

# -- credentials and the shared environment ---------------------------------------------------------------


@pytest.mark.parametrize("cls", [companyos.Client, companyos.AsyncClient])
def test_no_credentials_is_an_error_at_construction(cls):
    with pytest.raises(companyos.MissingCredentialsError) as info:
        cls(base_url=BASE)
    message = str(info.value)
    for hint in (
        "auth=",
        "COMPANYOS_TOKEN",
        "COMPANYOS_CLIENT_ID",
        "COMPANYOS_CLIENT_SECRET",
        "anonymous=True",
    ):
        assert hint in message
    assert isinstance(info.value, companyos.CompanyOSError)


@pytest.mark.parametrize("cls", [companyos.Client, companyos.AsyncClient])
def test_anonymous_must_be_asked_for_and_excludes_auth(cls):
    assert cls(base_url=BASE, anonymous=True).auth is None
    with pytest.raises(ValueError, match="not both"):
        cls(base_url=BASE, anonymous=True, auth="tok")


def test_anonymous_client_sends_no_authorization(api, monkeypatch):
    monkeypatch.setenv("COMPANYOS_TOKEN", "from-env")  # anonymous wins over the environment
    health = api.get("/v1/health").mock(return_value=httpx.Response(200, json={"status": "ok"}))
    companyos.Client(base_url=BASE, anonymous=True).system.health()
    assert "authorization" not in health.calls[0].request.headers


def test_token_base_url_and_tenant_come_from_the_environment(api, monkeypatch):
    monkeypatch.setenv("COMPANYOS_BASE_URL", BASE)
    monkeypatch.setenv("COMPANYOS_TOKEN", "tok-env")
    monkeypatch.setenv("COMPANYOS_TENANT", "acme")
    monkeypatch.setenv("COMPANYOS_ENVIRONMENT", "prod")
    route = api.get("/v1/tenants/acme").mock(return_value=httpx.Response(200, json=TENANT))
    client = companyos.Client()
    assert isinstance(client.auth, StaticToken)
    assert (client.tenant, client.environment) == ("acme", "prod")
    client.tenants.retrieve()
    assert route.calls[0].request.headers["authorization"] == "Bearer tok-env"


async def test_async_client_reads_client_credentials_from_the_environment(monkeypatch):
    monkeypatch.setenv("COMPANYOS_CLIENT_ID", "acme-service")
    monkeypatch.setenv("COMPANYOS_CLIENT_SECRET", "s3cret")
    monkeypatch.setenv("COMPANYOS_SCOPE", "api audit:read")
    client = companyos.AsyncClient(base_url=BASE)
    assert isinstance(client.auth, ClientCredentials)
    assert (client.auth.client_id, client.auth.scope) == ("acme-service", "api audit:read")


def test_explicit_arguments_win_over_the_environment(monkeypatch):
    monkeypatch.setenv("COMPANYOS_TOKEN", "tok-env")
    monkeypatch.setenv("COMPANYOS_TENANT", "acme")
    client = companyos.Client(base_url=BASE, auth="mine", tenant="globex")
    assert client.tenant == "globex"
    assert client.auth._token == "mine"  # type: ignore[union-attr]


def test_half_a_client_credential_is_named(monkeypatch):
    monkeypatch.setenv("COMPANYOS_CLIENT_ID", "acme-service")
    with pytest.raises(companyos.MissingCredentialsError, match="COMPANYOS_CLIENT_SECRET is not"):
        companyos.Client(base_url=BASE)


def test_legacy_api_url_still_read_with_a_warning(monkeypatch, caplog):
    monkeypatch.setenv("COMPANYOS_API_URL", "https://legacy.test")
    from companyos import _crypto

    monkeypatch.setattr(_crypto, "_warned", set())
    client = companyos.Client(auth="t")
    assert str(client.base_url) == "https://legacy.test"
    assert "COMPANYOS_API_URL is deprecated: set COMPANYOS_BASE_URL" in caplog.text
    monkeypatch.setenv("COMPANYOS_BASE_URL", BASE)
    assert str(companyos.Client(auth="t").base_url) == BASE


# -- the token endpoint is retried like API calls ----------------------------------------------------------


def test_token_endpoint_retried_on_5xx_and_429_with_the_client_policy(api, make_client, clock):
    api.get("/oauth2/.well-known/openid-configuration").mock(return_value=httpx.Response(200, json=DISCOVERY))
    token = api.post("/oauth2/token").mock(
        side_effect=[
            httpx.Response(503),
            httpx.Response(429, headers={"Retry-After": "7"}),
            token_response("at-1"),
        ]
    )
    me = api.get("/v1/me").mock(return_value=httpx.Response(200, json={"subject": "x"}))
    make_client(auth=ClientCredentials("svc", "s")).identity.me()
    assert token.call_count == 3
    assert clock.sleeps[1] == 7.0  # Retry-After honoured, as for API calls
    assert me.calls[0].request.headers["authorization"] == "Bearer at-1"


def test_token_endpoint_retried_after_a_connection_error_then_gives_up(api, make_client, clock):
    api.get("/oauth2/.well-known/openid-configuration").mock(return_value=httpx.Response(200, json=DISCOVERY))
    token = api.post("/oauth2/token").mock(side_effect=httpx.ConnectError("refused"))
    with pytest.raises(companyos.APIConnectionError, match="identity provider unreachable"):
        make_client(auth=ClientCredentials("svc", "s"), max_retries=2).identity.me()
    assert token.call_count == 3  # the first try and max_retries=2 retries
    assert len(clock.sleeps) == 2


def test_token_endpoint_not_retried_when_retries_are_off(api, make_client):
    api.get("/oauth2/.well-known/openid-configuration").mock(return_value=httpx.Response(200, json=DISCOVERY))
    token = api.post("/oauth2/token").mock(
        return_value=httpx.Response(503, json={"error": "temporarily_unavailable"})
    )
    with pytest.raises(companyos.OAuthError):
        make_client(auth=ClientCredentials("svc", "s"), max_retries=0).identity.me()
    assert token.call_count == 1


async def test_async_token_endpoint_retried(api, make_async_client, clock):
    api.get("/oauth2/.well-known/openid-configuration").mock(
        side_effect=[httpx.Response(502), httpx.Response(200, json=DISCOVERY)]
    )
    token = api.post("/oauth2/token").mock(side_effect=[httpx.ReadTimeout("slow"), token_response("at-9")])
    api.get("/v1/me").mock(return_value=httpx.Response(200, json={"subject": "x"}))
    async with make_async_client(auth=ClientCredentials("svc", "s")) as client:
        await client.identity.me()
    assert token.call_count == 2
    assert len(clock.sleeps) == 2  # one for discovery's 502, one for the token endpoint's timeout


# -- import surface ------------------------------------------------------------------------------------------


def test_import_companyos_exposes_evidence():
    code = "import companyos; print(companyos.evidence.verify_archive.__module__)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "companyos.evidence"
    assert "evidence" in dir(companyos)


def test_import_companyos_defers_what_a_first_call_does_not_need():
    code = (
        "import sys, companyos; print(sorted(m for m in ('asyncio', 'companyos.resources', 'companyos.types', "
        "'companyos.offline', 'companyos.evidence') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
    assert companyos.types.Tenant is not None  # still there, on first use
    assert companyos.OfflineQueue.__module__ == "companyos.offline"
