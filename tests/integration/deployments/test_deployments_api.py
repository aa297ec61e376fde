"""Deployments through HTTP: the walkthrough's bad deploy, timelines, stages, the feed, rollback candidates."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from tests.conftest import bearer

Mint = Callable[..., str]
BASE = "/v1/tenants/acme"


def as_role(mint: Mint, role: str, tenant: str = "acme") -> dict[str, str]:
    return bearer(mint(f"usr_{tenant}_{role}", tenants={tenant: [role]}))


async def service_id(client: httpx.AsyncClient, headers: dict[str, str], name: str, base: str = BASE) -> str:
    r = await client.get(f"{base}/services", params={"name_prefix": name}, headers=headers)
    [found] = [s for s in r.json()["items"] if s["name"] == name]
    return str(found["id"])


async def test_walkthrough_deploy_is_the_newest_failed_tier0_deploy(
    client: httpx.AsyncClient, mint: Mint
) -> None:
    viewer = as_role(mint, "viewer")
    checkout = await service_id(client, viewer, "checkout-api")
    r = await client.get(
        f"{BASE}/services/{checkout}/deployments", params={"environment": "production"}, headers=viewer
    )
    assert r.status_code == 200, r.text
    timeline = r.json()["items"]
    assert [d["version"] for d in timeline] == ["v2.14.0", "v2.13.2", "v2.13.1", "v2.13.0"]
    bad = timeline[0]
    assert bad["state"] == "failed" and bad["service_name"] == "checkout-api"
    assert [(s["name"], s["state"]) for s in bad["stages"]] == [
        ("build", "succeeded"),
        ("deploy", "succeeded"),
        ("verification", "failed"),
    ]
    assert "Error rate" in bad["stages"][2]["detail"]
    # About 40 minutes before the seed ran (the seeded template may be older than this test by minutes).
    seeded_at = datetime.fromisoformat((await client.get(BASE, headers=viewer)).json()["created_at"])
    age = seeded_at - datetime.fromisoformat(bad["created_at"])
    assert timedelta(minutes=35) < age < timedelta(minutes=45)

    candidates = (await client.get(f"{BASE}/services/{checkout}/rollback-candidates", headers=viewer)).json()
    assert candidates["current"]["id"] == bad["id"]
    assert [c["version"] for c in candidates["candidates"]] == ["v2.13.2", "v2.13.1", "v2.13.0"]
    assert all(
        c["state"] == "succeeded" and c["environment"] == "production" for c in candidates["candidates"]
    )


async def test_feed_filters_across_services(client: httpx.AsyncClient, mint: Mint) -> None:
    viewer = as_role(mint, "viewer")
    failed = (await client.get(f"{BASE}/deployments", params={"state": "failed"}, headers=viewer)).json()[
        "items"
    ]
    assert [(d["service_name"], d["version"]) for d in failed] == [
        ("checkout-api", "v2.14.0"),
        ("inventory-service", "v1.42.0"),
    ]
    staging = (
        await client.get(f"{BASE}/deployments", params={"environment": "staging"}, headers=viewer)
    ).json()
    assert {d["service_name"] for d in staging["items"]} == {"checkout-api", "auth-service"}
    since = (datetime.now(UTC) - timedelta(hours=13)).isoformat()
    recent = (await client.get(f"{BASE}/deployments", params={"since": since}, headers=viewer)).json()[
        "items"
    ]
    assert [d["version"] for d in recent] == ["v2.14.0", "v3.9.0-rc1", "v12.5.0"]
    times = [d["created_at"] for d in recent]
    assert times == sorted(times, reverse=True)

    everything, token = [], None
    while True:
        params: dict[str, Any] = {"page_size": 4, **({"page_token": token} if token else {})}
        page = (await client.get(f"{BASE}/deployments", params=params, headers=viewer)).json()
        everything += [d["id"] for d in page["items"]]
        token = page.get("next_page_token")
        if not token:
            break
    assert len(everything) == len(set(everything)) == 19  # 17 seeded + ledger-ops (SLO Doctor seed)
    globex = (
        await client.get("/v1/tenants/globex/deployments", headers=as_role(mint, "viewer", "globex"))
    ).json()
    assert not set(everything) & {d["id"] for d in globex["items"]}


async def test_create_and_advance_stages(client: httpx.AsyncClient, mint: Mint) -> None:
    sre = as_role(mint, "sre")
    search = await service_id(client, sre, "search-api")
    body = {"version": "v0.19.0", "commit": "abcdef1234", "environment": "production"}
    r = await client.post(f"{BASE}/services/{search}/deployments", json=body, headers=sre)
    assert r.status_code == 201, r.text
    dep = r.json()
    assert dep["state"] == "pending" and dep["actor"] == "usr_acme_sre"
    assert r.headers["location"] == f"{BASE}/deployments/{dep['id']}"
    url = f"{BASE}/deployments/{dep['id']}/stages"

    early = await client.post(f"{url}/deploy", json={"state": "running"}, headers=sre)
    assert early.status_code == 409 and "build" in early.json()["detail"]
    r = await client.post(f"{url}/build", json={"state": "running"}, headers=sre)
    assert r.json()["state"] == "running" and r.json()["stages"][0]["started_at"]
    r = await client.post(f"{url}/build", json={"state": "succeeded"}, headers=sre)
    assert r.json()["stages"][0]["finished_at"] and r.json()["state"] == "running"
    again = await client.post(f"{url}/build", json={"state": "failed"}, headers=sre)
    assert again.status_code == 409
    await client.post(f"{url}/deploy", json={"state": "succeeded"}, headers=sre)
    r = await client.post(
        f"{url}/verification", json={"state": "succeeded", "detail": "smoke ok"}, headers=sre
    )
    done = r.json()
    assert done["state"] == "succeeded" and done["finished_at"] is not None
    assert done["stages"][2]["detail"] == "smoke ok"
    frozen = await client.post(f"{url}/verification", json={"state": "running"}, headers=sre)
    assert frozen.status_code == 409

    got = (await client.get(f"{BASE}/deployments/{dep['id']}", headers=sre)).json()
    assert got["state"] == "succeeded" and got["version"] == "v0.19.0"
    candidates = (await client.get(f"{BASE}/services/{search}/rollback-candidates", headers=sre)).json()
    assert candidates["current"]["id"] == dep["id"]
    assert [c["version"] for c in candidates["candidates"]] == ["v0.18.3"]


async def test_environment_must_be_one_the_service_runs_in(client: httpx.AsyncClient, mint: Mint) -> None:
    sre = as_role(mint, "sre")
    ingest = await service_id(client, sre, "analytics-ingest")  # production only
    r = await client.post(
        f"{BASE}/services/{ingest}/deployments", json={"version": "v1", "environment": "staging"}, headers=sre
    )
    assert r.status_code == 409
    unknown = await client.post(
        f"{BASE}/services/svc_unknown0000/deployments",
        json={"version": "v1", "environment": "production"},
        headers=sre,
    )
    assert unknown.status_code == 404


async def test_viewers_and_tenant_admins_cannot_deploy(client: httpx.AsyncClient, mint: Mint) -> None:
    viewer = as_role(mint, "viewer")
    checkout = await service_id(client, viewer, "checkout-api")
    for role in ("viewer", "tenant_admin", "security_analyst"):
        r = await client.post(
            f"{BASE}/services/{checkout}/deployments",
            json={"version": "v9", "environment": "production"},
            headers=as_role(mint, role),
        )
        assert r.status_code == 403, role
        assert r.json()["reasons"] == [f"no policy permits 'deployments:create' for {role} in tenant 'acme'"]


async def test_evidence_packs_attach_and_show(client: httpx.AsyncClient, mint: Mint, runtime: Any) -> None:
    from companyos_server.core.spine.store import EvidenceItem

    sre = as_role(mint, "sre")
    search = await service_id(client, sre, "search-api")
    pack = runtime.evidence.create_pack(
        tenant_id="acme",
        title="Release checks v0.19.1",
        subject=f"service:{search}",
        items=[EvidenceItem(name="tests.txt", content=b"412 passed", media_type="text/plain")],
        lineage={"inputs": [f"service:{search}"], "process": "ci:release-checks", "outputs": []},
        created_by="usr_acme_sre",
    )
    body = {"version": "v0.19.1", "environment": "production", "evidence_pack_ids": [pack["id"]]}
    r = await client.post(f"{BASE}/services/{search}/deployments", json=body, headers=sre)
    assert r.status_code == 201, r.text
    dep = r.json()
    assert dep["evidence_pack_ids"] == [pack["id"]]
    assert [p["id"] for p in dep["evidence_packs"]] == [pack["id"]]
    assert dep["evidence_packs"][0]["title"] == "Release checks v0.19.1"
    bogus = {**body, "evidence_pack_ids": ["evp_doesnotexist"]}
    assert (
        await client.post(f"{BASE}/services/{search}/deployments", json=bogus, headers=sre)
    ).status_code == 404
