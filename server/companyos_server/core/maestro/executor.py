"""Executes one run, durably.

Per step: the step is persisted ``running`` (attempt counted) BEFORE its effect, the effect is applied
through the adapter under the step's idempotency key (``run_id:step_id``, the same for every attempt),
and the step is persisted ``succeeded`` AFTER. A worker that dies between the two leaves a ``running``
step: on resume, if the adapter knows the key the step is marked done without running again, otherwise
it runs again. Failures retry with exponential backoff and full jitter (``random() * min(max_delay,
base_delay * 2 ** (n - 1))`` after the n-th failure); a step that fails for good makes the run compensate
the succeeded steps in reverse order (keys ``run_id:step_id:compensate``).

Before any adapter is called, the CompanyOS objects the step (or compensation) names must exist in the
run's tenant (:mod:`.targets`): an unknown or foreign deployment, service, flag or incident is
:class:`~.adapters.TargetNotFound`, which, like any error with ``retryable = False``, fails the step at
once (one attempt, no backoff) instead of being retried.

While it runs, the executor holds the run's lease (``lease_owner``, ``heartbeat_at``), refreshed at every
transition and while waiting; :meth:`Maestro.recover` resumes runs whose lease expired.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import timedelta
from functools import partial
from typing import TYPE_CHECKING, Any

from sqlalchemy import or_, update

from companyos_server.core.maestro import actions, runs, targets
from companyos_server.core.maestro.adapters import (
    EffectError,
    EffectRequest,
    EffectResult,
    PlatformAdapter,
    TargetNotFound,
    is_retryable,
)
from companyos_server.core.maestro.models import TERMINAL_RUN_STATES, RunRow, RunStepRow
from companyos_server.core.maestro.records import Records
from companyos_server.platform.storage import Database, utcnow

if TYPE_CHECKING:
    from companyos_server.core.maestro.models import PlanVersionRow

log = logging.getLogger("companyos.maestro")
WAIT_SLICE = 0.25


class StepTimeout(Exception):
    pass


class LeaseLost(Exception):
    """Another worker took the run over (this one was presumed dead): stop without touching it."""


class RunCancelled(Exception):
    pass


class RunBusy(Exception):
    """A stepped run another caller is executing right now (its lease is fresh): this caller stands back."""


def backoff_delay(failures: int, base: float, cap: float, rand: Callable[[], float]) -> float:
    """Full jitter (AWS architecture blog): uniform in [0, min(cap, base * 2 ** (failures - 1))]."""
    ceiling = min(float(cap), float(base) * (2 ** max(failures - 1, 0)))
    return rand() * ceiling


def idempotency_key(run_id: str, step_id: str, *, compensation: bool = False) -> str:
    return f"{run_id}:{step_id}:compensate" if compensation else f"{run_id}:{step_id}"


def call_with_timeout(fn: Callable[[], EffectResult], timeout: float) -> EffectResult:
    """Run ``fn`` in a helper thread; StepTimeout if it takes longer. A late effect is still keyed, so
    the next attempt replays it instead of applying it twice."""
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # noqa: BLE001  (re-raised in the caller's thread)
            box["error"] = exc

    thread = threading.Thread(target=target, name="maestro-effect", daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        raise StepTimeout(f"the effect did not complete within {timeout:g} s")
    if "error" in box:
        raise box["error"]
    return box["value"]  # type: ignore[no-any-return]


def error_message(exc: BaseException) -> str:
    """A step error's message: ours read as they are ("deployment dep_x does not exist in tenant
    acme"); anything else an adapter raised keeps its type ("RuntimeError: …")."""
    if isinstance(exc, StepTimeout | EffectError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


class RunExecutor:
    def __init__(
        self,
        db: Database,
        adapter: PlatformAdapter,
        records: Records,
        *,
        owner: str,
        sleep: Callable[[float], None],
        rand: Callable[[], float],
        progress: Callable[[int, int], None] | None = None,
        lease_seconds: float = 30.0,
    ) -> None:
        self.db = db
        self.lease_seconds = lease_seconds
        self.adapter = adapter
        self.records = records
        self.owner = owner
        self.sleep = sleep
        self.rand = rand
        self.progress = progress or (lambda done, total: None)

    # -- entry -----------------------------------------------------------------------------------
    def execute(
        self, tenant_id: str, run_id: str, plan: PlanVersionRow, *, through: str | None = None
    ) -> dict[str, Any]:
        """Run the pending steps (all of them, or those up to and including step ``through``: the run then
        pauses, still ``running``, until it is executed again; a step already done is not run again)."""
        run = self._claim(tenant_id, run_id)
        if run.state in TERMINAL_RUN_STATES:
            return {"run_id": run.id, "state": run.state}
        definition = {s["id"]: s for s in plan.steps}
        self.records.graph_run(run)
        try:
            if run.state == "running":
                failed, paused = self._forward(run, definition, through)
                if paused:
                    paused_run = self._pause_run(run, through)
                    if paused_run is None:  # cancelled just as it paused: compensate now
                        return self.execute(tenant_id, run_id, plan)
                    return paused_run
                if failed is None:
                    return self._finish(run, plan, "succeeded")
                self._set_run(run, "compensating", "run.compensating", error=failed)
            final = self._compensate(run, definition)
            return self._finish(run, plan, final)
        except RunCancelled:
            self._set_run(run, "compensating", "run.compensating", error="cancelled by request")
            self._compensate(run, definition)
            return self._finish(run, plan, "cancelled")
        except (LeaseLost, RunBusy):
            raise
        except Exception:
            if run.job_id is None:  # a stepped run has no job retry to resume it: let the next caller in
                self._release(run)
            raise

    def _release(self, run: RunRow) -> None:
        with self.db.session() as session:
            session.execute(
                update(RunRow)
                .where(RunRow.id == run.id, RunRow.lease_owner == self.owner)
                .values(lease_owner=None)
            )

    def _claim(self, tenant_id: str, run_id: str) -> RunRow:
        with self.db.session() as session:
            run = runs.get(session, tenant_id, run_id, for_update=True)
            if run.state in TERMINAL_RUN_STATES:
                return run
            resumed = run.state != "queued"
            if run.job_id is None:
                # A stepped run has no job to make its executions exclusive: the lease does, taken with
                # a conditional UPDATE (SQLite ignores FOR UPDATE) unless another holds it fresh.
                cutoff = utcnow() - timedelta(seconds=self.lease_seconds)
                taken = session.execute(
                    update(RunRow)
                    .where(
                        RunRow.id == run.id,
                        or_(RunRow.lease_owner.is_(None), RunRow.lease_owner == self.owner,
                            RunRow.heartbeat_at.is_(None), RunRow.heartbeat_at < cutoff),
                    )
                    .values(lease_owner=self.owner, heartbeat_at=utcnow())
                    .execution_options(synchronize_session=False)
                )  # fmt: skip
                if int(getattr(taken, "rowcount", 0) or 0) != 1:
                    raise RunBusy(run.id)
                session.refresh(run)
            run.lease_owner, run.heartbeat_at = self.owner, utcnow()
            if run.state == "queued":
                run.state, run.started_at = "running", utcnow()
            runs.add_event(session, run, "run.resumed" if resumed else "run.started", None, run.state, {})
            return run

    # -- forward pass ----------------------------------------------------------------------------
    def _forward(
        self, run: RunRow, definition: dict[str, dict[str, Any]], through: str | None = None
    ) -> tuple[str | None, bool]:
        """Runs the pending steps: (the error of the step that failed for good, or None; whether the run
        paused after step ``through`` with steps still to come)."""
        with self.db.session() as session:
            step_rows = runs.steps(session, run.tenant_id, run.id)
        total = len(step_rows)
        for index, step in enumerate(step_rows):
            self.progress(index, total)
            if step.state not in ("succeeded", "skipped"):
                if step.state == "failed":
                    return (step.errors or [{}])[-1].get("message", "failed"), False
                self._check_cancel(run)
                spec = definition[step.step_id]
                recovered = step.state in ("running", "retrying") and self._recovered(run, step, spec)
                error = None if recovered else self._run_step(run, step, spec)
                if error is not None:
                    return error, False
            if step.step_id == through and index < total - 1:
                self._check_cancel(run)
                return None, True
        self.progress(total, total)
        return None, False

    def _pause_run(self, run: RunRow, through: str | None) -> dict[str, Any] | None:
        """Give the lease back: the run waits, ``running``, for its owner to execute the next steps. None
        when a cancel arrived as it paused (the caller compensates): a canceller that saw the lease still
        held left the compensation to this executor, and it looks again after letting go."""
        with self.db.session() as session:
            row = session.get(RunRow, run.id)
            assert row is not None
            if row.lease_owner not in (None, self.owner):
                raise LeaseLost(run.id)
            if row.cancel_requested:
                raise RunCancelled(run.id)
            row.lease_owner = None
            runs.add_event(session, row, "run.paused", None, row.state, {"after_step": through})
        with self.db.session() as session:
            row = session.get(RunRow, run.id)
            if (
                row is not None
                and row.cancel_requested
                and row.state == "running"
                and row.lease_owner is None
            ):
                return None
        return {"run_id": run.id, "state": run.state, "paused_after": through}

    def _recovered(self, run: RunRow, step: RunStepRow, spec: dict[str, Any]) -> bool:
        """A step found mid-flight after a crash: done if its effect exists (never applied twice)."""
        action = actions.get(step.action)
        if action is None or action.effect is None:
            return False
        found = self.adapter.lookup(run.tenant_id, idempotency_key(run.id, step.step_id))
        if found is None:
            return False
        self._step_succeeded(run, step, found, spec["parameters"], recovered=True)
        return True

    def _run_step(self, run: RunRow, step: RunStepRow, spec: dict[str, Any]) -> str | None:
        retries = spec["retries"]
        action = actions.get(step.action)
        assert action is not None  # validated when the plan was saved
        while True:
            self._transition(run, step, "running", "step.running", attempts=step.attempts + 1)
            self.records.step_event(run, step, "started", "success")
            try:
                if action.effect is None:
                    self._wait(run, float(spec["parameters"]["seconds"]), float(spec["timeout_seconds"]))
                    result = EffectResult("", True, {"waited_seconds": spec["parameters"]["seconds"]})
                else:
                    result = self._apply(run, step, action, spec["parameters"], spec["timeout_seconds"])
            except (LeaseLost, RunCancelled):
                raise
            except Exception as exc:  # noqa: BLE001  (any adapter failure is a failed attempt)
                message = error_message(exc)
                retryable = is_retryable(exc)
                failures = len(step.errors or []) + 1
                with self.db.session() as session:
                    row = session.get(RunStepRow, step.id)
                    assert row is not None
                    runs.append_error(row, step.attempts, message, utcnow())
                    step.errors = row.errors
                if retryable and failures < int(retries["max_attempts"]):
                    delay = backoff_delay(failures, retries["base_delay"], retries["max_delay"], self.rand)
                    self._transition(
                        run, step, "retrying", "step.retrying", error=message, delay_seconds=delay
                    )
                    self.records.step_event(run, step, "retrying", "failure", error=message, delay=delay)
                    self._pause(run, delay)
                    self._check_cancel(run)
                    continue
                permanent: dict[str, Any] = {} if retryable else {"retryable": False}
                self._transition(
                    run, step, "failed", "step.failed", error=message, finished=True, **permanent
                )
                self.records.step_event(run, step, "failed", "failure", error=message, **permanent)
                return message
            self._step_succeeded(run, step, result, spec["parameters"])
            return None

    def _apply(
        self,
        run: RunRow,
        step: RunStepRow,
        action: actions.ActionType,
        parameters: dict[str, Any],
        timeout: float,
    ) -> EffectResult:
        request = EffectRequest(
            tenant_id=run.tenant_id,
            run_id=run.id,
            step_id=step.step_id,
            kind=action.name,
            target=step.target or "",
            parameters=dict(parameters),
            idempotency_key=idempotency_key(run.id, step.step_id),
            actor=run.created_by,
            timeout_seconds=float(timeout),
        )
        replay = self._check_targets(request)
        if replay is not None:
            return replay
        method = self._effect(action)
        return call_with_timeout(lambda: method(request), float(timeout))

    def _effect(self, action: actions.ActionType) -> Callable[[EffectRequest], EffectResult]:
        """The adapter's method for the action. The security playbook effects (``enforce_step_up``,
        ``raise_logging``, ``isolate_service``) are optional for adapters written before them: one that
        lacks the method fails the step at once, saying so, instead of being retried."""
        method = getattr(self.adapter, action.effect or "", None)
        if method is None:
            raise EffectError(
                f"the {self.adapter.name} adapter does not implement {action.effect} ({action.name})",
                retryable=False,
            )
        return method  # type: ignore[no-any-return]

    def _check_targets(self, request: EffectRequest) -> EffectResult | None:
        """Raise TargetNotFound when the request names a CompanyOS object its tenant does not have; for
        every adapter, before it is called. Unless the key was already applied (an earlier attempt that
        finished late, then the target went away): that effect is returned, as a replay would be."""
        with self.db.session() as session:
            problems = targets.missing(session, request.tenant_id, request.kind, request.parameters)
        if not problems:
            return None
        done = self.adapter.lookup(request.tenant_id, request.idempotency_key)
        if done is not None:
            return done
        raise TargetNotFound(problems)

    def _step_succeeded(
        self,
        run: RunRow,
        step: RunStepRow,
        result: EffectResult,
        parameters: dict[str, Any],
        *,
        recovered: bool = False,
    ) -> None:
        output = result.as_dict() if result.effect_id else dict(result.details)
        action = actions.get(step.action)
        summary = action.summary(parameters) if action else step.action
        graph_error = self.records.graph_step(run, step, summary)
        if graph_error:
            output["graph_error"] = graph_error
        self._transition(
            run, step, "succeeded", "step.succeeded", output=output, finished=True, recovered=recovered
        )
        self.records.step_event(
            run, step, "succeeded", "success", effect_id=result.effect_id, recovered=recovered
        )

    # -- compensation ----------------------------------------------------------------------------
    def _compensate(self, run: RunRow, definition: dict[str, dict[str, Any]]) -> str:
        """Reverse order over succeeded steps that declare a compensation; the run's final state."""
        with self.db.session() as session:
            step_rows = runs.steps(session, run.tenant_id, run.id)
        ok = True
        attempted = False
        for step in reversed(step_rows):
            spec = definition[step.step_id]
            comp = spec.get("compensation")
            # A step caught mid-flight whose effect exists (its executor lost the run) happened: undo it too.
            applied = (
                step.state in ("running", "retrying") and bool(comp) and self._recovered(run, step, spec)
            )
            if (
                (step.state != "succeeded" and not applied)
                or not comp
                or step.compensation_state == "succeeded"
            ):
                continue
            attempted = True
            if not self._compensate_step(run, step, spec, comp):
                ok = False
        if not ok:
            return "failed"
        return "compensated" if attempted else "failed"

    def _compensate_step(
        self, run: RunRow, step: RunStepRow, spec: dict[str, Any], comp: dict[str, Any]
    ) -> bool:
        action = actions.get(comp["action"])
        assert action is not None and action.effect is not None
        key = idempotency_key(run.id, step.step_id, compensation=True)
        request = EffectRequest(
            tenant_id=run.tenant_id,
            run_id=run.id,
            step_id=step.step_id,
            kind=action.name,
            target=action.target(comp["parameters"]) or step.target or "",
            parameters=dict(comp["parameters"]),
            idempotency_key=key,
            actor=run.created_by,
            timeout_seconds=float(spec["timeout_seconds"]),
        )
        retries = spec["retries"]
        failures = 0
        self._compensation_state(run, step, "running", "step.compensating")
        while True:
            try:
                found = self.adapter.lookup(run.tenant_id, key) or self._check_targets(request)
                result = found or call_with_timeout(
                    partial(self._effect(action), request), float(spec["timeout_seconds"])
                )
            except LeaseLost:
                raise
            except Exception as exc:  # noqa: BLE001  (any adapter failure is a failed attempt)
                failures += 1
                message = error_message(exc)
                if is_retryable(exc) and failures < int(retries["max_attempts"]):
                    self._pause(
                        run, backoff_delay(failures, retries["base_delay"], retries["max_delay"], self.rand)
                    )
                    continue
                self._compensation_state(run, step, "failed", "step.compensation_failed", error=message)
                self.records.step_event(run, step, "compensation_failed", "failure", error=message)
                return False
            self.records.graph_step(run, step, action.summary(comp["parameters"]), compensation=True)
            self._compensation_state(run, step, "succeeded", "step.compensated", effect_id=result.effect_id)
            self.records.step_event(run, step, "compensated", "success", effect_id=result.effect_id)
            return True

    # -- persistence helpers ---------------------------------------------------------------------
    def _transition(
        self,
        run: RunRow,
        step: RunStepRow,
        state: str,
        event: str,
        *,
        attempts: int | None = None,
        output: dict[str, Any] | None = None,
        finished: bool = False,
        **data: Any,
    ) -> None:
        with self.db.session() as session:
            if not runs.heartbeat(session, run.tenant_id, run.id, self.owner):
                raise LeaseLost(run.id)
            row = session.get(RunStepRow, step.id)
            run_row = session.get(RunRow, run.id)
            assert row is not None and run_row is not None
            now = utcnow()
            row.state = state
            if attempts is not None:
                row.attempts = attempts
                row.started_at = row.started_at or now
            if output is not None:
                row.output = output
            if finished:
                row.finished_at = now
            run_row.current_step = step.step_id
            runs.add_event(
                session,
                run_row,
                event,
                step.step_id,
                state,
                {"attempt": row.attempts, "action": row.action, **data},
            )
            step.state, step.attempts, step.output = row.state, row.attempts, row.output

    def _compensation_state(self, run: RunRow, step: RunStepRow, state: str, event: str, **data: Any) -> None:
        with self.db.session() as session:
            if not runs.heartbeat(session, run.tenant_id, run.id, self.owner):
                raise LeaseLost(run.id)
            row = session.get(RunStepRow, step.id)
            run_row = session.get(RunRow, run.id)
            assert row is not None and run_row is not None
            row.compensation_state = state
            row.compensation_error = data.get("error")
            runs.add_event(session, run_row, event, step.step_id, state, {"action": row.action, **data})
            step.compensation_state = state

    def _set_run(self, run: RunRow, state: str, event: str, **data: Any) -> None:
        with self.db.session() as session:
            if not runs.heartbeat(session, run.tenant_id, run.id, self.owner):
                raise LeaseLost(run.id)
            row = session.get(RunRow, run.id)
            assert row is not None
            row.state = state
            if "error" in data:
                row.error = data["error"]
            runs.add_event(session, row, event, None, state, data)
            run.state = state

    def _finish(self, run: RunRow, plan: PlanVersionRow, state: str) -> dict[str, Any]:
        with self.db.session() as session:
            step_rows = [runs.step_dict(s) for s in runs.steps(session, run.tenant_id, run.id)]
            events = runs.events(session, run.tenant_id, run.id)
        run.state = state
        pack_id: str | None = None
        evidence_error: str | None = None
        plan_doc = {"id": plan.plan_id, "version": plan.version, "name": plan.name, "steps": plan.steps}
        try:
            pack_id = self.records.evidence_pack(run, plan_doc, step_rows, events)
        except Exception as exc:  # the effects happened: a missing pack is reported, not a failed run
            log.exception("evidence pack for run %s failed", run.id)
            evidence_error = f"{type(exc).__name__}: {exc}"
        with self.db.session() as session:
            row = session.get(RunRow, run.id)
            assert row is not None
            row.state, row.finished_at = state, utcnow()
            row.evidence_pack_id = pack_id
            row.lease_owner = None
            data = {
                "evidence_pack_id": pack_id,
                **({"evidence_error": evidence_error} if evidence_error else {}),
            }
            runs.add_event(session, row, f"run.{state}", None, state, data)
            run.finished_at, run.evidence_pack_id = row.finished_at, pack_id
        self.records.run_event(
            run, "success" if state == "succeeded" else "failure", evidence_pack_id=pack_id
        )
        self.records.graph_run(run)
        return {"run_id": run.id, "state": state, "evidence_pack_id": pack_id}

    # -- waiting -----------------------------------------------------------------------------------
    def _check_cancel(self, run: RunRow) -> None:
        with self.db.session() as session:
            row = session.get(RunRow, run.id)
            if row is not None and row.cancel_requested:
                raise RunCancelled(run.id)

    def _pause(self, run: RunRow, seconds: float) -> None:
        """Sleep in slices, keeping the lease fresh."""
        remaining = seconds
        while remaining > 0:
            self.sleep(min(WAIT_SLICE, remaining))
            remaining -= WAIT_SLICE
            with self.db.session() as session:
                if not runs.heartbeat(session, run.tenant_id, run.id, self.owner):
                    raise LeaseLost(run.id)

    def _wait(self, run: RunRow, seconds: float, timeout: float) -> None:
        if seconds > timeout:
            self._pause(run, timeout)
            raise StepTimeout(f"wait of {seconds:g} s exceeds the step timeout of {timeout:g} s")
        self._pause(run, seconds)
