"""The doctor over a stored service: every SLO analysed on the same history, recommendations, follow-ups.

:func:`diagnose` is pure (arrays in, dict out) so the report job, the API and the benchmark share it;
the other functions read and write the database.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import numpy as np
import numpy.typing as npt
from sqlalchemy import select
from sqlalchemy.orm import Session

from companyos_server import errors
from companyos_server.core.maestro.models import PlanRow
from companyos_server.domains.alerts import occurrences
from companyos_server.domains.services import store as services_store
from companyos_server.domains.slos import (
    attribution,
    budget,
    capacity,
    doctor,
    history,
    observed,
    quality,
    regressions,
    service,
    store,
)
from companyos_server.domains.slos.store import FollowUpRow
from companyos_server.platform.pagination import Page, paginate
from companyos_server.platform.principal import TenantContext
from companyos_server.platform.storage import Database, new_id, tenant_select, utcnow

DEFAULT_DAYS = 30
MAX_DAYS = 30
MAX_UPSTREAMS = 20  # direct dependencies read for the attribution; a service rarely has more


def _days(days: int) -> int:
    if not 1 <= days <= MAX_DAYS:
        raise errors.invalid_argument(
            f"days must be between 1 and {MAX_DAYS}.", [errors.FieldError("days", f"must be 1 to {MAX_DAYS}")]
        )
    return days


def rollback_plans(session: Session, tenant_id: str, deployment_ids: set[str]) -> dict[str, str]:
    """For each of these deployments, the tenant's newest Maestro plan whose ``deployment.rollback`` step
    rolls back that very deployment: a plan for another service's (or another release's) would undo the
    wrong thing."""
    found: dict[str, str] = {}
    if not deployment_ids:
        return found
    plans = session.execute(
        select(PlanRow.id, PlanRow.steps).where(PlanRow.tenant_id == tenant_id).order_by(PlanRow.id.desc())
    ).all()
    for plan_id, steps in plans:
        for step in steps or []:
            target = ((step or {}).get("parameters") or {}).get("deployment_id")
            if (step or {}).get("action") == "deployment.rollback" and target in deployment_ids:
                found.setdefault(str(target), str(plan_id))
    return found


def diagnose_slo(
    slo: dict[str, Any],
    hist: history.History,
    context: doctor.Context,
    upstream_bad: dict[str, npt.NDArray[np.bool_]] | None = None,
    fired: dict[str, npt.NDArray[np.bool_]] | None = None,
    incidents: list[observed.IncidentSpan] | None = None,
) -> dict[str, Any]:
    """One SLO over the history: budget, burn rates now, burns, regressions, alert quality (of its declared
    page rules together and each alone, replayed, and of the alerts that fired, ``fired``), the share of its
    bad minutes its upstreams explain, load sensitivity, recommendations."""
    raw_good, raw_total, source = hist.series_for(slo.get("indicator") or {})
    good, total = service.budgeted_series(slo, raw_good, raw_total)
    objective = service.objective(slo)
    load = (
        capacity.load_sensitivity(good, total, objective)
        if slo.get("budgeting_method") != "timeslices"
        else None
    )
    events = int(total.sum())
    bad = int((total - good).sum())
    found = regressions.regressions(good, total, objective, hist.deploys) if events else []
    burns = quality.significant_burns(good, total, objective) if events else []
    current = doctor.to_rules(slo.get("alerting") or [], objective)
    declared = quality.replay(good, total, objective, current) if events and current else None
    current_quality = quality.score(declared, burns) if events and declared is not None else None
    burn_now = {}
    for name, width in (("5m", 5), ("1h", 60), ("6h", 360), ("3d", 4320)):
        tail_t = total[-width:].sum()
        burn_now[name] = (
            round(float((tail_t - good[-width:].sum()) / tail_t / objective.allowed_error), 4)
            if tail_t
            else None
        )
    return {
        "slo": {
            k: slo.get(k) for k in ("id", "name", "sli_type", "objective", "window_days", "budgeting_method")
        },
        "sli_source": source,
        "events": events,
        "bad_events": bad,
        "budget_remaining": budget.remaining_from_counts(bad, events, objective),
        "burn_rates": burn_now,
        "significant_burns": [
            {"start": hist.at(b.start), "end": hist.at(b.end), "minutes": b.minutes} for b in burns
        ],
        "regressions": [regressions.described(r, hist.at, hist.versions) for r in found],
        "alert_quality": current_quality.as_dict() if current_quality and current else None,
        "alert_rules": [
            {
                "name": rule.name,
                **quality.score(quality.replay(good, total, objective, [rule]), burns).as_dict(),
            }
            for rule in current
        ]
        if events
        else [],
        "dependencies": (
            attribution.dependency_contribution(attribution.bad_minutes(good, total, objective), upstream_bad)
            if upstream_bad and events
            else None
        ),
        "load_sensitivity": load.as_dict() if load else None,
        "observed_alerts": observed.scores(fired, burns) if fired and events else [],
        "incidents": observed.incident_coverage(
            incidents or [], hist.since, hist.minutes, burns, fired or {}, declared
        ),
        "recommendations": doctor.recommend(
            slo,
            good,
            total,
            context,
            deploys=hist.deploys,
            versions=hist.versions,
            found_regressions=found,
            load=load,
            upstream_bad=upstream_bad if upstream_bad and events else None,
        )
        if events
        else [],
    }


def diagnose(
    session: Session, tenant_id: str, service_id: str, *, days: int, now: datetime | None = None
) -> dict[str, Any]:
    owner = service.require_service(session, tenant_id, service_id)
    now = now or utcnow()  # one instant: the service's and its upstreams' minutes must line up
    hist = history.load(session, tenant_id, service_id, days=_days(days), now=now)
    context = doctor.Context(
        tenant_id,
        service_id,
        list(owner.runbooks or []),
        rollback_plans(session, tenant_id, set(hist.versions)),
    )
    slos = service.objectives_of(session, tenant_id, owner)
    upstream_bad = _upstream_bad_minutes(session, tenant_id, service_id, days=days, now=now)
    incidents = observed.incidents_of(session, tenant_id, service_id, hist.since, hist.until)
    fired = observed.firing_masks(
        occurrences.for_service(session, tenant_id, service_id, hist.since, hist.until),
        hist.since,
        hist.minutes,
    )
    return {
        "service": {"id": owner.id, "name": owner.name, "runbooks": list(owner.runbooks or [])},
        "period": {"since": hist.since, "until": hist.until, "days": days, "minutes": hist.minutes},
        "history": hist,
        "objectives": slos,
        "hotspots": [spot.as_dict() for spot in attribution.hotspots(hist.labelled)],
        "fired": fired,
        "slos": [diagnose_slo(slo, hist, context, upstream_bad, fired, incidents) for slo in slos],
    }


def _upstream_bad_minutes(
    session: Session, tenant_id: str, service_id: str, *, days: int, now: datetime
) -> dict[str, npt.NDArray[np.bool_]]:
    """Each direct dependency's bad minutes over the same period, judged by its own first SLO: four queries
    however many dependencies (one when there are none)."""
    ids = services_store.dependencies_of(session, tenant_id, service_id)[:MAX_UPSTREAMS]
    upstreams = services_store.get_many(session, tenant_id, ids)
    if not upstreams:
        return {}
    slo_rows = store.slos_of_many(session, tenant_id, list(upstreams))
    series = history.series_of(session, tenant_id, list(upstreams), days=days, now=now)
    found: dict[str, npt.NDArray[np.bool_]] = {}
    for upstream_id, upstream in upstreams.items():
        good, total = series[upstream_id]
        if not total.any():
            continue  # no data says nothing about the upstream, so it explains nothing
        first = service.objectives_of(session, tenant_id, upstream, slo_rows[upstream_id])[0]
        good, total = service.budgeted_series(first, good, total)
        found[upstream.name] = attribution.bad_minutes(good, total, service.objective(first))
    return found


def list_recommendations(
    db: Database, ctx: TenantContext, service_id: str, *, days: int = DEFAULT_DAYS
) -> dict[str, Any]:
    with db.session() as session:
        found = diagnose(session, ctx.tenant_id, service_id, days=days)
    items = [rec for slo in found["slos"] for rec in slo["recommendations"]]
    return {"service_id": service_id, "days": days, "items": items}


def accept_recommendation(
    db: Database, ctx: TenantContext, service_id: str, recommendation_id: str, body: dict[str, Any]
) -> dict[str, Any]:
    days = int(body.get("days", DEFAULT_DAYS))
    try:
        due = date.fromisoformat(str(body["due_date"]))
    except ValueError:
        raise errors.invalid_argument(
            "due_date is not a date.", [errors.FieldError("due_date", "must be YYYY-MM-DD")]
        ) from None
    with db.session() as session:
        found = diagnose(session, ctx.tenant_id, service_id, days=days)
        match = next(
            (
                (slo, rec)
                for slo in found["slos"]
                for rec in slo["recommendations"]
                if rec["id"] == recommendation_id
            ),
            None,
        )
        if match is None:
            raise errors.not_found("Recommendation", recommendation_id)
        _, rec = match
        existing = session.scalars(
            tenant_select(FollowUpRow, ctx.tenant_id).where(
                FollowUpRow.service_id == service_id, FollowUpRow.recommendation_id == recommendation_id
            )
        ).first()
        if existing is not None:
            raise errors.already_exists("Follow-up of recommendation", recommendation_id)
        row = FollowUpRow(
            id=new_id("fup"),
            tenant_id=ctx.tenant_id,
            service_id=service_id,
            slo_id=rec.get("slo_id"),
            recommendation_id=recommendation_id,
            kind=rec["kind"],
            title=rec["title"][:300],
            owner=body["owner"],
            due_date=due.isoformat(),
            success_metric=body.get("success_metric") or rec["follow_up"]["success_metric"],
            verification=dict(rec["follow_up"]["verification"]),
            status="open",
            last_check=None,
            created_by=ctx.principal.subject,
            created_at=utcnow(),
            checked_at=None,
        )
        session.add(row)
        session.flush()
        return follow_up_dict(row)


def follow_up_dict(row: FollowUpRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "service_id": row.service_id,
        "slo_id": row.slo_id,
        "recommendation_id": row.recommendation_id,
        "kind": row.kind,
        "title": row.title,
        "owner": row.owner,
        "due_date": row.due_date,
        "success_metric": row.success_metric,
        "verification": dict(row.verification or {}),
        "status": row.status,
        "last_check": dict(row.last_check) if row.last_check else None,
        "created_by": row.created_by,
        "created_at": row.created_at,
        "checked_at": row.checked_at,
    }


def list_follow_ups(
    db: Database,
    ctx: TenantContext,
    service_id: str,
    *,
    page_size: int | None = None,
    page_token: str | None = None,
) -> Page[dict[str, Any]]:
    with db.session() as session:
        service.require_service(session, ctx.tenant_id, service_id)
        page = paginate(
            lambda after, limit: store.follow_up_page(session, ctx.tenant_id, service_id, after, limit),
            key=lambda row: row.id,
            page_size=page_size,
            page_token=page_token,
            filters={"tenant": ctx.tenant_id, "service": service_id},
        )
        return Page([follow_up_dict(row) for row in page.items], page.next_page_token)


def recheck_follow_ups(
    session: Session, tenant_id: str, service_id: str, found: dict[str, Any]
) -> list[dict[str, Any]]:
    """Re-run every follow-up's verification on the diagnosed history and record the outcome."""
    hist: history.History = found["history"]
    slos = {slo["slo"]["name"]: slo["slo"] for slo in found["slos"]}
    full = {
        s["name"]: s
        for s in service.objectives_of(
            session, tenant_id, service.require_service(session, tenant_id, service_id)
        )
    }
    now = utcnow()
    out = []
    for row in store.follow_ups_of(session, tenant_id, service_id):
        verification = row.verification or {}
        slo = full.get(str(verification.get("slo_name"))) if verification.get("slo_name") in slos else None
        good, total = service.slo_series(slo, hist) if slo else (hist.good, hist.total)
        result = doctor.check(
            verification, slo, np.asarray(good), np.asarray(total), runbooks=len(found["service"]["runbooks"])
        )
        row.last_check = {**result, "checked_at": now.isoformat().replace("+00:00", "Z")}
        row.checked_at = now
        row.status = "met" if result["result"] == "passing" else "open"
        out.append(follow_up_dict(row))
    session.flush()
    return out
