from __future__ import annotations

import time
from collections.abc import Callable
from datetime import timedelta

import httpx

from companyos_server.domains.inspect.links import register_link_provider, unregister_link_provider
from companyos_server.platform.principal import ACR_MFA
from companyos_server.platform.runtime import Runtime
from companyos_server.platform.storage import utcnow
from tests.conftest import bearer
from tests.integration.search.test_search_api import make_tenant, member

Mint = Callable[..., str]


def build(runtime: Runtime) -> None:
    make_tenant(runtime, "initech")
    g = runtime.graph
    with runtime.db.session() as s:
        g.upsert_entity(
            s, tenant_id="initech", kind="service", entity_id="svc_api", name="payments-api", actor="usr_a"
        )
        g.upsert_entity(s, tenant_id="initech", kind="deployment", entity_id="dep_9", name="payments-api v9")
        g.upsert_entity(s, tenant_id="initech", kind="secret_thing", entity_id="st_1", name="hidden")
        g.link(s, tenant_id="initech", src="deployment:dep_9", relation="deployed_to", dst="service:svc_api")
        g.link(s, tenant_id="initech", src="secret_thing:st_1", relation="guards", dst="service:svc_api")
        g.record_change(
            s, tenant_id="initech", ref="deployment:dep_9", actor="ci-bot", action="deployed",
            summary="v9 rolled out", at=utcnow() - timedelta(hours=2),
        )  # fmt: skip
    runtime.audit.record(
        "initech", actor="usr_a", actor_kind="user", action="services:update", resource="tenant:initech",
        outcome="success", status=200, request_id="req_1",
    )  # fmt: skip


async def test_inspect_shows_neighbours_changes_links_and_actions(
    client: httpx.AsyncClient, mint: Mint, runtime: Runtime
) -> None:
    build(runtime)

    def grafana(tenant_id: str, entity: dict) -> list[dict[str, str]]:
        return [
            {
                "name": "Grafana",
                "url": f"https://grafana.test/d/x?var-service={entity['name']}&tenant={tenant_id}",
            }
        ]

    register_link_provider("service", grafana)
    try:
        # A platform admin outside the tenant states a purpose, as any cross-tenant reader does.
        headers = {
            **bearer(mint("usr_root", scopes=["openid", "api", "platform:admin"])),
            "X-CompanyOS-Purpose": "support ticket 42",
        }
        r = await client.get(
            "/v1/tenants/initech/inspect", params={"ref": "service:svc_api"}, headers=headers
        )
    finally:
        unregister_link_provider("service", grafana)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["entity"]["name"] == "payments-api"
    assert sorted(e["ref"] for e in body["neighbours"]["entities"]) == [
        "deployment:dep_9",
        "secret_thing:st_1",
    ]
    deployed = [c for c in body["changes"] if c["action"] == "deployed"]
    assert deployed and deployed[0]["actor"] == "ci-bot" and deployed[0]["ref"] == "deployment:dep_9"
    assert body["links"] == [
        {"name": "Grafana", "url": "https://grafana.test/d/x?var-service=payments-api&tenant=initech"}
    ]
    assert all(a["allowed"] for a in body["actions"])  # platform admin, Maestro remediations included
    assert [a["action"] for a in body["actions"] if a["action"].startswith("maestro:")] == [
        "maestro:service.restart",
        "maestro:service.scale",
        "maestro:service.isolate",
    ]


async def test_inspect_actions_carry_reasons_and_step_up(
    client: httpx.AsyncClient, mint: Mint, runtime: Runtime
) -> None:
    build(runtime)
    viewer = member(mint, "initech", "viewer")
    r = await client.get("/v1/tenants/initech/inspect", params={"ref": "tenant:initech"}, headers=viewer)
    assert r.status_code == 200, r.text
    body = r.json()
    actions = {a["action"]: a for a in body["actions"]}
    assert actions["tenants:read"] == {
        "action": "tenants:read",
        "allowed": True,
        "reasons": [],
        "requires_step_up": False,
    }
    assert actions["tenants:update"]["allowed"] is False and actions["tenants:update"]["reasons"]
    assert actions["tenants:create"]["requires_step_up"] is True
    assert [e["action"] for e in body["audit"]] == ["services:update"]
    fresh = member(mint, "initech", "tenant_admin", acr=ACR_MFA, auth_time=int(time.time()))
    r = await client.get("/v1/tenants/initech/inspect", params={"ref": "tenant:initech"}, headers=fresh)
    actions = {a["action"]: a for a in r.json()["actions"]}
    assert actions["tenants:update"]["allowed"] is True
    assert actions["tenants:create"]["requires_step_up"] is False


async def test_inspect_hides_unreadable_kinds_and_unknown_refs(
    client: httpx.AsyncClient, mint: Mint, runtime: Runtime
) -> None:
    build(runtime)
    sre = member(mint, "initech", "sre")
    r = await client.get("/v1/tenants/initech/inspect", params={"ref": "secret_thing:st_1"}, headers=sre)
    assert r.status_code == 404  # no policy grants secret_things:read to members
    r = await client.get("/v1/tenants/initech/inspect", params={"ref": "service:nope"}, headers=sre)
    assert r.status_code == 404
    r = await client.get(
        "/v1/tenants/initech/inspect",
        params={"ref": "tenant:initech", "since": "2026-01-02T00:00:00Z", "until": "2026-01-01T00:00:00Z"},
        headers=sre,
    )
    assert r.status_code == 400
