"""Seeded sandboxes over HTTP: seed a sandbox tenant with a demo story, read it, reset it (with an evidence
pack of what went); production tenants, viewers and a second seeding are refused with problems."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from companyos_server.core.spine.store import verify_archive
from tests.integration.analytics.test_exports_schedules import _files
from tests.integration.tenants.test_tenants_api import admin, member

Mint = Callable[..., str]
SBX = "/v1/tenants/story-sbx"


@pytest.fixture
async def sandbox_tenant(client: httpx.AsyncClient, mint: Mint) -> dict[str, Any]:
    body = {"id": "story-sbx", "display_name": "Story sandbox", "residency": "eu", "environment": "sandbox"}
    r = await client.post("/v1/tenants", json=body, headers=admin(mint, mfa=True))
    assert r.status_code == 201, r.text
    return dict(r.json())


async def test_a_sandbox_is_seeded_read_and_reset_to_its_story(
    client: httpx.AsyncClient, mint: Mint, sandbox_tenant: dict[str, Any]
) -> None:
    owner, viewer = member(mint, "story-sbx", "tenant_admin"), member(mint, "story-sbx", "viewer")
    assert (await client.get(f"{SBX}/sandbox", headers=viewer)).status_code == 404  # not seeded yet
    assert (
        await client.post(f"{SBX}/sandbox", json={"profile": "admin-heavy"}, headers=viewer)
    ).status_code == 403
    bad = await client.post(f"{SBX}/sandbox", json={"profile": "sales-heavy"}, headers=owner)
    assert bad.status_code == 400 and bad.headers["content-type"].startswith("application/problem+json")
    r = await client.post(f"{SBX}/sandbox", json={"profile": "admin-heavy", "seed": 7}, headers=owner)
    assert r.status_code == 201, r.text
    seeded = r.json()
    assert seeded["profile"] == "admin-heavy" and seeded["seed"] == 7 and len(seeded["digest"]) == 64
    assert seeded["counts"]["services"] >= 1 and seeded["resets"] == 0
    again = await client.post(f"{SBX}/sandbox", json={"profile": "admin-heavy", "seed": 7}, headers=owner)
    assert again.status_code == 409, again.text
    assert (await client.get(f"{SBX}/sandbox", headers=viewer)).json()["digest"] == seeded["digest"]
    services = (await client.get(f"{SBX}/services", headers=viewer)).json()["items"]
    assert services, "the story's services are there"

    # A user's change, then a reset that keeps the clock: the very rows of the first seeding.
    extra = {"name": "added-by-user", "tier": "tier-2", "owner": {"team": "demo", "contact": "#demo"}}
    assert (await client.post(f"{SBX}/services", json=extra, headers=owner)).status_code == 201
    assert (await client.post(f"{SBX}/sandbox/reset", json={}, headers=viewer)).status_code == 403
    r = await client.post(
        f"{SBX}/sandbox/reset", json={"keep_clock": True, "reason": "demo done"}, headers=owner
    )
    assert r.status_code == 200, r.text
    result = r.json()
    assert result["sandbox"]["digest"] == seeded["digest"] and result["sandbox"]["resets"] == 1
    assert result["removed"]["services"] == seeded["counts"]["services"] + 1
    names = {s["name"] for s in (await client.get(f"{SBX}/services", headers=viewer)).json()["items"]}
    assert "added-by-user" not in names and len(names) == len(services)
    pack = await client.get(f"/v1/tenants/story-sbx/evidence-packs/{result['evidence_pack_id']}/archive",
                            headers=owner)  # fmt: skip
    assert pack.status_code == 200, pack.text
    assert verify_archive(pack.content)["ok"]
    document = json.loads(_files(pack.content)["reset.json"])
    assert document["removed"] == result["removed"] and document["reason"] == "demo done"
    # Idempotent: a second reset with the clock kept lands on the same digest; without, the clock moves.
    twice = (await client.post(f"{SBX}/sandbox/reset", json={"keep_clock": True}, headers=owner)).json()
    assert twice["sandbox"]["digest"] == seeded["digest"] and twice["sandbox"]["resets"] == 2
    moved = (await client.post(f"{SBX}/sandbox/reset", headers=owner)).json()
    assert moved["sandbox"]["anchor"] >= seeded["anchor"]


async def test_a_production_tenant_is_never_seeded_or_reset(client: httpx.AsyncClient, mint: Mint) -> None:
    owner = member(mint, "acme", "tenant_admin")
    r = await client.post("/v1/tenants/acme/sandbox", json={"profile": "ops-heavy"}, headers=owner)
    assert r.status_code == 409 and "only sandbox tenants" in r.json()["detail"], r.text
    r = await client.post("/v1/tenants/acme/sandbox/reset", json={}, headers=owner)
    assert r.status_code == 404 and r.headers["content-type"].startswith("application/problem+json")


async def test_a_seeding_that_fails_half_way_can_be_reset(
    client: httpx.AsyncClient,
    mint: Mint,
    runtime: Any,
    sandbox_tenant: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from companyos_server.domains.sandbox import service, stories
    from companyos_server.platform.principal import Principal, TenantContext

    principal = Principal(subject="usr_story_admin", kind="user", tenants={"story-sbx": ("tenant_admin",)})
    ctx = TenantContext(tenant_id="story-sbx", principal=principal, roles=("tenant_admin",))

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("the analytics store went away")

    with monkeypatch.context() as patched:
        patched.setattr(stories, "finish", broken)
        with pytest.raises(RuntimeError):
            service.seed_sandbox(runtime, ctx, {"profile": "admin-heavy", "seed": 2})
    half = service.get_sandbox(runtime, ctx)
    assert half["digest"] == "" and half["profile"] == "admin-heavy"  # recorded, not finished
    owner = member(mint, "story-sbx", "tenant_admin")
    again = await client.post(f"{SBX}/sandbox", json={"profile": "admin-heavy", "seed": 2}, headers=owner)
    assert again.status_code == 409 and "reset it instead" in again.json()["detail"]
    repaired = service.reset_sandbox(runtime, ctx, {"keep_clock": True})
    assert len(repaired["sandbox"]["digest"]) == 64 and repaired["removed"]["services"] >= 1
