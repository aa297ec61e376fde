"""SLO Doctor over HTTP on both databases: SLOs as a resource, OpenSLO round trip, recommendations proven
by backtest, accepting one, and the health report job."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import insert, update

from companyos_server.core.maestro.models import SliSampleRow
from companyos_server.domains.deployments.store import DeploymentRow
from companyos_server.platform.runtime import Runtime
from companyos_server.platform.storage import new_id
from tests.conftest import bearer

Mint = Callable[..., str]
BASE = "/v1/tenants/acme"
DAY = 24 * 60
DAYS = 7
STATIC = {"name": "error-rate-1pct", "kind": "static_error_rate", "action": "page", "error_rate": 0.01,
          "window_minutes": 5}  # fmt: skip


@pytest.fixture
def worker(runtime: Runtime) -> Iterator[Runtime]:
    runtime.jobs.start_worker_thread()
    yield runtime
    runtime.jobs.stop_worker()


def as_role(mint: Mint, role: str, tenant: str = "acme") -> dict[str, str]:
    return bearer(mint(f"usr_{tenant}_{role}", tenants={tenant: [role]}))


def seed_history(runtime: Runtime, tenant: str, service_id: str, start: datetime) -> None:
    """7 days at 1,000 requests a minute: 3-minute blips at 3 % errors every 2 hours (noise a static
    1 %/5 min alert pages on), a 30-minute outage at 50 % on day 3, and 1 % errors for the last 8 hours."""
    rows = []
    for minute in range(DAYS * DAY):
        bad = 0
        if 3 * DAY <= minute < 3 * DAY + 30:
            bad = 500
        elif minute >= DAYS * DAY - 480:
            bad = 10
        elif minute % 120 < 3:
            bad = 30
        rows.append({"id": new_id("sli"), "tenant_id": tenant, "service_ref": service_id,
                     "ts": start + timedelta(minutes=minute), "good": 1000 - bad, "total": 1000})  # fmt: skip
    with runtime.db.session() as session:
        session.execute(insert(SliSampleRow), rows)


async def _wait_job(client: httpx.AsyncClient, url: str, headers: dict[str, str]) -> dict[str, Any]:
    deadline = time.monotonic() + 120
    while True:
        job = (await client.get(url, headers=headers)).json()
        if job["state"] in ("succeeded", "failed", "cancelled") or time.monotonic() > deadline:
            return job
        await asyncio.sleep(0.1)


async def test_slo_doctor_end_to_end(
    client: httpx.AsyncClient, mint: Mint, runtime: Runtime, worker: Runtime
) -> None:
    sre, viewer = as_role(mint, "sre"), as_role(mint, "viewer")
    body = {"name": "doctor-probe", "owner": {"team": "sre"}, "tier": "tier-1",
            "slo": {"objective": 99.9, "window_days": 28}}  # fmt: skip
    r = await client.post(f"{BASE}/services", json=body, headers=sre)
    assert r.status_code == 201, r.text
    service_id = r.json()["id"]
    slos = f"{BASE}/services/{service_id}/slos"

    # -- SLOs as a resource --------------------------------------------------------------------------------
    slo = {"name": "availability", "sli_type": "availability", "objective": 99.9, "window_days": 30,
           "indicator": {"name": "requests", "endpoint": "GET /", "kind": "ratio",
                         "metric_source": {"type": "Prometheus", "good": {"query": "good"}, "total": {"query": "all"}}},
           "alerting": [STATIC]}  # fmt: skip
    r = await client.post(slos, json=slo, headers=viewer)
    assert r.status_code == 403
    r = await client.post(slos, json=slo, headers=sre)
    assert r.status_code == 201, r.text
    created = r.json()
    assert created["alerting"][0]["action"] == "page" and r.headers["location"].endswith(created["id"])
    assert (await client.post(slos, json=slo, headers=sre)).status_code == 409
    latency = {"name": "latency", "sli_type": "latency", "objective": 99, "indicator": {"name": "p"}}
    r = await client.post(slos, json=latency, headers=sre)
    assert r.status_code == 400 and r.json()["errors"][0]["field"] == "indicator.threshold_ms", r.text
    latency["indicator"] = {"name": "fast", "threshold_ms": 300}
    latency.update(budgeting_method="timeslices", timeslice={"target": 95, "window_minutes": 5})
    r = await client.post(slos, json=latency, headers=sre)
    assert r.status_code == 201, r.text
    latency_id = r.json()["id"]
    r = await client.patch(f"{slos}/{latency_id}", json={"budgeting_method": "occurrences"}, headers=sre)
    assert r.status_code == 400  # a timeslice without timeslices budgeting
    r = await client.patch(f"{slos}/{latency_id}", json={"objective": 99.5}, headers=sre)
    assert r.status_code == 200 and r.json()["revision"] == 2
    listed = (await client.get(slos, headers=viewer)).json()
    assert [s["name"] for s in listed["items"]] == ["availability", "latency"]
    other = as_role(mint, "viewer", tenant="globex")
    assert (await client.get(f"{slos}/{latency_id}", headers=other)).status_code in (403, 404)
    assert (await client.delete(f"{slos}/{latency_id}", headers=sre)).status_code == 204
    assert (await client.get(f"{slos}/{latency_id}", headers=viewer)).status_code == 404

    # -- OpenSLO: export, then import the export over it: the same SLO ------------------------------------
    exported = (await client.get(f"{BASE}/services/{service_id}/openslo", headers=viewer)).json()["documents"]
    assert [d["kind"] for d in exported] == ["Service", "SLI", "SLO"]
    r = await client.post(f"{BASE}/services/{service_id}/openslo", json={"documents": exported}, headers=sre)
    assert r.status_code == 409  # exists; replace is explicit
    r = await client.post(
        f"{BASE}/services/{service_id}/openslo", json={"documents": exported, "replace": True}, headers=sre
    )
    assert r.status_code == 200, r.text
    (back,) = r.json()["replaced"]
    strip = ("revision", "updated_at")
    assert {k: v for k, v in back.items() if k not in strip} == {
        k: v for k, v in created.items() if k not in strip
    }

    # -- history, a deploy before the regression ---------------------------------------------------------
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    start = now - timedelta(minutes=DAYS * DAY - 1)
    seed_history(runtime, "acme", service_id, start)
    r = await client.post(f"{BASE}/services/{service_id}/deployments",
                          json={"version": "v2.0.0", "environment": "production"}, headers=sre)  # fmt: skip
    assert r.status_code == 201, r.text
    deployment_id = r.json()["id"]
    deployed = start + timedelta(minutes=DAYS * DAY - 485)
    with runtime.db.session() as session:
        session.execute(update(DeploymentRow).where(DeploymentRow.id == deployment_id)
                        .values(created_at=deployed - timedelta(minutes=10), finished_at=deployed))  # fmt: skip

    # -- recommendations, each with its backtest ---------------------------------------------------------
    url = f"{BASE}/services/{service_id}/slo-recommendations"
    recs = (await client.get(url, params={"days": DAYS}, headers=viewer)).json()["items"]
    kinds = {rec["kind"]: rec for rec in recs}
    assert {"rollback", "burn_rate_policy", "threshold_tuning", "runbook"} <= kinds.keys(), recs
    policy = kinds["burn_rate_policy"]["expected_impact"]
    assert policy["pages_before"] > 40 and policy["pages_after"] < policy["pages_before"]
    assert policy["significant_burns_missed_after"] <= policy["significant_burns_missed_before"]
    tuning = kinds["threshold_tuning"]["expected_impact"]
    assert tuning["pages_after"] < tuning["pages_before"]
    rollback = kinds["rollback"]
    assert any(link["href"].endswith(deployment_id) for link in rollback["links"])
    assert rollback["expected_impact"]["budget_saved"] > 0
    again = (await client.get(url, params={"days": DAYS}, headers=viewer)).json()["items"]
    assert [r["id"] for r in again] == [r["id"] for r in recs]  # stable ids

    accept = f"{url}/{kinds['rollback']['id']}/accept"
    body = {"owner": "payments-sre", "due_date": "2026-12-31", "days": DAYS}
    assert (await client.post(accept, json=body, headers=viewer)).status_code == 403
    r = await client.post(accept, json=body, headers=sre)
    assert r.status_code == 201, r.text
    follow_up = r.json()
    assert follow_up["verification"]["kind"] == "error_rate_p95" and follow_up["status"] == "open"
    assert (await client.post(accept, json=body, headers=sre)).status_code == 409
    missing = f"{url}/rec_00000000000000000000/accept"
    assert (await client.post(missing, json=body, headers=sre)).status_code == 404

    # -- the health report job ---------------------------------------------------------------------------
    reports = f"{BASE}/services/{service_id}/health-reports"
    assert (await client.post(reports, json={"days": DAYS}, headers=viewer)).status_code == 403
    r = await client.post(reports, json={"days": DAYS}, headers=sre)
    assert r.status_code == 202, r.text
    job = await _wait_job(client, r.headers["location"], sre)
    assert job["state"] == "succeeded", job
    report_id = job["result"]["report_id"]
    listed = (await client.get(reports, headers=viewer)).json()["items"]
    assert [x["id"] for x in listed] == [report_id]
    full = (await client.get(f"{reports}/{report_id}", headers=viewer)).json()
    summary = full["report"]["executive_summary"]
    assert len(summary["top_recommendations"]) == 3 and summary["pages"] > 40
    assert summary["note"].startswith("doctor-probe over 7 days")
    assert "## Executive summary" in full["markdown"] and "data:image/svg+xml;base64," in full["markdown"]
    assert full["html"].count("<svg") == 3
    (checked,) = full["report"]["follow_ups"]
    assert checked["last_check"]["result"] == "failing"  # the regression still runs
    ups = (await client.get(f"{BASE}/services/{service_id}/slo-follow-ups", headers=viewer)).json()["items"]
    assert ups[0]["checked_at"] is not None
    assert (await client.get(f"{reports}/rpt_0000", headers=viewer)).status_code == 404
