"""Sandbox tenants: created as such and never changed, named on every response, limited by quotas and
held by the Cedar guardrails in platform/policies/sandbox.cedar (each refusal names its rule)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from companyos_server.platform import sandbox
from tests.integration.datasets.helpers import FIELDS
from tests.integration.tenants.test_tenants_api import admin, member

Mint = Callable[..., str]
SBX = "/v1/tenants/demo-sbx"


def _service(name: str) -> dict[str, Any]:
    return {"name": name, "tier": "tier-2", "owner": {"team": "demo", "contact": "#demo"}}


@pytest.fixture
async def demo(client: httpx.AsyncClient, mint: Mint) -> dict[str, Any]:
    body = {"id": "demo-sbx", "display_name": "Demo sandbox", "tier": "enterprise", "environment": "sandbox"}
    r = await client.post("/v1/tenants", json=body, headers=admin(mint, mfa=True))
    assert r.status_code == 201, r.text
    return dict(r.json())


async def test_the_environment_is_set_at_creation_and_named_on_every_response(
    client: httpx.AsyncClient, mint: Mint, demo: dict[str, Any]
) -> None:
    assert demo["environment"] == "sandbox"
    owner = member(mint, "demo-sbx", "tenant_admin")
    r = await client.get(SBX, headers=owner)
    assert r.json()["environment"] == "sandbox" and r.headers["companyos-environment"] == "sandbox"
    r = await client.get(f"{SBX}/services/svc_missing", headers=owner)  # problems name it too
    assert r.status_code == 404 and r.headers["companyos-environment"] == "sandbox"
    r = await client.get("/v1/tenants/acme", headers=member(mint, "acme", "viewer"))
    assert r.headers["companyos-environment"] == "production" and r.json()["environment"] == "production"
    r = await client.patch(SBX, json={"environment": "production"}, headers=admin(mint, mfa=True))
    assert r.status_code == 400  # fixed at creation
    r = await client.get("/v1/tenants", params={"environment": "sandbox"}, headers=admin(mint))
    assert [t["id"] for t in r.json()["items"]] == ["demo-sbx"]


async def test_quotas_cap_services_and_analytics_batches(
    client: httpx.AsyncClient, mint: Mint, demo: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sandbox.QUOTAS, "services", 2)
    monkeypatch.setitem(sandbox.QUOTAS, "analytics_events_per_batch", 1)
    owner = member(mint, "demo-sbx", "tenant_admin")
    for name in ("checkout", "payments"):
        r = await client.post(f"{SBX}/services", json=_service(name), headers=owner)
        assert r.status_code == 201, r.text
    r = await client.post(f"{SBX}/services", json=_service("ledger"), headers=owner)
    assert r.status_code == 403 and r.json()["type"].endswith("/quota-exceeded")
    assert r.json()["reasons"] == ["sandbox quota services: at most 2"]
    events = [
        {"event": "Report Exported", "occurred_at": "2026-12-01T00:00:00Z", "user_id": f"u{i}"}
        for i in range(2)
    ]
    r = await client.post(f"{SBX}/analytics/events", json={"events": events}, headers=owner)
    assert r.status_code == 403 and r.json()["type"].endswith("/quota-exceeded")
    # A production tenant is not held to sandbox quotas.
    acme = member(mint, "acme", "tenant_admin")
    r = await client.post("/v1/tenants/acme/services", json=_service("quota-free"), headers=acme)
    assert r.status_code == 201, r.text


async def test_guardrails_block_real_credential_effects_and_exports_out_of_residency(
    client: httpx.AsyncClient, mint: Mint, demo: dict[str, Any]
) -> None:
    owner = member(mint, "demo-sbx", "tenant_admin")
    rotate = {"name": "Rotate the API key", "steps": [
        {"id": "rotate", "action": "credential.rotate", "parameters": {"credential_id": "demo-api-key-1"}},
    ]}  # fmt: skip
    r = await client.post(f"{SBX}/plans", json=rotate, headers=owner)
    assert r.status_code == 201, r.text
    r = await client.post(f"{SBX}/plans/{r.json()['id']}/runs", json={"reason": "demo"}, headers=owner)
    assert r.status_code == 403, r.text
    assert "sandbox-no-real-credential-effects" in r.json()["detail"]
    assert any("real identities" in reason for reason in r.json()["reasons"])
    settle = {"name": "Settle", "steps": [{"id": "settle", "action": "wait", "parameters": {"seconds": 0}}]}
    r = await client.post(f"{SBX}/plans", json=settle, headers=owner)
    r = await client.post(f"{SBX}/plans/{r.json()['id']}/runs", json={"reason": "demo"}, headers=owner)
    assert r.status_code == 202, r.text  # plans without such effects run

    r = await client.post(f"{SBX}/datasets", json={"name": "customers", "fields": FIELDS}, headers=owner)
    assert r.status_code == 201, r.text
    dataset = r.json()
    assert dataset["residency"] == "us"
    exports = f"{SBX}/datasets/{dataset['id']}/exports"
    r = await client.post(exports, json={"recipient": "prospect", "destination_region": "eu"}, headers=owner)
    assert r.status_code == 403 and "sandbox-exports-stay-in-residency" in r.json()["detail"]
    r = await client.post(exports, json={"recipient": "prospect", "destination_region": "us"}, headers=owner)
    assert r.status_code == 202, r.text
