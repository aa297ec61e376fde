""" "What changed?" includes configuration, flag and tenant policy changes: actor, time, before/after."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from tests.integration.alerts.helpers import Mint, member

BASE = "/v1/tenants/acme"
SECRET = "s3cr3t-t0ken"
# The demo seed records changes of its own (the feature lifecycle's transitions): each test reads only the
# changes made since it started.
_started: dict[str, str] = {}


@pytest.fixture(autouse=True)
def _only_this_tests_changes(seeded: dict[str, Any]) -> None:  # after the seed (built on first use)
    _started["since"] = datetime.now(UTC).isoformat()


async def tenant_changes(client: httpx.AsyncClient, headers: dict[str, str]) -> list[dict[str, Any]]:
    params = {"ref": "tenant:acme", "depth": 1, "since": _started["since"]}
    r = await client.get(f"{BASE}/graph/changes", params=params, headers=headers)
    assert r.status_code == 200, r.text
    assert SECRET not in r.text
    return list(r.json()["items"])


def by_action(items: list[dict[str, Any]], action: str) -> list[dict[str, Any]]:
    return [i for i in items if i["action"] == action]


async def test_configuration_changes_are_in_what_changed(client: httpx.AsyncClient, mint: Mint) -> None:
    erin = member(mint, "acme", "tenant_admin", subject="usr_erin", mfa=True)
    assert await tenant_changes(client, erin) == []  # nothing yet since the test started
    current = (await client.get(f"{BASE}/config", headers=erin)).json()
    document = {**current["document"], "maintenance_window": "Tue 01:00-02:00 UTC"}
    document["observability"] = {**document["observability"], "grafana": f"https://u:{SECRET}@g.example/d"}
    started = datetime.now(UTC) - timedelta(seconds=1)

    stale = {"document": document, "message": "stale", "base_version": 1}
    assert (await client.put(f"{BASE}/config", json=stale, headers=erin)).status_code == 409
    r = await client.put(
        f"{BASE}/config", json={"document": document, "message": "Move window"}, headers=erin
    )
    assert r.status_code == 200, r.text
    again = await client.put(f"{BASE}/config", json={"document": document, "message": "same"}, headers=erin)
    assert again.json()["version"] == 4  # unchanged: no version, no change record

    [change] = await tenant_changes(client, erin)  # the refused and the no-op write recorded nothing
    assert (change["ref"], change["action"], change["actor"]) == ("config:acme", "config.updated", "usr_erin")
    assert started <= datetime.fromisoformat(change["at"]) <= datetime.now(UTC)
    assert change["summary"] == "Configuration v3 → v4: Move window (2 changes)"
    details = change["details"]
    assert (details["before"], details["after"]) == ({"version": 3}, {"version": 4, "message": "Move window"})
    assert sorted(op["path"] for op in details["operations"]) == [
        "/maintenance_window",
        "/observability/grafana",
    ]
    assert {op["op"] for op in details["operations"]} == {"replace"}  # paths only, never the values
    # The same records from the setting itself, and in inspect's view of the tenant.
    r = await client.get(f"{BASE}/graph/changes", params={"ref": "config:acme"}, headers=erin)
    assert [c["id"] for c in r.json()["items"]] == [change["id"]]
    r = await client.get(f"{BASE}/inspect", params={"ref": "tenant:acme"}, headers=erin)
    assert r.status_code == 200, r.text
    since = datetime.fromisoformat(_started["since"])
    recent = [c["id"] for c in r.json()["changes"] if datetime.fromisoformat(c["at"]) >= since]
    assert recent == [change["id"]] and SECRET not in r.text


async def test_flag_changes_are_in_what_changed(client: httpx.AsyncClient, mint: Mint) -> None:
    alice = member(mint, "acme", "sre", subject="usr_alice", mfa=True)
    erin = member(mint, "acme", "tenant_admin", subject="usr_erin", mfa=True)
    kill = {"override": {"enabled": False, "reason": "INC-7: checkout degraded"}}
    r = await client.patch(f"{BASE}/flags/new-checkout-flow", json=kill, headers=alice)
    assert r.status_code == 200, r.text
    assert (await client.post(f"{BASE}/flags", json={"key": "beta-ui"}, headers=erin)).status_code == 201
    assert (await client.delete(f"{BASE}/flags/beta-ui", headers=erin)).status_code == 204

    items = await tenant_changes(client, erin)
    assert [(i["action"], i["ref"], i["actor"]) for i in items] == [
        ("flag.deleted", "flag:beta-ui", "usr_erin"),
        ("flag.created", "flag:beta-ui", "usr_erin"),
        ("flag.updated", "flag:new-checkout-flow", "usr_alice"),
    ]
    [update] = by_action(items, "flag.updated")
    assert update["summary"] == "Flag 'new-checkout-flow' updated: override"
    before, after = update["details"]["before"], update["details"]["after"]
    assert before["override"] is None
    assert after["override"] == {"enabled": False, "reason": "INC-7: checkout degraded"}
    assert (
        before["rules"]
        == after["rules"]
        == [{"name": "staging-first", "environments": ["staging", "sandbox"], "enabled": True}]
    )
    [created], [deleted] = by_action(items, "flag.created"), by_action(items, "flag.deleted")
    assert created["details"]["before"] is None and created["details"]["after"]["enabled"] is False
    assert deleted["details"]["after"] is None and deleted["details"]["before"] == created["details"]["after"]
    # A deleted flag leaves search but stays linked to the tenant, so its history stays reachable.
    r = await client.get(f"{BASE}/graph/neighbours", params={"ref": "tenant:acme"}, headers=erin)
    mine = ("flag:beta-ui", "flag:new-checkout-flow")  # the seed's experiment changed a flag of its own
    flags = [e for e in r.json()["entities"] if e["ref"] in mine]
    assert {e["ref"]: e["exists"] for e in flags} == {
        "flag:beta-ui": False,
        "flag:new-checkout-flow": True,
    }


async def test_policy_versions_created_and_approved_are_in_what_changed(
    client: httpx.AsyncClient, mint: Mint
) -> None:
    tess = member(mint, "acme", "tenant_admin", subject="usr_tess", mfa=True)
    ana = member(mint, "acme", "security_analyst", subject="usr_ana", mfa=True)
    path = f"{BASE}/policies/catalog/viewer-triage"
    rule = {"effect": "permit", "actions": ["incidents:update"], "roles": ["viewer"], "reason": "triage"}
    r = await client.put(path, params={"dry_run": "true"}, json=rule, headers=tess)
    assert r.status_code == 200, r.text
    assert await tenant_changes(client, tess) == []  # a dry run changes nothing
    assert (await client.put(path, json=rule, headers=tess)).status_code == 202
    r = await client.post(f"{path}/versions/1/approve", headers=ana)
    assert r.status_code == 200, r.text

    items = await tenant_changes(client, tess)
    assert [(i["action"], i["ref"], i["actor"]) for i in items] == [
        ("policy.version_approved", "policy:viewer-triage", "usr_ana"),
        ("policy.version_created", "policy:viewer-triage", "usr_tess"),
    ]
    approved, created = items
    assert created["summary"] == "Policy 'viewer-triage' v1 created, pending approval (widens permissions)"
    assert created["details"]["before"] is None
    assert created["details"]["widening"] == [{"role": "viewer", "action": "incidents:update"}]
    assert (created["details"]["after"]["status"], created["details"]["after"]["roles"]) == (
        "pending",
        ["viewer"],
    )
    assert (approved["details"]["before"]["status"], approved["details"]["after"]["status"]) == (
        "pending",
        "approved",
    )


async def test_setting_changes_follow_the_kind_read_permission(client: httpx.AsyncClient, mint: Mint) -> None:
    """A change record is shown to whoever may read the setting's kind, as any graph change is."""
    erin = member(mint, "acme", "tenant_admin", subject="usr_erin", mfa=True)
    r = await client.patch(f"{BASE}/flags/maintenance-banner", json={"enabled": True}, headers=erin)
    assert r.status_code == 200, r.text
    viewer = member(mint, "acme", "viewer")
    assert [i["ref"] for i in await tenant_changes(client, viewer)] == ["flag:maintenance-banner"]
    other = member(mint, "globex", "tenant_admin")
    r = await client.get(
        "/v1/tenants/globex/graph/changes", params={"ref": "tenant:globex", "depth": 1}, headers=other
    )
    assert r.status_code == 200, r.text
    # globex sees its own seeded changes only, made by globex's people: nothing of acme's.
    from companyos_server.platform.identity.seed import DEV_USERS

    globex_people = {f"usr_{name}" for name, (_, tenants, _) in DEV_USERS.items() if "globex" in tenants}
    assert {i["actor"] for i in r.json()["items"]} <= globex_people, r.text
    assert "flag:maintenance-banner" not in {i["ref"] for i in r.json()["items"]}
