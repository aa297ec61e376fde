"""Rollout requests: a flag rolled out to a tenant's environment in stages, approved, gated, reversible.

Like a policy exception, a request is made by one principal and approved by another (self-approval is
refused; approving a production rollout needs a person with a recent multi-factor sign-in, since the
approval carries every later stage). Approval writes the stages as a Maestro plan (a ``flag.toggle`` with
the stage's ``percentage`` per stage, each compensated by turning the flag off, then a ``complete`` step)
and starts a *stepped* Maestro run of it, which the rollout carries out: each stage is the run's next
step, executed by Maestro's executor (durable, idempotent, audited, with an evidence pack at the end)
once the previous stage has baked and the gates pass; a rollback cancels the run, so Maestro compensates
the stages applied; completion runs the ``complete`` step. Deterministic bucketing means raising the
percentage only adds contexts.

``advance`` runs the next stage by hand (409 while the previous stage bakes). A rollout with
``auto_advance`` (the default) needs no one to call it: the scheduler (:mod:`.scheduler`) steps it once
the bake time is over, and while a stage bakes it evaluates the gates on every pass, so a failing gate
rolls the flag back mid-bake rather than at the next stage.

Each step first makes Maestro do the work (idempotent: "through stage 2" twice applies it once; a rollback
twice compensates once), then records it on the rollout by claiming the row's revision, so of two
workers stepping the same state one records it. A step that finds the run ahead of the rollout (a worker
died between the two) records what the run did.

Gates: ``slo`` (each named service's SLO analysis: no Workbook burn-rate rule firing and budget left),
``security`` (SecOps posture: no open critical security alert) and ``residency`` (the tenant's residency
posture is compliant). A ``not_available``
gate blocks like a failure unless the request explicitly waives it; it never passes silently.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import Session

from companyos_server import errors
from companyos_server.domains.features import store
from companyos_server.domains.features.store import RolloutRow
from companyos_server.domains.tenant_config import flags as tenant_flags
from companyos_server.domains.tenant_config import store as flag_store
from companyos_server.platform.pagination import Page, paginate
from companyos_server.platform.principal import TenantContext
from companyos_server.platform.stepup import require_recent_mfa
from companyos_server.platform.storage import Database, new_id, utcnow

PENDING, APPROVED, REJECTED, RUNNING, COMPLETED, ROLLED_BACK = (
    "pending_approval",
    "approved",
    "rejected",
    "running",
    "completed",
    "rolled_back",
)
GATE_NAMES = ("slo", "security", "residency")

Gate = Callable[[Database, TenantContext, RolloutRow], dict[str, Any]]


def _slo_gate(db: Database, ctx: TenantContext, row: RolloutRow) -> dict[str, Any]:
    from companyos_server.domains.slos import analysis

    services = list((row.gates or {}).get("slo_services") or [])
    if not services:
        return {"gate": "slo", "status": "not_available", "detail": "No services named for the SLO gate."}
    problems, missing = [], []
    isolated = _isolated(db, ctx.tenant_id, services)
    for service_id in services:
        if service_id in isolated:  # a security playbook froze it: no rollout proceeds on it
            problems.append(f"{service_id}: isolated ({isolated[service_id]})")
            continue
        try:
            result = analysis.analyze(db, ctx, service_id, days=1)
        except errors.DomainError as exc:
            missing.append(f"{service_id}: {exc.detail}")
            continue
        if result["state"] != "ok":
            missing.append(f"{service_id}: no SLI data in the last day")
            continue
        firing = [p["name"] for p in result["policy"] if p["firing"]]
        remaining = result["budget_remaining"]
        if firing:
            problems.append(f"{service_id}: burn-rate rule(s) firing: {', '.join(firing)}")
        elif remaining is not None and remaining <= 0:
            problems.append(f"{service_id}: error budget exhausted ({remaining:.1%} left)")
    if problems:
        return {"gate": "slo", "status": "fail", "detail": "; ".join(problems + missing)}
    if missing:
        return {"gate": "slo", "status": "not_available", "detail": "; ".join(missing)}
    return {"gate": "slo", "status": "pass", "detail": f"SLOs healthy for {', '.join(services)}."}


def _isolated(db: Database, tenant_id: str, service_ids: list[str]) -> dict[str, str]:
    from companyos_server.domains.services import store as services

    with db.session() as session:
        return {
            row.id: row.isolation_reason or "security playbook"
            for row in services.get_many(session, tenant_id, service_ids).values()
            if row.isolated_at is not None
        }


def _security_gate(db: Database, ctx: TenantContext, row: RolloutRow) -> dict[str, Any]:
    from companyos_server.domains.secops.posture import security_posture

    result = security_posture(db, ctx)
    return {"gate": "security", "status": "pass" if result["ok"] else "fail", "detail": result["detail"]}


def _residency_gate(db: Database, ctx: TenantContext, row: RolloutRow) -> dict[str, Any]:
    from companyos_server.domains.tenant_config import residency

    posture = residency.posture(db, ctx)
    if posture["compliant"]:
        return {
            "gate": "residency",
            "status": "pass",
            "detail": f"Residency {posture['residency']}: compliant.",
        }
    details = "; ".join(v["detail"] for v in posture["violations"][:5])
    return {"gate": "residency", "status": "fail", "detail": f"Residency violations: {details}"}


GATES: dict[str, Gate] = {"slo": _slo_gate, "security": _security_gate, "residency": _residency_gate}


def to_dict(row: RolloutRow) -> dict[str, Any]:
    history = list(row.history or [])
    return {
        "id": row.id,
        "tenant_id": row.tenant_id,
        "flag_key": row.flag_key,
        "environment": row.environment,
        "stages": list(row.stages or []),
        "bake_seconds": row.bake_seconds,
        "gates": dict(row.gates or {}),
        "requester": row.requester,
        "reason": row.reason,
        "status": row.status,
        "approvals": list(row.approvals or []),
        "current_percentage": row.current_percentage,
        "history": history,
        "plan_id": (row.plan or {}).get("plan_id"),
        "run_id": (row.plan or {}).get("run_id"),
        "auto_advance": bool(row.auto_advance),
        "next_stage_at": row.next_stage_at if row.status in (APPROVED, RUNNING) else None,
        "created_at": row.created_at,
        "updated_at": row.updated_at,
    }


def _require(session: Any, tenant_id: str, rollout_id: str) -> RolloutRow:
    row = store.get_rollout(session, tenant_id, rollout_id)
    if row is None:
        raise errors.not_found("Rollout", rollout_id)
    return row


def create_rollout(db: Database, ctx: TenantContext, body: dict[str, Any]) -> dict[str, Any]:
    # Stages are a set of percentages taken in rising order; a rollout always ends fully rolled out.
    stages = sorted(set(body.get("stages") or [10, 50, 100]))
    if stages[-1] != 100:
        stages.append(100)
    with db.session() as session:
        if flag_store.get_flag(session, ctx.tenant_id, body["flag_key"]) is None:
            raise errors.not_found("Flag", body["flag_key"])
        now = utcnow()
        gates = body.get("gates") or {}
        row = RolloutRow(
            id=new_id("rol"),
            tenant_id=ctx.tenant_id,
            flag_key=body["flag_key"],
            environment=body["environment"],
            stages=stages,
            bake_seconds=int(body.get("bake_seconds", 3600)),
            gates={
                "slo_services": list(gates.get("slo_services", [])),
                "checks": list(gates.get("checks", list(GATE_NAMES))),
                "waive": list(gates.get("waive", [])),
            },
            requester=ctx.principal.subject,
            reason=body.get("reason", ""),
            status=PENDING,
            approvals=[],
            current_percentage=0,
            history=[{"at": now.isoformat(), "event": "requested", "actor": ctx.principal.subject}],
            plan={},
            auto_advance=bool(body.get("auto_advance", True)),
            created_at=now,
            updated_at=now,
        )
        session.add(row)
        session.flush()
        return to_dict(row)


COMPLETE_STEP = "complete"
# A transient failure (a locked database, a timeout) is retried within the step (and its compensation)
# before the stage counts as failed and the run compensates.
STAGE_RETRIES = {"max_attempts": 3, "base_delay": 0.5, "max_delay": 2}


def _stage_step(row: RolloutRow, percentage: int) -> str:
    return f"stage-{list(row.stages).index(percentage) + 1}"


def _plan_definition(row: RolloutRow) -> dict[str, Any]:
    rollback = {
        "action": "flag.toggle",
        "parameters": {"flag": row.flag_key, "enabled": False, "environment": row.environment},
    }
    steps: list[dict[str, Any]] = []
    for percentage in row.stages:
        params: dict[str, Any] = {"flag": row.flag_key, "enabled": True, "environment": row.environment}
        if percentage < 100:
            params["percentage"] = percentage
        steps.append(
            {"id": _stage_step(row, percentage), "action": "flag.toggle", "parameters": params,
             "compensation": rollback, "retries": STAGE_RETRIES}
        )  # fmt: skip
    steps.append({"id": COMPLETE_STEP, "action": "wait", "parameters": {"seconds": 0}})
    return {
        "name": f"Rollout {row.flag_key} in {row.environment} ({row.id})",
        "description": (
            f"Staged rollout {' → '.join(f'{p} %' for p in row.stages)}, carried out by rollout {row.id}: "
            f"each stage bakes {row.bake_seconds} s with its gates watched before the next one runs."
        ),
        "steps": steps,
    }


def _start_run(ctx: TenantContext, row: RolloutRow) -> dict[str, Any]:
    """The rollout's plan and its stepped run (``row.plan``); for a rollout approved before rollouts ran as
    Maestro runs, the run is first brought to the stage the rollout had reached."""
    from companyos_server.platform.runtime import get_runtime

    maestro = get_runtime().maestro
    plan = maestro.create_plan(ctx.tenant_id, _plan_definition(row), ctx.principal.subject)
    run = maestro.start_stepped_run(
        ctx.tenant_id, plan["id"], actor=ctx.principal.subject, actor_kind=ctx.principal.kind,
        reason=f"Rollout {row.id}: flag {row.flag_key} in {row.environment}", inputs={"rollout_id": row.id},
    )  # fmt: skip
    if row.current_percentage:
        maestro.advance_run(ctx.tenant_id, run["id"], through=_stage_step(row, row.current_percentage))
    return {"plan_id": plan["id"], "version": plan.get("version"), "run_id": run["id"]}


def approve_rollout(
    db: Database, ctx: TenantContext, rollout_id: str, body: dict[str, Any]
) -> dict[str, Any]:
    def check(row: RolloutRow) -> None:
        if row.status != PENDING:
            raise errors.failed_precondition(f"Rollout {row.id} is {row.status}, not awaiting approval.")
        if ctx.principal.subject == row.requester:
            raise errors.permission_denied(
                "The requester of a rollout may not approve it.", ["self-approval is refused"]
            )
        if row.environment == "production":
            require_recent_mfa(ctx.principal, f"Approving production rollout {row.id}")

    with db.session() as session:
        row = _require(session, ctx.tenant_id, rollout_id)
        check(row)
        session.expunge(row)
    # The plan and its run exist before the rollout says approved, and both are written in one
    # transaction: a scheduler pass never finds an approved rollout without its run.
    seen = _snapshot(row)
    plan = _start_run(ctx, row)
    try:
        return _record_approval(db, ctx, rollout_id, body, plan, seen, check)
    except Exception:
        # Decided meanwhile by someone else (their decision stands), or not stored: the run that was
        # started for this approval never ran a step, and is cancelled.
        _maestro().roll_back_run(ctx.tenant_id, plan["run_id"], ctx.principal.subject)
        raise


def _record_approval(
    db: Database, ctx: TenantContext, rollout_id: str, body: dict[str, Any], plan: dict[str, Any],
    seen: tuple[str, int, int, int], check: Callable[[RolloutRow], None],
) -> dict[str, Any]:  # fmt: skip
    with db.session() as session:
        row = _require(session, ctx.tenant_id, rollout_id)
        check(row)
        if not _claim(session, row, seen):  # two approvers at once: the first one's approval stands
            raise errors.failed_precondition(f"Rollout {row.id} was decided meanwhile; reload it.")
        now = utcnow()
        row.approvals = [
            *(row.approvals or []),
            {"approver": ctx.principal.subject, "at": now.isoformat(), "comment": body.get("comment", "")},
        ]
        row.status, row.plan = APPROVED, plan
        row.next_stage_at = now
        row.history = [
            *(row.history or []),
            {"at": now.isoformat(), "event": "approved", "actor": ctx.principal.subject},
        ]
        row.updated_at = now
        return to_dict(row)


def reject_rollout(db: Database, ctx: TenantContext, rollout_id: str, body: dict[str, Any]) -> dict[str, Any]:
    with db.session() as session:
        row = _require(session, ctx.tenant_id, rollout_id)
        if row.status != PENDING:
            raise errors.failed_precondition(f"Rollout {row.id} is {row.status}, not awaiting approval.")
        now = utcnow()
        row.status = REJECTED
        row.revision = (row.revision or 0) + 1
        row.history = [
            *(row.history or []),
            {
                "at": now.isoformat(),
                "event": "rejected",
                "actor": ctx.principal.subject,
                "detail": body.get("comment", ""),
            },
        ]
        row.updated_at = now
        return to_dict(row)


def evaluate_gates(db: Database, ctx: TenantContext, row: RolloutRow) -> list[dict[str, Any]]:
    checks = (row.gates or {}).get("checks") or list(GATE_NAMES)
    waived = set((row.gates or {}).get("waive") or [])
    results = []
    for name in checks:
        result = GATES[name](db, ctx, row)
        if result["status"] == "not_available" and name in waived:
            result = {**result, "waived": True}
        results.append(result)
    return results


def _blocking(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        r
        for r in results
        if r["status"] == "fail" or (r["status"] == "not_available" and not r.get("waived"))
    ]


def advance_rollout(db: Database, ctx: TenantContext, rollout_id: str) -> dict[str, Any]:
    """Run the next stage (gates first); a blocking gate after a stage was applied rolls back."""
    return step(db, ctx, rollout_id, scheduled=False)[0]


def _bake_until(row: RolloutRow) -> datetime | None:
    if row.current_percentage == 0:
        return None
    if row.next_stage_at is not None:
        return row.next_stage_at
    # Rows from before next_stage_at: the last stage's time plus the bake.
    last = next((h for h in reversed(row.history or []) if h["event"] == "stage"), None)
    return None if last is None else datetime.fromisoformat(last["at"]) + timedelta(seconds=row.bake_seconds)


def _snapshot(row: RolloutRow) -> tuple[str, int, int, int]:
    return (row.status, row.current_percentage, len(row.history or []), row.revision or 0)


Recorder = Callable[[Session, dict[str, Any], str], None]


def step(
    db: Database,
    ctx: TenantContext,
    rollout_id: str,
    *,
    scheduled: bool,
    now: datetime | None = None,
    on_change: Recorder | None = None,
) -> tuple[dict[str, Any], str | None]:
    """One step of a rollout and the event it recorded (None when nothing changed).

    By hand (``scheduled=False``) a baking stage is a 409. Scheduled, a baking stage is watched: the
    gates run and a blocking one rolls back; a rollout blocked before its first stage records the block
    once, not on every pass. Maestro carries the change out first (idempotently), then the step claims
    the row by moving its ``revision`` from the one it decided on (a conditional UPDATE, which serialises
    on SQLite as on PostgreSQL) and records it, so whoever steps second on the same state records
    nothing. ``on_change`` runs in the recording transaction (the scheduler's audit event commits with
    it).
    """
    now = now or utcnow()
    with db.session() as session:
        row = _require(session, ctx.tenant_id, rollout_id)
        if row.status not in (APPROVED, RUNNING):
            if scheduled:
                return to_dict(row), None
            raise errors.failed_precondition(
                f"Rollout {row.id} is {row.status}: only an approved rollout advances."
            )
        bake_until = _bake_until(row)
        baking = bake_until is not None and now < bake_until
        if bake_until is not None and baking and not scheduled:
            raise errors.failed_precondition(
                f"Stage {row.current_percentage} % bakes until {bake_until.isoformat()}; advance after that."
            )
        seen = _snapshot(row)
        session.expunge(row)
    if not (row.plan or {}).get("run_id"):  # approved before rollouts ran as Maestro runs
        with db.session() as session:  # one worker creates its run: the one that claims the row
            stored = _require(session, ctx.tenant_id, rollout_id)
            if _snapshot(stored) != seen or not _claim(session, stored, seen):
                return to_dict(stored), None
            seen = _snapshot(stored)
        created = _start_run(ctx, row)
        with db.session() as session:
            stored = _require(session, ctx.tenant_id, rollout_id)
            stored.plan = created
        row.plan = created
    run = _maestro().get_run(ctx.tenant_id, row.plan["run_id"])
    results: list[dict[str, Any]] = []
    event, detail = _run_ahead(row, run)
    if event is None:
        results = evaluate_gates(db, ctx, row)
        event = _next_event(row, results, baking=baking, scheduled=scheduled)
        if event is not None:
            event, detail = _carry_out(ctx, row, run, event)
        if event is None:
            return to_dict(row), None
    with db.session() as session:
        found = _require(session, ctx.tenant_id, rollout_id)
        if _snapshot(found) != seen or not _claim(session, found, seen):
            return to_dict(found), None
        entry: dict[str, Any] = {"event": event, "run_id": row.plan["run_id"], **detail}
        if event != "completed":
            entry.setdefault("percentage", found.current_percentage)
        if results:
            entry["gates"] = results
        _record(found, now, entry)
        if event == "rolled_back":
            if detail.get("compensation_failed"):
                # Maestro could not turn the flag off: the rollout does, rather than say rolled back
                # with the flag on.
                tenant_flags.toggle_for_run(
                    session, ctx.tenant_id, found.flag_key, False, found.environment, row.plan["run_id"]
                )
            found.status, found.current_percentage, found.next_stage_at = ROLLED_BACK, 0, None
        elif event == "completed":
            found.status, found.next_stage_at = COMPLETED, None
        elif event == "stage":
            found.current_percentage, found.status = entry["percentage"], RUNNING
            found.next_stage_at = now + timedelta(seconds=found.bake_seconds)
        result = to_dict(found)
        if on_change is not None:
            session.flush()
            on_change(session, result, event)
        return result, event


def _maestro() -> Any:
    from companyos_server.platform.runtime import get_runtime

    return get_runtime().maestro


def _applied(row: RolloutRow, run: dict[str, Any]) -> int:
    """The percentage the run has applied: its last succeeded stage step's."""
    done = {s["id"] for s in run["steps"] if s["state"] == "succeeded"}
    return max((p for p in row.stages if _stage_step(row, p) in done), default=0)


def _run_ahead(row: RolloutRow, run: dict[str, Any]) -> tuple[str | None, dict[str, Any]]:
    """What the run did that the rollout has not recorded (its recorder died, or someone cancelled the
    run in Maestro): a rollback, the completion, or a stage."""
    if run["state"] in ENDED_BADLY:
        return "rolled_back", {"detail": f"The Maestro run ended {run['state']}.", **_run_outcome(run)}
    if run["state"] == "succeeded":
        return "completed", {}
    applied = _applied(row, run)
    if applied > row.current_percentage:
        return "stage", {"percentage": applied}
    return None, {}


ENDED_BADLY = ("cancelled", "compensated", "failed")


def _run_outcome(run: dict[str, Any]) -> dict[str, Any]:
    failed = [s["id"] for s in run["steps"] if s.get("compensation_state") == "failed"]
    return {"run_state": run["state"], **({"compensation_failed": failed} if failed else {})}


def _carry_out(
    ctx: TenantContext, row: RolloutRow, run: dict[str, Any], event: str
) -> tuple[str | None, dict[str, Any]]:
    """Maestro executes the event (a blocked rollout changes nothing), and the event recorded is what the
    run then shows, not what was asked: a stage whose step failed for good left the run compensated (a
    rollback); a run that ended meanwhile is recorded as it ended; a run still busy with someone else's
    step records nothing (the next step looks again)."""
    if event == "blocked":
        return event, {}
    maestro, run_id = _maestro(), run["id"]
    percentage = 0
    if event == "stage":
        percentage = min(p for p in row.stages if p > row.current_percentage)
        after = maestro.advance_run(ctx.tenant_id, run_id, through=_stage_step(row, percentage))
    elif event == "rolled_back":
        after = maestro.roll_back_run(ctx.tenant_id, run_id, ctx.principal.subject)
    else:
        after = maestro.advance_run(ctx.tenant_id, run_id, through=COMPLETE_STEP)
    if after["state"] in ENDED_BADLY:
        failed = next((s for s in after["steps"] if s["state"] == "failed" and s["errors"]), None)
        detail = _run_outcome(after)
        if event == "stage" and failed:
            detail["detail"] = (
                f"Stage {percentage} % failed in Maestro: {failed['errors'][-1].get('message', '')}"
            )
        return "rolled_back", detail
    if after["state"] == "succeeded":
        return "completed", {}
    if event == "stage" and _applied(row, after) >= percentage:
        return "stage", {"percentage": percentage}
    return None, {}


def _next_event(
    row: RolloutRow, results: list[dict[str, Any]], *, baking: bool, scheduled: bool
) -> str | None:
    """What this step does: roll back, (record a) block, nothing while healthy and baking, complete, stage."""
    if _blocking(results):
        if row.current_percentage > 0:
            return "rolled_back"
        last = (row.history or [{}])[-1]
        repeated = last.get("event") == "blocked" and _statuses(last.get("gates")) == _statuses(results)
        return None if scheduled and repeated else "blocked"
    if baking:
        return None
    return "stage" if any(p > row.current_percentage for p in row.stages) else "completed"


def _claim(session: Session, row: RolloutRow, seen: tuple[str, int, int, int]) -> bool:
    revision = seen[-1]
    claimed = session.execute(
        update(RolloutRow)
        .where(
            RolloutRow.tenant_id == row.tenant_id, RolloutRow.id == row.id, RolloutRow.revision == revision
        )
        .values(revision=revision + 1)
        .execution_options(synchronize_session=False)
    )
    if int(getattr(claimed, "rowcount", 0) or 0) != 1:
        return False
    session.refresh(row)
    return _snapshot(row) == (*seen[:3], revision + 1)


def _statuses(results: list[dict[str, Any]] | None) -> list[tuple[str, str]]:
    return [(r["gate"], r["status"]) for r in results or []]


def _record(row: RolloutRow, now: datetime, event: dict[str, Any]) -> None:
    row.history = [*(row.history or []), {"at": now.isoformat(), **event}]
    row.updated_at = now


def get_rollout(db: Database, ctx: TenantContext, rollout_id: str) -> dict[str, Any]:
    with db.session() as session:
        return to_dict(_require(session, ctx.tenant_id, rollout_id))


def list_rollouts(
    db: Database, ctx: TenantContext, *, page_size: int | None = None, page_token: str | None = None
) -> Page[dict[str, Any]]:
    with db.session() as session:
        page = paginate(
            lambda after, limit: store.rollouts_page(session, ctx.tenant_id, after=after, limit=limit),
            key=lambda r: r.id,
            page_size=page_size,
            page_token=page_token,
            filters={},
        )
        return Page([to_dict(r) for r in page.items], page.next_page_token)
