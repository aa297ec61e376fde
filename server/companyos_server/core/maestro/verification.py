"""Post-action verification: did the remediation help? SLO burn-down and error-budget delta per service.

Affected services are the run's targets (``service.*`` steps, and ``service_id`` of rollbacks). The SLI
data is ``sli_samples`` (good of total per bucket). For each service, over the window ``[since, until]``
(default: an hour before the run started until now), split at ``action_at`` (when the run finished, else
when it started):

- ``before`` / ``after``: good, total, error rate and burn rate (error rate ÷ allowed error rate, where the
  allowed rate is ``1 - objective``; the objective is the service's SLO, else 99.9 %);
- ``burn_down``: up to 24 buckets with the cumulative budget remaining over the window,
  ``1 - cumulative_bad / (cumulative_total * (1 - objective))`` (negative: overspent);
- ``error_budget``: remaining at ``action_at`` and at ``until``, and ``delta`` (end - action: negative
  means budget was still being consumed after the action);
- ``verdict``: improved / unchanged / degraded (burn rate after vs before, ±20 %), or null without data.

A service with no samples in the window says so explicitly: ``{"state": "no_data", ...}``. The handoff
checklist is the linked incident's runbook checklist (incident ids from ``incident.task`` steps and the
run's ``inputs.incident_id``) when the incidents domain is installed, else the run's own handoff list.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from companyos_server import errors
from companyos_server.core.maestro import actions, runs
from companyos_server.core.maestro.models import SERVICE_WIDE, PlanVersionRow, SliSampleRow
from companyos_server.domains.slos import budget
from companyos_server.platform.storage import Database, new_id, tenant_select, utcnow

DEFAULT_LOOKBACK = timedelta(hours=1)
MAX_BUCKETS = 24


def record_samples(
    db: Database, tenant_id: str, service_id: str, samples: list[tuple[datetime, int, int]]
) -> int:
    """Store (ts, good, total) samples for a service; returns how many were written."""
    with db.session() as session:
        for ts, good, total in samples:
            if not 0 <= good <= total:
                raise errors.invalid_argument("an SLI sample needs 0 <= good <= total")
            session.add(
                SliSampleRow(
                    id=new_id("sli"),
                    tenant_id=tenant_id,
                    service_ref=service_id,
                    ts=ts,
                    good=good,
                    total=total,
                )
            )
    return len(samples)


def _samples(
    session: Session, tenant_id: str, service_id: str, since: datetime, until: datetime
) -> list[SliSampleRow]:
    query = tenant_select(SliSampleRow, tenant_id).where(
        SliSampleRow.service_ref == service_id,
        SliSampleRow.ts >= since,
        SliSampleRow.ts <= until,
        SERVICE_WIDE,
    )
    return list(session.scalars(query.order_by(SliSampleRow.ts)))


def _objective(session: Session, tenant_id: str, service_id: str) -> tuple[budget.Objective, str]:
    try:
        from companyos_server.domains.alerts import services_ref
    except ImportError:  # pragma: no cover - the alerts domain ships with the server
        return budget.objective_or_default(None)
    ref = services_ref.by_id(session, tenant_id, service_id)
    if ref is None:
        return budget.objective_or_default(None)
    return budget.objective_or_default(ref.slo_objective, ref.slo_window_days)


def _side(rows: list[SliSampleRow], objective: budget.Objective) -> dict[str, Any]:
    good, total = sum(r.good for r in rows), sum(r.total for r in rows)
    burn = budget.burn_rate(total - good, total, objective)
    if burn is None:
        return {"good": 0, "total": 0, "error_rate": None, "burn_rate": None}
    rate = (total - good) / total
    return {"good": good, "total": total, "error_rate": round(rate, 6), "burn_rate": round(burn, 4)}


def service_report(
    session: Session, tenant_id: str, service_id: str, since: datetime, until: datetime, action_at: datetime
) -> dict[str, Any]:
    objective, source = _objective(session, tenant_id, service_id)
    rows = _samples(session, tenant_id, service_id, since, until)
    base = {
        "service_id": service_id,
        "objective": round(objective.percent / 100.0, 8),
        "objective_source": source,
    }
    if not rows:
        return {**base, "state": "no_data", "message": "No SLI samples for this service in the window."}
    before = [r for r in rows if r.ts < action_at]
    after = [r for r in rows if r.ts >= action_at]
    span = (until - since) / MAX_BUCKETS
    buckets: list[dict[str, Any]] = []
    cum_bad = cum_total = 0
    for i in range(MAX_BUCKETS):
        start, end = since + span * i, since + span * (i + 1)
        inside = [r for r in rows if start <= r.ts < end or (i == MAX_BUCKETS - 1 and r.ts == until)]
        if not inside:
            continue
        good, total = sum(r.good for r in inside), sum(r.total for r in inside)
        cum_bad, cum_total = cum_bad + total - good, cum_total + total
        buckets.append(
            {
                "at": end,
                "good": good,
                "total": total,
                "error_rate": round((total - good) / total, 6) if total else None,
                "budget_remaining": budget.remaining_from_counts(cum_bad, cum_total, objective),
            }
        )
    b_bad = sum(r.total - r.good for r in before)
    b_total = sum(r.total for r in before)
    at_action = budget.remaining_from_counts(b_bad, b_total, objective)
    at_end = budget.remaining_from_counts(cum_bad, cum_total, objective)
    side_before, side_after = _side(before, objective), _side(after, objective)
    verdict: str | None = None
    if side_before["burn_rate"] is not None and side_after["burn_rate"] is not None:
        ratio_base = max(side_before["burn_rate"], 1e-9)
        ratio = side_after["burn_rate"] / ratio_base
        verdict = "improved" if ratio < 0.8 else "degraded" if ratio > 1.2 else "unchanged"
    return {
        **base,
        "state": "ok",
        "before": side_before,
        "after": side_after,
        "error_budget": {
            "remaining_at_action": at_action,
            "remaining_at_end": at_end,
            "delta": round(at_end - at_action, 4) if at_action is not None and at_end is not None else None,
        },
        "burn_down": buckets,
        "verdict": verdict,
    }


def affected_services(plan_steps: list[dict[str, Any]]) -> list[str]:
    found: list[str] = []
    for step in plan_steps:
        params = step.get("parameters", {})
        action = actions.get(step.get("action", ""))
        if (action is not None and action.target_kind == "service") or params.get("service_id"):
            found.append(str(params["service_id"]))
    return list(dict.fromkeys(found))


def _incident_checklist(session: Session, tenant_id: str, incident_ids: list[str]) -> dict[str, Any] | None:
    try:
        from companyos_server.domains.incidents import store as incidents_store
    except ImportError:
        return None
    for incident_id in incident_ids:
        if incidents_store.get(session, tenant_id, incident_id) is None:
            continue
        items = [
            {
                "id": item.id,
                "text": item.text,
                "done": bool(item.checked),
                "done_by": item.checked_by,
                "done_at": item.checked_at,
            }
            for item in incidents_store.checklist(session, tenant_id, incident_id)
        ]
        return {"source": "incident", "incident_id": incident_id, "items": items}
    return None


def _run_handoff(
    run: dict[str, Any], plan_steps: list[dict[str, Any]], services: list[str]
) -> dict[str, Any]:
    states = {s["id"]: s for s in run["steps"]}
    items = []
    for step in plan_steps:
        action = actions.get(step["action"])
        if action is None or action.effect is None:
            continue
        state = states.get(step["id"], {}).get("state")
        items.append(
            {
                "id": f"step:{step['id']}",
                "text": f"Confirm: {action.summary(step['parameters'])}",
                "done": state == "succeeded",
                "done_by": run["created_by"] if state == "succeeded" else None,
                "done_at": states.get(step["id"], {}).get("finished_at") if state == "succeeded" else None,
            }
        )
    for service_id in services:
        items.append(
            {
                "id": f"slo:{service_id}",
                "text": f"Watch {service_id}'s SLO burn rate",
                "done": False,
                "done_by": None,
                "done_at": None,
            }
        )
    items.append(
        {
            "id": "evidence",
            "text": "Attach the run's evidence pack to the handoff notes",
            "done": bool(run.get("evidence_pack_id")),
            "done_by": None,
            "done_at": None,
        }
    )
    return {"source": "run", "incident_id": None, "items": items}


def verify(
    db: Database, tenant_id: str, run_id: str, *, since: datetime | None = None, until: datetime | None = None
) -> dict[str, Any]:
    if since is not None and until is not None and since > until:
        raise errors.invalid_argument(
            "since must not be after until.", [errors.FieldError("since", "must not be after until")]
        )
    with db.session() as session:
        row = runs.get(session, tenant_id, run_id)
        run = runs.to_dict(row, runs.steps(session, tenant_id, run_id))
        plan = session.scalars(
            tenant_select(PlanVersionRow, tenant_id).where(
                PlanVersionRow.plan_id == row.plan_id, PlanVersionRow.version == row.plan_version
            )
        ).one()
        started = row.started_at or row.created_at
        action_at = row.finished_at or started
        until = until or max(utcnow(), action_at)
        since = since or started - DEFAULT_LOOKBACK
        services = affected_services(plan.steps)
        reports = [service_report(session, tenant_id, s, since, until, action_at) for s in services]
        incident_ids = [
            str(s["parameters"]["incident_id"]) for s in plan.steps if s["action"] == "incident.task"
        ]
        if isinstance(row.inputs, dict) and isinstance(row.inputs.get("incident_id"), str):
            incident_ids.insert(0, row.inputs["incident_id"])
        checklist = _incident_checklist(session, tenant_id, incident_ids) or _run_handoff(
            run, plan.steps, services
        )
    has_data = any(r["state"] == "ok" for r in reports)
    return {
        "run_id": run_id,
        "run_state": run["state"],
        "state": "ok" if has_data else "no_data",
        "window": {"since": since, "until": until, "action_at": action_at},
        "services": reports,
        "checklist": checklist,
    }
