from __future__ import annotations

from collections.abc import Callable

import httpx

from companyos_server.core.spine.store import EvidenceItem, verify_archive
from companyos_server.platform.runtime import Runtime
from tests.integration.search.test_search_api import make_tenant, member

Mint = Callable[..., str]


async def test_list_get_download_verify_and_lineage(
    client: httpx.AsyncClient, mint: Mint, runtime: Runtime
) -> None:
    make_tenant(runtime, "initech")
    pack = runtime.evidence.create_pack(
        tenant_id="initech", title="Rollback evidence", subject="deployment:dep_1",
        items=[EvidenceItem("steps.json", b'{"ok": true}')],
        lineage={"inputs": ["alert:al_1"], "process": "maestro:rollback", "outputs": ["deployment:dep_1"]},
        created_by="usr_alice",
    )  # fmt: skip
    headers = member(mint, "initech", "viewer")
    r = await client.get(
        "/v1/tenants/initech/evidence-packs", params={"subject": "deployment:dep_1"}, headers=headers
    )
    assert r.status_code == 200, r.text
    assert [p["id"] for p in r.json()["items"]] == [pack["id"]]
    r = await client.get(f"/v1/tenants/initech/evidence-packs/{pack['id']}", headers=headers)
    assert r.json()["items"][0]["name"] == "steps.json"
    r = await client.get(f"/v1/tenants/initech/evidence-packs/{pack['id']}/archive", headers=headers)
    assert r.status_code == 200
    assert r.headers["content-disposition"] == f'attachment; filename="{pack["id"]}.tar.gz"'
    assert verify_archive(r.content)["ok"] is True
    r = await client.get("/v1/tenants/initech/lineage", params={"ref": "deployment:dep_1"}, headers=headers)
    assert r.json()["upstream"] == ["alert:al_1"]
    # another tenant's member cannot reach it; an unknown id is 404
    r = await client.get(f"/v1/tenants/acme/evidence-packs/{pack['id']}", headers=member(mint, "acme", "sre"))
    assert r.status_code == 404
    r = await client.get("/v1/tenants/initech/evidence-packs/evp_nope/archive", headers=headers)
    assert r.status_code == 404
