"""SLI samples through HTTP: push (validated as a batch, replace by timestamp), list, and the SLO summary
and run verification that read them."""

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


def minute(offset: int) -> str:
    base = datetime.now(UTC).replace(second=0, microsecond=0) - timedelta(minutes=30)
    return (base + timedelta(minutes=offset)).isoformat().replace("+00:00", "Z")


async def new_service(client: httpx.AsyncClient, mint: Mint, objective: float = 99.9) -> str:
    body: dict[str, Any] = {"name": "sli-probe", "owner": {"team": "sre"}, "tier": "tier-1",
                            "slo": {"objective": objective, "window_days": 28}}  # fmt: skip
    r = await client.post(f"{BASE}/services", json=body, headers=as_role(mint, "sre"))
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


async def test_push_list_replace_and_the_slo_summary(client: httpx.AsyncClient, mint: Mint) -> None:
    sre, viewer = as_role(mint, "sre"), as_role(mint, "viewer")
    service_id = await new_service(client, mint)
    url = f"{BASE}/services/{service_id}/sli-samples"
    assert (await client.get(f"{BASE}/services/{service_id}", headers=viewer)).json()["slo"][
        "state"
    ] == "no_data"

    batch = {"samples": [{"ts": minute(i), "good": 990, "total": 1000} for i in range(5)]}
    r = await client.post(url, json=batch, headers=sre)
    assert r.status_code == 200, r.text
    assert r.json() == {"service_id": service_id, "recorded": 5, "replaced": 0,
                        "from": minute(0).replace("Z", "+00:00"), "to": minute(4).replace("Z", "+00:00")}  # fmt: skip

    # Re-sending a bucket replaces it: 3 buckets of 990/1000 and 2 of 1000/1000.
    r = await client.post(url, json={"samples": [{"ts": minute(3), "good": 1000, "total": 1000},
                                                 {"ts": minute(4), "good": 1000, "total": 1000}]},
                          headers=sre)  # fmt: skip
    assert (r.json()["recorded"], r.json()["replaced"]) == (2, 2)

    pages, token = [], None
    while True:
        params = {"page_size": 2, **({"page_token": token} if token else {})}
        r = await client.get(url, params=params, headers=viewer)
        assert r.status_code == 200, r.text
        page = r.json()
        pages.append(page["items"])
        token = page["next_page_token"]
        if not token:
            break
    samples = [s for p in pages for s in p]
    assert [len(p) for p in pages] == [2, 2, 1]
    assert [(s["good"], s["total"]) for s in samples] == [(990, 1000)] * 3 + [(1000, 1000)] * 2
    assert [s["ts"] for s in samples] == sorted(s["ts"] for s in samples)

    window = {"since": minute(1).replace("Z", "+00:00"), "until": minute(2).replace("Z", "+00:00")}
    assert len((await client.get(url, params=window, headers=viewer)).json()["items"]) == 2

    slo = (await client.get(f"{BASE}/services/{service_id}", headers=viewer)).json()["slo"]
    assert slo["source"] == "samples" and slo["sli"] == 99.4  # 4970 good of 5000
    assert slo["state"] == "exhausted" and slo["error_budget_remaining"] < 0


async def test_a_bad_batch_stores_nothing_and_names_every_field(
    client: httpx.AsyncClient, mint: Mint
) -> None:
    sre = as_role(mint, "sre")
    service_id = await new_service(client, mint)
    url = f"{BASE}/services/{service_id}/sli-samples"
    future = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
    batch = {"samples": [{"ts": minute(0), "good": 10, "total": 10},
                         {"ts": minute(1), "good": 11, "total": 10},
                         {"ts": future, "good": 1, "total": 1}]}  # fmt: skip
    r = await client.post(url, json=batch, headers=sre)
    assert r.status_code == 400 and r.headers["content-type"].startswith("application/problem+json")
    fields = sorted(e["field"] for e in r.json()["errors"])
    assert fields == ["samples[1].good", "samples[2].ts"], r.json()
    assert (await client.get(url, headers=sre)).json()["items"] == []

    assert (await client.post(url, json={"samples": []}, headers=sre)).status_code == 400
    naive = {"samples": [{"ts": "2026-11-27T09:00:00", "good": 1, "total": 1}]}  # no UTC offset
    r = await client.post(url, json=naive, headers=sre)
    assert r.status_code == 400 and "samples[0].ts" in r.text
    r = await client.get(url, params={"since": minute(5), "until": minute(1)}, headers=sre)
    assert r.status_code == 400


async def test_who_may_push_and_read(client: httpx.AsyncClient, mint: Mint) -> None:
    service_id = await new_service(client, mint)
    url = f"{BASE}/services/{service_id}/sli-samples"
    batch = {"samples": [{"ts": minute(0), "good": 1, "total": 1}]}
    assert (await client.post(url, json=batch, headers=as_role(mint, "viewer"))).status_code == 403
    assert (await client.post(url, json=batch, headers=as_role(mint, "tenant_admin"))).status_code == 200
    assert (await client.get(url, headers=as_role(mint, "viewer"))).status_code == 200
    missing = f"{BASE}/services/svc_doesnotexist/sli-samples"
    assert (await client.post(missing, json=batch, headers=as_role(mint, "sre"))).status_code == 404
    assert (await client.get(missing, headers=as_role(mint, "sre"))).status_code == 404
    # Another tenant's member cannot push to acme's service.
    r = await client.post(url, json=batch, headers=as_role(mint, "sre", tenant="globex"))
    assert r.status_code in (403, 404)
