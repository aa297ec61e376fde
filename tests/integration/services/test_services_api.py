"""Service catalog through HTTP: CRUD, filters, pagination, dependencies, the map, links, the graph."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, urlparse

import httpx

from companyos_server.platform.principal import ACR_MFA
from tests.conftest import bearer

Mint = Callable[..., str]
BASE = "/v1/tenants/acme"


def as_role(mint: Mint, role: str, tenant: str = "acme") -> dict[str, str]:
    return bearer(mint(f"usr_{tenant}_{role}", tenants={tenant: [role]}))


async def by_name(client: httpx.AsyncClient, headers: dict[str, str], name: str) -> dict[str, Any]:
    r = await client.get(f"{BASE}/services", params={"name_prefix": name}, headers=headers)
    assert r.status_code == 200, r.text
    [found] = [s for s in r.json()["items"] if s["name"] == name]
    return found


async def test_seeded_catalog_lists_by_name_with_filters(client: httpx.AsyncClient, mint: Mint) -> None:
    viewer = as_role(mint, "viewer")
    r = await client.get(f"{BASE}/services", headers=viewer)
    assert r.status_code == 200, r.text
    names = [s["name"] for s in r.json()["items"]]
    assert names == sorted(names) and len(names) == 9  # the catalog's 8 and SLO Doctor's ledger-ops
    assert "checkout-api" in names and "storefront" not in names  # globex's, not acme's

    tier0 = (await client.get(f"{BASE}/services", params={"tier": "tier-0"}, headers=viewer)).json()
    assert [s["name"] for s in tier0["items"]] == ["auth-service", "checkout-api", "payments-gateway"]
    payments = (await client.get(f"{BASE}/services", params={"owner": "payments"}, headers=viewer)).json()
    assert [s["name"] for s in payments["items"]] == ["checkout-api", "ledger-ops", "payments-gateway"]
    prefix = (await client.get(f"{BASE}/services", params={"name_prefix": "ch"}, headers=viewer)).json()
    assert [s["name"] for s in prefix["items"]] == ["checkout-api"]
    staging = (await client.get(f"{BASE}/services", params={"environment": "staging"}, headers=viewer)).json()
    assert "analytics-ingest" not in [s["name"] for s in staging["items"]]
    assert len(staging["items"]) == 8


async def test_pagination_walks_every_service_once(client: httpx.AsyncClient, mint: Mint) -> None:
    viewer = as_role(mint, "viewer")
    seen, token = [], None
    while True:
        params: dict[str, Any] = {"page_size": 3, **({"page_token": token} if token else {})}
        page = (await client.get(f"{BASE}/services", params=params, headers=viewer)).json()
        seen += [s["name"] for s in page["items"]]
        token = page.get("next_page_token")
        if not token:
            break
    assert len(seen) == 9 and seen == sorted(set(seen))
    # A token is bound to its filters.
    first = (await client.get(f"{BASE}/services", params={"page_size": 1}, headers=viewer)).json()
    r = await client.get(
        f"{BASE}/services",
        params={"page_size": 1, "tier": "tier-0", "page_token": first["next_page_token"]},
        headers=viewer,
    )
    assert r.status_code == 400


async def test_create_update_delete_with_etag_and_dependencies(client: httpx.AsyncClient, mint: Mint) -> None:
    sre = as_role(mint, "sre")
    auth = await by_name(client, sre, "auth-service")
    body = {
        "name": "ledger-reconciler",
        "description": "Reconciles the ledger.",
        "owner": {"team": "payments", "contact": "payments@example.com"},
        "tier": "tier-2",
        "environments": ["staging", "production"],
        "dependencies": [auth["id"]],
        "slo": {"objective": 99.5, "sli": 99.6},
    }
    r = await client.post(f"{BASE}/services", json=body, headers=sre)
    assert r.status_code == 201, r.text
    created = r.json()
    assert created["id"].startswith("svc_") and r.headers["etag"] == '"1"'
    assert r.headers["location"] == f"{BASE}/services/{created['id']}"
    assert created["environments"] == ["production", "staging"]
    assert created["dependencies"] == [auth["id"]]
    assert created["slo"]["state"] == "at_risk" and created["slo"]["error_budget_remaining"] == 0.2

    dup = await client.post(f"{BASE}/services", json=body, headers=sre)
    assert dup.status_code == 409

    url = f"{BASE}/services/{created['id']}"
    stale = await client.patch(url, json={"tier": "tier-1"}, headers={**sre, "If-Match": '"7"'})
    assert stale.status_code == 409
    r = await client.patch(
        url, json={"tier": "tier-1", "dependencies": []}, headers={**sre, "If-Match": '"1"'}
    )
    assert r.status_code == 200, r.text
    assert (r.json()["tier"], r.json()["dependencies"], r.headers["etag"]) == ("tier-1", [], '"2"')

    missing = await client.patch(url, json={"dependencies": ["svc_doesnotexist000"]}, headers=sre)
    assert missing.status_code == 404
    itself = await client.patch(url, json={"dependencies": [created["id"]]}, headers=sre)
    assert itself.status_code == 409

    viewer = as_role(mint, "viewer")
    denied = await client.patch(url, json={"tier": "tier-3"}, headers=viewer)
    assert denied.status_code == 403
    assert denied.json()["reasons"] == ["no policy permits 'services:update' for viewer in tenant 'acme'"]

    assert (await client.delete(url, headers=sre)).status_code == 204
    assert (await client.get(url, headers=sre)).status_code == 404


async def test_cannot_delete_a_dependency(client: httpx.AsyncClient, mint: Mint) -> None:
    admin = as_role(mint, "tenant_admin")
    auth = await by_name(client, admin, "auth-service")
    r = await client.delete(f"{BASE}/services/{auth['id']}", headers=admin)
    assert r.status_code == 409
    assert "checkout-api" in r.json()["detail"]


async def test_dependency_graph_and_service_map(client: httpx.AsyncClient, mint: Mint) -> None:
    viewer = as_role(mint, "viewer")
    storefront = await by_name(client, viewer, "web-storefront")
    url = f"{BASE}/services/{storefront['id']}/dependencies"
    one = (await client.get(url, headers=viewer)).json()
    assert {n["name"]: n["depth"] for n in one["nodes"]} == {
        "web-storefront": 0,
        "auth-service": 1,
        "checkout-api": 1,
        "search-api": 1,
    }
    deep = (await client.get(url, params={"depth": 3}, headers=viewer)).json()
    depths = {n["name"]: n["depth"] for n in deep["nodes"]}
    assert depths["payments-gateway"] == 2 and depths["inventory-service"] == 2
    assert "analytics-ingest" not in depths

    auth = await by_name(client, viewer, "auth-service")
    up = await client.get(
        f"{BASE}/services/{auth['id']}/dependencies", params={"direction": "upstream"}, headers=viewer
    )
    assert {n["name"] for n in up.json()["nodes"]} == {
        "auth-service",
        "payments-gateway",
        "checkout-api",
        "notification-service",
        "web-storefront",
    }
    assert all(e["target"] == auth["id"] for e in up.json()["edges"])

    smap = (await client.get(f"{BASE}/service-map", headers=viewer)).json()
    names = {n["id"]: n["name"] for n in smap["nodes"]}
    pairs = {(names[e["source"]], names[e["target"]]) for e in smap["edges"]}
    assert ("checkout-api", "payments-gateway") in pairs and ("web-storefront", "checkout-api") in pairs
    assert len(smap["nodes"]) == 9 and len(smap["edges"]) == 9  # ledger-ops has no dependencies


async def test_observability_links_fill_templates(client: httpx.AsyncClient, mint: Mint) -> None:
    viewer = as_role(mint, "viewer")
    checkout = await by_name(client, viewer, "checkout-api")
    params = {"from": "2026-11-01T10:00:00Z", "to": "2026-11-01T11:30:00+00:00"}
    r = await client.get(f"{BASE}/services/{checkout['id']}/links", params=params, headers=viewer)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["configured"] is True
    kinds = [link["kind"] for link in body["links"]]
    assert kinds == ["grafana", "prometheus", "loki", "runbook"]
    grafana = urlparse(body["links"][0]["url"])
    assert grafana.netloc == "grafana.eu.example.com"
    query = parse_qs(grafana.query)
    assert query["var-service"] == ["checkout-api"] and query["var-tenant"] == ["acme"]
    assert query["from"] == ["1793527200000"] and query["to"] == ["1793532600000"]
    assert query["var-env"] == ["production"]
    assert "{" not in "".join(link["url"] for link in body["links"])

    inverted = await client.get(
        f"{BASE}/services/{checkout['id']}/links",
        params={"from": params["to"], "to": params["from"]},
        headers=viewer,
    )
    assert inverted.status_code == 400


async def test_links_without_templates_are_an_explicit_empty_state(
    client: httpx.AsyncClient, mint: Mint
) -> None:
    admin = as_role(mint, "tenant_admin")
    fresh = bearer(mint("usr_acme_tenant_admin", tenants={"acme": ["tenant_admin"]}, acr=ACR_MFA,
                        auth_time=int(time.time())))  # fmt: skip
    r = await client.put(f"{BASE}/config", json={"document": {}, "message": "clear"}, headers=fresh)
    assert r.status_code == 200, r.text
    checkout = await by_name(client, admin, "checkout-api")
    body = (await client.get(f"{BASE}/services/{checkout['id']}/links", headers=admin)).json()
    assert body["configured"] is False
    assert [link["kind"] for link in body["links"]] == ["runbook"]


async def test_services_are_written_to_intelgraph(
    client: httpx.AsyncClient, mint: Mint, runtime: Any
) -> None:
    viewer = as_role(mint, "viewer")
    checkout = await by_name(client, viewer, "checkout-api")
    entity = runtime.graph.get("acme", f"service:{checkout['id']}")
    assert entity is not None and entity["name"] == "checkout-api"
    assert entity["attributes"]["tier"] == "tier-0"
    assert runtime.graph.get("globex", f"service:{checkout['id']}") is None
