"""The feature lifecycle through HTTP: evidence-gated states, reviews, stale flags, approvals (no
self-approval), gated staged rollouts with automatic rollback on a failing SLO gate, experiments (SRM)."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any, cast

import httpx
import pytest

from companyos_server.core.maestro.models import SliSampleRow
from companyos_server.domains.features import experiments
from companyos_server.platform.principal import ACR_MFA
from companyos_server.platform.runtime import get_runtime
from companyos_server.platform.storage import new_id, utcnow
from tests.conftest import bearer

Mint = Callable[..., str]
BASE = "/v1/tenants/acme"


@pytest.fixture(autouse=True)
def _demo_rollouts_left_to_the_demo(client: httpx.AsyncClient) -> None:
    """The seed's approved staging rollout would be stepped by every scheduler pass these tests count: it
    is switched to manual here, so a pass touches only the rollouts a test makes."""
    from sqlalchemy import update

    from companyos_server.domains.features.store import RolloutRow

    with get_runtime().db.session() as session:
        session.execute(update(RolloutRow).values(auto_advance=False))


def who(mint: Mint, name: str, role: str = "tenant_admin") -> dict[str, str]:
    token = mint(f"usr_{name}", tenants={"acme": [role]}, acr=ACR_MFA, auth_time=int(time.time()))
    return bearer(token)


async def test_states_need_their_evidence_and_keep_history(client: httpx.AsyncClient, mint: Mint) -> None:
    admin = who(mint, "ann")
    r = await client.post(
        f"{BASE}/features",
        json={"key": "quick-reorder", "name": "One-page checkout", "owner": "payments",
              "problem": "Abandonment is 38 %.", "hypothesis": "One page cuts it by 5 points.",
              "kpis": [{"name": "abandonment", "target": "< 33 %"}],
              "links": [{"kind": "flag", "ref": "new-checkout-flow"}]},
        headers=admin,
    )  # fmt: skip
    assert r.status_code == 201, r.text
    feature = r.json()
    assert (feature["state"], feature["next_state"], feature["missing_for_next"]) == (
        "idea",
        "experiment",
        ["design"],
    )

    refused = await client.post(
        f"{BASE}/features/quick-reorder/transitions", json={"to": "experiment"}, headers=admin
    )
    assert refused.status_code == 409
    problem = refused.json()
    assert problem["missing_evidence"] == ["design"]
    assert [e["field"] for e in problem["errors"]] == ["evidence.design"]
    skip = await client.post(f"{BASE}/features/quick-reorder/transitions", json={"to": "ga"}, headers=admin)
    assert skip.status_code == 409 and "can move to experiment, sunset" in skip.json()["detail"]

    plan = [
        ("experiment", ["design"]),
        ("beta", ["kpi_results", "risk_controls"]),
        ("ga", ["slo_health", "security_signoff"]),
        ("sunset", ["sunset_plan"]),
    ]
    for state, kinds in plan:
        for kind in kinds:
            r = await client.post(
                f"{BASE}/features/quick-reorder/evidence",
                json={"kind": kind, "title": f"{kind} doc"},
                headers=admin,
            )
            assert r.status_code == 201, r.text
        r = await client.post(
            f"{BASE}/features/quick-reorder/transitions",
            json={"to": state, "note": f"to {state}"},
            headers=admin,
        )
        assert r.status_code == 200, r.text
        assert r.json()["state"] == state
    history = (await client.get(f"{BASE}/features/quick-reorder/transitions", headers=admin)).json()["items"]
    assert [(h["from_state"], h["to_state"], h["actor"]) for h in history] == [
        ("idea", "experiment", "usr_ann"),
        ("experiment", "beta", "usr_ann"),
        ("beta", "ga", "usr_ann"),
        ("ga", "sunset", "usr_ann"),
    ]
    assert {e["kind"] for e in history[2]["evidence"]} == {
        "kpi_results",
        "risk_controls",
        "slo_health",
        "security_signoff",
    }

    review = await client.get(f"{BASE}/features/quick-reorder/review", headers=admin)
    assert review.status_code == 200 and review.headers["content-type"].startswith("text/markdown")
    for heading in ("## Problem & hypothesis", "## Readiness", "## Controls", "## Decision & owners"):
        assert heading in review.text
    summary = (await client.get(f"{BASE}/feature-summary", headers=admin)).json()
    by_state = {s["state"]: s for s in summary["states"]}
    assert "quick-reorder" in [f["key"] for f in by_state["sunset"]["features"]]
    listed = (await client.get(f"{BASE}/features", params={"state": "sunset"}, headers=admin)).json()["items"]
    assert "quick-reorder" in [f["key"] for f in listed]

    entity = get_runtime().graph.get("acme", "feature:quick-reorder")
    assert entity is not None and entity["attributes"]["state"] == "sunset"


async def test_stale_flags(client: httpx.AsyncClient, mint: Mint) -> None:
    from companyos_server.domains.tenant_config import store

    admin = who(mint, "ann")
    for key, temporary in (("old-temp", True), ("old-done", False), ("fresh-temp", True)):
        r = await client.post(
            f"{BASE}/flags", json={"key": key, "enabled": True, "temporary": temporary}, headers=admin
        )
        assert r.status_code == 201, r.text
    with get_runtime().db.session() as session:
        for key, age in (("old-temp", 40), ("old-done", 20)):
            row = store.get_flag(session, "acme", key)
            assert row is not None
            row.created_at = row.updated_at = utcnow() - timedelta(days=age)
    stale = (await client.get(f"{BASE}/stale-flags", headers=admin)).json()["items"]
    keys = {s["flag_key"]: s["reasons"] for s in stale}
    assert "old-temp" in keys and "old-done" in keys and "fresh-temp" not in keys
    assert "temporary flag" in keys["old-temp"][0]
    assert "fully rolled out" in keys["old-done"][0]


async def _service_with_samples(
    client: httpx.AsyncClient, headers: dict[str, str], name: str, error_share: float
) -> str:
    r = await client.post(
        f"{BASE}/services",
        json={"name": name, "owner": {"team": "payments", "contact": "pay@example.com"}, "tier": "tier-2",
              "environments": ["production"], "slo": {"objective": 99.9, "window_days": 28}},
        headers=headers,
    )  # fmt: skip
    assert r.status_code == 201, r.text
    service_id = r.json()["id"]
    now = utcnow().replace(second=0, microsecond=0)
    with get_runtime().db.session() as session:
        for minute in range(120):
            total = 1000
            session.add(
                SliSampleRow(
                    id=new_id("sli"),
                    tenant_id="acme",
                    service_ref=service_id,
                    ts=now - timedelta(minutes=minute),
                    good=int(total * (1 - error_share)),
                    total=total,
                )
            )
    return str(service_id)


async def test_rollout_approval_stages_and_rollback_on_a_failing_slo_gate(
    client: httpx.AsyncClient, mint: Mint
) -> None:
    requester, approver = who(mint, "rita"), who(mint, "adam")
    r = await client.post(f"{BASE}/flags", json={"key": "ramp-me", "enabled": False}, headers=requester)
    assert r.status_code == 201, r.text
    service_id = await _service_with_samples(client, requester, "ramp-svc", 0.0)

    body = {"flag_key": "ramp-me", "environment": "production", "stages": [10, 50, 100], "bake_seconds": 0,
            "auto_advance": False,
            "gates": {"slo_services": [service_id], "checks": ["slo", "security", "residency"]}}  # fmt: skip
    r = await client.post(f"{BASE}/rollouts", json=body, headers=requester)
    assert r.status_code == 201, r.text
    rollout = r.json()
    assert rollout["status"] == "pending_approval"
    early = await client.post(f"{BASE}/rollouts/{rollout['id']}/advance", headers=requester)
    assert early.status_code == 409
    self_approval = await client.post(f"{BASE}/rollouts/{rollout['id']}/approve", json={}, headers=requester)
    assert self_approval.status_code == 403 and "requester" in self_approval.json()["detail"]
    # A production approval carries every later stage: it needs a recent multi-factor sign-in.
    password_only = bearer(mint("usr_adam", tenants={"acme": ["tenant_admin"]}, auth_time=int(time.time())))
    step_up = await client.post(f"{BASE}/rollouts/{rollout['id']}/approve", json={}, headers=password_only)
    assert step_up.status_code == 401 and step_up.json()["type"].endswith("step-up-required")
    assert "insufficient_user_authentication" in step_up.headers["www-authenticate"]
    approved = await client.post(
        f"{BASE}/rollouts/{rollout['id']}/approve", json={"comment": "ok"}, headers=approver
    )
    assert approved.status_code == 200, approved.text
    assert approved.json()["status"] == "approved" and approved.json()["plan_id"]
    plan = await client.get(f"{BASE}/plans/{approved.json()['plan_id']}", headers=approver)
    assert plan.status_code == 200, plan.text
    steps = plan.json()["steps"]
    assert [s["parameters"].get("percentage") for s in steps if s["action"] == "flag.toggle"] == [
        10,
        50,
        None,
    ]
    assert all(
        s["compensation"]["parameters"]["enabled"] is False for s in steps if s["action"] == "flag.toggle"
    )
    assert [s["id"] for s in steps] == ["stage-1", "stage-2", "stage-3", "complete"]
    # Approval starts the Maestro run that carries the stages out; nothing has run yet.
    run = (await client.get(f"{BASE}/runs/{approved.json()['run_id']}", headers=approver)).json()
    assert run["plan_id"] == approved.json()["plan_id"] and run["state"] == "queued"
    assert run["inputs"] == {"rollout_id": rollout["id"]} and run["job_id"] is None

    blocked = (await client.post(f"{BASE}/rollouts/{rollout['id']}/advance", headers=requester)).json()
    assert blocked["status"] == "approved" and blocked["current_percentage"] == 0
    gates = {g["gate"]: g for g in blocked["history"][-1]["gates"]}
    assert gates["security"]["status"] == "pass" and gates["slo"]["status"] == "pass"
    assert gates["security"]["detail"].startswith("No open critical security alerts")
    assert gates["residency"]["status"] == "fail"  # the seeded acme keeps data outside its residency

    # A request that leaves residency to its own change rolls out in stages.
    body["gates"] = {"slo_services": [service_id], "checks": ["slo", "security"]}
    rollout = (await client.post(f"{BASE}/rollouts", json=body, headers=requester)).json()
    await client.post(f"{BASE}/rollouts/{rollout['id']}/approve", json={}, headers=approver)
    stage = (await client.post(f"{BASE}/rollouts/{rollout['id']}/advance", headers=requester)).json()
    assert (stage["status"], stage["current_percentage"]) == ("running", 10), stage["history"][-1]
    assert stage["history"][-1]["run_id"] == stage["run_id"]
    flag = (await client.get(f"{BASE}/flags/ramp-me", headers=requester)).json()
    assert flag["rules"][0]["rollout"] == {"percentage": 10, "stickiness": "targetingKey"}
    # The stage was Maestro's step: executed, keyed, and the run paused after it.
    run = (await client.get(f"{BASE}/runs/{stage['run_id']}", headers=approver)).json()
    assert run["state"] == "running"
    assert [(s["id"], s["state"]) for s in run["steps"]] == [
        ("stage-1", "succeeded"), ("stage-2", "pending"), ("stage-3", "pending"), ("complete", "pending")
    ]  # fmt: skip
    ofrep = f"{BASE}/environments/production/ofrep/v1/evaluate/flags/ramp-me"
    on = [
        (await client.post(ofrep, json={"context": {"targetingKey": f"u{i}"}}, headers=requester)).json()[
            "reason"
        ]
        for i in range(40)
    ]
    assert "SPLIT" in on and "DISABLED" in on

    # The service starts burning its error budget: the next advance rolls the flag back.
    with get_runtime().db.session() as session:
        now = utcnow().replace(second=0, microsecond=0)
        for row in session.query(SliSampleRow).filter(SliSampleRow.service_ref == service_id):
            if row.ts >= now - timedelta(minutes=60):
                row.good = 500
    rolled = (await client.post(f"{BASE}/rollouts/{rollout['id']}/advance", headers=requester)).json()
    assert (rolled["status"], rolled["current_percentage"]) == ("rolled_back", 0), rolled
    assert {g["gate"]: g["status"] for g in rolled["history"][-1]["gates"]}["slo"] == "fail"
    flag = (await client.get(f"{BASE}/flags/ramp-me", headers=requester)).json()
    assert flag["rules"][0]["enabled"] is False
    result = (await client.post(ofrep, json={"context": {"targetingKey": "u1"}}, headers=requester)).json()
    assert result["value"] is False and result["reason"] == "TARGETING_MATCH"
    # The rollback cancelled the run: Maestro compensated the stage it had applied, with an evidence pack.
    run = (await client.get(f"{BASE}/runs/{rolled['run_id']}", headers=approver)).json()
    assert run["state"] == "cancelled" and run["evidence_pack_id"]
    assert [(s["id"], s["compensation_state"]) for s in run["steps"] if s["state"] == "succeeded"] == [
        ("stage-1", "succeeded")
    ]
    assert rolled["history"][-1]["run_state"] == "cancelled"


def test_srm_on_constructed_data() -> None:
    balanced = experiments.srm({"control": 5000, "treatment": 5030}, {"control": 50, "treatment": 50})
    assert not balanced["flagged"] and balanced["p_value"] > 0.05
    skewed = experiments.srm({"control": 5000, "treatment": 5400}, {"control": 50, "treatment": 50})
    assert skewed["flagged"] and skewed["p_value"] < 0.001
    weighted = experiments.srm({"control": 9000, "treatment": 1000}, {"control": 90, "treatment": 10})
    assert not weighted["flagged"]
    diff = experiments.compare((1000, 100), (1000, 150))
    assert abs(diff["difference"] - 0.05) < 1e-9 and diff["ci_low"] > 0 and diff["significant"]
    low, high = experiments.wilson(100, 1000)
    assert low < 0.1 < high


async def test_experiment_split_exposures_results_and_srm_blocks_conclusion(
    client: httpx.AsyncClient, mint: Mint
) -> None:
    admin = who(mint, "ann")
    r = await client.post(
        f"{BASE}/flags",
        json={"key": "cta-copy", "enabled": True, "variants": {"control": "Buy", "treatment": "Get it"},
              "default_variant": "control"},
        headers=admin,
    )  # fmt: skip
    assert r.status_code == 201, r.text
    r = await client.post(
        f"{BASE}/experiments",
        json={"key": "cta-test", "flag_key": "cta-copy", "environment": "production", "control": "control",
              "treatment": "treatment", "metric": "checkout_conversion"},
        headers=admin,
    )  # fmt: skip
    assert r.status_code == 201, r.text
    ofrep = f"{BASE}/environments/production/ofrep/v1/evaluate/flags/cta-copy"
    seen = {
        (await client.post(ofrep, json={"context": {"targetingKey": f"u{i}"}}, headers=admin)).json()[
            "variant"
        ]
        for i in range(30)
    }
    assert seen == {"control", "treatment"}

    events: list[dict[str, Any]] = [
        {"subject": f"c{i}", "variant": "control", "converted": i % 10 == 0} for i in range(600)
    ]
    events += [{"subject": f"t{i}", "variant": "treatment", "converted": i % 8 == 0} for i in range(400)]
    r = await client.post(f"{BASE}/experiments/cta-test/exposures", json={"events": events}, headers=admin)
    assert r.status_code == 202, r.text
    results = (await client.get(f"{BASE}/experiments/cta-test/results", headers=admin)).json()
    assert results["srm"]["flagged"] is True
    assert [a["exposed"] for a in results["arms"]] == [600, 400]
    refused = await client.post(
        f"{BASE}/experiments/cta-test/conclude", json={"decision": "ship"}, headers=admin
    )
    assert refused.status_code == 409 and "Sample ratio mismatch" in refused.json()["detail"]

    more = [{"subject": f"t2-{i}", "variant": "treatment", "converted": i % 8 == 0} for i in range(200)]
    await client.post(f"{BASE}/experiments/cta-test/exposures", json={"events": more}, headers=admin)
    results = (await client.get(f"{BASE}/experiments/cta-test/results", headers=admin)).json()
    assert results["srm"]["flagged"] is False
    assert (
        results["comparison"]["ci_low"]
        < results["comparison"]["difference"]
        < results["comparison"]["ci_high"]
    )
    done = await client.post(
        f"{BASE}/experiments/cta-test/conclude", json={"decision": "ship treatment"}, headers=admin
    )
    assert done.status_code == 200 and done.json()["status"] == "concluded"
    flag = (await client.get(f"{BASE}/flags/cta-copy", headers=admin)).json()
    assert not [r for r in flag["rules"] if r["name"].startswith("experiment-")]


def _critical_security_alert(principal: str) -> str:
    from companyos_server.domains.alerts import detections

    now = utcnow()
    with get_runtime().db.session() as session:
        row, _ = detections.upsert_security_alert(
            session, "acme", rule="brute-force", title="Brute force then success", severity="critical",
            principal=principal, group=[("principal", principal)], detection={"event_ids": []}, risk=65.0,
            at=now, now=now,
        )  # fmt: skip
        return row.id


async def test_scheduled_rollout_stages_bakes_and_rolls_back_mid_bake_on_a_security_gate(
    client: httpx.AsyncClient, mint: Mint
) -> None:
    from companyos_server.domains.features import scheduler

    requester, approver = who(mint, "rita"), who(mint, "adam")
    assert (
        await client.post(f"{BASE}/flags", json={"key": "auto-ramp"}, headers=requester)
    ).status_code == 201
    body = {"flag_key": "auto-ramp", "environment": "staging", "stages": [25, 100], "bake_seconds": 600,
            "gates": {"checks": ["security"]}}  # fmt: skip
    rollout = (await client.post(f"{BASE}/rollouts", json=body, headers=requester)).json()
    assert rollout["auto_advance"] is True and rollout["next_stage_at"] is None
    runtime = get_runtime()
    assert scheduler.run_due(runtime.db, runtime.audit) == 0  # not approved yet: nothing to do

    approved = (
        await client.post(f"{BASE}/rollouts/{rollout['id']}/approve", json={}, headers=approver)
    ).json()
    assert approved["next_stage_at"] is not None
    assert scheduler.run_due(runtime.db, runtime.audit) == 1
    staged = (await client.get(f"{BASE}/rollouts/{rollout['id']}", headers=requester)).json()
    assert (staged["status"], staged["current_percentage"]) == ("running", 25)
    assert staged["next_stage_at"] > staged["history"][-1]["at"]  # bakes for 600 s

    # While the stage bakes, a pass changes nothing and a person's advance is a 409.
    assert scheduler.run_due(runtime.db, runtime.audit) == 0
    early = await client.post(f"{BASE}/rollouts/{rollout['id']}/advance", headers=requester)
    assert early.status_code == 409 and "bakes until" in early.json()["detail"]

    # A critical security alert mid-bake: the next pass rolls the flag back without waiting for the bake.
    alert_id = _critical_security_alert("usr_mallory")
    assert scheduler.run_due(runtime.db, runtime.audit) == 1
    rolled = (await client.get(f"{BASE}/rollouts/{rollout['id']}", headers=requester)).json()
    assert (rolled["status"], rolled["current_percentage"], rolled["next_stage_at"]) == (
        "rolled_back",
        0,
        None,
    )
    security = rolled["history"][-1]["gates"][0]
    assert (
        security["status"] == "fail"
        and alert_id in security["detail"]
        and "usr_mallory" in security["detail"]
    )
    flag = (await client.get(f"{BASE}/flags/auto-ramp", headers=requester)).json()
    assert [r["enabled"] for r in flag["rules"] if r.get("environments") == ["staging"]] == [False]
    events = (await client.get(f"{BASE}/audit/events", params={"action": "features:rollout.rolled_back"},
                               headers=approver)).json()["items"]  # fmt: skip
    assert events and (events[0]["actor"], events[0]["actor_kind"]) == ("rollout-scheduler", "system")
    assert events[0]["details"]["on_behalf_of"] == "usr_adam" and events[0]["details"]["scheduled"] is True
    assert events[0]["details"]["gates"] == {"security": "fail"}
    assert scheduler.run_due(runtime.db, runtime.audit) == 0  # over: no longer scheduled


async def test_scheduled_rollout_blocked_before_its_first_stage_records_the_block_once(
    client: httpx.AsyncClient, mint: Mint
) -> None:
    from companyos_server.domains.features import scheduler

    requester, approver = who(mint, "rita"), who(mint, "adam")
    await client.post(f"{BASE}/flags", json={"key": "held-ramp"}, headers=requester)
    _critical_security_alert("usr_eve")
    body = {"flag_key": "held-ramp", "environment": "staging", "stages": [50], "bake_seconds": 0,
            "gates": {"checks": ["security"]}}  # fmt: skip
    rollout = (await client.post(f"{BASE}/rollouts", json=body, headers=requester)).json()
    await client.post(f"{BASE}/rollouts/{rollout['id']}/approve", json={}, headers=approver)
    runtime = get_runtime()
    assert scheduler.run_due(runtime.db, runtime.audit) == 1
    assert scheduler.run_due(runtime.db, runtime.audit) == 0
    held = (await client.get(f"{BASE}/rollouts/{rollout['id']}", headers=requester)).json()
    assert held["status"] == "approved" and [h["event"] for h in held["history"]] == [
        "requested", "approved", "blocked"
    ]  # fmt: skip

    # The alert resolved, the same rollout goes through both stages on the next passes.
    with runtime.db.session() as session:
        from companyos_server.domains.alerts.store import AlertRow

        for alert in session.query(AlertRow).filter(
            AlertRow.tenant_id == "acme", AlertRow.category == "security"
        ):
            alert.status = "resolved"
    # 50 %, then the 100 % stage added at the end, then (its bake over) completed.
    assert [scheduler.run_due(runtime.db, runtime.audit) for _ in range(4)] == [1, 1, 1, 0]
    done = (await client.get(f"{BASE}/rollouts/{rollout['id']}", headers=requester)).json()
    assert (done["status"], done["current_percentage"], done["next_stage_at"]) == ("completed", 100, None)
    assert [(h["event"], h.get("percentage")) for h in done["history"][3:]] == [
        ("stage", 50), ("stage", 100), ("completed", None)
    ]  # fmt: skip


async def test_guardrail_metrics_breach_blocks_shipping_the_treatment(
    client: httpx.AsyncClient, mint: Mint
) -> None:
    admin = who(mint, "ann")
    await client.post(
        f"{BASE}/flags",
        json={"key": "fast-pay", "enabled": True, "variants": {"off": False, "on": True}, "default_variant": "off"},
        headers=admin,
    )  # fmt: skip
    r = await client.post(
        f"{BASE}/experiments",
        json={"key": "fast-pay-test", "flag_key": "fast-pay", "environment": "production", "control": "off",
              "treatment": "on", "metric": "checkout_conversion",
              "guardrails": ["page_loaded_ok", "payment_succeeded"], "guardrail_max_drop": 0.01},
        headers=admin,
    )  # fmt: skip
    assert r.status_code == 201, r.text
    assert (r.json()["guardrails"], r.json()["guardrail_max_drop"]) == (
        ["page_loaded_ok", "payment_succeeded"],
        0.01,
    )

    unknown = await client.post(
        f"{BASE}/experiments/fast-pay-test/exposures",
        json={"events": [{"subject": "x", "variant": "on", "metrics": {"latency_ok": True}}]},
        headers=admin,
    )
    assert unknown.status_code == 400
    assert [e["field"] for e in unknown.json()["errors"]] == ["events[0].metrics.latency_ok"]

    # Treatment converts better, but payments fail 6 points more often (well beyond the 1-point tolerance);
    # pages load the same. Subjects without a payment do not report that metric.
    events: list[dict[str, Any]] = []
    for arm, paid_ok in (("off", 95), ("on", 89)):
        for i in range(1000):
            metrics: dict[str, bool] = {"page_loaded_ok": i % 50 != 0}
            if i % 2 == 0:
                metrics["payment_succeeded"] = (i // 2) % 100 < paid_ok
            events.append({"subject": f"{arm}{i}", "variant": arm, "converted": i % (8 if arm == "on" else 10) == 0,
                           "metrics": metrics})  # fmt: skip
    r = await client.post(
        f"{BASE}/experiments/fast-pay-test/exposures", json={"events": events}, headers=admin
    )
    assert r.status_code == 202, r.text
    results = (await client.get(f"{BASE}/experiments/fast-pay-test/results", headers=admin)).json()
    guardrails = {g["metric"]: g for g in results["guardrails"]}
    assert guardrails["page_loaded_ok"]["status"] == "pass"
    assert guardrails["page_loaded_ok"]["control"] == {"measured": 1000, "hits": 980, "rate": 0.98}
    paid = guardrails["payment_succeeded"]
    assert paid["status"] == "breached" and paid["max_drop"] == 0.01
    assert (paid["control"]["measured"], paid["control"]["hits"], paid["treatment"]["hits"]) == (
        500,
        475,
        445,
    )
    assert abs(paid["difference"] + 0.06) < 1e-9 and paid["ci_high"] < -0.01

    refused = await client.post(
        f"{BASE}/experiments/fast-pay-test/conclude",
        json={"decision": "ship it", "outcome": "ship_treatment"},
        headers=admin,
    )
    assert refused.status_code == 409 and "payment_succeeded -6.00%" in refused.json()["detail"]
    done = await client.post(
        f"{BASE}/experiments/fast-pay-test/conclude",
        json={"decision": "Payments regress; fix retries first.", "outcome": "keep_control"},
        headers=admin,
    )
    assert done.status_code == 200 and done.json()["outcome"] == "keep_control"
    listed = (await client.get(f"{BASE}/experiments", headers=admin)).json()["items"]
    assert {e["key"]: e["outcome"] for e in listed}["fast-pay-test"] == "keep_control"


def test_guardrail_within_tolerance_passes() -> None:
    from types import SimpleNamespace

    row: Any = SimpleNamespace(guardrails=["ok"], guardrail_max_drop=0.05, control="c", treatment="t")
    # A 2-point drop measured precisely: significant, but inside the 5-point tolerance.
    found = experiments.guardrail_results(row, {("ok", "c"): (20000, 19000), ("ok", "t"): (20000, 18600)})
    assert found[0]["status"] == "pass" and found[0]["ci_high"] < 0
    strict: Any = SimpleNamespace(
        guardrails=["ok", "none"], guardrail_max_drop=0.0, control="c", treatment="t"
    )
    found = experiments.guardrail_results(strict, {("ok", "c"): (20000, 19000), ("ok", "t"): (20000, 18600)})
    assert [g["status"] for g in found] == ["breached", "no_data"]
    # Two subjects prove nothing: rates of 1 and 0 do not collapse the interval to a point (Wald would).
    found = experiments.guardrail_results(strict, {("ok", "c"): (1, 1), ("ok", "t"): (1, 0)})
    assert found[0]["status"] == "pass" and found[0]["ci_low"] < -0.9 and found[0]["ci_high"] > 0
    found = experiments.guardrail_results(strict, {("ok", "c"): (60, 60), ("ok", "t"): (60, 48)})
    assert found[0]["status"] == "breached"  # all 60 against 48 of 60: a real drop, even at the boundary


async def _approved_staging_rollout(client: httpx.AsyncClient, mint: Mint, flag: str) -> str:
    requester, approver = who(mint, "rita"), who(mint, "adam")
    assert (await client.post(f"{BASE}/flags", json={"key": flag}, headers=requester)).status_code == 201
    body = {"flag_key": flag, "environment": "staging", "stages": [30], "bake_seconds": 0,
            "gates": {"checks": ["security"]}}  # fmt: skip
    rollout = (await client.post(f"{BASE}/rollouts", json=body, headers=requester)).json()
    assert (
        await client.post(f"{BASE}/rollouts/{rollout['id']}/approve", json={}, headers=approver)
    ).status_code == 200
    return str(rollout["id"])


async def test_a_step_taken_meanwhile_by_another_worker_is_not_taken_twice(
    client: httpx.AsyncClient, mint: Mint, monkeypatch: Any
) -> None:
    from companyos_server.domains.features import rollouts, scheduler, store

    rollout_id = await _approved_staging_rollout(client, mint, "race-ramp")
    runtime = get_runtime()
    evaluate, raced = rollouts.evaluate_gates, cast(list[str | None], [])

    def other_worker_first(db: Any, ctx: Any, row: Any) -> Any:
        if not raced:  # while this step evaluates its gates, another worker takes the same step
            raced.append(None)
            raced[0] = rollouts.step(db, ctx, row.id, scheduled=True)[1]
        return evaluate(db, ctx, row)

    monkeypatch.setattr(rollouts, "evaluate_gates", other_worker_first)
    assert scheduler.run_due(runtime.db, runtime.audit) == 0 and raced == ["stage"]
    monkeypatch.setattr(rollouts, "evaluate_gates", evaluate)
    staged = (await client.get(f"{BASE}/rollouts/{rollout_id}", headers=who(mint, "rita"))).json()
    assert [h["event"] for h in staged["history"]].count("stage") == 1

    # A claim on a revision someone else has moved changes nothing (the conditional UPDATE's guard).
    with runtime.db.session() as session:
        row = store.get_rollout(session, "acme", rollout_id)
        assert row is not None
        seen = rollouts._snapshot(row)
        with runtime.db.session() as other:
            theirs = store.get_rollout(other, "acme", rollout_id)
            assert theirs is not None
            theirs.revision += 1
    with runtime.db.session() as session:
        row = store.get_rollout(session, "acme", rollout_id)
        assert row is not None and rollouts._claim(session, row, seen) is False


async def test_the_scheduler_skips_suspended_tenants_and_survives_a_failing_rollout(
    client: httpx.AsyncClient, mint: Mint, monkeypatch: Any
) -> None:
    from companyos_server.domains.features import rollouts, scheduler
    from companyos_server.domains.tenants.store import TenantRow

    first = await _approved_staging_rollout(client, mint, "broken-ramp")
    second = await _approved_staging_rollout(client, mint, "fine-ramp")
    runtime = get_runtime()
    step = rollouts.step

    def broken_first(db: Any, ctx: Any, rollout_id: str, **kw: Any) -> Any:
        if rollout_id == first:
            raise RuntimeError("database is locked")
        return step(db, ctx, rollout_id, **kw)

    monkeypatch.setattr(rollouts, "step", broken_first)
    assert scheduler.run_due(runtime.db, runtime.audit) == 1  # the second went on
    monkeypatch.setattr(rollouts, "step", step)

    with runtime.db.session() as session:
        session.get(TenantRow, "acme").status = "suspended"
    try:
        assert scheduler.run_due(runtime.db, runtime.audit) == 0  # frozen with its tenant
    finally:
        with runtime.db.session() as session:
            session.get(TenantRow, "acme").status = "active"
    # Active again: the first takes its first stage, the second (already at 30 %) its final one.
    assert scheduler.run_due(runtime.db, runtime.audit) == 2
    headers = who(mint, "rita")
    states = [(await client.get(f"{BASE}/rollouts/{r}", headers=headers)).json() for r in (first, second)]
    assert [(r["status"], r["current_percentage"]) for r in states] == [("running", 30), ("running", 100)]


async def test_a_client_cannot_approve_a_production_rollout(client: httpx.AsyncClient, mint: Mint) -> None:
    requester = who(mint, "rita")
    await client.post(f"{BASE}/flags", json={"key": "prod-ramp"}, headers=requester)
    body = {"flag_key": "prod-ramp", "environment": "production", "gates": {"checks": ["security"]}}
    rollout = (await client.post(f"{BASE}/rollouts", json=body, headers=requester)).json()
    robot = bearer(mint("ci-bot", tenants={"acme": ["tenant_admin"]}, client_id="ci-bot"))
    refused = await client.post(f"{BASE}/rollouts/{rollout['id']}/approve", json={}, headers=robot)
    assert refused.status_code == 403 and "client cannot" in refused.json()["detail"]


async def test_a_subject_exposed_again_counts_once(client: httpx.AsyncClient, mint: Mint) -> None:
    admin = who(mint, "ann")
    flag = {"key": "dup-exp", "enabled": True, "variants": {"a": 1, "b": 2}, "default_variant": "a"}
    await client.post(f"{BASE}/flags", json=flag, headers=admin)
    experiment = {"key": "dup-exp-test", "flag_key": "dup-exp", "environment": "staging", "control": "a",
                  "treatment": "b", "metric": "signup", "guardrails": ["page_ok"]}  # fmt: skip
    assert (await client.post(f"{BASE}/experiments", json=experiment, headers=admin)).status_code == 201
    events = [
        {"subject": "s1", "variant": "a", "metrics": {"page_ok": False}},
        {
            "subject": "s1",
            "variant": "a",
            "converted": True,
            "metrics": {"page_ok": True},
        },  # the same s1 again
        {"subject": "s2", "variant": "a"},
        {"subject": "s3", "variant": "b", "metrics": {"page_ok": False}},
        {"subject": "s3", "variant": "b", "metrics": {"page_ok": False}},
    ]
    r = await client.post(
        f"{BASE}/experiments/dup-exp-test/exposures", json={"events": events}, headers=admin
    )
    assert r.status_code == 202, r.text
    results = (await client.get(f"{BASE}/experiments/dup-exp-test/results", headers=admin)).json()
    assert [(a["exposed"], a["converted"]) for a in results["arms"]] == [(2, 1), (1, 0)]
    page_ok = results["guardrails"][0]
    assert (page_ok["control"]["measured"], page_ok["control"]["hits"]) == (1, 1)
    assert (page_ok["treatment"]["measured"], page_ok["treatment"]["hits"]) == (1, 0)


async def test_a_completed_rollout_finishes_its_run_and_a_step_recorded_nowhere_is_recovered_from_the_run(
    client: httpx.AsyncClient, mint: Mint
) -> None:
    from companyos_server.domains.features import scheduler

    rollout_id = await _approved_staging_rollout(client, mint, "finish-ramp")
    rita, runtime = who(mint, "rita"), get_runtime()
    run_id = (await client.get(f"{BASE}/rollouts/{rollout_id}", headers=rita)).json()["run_id"]

    # A worker that died after Maestro applied the first stage and before the rollout recorded it: the
    # next pass records what the run did (the stage is not applied a second time).
    runtime.maestro.advance_run("acme", run_id, through="stage-1")
    assert scheduler.run_due(runtime.db, runtime.audit) == 1
    staged = (await client.get(f"{BASE}/rollouts/{rollout_id}", headers=rita)).json()
    assert (staged["status"], staged["current_percentage"]) == ("running", 30)
    assert "gates" not in staged["history"][-1]  # recorded from the run, not decided anew
    run = (await client.get(f"{BASE}/runs/{run_id}", headers=rita)).json()
    assert [(s["id"], s["state"], s["attempts"]) for s in run["steps"]] == [
        ("stage-1", "succeeded", 1), ("stage-2", "pending", 0), ("complete", "pending", 0)
    ]  # fmt: skip

    # bake_seconds 0: the next passes run 100 % and complete; the run finishes with its evidence pack.
    assert scheduler.run_due(runtime.db, runtime.audit) == 1
    assert scheduler.run_due(runtime.db, runtime.audit) == 1
    done = (await client.get(f"{BASE}/rollouts/{rollout_id}", headers=rita)).json()
    assert (done["status"], done["current_percentage"]) == ("completed", 100)
    run = (await client.get(f"{BASE}/runs/{run_id}", headers=rita)).json()
    assert run["state"] == "succeeded" and run["evidence_pack_id"]
    assert all(s["state"] == "succeeded" for s in run["steps"])
    flag = (await client.get(f"{BASE}/flags/finish-ramp", headers=rita)).json()
    staging = [r for r in flag["rules"] if r.get("environments") == ["staging"]]
    assert [(r["enabled"], r.get("rollout")) for r in staging] == [(True, None)]


async def test_a_run_cancelled_in_maestro_is_recorded_as_a_rollback(
    client: httpx.AsyncClient, mint: Mint
) -> None:
    from companyos_server.domains.features import scheduler

    rollout_id = await _approved_staging_rollout(client, mint, "cancel-ramp")
    rita, adam, runtime = who(mint, "rita"), who(mint, "adam"), get_runtime()
    assert scheduler.run_due(runtime.db, runtime.audit) == 1  # 30 %
    run_id = (await client.get(f"{BASE}/rollouts/{rollout_id}", headers=rita)).json()["run_id"]
    cancelled = await client.post(f"{BASE}/runs/{run_id}/cancel", headers=adam)
    assert cancelled.status_code == 200, cancelled.text
    # Paused between its steps, the run has no worker to notice: the cancel compensates at once.
    assert cancelled.json()["state"] == "cancelled"
    flag = (await client.get(f"{BASE}/flags/cancel-ramp", headers=rita)).json()
    assert [r["enabled"] for r in flag["rules"] if r.get("environments") == ["staging"]] == [False]
    assert scheduler.run_due(runtime.db, runtime.audit) == 1
    rolled = (await client.get(f"{BASE}/rollouts/{rollout_id}", headers=rita)).json()
    assert (rolled["status"], rolled["current_percentage"]) == ("rolled_back", 0)
    assert rolled["history"][-1]["detail"].startswith("The Maestro run ended")


async def test_the_demo_seed_has_a_staged_rollout_a_pending_approval_and_a_guardrail_breach(
    client: httpx.AsyncClient, mint: Mint
) -> None:
    rita = who(mint, "rita")
    items = (await client.get(f"{BASE}/rollouts", headers=rita)).json()["items"]
    demo = {(r["flag_key"], r["environment"]): r for r in items if r["flag_key"] == "same-day-delivery"}
    staging, production = demo["same-day-delivery", "staging"], demo["same-day-delivery", "production"]
    assert (
        staging["status"] == "approved"
        and staging["run_id"]
        and staging["approvals"][0]["approver"] == "usr_erin"
    )
    assert production["status"] == "pending_approval" and production["run_id"] is None

    results = (await client.get(f"{BASE}/experiments/eta-wording/results", headers=rita)).json()
    assert results["srm"]["flagged"] is False
    (page_ok,) = results["guardrails"]
    assert page_ok["metric"] == "page_ok" and page_ok["status"] == "breached"
    refused = await client.post(
        f"{BASE}/experiments/eta-wording/conclude", json={"decision": "ship", "outcome": "ship_treatment"},
        headers=rita,
    )  # fmt: skip
    assert refused.status_code == 409 and "page_ok" in refused.json()["detail"]


async def test_a_decision_the_run_has_overtaken_records_what_the_run_did(
    client: httpx.AsyncClient, mint: Mint, monkeypatch: Any
) -> None:
    from companyos_server.domains.features import rollouts

    rollout_id = await _approved_staging_rollout(client, mint, "overtaken-ramp")
    rita, runtime = who(mint, "rita"), get_runtime()
    staged = (await client.post(f"{BASE}/rollouts/{rollout_id}/advance", headers=rita)).json()
    assert staged["current_percentage"] == 30
    runtime.maestro.advance_run("acme", staged["run_id"], through="complete")  # another worker finished it
    _critical_security_alert("usr_mallory")  # so this step's (stale) decision is a rollback
    monkeypatch.setattr(rollouts, "_run_ahead", lambda row, run: (None, {}))  # read before the run ended
    found = (await client.post(f"{BASE}/rollouts/{rollout_id}/advance", headers=rita)).json()
    # The rollback could not undo a finished run: what is recorded is what the run did, the flag is on.
    assert (found["status"], found["history"][-1]["event"]) == ("completed", "completed"), found["history"][
        -1
    ]
    flag = (await client.get(f"{BASE}/flags/overtaken-ramp", headers=rita)).json()
    assert [r["enabled"] for r in flag["rules"] if r.get("environments") == ["staging"]] == [True]
