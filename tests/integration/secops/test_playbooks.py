"""Security playbooks as Maestro plans, enforced on real requests: lock down a tenant (step-up for every
change by a person, reads audited), isolate a workload (deployments frozen, rollouts gated on it stop),
each undone by its compensation."""

from __future__ import annotations

import time
from contextlib import suppress
from typing import Any

import httpx

from companyos_server.core.maestro.engine import Maestro, RunFailed
from companyos_server.platform.runtime import Runtime
from tests.conftest import bearer
from tests.integration.alerts.helpers import Mint, member

BASE = "/v1/tenants/acme"


def run_plan(runtime: Runtime, steps: list[dict[str, Any]], name: str) -> dict[str, Any]:
    """A plan run to its end in this thread, as the job worker would (started by a person with MFA)."""
    maestro = runtime.maestro
    plan = maestro.create_plan("acme", {"name": name, "steps": steps}, "usr_dave")
    run = maestro.start_run("acme", plan["id"], actor="usr_dave")
    with suppress(RunFailed):  # a run that compensated: its state says so
        maestro.execute("acme", run["id"])
    return maestro.get_run("acme", run["id"])


async def reads_audited(client: httpx.AsyncClient, mint: Mint, subject: str) -> list[dict[str, Any]]:
    auditor = member(mint, "acme", "tenant_admin", subject="usr_auditor", mfa=True)
    events = (await client.get(f"{BASE}/audit/events", params={"actor": subject, "page_size": 100},
                               headers=auditor)).json()["items"]  # fmt: skip
    return [e for e in events if e["details"].get("raised_logging")]


async def test_lock_down_enforces_step_up_for_people_and_audits_reads_until_lifted(
    client: httpx.AsyncClient, mint: Mint, runtime: Runtime
) -> None:
    password_only = member(mint, "acme", "tenant_admin", subject="usr_pat")
    with_mfa = member(mint, "acme", "tenant_admin", subject="usr_mia", mfa=True)
    robot = bearer(mint("acme-robot", tenants={"acme": ["tenant_admin"]}, client_id="acme-robot"))

    def feature(key: str) -> dict[str, str]:  # a change of normal risk: no step-up needed as a rule
        return {"key": key, "name": key, "owner": "team-a"}

    assert (
        await client.post(f"{BASE}/features", json=feature("lockdown-probe"), headers=password_only)
    ).status_code == 201
    assert await reads_audited(client, mint, "usr_pat") == []

    run = run_plan(runtime, [
        {"id": "step-up", "action": "tenant.enforce_step_up", "parameters": {"hours": 24},
         "compensation": {"action": "tenant.enforce_step_up", "parameters": {"hours": 0}}},
        {"id": "logging", "action": "tenant.raise_logging", "parameters": {"hours": 72},
         "compensation": {"action": "tenant.raise_logging", "parameters": {"hours": 0}}},
    ], "Lock down acme")  # fmt: skip
    assert run["state"] == "succeeded", run
    controls = (await client.get(BASE, headers=with_mfa)).json()["security_controls"]
    assert controls["step_up_enforced_until"] and controls["audit_reads_until"]

    # A change by a person without a fresh MFA sign-in: the step-up challenge, naming the playbook.
    refused = await client.post(f"{BASE}/features", json=feature("lockdown-2"), headers=password_only)
    assert refused.status_code == 401, refused.text
    assert "enforced by a security playbook" in refused.json()["detail"]
    assert "insufficient_user_authentication" in refused.headers["www-authenticate"]
    # Reads go on, and are audited now.
    assert (await client.get(f"{BASE}/features/lockdown-probe", headers=password_only)).status_code == 200
    (read,) = await reads_audited(client, mint, "usr_pat")
    assert read["details"]["method"] == "GET" and read["outcome"] == "success"
    # With a fresh MFA sign-in the change goes through; a service client cannot do MFA and is not held.
    assert (
        await client.post(f"{BASE}/features", json=feature("lockdown-3"), headers=with_mfa)
    ).status_code == 201
    assert (
        await client.post(f"{BASE}/features", json=feature("lockdown-4"), headers=robot)
    ).status_code == 201

    # The compensations lift both.
    lifted = run_plan(runtime, [
        {"id": "lift", "action": "tenant.enforce_step_up", "parameters": {"hours": 0}},
        {"id": "restore", "action": "tenant.raise_logging", "parameters": {"hours": 0}},
    ], "Lift the lock-down")  # fmt: skip
    assert lifted["state"] == "succeeded", lifted
    controls = (await client.get(BASE, headers=with_mfa)).json()["security_controls"]
    assert controls == {"step_up_enforced_until": None, "audit_reads_until": None}
    assert (
        await client.post(f"{BASE}/features", json=feature("lockdown-5"), headers=password_only)
    ).status_code == 201
    await client.get(f"{BASE}/features/lockdown-probe", headers=password_only)
    assert len(await reads_audited(client, mint, "usr_pat")) == 1  # the one from before, no new one


async def test_a_failing_later_step_compensates_the_lock_down(
    client: httpx.AsyncClient, mint: Mint, runtime: Runtime
) -> None:
    run = run_plan(runtime, [
        {"id": "step-up", "action": "tenant.enforce_step_up", "parameters": {"hours": 24},
         "compensation": {"action": "tenant.enforce_step_up", "parameters": {"hours": 0}}},
        {"id": "isolate", "action": "service.isolate", "parameters": {"service_id": "svc_missing"}},
    ], "Lock down, then isolate what does not exist")  # fmt: skip
    assert run["state"] == "compensated", run
    assert run["steps"][1]["errors"][-1]["message"] == "service svc_missing does not exist in tenant acme"
    admin = member(mint, "acme", "tenant_admin", subject="usr_mia", mfa=True)
    assert (await client.get(BASE, headers=admin)).json()["security_controls"][
        "step_up_enforced_until"
    ] is None


async def test_an_isolated_service_takes_no_deployment_and_stops_rollouts_gated_on_it(
    client: httpx.AsyncClient, mint: Mint, runtime: Runtime
) -> None:
    sre = member(mint, "acme", "sre", subject="usr_sam", mfa=True)
    services = (await client.get(f"{BASE}/services", params={"page_size": 100}, headers=sre)).json()["items"]
    search = next(s for s in services if s["name"] == "search-api")
    assert search["isolation"] is None
    started = {"version": "v9.9.8", "commit": "abcdef1233", "environment": "production"}
    in_flight = (
        await client.post(f"{BASE}/services/{search['id']}/deployments", json=started, headers=sre)
    ).json()
    step = {"id": "isolate", "action": "service.isolate",
            "parameters": {"service_id": search["id"], "reason": "Beaconing to an unknown host"}}  # fmt: skip
    assert run_plan(runtime, [step], "Isolate search-api")["state"] == "succeeded"

    isolated = (await client.get(f"{BASE}/services/{search['id']}", headers=sre)).json()
    assert (
        isolated["isolation"]["reason"] == "Beaconing to an unknown host" and isolated["isolation"]["since"]
    )
    body = {"version": "v9.9.9", "commit": "abcdef1234", "environment": "production"}
    frozen = await client.post(f"{BASE}/services/{search['id']}/deployments", json=body, headers=sre)
    assert frozen.status_code == 409 and "isolated" in frozen.json()["detail"], frozen.text
    # A deployment already in flight cannot move forward either; it may still fail.
    stage = f"{BASE}/deployments/{in_flight['id']}/stages"
    held = await client.post(f"{stage}/build", json={"state": "running"}, headers=sre)
    assert held.status_code == 409 and "isolated" in held.json()["detail"], held.text
    assert (await client.post(f"{stage}/build", json={"state": "failed"}, headers=sre)).status_code == 200

    # A flag rollout whose SLO gate names the service fails the gate.
    rita = member(mint, "acme", "tenant_admin", subject="usr_rita", mfa=True)
    adam = member(mint, "acme", "tenant_admin", subject="usr_adam", mfa=True)
    assert (await client.post(f"{BASE}/flags", json={"key": "search-ramp"}, headers=rita)).status_code == 201
    rollout = (await client.post(f"{BASE}/rollouts", headers=rita, json={
        "flag_key": "search-ramp", "environment": "staging", "stages": [50], "bake_seconds": 0,
        "gates": {"slo_services": [search["id"]], "checks": ["slo"]}, "auto_advance": False,
    })).json()  # fmt: skip
    assert (
        await client.post(f"{BASE}/rollouts/{rollout['id']}/approve", json={}, headers=adam)
    ).status_code == 200
    blocked = (await client.post(f"{BASE}/rollouts/{rollout['id']}/advance", headers=rita)).json()
    assert blocked["current_percentage"] == 0
    (slo,) = blocked["history"][-1]["gates"]
    assert slo["status"] == "fail" and "isolated (Beaconing to an unknown host)" in slo["detail"]

    release = {**step, "parameters": {"service_id": search["id"], "release": True}}
    assert run_plan(runtime, [release], "Release search-api")["state"] == "succeeded"
    assert (await client.get(f"{BASE}/services/{search['id']}", headers=sre)).json()["isolation"] is None
    deployed = await client.post(f"{BASE}/services/{search['id']}/deployments", json=body, headers=sre)
    assert deployed.status_code == 201, deployed.text


def test_an_adapter_written_before_the_playbook_effects_fails_the_step_at_once(runtime: Runtime) -> None:
    from companyos_server.core.maestro.adapters import EffectRequest, EffectResult, RecordingAdapter

    class OlderAdapter:
        """Every effect of the original protocol, none of the playbook effects."""

        name = "older"

        def __init__(self) -> None:
            self.inner = RecordingAdapter(runtime.db)

        def __getattr__(self, name: str) -> Any:
            if name in ("enforce_step_up", "raise_logging", "isolate_service"):
                raise AttributeError(name)
            return getattr(self.inner, name)

        def lookup(self, tenant_id: str, key: str) -> EffectResult | None:
            return self.inner.lookup(tenant_id, key)

        def toggle_flag(self, request: EffectRequest) -> EffectResult:
            return self.inner.toggle_flag(request)

    maestro = Maestro(runtime, adapter=OlderAdapter())  # type: ignore[arg-type]
    plan = maestro.create_plan("acme", {"name": "Older adapter", "steps": [
        {"id": "step-up", "action": "tenant.enforce_step_up", "parameters": {"hours": 1},
         "retries": {"max_attempts": 5, "base_delay": 0, "max_delay": 0}}]}, "usr_dave")  # fmt: skip
    run = maestro.start_run("acme", plan["id"], actor="usr_dave")
    started = time.monotonic()
    with suppress(RunFailed):
        maestro.execute("acme", run["id"])
    done = maestro.get_run("acme", run["id"])
    assert done["state"] == "failed" and done["steps"][0]["attempts"] == 1
    assert "older adapter does not implement enforce_step_up" in done["steps"][0]["errors"][-1]["message"]
    assert time.monotonic() - started < 30
