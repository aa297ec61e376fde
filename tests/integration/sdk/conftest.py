"""The SDK against the real ASGI app (in-process through httpx.ASGITransport)."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest

import companyos
from companyos.auth import ClientCredentials

API = "http://testserver"
ADMIN_SCOPES = ["openid", "api", "platform:admin", "tenants:cross"]
ACR_MFA = "urn:companyos:acr:mfa"


@pytest.fixture(autouse=True)
def _plain_http_idp(monkeypatch: pytest.MonkeyPatch) -> None:
    # authlib refuses http:// token requests except to localhost; the in-process app answers as
    # http://testserver (the identity tests use http://127.0.0.1 for the same reason).
    monkeypatch.setenv("AUTHLIB_INSECURE_TRANSPORT", "1")


@pytest.fixture
async def http(app: Any) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=API) as client:
        yield client


@pytest.fixture
def sdk(http: httpx.AsyncClient) -> Callable[..., companyos.AsyncClient]:
    def _make(**kwargs: Any) -> companyos.AsyncClient:
        kwargs.setdefault("max_retries", 0)
        return companyos.AsyncClient(base_url=API, http_client=http, **kwargs)

    return _make


@pytest.fixture
def admin_token(mint: Callable[..., str]) -> str:
    return mint("usr_root-admin", scopes=ADMIN_SCOPES, acr=ACR_MFA, auth_time=int(time.time()))


@pytest.fixture
def service_auth(seeded: dict[str, Any]) -> ClientCredentials:
    svc = next(c for c in seeded["clients"] if c["client_id"] == "acme-service")
    return ClientCredentials(svc["client_id"], svc["client_secret"])
