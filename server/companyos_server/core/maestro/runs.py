"""Run, step and event rows: creation, reads and the small transitions the executor persists."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from companyos_server import errors
from companyos_server.core.maestro import actions
from companyos_server.core.maestro.models import RUN_STATES, RunEventRow, RunRow, RunStepRow
from companyos_server.platform.storage import new_id, tenant_select, utcnow

MAX_ERRORS_KEPT = 20


def get(session: Session, tenant_id: str, run_id: str, *, for_update: bool = False) -> RunRow:
    query = tenant_select(RunRow, tenant_id).where(RunRow.id == run_id)
    if for_update:
        query = query.with_for_update()
    row = session.scalars(query).one_or_none()
    if row is None:
        raise errors.not_found("Run", run_id)
    return row


def steps(session: Session, tenant_id: str, run_id: str) -> list[RunStepRow]:
    return steps_of(session, tenant_id, [run_id])[run_id]


def steps_of(session: Session, tenant_id: str, run_ids: Sequence[str]) -> dict[str, list[RunStepRow]]:
    """The steps of several runs in one query, each run's in position order."""
    found: dict[str, list[RunStepRow]] = {run_id: [] for run_id in run_ids}
    if not found:
        return found
    query = tenant_select(RunStepRow, tenant_id).where(RunStepRow.run_id.in_(list(found)))
    for row in session.scalars(query.order_by(RunStepRow.position)):
        found[row.run_id].append(row)
    return found


def to_dicts(session: Session, tenant_id: str, rows: Sequence[RunRow]) -> list[dict[str, Any]]:
    """A page of runs shaped like :func:`to_dict`, their steps read in one query."""
    step_rows = steps_of(session, tenant_id, [r.id for r in rows])
    return [to_dict(r, step_rows[r.id]) for r in rows]


def create(
    session: Session,
    *,
    tenant_id: str,
    plan: dict[str, Any],
    risk: str,
    actor: str,
    actor_kind: str,
    reason: str,
    inputs: dict[str, Any],
) -> RunRow:
    now = utcnow()
    run = RunRow(
        id=new_id("run"),
        tenant_id=tenant_id,
        plan_id=plan["id"],
        plan_version=plan["version"],
        plan_name=plan["name"],
        state="queued",
        risk=risk,
        reason=reason,
        inputs=inputs,
        created_by=actor,
        actor_kind=actor_kind,
        created_at=now,
        cancel_requested=False,
        recoveries=0,
    )
    session.add(run)
    for position, step in enumerate(plan["steps"]):
        action = actions.get(step["action"])
        session.add(
            RunStepRow(
                id=new_id("rst"),
                tenant_id=tenant_id,
                run_id=run.id,
                position=position,
                step_id=step["id"],
                action=step["action"],
                target=action.target(step["parameters"]) if action else None,
                state="pending",
                attempts=0,
                errors=[],
            )
        )
    session.flush()
    add_event(session, run, "run.queued", None, "queued", {"plan_version": run.plan_version})
    return run


def add_event(
    session: Session, run: RunRow, type_: str, step_id: str | None, state: str, data: dict[str, Any]
) -> RunEventRow:
    last = session.scalar(
        select(func.max(RunEventRow.seq)).where(
            RunEventRow.tenant_id == run.tenant_id, RunEventRow.run_id == run.id
        )
    )
    row = RunEventRow(
        id=new_id("rev"),
        tenant_id=run.tenant_id,
        run_id=run.id,
        seq=(last or 0) + 1,
        at=utcnow(),
        type=type_,
        step_id=step_id,
        state=state,
        data=data,
    )
    session.add(row)
    session.flush()
    return row


def events(session: Session, tenant_id: str, run_id: str, after_seq: int = 0) -> list[dict[str, Any]]:
    query = tenant_select(RunEventRow, tenant_id).where(
        RunEventRow.run_id == run_id, RunEventRow.seq > after_seq
    )
    return [event_dict(r) for r in session.scalars(query.order_by(RunEventRow.seq))]


def event_dict(row: RunEventRow) -> dict[str, Any]:
    return {
        "seq": row.seq,
        "at": row.at,
        "type": row.type,
        "run_id": row.run_id,
        "step_id": row.step_id,
        "state": row.state,
        "data": dict(row.data or {}),
    }


def step_dict(row: RunStepRow) -> dict[str, Any]:
    return {
        "id": row.step_id,
        "action": row.action,
        "target": row.target,
        "state": row.state,
        "attempts": row.attempts,
        "errors": list(row.errors or []),
        "output": row.output,
        "started_at": row.started_at,
        "finished_at": row.finished_at,
        "compensation_state": row.compensation_state,
        "compensation_error": row.compensation_error,
    }


def to_dict(run: RunRow, step_rows: list[RunStepRow]) -> dict[str, Any]:
    done = sum(1 for s in step_rows if s.state in ("succeeded", "skipped"))
    return {
        "id": run.id,
        "tenant_id": run.tenant_id,
        "plan_id": run.plan_id,
        "plan_version": run.plan_version,
        "plan_name": run.plan_name,
        "state": run.state,
        "risk": run.risk,
        "current_step": run.current_step,
        "progress": {"done": done, "total": len(step_rows)},
        "steps": [step_dict(s) for s in step_rows],
        "reason": run.reason,
        "inputs": dict(run.inputs or {}),
        "job_id": run.job_id,
        "created_by": run.created_by,
        "created_at": run.created_at,
        "started_at": run.started_at,
        "finished_at": run.finished_at,
        "cancel_requested": run.cancel_requested,
        "recoveries": run.recoveries,
        "error": run.error,
        "evidence_pack_id": run.evidence_pack_id,
    }


def list_page(
    session: Session,
    tenant_id: str,
    *,
    after: str | None,
    limit: int,
    plan_id: str | None = None,
    state: str | None = None,
) -> list[RunRow]:
    if state is not None and state not in RUN_STATES:
        raise errors.invalid_argument(
            f"Unknown run state '{state}'.",
            [errors.FieldError("state", f"must be one of {', '.join(RUN_STATES)}")],
        )
    query = tenant_select(RunRow, tenant_id)
    if plan_id:
        query = query.where(RunRow.plan_id == plan_id)
    if state:
        query = query.where(RunRow.state == state)
    if after:
        query = query.where(RunRow.id < after)
    return list(session.scalars(query.order_by(RunRow.id.desc()).limit(limit)))


def append_error(step: RunStepRow, attempt: int, message: str, at: datetime) -> None:
    entry = {"attempt": attempt, "message": message[:2000], "at": at.isoformat().replace("+00:00", "Z")}
    step.errors = [*(step.errors or []), entry][-MAX_ERRORS_KEPT:]


def heartbeat(session: Session, tenant_id: str, run_id: str, owner: str) -> bool:
    """Refresh the lease; False when another worker holds it now."""
    result = session.execute(
        update(RunRow)
        .where(RunRow.tenant_id == tenant_id, RunRow.id == run_id, RunRow.lease_owner == owner)
        .values(heartbeat_at=utcnow())
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]
