"""`GET …/services/{id}/slo-analysis` on both databases: a constructed two-day history whose outage,
regression and noise are known, read back through HTTP."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import update

from companyos_server.domains.deployments.store import DeploymentRow
from companyos_server.platform.runtime import Runtime
from tests.conftest import bearer

Mint = Callable[..., str]
BASE = "/v1/tenants/acme"
DAY = 24 * 60


def as_role(mint: Mint, role: str, tenant: str = "acme") -> dict[str, str]:
    return bearer(mint(f"usr_{tenant}_{role}", tenants={tenant: [role]}))


def history(start: datetime) -> list[dict[str, Any]]:
    """Two days at 1,000 requests a minute: a 30-minute outage at 50 % errors on day one, a regression to
    1 % errors for the last 8 hours, and 3-minute blips at 3 % errors every 2 hours (noise)."""
    samples = []
    for minute in range(2 * DAY):
        bad = 0
        if 600 <= minute < 630:
            bad = 500
        elif minute >= 2 * DAY - 480:
            bad = 10
        elif minute % 120 < 3 and minute > 700:
            bad = 30
        ts = (start + timedelta(minutes=minute)).isoformat().replace("+00:00", "Z")
        samples.append({"ts": ts, "good": 1000 - bad, "total": 1000})
    return samples


async def test_analysis_finds_the_outage_the_regression_and_backtests_the_noise(
    client: httpx.AsyncClient, mint: Mint, runtime: Runtime
) -> None:
    sre, viewer = as_role(mint, "sre"), as_role(mint, "viewer")
    body = {"name": "slo-doctor-probe", "owner": {"team": "sre"}, "tier": "tier-1",
            "environments": ["production"], "slo": {"objective": 99.9, "window_days": 28}}  # fmt: skip
    r = await client.post(f"{BASE}/services", json=body, headers=sre)
    assert r.status_code == 201, r.text
    service_id = r.json()["id"]
    url = f"{BASE}/services/{service_id}/slo-analysis"

    empty = await client.get(url, headers=viewer)
    assert empty.status_code == 200, empty.text
    assert empty.json()["state"] == "no_data" and empty.json()["regressions"] == []

    now = datetime.now(UTC).replace(second=0, microsecond=0)
    start = now - timedelta(minutes=2 * DAY - 1)
    samples = history(start)
    for i in range(0, len(samples), 1000):
        r = await client.post(
            f"{BASE}/services/{service_id}/sli-samples", json={"samples": samples[i : i + 1000]}, headers=sre
        )
        assert r.status_code == 200, r.text
    r = await client.post(
        f"{BASE}/services/{service_id}/deployments",
        json={"version": "v2.0.0", "environment": "production"},
        headers=sre,
    )
    assert r.status_code == 201, r.text
    deployment_id = r.json()["id"]
    deployed = start + timedelta(minutes=2 * DAY - 485)
    with runtime.db.session() as session:
        session.execute(
            update(DeploymentRow)
            .where(DeploymentRow.id == deployment_id)
            .values(created_at=deployed - timedelta(minutes=10), finished_at=deployed)
        )

    r = await client.get(url, params={"days": 2, "compare_error_rate": 0.01}, headers=viewer)
    assert r.status_code == 200, r.text
    analysis = r.json()
    assert analysis["state"] == "ok"
    assert analysis["objective"] == {"percent": 99.9, "window_days": 28, "source": "service"}
    # The window ends at the server's current minute: if the clock ticked over since `now`, the oldest
    # sample has just left it. Count exactly the samples inside the window the server reports.
    since = datetime.fromisoformat(analysis["period"]["since"].replace("Z", "+00:00"))
    inside = [x for x in samples if datetime.fromisoformat(x["ts"].replace("Z", "+00:00")) >= since]
    assert len(inside) >= 2 * DAY - 1
    assert analysis["period"]["events"] == sum(x["total"] for x in inside)
    assert analysis["period"]["bad_events"] == sum(x["total"] - x["good"] for x in inside)

    burns = analysis["significant_burns"]
    assert burns[0]["minutes"] == 30  # the outage first; the regression burns too
    assert burns[0]["start"].startswith((start + timedelta(minutes=600)).isoformat()[:16])

    (regression,) = [g for g in analysis["regressions"] if g["deployment_id"] == deployment_id]
    assert regression["version"] == "v2.0.0" and regression["error_rate_after"] > 0.008
    assert 0 <= regression["lag_minutes"] <= 60

    rates = {b["window"]: b["burn_rate"] for b in analysis["burn_rates"]}
    assert rates["1h"] == 10.0  # 1 % errors on a 0.1 % allowance
    firing = {p["name"]: p["firing"] for p in analysis["policy"]}
    assert firing == {"page-fast": False, "page-slow": True, "ticket": True}

    backtest = analysis["backtest"]
    assert backtest["compared_rule"] == {"error_rate": 0.01, "window_minutes": 5}
    assert backtest["compared"]["pages"] > backtest["workbook"]["pages"]  # the blips page a static 1 %/5 min
    assert backtest["workbook"]["recall"] == 1.0 and backtest["page_reduction"] > 0.5


async def test_analysis_validates_and_respects_tenancy(client: httpx.AsyncClient, mint: Mint) -> None:
    viewer = as_role(mint, "viewer")
    r = await client.get(f"{BASE}/services/svc_doesnotexist/slo-analysis", headers=viewer)
    assert r.status_code == 404 and r.headers["content-type"].startswith("application/problem+json")
    body = {"name": "slo-tenancy-probe", "owner": {"team": "sre"}, "tier": "tier-2"}
    created = await client.post(f"{BASE}/services", json=body, headers=as_role(mint, "sre"))
    assert created.status_code == 201, created.text
    url = f"{BASE}/services/{created.json()['id']}/slo-analysis"
    ok = await client.get(url, headers=viewer)
    assert ok.status_code == 200 and ok.json()["objective"]["source"] == "default"
    for bad in ({"days": 31}, {"days": 0}, {"compare_error_rate": 0}, {"compare_window_minutes": 0}):
        r = await client.get(url, params=bad, headers=viewer)
        assert r.status_code == 400, (bad, r.text)
    other = as_role(mint, "viewer", tenant="globex")
    assert (await client.get(url, headers=other)).status_code == 404  # another tenant's: not revealed
    globex_url = url.replace("/tenants/acme/", "/tenants/globex/")
    missing = await client.get(globex_url, headers=other)
    assert missing.status_code == 404 and "Service" in missing.json()["detail"]  # not in globex
