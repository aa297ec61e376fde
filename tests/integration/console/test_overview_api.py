"""`GET /v1/tenants/{tenant}/overview`: the home page's one read, on both databases."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx

from tests.conftest import bearer

BASE = "/v1/tenants/acme/overview"


async def test_overview_aggregates_the_sections_worst_service_first(
    client: httpx.AsyncClient, user_token: Callable[[str], str], seeded: dict[str, Any]
) -> None:
    r = await client.get(BASE, headers=bearer(user_token("alice")))  # acme sre
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["tenant"]["id"] == "acme" and body["environment"] == "production"
    services = body["services"]
    assert services["total"] == sum(services["by_slo_state"].values()) >= len(services["items"]) > 0
    order = ["exhausted", "at_risk", "no_data", "healthy", "not_configured"]
    ranks = [order.index(s["slo"]["state"]) for s in services["items"]]
    assert ranks == sorted(ranks)
    # The aggregates agree with the section's own list operations.
    listed = await client.get("/v1/tenants/acme/services?environment=production&page_size=500",
                              headers=bearer(user_token("alice")))  # fmt: skip
    assert services["total"] == len(listed.json()["items"])
    firing = await client.get("/v1/tenants/acme/alerts?status=firing&page_size=500",
                              headers=bearer(user_token("alice")))  # fmt: skip
    assert body["alerts"]["firing_total"] == len(firing.json()["items"])
    assert sum(s["firing_alerts"] for s in services["items"]) <= body["alerts"]["firing_total"]
    incidents = body["incidents"]
    assert incidents["open_total"] == sum(incidents["by_severity"].values())
    assert all(i["status"] != "resolved" for i in incidents["items"])
    assert all(d["environment"] == "production" for d in body["deployments"]["items"])
    assert body["withheld"] == []  # an SRE reads every section


async def test_a_viewer_gets_withheld_sections_with_reasons(
    client: httpx.AsyncClient, user_token: Callable[[str], str]
) -> None:
    r = await client.get(BASE, headers=bearer(user_token("bob")), params={"service_limit": 1})
    assert r.status_code == 200, r.text
    body = r.json()
    assert len(body["services"]["items"]) == 1
    withheld = {w["section"]: w for w in body["withheld"]}
    assert "admin_actions" in withheld and body["spotlight"]["admin_actions"] == []
    assert withheld["admin_actions"]["action"] == "admin_actions:read"
    assert any("admin_actions:read" in reason for reason in withheld["admin_actions"]["reasons"])


async def test_overview_is_tenant_isolated_and_validates_its_parameters(
    client: httpx.AsyncClient, user_token: Callable[[str], str]
) -> None:
    other = await client.get(BASE, headers=bearer(user_token("gabe")))  # globex
    assert other.status_code in (403, 404)
    assert other.headers["content-type"].startswith("application/problem+json")
    bad = await client.get(BASE, headers=bearer(user_token("alice")), params={"service_limit": 0})
    assert bad.status_code == 400 and bad.headers["content-type"].startswith("application/problem+json")
    env = await client.get(BASE, headers=bearer(user_token("alice")), params={"environment": "moon"})
    assert env.status_code == 400
