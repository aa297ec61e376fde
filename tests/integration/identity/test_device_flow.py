"""Device authorization grant (RFC 8628), approved or denied through the real /device page."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from sqlalchemy import select, update

from companyos_server.platform.identity.models import IdpDeviceCode
from companyos_server.platform.identity.validation import TokenValidator
from companyos_server.platform.principal import ACR_MFA
from companyos_server.platform.storage import Database, utcnow

from .conftest import BASE_URL, ISSUER, Browser, TotpCodes, World, user

CLI = "companyos-cli"
DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"


async def start(http: httpx.AsyncClient, scope: str = "openid api") -> dict:
    response = await http.post(f"{ISSUER}/device_authorization", data={"client_id": CLI, "scope": scope})
    assert response.status_code == 200, response.text
    return response.json()


async def poll(http: httpx.AsyncClient, device_code: str) -> httpx.Response:
    return await http.post(
        f"{ISSUER}/token", data={"grant_type": DEVICE_GRANT, "device_code": device_code, "client_id": CLI}
    )


async def decide_on_page(
    browser: Browser, started: dict, account: dict, code: str, action: str
) -> httpx.Response:
    response = await browser.get(started["verification_uri_complete"])
    assert response.status_code == 302  # not signed in yet
    login_page = await browser.follow(response)
    device_page = await browser.follow(await browser.login(login_page, account, code))
    assert device_page.status_code == 200
    assert started["user_code"] in device_page.text  # prefilled from verification_uri_complete
    assert "CompanyOS CLI" in device_page.text
    return await browser.submit(device_page, action=action)


async def test_device_authorization_response_shape(http: httpx.AsyncClient):
    started = await start(http)
    assert set(started) >= {
        "device_code",
        "user_code",
        "verification_uri",
        "verification_uri_complete",
        "expires_in",
        "interval",
    }
    assert started["verification_uri"] == f"{ISSUER}/device"
    assert parse_qs(urlsplit(started["verification_uri_complete"]).query)["user_code"] == [
        started["user_code"]
    ]
    assert started["interval"] == 5
    assert 0 < started["expires_in"] <= 1800


async def test_device_flow_pending_slow_down_then_approved(
    http, browser, creds, totp: TotpCodes, settings, keys, db
):
    gwen = user(creds, "gwen")
    started = await start(http)
    first = await poll(http, started["device_code"])
    assert first.status_code == 400 and first.json()["error"] == "authorization_pending"
    second = await poll(http, started["device_code"])  # immediately again: faster than the interval
    assert second.status_code == 400 and second.json()["error"] == "slow_down"
    assert second.json()["interval"] == 10

    approved = await decide_on_page(browser, started, gwen, totp.next(gwen["totp_secret"]), "approve")
    assert approved.status_code == 200 and "approved" in approved.text

    token = await poll(http, started["device_code"])
    assert token.status_code == 200, token.text
    body = token.json()
    assert body["refresh_token"]
    principal = TokenValidator(settings, keys, db=db).validate(body["access_token"])
    assert principal.tenants == {"globex": ("sre",)}
    assert principal.acr == ACR_MFA
    assert principal.client_id == CLI

    again = await poll(http, started["device_code"])  # device codes are single use
    assert again.status_code == 400 and again.json()["error"] == "invalid_request"


async def test_device_flow_denied(http, browser, creds):
    glen = user(creds, "glen")
    started = await start(http)
    denied = await decide_on_page(browser, started, glen, "", "deny")
    assert denied.status_code == 200 and "denied" in denied.text
    response = await poll(http, started["device_code"])
    assert response.status_code == 400 and response.json()["error"] == "access_denied"


async def test_device_flow_expired(http, db):
    started = await start(http)
    with db.session() as session:
        session.execute(
            update(IdpDeviceCode)
            .where(IdpDeviceCode.user_code == started["user_code"])
            .values(expires_at=utcnow() - timedelta(seconds=1))
        )
    response = await poll(http, started["device_code"])
    assert response.status_code == 400 and response.json()["error"] == "expired_token"


async def test_device_page_rejects_unknown_code_and_missing_csrf(browser, creds):
    bob = user(creds, "bob")
    response = await browser.get(f"{ISSUER}/device")
    page = await browser.follow(await browser.login(await browser.follow(response), bob, None))
    wrong = await browser.submit(page, user_code="BCDF-GHJK", action="approve")
    assert wrong.status_code == 400 and "unknown" in wrong.text
    no_csrf = await browser.client.post(
        f"{ISSUER}/device", data={"user_code": "BCDF-GHJK", "action": "approve"}
    )
    assert no_csrf.status_code == 400
    assert no_csrf.headers["content-type"].startswith("application/problem+json")


async def test_unknown_device_code_and_wrong_client(http, creds):
    bad = await poll(http, "not-a-device-code")
    assert bad.status_code == 400 and bad.json()["error"] == "invalid_request"
    svc = next(c for c in creds["clients"] if c["tenant_id"] == "acme")
    response = await http.post(
        f"{ISSUER}/device_authorization", auth=(svc["client_id"], svc["client_secret"]), data={"scope": "api"}
    )
    assert response.status_code == 400 and response.json()["error"] == "unauthorized_client"


async def _poll_after(http: httpx.AsyncClient, db, started: dict, seconds: float) -> httpx.Response:
    """Poll as if the previous poll was ``seconds`` ago."""
    with db.session() as session:
        session.execute(
            update(IdpDeviceCode)
            .where(IdpDeviceCode.user_code == started["user_code"])
            .values(last_poll_at=time.time() - seconds)
        )
    return await poll(http, started["device_code"])


@pytest.fixture
async def any_backend(world: World) -> AsyncIterator[tuple[httpx.AsyncClient, Database]]:
    """The provider on SQLite and on PostgreSQL (the poll check is one conditional UPDATE)."""
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=world.app), base_url=BASE_URL) as http:
        yield http, world.db


async def test_slow_down_interval_grows_and_is_enforced(any_backend):
    http, db = any_backend
    started = await start(http)
    assert (await poll(http, started["device_code"])).json()["error"] == "authorization_pending"
    fast = await poll(http, started["device_code"])
    assert fast.json() == {
        "error": "slow_down",
        "error_description": "Polling too fast: wait at least 10 seconds between requests.",
        "interval": 10,
    }
    # Waiting the original 5 s is not enough any more: the client must keep the new interval ...
    again = await _poll_after(http, db, started, 6)
    assert again.json()["error"] == "slow_down" and again.json()["interval"] == 15
    # ... and once it does, polling goes on as normal, at that interval.
    on_time = await _poll_after(http, db, started, 15.5)
    assert on_time.json()["error"] == "authorization_pending"
    with db.session() as session:
        row = session.scalar(select(IdpDeviceCode).where(IdpDeviceCode.user_code == started["user_code"]))
        assert row is not None and row.interval == 15
