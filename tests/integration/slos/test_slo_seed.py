"""The demo seed gives SLO Doctor something to say: ``ledger-ops`` has 30 days of 1-minute data, a noisy
static alert and a regression after a deploy; a recommendation's backtest cuts its pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
from sqlalchemy import func, select

from companyos_server.core.maestro.models import SliSampleRow
from companyos_server.domains.alerts.occurrences import AlertOccurrenceRow
from companyos_server.domains.slos import flows, report, seed
from companyos_server.platform.runtime import Runtime
from tests.conftest import bearer

Mint = Callable[..., str]


async def test_seeded_service_gets_recommendations_that_cut_pages(
    client: httpx.AsyncClient, mint: Mint, runtime: Runtime, seeded: dict[str, Any]
) -> None:
    def stored() -> tuple[int, int]:
        with runtime.db.session() as session:
            return (
                session.scalar(select(func.count()).select_from(SliSampleRow)) or 0,
                session.scalar(select(func.count()).select_from(AlertOccurrenceRow)) or 0,
            )

    before = stored()
    seed.seed_demo(runtime)  # idempotent: already seeded by the fixture, so it adds nothing
    assert stored() == before and before[0] >= 43_200
    viewer = bearer(mint("usr_acme_viewer", tenants={"acme": ["viewer"]}))
    services = (await client.get("/v1/tenants/acme/services", params={"name_prefix": "ledger-ops"},
                                 headers=viewer)).json()["items"]  # fmt: skip
    (service,) = services
    slos = (await client.get(f"/v1/tenants/acme/services/{service['id']}/slos", headers=viewer)).json()
    assert [s["name"] for s in slos["items"]] == ["ledger-availability"]
    r = await client.get(f"/v1/tenants/acme/services/{service['id']}/slo-recommendations", headers=viewer)
    assert r.status_code == 200, r.text
    recs = {rec["kind"]: rec for rec in r.json()["items"]}
    policy = recs["burn_rate_policy"]["expected_impact"]
    assert policy["pages_before"] > 300 and policy["pages_after"] < 10
    assert policy["significant_burns_missed_after"] == 0
    assert recs["rollback"]["title"].startswith("Roll back v3.4.0")
    with runtime.db.session() as session:  # the regression's errors are all in eu: the report says so
        found = report.build(flows.diagnose(session, "acme", service["id"], days=30), [])
    assert [f["title"] for f in found["findings"] if f["title"].startswith("hotspot")] == [
        "hotspot: region eu"
    ]
    # the noisy alert's pages were recorded as it fired: the report scores them beside the replay
    summary = found["executive_summary"]
    # (they are the declared rule's firings, so recorded and replayed agree exactly)
    assert summary["observed_pages"] == summary["pages"] > 300
    assert summary["observed_noise_score"] == summary["noise_score"] > 0.5
    assert "ledger-availability: alert ledger-5xx-1pct pages on noise" in [
        f["title"] for f in found["findings"]
    ]
    # The tenant's seeded rollback plan rolls back checkout-api: it is not linked to ledger-ops's v3.4.0.
    rollback = recs["rollback"]
    assert [link for link in rollback["links"] if link["rel"] == "maestro_plan"] == []
    deployment_id = rollback["proposal"]["rollback"]["deployment_id"]
    plan = {"name": "Roll back ledger-ops v3.4.0",
            "steps": [{"id": "rollback", "action": "deployment.rollback",
                       "parameters": {"deployment_id": deployment_id, "service_id": service["id"]}}]}  # fmt: skip
    sre = bearer(mint("usr_alice", tenants={"acme": ["sre"]}))
    created = await client.post("/v1/tenants/acme/plans", json=plan, headers=sre)
    assert created.status_code == 201, created.text
    r = await client.get(f"/v1/tenants/acme/services/{service['id']}/slo-recommendations", headers=viewer)
    linked = next(rec for rec in r.json()["items"] if rec["kind"] == "rollback")
    assert {"rel": "maestro_plan", "title": "Maestro plan rolling back v3.4.0",
            "href": f"/v1/tenants/acme/plans/{created.json()['id']}"} in linked["links"]  # fmt: skip
    assert linked["proposal"]["rollback"]["plan_id"] == created.json()["id"]
