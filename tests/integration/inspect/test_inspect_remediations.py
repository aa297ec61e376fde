"""Inspect lists the Maestro remediations that act on the entity's kind: allowed as creating and
running a plan is, with step-up exactly when Maestro would ask for it at execution time."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
from sqlalchemy import select

from companyos_server.domains.deployments.store import DeploymentRow
from companyos_server.domains.services import store as services_store
from companyos_server.platform.runtime import Runtime
from tests.integration.alerts.helpers import member

Mint = Callable[..., str]
BASE = "/v1/tenants/acme"


def checkout(runtime: Runtime) -> tuple[str, str]:
    """The seeded checkout-api service and its latest production deployment (the walkthrough's bad one)."""
    with runtime.db.session() as s:
        service_id = next(r.id for r in services_store.all_services(s, "acme") if r.name == "checkout-api")
        deployment_id = s.scalar(
            select(DeploymentRow.id)
            .where(DeploymentRow.tenant_id == "acme", DeploymentRow.service_id == service_id)
            .where(DeploymentRow.environment == "production")
            .order_by(DeploymentRow.created_at.desc())
            .limit(1)
        )
    assert deployment_id is not None
    return service_id, deployment_id


async def inspect_actions(client: httpx.AsyncClient, ref: str, headers: dict[str, str]) -> dict[str, Any]:
    r = await client.get(f"{BASE}/inspect", params={"ref": ref}, headers=headers)
    assert r.status_code == 200, r.text
    return {a["action"]: a for a in r.json()["actions"]}


def maestro_names(actions: dict[str, Any]) -> list[str]:
    return [name for name in actions if name.startswith("maestro:")]


async def test_deployment_lists_rollback_with_step_up_for_an_sre(
    client: httpx.AsyncClient, mint: Mint, runtime: Runtime
) -> None:
    _, deployment_id = checkout(runtime)
    ref = f"deployment:{deployment_id}"
    actions = await inspect_actions(client, ref, member(mint, "acme", "sre"))
    assert maestro_names(actions) == ["maestro:deployment.rollback"]
    assert actions["maestro:deployment.rollback"] == {
        "action": "maestro:deployment.rollback",
        "allowed": True,
        "reasons": [],
        "requires_step_up": True,
    }
    # The CRUD actions are still there, unchanged (none of them is high-risk).
    assert actions["deployments:read"]["allowed"] is True
    assert not any(a["requires_step_up"] for name, a in actions.items() if not name.startswith("maestro:"))

    fresh = await inspect_actions(client, ref, member(mint, "acme", "sre", mfa=True))
    assert fresh["maestro:deployment.rollback"]["allowed"] is True
    assert fresh["maestro:deployment.rollback"]["requires_step_up"] is False


async def test_viewer_sees_the_rollback_denied_with_reasons(
    client: httpx.AsyncClient, mint: Mint, runtime: Runtime
) -> None:
    _, deployment_id = checkout(runtime)
    actions = await inspect_actions(client, f"deployment:{deployment_id}", member(mint, "acme", "viewer"))
    rollback = actions["maestro:deployment.rollback"]
    assert rollback["allowed"] is False
    assert any("maestro:write" in r for r in rollback["reasons"])
    assert any("maestro:execute" in r for r in rollback["reasons"])
    assert rollback["requires_step_up"] is True


async def test_security_analyst_may_run_plans_but_not_author_an_ad_hoc_one(
    client: httpx.AsyncClient, mint: Mint, runtime: Runtime
) -> None:
    service_id, _ = checkout(runtime)
    actions = await inspect_actions(client, f"service:{service_id}", member(mint, "acme", "security_analyst"))
    restart = actions["maestro:service.restart"]
    assert restart["allowed"] is False
    assert restart["reasons"] and all("maestro:write" in r for r in restart["reasons"])


async def test_service_lists_restart_and_scale_without_step_up_and_isolate_with_it(
    client: httpx.AsyncClient, mint: Mint, runtime: Runtime
) -> None:
    service_id, _ = checkout(runtime)
    actions = await inspect_actions(client, f"service:{service_id}", member(mint, "acme", "sre"))
    assert maestro_names(actions) == [
        "maestro:service.restart",
        "maestro:service.scale",
        "maestro:service.isolate",
    ]
    for name in maestro_names(actions):
        high = name == "maestro:service.isolate"  # a security playbook action: high risk, step-up
        assert actions[name]["allowed"] is True and actions[name]["requires_step_up"] is high


async def test_kinds_without_remediations_list_none(client: httpx.AsyncClient, mint: Mint) -> None:
    actions = await inspect_actions(client, "tenant:acme", member(mint, "acme", "tenant_admin"))
    assert "tenants:read" in actions
    assert maestro_names(actions) == []


async def test_inspect_step_up_matches_maestros_own_decision(
    client: httpx.AsyncClient, mint: Mint, runtime: Runtime
) -> None:
    """Create the plan the inline rollback stands for; Maestro's dry run of its execution agrees."""
    _, deployment_id = checkout(runtime)
    step = {"id": "rollback", "action": "deployment.rollback", "parameters": {"deployment_id": deployment_id}}
    sre = member(mint, "acme", "sre")
    r = await client.post(f"{BASE}/plans", json={"name": "Inline rollback", "steps": [step]}, headers=sre)
    assert r.status_code == 201, r.text
    runs_url = f"{BASE}/plans/{r.json()['id']}/runs"
    for mfa in (False, True):
        headers = member(mint, "acme", "sre", mfa=mfa)
        predicted = await inspect_actions(client, f"deployment:{deployment_id}", headers)
        r = await client.post(runs_url, params={"dry_run": "true"}, headers=headers)
        assert r.status_code == 200, r.text
        assert predicted["maestro:deployment.rollback"]["requires_step_up"] is r.json()["requires_step_up"]
    r = await client.post(runs_url, json={"reason": "bad deploy"}, headers=sre)
    assert r.status_code == 401  # what requires_step_up promised
