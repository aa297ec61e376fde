"""Durability: a worker process killed with SIGKILL mid-plan; a new worker resumes (or compensates) and
no completed step's effect happens twice (the effects table's UNIQUE idempotency keys say so)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from companyos_server.core.maestro import models
from companyos_server.core.maestro.engine import Maestro
from companyos_server.platform.jobs.models import JobRow
from companyos_server.platform.runtime import Runtime
from companyos_server.settings import REPO_ROOT
from tests.unit.maestro.targets import add_test_targets

TENANT = "acme"
LEASE_SECONDS = "2"


class Workers:
    def __init__(self, runtime: Runtime, log_dir: Path) -> None:
        self.runtime = runtime
        self.log_dir = log_dir
        self.procs: list[subprocess.Popen[bytes]] = []

    def start(self, **env: str) -> subprocess.Popen[bytes]:
        settings = self.runtime.settings
        full_env = {
            **os.environ,
            "COMPANYOS_ENV": "test",
            "COMPANYOS_VAR_DIR": str(settings.var_dir),
            "COMPANYOS_DATABASE_URL": settings.effective_database_url,
            "COMPANYOS_MAESTRO_LEASE_SECONDS": LEASE_SECONDS,
            **env,
        }
        full_env.pop("COMPANYOS_REDIS_URL", None)  # the huey queue is the SQLite file in var_dir
        log = open(self.log_dir / f"worker-{len(self.procs)}.log", "wb")  # noqa: SIM115
        proc = subprocess.Popen(
            [sys.executable, "-m", "companyos_server.core.maestro", "worker", "--workers", "1"],
            cwd=REPO_ROOT,
            env=full_env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self.procs.append(proc)
        return proc

    def logs(self) -> str:
        return "\n".join(
            p.read_text(errors="replace")[-3000:] for p in sorted(self.log_dir.glob("worker-*.log"))
        )

    def stop_all(self) -> None:
        for proc in self.procs:
            if proc.poll() is None:
                proc.send_signal(signal.SIGINT)
                try:
                    proc.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()


@pytest.fixture
def workers(runtime: Runtime, tmp_path: Path) -> Iterator[Workers]:
    from companyos_server.seed import seed_tenants

    seed_tenants(runtime)
    add_test_targets(runtime.db, TENANT)  # svc_checkout, checkout.v2, inc_1: the plans' real targets
    w = Workers(runtime, tmp_path)
    yield w
    w.stop_all()


def poll(fn: Any, what: str, workers: Workers, timeout: float = 60.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = fn()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}\n--- worker logs ---\n{workers.logs()}")


def step_state(maestro: Maestro, run_id: str, step_id: str) -> str:
    run = maestro.get_run(TENANT, run_id)
    return next(s["state"] for s in run["steps"] if s["id"] == step_id)


def effect_keys(runtime: Runtime, run_id: str) -> list[str]:
    with runtime.db.session() as s:
        rows = s.scalars(select(models.EffectRow).where(models.EffectRow.run_id == run_id))
        return sorted(r.idempotency_key for r in rows)


def start_plan(runtime: Runtime, steps: list[dict[str, Any]], name: str) -> tuple[Maestro, dict[str, Any]]:
    maestro = Maestro(runtime)
    plan = maestro.create_plan(TENANT, {"name": name, "steps": steps}, "usr_alice")
    return maestro, maestro.start_run(TENANT, plan["id"], actor="usr_alice", reason="durability test")


def kill_during(maestro: Maestro, workers: Workers, run_id: str, step_id: str, **env: str) -> None:
    proc = workers.start(**env)
    poll(lambda: step_state(maestro, run_id, step_id) == "running", f"step {step_id} to run", workers)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL


def test_sigkill_mid_plan_then_restart_applies_every_effect_exactly_once(
    runtime: Runtime, workers: Workers
) -> None:
    steps = [
        {"id": "restart", "action": "service.restart", "parameters": {"service_id": "svc_checkout"}},
        {"id": "settle", "action": "wait", "parameters": {"seconds": 3}},
        {
            "id": "scale",
            "action": "service.scale",
            "parameters": {"service_id": "svc_checkout", "replicas": 6},
        },
        {
            "id": "tell",
            "action": "incident.task",
            "parameters": {"incident_id": "inc_1", "title": "Restarted"},
        },
    ]
    maestro, run = start_plan(runtime, steps, "Durable restart")
    rid = run["id"]
    kill_during(maestro, workers, rid, "settle")

    # The dead worker left the run mid-flight: step 1 applied, the rest not.
    mid = maestro.get_run(TENANT, rid)
    assert mid["state"] == "running"
    assert [s["state"] for s in mid["steps"]] == ["succeeded", "running", "pending", "pending"]
    assert effect_keys(runtime, rid) == [f"{rid}:restart"]

    workers.start()  # recovery at start (lease expired) resumes the run
    final = poll(
        lambda: (r := maestro.get_run(TENANT, rid))["state"] in ("succeeded", "failed", "compensated") and r,
        "the run to finish after restart",
        workers,
    )
    assert final["state"] == "succeeded", workers.logs()
    assert [s["state"] for s in final["steps"]] == ["succeeded"] * 4
    assert final["recoveries"] == 1
    # Every effect exactly once: one row per effect step, and the UNIQUE key forbids a second.
    assert effect_keys(runtime, rid) == sorted([f"{rid}:restart", f"{rid}:scale", f"{rid}:tell"])
    restart = next(s for s in final["steps"] if s["id"] == "restart")
    assert restart["attempts"] == 1  # never re-executed

    def job_done() -> JobRow | None:
        with runtime.db.session() as s:
            job = s.get(JobRow, final["job_id"])
            return job if job is not None and job.state != "running" else None

    job = poll(job_done, "the job to finish", workers)
    assert job.state == "succeeded" and job.attempts == 2  # the lost attempt, then the resumed one
    types = [e["type"] for e in maestro.run_events(TENANT, rid)[0]]
    assert "run.recovering" in types and "run.resumed" in types


def test_sigkill_then_later_step_fails_for_good_and_compensation_runs(
    runtime: Runtime, workers: Workers
) -> None:
    steps = [
        {"id": "scale", "action": "service.scale", "parameters": {"service_id": "svc_checkout", "replicas": 8},
         "compensation": {"action": "service.scale", "parameters": {"service_id": "svc_checkout", "replicas": 4}}},
        {"id": "flag", "action": "flag.toggle", "parameters": {"flag": "checkout.v2", "enabled": False},
         "compensation": {"action": "flag.toggle", "parameters": {"flag": "checkout.v2", "enabled": True}}},
        {"id": "settle", "action": "wait", "parameters": {"seconds": 3}},
        {"id": "restart", "action": "service.restart", "parameters": {"service_id": "svc_checkout"},
         "retries": {"max_attempts": 2, "base_delay": 0.1, "max_delay": 0.2}},
    ]  # fmt: skip
    maestro, run = start_plan(runtime, steps, "Durable with compensation")
    rid = run["id"]
    kill_during(maestro, workers, rid, "settle")
    assert effect_keys(runtime, rid) == sorted([f"{rid}:scale", f"{rid}:flag"])

    workers.start(COMPANYOS_MAESTRO_ADAPTER="tests.unit.maestro.fakes:FailingRestartAdapter")
    final = poll(
        lambda: (r := maestro.get_run(TENANT, rid))["state"] in ("succeeded", "failed", "compensated") and r,
        "the run to compensate",
        workers,
    )
    assert final["state"] == "compensated", workers.logs()
    by_id = {s["id"]: s for s in final["steps"]}
    assert by_id["restart"]["state"] == "failed" and by_id["restart"]["attempts"] == 2
    assert "refused by the platform" in by_id["restart"]["errors"][-1]["message"]
    assert by_id["scale"]["compensation_state"] == by_id["flag"]["compensation_state"] == "succeeded"
    assert effect_keys(runtime, rid) == sorted(
        [f"{rid}:scale", f"{rid}:flag", f"{rid}:flag:compensate", f"{rid}:scale:compensate"]
    )
    with runtime.db.session() as s:
        comp = list(
            s.scalars(
                select(models.EffectRow)
                .where(models.EffectRow.run_id == rid, models.EffectRow.idempotency_key.like("%:compensate"))
                .order_by(models.EffectRow.applied_at)
            )
        )
    assert [c.step_id for c in comp] == ["flag", "scale"]  # reverse order


def test_sigkill_then_the_target_disappears_the_resumed_step_fails_at_once_and_compensates(
    runtime: Runtime, workers: Workers
) -> None:
    """A target deleted while the run was down: the resumed step fails for good on its first attempt
    (no retries) and the completed step is compensated exactly once."""
    from companyos_server.domains.incidents.store import IncidentRow

    steps = [
        {"id": "scale", "action": "service.scale", "parameters": {"service_id": "svc_checkout", "replicas": 8},
         "compensation": {"action": "service.scale", "parameters": {"service_id": "svc_checkout", "replicas": 4}}},
        {"id": "settle", "action": "wait", "parameters": {"seconds": 3}},
        {"id": "tell", "action": "incident.task", "parameters": {"incident_id": "inc_1", "title": "Scaled"},
         "retries": {"max_attempts": 4, "base_delay": 5, "max_delay": 5}},
    ]  # fmt: skip
    maestro, run = start_plan(runtime, steps, "Durable, target gone")
    rid = run["id"]
    kill_during(maestro, workers, rid, "settle")
    assert effect_keys(runtime, rid) == [f"{rid}:scale"]
    with runtime.db.session() as s:
        s.delete(s.get(IncidentRow, "inc_1"))

    workers.start()
    final = poll(
        lambda: (r := maestro.get_run(TENANT, rid))["state"] in ("succeeded", "failed", "compensated") and r,
        "the run to compensate",
        workers,
    )
    assert final["state"] == "compensated", workers.logs()
    by_id = {s["id"]: s for s in final["steps"]}
    assert (by_id["tell"]["state"], by_id["tell"]["attempts"]) == ("failed", 1)
    assert by_id["tell"]["errors"][-1]["message"] == "incident inc_1 does not exist in tenant acme"
    assert by_id["scale"]["compensation_state"] == "succeeded"
    assert effect_keys(runtime, rid) == sorted([f"{rid}:scale", f"{rid}:scale:compensate"])
