from __future__ import annotations

from collections.abc import Callable

import httpx

from companyos_server.platform.runtime import Runtime
from tests.conftest import bearer
from tests.integration.search.test_search_api import make_tenant, member

Mint = Callable[..., str]
ADMIN = ["openid", "api", "platform:admin"]


def build(runtime: Runtime) -> None:
    make_tenant(runtime, "initech")
    g = runtime.graph
    with runtime.db.session() as s:
        for ident in ("a", "b", "c"):
            g.upsert_entity(s, tenant_id="initech", kind="service", entity_id=ident, name=f"svc {ident}")
        g.upsert_entity(s, tenant_id="initech", kind="alert", entity_id="al1", name="High error rate")
        g.upsert_entity(s, tenant_id="initech", kind="secret_thing", entity_id="x", name="x")
        g.link(s, tenant_id="initech", src="service:a", relation="depends_on", dst="service:b")
        g.link(s, tenant_id="initech", src="service:b", relation="depends_on", dst="service:c")
        g.link(s, tenant_id="initech", src="alert:al1", relation="affects", dst="service:a")
        g.link(s, tenant_id="initech", src="secret_thing:x", relation="shortcut", dst="service:c")
        g.link(s, tenant_id="initech", src="alert:al1", relation="shortcut", dst="secret_thing:x")


async def test_neighbours_paths_changes(client: httpx.AsyncClient, mint: Mint, runtime: Runtime) -> None:
    build(runtime)
    admin = {**bearer(mint("usr_root", scopes=ADMIN)), "X-CompanyOS-Purpose": "graph tests"}
    r = await client.get(
        "/v1/tenants/initech/graph/neighbours", params={"ref": "service:a", "depth": 2, "kinds": "service"},
        headers=admin,
    )  # fmt: skip
    assert r.status_code == 200, r.text
    assert sorted(e["ref"] for e in r.json()["entities"]) == ["service:b", "service:c"]
    r = await client.get(
        "/v1/tenants/initech/graph/paths", params={"src": "alert:al1", "dst": "service:c"}, headers=admin
    )
    paths = r.json()["paths"]
    assert [[e["dst"] for e in p] for p in paths] == [
        ["secret_thing:x", "service:c"],
        ["service:a", "service:b", "service:c"],
    ]
    r = await client.get("/v1/tenants/initech/graph/changes", params={"ref": "service:a"}, headers=admin)
    assert [c["action"] for c in r.json()["items"]] == ["linked", "linked", "created"]


async def test_unreadable_kinds_are_filtered(client: httpx.AsyncClient, mint: Mint, runtime: Runtime) -> None:
    build(runtime)
    viewer = member(mint, "initech", "viewer")
    r = await client.get(
        "/v1/tenants/initech/graph/neighbours", params={"ref": "service:c", "depth": 1}, headers=viewer
    )
    # services:read may or may not be granted by the services domain's policies; secret_thing never is
    if r.status_code == 200:
        assert "secret_thing:x" not in [e["ref"] for e in r.json()["entities"]]
    r = await client.get(
        "/v1/tenants/initech/graph/neighbours", params={"ref": "secret_thing:x"}, headers=viewer
    )
    assert r.status_code == 404
    admin = {**bearer(mint("usr_root", scopes=ADMIN)), "X-CompanyOS-Purpose": "graph tests"}
    r = await client.get("/v1/tenants/initech/graph/neighbours", params={"ref": "service:zzz"}, headers=admin)
    assert r.status_code == 404
