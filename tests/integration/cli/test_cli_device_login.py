"""`companyos login`: the device flow approved (or denied) through the real /device page, then logout."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest

from companyos.auth import DeviceAuthorization
from tests.integration.identity.conftest import Browser, TotpCodes

from .conftest import API, Cli


@pytest.mark.parametrize("decision", ["approve", "deny"])
def test_device_login_whoami_logout(cli: Cli, app: Any, seeded: dict[str, Any], decision: str) -> None:
    gwen = next(u for u in seeded["users"] if u["username"] == "gwen")
    totp = TotpCodes()
    seen: list[DeviceAuthorization] = []

    async def approve(info: DeviceAuthorization) -> None:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=API) as raw:
            browser = Browser(raw)
            response = await browser.get(info.verification_uri_complete or info.verification_uri)
            login_page = await browser.follow(response)
            page = await browser.follow(await browser.login(login_page, gwen, totp.next(gwen["totp_secret"])))
            assert info.user_code in page.text
            assert (await browser.submit(page, action=decision)).status_code == 200

    def prompt(info: DeviceAuthorization) -> None:
        seen.append(info)
        asyncio.run(approve(info))

    cli.overrides.on_device_prompt = prompt
    cli.overrides.client_kwargs["_sleep"] = lambda seconds: None
    result = cli("--tenant", "globex", "login")
    assert seen and f"enter the code: {seen[0].user_code}" in result.stderr
    if decision == "deny":
        assert result.exit_code == 3
        assert result.stderr.splitlines()[-1].startswith("error: login failed: access_denied")
        assert cli("whoami").exit_code == 3
        return
    assert result.exit_code == 0, result.stderr
    assert "Logged in to http://testserver as usr_" in result.stderr

    me = json.loads(cli("-o", "json", "whoami").stdout)  # from the token cache, no prompt
    assert me["acr"] == "urn:companyos:acr:mfa" and me["tenants"] == [
        {"tenant_id": "globex", "roles": ["sre"]}
    ]
    assert cli("tenants", "get").exit_code == 0  # the login's tenant is the default

    out = cli("logout")
    assert out.exit_code == 0 and "tokens revoked" in out.stderr, out.stderr
    assert cli("whoami").exit_code == 3
