"""Past deployments from a file: recorded as finished deployments at their time, all or nothing, re-import
harmless, and SLO Doctor attributes a regression to an imported deploy."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from companyos_server.domains.slos import flows
from companyos_server.platform.runtime import Runtime
from tests.conftest import bearer

Mint = Callable[..., str]
BASE = "/v1/tenants/acme"


def as_role(mint: Mint, role: str, tenant: str = "acme") -> dict[str, str]:
    return bearer(mint(f"usr_{tenant}_{role}", tenants={tenant: [role]}))


async def _service(client: httpx.AsyncClient, headers: dict[str, str], name: str) -> str:
    body = {"name": name, "owner": {"team": "sre"}, "tier": "tier-1", "environments": ["production", "staging"],
            "slo": {"objective": 99.9, "window_days": 28}}  # fmt: skip
    r = await client.post(f"{BASE}/services", json=body, headers=headers)
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


async def _import(
    client: httpx.AsyncClient, headers: dict[str, str], path: str, fmt: str, data: bytes
) -> httpx.Response:
    return await client.post(
        f"{BASE}/{path}/import", params={"format": fmt}, content=data,
        headers={**headers, "Content-Type": "application/octet-stream"},
    )  # fmt: skip


def _at(hours_ago: float) -> str:
    return (datetime.now(UTC).replace(second=0, microsecond=0) - timedelta(hours=hours_ago)).isoformat()


async def test_history_becomes_finished_deployments_and_reimport_skips_them(
    client: httpx.AsyncClient, mint: Mint
) -> None:
    sre = as_role(mint, "sre")
    service_id = await _service(client, sre, "deploy-history-probe")
    csv_file = (
        "version,environment,started_at,finished_at,outcome,commit\n"
        f"v1.0.0,production,{_at(48)},{_at(47.9)},,abcdef1\n"
        f"v1.1.0,production,{_at(24)},{_at(23.9)},failed,\n"
        f"v1.1.1,staging,{_at(12)},,,\n"
    ).encode()
    r = await _import(client, sre, f"services/{service_id}/deployments", "csv", csv_file)
    assert r.status_code == 200, r.text
    done = r.json()
    assert (done["rows"], done["imported"], done["skipped"], len(done["deployment_ids"])) == (3, 3, 0, 3)

    timeline = (await client.get(f"{BASE}/services/{service_id}/deployments", headers=sre)).json()["items"]
    by_version = {d["version"]: d for d in timeline}
    assert [d["version"] for d in timeline] == ["v1.1.1", "v1.1.0", "v1.0.0"]  # newest first, by their time
    assert by_version["v1.0.0"]["state"] == "succeeded" and by_version["v1.0.0"]["commit"] == "abcdef1"
    assert by_version["v1.1.0"]["state"] == "failed"
    assert by_version["v1.1.1"]["environment"] == "staging" and by_version["v1.1.1"]["state"] == "succeeded"
    assert datetime.fromisoformat(by_version["v1.0.0"]["created_at"]) == datetime.fromisoformat(_at(48))

    again = (await _import(client, sre, f"services/{service_id}/deployments", "csv", csv_file)).json()
    assert (again["imported"], again["skipped"]) == (0, 3)
    ndjson = json.dumps({"version": "v1.2.0", "environment": "production", "started_at": _at(1)}).encode()
    r = await _import(client, sre, f"services/{service_id}/deployments", "ndjson", ndjson)
    assert r.status_code == 200 and r.json()["imported"] == 1


@pytest.mark.parametrize(
    ("data", "fields"),
    [
        (b"version,environment,started_at\n-bad,production,2026-01-01T00:00:00Z\n", ["line 2"]),
        (
            b"version,environment,started_at\nv1,sandbox,2026-01-01T00:00:00Z\nv2,production,2099-01-01T00:00:00Z\n",
            ["line 2", "line 3"],
        ),
        (
            b"version,environment,started_at,finished_at,outcome\n"
            b"v1,production,2026-01-02T00:00:00Z,2026-01-01T00:00:00Z,rolled_back\n",
            ["line 2"],
        ),
        (b"version,environment\nv1,production\n", ["line 2"]),
        (b"version,environment,started_at,pipeline\nv1,production,2026-01-01T00:00:00Z,x\n", ["line 1"]),
    ],
)
async def test_a_bad_history_file_records_nothing(
    client: httpx.AsyncClient, mint: Mint, data: bytes, fields: list[str]
) -> None:
    sre = as_role(mint, "sre")
    service_id = await _service(client, sre, f"deploy-history-bad-{abs(hash(data)) % 10_000}")
    r = await _import(client, sre, f"services/{service_id}/deployments", "csv", data)
    assert r.status_code == 400, r.text
    assert sorted({e["field"] for e in r.json()["errors"]}) == fields
    timeline = (await client.get(f"{BASE}/services/{service_id}/deployments", headers=sre)).json()["items"]
    assert timeline == []


async def test_only_deployers_import_and_only_into_their_tenant(
    client: httpx.AsyncClient, mint: Mint
) -> None:
    sre, viewer = as_role(mint, "sre"), as_role(mint, "viewer")
    service_id = await _service(client, sre, "deploy-history-authz")
    data = f"version,environment,started_at\nv1,production,{_at(2)}\n".encode()
    assert (
        await _import(client, viewer, f"services/{service_id}/deployments", "csv", data)
    ).status_code == 403
    other = as_role(mint, "sre", "globex")
    r = await client.post(
        f"{BASE}/services/{service_id}/deployments/import",
        params={"format": "csv"},
        content=data,
        headers=other,
    )
    assert r.status_code in (403, 404)
    missing = await _import(client, sre, "services/svc_missing000/deployments", "csv", data)
    assert missing.status_code == 404


async def test_the_doctor_attributes_a_regression_to_an_imported_deploy(
    client: httpx.AsyncClient, mint: Mint, runtime: Runtime
) -> None:
    sre = as_role(mint, "sre")
    service_id = await _service(client, sre, "deploy-history-regression")
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    start = now - timedelta(days=2)
    rows = ["ts,good,total"]
    for m in range(2 * 24 * 60):
        bad = 20 if m >= 36 * 60 else 0  # 2 % errors from 12 hours ago
        rows.append(f"{(start + timedelta(minutes=m)).isoformat()},{1000 - bad},1000")
    r = await _import(
        client, sre, f"services/{service_id}/sli-samples", "csv", ("\n".join(rows) + "\n").encode()
    )
    assert r.status_code == 200, r.text
    deploy_at = (start + timedelta(minutes=36 * 60 - 20)).isoformat()
    history = f"version,environment,started_at,finished_at\nv9.9.9,production,{deploy_at},{deploy_at}\n"
    r = await _import(client, sre, f"services/{service_id}/deployments", "csv", history.encode())
    assert r.status_code == 200, r.text
    with runtime.db.session() as session:
        found = flows.diagnose(session, "acme", service_id, days=2, now=now)
    (regression,) = found["slos"][0]["regressions"]
    assert regression["version"] == "v9.9.9" and regression["deployment_id"] == r.json()["deployment_ids"][0]
