"""The Maestro API end to end in-process: plans, versions, dry run, step-up, runs as jobs (poll + SSE),
evidence, audit, IntelGraph, cancel, verification."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import httpx
import pytest

from companyos_server.core.maestro import verification
from companyos_server.platform.principal import ACR_MFA
from companyos_server.platform.runtime import Runtime
from companyos_server.platform.storage import utcnow
from tests.conftest import bearer
from tests.unit.maestro.targets import add_deployment, add_service

Mint = Callable[..., str]
BASE = "/v1/tenants/acme"
ROLLBACK_PLAN = {
    "name": "Roll back checkout",
    "description": "Bad deploy: roll back, restart, tell the incident.",
    "steps": [
        {"id": "rollback", "action": "deployment.rollback",
         "parameters": {"deployment_id": "dep_checkout_42", "service_id": "svc_checkout"},
         "retries": {"max_attempts": 3, "base_delay": 0.1, "max_delay": 0.5}},
        {"id": "restart", "action": "service.restart", "parameters": {"service_id": "svc_checkout"}},
    ],
}  # fmt: skip
RESTART_PLAN = {
    "name": "Restart payments",
    "steps": [{"id": "restart", "action": "service.restart", "parameters": {"service_id": "svc_payments"}}],
}


def sre(mint: Mint, *, mfa: bool = False) -> dict[str, str]:
    extra = {"acr": ACR_MFA, "auth_time": int(time.time())} if mfa else {}
    return bearer(mint("usr_alice", tenants={"acme": ["sre"]}, **extra))


def viewer(mint: Mint) -> dict[str, str]:
    return bearer(mint("usr_bob", tenants={"acme": ["viewer"]}))


@pytest.fixture(autouse=True)
def targets(runtime: Runtime) -> None:
    """The service and deployments the plans above name (Maestro refuses targets acme does not have)."""
    add_service(runtime.db, "acme", "svc_checkout", "checkout-maestro-test")
    add_service(runtime.db, "acme", "svc_payments", "payments-maestro-test")
    add_deployment(runtime.db, "acme", "dep_checkout_41", "svc_checkout", "v41", minutes_ago=60)
    add_deployment(runtime.db, "acme", "dep_checkout_42", "svc_checkout", "v42", minutes_ago=10)


@pytest.fixture
def worker(runtime: Runtime) -> Iterator[Runtime]:
    runtime.jobs.start_worker_thread()
    yield runtime
    runtime.jobs.stop_worker()


async def create(client: httpx.AsyncClient, mint: Mint, body: dict[str, Any]) -> dict[str, Any]:
    r = await client.post(f"{BASE}/plans", json=body, headers=sre(mint))
    assert r.status_code == 201, r.text
    assert r.headers["location"] == f"{BASE}/plans/{r.json()['id']}"
    return r.json()


async def wait_for(
    client: httpx.AsyncClient, url: str, headers: dict[str, str], states: tuple[str, ...]
) -> Any:
    deadline = time.monotonic() + 30
    while True:
        r = await client.get(url, headers=headers)
        assert r.status_code == 200, r.text
        if r.json()["state"] in states:
            return r.json()
        assert time.monotonic() < deadline, f"still {r.json()['state']}"
        await asyncio.sleep(0.05)


def parse_sse(text: str) -> list[dict[str, Any]]:
    events = []
    for block in text.strip().split("\n\n"):
        fields = dict(line.split(": ", 1) for line in block.splitlines() if not line.startswith(":"))
        if "id" in fields:
            events.append(
                {"id": int(fields["id"]), "event": fields["event"], "data": json.loads(fields["data"])}
            )
    return events


async def test_plan_crud_versions_and_validation(client: httpx.AsyncClient, mint: Mint) -> None:
    plan = await create(client, mint, RESTART_PLAN)
    assert plan["version"] == 1 and plan["effective_risk"] == "normal"
    assert plan["steps"][0]["retries"] == {"max_attempts": 1, "base_delay": 1.0, "max_delay": 30.0}
    url = f"{BASE}/plans/{plan['id']}"
    r = await client.patch(url, json={"description": "v2", "risk": "high"}, headers=sre(mint))
    assert r.status_code == 200, r.text
    assert (r.json()["version"], r.json()["effective_risk"]) == (2, "high")
    r = await client.get(f"{url}/versions/1", headers=viewer(mint))
    assert r.status_code == 200 and r.json()["description"] == "" and r.json()["version"] == 1
    r = await client.get(f"{url}/versions", headers=viewer(mint))
    assert [v["version"] for v in r.json()["items"]] == [2, 1]
    assert (await client.get(f"{url}/versions/3", headers=viewer(mint))).status_code == 404
    r = await client.get(f"{BASE}/plans", params={"name": "Restart payments"}, headers=viewer(mint))
    assert [p["id"] for p in r.json()["items"]] == [plan["id"]]

    r = await client.post(f"{BASE}/plans", json=RESTART_PLAN, headers=viewer(mint))
    assert r.status_code == 403
    bad = {"name": "Bad", "steps": [{"id": "x", "action": "service.explode", "parameters": {}}]}
    r = await client.post(f"{BASE}/plans", json=bad, headers=sre(mint))
    assert r.status_code == 400 and r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["errors"][0]["field"].startswith("steps")
    bad_params = {
        "name": "Bad",
        "steps": [
            {"id": "x", "action": "service.scale", "parameters": {"service_id": "svc_a", "replicas": -2}}
        ],
    }
    r = await client.post(f"{BASE}/plans", json=bad_params, headers=sre(mint))
    assert r.status_code == 400
    dup = {"name": "Dup", "steps": [RESTART_PLAN["steps"][0], RESTART_PLAN["steps"][0]]}
    r = await client.post(f"{BASE}/plans", json=dup, headers=sre(mint))
    assert r.status_code == 409 and r.json()["errors"][0]["field"] == "steps[1].id"
    r = await client.get(f"/v1/tenants/globex/plans/{plan['id']}", headers=sre(mint))
    assert r.status_code == 404


async def test_rollback_dry_run_step_up_execute_poll_sse_evidence_audit(
    client: httpx.AsyncClient, mint: Mint, runtime: Runtime, worker: Runtime
) -> None:
    plan = await create(client, mint, ROLLBACK_PLAN)
    assert plan["effective_risk"] == "high"
    runs_url = f"{BASE}/plans/{plan['id']}/runs"

    r = await client.post(f"{BASE}/plans/{plan['id']}/dry-run", headers=sre(mint))
    assert r.status_code == 200, r.text
    impact = r.json()
    assert impact["requires_step_up"] is True and impact["changes_made"] is False
    assert [s["target"] for s in impact["steps"]] == ["dep_checkout_42", "svc_checkout"]
    assert impact["steps"][0]["change"] == (
        "Deployment dep_checkout_42 is rolled back to the previous good deployment."
    )
    r = await client.post(runs_url, params={"dry_run": "true"}, headers=sre(mint, mfa=True))
    assert r.status_code == 200 and r.json()["requires_step_up"] is False
    listed = await client.get(f"{BASE}/runs", params={"plan_id": plan["id"]}, headers=sre(mint))
    assert listed.json()["items"] == []  # the dry run started no run
    # Audited as what it was asked for, marked as changing nothing.
    (dry,) = [
        a
        for a in runtime.audit.list("acme", page_size=200).items
        if a["request_id"] == r.headers["x-request-id"]
    ]
    assert dry["action"] == "maestro:execute" and dry["details"]["dry_run"] is True
    # One Idempotency-Key cannot turn the preview into the real run (the query is part of the request).
    same_key = {**sre(mint, mfa=True), "Idempotency-Key": "preview-then-run"}
    preview = await client.post(runs_url, params={"dry_run": "true"}, json={"reason": "r"}, headers=same_key)
    assert preview.status_code == 200, preview.text
    r = await client.post(runs_url, json={"reason": "r"}, headers=same_key)
    assert r.status_code == 409 and r.json()["type"].endswith("idempotency-key-reused"), r.text

    r = await client.post(runs_url, json={"reason": "5xx after deploy"}, headers=sre(mint))
    assert r.status_code == 401
    challenge = r.headers["www-authenticate"]
    assert 'error="insufficient_user_authentication"' in challenge and f'acr_values="{ACR_MFA}"' in challenge

    r = await client.post(runs_url, json={"reason": "5xx after deploy"}, headers=sre(mint, mfa=True))
    assert r.status_code == 202, r.text
    run = r.json()
    assert run["state"] in ("queued", "running") and run["risk"] == "high"
    assert r.headers["location"] == f"{BASE}/runs/{run['id']}"
    done = await wait_for(
        client, f"{BASE}/runs/{run['id']}", sre(mint), ("succeeded", "failed", "compensated")
    )
    assert done["state"] == "succeeded", done
    assert done["progress"] == {"done": 2, "total": 2}
    assert [(s["id"], s["state"], s["attempts"]) for s in done["steps"]] == [
        ("rollback", "succeeded", 1),
        ("restart", "succeeded", 1),
    ]

    rolled = done["steps"][0]["output"]
    assert (rolled["deployment_known"], rolled["to"]) == (True, "dep_checkout_41"), rolled

    r = await client.get(f"{BASE}/runs/{run['id']}/events", headers=viewer(mint))
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
    assert r.text.startswith("retry: 500\n\n")
    events = parse_sse(r.text)
    assert [e["event"] for e in events] == ["run.queued", "run.started", "step.running", "step.succeeded",
                                           "step.running", "step.succeeded", "run.succeeded"]  # fmt: skip
    assert [e["id"] for e in events] == list(range(1, 8))
    r = await client.get(f"{BASE}/runs/{run['id']}/events", headers={**viewer(mint), "Last-Event-ID": "5"})
    assert [e["event"] for e in parse_sse(r.text)] == ["step.succeeded", "run.succeeded"]

    pack = runtime.evidence.get_pack("acme", done["evidence_pack_id"])
    assert pack["subject"] == f"plan_run:{run['id']}"
    assert {i["name"] for i in pack["items"]} == {"step-log.json", "inputs.json", "outputs.json"}
    audit = runtime.audit.list("acme", page_size=200).items
    steps = [
        (a["details"]["step_id"], a["details"]["transition"]) for a in audit if a["action"] == "maestro:step"
    ]
    assert sorted(steps) == sorted(
        [("rollback", "started"), ("rollback", "succeeded"), ("restart", "started"), ("restart", "succeeded")]
    )
    assert any(a["action"] == "maestro:run" and a["outcome"] == "success" for a in audit)
    neighbours = runtime.graph.neighbours("acme", f"plan_run:{run['id']}", depth=1)
    relations = {(e["src"], e["relation"], e["dst"]) for e in neighbours["edges"]}
    assert (f"plan_run:{run['id']}", "rolls_back", "deployment:dep_checkout_42") in relations
    assert (f"plan_run:{run['id']}", "remediates", "service:svc_checkout") in relations


async def test_cancel_a_queued_run(client: httpx.AsyncClient, mint: Mint) -> None:
    plan = await create(client, mint, RESTART_PLAN)
    r = await client.post(f"{BASE}/plans/{plan['id']}/runs", headers=sre(mint))
    assert r.status_code == 202, r.text  # a normal-risk plan needs no step-up
    run_id = r.json()["id"]
    r = await client.post(f"{BASE}/runs/{run_id}/cancel", headers=viewer(mint))
    assert r.status_code == 403
    r = await client.post(f"{BASE}/runs/{run_id}/cancel", headers=sre(mint))
    assert r.status_code == 200 and r.json()["state"] == "cancelled"
    assert (await client.post(f"{BASE}/runs/{run_id}/cancel", headers=sre(mint))).status_code == 409
    r = await client.get(f"{BASE}/runs", params={"state": "cancelled"}, headers=viewer(mint))
    assert [x["id"] for x in r.json()["items"]] == [run_id]
    r = await client.get(f"{BASE}/runs/{run_id}/events", headers=viewer(mint))
    assert [e["event"] for e in parse_sse(r.text)] == ["run.queued", "run.cancel_requested"]


async def test_verification_burn_down_delta_and_no_data(
    client: httpx.AsyncClient, mint: Mint, runtime: Runtime, worker: Runtime
) -> None:
    plan = await create(client, mint, RESTART_PLAN)
    r = await client.post(f"{BASE}/plans/{plan['id']}/runs", headers=sre(mint))
    run = await wait_for(client, f"{BASE}/runs/{r.json()['id']}", sre(mint), ("succeeded", "failed"))
    url = f"{BASE}/runs/{run['id']}/verification"
    r = await client.get(url, headers=viewer(mint))
    assert r.status_code == 200, r.text
    empty = r.json()
    assert empty["state"] == "no_data"
    assert empty["services"] == [{"service_id": "svc_payments", "state": "no_data", "objective": 0.999,
                                  "objective_source": "default", "message": "No SLI samples for this service in the window."}]  # fmt: skip
    assert empty["checklist"]["source"] == "run"
    assert empty["checklist"]["items"][0] == {
        "id": "step:restart", "text": "Confirm: Every instance of service svc_payments is restarted (rolling).",
        "done": True, "done_by": "usr_alice", "done_at": run["steps"][0]["finished_at"],
    }  # fmt: skip

    now = utcnow()
    before = [(now - timedelta(minutes=30 - i), 990, 1000) for i in range(0, 25, 5)]  # 1 % errors: burn 10
    after = [(now + timedelta(minutes=i), 9995, 10000) for i in range(1, 5)]  # 0.05 %: burn 0.5
    verification.record_samples(runtime.db, "acme", "svc_payments", before + after)
    verification.record_samples(runtime.db, "globex", "svc_payments", [(now, 0, 1000)])  # not acme's
    until = (now + timedelta(minutes=10)).isoformat()
    r = await client.get(url, params={"until": until}, headers=viewer(mint))
    assert r.status_code == 200, r.text
    (svc,) = r.json()["services"]
    assert r.json()["state"] == "ok" and svc["state"] == "ok"
    assert svc["before"] == {"good": 4950, "total": 5000, "error_rate": 0.01, "burn_rate": 10.0}
    assert svc["after"] == {"good": 39980, "total": 40000, "error_rate": 0.0005, "burn_rate": 0.5}
    assert svc["verdict"] == "improved"
    assert svc["error_budget"]["remaining_at_action"] == -9.0  # 50 bad of a 5-event budget
    assert svc["error_budget"]["remaining_at_end"] == pytest.approx(1 - 70 / 45, abs=1e-4)
    assert svc["error_budget"]["delta"] == pytest.approx(
        svc["error_budget"]["remaining_at_end"] + 9.0, abs=1e-4
    )
    assert (
        svc["burn_down"]
        and svc["burn_down"][-1]["budget_remaining"] == svc["error_budget"]["remaining_at_end"]
    )
    r = await client.get(url, params={"since": until, "until": now.isoformat()}, headers=viewer(mint))
    assert r.status_code == 400
    assert (
        await client.get(f"{BASE}/runs/run_unknown0000/verification", headers=viewer(mint))
    ).status_code == 404


async def test_incident_task_and_flag_toggle_change_the_platform(
    client: httpx.AsyncClient, mint: Mint, runtime: Runtime, worker: Runtime
) -> None:
    """The default adapter applies these two through their domains, not only as recorded effects."""
    fresh = {"acr": ACR_MFA, "auth_time": int(time.time())}  # flag writes need step-up
    admin = bearer(mint("usr_tess", tenants={"acme": ["tenant_admin"]}, **fresh))
    r = await client.post(f"{BASE}/flags", json={"key": "new-checkout", "enabled": True}, headers=admin)
    assert r.status_code == 201, r.text
    r = await client.post(
        f"{BASE}/incidents", json={"title": "Checkout errors", "severity": "sev2"}, headers=sre(mint)
    )
    assert r.status_code == 201, r.text
    incident = r.json()["id"]
    plan = await create(
        client,
        mint,
        {
            "name": "Kill switch",
            "steps": [
                {"id": "off", "action": "flag.toggle", "parameters": {"flag": "new-checkout", "enabled": False}},
                {"id": "staging-on", "action": "flag.toggle",
                 "parameters": {"flag": "new-checkout", "enabled": True, "environment": "staging"}},
                {"id": "task", "action": "incident.task",
                 "parameters": {"incident_id": incident, "title": "Kill switch thrown"}},
            ],
        },
    )  # fmt: skip
    r = await client.post(f"{BASE}/plans/{plan['id']}/runs", headers=sre(mint))
    assert r.status_code == 202, r.text
    run = r.json()["id"]
    done = await wait_for(client, f"{BASE}/runs/{run}", sre(mint), ("succeeded", "failed", "compensated"))
    assert done["state"] == "succeeded", done

    evaluation = f"{BASE}/flags/new-checkout/evaluation"
    production = (await client.get(evaluation, headers=admin)).json()
    assert (production["enabled"], production["decided_by"]) == (False, "override")
    flag = (await client.get(f"{BASE}/flags/new-checkout", headers=admin)).json()
    assert flag["override"]["reason"] == f"Maestro run {run}"
    assert flag["rules"][0]["name"] == f"maestro-{run}" and flag["rules"][0]["environments"] == ["staging"]

    body = (await client.get(f"{BASE}/incidents/{incident}", headers=sre(mint))).json()
    assert [(t["ref"], t["title"]) for t in body["tasks"]] == [(f"plan_run:{run}", "Kill switch thrown")]
    assert any(e["text"] == "Maestro task linked: Kill switch thrown" for e in body["timeline"])

    outputs = {s["id"]: s["output"] or {} for s in done["steps"]}
    assert outputs["off"]["now_enabled"] is False and outputs["off"]["was_enabled"] is True, outputs
    assert outputs["off"]["flag_known"] is True and outputs["task"]["incident_known"] is True, outputs


def globex_deployment(runtime: Runtime) -> str:
    from sqlalchemy import select

    from companyos_server.domains.deployments.store import DeploymentRow

    with runtime.db.session() as s:
        found = s.scalars(select(DeploymentRow.id).where(DeploymentRow.tenant_id == "globex")).first()
    assert found is not None, "the demo seed gives globex deployments"
    return found


@pytest.mark.parametrize("whose", ["unknown", "globex"])
async def test_rollback_of_a_deployment_acme_lacks_fails_and_compensates(
    client: httpx.AsyncClient, mint: Mint, runtime: Runtime, worker: Runtime, whose: str
) -> None:
    """A mistyped id, or another tenant's, is not "rolled back": the dry run says the step would fail,
    the run fails it at once (no retries), compensates what came before and records no effect for it."""
    from sqlalchemy import select

    from companyos_server.core.maestro.models import EffectRow
    from companyos_server.domains.deployments import store as dep_store

    deployment_id = "dep_doesnotexist" if whose == "unknown" else globex_deployment(runtime)
    message = f"deployment {deployment_id} does not exist in tenant acme"
    plan = await create(
        client,
        mint,
        {
            "name": f"Roll back {whose}",
            "steps": [
                {"id": "scale", "action": "service.scale", "parameters": {"service_id": "svc_checkout", "replicas": 6},
                 "compensation": {"action": "service.scale", "parameters": {"service_id": "svc_checkout", "replicas": 3}}},
                {"id": "rollback", "action": "deployment.rollback", "parameters": {"deployment_id": deployment_id},
                 "retries": {"max_attempts": 3, "base_delay": 5, "max_delay": 5}},
            ],
        },
    )  # fmt: skip
    r = await client.post(f"{BASE}/plans/{plan['id']}/dry-run", headers=sre(mint, mfa=True))
    assert r.status_code == 200, r.text
    step = r.json()["steps"][1]
    assert step["target"] == deployment_id and step["change"].startswith(f"No change: {message}; "), step
    assert "rolled back to" not in step["change"] and r.json()["changes_made"] is False

    r = await client.post(
        f"{BASE}/plans/{plan['id']}/runs", json={"reason": "typo?"}, headers=sre(mint, mfa=True)
    )
    assert r.status_code == 202, r.text
    started = time.monotonic()
    done = await wait_for(
        client, f"{BASE}/runs/{r.json()['id']}", sre(mint), ("succeeded", "failed", "compensated")
    )
    assert time.monotonic() - started < 5  # no 5 s backoff was slept
    assert done["state"] == "compensated" and done["error"] == message, done
    by_id = {s["id"]: s for s in done["steps"]}
    assert (by_id["rollback"]["state"], by_id["rollback"]["attempts"]) == ("failed", 1)
    assert [e["message"] for e in by_id["rollback"]["errors"]] == [message]
    assert by_id["scale"]["compensation_state"] == "succeeded"
    with runtime.db.session() as s:
        keys = sorted(s.scalars(select(EffectRow.idempotency_key).where(EffectRow.run_id == done["id"])))
        assert keys == [f"{done['id']}:scale", f"{done['id']}:scale:compensate"]
        if whose == "globex":
            assert dep_store.get(s, "globex", deployment_id).state != "rolled_back"  # type: ignore[union-attr]
    audit = runtime.audit.list("acme", page_size=200).items
    (failed,) = [a for a in audit if a["action"] == "maestro:step" and a["details"]["transition"] == "failed"]
    assert failed["details"]["error"] == message and failed["details"]["retryable"] is False
