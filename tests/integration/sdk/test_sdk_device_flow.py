"""Live device flow: the SDK polls the real provider while a user approves on the real /device page."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

import companyos
from companyos.auth import DeviceAuthorization, DeviceCode, MemoryTokenCache
from tests.integration.identity.conftest import Browser, TotpCodes

from .conftest import API


async def _no_wait(seconds: float) -> None:
    return None


@pytest.mark.parametrize("decision", ["approve", "deny"])
async def test_device_flow_approved_through_the_page(app: Any, seeded: dict[str, Any], http, decision):
    gwen = next(u for u in seeded["users"] if u["username"] == "gwen")
    totp = TotpCodes()

    async def approve(info: DeviceAuthorization) -> None:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=API) as raw:
            browser = Browser(raw)
            response = await browser.get(info.verification_uri_complete or info.verification_uri)
            login_page = await browser.follow(response)
            page = await browser.follow(await browser.login(login_page, gwen, totp.next(gwen["totp_secret"])))
            assert info.user_code in page.text
            done = await browser.submit(page, action=decision)
            assert done.status_code == 200

    client = companyos.AsyncClient(
        base_url=API,
        http_client=http,
        auth=DeviceCode(token_cache=MemoryTokenCache(), prompt=approve),
        tenant="globex",
        _sleep=_no_wait,
    )
    if decision == "deny":
        with pytest.raises(companyos.AccessDeniedError):
            await client.identity.me()
        return
    me = await client.identity.me()
    assert me["subject"].startswith("usr_") and me["acr"] == "urn:companyos:acr:mfa"
    assert me["tenants"] == [{"tenant_id": "globex", "roles": ["sre"]}]
