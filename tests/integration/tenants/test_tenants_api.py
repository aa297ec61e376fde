from __future__ import annotations

import time
from collections.abc import Callable

import httpx
import pytest

from companyos_server.platform.principal import ACR_MFA
from companyos_server.platform.runtime import Runtime
from tests.conftest import bearer

Mint = Callable[..., str]
ADMIN_SCOPES = ["openid", "api", "platform:admin", "tenants:cross"]


def member(mint: Mint, tenant: str, *roles: str, **kwargs: object) -> dict[str, str]:
    return bearer(mint(f"usr_{tenant}_{'_'.join(roles)}", tenants={tenant: list(roles)}, **kwargs))


def admin(mint: Mint, *, mfa: bool = False) -> dict[str, str]:
    extra = {"acr": ACR_MFA, "auth_time": int(time.time())} if mfa else {}
    return bearer(mint("usr_root", scopes=ADMIN_SCOPES, **extra))


async def test_members_list_only_their_tenants(client: httpx.AsyncClient, mint: Mint) -> None:
    r = await client.get("/v1/tenants", headers=member(mint, "acme", "viewer"))
    assert r.status_code == 200, r.text
    assert [t["id"] for t in r.json()["items"]] == ["acme"]


async def test_admin_lists_every_tenant_across_pages(client: httpx.AsyncClient, mint: Mint) -> None:
    headers = admin(mint, mfa=True)
    for i in range(3):
        body = {"id": f"tenant-{i}", "display_name": f"Tenant {i}", "tier": "free"}
        assert (await client.post("/v1/tenants", json=body, headers=headers)).status_code == 201
    ids, token = [], None
    while True:
        params = {"page_size": 2, **({"page_token": token} if token else {})}
        page = (await client.get("/v1/tenants", params=params, headers=headers)).json()
        ids += [t["id"] for t in page["items"]]
        token = page.get("next_page_token")
        if not token:
            break
    assert ids == ["acme", "globex", "tenant-0", "tenant-1", "tenant-2"]
    free = (await client.get("/v1/tenants", params={"tier": "free"}, headers=headers)).json()
    assert [t["id"] for t in free["items"]] == ["tenant-0", "tenant-1", "tenant-2"]


async def test_create_requires_step_up_then_conflicts_on_duplicate(
    client: httpx.AsyncClient, mint: Mint
) -> None:
    body = {"id": "initech", "display_name": "Initech", "tier": "standard", "residency": "us"}
    r = await client.post("/v1/tenants", json=body, headers=admin(mint))
    assert r.status_code == 401
    challenge = r.headers["www-authenticate"]
    assert 'error="insufficient_user_authentication"' in challenge
    assert f'acr_values="{ACR_MFA}"' in challenge and "max_age=900" in challenge
    assert r.headers["content-type"].startswith("application/problem+json")

    r = await client.post("/v1/tenants", json=body, headers=admin(mint, mfa=True))
    assert r.status_code == 201, r.text
    assert r.headers["location"] == "/v1/tenants/initech"
    assert r.json()["status"] == "active"
    again = await client.post("/v1/tenants", json=body, headers=admin(mint, mfa=True))
    assert again.status_code == 409


async def test_stale_mfa_does_not_satisfy_step_up(client: httpx.AsyncClient, mint: Mint) -> None:
    stale = bearer(mint("usr_root", scopes=ADMIN_SCOPES, acr=ACR_MFA, auth_time=int(time.time()) - 3600))
    r = await client.post("/v1/tenants", json={"id": "late", "display_name": "Late"}, headers=stale)
    assert r.status_code == 401


async def test_members_cannot_create_tenants(client: httpx.AsyncClient, mint: Mint) -> None:
    headers = member(mint, "acme", "tenant_admin", acr=ACR_MFA, auth_time=int(time.time()))
    r = await client.post("/v1/tenants", json={"id": "sneaky", "display_name": "S"}, headers=headers)
    assert r.status_code == 403
    assert r.json()["reasons"] == ["scope platform:admin is required to create tenants"]


async def test_tenant_admin_renames_but_cannot_change_tier(client: httpx.AsyncClient, mint: Mint) -> None:
    headers = member(mint, "acme", "tenant_admin")
    r = await client.patch("/v1/tenants/acme", json={"display_name": "ACME Inc."}, headers=headers)
    assert r.status_code == 200, r.text
    assert r.json()["display_name"] == "ACME Inc."
    r = await client.patch("/v1/tenants/acme", json={"tier": "free"}, headers=headers)
    assert r.status_code == 403
    assert r.json()["reasons"] == ["field 'tier' is managed by platform admins"]
    got = (await client.get("/v1/tenants/acme", headers=headers)).json()
    assert (got["display_name"], got["tier"]) == ("ACME Inc.", "enterprise")


async def test_viewer_update_is_denied_with_policy_reasons(client: httpx.AsyncClient, mint: Mint) -> None:
    r = await client.patch(
        "/v1/tenants/acme", json={"display_name": "x"}, headers=member(mint, "acme", "viewer")
    )
    assert r.status_code == 403
    assert r.json()["reasons"] == ["no policy permits 'tenants:update' for viewer in tenant 'acme'"]


async def test_suspension_needs_step_up_and_freezes_the_tenant(client: httpx.AsyncClient, mint: Mint) -> None:
    r = await client.patch("/v1/tenants/globex", json={"status": "suspended"}, headers=admin(mint))
    assert r.status_code == 401
    assert "insufficient_user_authentication" in r.headers["www-authenticate"]
    r = await client.patch("/v1/tenants/globex", json={"status": "suspended"}, headers=admin(mint, mfa=True))
    assert r.status_code == 200 and r.json()["status"] == "suspended"
    r = await client.patch(
        "/v1/tenants/globex", json={"display_name": "G"}, headers=member(mint, "globex", "tenant_admin")
    )
    assert r.status_code == 403
    assert r.json()["reasons"] == ["the tenant is suspended: only platform admins may change it"]


async def test_non_member_gets_404_without_learning_anything(client: httpx.AsyncClient, mint: Mint) -> None:
    for path in ("/v1/tenants/globex", "/v1/tenants/does-not-exist"):
        r = await client.get(path, headers=member(mint, "acme", "tenant_admin"))
        assert r.status_code == 404
        assert r.json()["detail"] == f"Tenant '{path.rsplit('/', 1)[1]}' was not found."


async def test_cross_tenant_read_needs_purpose(client: httpx.AsyncClient, mint: Mint) -> None:
    auditor = bearer(
        mint("usr_auditor", tenants={"acme": ["security_analyst"]}, scopes=["api", "tenants:cross"])
    )
    r = await client.get("/v1/tenants/globex", headers=auditor)
    assert r.status_code == 403
    assert "X-CompanyOS-Purpose" in r.json()["detail"]
    r = await client.get("/v1/tenants/globex", headers={**auditor, "X-CompanyOS-Purpose": "quarterly review"})
    assert r.status_code == 200 and r.json()["id"] == "globex"
    r = await client.patch(
        "/v1/tenants/globex",
        json={"display_name": "pwned"},
        headers={**auditor, "X-CompanyOS-Purpose": "quarterly review"},
    )
    assert r.status_code == 403


async def test_platform_admins_state_a_purpose_for_tenant_data(
    client: httpx.AsyncClient, mint: Mint, runtime: Runtime
) -> None:
    """The tenant record is theirs to administer; the tenant's data (audit, incidents…) needs a purpose."""
    root = bearer(mint("usr_root", scopes=["openid", "api", "platform:admin"]))
    assert (await client.get("/v1/tenants/acme", headers=root)).status_code == 200
    r = await client.get("/v1/tenants/acme/audit/events", headers=root)
    assert r.status_code == 403 and r.json()["type"].endswith("purpose-required")
    r = await client.post("/v1/tenants/acme/incidents", json={"title": "t", "severity": "sev4"}, headers=root)
    assert r.status_code == 403
    stated = {**root, "X-CompanyOS-Purpose": "INC-42 customer escalation"}
    assert (await client.get("/v1/tenants/acme/audit/events", headers=stated)).status_code == 200
    events = runtime.audit.list("acme", page_size=50).items
    assert any(e["purpose"] == "INC-42 customer escalation" for e in events)


@pytest.mark.parametrize(
    ("roles", "expected"),
    [
        (["viewer"], {"tenants:read": True, "tenants:update": False}),
        (["tenant_admin"], {"tenants:read": True, "tenants:update": True}),
    ],
)
async def test_permissions_explain_each_action(
    client: httpx.AsyncClient, mint: Mint, roles: list[str], expected: dict[str, bool]
) -> None:
    r = await client.get(
        "/v1/tenants/acme/permissions", params={"resource": "tenant"}, headers=member(mint, "acme", *roles)
    )
    assert r.status_code == 200, r.text
    actions = {a["action"]: a for a in r.json()["actions"]}
    assert {k: actions[k]["allowed"] for k in expected} == expected
    assert actions["tenants:create"]["requires_step_up"] is True
    for action in actions.values():
        assert bool(action["reasons"]) is (not action["allowed"])


async def test_permissions_of_an_unknown_resource_type_are_not_found(
    client: httpx.AsyncClient, mint: Mint
) -> None:
    r = await client.get(
        "/v1/tenants/acme/permissions",
        params={"resource": "spaceship"},
        headers=member(mint, "acme", "viewer"),
    )
    assert r.status_code == 404
    detail = r.json()["detail"]
    prefix = "No resource type 'spaceship' exists. Known types: "
    assert detail.startswith(prefix) and detail.endswith(".")
    known = detail[len(prefix) : -1].split(", ")
    assert known == sorted(known) and {"audit", "job", "tenant", "policy", "incident"} <= set(known)
    # Every type it names is one the permissions operation answers for.
    for kind in known:
        r = await client.get(
            "/v1/tenants/acme/permissions", params={"resource": kind}, headers=member(mint, "acme", "viewer")
        )
        assert r.status_code == 200, f"{kind}: {r.status_code} {r.text}"
        assert r.json()["actions"], kind


async def test_me_reports_memberships_and_acr(client: httpx.AsyncClient, mint: Mint) -> None:
    now = int(time.time())
    token = mint("usr_alice", tenants={"acme": ["sre"]}, acr=ACR_MFA, auth_time=now)
    me = (await client.get("/v1/me", headers=bearer(token))).json()
    assert me["subject"] == "usr_alice"
    assert me["tenants"] == [{"tenant_id": "acme", "roles": ["sre"]}]
    assert me["acr"] == ACR_MFA
    assert me["auth_time"].startswith(time.strftime("%Y-%m-%dT", time.gmtime(now)))
