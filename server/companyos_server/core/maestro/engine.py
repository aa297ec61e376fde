"""Maestro: versioned remediation plans, dry runs, durable runs as jobs, and their recovery.

``get_runtime().maestro`` is a :class:`Maestro`. Its collaborators default to the runtime's (database,
job queue, audit log, IntelGraph, Data Spine, the configured platform adapter) and can be injected, which
is how the unit tests drive the engine with a fake clock and fake sinks.
"""

from __future__ import annotations

import contextlib
import logging
import os
import random
import socket
import time
import uuid
from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import or_, select, update

from companyos_server import errors
from companyos_server.core.maestro import actions, plans, runs, targets
from companyos_server.core.maestro.adapters import PlatformAdapter, load_adapter
from companyos_server.core.maestro.executor import LeaseLost, RunBusy, RunExecutor
from companyos_server.core.maestro.models import (
    ACTIVE_RUN_STATES,
    TERMINAL_RUN_STATES,
    PlanVersionRow,
    RunRow,
)
from companyos_server.core.maestro.records import Records
from companyos_server.platform.pagination import Page, paginate
from companyos_server.platform.principal import Principal
from companyos_server.platform.stepup import satisfies_step_up
from companyos_server.platform.storage import utcnow

if TYPE_CHECKING:
    from companyos_server.platform.jobs.context import JobContext
    from companyos_server.platform.runtime import Runtime

log = logging.getLogger("companyos.maestro")
JOB_KIND = "maestro.run"
LEASE_ENV = "COMPANYOS_MAESTRO_LEASE_SECONDS"
DEFAULT_LEASE_SECONDS = 30.0
ROLLBACK_WAIT_SECONDS = 15.0


class RunFailed(Exception):
    """Raised out of the job so the job itself ends ``failed`` when the run did not succeed."""


def _would_fail(problems: list[targets.MissingTarget], *, compensates: bool) -> str:
    """A dry run's ``change`` for a step whose target is missing: what would really happen."""
    then = "the run would compensate the steps before it" if compensates else "so would the run"
    return f"No change: {targets.describe(problems)}; the step would fail at once (no retries) and {then}."


class Maestro:
    def __init__(
        self,
        runtime: Runtime,
        *,
        adapter: PlatformAdapter | None = None,
        audit: Any = None,
        graph: Any = None,
        evidence: Any = None,
        sleep: Callable[[float], None] = time.sleep,
        rand: Callable[[], float] = random.random,
        lease_seconds: float | None = None,
    ) -> None:
        self.runtime = runtime
        self.db = runtime.db
        self._adapter = adapter
        self._audit, self._graph, self._evidence = audit, graph, evidence
        self.sleep, self.rand = sleep, rand
        self.lease_seconds = float(lease_seconds or os.environ.get(LEASE_ENV) or DEFAULT_LEASE_SECONDS)
        self.worker_id = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"

    @property
    def adapter(self) -> PlatformAdapter:
        if self._adapter is None:
            self._adapter = load_adapter(self.db)
        return self._adapter

    @property
    def records(self) -> Records:
        rt = self.runtime
        return Records(
            self.db,
            self._audit if self._audit is not None else rt.audit,
            self._graph if self._graph is not None else rt.graph,
            self._evidence if self._evidence is not None else rt.evidence,
        )

    # -- plans -------------------------------------------------------------------------------------
    def create_plan(self, tenant_id: str, body: dict[str, Any], actor: str) -> dict[str, Any]:
        definition = plans.validate_definition(body)
        with self.db.session() as session:
            return plans.to_dict(plans.create(session, tenant_id, definition, actor))

    def update_plan(self, tenant_id: str, plan_id: str, body: dict[str, Any], actor: str) -> dict[str, Any]:
        with self.db.session() as session:
            current = plans.get(session, tenant_id, plan_id)
            merged = {
                "name": body.get("name", current.name),
                "description": body.get("description", current.description),
                "risk": body.get("risk", current.risk),
                "steps": body.get("steps", current.steps),
            }
            definition = plans.validate_definition(merged)
            return plans.to_dict(plans.update(session, tenant_id, plan_id, definition, actor))

    def get_plan(self, tenant_id: str, plan_id: str, version: int | None = None) -> dict[str, Any]:
        with self.db.session() as session:
            if version is None:
                return plans.to_dict(plans.get(session, tenant_id, plan_id))
            return plans.to_dict(plans.get_version(session, tenant_id, plan_id, version), plan_id)

    def list_plans(
        self,
        tenant_id: str,
        *,
        name: str | None = None,
        page_size: int | None = None,
        page_token: str | None = None,
    ) -> Page[dict[str, Any]]:
        with self.db.session() as session:
            page = paginate(
                lambda after, limit: plans.list_page(session, tenant_id, after=after, limit=limit, name=name),
                key=lambda row: row.id,
                page_size=page_size,
                page_token=page_token,
                filters={"tenant": tenant_id, "name": name},
            )
            return Page([plans.to_dict(r) for r in page.items], page.next_page_token)

    def list_plan_versions(
        self, tenant_id: str, plan_id: str, *, page_size: int | None = None, page_token: str | None = None
    ) -> Page[dict[str, Any]]:
        with self.db.session() as session:
            page = paginate(
                lambda after, limit: plans.list_versions(
                    session, tenant_id, plan_id, after=after, limit=limit
                ),
                key=lambda row: str(row.version),
                page_size=page_size,
                page_token=page_token,
                filters={"tenant": tenant_id, "plan": plan_id},
            )
            return Page([plans.to_dict(r, plan_id) for r in page.items], page.next_page_token)

    # -- dry run -----------------------------------------------------------------------------------
    def dry_run(
        self, tenant_id: str, plan_id: str, *, version: int | None = None, principal: Principal | None = None
    ) -> dict[str, Any]:
        """The impact summary of running the plan. Reads only: writes no row of any kind.

        A step naming a CompanyOS object (deployment, service, flag, incident) the tenant does not have
        would fail at once when run; its ``change`` says so instead of describing a change that cannot
        happen (the same check as the executor's, :mod:`.targets`). Likewise for a compensation.
        """
        plan = self.get_plan(tenant_id, plan_id, version)
        fresh_mfa = principal is not None and satisfies_step_up(principal)
        risky = plans.is_risky(plan)
        impact = []
        undoable = False  # whether an earlier step declares a compensation
        with self.db.session() as session:
            for step in plan["steps"]:
                action = actions.get(step["action"])
                assert action is not None
                high = step["risk"] == "high" or action.risk == "high" or plan["risk"] == "high"
                comp = step.get("compensation")
                comp_action = actions.get(comp["action"]) if comp else None
                problems = targets.missing(session, tenant_id, action.name, step["parameters"])
                change = action.summary(step["parameters"])
                if problems:
                    change = _would_fail(problems, compensates=undoable)
                compensation = None
                if comp and comp_action:
                    compensation = comp_action.summary(comp["parameters"])
                    comp_problems = targets.missing(session, tenant_id, comp_action.name, comp["parameters"])
                    if comp_problems:
                        compensation = (
                            f"Nothing would be undone: {targets.describe(comp_problems)}; "
                            "the compensation would fail."
                        )
                undoable = undoable or bool(comp)
                impact.append(
                    {
                        "step_id": step["id"],
                        "action": step["action"],
                        "target": action.target(step["parameters"]),
                        "change": change,
                        "risk": "high" if high else "normal",
                        "requires_step_up": high and not fresh_mfa,
                        "timeout_seconds": step["timeout_seconds"],
                        "max_attempts": step["retries"]["max_attempts"],
                        "compensation": compensation,
                    }
                )
        return {
            "plan_id": plan["id"],
            "plan_version": plan["version"],
            "plan_name": plan["name"],
            "risk": "high" if risky else "normal",
            "requires_step_up": risky and not fresh_mfa,
            "adapter": self.adapter.name,
            "steps": impact,
            "changes_made": False,
        }

    # -- runs --------------------------------------------------------------------------------------
    def start_run(
        self,
        tenant_id: str,
        plan_id: str,
        *,
        actor: str,
        actor_kind: str = "user",
        reason: str = "",
        inputs: dict[str, Any] | None = None,
        version: int | None = None,
        admit: Callable[[dict[str, Any], str], None] | None = None,
    ) -> dict[str, Any]:
        """Creates the run (queued) and submits its job.

        The version is pinned once (``version``, or the current one) and everything is decided from
        that one definition in the transaction that creates the run: its risk, the caller's
        ``admit(plan, risk)`` check (step-up: see the service; raising refuses the run and nothing is
        written) and the steps. The run records the version, and the job executes exactly it.
        """
        import companyos_server.core.maestro.jobs  # noqa: F401  (registers the job kind in this process)

        with self.db.session() as session:
            plan = plans.pinned(session, tenant_id, plan_id, version)
            risk = "high" if plans.is_risky(plan) else "normal"
            if admit is not None:
                admit(plan, risk)
            run = runs.create(
                session,
                tenant_id=tenant_id,
                plan=plan,
                risk=risk,
                actor=actor,
                actor_kind=actor_kind,
                reason=reason,
                inputs=dict(inputs or {}),
            )
            run_id = run.id
        job = self.runtime.jobs.submit(tenant_id, JOB_KIND, {"run_id": run_id}, actor)
        with self.db.session() as session:
            row = runs.get(session, tenant_id, run_id)
            row.job_id = job["id"]
        return self.get_run(tenant_id, run_id)

    def get_run(self, tenant_id: str, run_id: str) -> dict[str, Any]:
        with self.db.session() as session:
            run = runs.get(session, tenant_id, run_id)
            return runs.to_dict(run, runs.steps(session, tenant_id, run_id))

    def list_runs(
        self,
        tenant_id: str,
        *,
        plan_id: str | None = None,
        state: str | None = None,
        page_size: int | None = None,
        page_token: str | None = None,
    ) -> Page[dict[str, Any]]:
        with self.db.session() as session:
            page = paginate(
                lambda after, limit: runs.list_page(
                    session, tenant_id, after=after, limit=limit, plan_id=plan_id, state=state
                ),
                key=lambda row: row.id,
                page_size=page_size,
                page_token=page_token,
                filters={"tenant": tenant_id, "plan": plan_id, "state": state},
            )
            items = runs.to_dicts(session, tenant_id, page.items)
            return Page(items, page.next_page_token)

    def run_events(self, tenant_id: str, run_id: str, after_seq: int = 0) -> tuple[list[dict[str, Any]], str]:
        """Events after ``after_seq`` and the run's current state (404 for an unknown run)."""
        with self.db.session() as session:
            run = runs.get(session, tenant_id, run_id)
            return runs.events(session, tenant_id, run_id, after_seq), run.state

    def cancel_run(self, tenant_id: str, run_id: str, actor: str) -> dict[str, Any]:
        """Queued: cancelled now. Running: flagged; it stops before its next step and compensates. A
        stepped run paused between its steps has no worker to notice the flag: it compensates now."""
        job_id: str | None = None
        with self.db.session() as session:
            run = runs.get(session, tenant_id, run_id, for_update=True)
            if run.state in TERMINAL_RUN_STATES:
                raise errors.failed_precondition(f"Run '{run_id}' is {run.state}; it cannot be cancelled.")
            run.cancel_requested = True
            if run.state == "queued":
                run.state, run.finished_at = "cancelled", utcnow()
                job_id = run.job_id
            runs.add_event(session, run, "run.cancel_requested", None, run.state, {"by": actor})
        if job_id:
            with contextlib.suppress(errors.DomainError):  # already claimed or finished: the run row decides
                self.runtime.jobs.cancel(tenant_id, job_id)
        # Read after the flag committed: an executor pausing meanwhile looks at the flag after letting go
        # of the lease, so one of the two sees the other and the run is compensated (once: RunBusy).
        with self.db.session() as session:
            run = runs.get(session, tenant_id, run_id)
            stale = run.heartbeat_at is None or run.heartbeat_at < utcnow() - timedelta(
                seconds=self.lease_seconds
            )
            paused = run.state in ("running", "compensating") and run.job_id is None
            paused = paused and (run.lease_owner is None or stale)  # a stale lease: its executor is gone
        if paused:
            with contextlib.suppress(RunBusy, LeaseLost):
                self._executor().execute(tenant_id, run_id, self._plan_of(tenant_id, run_id))
        return self.get_run(tenant_id, run_id)

    # -- stepped runs (their owner decides when each step is due) ------------------------------------
    def start_stepped_run(
        self, tenant_id: str, plan_id: str, *, actor: str, actor_kind: str, reason: str,
        inputs: dict[str, Any] | None = None,
    ) -> dict[str, Any]:  # fmt: skip
        """A run of the plan's current version that no job drives: its owner executes it a stretch at a
        time (:meth:`advance_run`) when its own conditions say so (a staged rollout's bake time and
        gates) and may roll it back (:meth:`roll_back_run`). Nothing runs here. The owner has admitted
        the run already (a rollout's approval), so there is no step-up check at this point."""
        with self.db.session() as session:
            plan = plans.pinned(session, tenant_id, plan_id, None)
            run = runs.create(
                session, tenant_id=tenant_id, plan=plan, risk="high" if plans.is_risky(plan) else "normal",
                actor=actor, actor_kind=actor_kind, reason=reason, inputs=dict(inputs or {}),
            )  # fmt: skip
            run_id = run.id
        return self.get_run(tenant_id, run_id)

    def advance_run(self, tenant_id: str, run_id: str, *, through: str) -> dict[str, Any]:
        """Execute a stepped run, in this thread, up to and including step ``through`` (nothing when it
        is done already; the run finishes when its last step is). Steps keep their idempotency keys, and
        a run someone else is executing right now is left to them (the run is returned as it is), so two
        callers advancing through the same step apply it once."""
        with contextlib.suppress(RunBusy, LeaseLost):
            self._executor().execute(tenant_id, run_id, self._plan_of(tenant_id, run_id), through=through)
        return self.get_run(tenant_id, run_id)

    def roll_back_run(self, tenant_id: str, run_id: str, actor: str) -> dict[str, Any]:
        """Cancel a stepped run now, in this thread: the succeeded steps are compensated in reverse."""
        run = self.get_run(tenant_id, run_id)
        if run["state"] in TERMINAL_RUN_STATES:
            return run
        with contextlib.suppress(errors.DomainError):  # it ended meanwhile: the run row decides
            run = self.cancel_run(tenant_id, run_id, actor)
        # Being executed right now, it compensates when its executor pauses (moments for a flag stage);
        # if it has not ended when this returns, the caller looks again later.
        deadline = time.monotonic() + ROLLBACK_WAIT_SECONDS
        while run["state"] not in TERMINAL_RUN_STATES and time.monotonic() < deadline:
            time.sleep(0.05)
            run = self.get_run(tenant_id, run_id)
        return run

    def _plan_of(self, tenant_id: str, run_id: str) -> PlanVersionRow:
        with self.db.session() as session:
            run = runs.get(session, tenant_id, run_id)
            plan = session.scalars(
                select(PlanVersionRow).where(
                    PlanVersionRow.tenant_id == tenant_id,
                    PlanVersionRow.plan_id == run.plan_id,
                    PlanVersionRow.version == run.plan_version,
                )
            ).one()
            session.expunge(plan)
            return plan

    def _executor(self, job: JobContext | None = None) -> RunExecutor:
        # One owner per execution, not per process: a stepped run may be asked for by several threads.
        return RunExecutor(
            self.db,
            self.adapter,
            self.records,
            owner=f"{self.worker_id}:{uuid.uuid4().hex[:6]}",
            sleep=self.sleep,
            rand=self.rand,
            progress=(lambda done, total: job.progress(done, total)) if job is not None else None,
            lease_seconds=self.lease_seconds,
        )

    # -- execution (the job body) --------------------------------------------------------------------
    def execute(self, tenant_id: str, run_id: str, job: JobContext | None = None) -> dict[str, Any]:
        plan = self._plan_of(tenant_id, run_id)
        executor = self._executor(job)
        try:
            result = executor.execute(tenant_id, run_id, plan)
        except LeaseLost:
            log.warning("run %s was taken over by another worker; this one stops", run_id)
            return {"run_id": run_id, "state": "taken_over"}
        if job is not None:
            job.flush()
        if result["state"] in ("failed", "compensated"):
            raise RunFailed(f"run {run_id} ended {result['state']}")
        if result["state"] == "cancelled" and job is not None:
            from companyos_server.platform.jobs.context import JobCancelled

            raise JobCancelled(job.job_id)
        return result

    # -- recovery ------------------------------------------------------------------------------------
    def recover(self) -> list[str]:
        """Resume every active run whose worker is gone (lease expired). Call at worker start.

        Platform-wide by design (a worker serves every tenant): selects across tenants, then acts on
        each run within its own tenant. The run's job, stuck ``running`` in the dead worker, is marked
        failed ("worker lost") and retried: same job id, new attempt; the executor then resumes.
        """
        from companyos_server.platform.jobs.models import JobRow

        cutoff = utcnow() - timedelta(seconds=self.lease_seconds)
        resumed: list[str] = []
        with self.db.session() as session:
            candidates = list(
                session.execute(
                    select(
                        RunRow.tenant_id, RunRow.id, RunRow.job_id, RunRow.state, RunRow.heartbeat_at
                    ).where(
                        RunRow.state.in_(ACTIVE_RUN_STATES),
                        or_(RunRow.heartbeat_at.is_(None), RunRow.heartbeat_at < cutoff),
                    )
                )
            )
        for tenant_id, run_id, job_id, _state, heartbeat in candidates:
            if job_id is None:
                continue
            with self.db.session() as session:
                job = session.get(JobRow, job_id)
                if job is None or job.state == "queued":
                    continue  # a queued job will run; nothing was lost
                if job.state == "running" and job.started_at and job.started_at > cutoff:
                    continue  # an attempt claimed within the lease period: its worker is alive
                claimed = session.execute(
                    update(RunRow)
                    .where(
                        RunRow.id == run_id,
                        RunRow.state.in_(ACTIVE_RUN_STATES),
                        RunRow.heartbeat_at.is_(None)
                        if heartbeat is None
                        else RunRow.heartbeat_at == heartbeat,
                    )
                    .values(
                        heartbeat_at=utcnow(),
                        lease_owner=f"recovery:{self.worker_id}",
                        recoveries=RunRow.recoveries + 1,
                    )
                ).rowcount  # type: ignore[attr-defined]
                if not claimed:
                    continue
                if job.state == "running":
                    job.state, job.finished_at = "failed", utcnow()
                    job.errors = [
                        *(job.errors or []),
                        {
                            "message": "worker lost (lease expired); resumed by Maestro recovery",
                            "at": utcnow().isoformat(),
                        },
                    ]
                run = runs.get(session, tenant_id, run_id)
                runs.add_event(session, run, "run.recovering", None, run.state, {"by": self.worker_id})
            self.runtime.jobs.retry(tenant_id, job_id)
            resumed.append(run_id)
            log.info("maestro: resumed run %s (tenant %s) after its worker was lost", run_id, tenant_id)
        return resumed
