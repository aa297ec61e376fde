"""The engine with fakes for graph, evidence and clock, on a real database (SQLite and PostgreSQL)."""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from companyos_server import errors
from companyos_server.core.maestro import models
from companyos_server.core.maestro.adapters import (
    EffectError,
    EffectRequest,
    RecordingAdapter,
    TargetNotFound,
)
from companyos_server.core.maestro.engine import Maestro, RunFailed
from companyos_server.core.maestro.executor import backoff_delay
from companyos_server.platform.audit.models import AuditEventRow
from companyos_server.platform.jobs.models import JobRow
from companyos_server.platform.runtime import Runtime
from companyos_server.platform.storage import utcnow
from tests.unit.maestro.fakes import CountingAdapter
from tests.unit.maestro.targets import add_deployment

RESTART = {"id": "restart", "action": "service.restart", "parameters": {"service_id": "svc_checkout"}}


def plan_body(*steps: dict[str, Any], name: str = "Remediate checkout") -> dict[str, Any]:
    return {"name": name, "steps": list(steps)}


def effects(runtime: Runtime, run_id: str) -> list[models.EffectRow]:
    with runtime.db.session() as s:
        return list(
            s.scalars(
                select(models.EffectRow)
                .where(models.EffectRow.run_id == run_id)
                .order_by(models.EffectRow.applied_at, models.EffectRow.id)
            )
        )


def counts(runtime: Runtime) -> dict[str, int]:
    tables = [models.PlanRow, models.PlanVersionRow, models.RunRow, models.RunStepRow, models.RunEventRow,
              models.EffectRow, AuditEventRow, JobRow]  # fmt: skip
    with runtime.db.session() as s:
        return {t.__tablename__: s.scalar(select(func.count()).select_from(t)) or 0 for t in tables}


# -- backoff -----------------------------------------------------------------------------------------


def test_backoff_is_full_jitter_within_exponential_bounds() -> None:
    rng = random.Random(7)
    for failures in range(1, 9):
        ceiling = min(30.0, 0.5 * 2 ** (failures - 1))
        values = [backoff_delay(failures, 0.5, 30.0, rng.random) for _ in range(500)]
        assert all(0 <= v <= ceiling for v in values)
        # Full jitter spreads over the whole range, not just near the ceiling.
        assert min(values) < ceiling * 0.1 and max(values) > ceiling * 0.9
    assert backoff_delay(3, 1.0, 30.0, lambda: 1.0) == 4.0
    assert backoff_delay(10, 1.0, 30.0, lambda: 1.0) == 30.0  # capped
    assert backoff_delay(4, 1.0, 30.0, lambda: 0.0) == 0.0


# -- retries -----------------------------------------------------------------------------------------


def test_retries_with_backoff_then_success(
    runtime: Runtime, maestro: Maestro, fakes: dict[str, Any], tenant: str
) -> None:
    fakes["adapter"].fail["service.restart"] = 2
    step = {**RESTART, "retries": {"max_attempts": 4, "base_delay": 1, "max_delay": 3}}
    plan = maestro.create_plan(tenant, plan_body(step), "usr_alice")
    run = maestro.start_run(tenant, plan["id"], actor="usr_alice")
    result = maestro.execute(tenant, run["id"])
    assert result["state"] == "succeeded"
    got = maestro.get_run(tenant, run["id"])
    assert got["state"] == "succeeded" and got["progress"] == {"done": 1, "total": 1}
    (s,) = got["steps"]
    assert s["state"] == "succeeded" and s["attempts"] == 3
    assert [e["attempt"] for e in s["errors"]] == [1, 2]
    assert "failed on purpose" in s["errors"][0]["message"]
    # rand() = 1.0 → the full ceiling: 1 s after the first failure, 2 s after the second.
    assert sum(fakes["clock"].sleeps) == pytest.approx(3.0)
    assert len(fakes["adapter"].calls) == 3
    assert [e.idempotency_key for e in effects(runtime, run["id"])] == [f"{run['id']}:restart"]
    events = [e["type"] for e in maestro.run_events(tenant, run["id"])[0]]
    assert events == ["run.queued", "run.started", "step.running", "step.retrying", "step.running",
                      "step.retrying", "step.running", "step.succeeded", "run.succeeded"]  # fmt: skip
    assert ("plan_run:" + run["id"], "remediates", "service:svc_checkout") in fakes["graph"].links()
    (pack,) = fakes["evidence"].packs
    assert pack["subject"] == f"plan_run:{run['id']}"
    assert [i.name for i in pack["items"]] == ["step-log.json", "inputs.json", "outputs.json"]
    assert pack["lineage"]["outputs"] == [
        f"plan_run:{run['id']}",
        f"effect:{effects(runtime, run['id'])[0].id}",
    ]
    assert pack["lineage"]["inputs"] == [f"plan_version:{plan['id']}.1", "service:svc_checkout"]
    assert got["evidence_pack_id"] == "evp_fake1"
    with runtime.db.session() as s:
        audit = list(
            s.scalars(select(AuditEventRow).where(AuditEventRow.resource == f"plan_run:{run['id']}"))
        )
    transitions = [(a.action, a.details.get("transition"), a.outcome) for a in audit]
    assert transitions.count(("maestro:step", "retrying", "failure")) == 2
    assert ("maestro:step", "succeeded", "success") in transitions
    assert ("maestro:run", None, "success") in transitions


def test_failure_for_good_compensates_completed_steps_in_reverse(
    runtime: Runtime, maestro: Maestro, fakes: dict[str, Any], tenant: str
) -> None:
    fakes["adapter"].fail["service.restart"] = -1
    steps = [
        {"id": "scale", "action": "service.scale", "parameters": {"service_id": "svc_checkout", "replicas": 6},
         "compensation": {"action": "service.scale", "parameters": {"service_id": "svc_checkout", "replicas": 3}}},
        {"id": "flag", "action": "flag.toggle", "parameters": {"flag": "checkout.v2", "enabled": False},
         "compensation": {"action": "flag.toggle", "parameters": {"flag": "checkout.v2", "enabled": True}}},
        {"id": "note", "action": "incident.task", "parameters": {"incident_id": "inc_1", "title": "look"}},
        {**RESTART, "retries": {"max_attempts": 2, "base_delay": 0.5, "max_delay": 1}},
    ]  # fmt: skip
    plan = maestro.create_plan(tenant, plan_body(*steps), "usr_alice")
    run = maestro.start_run(tenant, plan["id"], actor="usr_alice")
    with pytest.raises(RunFailed):
        maestro.execute(tenant, run["id"])
    got = maestro.get_run(tenant, run["id"])
    assert got["state"] == "compensated"
    by_id = {s["id"]: s for s in got["steps"]}
    assert by_id["restart"]["state"] == "failed" and by_id["restart"]["attempts"] == 2
    assert by_id["scale"]["compensation_state"] == "succeeded"
    assert by_id["flag"]["compensation_state"] == "succeeded"
    assert by_id["note"]["compensation_state"] is None  # nothing to undo
    keys = [e.idempotency_key for e in effects(runtime, run["id"])]
    rid = run["id"]
    assert keys == [
        f"{rid}:scale",
        f"{rid}:flag",
        f"{rid}:note",
        f"{rid}:flag:compensate",
        f"{rid}:scale:compensate",
    ]
    comp = [e for e in effects(runtime, run["id"]) if e.idempotency_key.endswith(":compensate")]
    assert comp[0].parameters == {"flag": "checkout.v2", "enabled": True}
    assert comp[1].parameters == {"service_id": "svc_checkout", "replicas": 3}
    assert fakes["evidence"].packs[0]["title"].endswith("(compensated)")


def test_cancel_before_next_step_compensates(runtime: Runtime, maestro: Maestro, tenant: str) -> None:
    steps = [
        {"id": "scale", "action": "service.scale", "parameters": {"service_id": "svc_a", "replicas": 4},
         "compensation": {"action": "service.scale", "parameters": {"service_id": "svc_a", "replicas": 2}}},
        {"id": "pause", "action": "wait", "parameters": {"seconds": 5}},
        RESTART,
    ]  # fmt: skip
    plan = maestro.create_plan(tenant, plan_body(*steps), "usr_alice")
    run = maestro.start_run(tenant, plan["id"], actor="usr_alice")
    original = maestro.sleep

    def sleep_then_cancel(seconds: float) -> None:
        original(seconds)
        with runtime.db.session() as s:
            s.get(models.RunRow, run["id"]).cancel_requested = True  # type: ignore[union-attr]

    maestro.sleep = sleep_then_cancel
    assert maestro.execute(tenant, run["id"])["state"] == "cancelled"
    keys = [e.idempotency_key for e in effects(runtime, run["id"])]
    assert keys == [f"{run['id']}:scale", f"{run['id']}:scale:compensate"]


def test_a_stepped_run_advances_through_a_step_pauses_and_compensates_when_cancelled(
    runtime: Runtime, maestro: Maestro, tenant: str
) -> None:
    plan = maestro.create_plan(
        tenant, plan_body(SCALE_UNDOABLE, RESTART, {**RESTART, "id": "again"}), "usr_alice"
    )
    run = maestro.start_stepped_run(tenant, plan["id"], actor="usr_alice", actor_kind="user", reason="staged")
    assert (run["state"], run["job_id"]) == ("queued", None)

    first = maestro.advance_run(tenant, run["id"], through="scale")
    assert first["state"] == "running" and [s["state"] for s in first["steps"]] == [
        "succeeded",
        "pending",
        "pending",
    ]
    # Through a step already done: nothing runs again (two callers apply a step once).
    again = maestro.advance_run(tenant, run["id"], through="scale")
    assert [s["attempts"] for s in again["steps"]] == [1, 0, 0]
    with runtime.db.session() as s:  # long past the lease: still not a lost worker's run, it is paused
        s.get(models.RunRow, run["id"]).heartbeat_at = utcnow() - timedelta(hours=1)  # type: ignore[union-attr]
    assert maestro.recover() == []

    second = maestro.advance_run(tenant, run["id"], through="restart")
    assert [s["state"] for s in second["steps"]] == ["succeeded", "succeeded", "pending"]
    # Cancelled while paused: no worker would notice the flag, so the cancel compensates at once.
    cancelled = maestro.cancel_run(tenant, run["id"], "usr_bob")
    assert cancelled["state"] == "cancelled" and cancelled["evidence_pack_id"]
    keys = [e.idempotency_key for e in effects(runtime, run["id"])]
    assert keys == [f"{run['id']}:scale", f"{run['id']}:restart", f"{run['id']}:scale:compensate"]
    assert maestro.roll_back_run(tenant, run["id"], "usr_bob")["state"] == "cancelled"  # over: nothing more

    # Advanced through its last step, a stepped run finishes.
    other = maestro.start_stepped_run(tenant, plan["id"], actor="usr_alice", actor_kind="user", reason="all")
    assert maestro.advance_run(tenant, other["id"], through="again")["state"] == "succeeded"


def test_a_stepped_run_executed_elsewhere_is_left_alone_and_a_cancel_meanwhile_compensates_at_its_pause(
    runtime: Runtime, maestro: Maestro, tenant: str
) -> None:
    plan = maestro.create_plan(tenant, plan_body(SCALE_UNDOABLE, RESTART), "usr_alice")
    run = maestro.start_stepped_run(tenant, plan["id"], actor="usr_alice", actor_kind="user", reason="staged")
    # Another caller holds a fresh lease (it is executing a step right now): advancing stands back.
    with runtime.db.session() as s:
        row = s.get(models.RunRow, run["id"])
        assert row is not None
        row.state, row.lease_owner, row.heartbeat_at = "running", "elsewhere:1", utcnow()
    assert [s["state"] for s in maestro.advance_run(tenant, run["id"], through="scale")["steps"]] == [
        "pending", "pending"
    ]  # fmt: skip
    # A cancel while it is held only flags the run (the holder compensates when it pauses) ...
    flagged = maestro.cancel_run(tenant, run["id"], "usr_bob")
    assert flagged["state"] == "running" and flagged["cancel_requested"] is True
    # ... and once the holder lets go, the next execution stops before any further step.
    with runtime.db.session() as s:
        s.get(models.RunRow, run["id"]).lease_owner = None  # type: ignore[union-attr]
    done = maestro.advance_run(tenant, run["id"], through="scale")
    assert done["state"] == "cancelled" and effects(runtime, run["id"]) == []


def test_pausing_with_a_cancel_already_requested_compensates_instead(
    runtime: Runtime, maestro: Maestro, tenant: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = maestro.create_plan(tenant, plan_body(SCALE_UNDOABLE, RESTART), "usr_alice")
    run = maestro.start_stepped_run(tenant, plan["id"], actor="usr_alice", actor_kind="user", reason="staged")
    from companyos_server.core.maestro.executor import RunExecutor

    original = RunExecutor._pause_run

    def cancel_then_pause(self: RunExecutor, *args: Any) -> Any:  # lands after the last check before it
        with runtime.db.session() as s:
            s.get(models.RunRow, run["id"]).cancel_requested = True  # type: ignore[union-attr]
        return original(self, *args)

    monkeypatch.setattr(RunExecutor, "_pause_run", cancel_then_pause)
    done = maestro.advance_run(tenant, run["id"], through="scale")
    assert done["state"] == "cancelled"
    keys = [e.idempotency_key for e in effects(runtime, run["id"])]
    assert keys == [f"{run['id']}:scale", f"{run['id']}:scale:compensate"]


def test_a_stepped_run_whose_executor_died_is_compensated_when_cancelled(
    runtime: Runtime, maestro: Maestro, tenant: str
) -> None:
    plan = maestro.create_plan(tenant, plan_body(SCALE_UNDOABLE, RESTART), "usr_alice")
    run = maestro.start_stepped_run(tenant, plan["id"], actor="usr_alice", actor_kind="user", reason="staged")
    maestro.advance_run(tenant, run["id"], through="scale")
    with runtime.db.session() as s:  # an executor took it and died: its lease is held, long stale
        row = s.get(models.RunRow, run["id"])
        assert row is not None
        row.lease_owner, row.heartbeat_at = "dead-worker:1", utcnow() - timedelta(minutes=10)
    cancelled = maestro.cancel_run(tenant, run["id"], "usr_bob")
    assert cancelled["state"] == "cancelled"
    keys = [e.idempotency_key for e in effects(runtime, run["id"])]
    assert keys == [f"{run['id']}:scale", f"{run['id']}:scale:compensate"]


def test_a_compensation_that_steps_around_step_up_makes_the_plan_high_risk(
    maestro: Maestro, tenant: str
) -> None:
    release = {"id": "noop", "action": "wait", "parameters": {"seconds": 0},
               "compensation": {"action": "service.isolate", "parameters": {"service_id": "svc_a", "release": True}}}  # fmt: skip
    plan = maestro.create_plan(tenant, plan_body(release, RESTART), "usr_alice")
    impact = maestro.dry_run(tenant, plan["id"])
    assert impact["risk"] == "high" and impact["requires_step_up"] is True


def test_step_timeout_counts_as_a_failed_attempt(runtime: Runtime, maestro: Maestro, tenant: str) -> None:
    step = {"id": "pause", "action": "wait", "parameters": {"seconds": 10}, "timeout_seconds": 2}
    plan = maestro.create_plan(tenant, plan_body(step), "usr_alice")
    run = maestro.start_run(tenant, plan["id"], actor="usr_alice")
    with pytest.raises(RunFailed):
        maestro.execute(tenant, run["id"])
    (s,) = maestro.get_run(tenant, run["id"])["steps"]
    assert s["state"] == "failed" and "exceeds the step timeout" in s["errors"][0]["message"]


# -- dry run -----------------------------------------------------------------------------------------


def test_dry_run_reports_impact_and_writes_nothing(
    runtime: Runtime, maestro: Maestro, fakes: dict[str, Any], tenant: str
) -> None:
    add_deployment(runtime.db, tenant, "dep_41", "svc_checkout", "v41", minutes_ago=60)
    add_deployment(runtime.db, tenant, "dep_42", "svc_checkout", "v42", minutes_ago=10)
    steps = [
        {"id": "rollback", "action": "deployment.rollback", "parameters": {"deployment_id": "dep_42"}},
        {**RESTART, "compensation": {"action": "service.scale", "parameters": {"service_id": "svc_checkout", "replicas": 2}}},
    ]  # fmt: skip
    plan = maestro.create_plan(tenant, plan_body(*steps), "usr_alice")
    before, graph_calls = counts(runtime), len(fakes["graph"].calls)
    impact = maestro.dry_run(tenant, plan["id"])
    assert counts(runtime) == before
    assert len(fakes["graph"].calls) == graph_calls and fakes["evidence"].packs == []
    assert fakes["adapter"].calls == []
    assert impact["risk"] == "high" and impact["requires_step_up"] is True and impact["changes_made"] is False
    first, second = impact["steps"]
    assert first["target"] == "dep_42" and first["risk"] == "high" and first["requires_step_up"]
    assert "rolled back to the previous good deployment" in first["change"]
    assert second["risk"] == "normal" and second["requires_step_up"] is False
    assert second["compensation"] == "Service svc_checkout is scaled to 2 replicas."


# -- idempotency and resume ----------------------------------------------------------------------------


def test_recording_adapter_applies_a_key_once(runtime: Runtime, tenant: str) -> None:
    adapter = RecordingAdapter(runtime.db)
    req = EffectRequest(
        tenant, "run_x", "s1", "service.restart", "svc_a", {"service_id": "svc_a"}, "run_x:s1", "usr"
    )
    first, second = adapter.restart_service(req), adapter.restart_service(req)
    assert first.applied is True and second.applied is False and first.effect_id == second.effect_id
    assert len(effects(runtime, "run_x")) == 1
    assert adapter.lookup("globex", "run_x:s1") is None  # tenant-filtered


def test_resume_marks_a_running_step_with_an_effect_done_without_reapplying(
    runtime: Runtime, maestro: Maestro, fakes: dict[str, Any], tenant: str
) -> None:
    steps = [
        RESTART,
        {
            "id": "scale",
            "action": "service.scale",
            "parameters": {"service_id": "svc_checkout", "replicas": 5},
        },
    ]
    plan = maestro.create_plan(tenant, plan_body(*steps), "usr_alice")
    run = maestro.start_run(tenant, plan["id"], actor="usr_alice")
    # Simulate a worker that applied step 1's effect, then died before persisting "succeeded".
    RecordingAdapter(runtime.db).restart_service(
        EffectRequest(
            tenant, run["id"], "restart", "service.restart", "svc_checkout", {}, f"{run['id']}:restart", "usr"
        )
    )
    with runtime.db.session() as s:
        row = s.scalars(select(models.RunRow).where(models.RunRow.id == run["id"])).one()
        row.state, row.lease_owner, row.heartbeat_at = (
            "running",
            "dead-worker",
            utcnow() - timedelta(minutes=5),
        )
        step = s.scalars(
            select(models.RunStepRow).where(
                models.RunStepRow.run_id == run["id"], models.RunStepRow.step_id == "restart"
            )
        ).one()
        step.state, step.attempts = "running", 1
    assert maestro.execute(tenant, run["id"])["state"] == "succeeded"
    assert [c.step_id for c in fakes["adapter"].calls] == ["scale"]  # restart was not applied again
    assert sorted(e.step_id for e in effects(runtime, run["id"])) == ["restart", "scale"]
    events = maestro.run_events(tenant, run["id"])[0]
    assert events[1]["type"] == "run.resumed"
    assert any(e["type"] == "step.succeeded" and e["data"].get("recovered") for e in events)


def test_recover_requeues_runs_whose_worker_died(runtime: Runtime, maestro: Maestro, tenant: str) -> None:
    plan = maestro.create_plan(tenant, plan_body(RESTART), "usr_alice")
    run = maestro.start_run(tenant, plan["id"], actor="usr_alice")
    fresh = maestro.start_run(tenant, plan["id"], actor="usr_alice")
    with runtime.db.session() as s:
        for rid, age in ((run["id"], 600), (fresh["id"], 1)):
            row = s.get(models.RunRow, rid)
            row.state, row.lease_owner, row.heartbeat_at = "running", "w", utcnow() - timedelta(seconds=age)
            job = s.get(JobRow, row.job_id)
            job.state, job.attempts, job.started_at = "running", 1, utcnow() - timedelta(seconds=age)
    assert maestro.recover() == [run["id"]]  # the fresh lease is left alone
    job = runtime.jobs.get(tenant, run["job_id"])
    assert job["state"] == "queued" and "worker lost" in job["errors"][-1]["message"]
    assert maestro.get_run(tenant, run["id"])["recoveries"] == 1
    assert maestro.recover() == []  # claimed once
    assert maestro.execute(tenant, run["id"])["state"] == "succeeded"


# -- plans -----------------------------------------------------------------------------------------------


def test_versions_increment_and_stay_readable(maestro: Maestro, tenant: str) -> None:
    plan = maestro.create_plan(tenant, plan_body(RESTART), "usr_alice")
    assert plan["version"] == 1 and plan["effective_risk"] == "normal"
    scale = {
        "id": "scale",
        "action": "service.scale",
        "parameters": {"service_id": "svc_checkout", "replicas": 9},
    }
    v2 = maestro.update_plan(tenant, plan["id"], {"steps": [RESTART, scale]}, "usr_carol")
    v3 = maestro.update_plan(
        tenant, plan["id"], {"description": "now with more", "risk": "high"}, "usr_carol"
    )
    assert (v2["version"], v3["version"]) == (2, 3)
    assert v3["effective_risk"] == "high" and len(v3["steps"]) == 2
    assert [s["id"] for s in maestro.get_plan(tenant, plan["id"], 1)["steps"]] == ["restart"]
    assert maestro.get_plan(tenant, plan["id"], 2)["description"] == ""
    assert [p["version"] for p in maestro.list_plan_versions(tenant, plan["id"]).items] == [3, 2, 1]
    run = maestro.start_run(tenant, plan["id"], actor="usr_alice", version=1)
    assert run["plan_version"] == 1 and [s["id"] for s in run["steps"]] == ["restart"]
    with pytest.raises(errors.DomainError) as missing:
        maestro.get_plan(tenant, plan["id"], 4)
    assert missing.value.status == 404
    with pytest.raises(errors.DomainError) as other:
        maestro.get_plan("globex", plan["id"])
    assert other.value.status == 404


def test_definitions_are_validated_with_field_errors(maestro: Maestro, tenant: str) -> None:
    bad = plan_body(
        {"id": "a", "action": "service.explode", "parameters": {}},
        {
            "id": "b",
            "action": "service.scale",
            "parameters": {"service_id": "nope", "replicas": -1, "color": "red"},
        },
        {
            "id": "c",
            "action": "service.restart",
            "parameters": {"service_id": "svc_a"},
            "retries": {"max_attempts": 0},
        },
    )
    with pytest.raises(errors.DomainError) as exc:
        maestro.create_plan(tenant, bad, "usr_alice")
    assert exc.value.status == 400
    fields = {e.field: e.code for e in exc.value.errors}
    assert fields["steps[0].action"] == "unknown"
    assert fields["steps[1].parameters.service_id"] == "invalid_id"
    assert "steps[1].parameters.replicas" in fields and fields["steps[1].parameters.color"] == "unknown"
    assert "steps[2].retries.max_attempts" in fields
    with pytest.raises(errors.DomainError) as dup:
        maestro.create_plan(tenant, plan_body(RESTART, RESTART), "usr_alice")
    assert dup.value.status == 409 and dup.value.errors[0].field == "steps[1].id"
    maestro.create_plan(tenant, plan_body(RESTART), "usr_alice")
    with pytest.raises(errors.DomainError) as taken:
        maestro.create_plan(tenant, plan_body(RESTART), "usr_alice")
    assert taken.value.status == 409


# -- targets the tenant does not have --------------------------------------------------------------------

SCALE_UNDOABLE = {
    "id": "scale",
    "action": "service.scale",
    "parameters": {"service_id": "svc_checkout", "replicas": 6},
    "compensation": {"action": "service.scale", "parameters": {"service_id": "svc_checkout", "replicas": 3}},
}
RETRY_A_LOT = {"max_attempts": 5, "base_delay": 1, "max_delay": 10}


def rollback_of(deployment_id: str) -> dict[str, Any]:
    return {"id": "rollback", "action": "deployment.rollback", "retries": RETRY_A_LOT,
            "parameters": {"deployment_id": deployment_id}}  # fmt: skip


@pytest.mark.parametrize(
    "deployment_id", ["dep_doesnotexist", "dep_globex_1"], ids=["unknown", "another-tenants"]
)
def test_rollback_of_a_deployment_the_tenant_lacks_fails_at_once_and_compensates(
    runtime: Runtime, maestro: Maestro, fakes: dict[str, Any], tenant: str, deployment_id: str
) -> None:
    from companyos_server.domains.deployments import store as dep_store

    add_deployment(runtime.db, "globex", "dep_globex_0", "svc_globex", "v1", minutes_ago=60)
    add_deployment(runtime.db, "globex", "dep_globex_1", "svc_globex", "v2", minutes_ago=10)
    # The plan may be written before (or without) its target: only running it checks.
    plan = maestro.create_plan(tenant, plan_body(SCALE_UNDOABLE, rollback_of(deployment_id)), "usr_alice")
    run = maestro.start_run(tenant, plan["id"], actor="usr_alice")
    with pytest.raises(RunFailed):
        maestro.execute(tenant, run["id"])

    got = maestro.get_run(tenant, run["id"])
    assert got["state"] == "compensated"
    assert got["error"] == f"deployment {deployment_id} does not exist in tenant acme"
    by_id = {s["id"]: s for s in got["steps"]}
    rollback = by_id["rollback"]
    assert (rollback["state"], rollback["attempts"]) == ("failed", 1)  # 5 allowed, none wasted
    assert [e["message"] for e in rollback["errors"]] == [
        f"deployment {deployment_id} does not exist in tenant acme"
    ]
    assert fakes["clock"].sleeps == []  # no backoff
    assert by_id["scale"]["compensation_state"] == "succeeded"
    rid = run["id"]
    assert [e.idempotency_key for e in effects(runtime, rid)] == [f"{rid}:scale", f"{rid}:scale:compensate"]
    assert [c.kind for c in fakes["adapter"].calls] == ["service.scale", "service.scale"]  # never asked
    events = maestro.run_events(tenant, rid)[0]
    assert [e["type"] for e in events if e["step_id"] == "rollback"] == ["step.running", "step.failed"]
    failed = next(e for e in events if e["type"] == "step.failed")
    assert failed["data"]["retryable"] is False
    with runtime.db.session() as s:  # the other tenant's deployment is untouched
        assert dep_store.get(s, "globex", "dep_globex_1").state == "succeeded"  # type: ignore[union-attr]
    (pack,) = fakes["evidence"].packs
    assert pack["title"].endswith("(compensated)")


@pytest.mark.parametrize(
    ("step", "message"),
    [
        ({"id": "x", "action": "flag.toggle", "parameters": {"flag": "no-such-flag", "enabled": True}},
         "flag no-such-flag does not exist in tenant acme"),
        ({"id": "x", "action": "incident.task", "parameters": {"incident_id": "inc_missing", "title": "t"}},
         "incident inc_missing does not exist in tenant acme"),
        ({"id": "x", "action": "service.restart", "parameters": {"service_id": "svc_missing"}},
         "service svc_missing does not exist in tenant acme"),
        ({"id": "x", "action": "service.scale", "parameters": {"service_id": "svc_missing", "replicas": 2}},
         "service svc_missing does not exist in tenant acme"),
        ({"id": "x", "action": "deployment.rollback",
          "parameters": {"deployment_id": "dep_42", "to_deployment_id": "dep_nope"}},
         "deployment dep_nope does not exist in tenant acme"),
    ],
    ids=["flag", "incident", "restart", "scale", "rollback-to"],
)  # fmt: skip
def test_unknown_flag_incident_or_service_fails_the_step_without_retries(
    runtime: Runtime, maestro: Maestro, fakes: dict[str, Any], tenant: str, step: dict[str, Any], message: str
) -> None:
    add_deployment(runtime.db, tenant, "dep_42", "svc_checkout", "v42", minutes_ago=10)
    plan = maestro.create_plan(tenant, plan_body({**step, "retries": RETRY_A_LOT}), "usr_alice")
    run = maestro.start_run(tenant, plan["id"], actor="usr_alice")
    with pytest.raises(RunFailed):
        maestro.execute(tenant, run["id"])
    got = maestro.get_run(tenant, run["id"])
    assert got["state"] == "failed"  # nothing to compensate
    (s,) = got["steps"]
    assert (s["state"], s["attempts"], [e["message"] for e in s["errors"]]) == ("failed", 1, [message])
    assert effects(runtime, run["id"]) == [] and fakes["adapter"].calls == [] and fakes["clock"].sleeps == []


def test_compensation_of_a_missing_target_fails_at_once(
    runtime: Runtime, maestro: Maestro, fakes: dict[str, Any], tenant: str
) -> None:
    scale = {**SCALE_UNDOABLE, "retries": RETRY_A_LOT,
             "compensation": {"action": "service.scale", "parameters": {"service_id": "svc_gone", "replicas": 3}}}  # fmt: skip
    plan = maestro.create_plan(tenant, plan_body(scale, rollback_of("dep_doesnotexist")), "usr_alice")
    run = maestro.start_run(tenant, plan["id"], actor="usr_alice")
    with pytest.raises(RunFailed):
        maestro.execute(tenant, run["id"])
    got = maestro.get_run(tenant, run["id"])
    assert got["state"] == "failed"  # a compensation failed
    by_id = {s["id"]: s for s in got["steps"]}
    assert by_id["scale"]["compensation_state"] == "failed"
    assert by_id["scale"]["compensation_error"] == "service svc_gone does not exist in tenant acme"
    assert fakes["clock"].sleeps == []
    assert [e.idempotency_key for e in effects(runtime, run["id"])] == [f"{run['id']}:scale"]


def test_an_adapters_non_retryable_error_is_not_retried(
    runtime: Runtime, tenant: str, fakes: dict[str, Any]
) -> None:
    class QuotaAdapter(CountingAdapter):
        def restart_service(self, request: EffectRequest) -> Any:
            self.calls.append(request)
            raise EffectError("restart quota exhausted for today", retryable=False)

    adapter = QuotaAdapter(runtime.db)
    maestro = Maestro(runtime, adapter=adapter, graph=fakes["graph"], evidence=fakes["evidence"],
                      sleep=fakes["clock"].sleep, rand=lambda: 1.0)  # fmt: skip
    plan = maestro.create_plan(tenant, plan_body({**RESTART, "retries": RETRY_A_LOT}), "usr_alice")
    run = maestro.start_run(tenant, plan["id"], actor="usr_alice")
    with pytest.raises(RunFailed):
        maestro.execute(tenant, run["id"])
    (s,) = maestro.get_run(tenant, run["id"])["steps"]
    assert (s["attempts"], s["errors"][0]["message"]) == (1, "restart quota exhausted for today")
    assert len(adapter.calls) == 1 and fakes["clock"].sleeps == []


def test_dry_run_says_a_step_with_a_missing_target_would_fail(
    runtime: Runtime, maestro: Maestro, fakes: dict[str, Any], tenant: str
) -> None:
    steps = [
        {**SCALE_UNDOABLE, "compensation": {"action": "service.scale",
                                            "parameters": {"service_id": "svc_gone", "replicas": 3}}},
        rollback_of("dep_doesnotexist"),
        {"id": "flag", "action": "flag.toggle", "parameters": {"flag": "checkout.v2", "enabled": False}},
    ]  # fmt: skip
    plan = maestro.create_plan(tenant, plan_body(*steps), "usr_alice")
    before = counts(runtime)
    impact = maestro.dry_run(tenant, plan["id"])
    assert counts(runtime) == before and fakes["adapter"].calls == []
    scale, rollback, flag = impact["steps"]
    assert scale["change"] == "Service svc_checkout is scaled to 6 replicas."
    assert scale["compensation"] == (
        "Nothing would be undone: service svc_gone does not exist in tenant acme; the compensation would fail."
    )
    assert rollback["target"] == "dep_doesnotexist"
    assert rollback["change"] == (
        "No change: deployment dep_doesnotexist does not exist in tenant acme; the step would fail at once "
        "(no retries) and the run would compensate the steps before it."
    )
    assert "rolled back" not in rollback["change"]
    assert flag["change"] == "Feature flag checkout.v2 is turned off."
    # Another tenant asking about the same plan id sees nothing (404), as before.
    with pytest.raises(errors.DomainError):
        maestro.dry_run("globex", plan["id"])


def test_recording_adapter_refuses_a_missing_target_and_records_nothing(
    runtime: Runtime, tenant: str
) -> None:
    adapter = RecordingAdapter(runtime.db)
    for kind, method, target, params in [
        ("deployment.rollback", adapter.rollback_deployment, "dep_nope", {"deployment_id": "dep_nope"}),
        ("flag.toggle", adapter.toggle_flag, "nope", {"flag": "nope", "enabled": True}),
        ("incident.task", adapter.open_incident_task, "inc_nope", {"incident_id": "inc_nope", "title": "t"}),
        ("service.restart", adapter.restart_service, "svc_nope", {"service_id": "svc_nope"}),
    ]:
        req = EffectRequest(tenant, "run_y", kind, kind, target, params, f"run_y:{kind}", "usr")
        with pytest.raises(TargetNotFound) as exc:
            method(req)
        assert exc.value.retryable is False and str(exc.value).endswith("does not exist in tenant acme")
    assert effects(runtime, "run_y") == []


def test_a_rollback_the_deployments_domain_refuses_is_not_retried(runtime: Runtime, tenant: str) -> None:
    adapter = RecordingAdapter(runtime.db)
    add_deployment(runtime.db, tenant, "dep_r0", "svc_checkout", "v1", minutes_ago=60)
    add_deployment(runtime.db, tenant, "dep_r1", "svc_checkout", "v2", minutes_ago=10)

    def rollback(key: str) -> Any:
        return adapter.rollback_deployment(
            EffectRequest(
                tenant,
                "run_r",
                key,
                "deployment.rollback",
                "dep_r1",
                {"deployment_id": "dep_r1"},
                f"run_r:{key}",
                "usr",
            )
        )

    assert rollback("first").applied is True
    with pytest.raises(EffectError) as refused:  # dep_r1 was already rolled back
        rollback("again")
    assert refused.value.retryable is False and "already rolled back" in str(refused.value)
    assert [e.idempotency_key for e in effects(runtime, "run_r")] == ["run_r:first"]
