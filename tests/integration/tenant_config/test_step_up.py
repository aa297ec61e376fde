"""Tenant-wide configuration and flag writes are high-risk: permission first, then an RFC 9470 step-up."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from companyos_server.platform.principal import ACR_MFA
from tests.conftest import bearer

Mint = Callable[..., str]
BASE = "/v1/tenants/acme"

# (method, path, body, status once permitted and stepped up)
WRITES: list[tuple[str, str, dict[str, Any] | None, int]] = [
    ("PUT", f"{BASE}/config", {"document": {"maintenance_window": "Tue"}, "message": "move"}, 200),
    ("POST", f"{BASE}/flags", {"key": "step-up-flag", "enabled": True}, 201),
    ("PATCH", f"{BASE}/flags/maintenance-banner", {"enabled": True}, 200),
    ("DELETE", f"{BASE}/flags/maintenance-banner", None, 204),
]
IDS = ["put_tenant_config", "create_tenant_flag", "update_tenant_flag", "delete_tenant_flag"]


def token(mint: Mint, role: str, *, mfa: bool = False, mfa_age: int = 0) -> dict[str, str]:
    fresh: dict[str, Any] = {"acr": ACR_MFA, "auth_time": int(time.time()) - mfa_age} if mfa else {}
    return bearer(mint(f"usr_{role}", tenants={"acme": [role]}, **fresh))


async def call(client: httpx.AsyncClient, method: str, path: str, body: Any, headers: dict[str, str]) -> Any:
    return await client.request(method, path, json=body, headers=headers)


@pytest.mark.parametrize(("method", "path", "body", "ok"), WRITES, ids=IDS)
async def test_a_password_only_admin_gets_the_step_up_challenge(
    client: httpx.AsyncClient, mint: Mint, method: str, path: str, body: Any, ok: int
) -> None:
    r = await call(client, method, path, body, token(mint, "tenant_admin"))
    assert r.status_code == 401, r.text
    challenge = r.headers["www-authenticate"]
    assert 'error="insufficient_user_authentication"' in challenge and f'acr_values="{ACR_MFA}"' in challenge
    problem = r.json()
    assert problem["type"].endswith("/step-up-required")
    assert "high-risk operation" in problem["detail"] and "companyos_server" not in r.text
    # An MFA sign-in older than the step-up window does not do either.
    stale = await call(client, method, path, body, token(mint, "tenant_admin", mfa=True, mfa_age=3600))
    assert stale.status_code == 401, stale.text


@pytest.mark.parametrize(("method", "path", "body", "ok"), WRITES, ids=IDS)
async def test_a_fresh_mfa_admin_writes(
    client: httpx.AsyncClient, mint: Mint, method: str, path: str, body: Any, ok: int
) -> None:
    r = await call(client, method, path, body, token(mint, "tenant_admin", mfa=True))
    assert r.status_code == ok, r.text


@pytest.mark.parametrize(("method", "path", "body", "ok"), WRITES, ids=IDS)
async def test_a_viewer_is_refused_403_not_challenged(
    client: httpx.AsyncClient, mint: Mint, method: str, path: str, body: Any, ok: int
) -> None:
    for mfa in (False, True):
        r = await call(client, method, path, body, token(mint, "viewer", mfa=mfa))
        assert r.status_code == 403, r.text
        assert r.json()["type"].endswith("/permission-denied")
        assert "www-authenticate" not in r.headers and "companyos_server" not in r.text


async def test_an_sre_kill_switch_needs_step_up_too(client: httpx.AsyncClient, mint: Mint) -> None:
    path, body = f"{BASE}/flags/new-checkout-flow", {"override": {"enabled": False, "reason": "INC-9"}}
    assert (await client.patch(path, json=body, headers=token(mint, "sre"))).status_code == 401
    r = await client.patch(path, json=body, headers=token(mint, "sre", mfa=True))
    assert r.status_code == 200, r.text
    # sre may write flags but not the configuration: 403 whatever the sign-in.
    put = await client.put(
        f"{BASE}/config", json={"document": {}, "message": "x"}, headers=token(mint, "sre")
    )
    assert put.status_code == 403, put.text


@pytest.mark.parametrize(
    ("resource", "action"), [("config", "config:write"), ("flag:search-ranking", "flags:write")]
)
async def test_permissions_and_inspect_report_the_step_up(
    client: httpx.AsyncClient, mint: Mint, resource: str, action: str
) -> None:
    """What `requires_step_up` promises is what the write answers, wherever it is reported."""
    password = token(mint, "tenant_admin")
    r = await client.get(f"{BASE}/permissions", params={"resource": resource}, headers=password)
    assert r.status_code == 200, r.text
    actions = {a["action"]: a for a in r.json()["actions"]}
    assert (actions[action]["allowed"], actions[action]["requires_step_up"]) == (True, True)
    read = action.split(":")[0] + ":read"
    assert actions[read]["requires_step_up"] is False

    fresh = token(mint, "tenant_admin", mfa=True)
    r = await client.get(f"{BASE}/permissions", params={"resource": resource}, headers=fresh)
    assert {a["action"]: a["requires_step_up"] for a in r.json()["actions"]}[action] is False
