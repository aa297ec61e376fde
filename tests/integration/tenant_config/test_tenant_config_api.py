"""Tenant detail through HTTP: versioned configuration and diffs, flags, residency, admin actions."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import httpx

from companyos_server.domains.tenant_config import patch
from companyos_server.platform.principal import ACR_MFA
from tests.conftest import bearer

Mint = Callable[..., str]
BASE = "/v1/tenants/acme"


def as_role(
    mint: Mint, role: str, tenant: str = "acme", subject: str | None = None, *, mfa: bool = False
) -> dict[str, str]:
    """``mfa``: a multi-factor sign-in just now, which configuration and flag writes need (step-up)."""
    fresh: dict[str, Any] = {"acr": ACR_MFA, "auth_time": int(time.time())} if mfa else {}
    return bearer(mint(subject or f"usr_{tenant}_{role}", tenants={tenant: [role]}, **fresh))


async def test_seeded_history_and_diff(client: httpx.AsyncClient, mint: Mint) -> None:
    viewer = as_role(mint, "viewer")
    versions = (await client.get(f"{BASE}/config/versions", headers=viewer)).json()["items"]
    assert [(v["version"], v["author"]) for v in versions] == [
        (3, "usr_erin"),
        (2, "usr_carol"),
        (1, "usr_erin"),
    ]
    current = (await client.get(f"{BASE}/config", headers=viewer)).json()
    assert current["version"] == 3 and current["document"]["maintenance_window"] == "Sat 23:00-01:00 UTC"

    r = await client.get(f"{BASE}/config/diff", params={"from": 2, "to": 3}, headers=viewer)
    assert r.status_code == 200, r.text
    assert r.json()["operations"] == [
        {"op": "replace", "path": "/incident/paging/tier-2", "value": True},
        {"op": "replace", "path": "/maintenance_window", "value": "Sat 23:00-01:00 UTC"},
    ]
    one_to_three = (
        await client.get(f"{BASE}/config/diff", params={"from": 1, "to": 3}, headers=viewer)
    ).json()
    ops = one_to_three["operations"]
    assert [o["path"] for o in ops if o["op"] == "add"] == ["/observability/loki", "/data_stores"]
    v1 = (await client.get(f"{BASE}/config/versions/1", headers=viewer)).json()["document"]
    v3 = (await client.get(f"{BASE}/config/versions/3", headers=viewer)).json()["document"]
    assert patch.apply(v1, ops) == v3
    back = (await client.get(f"{BASE}/config/diff", params={"from": 3, "to": 1}, headers=viewer)).json()
    assert patch.apply(v3, back["operations"]) == v1
    assert (
        await client.get(f"{BASE}/config/diff", params={"from": 1, "to": 9}, headers=viewer)
    ).status_code == 404
    assert (await client.get(f"{BASE}/config/versions/9", headers=viewer)).status_code == 404


async def test_put_creates_the_next_version(client: httpx.AsyncClient, mint: Mint) -> None:
    admin = as_role(mint, "tenant_admin", subject="usr_erin", mfa=True)
    current = (await client.get(f"{BASE}/config", headers=admin)).json()
    document = {**current["document"], "maintenance_window": "Tue 01:00-02:00 UTC"}
    r = await client.put(
        f"{BASE}/config",
        json={"document": document, "message": "Move window", "base_version": 3},
        headers=admin,
    )
    assert r.status_code == 200, r.text
    assert (r.json()["version"], r.json()["author"], r.json()["message"]) == (4, "usr_erin", "Move window")
    stale = await client.put(
        f"{BASE}/config", json={"document": {}, "message": "stale", "base_version": 3}, headers=admin
    )
    assert stale.status_code == 409
    same = await client.put(f"{BASE}/config", json={"document": document, "message": "again"}, headers=admin)
    assert same.json()["version"] == 4  # nothing changed, no new version
    diff = (await client.get(f"{BASE}/config/diff", params={"from": 3, "to": 4}, headers=admin)).json()
    assert diff["operations"] == [
        {"op": "replace", "path": "/maintenance_window", "value": "Tue 01:00-02:00 UTC"}
    ]

    bad_template = {"document": {"observability": {"grafana": "https://g.example/{nope}"}}, "message": "x"}
    assert (await client.put(f"{BASE}/config", json=bad_template, headers=admin)).status_code == 400
    sre = await client.put(
        f"{BASE}/config", json={"document": {}, "message": "x"}, headers=as_role(mint, "sre")
    )
    assert sre.status_code == 403


async def test_versions_paginate(client: httpx.AsyncClient, mint: Mint) -> None:
    viewer = as_role(mint, "viewer")
    first = (await client.get(f"{BASE}/config/versions", params={"page_size": 2}, headers=viewer)).json()
    assert [v["version"] for v in first["items"]] == [3, 2]
    params = {"page_size": 2, "page_token": first["next_page_token"]}
    second = (await client.get(f"{BASE}/config/versions", params=params, headers=viewer)).json()
    assert [v["version"] for v in second["items"]] == [1] and second["next_page_token"] is None


async def test_flag_effective_values_say_what_decided(client: httpx.AsyncClient, mint: Mint) -> None:
    viewer = as_role(mint, "viewer")
    flags = (await client.get(f"{BASE}/flags", headers=viewer)).json()["items"]
    by_key = {f["key"]: f for f in flags}
    assert list(by_key) == sorted(by_key)
    checkout = {e["environment"]: e for e in by_key["new-checkout-flow"]["effective"]}
    assert (checkout["production"]["enabled"], checkout["production"]["reason"]) == (False, "DISABLED")
    assert checkout["production"]["decided_by"] == "default"
    assert (checkout["staging"]["enabled"], checkout["staging"]["decided_by"]) == (True, "rule:staging-first")
    assert checkout["staging"]["reason"] == "TARGETING_MATCH"

    ranking = {e["environment"]: e for e in by_key["search-ranking"]["effective"]}
    assert (ranking["production"]["variant"], ranking["production"]["value"]) == ("control", "bm25")
    assert (ranking["staging"]["variant"], ranking["staging"]["value"]) == ("treatment", "hybrid-semantic")

    sre = as_role(mint, "sre", mfa=True)
    reason = "INC-7: disable while checkout is degraded"
    r = await client.patch(
        f"{BASE}/flags/new-checkout-flow",
        json={"override": {"enabled": False, "reason": reason}},
        headers=sre,
    )
    assert r.status_code == 200, r.text
    r = await client.get(
        f"{BASE}/flags/new-checkout-flow/evaluation", params={"environment": "staging"}, headers=sre
    )
    evaluation = r.json()
    assert (evaluation["enabled"], evaluation["decided_by"], evaluation["value"]) == (
        False,
        "override",
        False,
    )
    assert reason in evaluation["explanation"]
    r = await client.patch(f"{BASE}/flags/new-checkout-flow", json={"override": None}, headers=sre)
    assert r.json()["override"] is None
    r = await client.get(
        f"{BASE}/flags/new-checkout-flow/evaluation", params={"environment": "staging"}, headers=sre
    )
    assert r.json()["decided_by"] == "rule:staging-first"


async def test_flag_crud_and_variant_checks(client: httpx.AsyncClient, mint: Mint) -> None:
    admin = as_role(mint, "tenant_admin", mfa=True)
    body: dict[str, Any] = {
        "key": "beta-dashboard",
        "enabled": True,
        "variants": {"a": 1, "b": 2},
        "default_variant": "a",
    }
    r = await client.post(f"{BASE}/flags", json=body, headers=admin)
    assert r.status_code == 201, r.text
    assert r.headers["location"] == f"{BASE}/flags/beta-dashboard"
    assert {e["value"] for e in r.json()["effective"]} == {1}
    assert (await client.post(f"{BASE}/flags", json=body, headers=admin)).status_code == 409
    wrong = await client.patch(f"{BASE}/flags/beta-dashboard", json={"default_variant": "zzz"}, headers=admin)
    assert wrong.status_code == 409 and "zzz" in wrong.json()["detail"]
    viewer = as_role(mint, "viewer")
    assert (
        await client.patch(f"{BASE}/flags/beta-dashboard", json={"enabled": False}, headers=viewer)
    ).status_code == 403
    assert (await client.delete(f"{BASE}/flags/beta-dashboard", headers=admin)).status_code == 204
    assert (await client.get(f"{BASE}/flags/beta-dashboard", headers=admin)).status_code == 404
    globex = await client.get(
        "/v1/tenants/globex/flags/pricing-cache", headers=as_role(mint, "viewer", "globex")
    )
    assert globex.json()["effective"][0]["decided_by"] == "override"
    assert (await client.get(f"{BASE}/flags/pricing-cache", headers=admin)).status_code == 404


async def test_residency_posture(client: httpx.AsyncClient, mint: Mint) -> None:
    viewer = as_role(mint, "viewer")
    acme = (await client.get(f"{BASE}/residency", headers=viewer)).json()
    assert acme["residency"] == "eu" and acme["compliant"] is False
    assert sorted((v["kind"], v["name"], v["location"]) for v in acme["violations"]) == [
        ("backup", "Nightly backups (us)", "us"),
        ("service", "analytics-ingest", "us"),
    ]
    assert all(s["compliant"] for s in acme["stores"])
    assert {e["name"]: e["compliant"] for e in acme["exports"]} == {
        "Audit exports bucket": True,
        "Nightly backups (us)": False,
    }
    ingest = next(s for s in acme["services"] if s["name"] == "analytics-ingest")
    assert (ingest["locations"], ingest["compliant"]) == (["eu", "us"], False)

    globex = (
        await client.get("/v1/tenants/globex/residency", headers=as_role(mint, "viewer", "globex"))
    ).json()
    assert (globex["residency"], globex["compliant"], globex["violations"]) == ("us", True, [])


async def test_residency_defaults_to_platform_stores(client: httpx.AsyncClient, mint: Mint) -> None:
    admin = as_role(mint, "tenant_admin", mfa=True)
    await client.put(f"{BASE}/config", json={"document": {}, "message": "no declared stores"}, headers=admin)
    posture = (await client.get(f"{BASE}/residency", headers=admin)).json()
    assert {s["source"] for s in posture["stores"] + posture["exports"]} == {"platform_default"}
    assert [v["name"] for v in posture["violations"]] == ["analytics-ingest"]


async def test_admin_actions_lists_admin_mutations_newest_first(
    client: httpx.AsyncClient, mint: Mint
) -> None:
    admin = as_role(mint, "tenant_admin", subject="usr_erin")
    flag_admin = as_role(mint, "tenant_admin", subject="usr_erin", mfa=True)  # flag writes need step-up
    sre = as_role(mint, "sre", subject="usr_alice", mfa=True)
    for i in range(3):
        r = await client.patch(BASE, json={"labels": {"round": str(i)}}, headers=admin)
        assert r.status_code == 200
    await client.patch(
        f"{BASE}/flags/maintenance-banner", json={"enabled": True}, headers=sre
    )  # not an admin
    await client.patch(BASE, json={"tier": "free"}, headers=admin)  # refused: not a success
    await client.get(f"{BASE}/flags", headers=admin)  # a read
    await client.post(f"{BASE}/flags", json={"key": "admin-made"}, headers=flag_admin)

    r = await client.get(f"{BASE}/admin-actions", headers=admin)
    assert r.status_code == 200, r.text
    items = r.json()["items"]
    assert [(i["actor"], i["action"]) for i in items] == [("usr_erin", "flags:write")] + [
        ("usr_erin", "tenants:update")
    ] * 3
    assert all(i["actor_role"] == "tenant_admin" and i["status"] in (200, 201) for i in items)

    first = (await client.get(f"{BASE}/admin-actions", params={"page_size": 3}, headers=admin)).json()
    rest = (
        await client.get(
            f"{BASE}/admin-actions",
            params={"page_size": 3, "page_token": first["next_page_token"]},
            headers=admin,
        )
    ).json()
    assert [i["id"] for i in first["items"] + rest["items"]] == [i["id"] for i in items]
    assert rest["next_page_token"] is None

    viewer = await client.get(f"{BASE}/admin-actions", headers=as_role(mint, "viewer"))
    assert viewer.status_code == 403
