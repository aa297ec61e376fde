"""Evidence packs in the console: a deployment links its packs (service page, home page); a pack's page
shows its subject, lineage, items, signing key and manifest hash; its signed archive downloads intact."""

from __future__ import annotations

import re
from collections.abc import Callable

import httpx

from companyos_server.core.spine.store import verify_archive
from tests.conftest import bearer
from tests.integration.console.conftest import CONSOLE, Browser


async def test_a_deployments_evidence_pack_is_browsable_and_downloads_signed(
    browser: Browser, client: httpx.AsyncClient, user_token: Callable[[str], str]
) -> None:
    headers = bearer(user_token("alice"))
    packs = (await client.get("/v1/tenants/acme/evidence-packs", headers=headers)).json()["items"]
    pack = packs[0]  # the seeded export's pack
    pack_id = pack["id"]
    services = (await client.get("/v1/tenants/acme/services", headers=headers)).json()["items"]
    body = {"version": "v9.9.9-evidence", "environment": "production", "evidence_pack_ids": [pack_id]}
    r = await client.post(
        f"/v1/tenants/acme/services/{services[0]['id']}/deployments", json=body, headers=headers
    )
    assert r.status_code == 201, r.text
    deployment = r.json()

    await browser.sign_in("alice")
    service = await browser.get(
        f"{CONSOLE}/t/acme/services/{deployment['service_id']}", params={"env": deployment["environment"]}
    )
    assert f'href="/console/t/acme/evidence/{pack_id}" data-testid="evidence-link"' in service.text
    page = await browser.get(f"{CONSOLE}/t/acme/evidence/{pack_id}")
    assert page.status_code == 200, page.text[:300]
    assert pack["title"] in page.text and pack["manifest_sha256"] in page.text and pack["key_id"] in page.text
    for item in pack["items"]:
        assert item["sha256"] in page.text

    def href(ref: str) -> str:  # the entity's console page, else its inspect page
        kind, _, ident = ref.partition(":")
        pages = {
            "service": f"/console/t/acme/services/{ident}",
            "incident": f"/console/t/acme/incidents/{ident}",
        }
        return pages.get(kind) or f"/console/t/acme/inspect?ref={kind}%3A{ident}"

    for ref in [pack["subject"], *pack["lineage"]["inputs"], *pack["lineage"]["outputs"]]:
        assert f'href="{href(ref)}">{ref}</a>' in page.text, ref
    assert f"<code>{pack['lineage']['process']}</code>" in page.text
    archive = await browser.get(f"{CONSOLE}/t/acme/evidence/{pack_id}/download")
    assert archive.status_code == 200 and archive.headers["content-type"] == "application/gzip"
    assert archive.headers["content-disposition"] == f'attachment; filename="{pack_id}.tar.gz"'
    assert verify_archive(archive.content)["ok"]
    assert (await browser.get(f"{CONSOLE}/t/acme/evidence/evp_doesnotexist")).status_code == 404
    assert (await browser.get(f"{CONSOLE}/t/acme/evidence/bad%20id")).status_code == 404
    assert (await browser.get(f"{CONSOLE}/t/acme/evidence/{'x' * 50}")).status_code == 404


async def test_another_tenants_pack_is_not_found(
    browser: Browser, client: httpx.AsyncClient, user_token: Callable[[str], str]
) -> None:
    r = await client.get("/v1/tenants/acme/evidence-packs", headers=bearer(user_token("alice")))
    pack_id = r.json()["items"][0]["id"]
    await browser.sign_in("gwen")  # globex
    assert (await browser.get(f"{CONSOLE}/t/globex/evidence/{pack_id}")).status_code == 404
    assert (await browser.get(f"{CONSOLE}/t/acme/evidence/{pack_id}")).status_code == 404
    assert re.match(r"evp_", pack_id)
