"""Approved, unexpired policy exceptions take effect at the edge, visibly (decisions, dry runs)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from companyos_server.domains.policies import store
from companyos_server.platform.policy import Resource
from companyos_server.platform.principal import Principal
from companyos_server.platform.runtime import Runtime
from tests.integration.alerts.helpers import Mint, ensure_service, member

FORBID_VIEWER_READS = {
    "effect": "forbid",
    "actions": ["incidents:read"],
    "roles": ["viewer"],
    "reason": "viewers do not read incidents during the audit",
}


def editor(mint: Mint, tenant: str = "acme") -> dict[str, str]:
    return member(mint, tenant, "tenant_admin", subject=f"usr_tess_{tenant}", mfa=True)


async def put_policy(
    client: httpx.AsyncClient, mint: Mint, policy_id: str, rule: dict[str, Any], tenant: str = "acme"
) -> None:
    r = await client.put(
        f"/v1/tenants/{tenant}/policies/catalog/{policy_id}", json=rule, headers=editor(mint, tenant)
    )
    assert r.status_code == 200, r.text


async def request_exception(
    client: httpx.AsyncClient, mint: Mint, body: dict[str, Any], tenant: str = "acme"
) -> dict[str, Any]:
    r = await client.post(
        f"/v1/tenants/{tenant}/policies/exceptions",
        json={"reason": "incident review INC-9", "duration_hours": 4, **body},
        headers=member(mint, tenant, "sre", subject="usr_sam"),
    )
    assert r.status_code == 201, r.text
    assert r.json()["status"] == "pending"
    return dict(r.json())


async def approve(client: httpx.AsyncClient, mint: Mint, exception_id: str, tenant: str = "acme") -> None:
    r = await client.post(
        f"/v1/tenants/{tenant}/policies/exceptions/{exception_id}/approve",
        headers=member(mint, tenant, "tenant_admin", subject="usr_ana"),
    )
    assert r.status_code == 200 and r.json()["status"] == "active", r.text


async def viewer_reads_incidents(
    client: httpx.AsyncClient, mint: Mint, tenant: str = "acme"
) -> httpx.Response:
    return await client.get(f"/v1/tenants/{tenant}/incidents", headers=member(mint, tenant, "viewer"))


async def latest_decision(client: httpx.AsyncClient, mint: Mint, principal: str) -> dict[str, Any]:
    r = await client.get(
        "/v1/tenants/acme/policies/decisions",
        params={"action": "incidents:read"},
        headers=member(mint, "acme", "security_analyst"),
    )
    assert r.status_code == 200, r.text
    return next(d for d in r.json()["items"] if d["principal"] == principal)


async def test_an_approved_exception_waives_the_forbid_until_it_expires(
    client: httpx.AsyncClient, mint: Mint, runtime: Runtime
) -> None:
    await put_policy(client, mint, "no-viewer-incidents", FORBID_VIEWER_READS)
    r = await viewer_reads_incidents(client, mint)
    assert r.status_code == 403 and r.json()["reasons"] == ["viewers do not read incidents during the audit"]

    exc = await request_exception(client, mint, {"policy_id": "no-viewer-incidents"})
    r = await viewer_reads_incidents(client, mint)
    assert r.status_code == 403, "a pending exception never applies"

    await approve(client, mint, exc["id"])
    r = await viewer_reads_incidents(client, mint)
    assert r.status_code == 200, r.text
    decision = await latest_decision(client, mint, "usr_acme_viewer")
    assert decision["outcome"] == "allow"
    assert decision["policy_ids"] == ["incidents-member-read", exc["id"]]
    assert decision["reasons"][0] == "tenant members may read incidents"
    note = decision["reasons"][1]
    assert note.startswith(
        f"exception {exc['id']} waives policy 'no-viewer-incidents' (approved by usr_ana, "
    )
    assert note.endswith("): incident review INC-9")

    # A dry run applies the exceptions too: disabling the waived forbid flips nothing for the viewer.
    preview = await client.put(
        "/v1/tenants/acme/policies/catalog/no-viewer-incidents",
        params={"dry_run": "true"},
        json={**FORBID_VIEWER_READS, "enabled": False},
        headers=editor(mint),
    )
    assert preview.status_code == 200, preview.text
    assert [f for f in preview.json()["flips"] if f["action"] == "incidents:read"] == []

    # Expiry is judged at each decision: past expires_at the forbid is back, with no job and no reload.
    runtime.policy.clock = lambda: datetime.now(UTC) + timedelta(hours=5)
    r = await viewer_reads_incidents(client, mint)
    assert r.status_code == 403 and r.json()["reasons"] == ["viewers do not read incidents during the audit"]
    runtime.policy.clock = lambda: datetime.now(UTC)
    assert (await viewer_reads_incidents(client, mint)).status_code == 200

    # The same through the database: the row expires; the tenant's exceptions are read again.
    with runtime.db.session() as session:
        row = store.get_exception(session, "acme", exc["id"])
        assert row is not None
        row.expires_at = datetime.now(UTC) - timedelta(seconds=1)
    runtime.policy.invalidate("acme")  # otherwise within TENANT_POLICY_TTL_SECONDS
    r = await viewer_reads_incidents(client, mint)
    assert r.status_code == 403
    assert (await latest_decision(client, mint, "usr_acme_viewer"))["policy_ids"] == [
        "tenant:acme:no-viewer-incidents"
    ]
    # With the exception expired, the dry run shows the viewer's reads coming back.
    preview = await client.put(
        "/v1/tenants/acme/policies/catalog/no-viewer-incidents",
        params={"dry_run": "true"},
        json={**FORBID_VIEWER_READS, "enabled": False},
        headers=editor(mint),
    )
    flips = [f for f in preview.json()["flips"] if f["action"] == "incidents:read"]
    assert flips and {(f["principal"], f["before"], f["after"]) for f in flips} == {
        ("usr_acme_viewer", "deny", "allow")
    }


async def test_exceptions_of_another_tenant_have_no_effect(client: httpx.AsyncClient, mint: Mint) -> None:
    for tenant in ("acme", "globex"):
        await put_policy(client, mint, "no-viewer-incidents", FORBID_VIEWER_READS, tenant=tenant)
    exc = await request_exception(client, mint, {"policy_id": "no-viewer-incidents"}, tenant="globex")
    await approve(client, mint, exc["id"], tenant="globex")
    assert (await viewer_reads_incidents(client, mint, "globex")).status_code == 200
    r = await viewer_reads_incidents(client, mint, "acme")
    assert r.status_code == 403 and r.json()["reasons"] == ["viewers do not read incidents during the audit"]
    # And acme's own, still pending, changes nothing either.
    await request_exception(client, mint, {"policy_id": "no-viewer-incidents"})
    assert (await viewer_reads_incidents(client, mint, "acme")).status_code == 403


async def test_a_service_scoped_exception_applies_to_that_service_only(
    client: httpx.AsyncClient, mint: Mint, runtime: Runtime
) -> None:
    svc_a = await ensure_service(client, mint, "acme", "exc-service-a")
    svc_b = await ensure_service(client, mint, "acme", "exc-service-b")
    await put_policy(
        client,
        mint,
        "no-viewer-services",
        {
            "effect": "forbid",
            "actions": ["services:read"],
            "roles": ["viewer"],
            "reason": "catalog is private",
        },
    )
    exc = await request_exception(client, mint, {"policy_id": "no-viewer-services", "service_id": svc_a})
    assert exc["scope"] == "service"
    await approve(client, mint, exc["id"])
    viewer = member(mint, "acme", "viewer")

    async def may_read(resource: str) -> bool:
        r = await client.get("/v1/tenants/acme/permissions", params={"resource": resource}, headers=viewer)
        assert r.status_code == 200, r.text
        return next(a["allowed"] for a in r.json()["actions"] if a["action"] == "services:read")

    assert await may_read(f"service:{svc_a}")
    assert not await may_read(f"service:{svc_b}")
    # At the edge: the catalog is a tenant-level resource (no service, so no service exception); an
    # operation naming the service in its path carries it, so the exception applies there, and only there.
    assert (await client.get("/v1/tenants/acme/services", headers=viewer)).status_code == 403
    assert (await client.get(f"/v1/tenants/acme/services/{svc_a}", headers=viewer)).status_code == 200
    assert (await client.get(f"/v1/tenants/acme/services/{svc_b}", headers=viewer)).status_code == 403
    decision = runtime.policy.authorize(
        Principal("usr_v", "user", {"acme": ("viewer",)}), "services:read", Resource("service", svc_a, "acme")
    )
    assert decision.allowed and decision.policy_ids == ("services-member-read", exc["id"])
    assert f"for service {svc_a}" in decision.reasons[1]


async def test_exceptions_name_forbid_policies_only(client: httpx.AsyncClient, mint: Mint) -> None:
    r = await client.post(
        "/v1/tenants/acme/policies/exceptions",
        json={"policy_id": "member-read", "reason": "x", "duration_hours": 1},
        headers=member(mint, "acme", "sre", subject="usr_sam"),
    )
    assert r.status_code == 409 and "exceptions waive forbid policies only" in r.json()["detail"]
