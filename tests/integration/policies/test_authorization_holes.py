"""Regression tests for issue 9 (adversarial review), items 2, 3 and 9.

2. Policy exceptions to an MFA rule need MFA to request and approve, a client can never, and an
   approved exception never lets a caller without MFA through the MFA rule it names.
3. A tenant policy change that widens a role's permissions is pending until a second person, holding
   none of the widened roles, approves it with step-up; nobody widens their own roles; the dry run
   lists the widening.
9. Control characters in anything rendered into Cedar text are a 400 naming the field, and quotes and
   backslashes are escaped (no 500 from cedarpy).
"""

from __future__ import annotations

from typing import Any

import httpx

from companyos_server.domains.policies import catalog
from companyos_server.platform.policy import Resource
from companyos_server.platform.principal import ACR_MFA, Principal
from companyos_server.platform.runtime import Runtime
from tests.conftest import bearer
from tests.integration.alerts.helpers import Mint, member

BASE = "/v1/tenants/acme"
SELF_GRANT = {
    "effect": "permit",
    "actions": ["alert_ingest_keys:create", "config:write", "tenants:update"],
    "roles": ["security_analyst"],
    "reason": "analysts manage ingest keys and config",
}
VIEWERS_EDIT_INCIDENTS = {
    "effect": "permit",
    "actions": ["incidents:update"],
    "roles": ["viewer"],
    "reason": "viewers help triage",
}


def client_principal(mint: Mint, *, mfa: bool = False) -> dict[str, str]:
    """A client-credentials token (RFC 9068: subject == client_id), even one claiming an MFA acr."""
    extra: dict[str, Any] = {"acr": ACR_MFA, "auth_time": 2_000_000_000} if mfa else {}
    return bearer(
        mint("acme-export-bot", client_id="acme-export-bot", tenants={"acme": ["tenant_admin"]}, **extra)
    )


async def export(client: httpx.AsyncClient, headers: dict[str, str]) -> httpx.Response:
    return await client.post(f"{BASE}/audit/exports", json={"format": "ndjson"}, headers=headers)


# -- item 2 ---------------------------------------------------------------------------------------
async def test_exceptions_to_an_mfa_rule_need_mfa_and_never_waive_it_without_mfa(
    client: httpx.AsyncClient, mint: Mint, runtime: Runtime
) -> None:
    body = {"policy_id": "residency-eu-export", "reason": "auditor export", "duration_hours": 4}
    # A client can never satisfy MFA: refused outright, whatever its token claims.
    for headers in (client_principal(mint), client_principal(mint, mfa=True)):
        r = await client.post(f"{BASE}/policies/exceptions", json=body, headers=headers)
        assert r.status_code == 403, r.text
        assert "client" in r.json()["detail"]
    # A password-only person gets the RFC 9470 challenge.
    r = await client.post(f"{BASE}/policies/exceptions", json=body, headers=member(mint, "acme", "sre"))
    assert r.status_code == 401, r.text
    assert 'error="insufficient_user_authentication"' in r.headers["www-authenticate"]
    assert f'acr_values="{ACR_MFA}"' in r.headers["www-authenticate"]

    r = await client.post(
        f"{BASE}/policies/exceptions",
        json=body,
        headers=member(mint, "acme", "sre", subject="usr_sam", mfa=True),
    )
    assert r.status_code == 201, r.text
    approve = f"{BASE}/policies/exceptions/{r.json()['id']}/approve"
    r = await client.post(approve, headers=member(mint, "acme", "tenant_admin", subject="usr_ana"))
    assert r.status_code == 401 and "insufficient_user_authentication" in r.headers["www-authenticate"]
    r = await client.post(approve, headers=member(mint, "acme", "tenant_admin", subject="usr_ana", mfa=True))
    assert r.status_code == 200 and r.json()["status"] == "active", r.text

    # Approved and active, yet a password-only admin still cannot export EU data; with MFA they can.
    r = await export(client, member(mint, "acme", "tenant_admin", subject="usr_ana"))
    assert r.status_code == 403, r.text
    assert r.json()["reasons"] == ["exports of EU-resident data require multi-factor authentication"]
    assert (await export(client, client_principal(mint))).status_code == 403
    assert (
        await export(client, member(mint, "acme", "tenant_admin", subject="usr_ana", mfa=True))
    ).status_code == 202

    # The catalog says which policies these rules cover.
    catalog = (await client.get(f"{BASE}/policies", headers=member(mint, "acme", "viewer"))).json()["items"]
    flagged = {p["id"] for p in catalog if p.get("requires_mfa")}
    assert "residency-eu-export" in flagged and "suspended-tenant-frozen" not in flagged

    # The engine itself: the exception is not applied to a caller without MFA.
    resource = Resource("audit", "acme", "acme", {"residency": "eu"})
    password_only = Principal("usr_x", "user", {"acme": ("tenant_admin",)}, acr="urn:companyos:acr:pwd")
    decision = runtime.policy.authorize(password_only, "audit:export", resource, mutation=True)
    assert not decision.allowed and decision.policy_ids == ("residency-eu-export",)


async def test_exceptions_to_a_tenant_mfa_forbid_need_mfa_too(client: httpx.AsyncClient, mint: Mint) -> None:
    rule = {"effect": "forbid", "actions": ["incidents:update"], "require_mfa": True, "reason": "MFA to edit"}
    editor = member(mint, "acme", "tenant_admin", subject="usr_tess", mfa=True)
    r = await client.put(f"{BASE}/policies/catalog/mfa-incident-edits", json=rule, headers=editor)
    assert r.status_code == 200 and r.json()["policy"]["requires_mfa"] is True, r.text
    body = {"policy_id": "mfa-incident-edits", "reason": "bulk triage", "duration_hours": 2}
    r = await client.post(f"{BASE}/policies/exceptions", json=body, headers=member(mint, "acme", "sre"))
    assert r.status_code == 401, r.text
    # A forbid that does not read the caller's authentication keeps the ordinary exception flow.
    plain = {"effect": "forbid", "actions": ["incidents:read"], "roles": ["viewer"], "reason": "audit week"}
    r = await client.put(f"{BASE}/policies/catalog/no-viewer-reads", json=plain, headers=editor)
    assert r.status_code == 200 and r.json()["policy"]["requires_mfa"] is False
    body = {"policy_id": "no-viewer-reads", "reason": "review", "duration_hours": 2}
    r = await client.post(f"{BASE}/policies/exceptions", json=body, headers=member(mint, "acme", "sre"))
    assert r.status_code == 201, r.text


# -- item 3 ---------------------------------------------------------------------------------------
async def test_nobody_widens_their_own_roles(client: httpx.AsyncClient, mint: Mint) -> None:
    analyst = member(mint, "acme", "security_analyst", subject="usr_sid", mfa=True)
    path = f"{BASE}/policies/catalog/analyst-powers"

    r = await client.put(path, json=SELF_GRANT, headers=analyst)
    assert r.status_code == 403, r.text
    assert "widens the permissions of a role you hold (security_analyst)" in r.json()["detail"]
    assert "'security_analyst' would newly be allowed 'config:write'" in r.json()["reasons"]
    assert (await client.get(path, headers=analyst)).status_code == 404  # nothing stored
    r = await client.post(f"{BASE}/alerts/ingest-keys", json={"name": "mine"}, headers=analyst)
    assert r.status_code == 403, "the analyst gained a permission they granted themselves"

    # The dry run lists the widening explicitly (and that it would need approval).
    r = await client.put(path, params={"dry_run": "true"}, json=SELF_GRANT, headers=analyst)
    assert r.status_code == 200, r.text
    assert r.json()["approval_required"] is True
    widening = {(w["role"], w["action"]) for w in r.json()["widening"]}
    assert widening == {("security_analyst", a) for a in SELF_GRANT["actions"]}


async def test_a_widening_change_waits_for_a_second_person_who_holds_none_of_the_roles(
    client: httpx.AsyncClient, mint: Mint, runtime: Runtime
) -> None:
    path = f"{BASE}/policies/catalog/viewer-triage"
    author = member(mint, "acme", "tenant_admin", subject="usr_tess", mfa=True)
    viewer = Principal("usr_vic", "user", {"acme": ("viewer",)})
    incident = Resource("incident", "acme", "acme", {"residency": "eu", "tier": "enterprise"})

    def viewer_may_edit() -> bool:
        runtime.policy.invalidate("acme")
        return runtime.policy.authorize(viewer, "incidents:update", incident, mutation=True).allowed

    r = await client.put(path, json=VIEWERS_EDIT_INCIDENTS, headers=author)
    assert r.status_code == 202, r.text
    result = r.json()
    assert result["approval_required"] is True and result["dry_run"] is False
    assert result["widening"] == [{"role": "viewer", "action": "incidents:update"}]
    assert (result["policy"]["status"], result["policy"]["version"]) == ("pending", 1)
    assert not viewer_may_edit(), "a pending version is not in force"
    assert [p["id"] for p in (await client.get(f"{BASE}/policies", headers=author)).json()["items"]
            if p["source"] == "tenant"] == []  # fmt: skip

    approve = f"{path}/versions/1/approve"
    r = await client.post(approve, headers=author)
    assert r.status_code == 403 and "author" in r.json()["detail"], r.text
    r = await client.post(approve, headers=member(mint, "acme", "security_analyst", subject="usr_ana"))
    assert r.status_code == 401, "approving is high-risk: step-up"
    assert 'error="insufficient_user_authentication"' in r.headers["www-authenticate"]
    r = await client.post(
        approve, headers=member(mint, "acme", "viewer", "security_analyst", subject="usr_vi", mfa=True)
    )
    assert r.status_code == 403 and "role you hold (viewer)" in r.json()["detail"], r.text
    assert not viewer_may_edit()

    r = await client.post(
        approve, headers=member(mint, "acme", "security_analyst", subject="usr_ana", mfa=True)
    )
    assert r.status_code == 200, r.text
    assert (r.json()["status"], r.json()["approved_by"]) == ("approved", "usr_ana")
    assert r.json()["widening"] == [{"role": "viewer", "action": "incidents:update"}]
    assert viewer_may_edit()
    assert (
        await client.post(
            approve, headers=member(mint, "acme", "security_analyst", subject="usr_al", mfa=True)
        )
    ).status_code == 409

    # Narrowing again (a forbid of the same action) widens nothing: in force at once.
    narrow = {**VIEWERS_EDIT_INCIDENTS, "enabled": False}
    r = await client.put(path, json=narrow, headers=author)
    assert r.status_code == 200 and r.json()["approval_required"] is False and r.json()["widening"] == []
    assert not viewer_may_edit()


async def test_a_superseded_pending_version_cannot_be_approved(client: httpx.AsyncClient, mint: Mint) -> None:
    path = f"{BASE}/policies/catalog/viewer-triage"
    author = member(mint, "acme", "tenant_admin", subject="usr_tess", mfa=True)
    assert (await client.put(path, json=VIEWERS_EDIT_INCIDENTS, headers=author)).status_code == 202
    wider = {**VIEWERS_EDIT_INCIDENTS, "actions": ["incidents:update", "incidents:create"]}
    assert (await client.put(path, json=wider, headers=author)).status_code == 202
    approver = member(mint, "acme", "security_analyst", subject="usr_ana", mfa=True)
    r = await client.post(f"{path}/versions/1/approve", headers=approver)
    assert r.status_code == 409 and "superseded by version 2" in r.json()["detail"], r.text
    versions = (await client.get(f"{path}/versions", headers=approver)).json()["items"]
    assert [(v["version"], v["status"]) for v in versions] == [(2, "pending"), (1, "superseded")]


# -- item 9 ---------------------------------------------------------------------------------------
async def test_control_characters_in_policy_text_are_a_400_naming_the_field(
    client: httpx.AsyncClient, mint: Mint
) -> None:
    editor = member(mint, "acme", "tenant_admin", subject="usr_tess", mfa=True)
    path = f"{BASE}/policies/catalog/quoted"
    base = {"effect": "forbid", "actions": ["incidents:delete"], "roles": ["viewer"]}
    for bad in ("line one\rline two", "tab\there", "nul\x00", "bell\x07", "sep\u2028x"):
        for dry_run in ("true", "false"):
            r = await client.put(
                path, params={"dry_run": dry_run}, json={**base, "reason": bad}, headers=editor
            )
            assert r.status_code == 400, (bad, r.status_code, r.text)
            assert r.headers["content-type"].startswith("application/problem+json")
            assert [e["field"] for e in r.json()["errors"]] == ["reason"], r.text

    tricky = 'say "no" \\ to viewers \\" deleting; @id("x") }'
    r = await client.put(path, json={**base, "reason": tricky}, headers=editor)
    assert r.status_code == 200, r.text
    assert r.json()["policy"]["reason"] == tricky and r.json()["policy"]["rule"]["reason"] == tricky
    assert (await client.get(path, headers=editor)).json()["reason"] == tricky
    # Escaped, the text is still one well-formed forbid whose reason reads back unchanged.
    text = (await client.get(path, headers=editor)).json()["text"]
    (entry,) = catalog.parse(text)
    assert (entry.id, entry.effect, entry.reason) == ("tenant:acme:quoted", "forbid", tricky)
