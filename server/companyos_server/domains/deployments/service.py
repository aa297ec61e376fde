"""Deployments: timelines of build → deploy → verification, the feed, rollback candidates, rollback.

Pure domain logic: no HTTP here. ``rollback_to`` is the entry point Maestro's ``deployment.rollback``
action calls inside its own session.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from companyos_server import errors
from companyos_server.domains.deployments import store
from companyos_server.domains.deployments.store import DeploymentRow
from companyos_server.domains.services import intel
from companyos_server.domains.services import store as services_store
from companyos_server.domains.services.store import ServiceRow
from companyos_server.platform.pagination import Page, paginate
from companyos_server.platform.principal import TenantContext
from companyos_server.platform.storage import Database, new_id, utcnow

STAGES = ("build", "deploy", "verification")
FINAL = ("succeeded", "failed", "rolled_back")
ALLOWED = {"pending": ("running", "succeeded", "failed"), "running": ("succeeded", "failed")}


# -- shaping -------------------------------------------------------------------------------------
def _pack_summary(tenant_id: str, pack_id: str) -> dict[str, Any] | None:
    spine = intel.evidence()
    if spine is None:
        return None
    try:
        pack = spine.get_pack(tenant_id, pack_id)
    except errors.DomainError:
        return None
    if pack is None:
        return None
    for method in ("model_dump", "to_dict", "as_dict"):
        if hasattr(pack, method):
            pack = getattr(pack, method)()
            break
    if not isinstance(pack, dict):
        return {"id": pack_id}
    summary = {
        k: v for k, v in pack.items() if isinstance(v, str | int | float | bool | datetime) or v is None
    }
    summary["id"] = pack_id
    return summary


def to_dict(row: DeploymentRow, service_name: str, *, with_evidence: bool = False) -> dict[str, Any]:
    packs: list[dict[str, Any]] = []
    if with_evidence:
        packs = [p for p in (_pack_summary(row.tenant_id, pid) for pid in row.evidence_pack_ids or []) if p]
    return {
        "id": row.id,
        "tenant_id": row.tenant_id,
        "service_id": row.service_id,
        "service_name": service_name,
        "environment": row.environment,
        "version": row.version,
        "commit": row.commit,
        "actor": row.actor,
        "description": row.description,
        "state": row.state,
        "stages": [dict(s) for s in row.stages or []],
        "evidence_pack_ids": list(row.evidence_pack_ids or []),
        "evidence_packs": packs,
        "rollback_of": row.rollback_of,
        "created_at": row.created_at,
        "updated_at": row.updated_at,
        "finished_at": row.finished_at,
    }


def _names(session: Session, tenant_id: str, rows: list[DeploymentRow]) -> dict[str, str]:
    services = services_store.get_many(session, tenant_id, sorted({r.service_id for r in rows}))
    return {sid: s.name for sid, s in services.items()}


def _iso(value: datetime | None) -> str | None:
    return value.isoformat().replace("+00:00", "Z") if value else None


def overall_state(stages: list[dict[str, Any]]) -> str:
    states = [s["state"] for s in stages]
    if "failed" in states:
        return "failed"
    if "rolled_back" in states:
        return "rolled_back"
    if all(s == "succeeded" for s in states):
        return "succeeded"
    if any(s in ("running", "succeeded") for s in states):
        return "running"
    return "pending"


# -- graph ---------------------------------------------------------------------------------------
def _sync_graph(session: Session, row: DeploymentRow, service: ServiceRow, actor: str) -> str:
    ref = intel.upsert(
        session,
        row.tenant_id,
        kind="deployment",
        entity_id=row.id,
        name=f"{service.name} {row.version}",
        attributes={
            "service_id": row.service_id,
            "environment": row.environment,
            "version": row.version,
            "commit": row.commit,
            "state": row.state,
        },
        text=f"{service.name} {row.version} {row.environment} {row.state} deployment {row.commit or ''}".strip(),
        actor=actor,
    )
    return ref


# -- commands ------------------------------------------------------------------------------------
def _check_evidence(tenant_id: str, pack_ids: list[str]) -> None:
    spine = intel.evidence()
    if spine is None:  # the Data Spine is not installed: ids are kept unverified
        return
    for pack_id in pack_ids:
        if _pack_summary(tenant_id, pack_id) is None:
            raise errors.not_found("Evidence pack", pack_id)


def create_deployment_in(
    session: Session,
    tenant_id: str,
    service_id: str,
    body: dict[str, Any],
    actor: str,
    *,
    stages: list[dict[str, Any]] | None = None,
    at: datetime | None = None,
    rollback_of: str | None = None,
) -> DeploymentRow:
    """Record a deployment in an open session. ``stages``/``at`` let the seed and rollbacks set history."""
    service = services_store.get(session, tenant_id, service_id)
    if service is None:
        raise errors.not_found("Service", service_id)
    if service.isolated_at is not None and rollback_of is None:
        # A security playbook isolated it (domains/secops/controls.py); a rollback is containment.
        raise errors.failed_precondition(
            f"Service '{service.name}' is isolated since {service.isolated_at.isoformat()} "
            f"({service.isolation_reason or 'security playbook'}): deployments are frozen until it is released."
        )
    environment = body["environment"]
    if environment not in (service.environments or []):
        raise errors.failed_precondition(
            f"Service '{service.name}' does not run in {environment} "
            f"(it runs in: {', '.join(service.environments or []) or 'no environment'})."
        )
    evidence = list(body.get("evidence_pack_ids", []))
    _check_evidence(tenant_id, evidence)
    now = at or utcnow()
    stage_list = stages or [
        {"name": name, "state": "pending", "started_at": None, "finished_at": None, "detail": None}
        for name in STAGES
    ]
    state = overall_state(stage_list)
    row = DeploymentRow(
        id=new_id("dep"),
        tenant_id=tenant_id,
        service_id=service_id,
        environment=environment,
        version=body["version"],
        commit=body.get("commit"),
        actor=actor,
        description=body.get("description"),
        state=state,
        stages=stage_list,
        evidence_pack_ids=evidence,
        rollback_of=rollback_of,
        created_at=now,
        updated_at=now,
        finished_at=_final_time(stage_list) if state in FINAL else None,
    )
    store.add(session, row)
    ref = _sync_graph(session, row, service, actor)
    intel.link(session, tenant_id, ref, "deploys", f"service:{service_id}", actor)
    intel.record_change(
        session,
        tenant_id,
        f"service:{service_id}",
        actor=actor,
        action="deployments:create",
        summary=f"{service.name} {row.version} deployment to {environment} recorded ({state})",
        details={"deployment_id": row.id, "version": row.version, "environment": environment},
        at=at,
    )
    return row


def _final_time(stages: list[dict[str, Any]]) -> datetime | None:
    times = [str(s["finished_at"]) for s in stages if s.get("finished_at")]
    return datetime.fromisoformat(max(times).replace("Z", "+00:00")) if times else None


def create_deployment(
    db: Database, ctx: TenantContext, service_id: str, body: dict[str, Any]
) -> dict[str, Any]:
    with db.session() as session:
        row = create_deployment_in(session, ctx.tenant_id, service_id, body, ctx.principal.subject)
        return to_dict(row, _names(session, ctx.tenant_id, [row]).get(row.service_id, ""), with_evidence=True)


def advance_stage_in(
    session: Session, tenant_id: str, deployment_id: str, stage: str, body: dict[str, Any], actor: str
) -> DeploymentRow:
    row = store.get(session, tenant_id, deployment_id)
    if row is None:
        raise errors.not_found("Deployment", deployment_id)
    if row.state in FINAL:
        raise errors.failed_precondition(f"Deployment '{row.id}' is {row.state}; its stages cannot change.")
    stages = [dict(s) for s in row.stages]
    index = STAGES.index(stage)
    current = stages[index]
    target = body["state"]
    if target not in ALLOWED.get(current["state"], ()):
        raise errors.failed_precondition(f"Stage '{stage}' is {current['state']}; it cannot become {target}.")
    if target != "failed" and row.rollback_of is None:
        service = services_store.get(session, tenant_id, row.service_id)
        if service is not None and service.isolated_at is not None:
            # An isolated service's deployments in flight stop too; failing one is still allowed.
            raise errors.failed_precondition(
                f"Service '{service.name}' is isolated since {service.isolated_at.isoformat()}: "
                "its deployments cannot move forward until it is released (a stage may still fail)."
            )
    blocked = [s["name"] for s in stages[:index] if s["state"] != "succeeded"]
    if blocked:
        raise errors.failed_precondition(
            f"Stage '{stage}' cannot start before {', '.join(blocked)} succeeded."
        )
    extra = list(body.get("evidence_pack_ids", []))
    _check_evidence(tenant_id, extra)
    now = utcnow()
    current["state"] = target
    current["started_at"] = current.get("started_at") or _iso(now)
    if target in FINAL:
        current["finished_at"] = _iso(now)
    if body.get("detail"):
        current["detail"] = body["detail"]
    row.stages = stages
    row.state = overall_state(stages)
    row.evidence_pack_ids = list(row.evidence_pack_ids or []) + [
        p for p in extra if p not in (row.evidence_pack_ids or [])
    ]
    row.updated_at = now
    if row.state in FINAL:
        row.finished_at = now
    session.flush()
    service = services_store.get(session, tenant_id, row.service_id)
    if service is not None:
        ref = _sync_graph(session, row, service, actor)
        intel.record_change(
            session,
            tenant_id,
            ref,
            actor=actor,
            action="deployments:update",
            summary=f"{service.name} {row.version}: {stage} {target}",
            details={"stage": stage, "state": target, "deployment_state": row.state},
        )
    return row


def advance_stage(
    db: Database, ctx: TenantContext, deployment_id: str, stage: str, body: dict[str, Any]
) -> dict[str, Any]:
    with db.session() as session:
        row = advance_stage_in(session, ctx.tenant_id, deployment_id, stage, body, ctx.principal.subject)
        return to_dict(row, _names(session, ctx.tenant_id, [row]).get(row.service_id, ""), with_evidence=True)


# -- queries -------------------------------------------------------------------------------------
def get_deployment(db: Database, ctx: TenantContext, deployment_id: str) -> dict[str, Any]:
    with db.session() as session:
        row = store.get(session, ctx.tenant_id, deployment_id)
        if row is None:
            raise errors.not_found("Deployment", deployment_id)
        return to_dict(row, _names(session, ctx.tenant_id, [row]).get(row.service_id, ""), with_evidence=True)


def list_deployments(
    db: Database,
    ctx: TenantContext,
    *,
    page_size: int | None = None,
    page_token: str | None = None,
    service_id: str | None = None,
    environment: str | None = None,
    state: str | None = None,
    since: datetime | None = None,
    require_service: bool = False,
) -> Page[dict[str, Any]]:
    filters = {
        "service_id": service_id,
        "environment": environment,
        "state": state,
        "since": since.isoformat() if since else None,
    }
    with db.session() as session:
        if require_service and service_id and services_store.get(session, ctx.tenant_id, service_id) is None:
            raise errors.not_found("Service", service_id)
        page = paginate(
            lambda after, limit: store.list_page(
                session,
                ctx.tenant_id,
                after=after,
                limit=limit,
                service_id=service_id,
                environment=environment,
                state=state,
                since=since,
            ),
            key=store.page_key,
            page_size=page_size,
            page_token=page_token,
            filters=filters,
        )
        names = _names(session, ctx.tenant_id, page.items)
        return Page([to_dict(r, names.get(r.service_id, "")) for r in page.items], page.next_page_token)


def candidates_for(session: Session, tenant_id: str, current: DeploymentRow) -> list[DeploymentRow]:
    """Earlier succeeded deployments of other versions, newest first, one per version."""
    history = store.for_service(session, tenant_id, current.service_id, current.environment)
    seen = {current.version}
    found = []
    for row in history:
        if (row.created_at, row.id) >= (current.created_at, current.id) or row.state != "succeeded":
            continue
        if row.version in seen:
            continue
        seen.add(row.version)
        found.append(row)
    return found


def rollback_candidates(
    db: Database, ctx: TenantContext, service_id: str, environment: str = "production"
) -> dict[str, Any]:
    with db.session() as session:
        service = services_store.get(session, ctx.tenant_id, service_id)
        if service is None:
            raise errors.not_found("Service", service_id)
        history = store.for_service(session, ctx.tenant_id, service_id, environment)
        current = history[0] if history else None
        candidates = candidates_for(session, ctx.tenant_id, current) if current else []
        result: dict[str, Any] = {
            "service_id": service_id,
            "environment": environment,
            "candidates": [to_dict(r, service.name) for r in candidates],
        }
        if current is not None:
            result["current"] = to_dict(current, service.name)
        return result


def rollback_to(
    session: Session,
    tenant_id: str,
    deployment_id: str,
    actor: str,
    *,
    target_deployment_id: str | None = None,
) -> dict[str, Any]:
    """Roll deployment ``deployment_id`` back to the newest rollback candidate (or the one named).

    Marks ``deployment_id`` ``rolled_back`` (its unfinished stages too) and records a new, succeeded
    deployment of the candidate's version and commit with ``rollback_of`` set. Runs in the caller's
    session. Raises ``not_found`` for an unknown deployment and ``failed_precondition`` when it was
    already rolled back or has no candidate. Returns ``{"deployment", "rolled_back", "target"}``.
    """
    current = store.get(session, tenant_id, deployment_id)
    if current is None:
        raise errors.not_found("Deployment", deployment_id)
    if current.state == "rolled_back":
        raise errors.failed_precondition(f"Deployment '{deployment_id}' was already rolled back.")
    candidates = candidates_for(session, tenant_id, current)
    if target_deployment_id is not None:
        candidates = [c for c in candidates if c.id == target_deployment_id]
        if not candidates:
            raise errors.failed_precondition(
                f"Deployment '{target_deployment_id}' is not a rollback candidate for '{deployment_id}'."
            )
    if not candidates:
        raise errors.failed_precondition(
            f"No earlier succeeded deployment of another version to roll '{deployment_id}' back to."
        )
    target = candidates[0]
    now = utcnow()
    stages = [dict(s) for s in current.stages]
    for s in stages:
        if s["state"] in ("pending", "running"):
            s["state"] = "rolled_back"
            s["started_at"] = s.get("started_at") or None
            s["finished_at"] = _iso(now)
    current.stages = stages
    current.state = "rolled_back"
    current.updated_at = now
    current.finished_at = current.finished_at or now
    session.flush()
    done = [
        {
            "name": name,
            "state": "succeeded",
            "started_at": _iso(now),
            "finished_at": _iso(now),
            "detail": f"rollback: artifact of {target.id} reused" if name == "build" else None,
        }
        for name in STAGES
    ]
    new = create_deployment_in(
        session,
        tenant_id,
        current.service_id,
        {
            "environment": current.environment,
            "version": target.version,
            "commit": target.commit,
            "description": f"Rollback of {current.version} to {target.version}",
        },
        actor,
        stages=done,
        at=now,
        rollback_of=current.id,
    )
    service = services_store.get(session, tenant_id, current.service_id)
    name = service.name if service else ""
    if service is not None:
        _sync_graph(session, current, service, actor)
    intel.link(session, tenant_id, f"deployment:{new.id}", "rolls_back", f"deployment:{current.id}", actor)
    intel.record_change(
        session,
        tenant_id,
        f"deployment:{current.id}",
        actor=actor,
        action="deployments:rollback",
        summary=f"{name} {current.version} rolled back to {target.version}",
        details={"rollback_deployment_id": new.id, "target_deployment_id": target.id},
    )
    return {
        "deployment": to_dict(new, name),
        "rolled_back": to_dict(current, name),
        "target": to_dict(target, name),
    }
