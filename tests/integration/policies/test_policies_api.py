"""Policies through HTTP: catalog, decisions, tenant policy edits (step-up, dry-run flips), exceptions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx

from companyos_server.domains.policies import hook
from companyos_server.platform.policy import Resource
from companyos_server.platform.principal import Principal
from companyos_server.platform.runtime import Runtime
from tests.integration.alerts.helpers import Mint, member

FORBID_VIEWER_READS = {
    "effect": "forbid",
    "actions": ["incidents:read"],
    "roles": ["viewer"],
    "reason": "viewers do not read incidents during the audit",
}


def record(runtime: Runtime, subject: str, role: str, action: str, *, tenant: str = "acme") -> None:
    principal = Principal(subject=subject, kind="user", tenants={tenant: (role,)})
    resource = Resource(
        action.split(":")[0].rstrip("s"), tenant, tenant, {"residency": "eu", "tier": "enterprise"}
    )
    decision = runtime.policy.authorize(principal, action, resource, mutation=False)
    assert hook.record_decision(
        runtime.db, principal=principal, action=action, resource=resource, decision=decision, mutation=False
    )


async def test_catalog_lists_builtin_policies_with_reasons(client: httpx.AsyncClient, mint: Mint) -> None:
    r = await client.get("/v1/tenants/acme/policies", headers=member(mint, "acme", "viewer"))
    assert r.status_code == 200, r.text
    items = {p["id"]: p for p in r.json()["items"]}
    assert {
        "platform-admin",
        "member-read",
        "suspended-tenant-frozen",
        "alerts-ingest-key",
        "incidents-responders",
    } <= set(items)
    frozen = items["suspended-tenant-frozen"]
    assert frozen["effect"] == "forbid" and frozen["source"] == "builtin" and frozen["editable"] is False
    assert frozen["reason"] == "the tenant is suspended: only platform admins may change it"
    assert frozen["text"].startswith('@id("suspended-tenant-frozen")') and frozen["text"].endswith(";")
    one = await client.get(
        "/v1/tenants/acme/policies/catalog/member-read", headers=member(mint, "acme", "viewer")
    )
    assert one.json()["effect"] == "permit"
    assert (
        await client.get(
            "/v1/tenants/acme/policies/catalog/no-such-policy", headers=member(mint, "acme", "viewer")
        )
    ).status_code == 404


async def test_decisions_are_listed_with_reasons_and_filters(
    client: httpx.AsyncClient, mint: Mint, runtime: Runtime
) -> None:
    record(runtime, "usr_vera", "viewer", "incidents:read")
    record(runtime, "usr_vera", "viewer", "incidents:update")
    record(runtime, "usr_gabe", "viewer", "incidents:read", tenant="globex")
    analyst = member(mint, "acme", "security_analyst")
    r = await client.get("/v1/tenants/acme/policies/decisions", headers=analyst)
    assert r.status_code == 200, r.text
    items = r.json()["items"]
    # Newest first; the edge records every decision, this very read of the log included.
    assert [(d["principal"], d["action"], d["outcome"]) for d in items] == [
        ("usr_acme_security_analyst", "policies:read_decisions", "allow"),
        ("usr_vera", "incidents:update", "deny"),
        ("usr_vera", "incidents:read", "allow"),
    ]
    assert items[2]["policy_ids"] == ["incidents-member-read"]
    assert items[2]["reasons"] == ["tenant members may read incidents"]
    denied = await client.get(
        "/v1/tenants/acme/policies/decisions", params={"outcome": "deny"}, headers=analyst
    )
    assert [d["action"] for d in denied.json()["items"]] == ["incidents:update"]
    assert "no policy permits" in denied.json()["items"][0]["reasons"][0]
    # Viewers may not read decisions.
    assert (
        await client.get("/v1/tenants/acme/policies/decisions", headers=member(mint, "acme", "viewer"))
    ).status_code == 403


async def test_policy_edit_needs_step_up_and_dry_run_lists_flips(
    client: httpx.AsyncClient, mint: Mint, runtime: Runtime
) -> None:
    record(runtime, "usr_vera", "viewer", "incidents:read")
    record(runtime, "usr_sam", "sre", "incidents:read")
    path = "/v1/tenants/acme/policies/catalog/no-viewer-incidents"

    r = await client.put(path, json=FORBID_VIEWER_READS, headers=member(mint, "acme", "tenant_admin"))
    assert r.status_code == 401
    assert 'error="insufficient_user_authentication"' in r.headers["www-authenticate"]
    r = await client.put(path, json=FORBID_VIEWER_READS, headers=member(mint, "acme", "sre", mfa=True))
    assert r.status_code == 403  # SREs do not edit policies

    editor = member(mint, "acme", "tenant_admin", subject="usr_tess", mfa=True)
    r = await client.put(path, params={"dry_run": "true"}, json=FORBID_VIEWER_READS, headers=editor)
    assert r.status_code == 200, r.text
    result = r.json()
    # Re-evaluated: the two recorded reads, the two refused edits above (the 401 was allowed by policy,
    # then refused for step-up: permission is decided first) and this dry run's own decision.
    assert result["dry_run"] is True and result["evaluated"] == 5 and result["changed"] == 1
    (flip,) = result["flips"]
    assert (flip["principal"], flip["action"], flip["before"], flip["after"]) == (
        "usr_vera",
        "incidents:read",
        "allow",
        "deny",
    )
    assert flip["reasons"] == ["viewers do not read incidents during the audit"]
    assert (await client.get(path, headers=editor)).status_code == 404  # nothing stored

    r = await client.put(path, json=FORBID_VIEWER_READS, headers=editor)
    assert r.status_code == 200 and r.json()["policy"]["version"] == 1
    assert r.json()["policy"]["cedar_id"] == "tenant:acme:no-viewer-incidents"
    # Disabling it is an edit too: v2, and the dry run shows the viewer read coming back.
    disable = {**FORBID_VIEWER_READS, "enabled": False}
    preview = (await client.put(path, params={"dry_run": "true"}, json=disable, headers=editor)).json()
    assert [(f["principal"], f["before"], f["after"]) for f in preview["flips"]] == [
        ("usr_vera", "deny", "allow")
    ]
    r = await client.put(path, json=disable, headers=editor)
    assert r.json()["policy"]["version"] == 2 and r.json()["previous_version"] == 1
    # Lifting a forbid gives viewers their reads back: a widening, so v2 waits for a second person.
    assert r.status_code == 202 and r.json()["policy"]["status"] == "pending", r.text
    assert r.json()["widening"] == [{"role": "viewer", "action": "incidents:read"}]
    versions = (await client.get(f"{path}/versions", headers=editor)).json()["items"]
    assert [(v["version"], v["enabled"]) for v in versions] == [(2, False), (1, True)]
    catalog = (await client.get("/v1/tenants/acme/policies", headers=editor)).json()["items"]
    assert [p["id"] for p in catalog if p["source"] == "tenant"] == ["no-viewer-incidents"]
    # Tenant policies are the tenant's own.
    assert all(
        p["source"] == "builtin"
        for p in (
            await client.get("/v1/tenants/globex/policies", headers=member(mint, "globex", "viewer"))
        ).json()["items"]
    )
    # Built-ins are read-only.
    r = await client.put(
        "/v1/tenants/acme/policies/catalog/member-read", json=FORBID_VIEWER_READS, headers=editor
    )
    assert r.status_code == 409


async def test_exception_approval_rules_and_expiry(
    client: httpx.AsyncClient, mint: Mint, runtime: Runtime
) -> None:
    # residency-eu-export requires MFA: its exceptions are requested and approved with a fresh MFA sign-in.
    requester = member(mint, "acme", "sre", subject="usr_sam", mfa=True)
    approver = member(mint, "acme", "security_analyst", subject="usr_ana", mfa=True)
    body = {"policy_id": "residency-eu-export", "reason": "external audit export", "duration_hours": 48}
    r = await client.post("/v1/tenants/acme/policies/exceptions", json=body, headers=requester)
    assert r.status_code == 201, r.text
    exc = r.json()
    assert (exc["status"], exc["scope"], exc["requested_by"], exc["approver"]) == (
        "pending",
        "tenant",
        "usr_sam",
        None,
    )
    path = f"/v1/tenants/acme/policies/exceptions/{exc['id']}"

    # The requester cannot approve their own exception, even as an approver role.
    self_approver = member(mint, "acme", "security_analyst", subject="usr_sam", mfa=True)
    r = await client.post(f"{path}/approve", headers=self_approver)
    assert r.status_code == 403 and "requester" in r.json()["detail"]
    # SREs may request but not approve.
    assert (
        await client.post(f"{path}/approve", headers=member(mint, "acme", "sre", subject="usr_other"))
    ).status_code == 403
    r = await client.post(f"{path}/approve", headers=approver)
    assert r.status_code == 200 and (r.json()["status"], r.json()["approver"]) == ("active", "usr_ana")
    assert (await client.post(f"{path}/approve", headers=approver)).status_code == 409

    # Unknown policy, and an expired pending exception cannot be approved.
    bad = await client.post(
        "/v1/tenants/acme/policies/exceptions",
        json={**body, "policy_id": "no-such-policy"},
        headers=requester,
    )
    assert bad.status_code == 404
    other = (
        await client.post(
            "/v1/tenants/acme/policies/exceptions", json={**body, "duration_hours": 1}, headers=requester
        )
    ).json()
    from companyos_server.domains.policies import store

    with runtime.db.session() as session:
        for ident in (exc["id"], other["id"]):
            row = store.get_exception(session, "acme", ident)
            assert row is not None
            row.expires_at = datetime.now(UTC) - timedelta(minutes=1)
    assert (await client.get(path, headers=requester)).json()["status"] == "expired"
    r = await client.post(f"/v1/tenants/acme/policies/exceptions/{other['id']}/approve", headers=approver)
    assert r.status_code == 409
    listed = await client.get(
        "/v1/tenants/acme/policies/exceptions", params={"status": "active"}, headers=requester
    )
    assert {e["status"] for e in listed.json()["items"]} <= {"active"}  # the demo seed's, if any
    assert not {e["id"] for e in listed.json()["items"]} & {exc["id"], other["id"]}
    expired = await client.get(
        "/v1/tenants/acme/policies/exceptions", params={"status": "expired"}, headers=requester
    )
    assert {exc["id"], other["id"]} <= {e["id"] for e in expired.json()["items"]}
    assert {e["status"] for e in expired.json()["items"]} == {"expired"}
    with runtime.db.session() as session:
        active = store.active_exceptions(session, "acme", "residency-eu-export", datetime.now(UTC))
        assert not {r.id for r in active} & {exc["id"], other["id"]}
