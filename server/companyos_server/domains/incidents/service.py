"""Incidents: lifecycle, responders, timeline, dashboards, Maestro tasks and the runbook checklist.

Pure domain logic (no HTTP). Status changes append ``status_change`` timeline entries; the timeline is
append-only. Each incident is an IntelGraph entity (``incident:inc_…``) that ``affects`` its services,
was ``opened_from`` its alert, and ``has_task`` its Maestro plan runs.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from companyos_server import errors
from companyos_server.domains.alerts import services_ref
from companyos_server.domains.alerts import store as alerts_store
from companyos_server.domains.incidents import store
from companyos_server.domains.incidents.store import (
    IncidentChecklistItemRow,
    IncidentRow,
    IncidentTimelineRow,
)
from companyos_server.platform.pagination import Page, paginate
from companyos_server.platform.principal import TenantContext
from companyos_server.platform.storage import Database, new_id, utcnow

ALERT_SEVERITY = {"critical": "sev2", "warning": "sev3", "info": "sev4"}
PLAN_RUN_REF = re.compile(r"^plan_run:[A-Za-z0-9_.-]{1,80}$")
DEFAULT_RUNBOOK = (
    "Acknowledge the alert and page the service owner",
    "Confirm customer impact (error rate, latency, affected tenants)",
    "Check recent deployments of {service}",
    "Mitigate: roll back, restart or scale {service}",
    "Verify the SLO burn rate is back under 1",
    "Write the handoff notes and update the status page",
)


# -- shaping --------------------------------------------------------------------------------------
def _timeline_dict(row: IncidentTimelineRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "kind": row.kind,
        "author": row.author,
        "at": row.at,
        "text": row.text,
        "details": dict(row.details or {}),
    }


def _item_dict(row: IncidentChecklistItemRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "position": row.position,
        "text": row.text,
        "checked": row.checked,
        "checked_by": row.checked_by,
        "checked_at": row.checked_at,
    }


def to_dict(
    session: Session,
    row: IncidentRow,
    service_ids: list[str] | None = None,
    *,
    checklist: list[IncidentChecklistItemRow] | None = None,
    timeline: list[IncidentTimelineRow] | None = None,
) -> dict[str, Any]:
    """The API shape. A list passes what it read for the whole page; a single read looks it up."""
    if service_ids is None:
        service_ids = store.service_ids(session, row.tenant_id, [row.id])[row.id]
    if checklist is None:
        checklist = store.checklist(session, row.tenant_id, row.id)
    if timeline is None:
        timeline = store.timeline(session, row.tenant_id, row.id)
    return {
        "id": row.id,
        "tenant_id": row.tenant_id,
        "title": row.title,
        "summary": row.summary,
        "severity": row.severity,
        "status": row.status,
        "service_ids": service_ids,
        "source_alert_id": row.source_alert_id,
        "responders": list(row.responders or []),
        "dashboards": list(row.dashboards or []),
        "tasks": list(row.tasks or []),
        "checklist": [_item_dict(i) for i in checklist],
        "timeline": [_timeline_dict(t) for t in timeline],
        "created_by": row.created_by,
        "created_at": row.created_at,
        "updated_at": row.updated_at,
        "resolved_at": row.resolved_at,
    }


# -- helpers --------------------------------------------------------------------------------------
def _load(session: Session, ctx: TenantContext, incident_id: str, *, lock: bool = False) -> IncidentRow:
    row = store.get(session, ctx.tenant_id, incident_id, lock=lock)
    if row is None:
        raise errors.not_found("Incident", incident_id)
    return row


def _check_services(session: Session, ctx: TenantContext, ids: list[str]) -> list[str]:
    if not services_ref.available():
        return list(dict.fromkeys(ids))
    for service_id in ids:
        if services_ref.by_id(session, ctx.tenant_id, service_id) is None:
            raise errors.not_found("Service", service_id)
    return list(dict.fromkeys(ids))


def _append(
    session: Session, row: IncidentRow, kind: str, author: str, text: str, at: datetime, **details: Any
) -> IncidentTimelineRow:
    entry = IncidentTimelineRow(
        id=new_id("itl"),
        tenant_id=row.tenant_id,
        incident_id=row.id,
        kind=kind,
        author=author,
        at=at,
        text=text,
        details=details,
    )
    session.add(entry)
    return entry


def _graph_entity(session: Session, graph: Any | None, ctx: TenantContext, row: IncidentRow) -> str | None:
    if graph is None:
        return None
    session.flush()
    return str(
        graph.upsert_entity(
            session,
            tenant_id=ctx.tenant_id,
            kind="incident",
            entity_id=row.id,
            name=row.title,
            attributes={"severity": row.severity, "status": row.status},
            text=" ".join([row.title, row.severity, row.status, row.summary]),
            actor=ctx.principal.subject,
        )
    )


def _graph_change(
    session: Session, graph: Any | None, ctx: TenantContext, row: IncidentRow, action: str, summary: str
) -> None:
    ref = _graph_entity(session, graph, ctx, row)
    if ref is not None:
        graph.record_change(  # type: ignore[union-attr]
            session,
            tenant_id=ctx.tenant_id,
            ref=ref,
            actor=ctx.principal.subject,
            action=action,
            summary=summary,
        )


def _new_incident(
    session: Session,
    graph: Any | None,
    ctx: TenantContext,
    body: dict[str, Any],
    *,
    alert: Any = None,
    at: datetime | None = None,
) -> IncidentRow:
    """A new incident, opened now (or ``at``: imported history)."""
    now = at or utcnow()
    actor = ctx.principal.subject
    service_ids = _check_services(session, ctx, list(body.get("service_ids") or []))
    if alert is not None and alert.service_id and alert.service_id not in service_ids:
        service_ids.insert(0, alert.service_id)
    responders = [
        {"subject": r["subject"], "role": r["role"], "added_by": actor, "added_at": now.isoformat()}
        for r in body.get("responders") or []
    ]
    if not any(r["role"] == "commander" for r in responders):
        responders.insert(
            0, {"subject": actor, "role": "commander", "added_by": actor, "added_at": now.isoformat()}
        )
    row = IncidentRow(
        id=new_id("inc"),
        tenant_id=ctx.tenant_id,
        title=body.get("title")
        or (f"{alert.name} on {alert.service_name or 'unknown service'}" if alert else ""),
        summary=body.get("summary") or (alert.summary if alert is not None else ""),
        severity=body.get("severity") or (ALERT_SEVERITY.get(alert.severity, "sev3") if alert else "sev3"),
        status="investigating",
        source_alert_id=alert.id if alert is not None else None,
        responders=responders,
        dashboards=[_dashboard(d, actor, now) for d in body.get("dashboards") or []],
        tasks=[],
        created_by=actor,
        created_at=now,
        updated_at=now,
    )
    with session.begin_nested():
        session.add(row)
        session.flush()
    store.set_services(session, ctx.tenant_id, row.id, service_ids)
    items = body.get("checklist")
    if items is None and alert is not None:
        items = [t.format(service=alert.service_name or "the service") for t in DEFAULT_RUNBOOK]
    for position, text in enumerate(items or []):
        session.add(
            IncidentChecklistItemRow(
                id=new_id("chk"), tenant_id=ctx.tenant_id, incident_id=row.id, position=position, text=text
            )
        )
    _append(
        session,
        row,
        "status_change",
        actor,
        f"Incident opened ({row.severity}, investigating)",
        now,
        status="investigating",
    )
    if alert is not None:
        text = (
            f"Opened from alert {alert.name} ({alert.severity}) on {alert.service_name or 'unknown service'}"
        )
        _append(
            session,
            row,
            "alert",
            actor,
            f"{text}: {alert.summary}" if alert.summary else text,
            now,
            alert_id=alert.id,
        )
    session.flush()
    ref = _graph_entity(session, graph, ctx, row)
    if ref is not None and graph is not None:
        for service_id in service_ids:
            graph.link(
                session,
                tenant_id=ctx.tenant_id,
                src=ref,
                relation="affects",
                dst=f"service:{service_id}",
                actor=actor,
            )
        if alert is not None:
            graph.link(
                session,
                tenant_id=ctx.tenant_id,
                src=ref,
                relation="opened_from",
                dst=f"alert:{alert.id}",
                actor=actor,
            )
        graph.record_change(
            session,
            tenant_id=ctx.tenant_id,
            ref=ref,
            actor=actor,
            action="incident.opened",
            summary=f"Incident opened: {row.title}",
            at=now,
        )
    return row


def _dashboard(d: dict[str, Any], actor: str, now: datetime) -> dict[str, Any]:
    return {
        "url": d["url"],
        "title": d.get("title") or d["url"],
        "added_by": actor,
        "added_at": now.isoformat(),
    }


# -- create / open --------------------------------------------------------------------------------
def create_incident(
    db: Database, graph: Any | None, ctx: TenantContext, body: dict[str, Any]
) -> tuple[dict[str, Any], bool]:
    """``(incident, created)``. With ``alert_id`` this is :func:`open_from_alert` (idempotent)."""
    if body.get("alert_id"):
        return open_from_alert(db, graph, ctx, body["alert_id"], body)
    with db.session() as session:
        row = _new_incident(session, graph, ctx, body)
        return to_dict(session, row), True


def open_from_alert(
    db: Database, graph: Any | None, ctx: TenantContext, alert_id: str, body: dict[str, Any]
) -> tuple[dict[str, Any], bool]:
    """The alert's incident: opened on the first call, returned unchanged afterwards."""
    try:
        with db.session() as session:
            alert = alerts_store.get_for_update(session, ctx.tenant_id, alert_id)
            if alert is None:
                raise errors.not_found("Alert", alert_id)
            existing = store.by_source_alert(session, ctx.tenant_id, alert_id)
            if existing is not None:
                return to_dict(session, existing), False
            row = _new_incident(session, graph, ctx, body, alert=alert)
            alert.incident_id = row.id
            alert.updated_at = utcnow()
            return to_dict(session, row), True
    except IntegrityError:
        # A concurrent call opened it first (unique tenant + source alert): return that one.
        with db.session() as session:
            existing = store.by_source_alert(session, ctx.tenant_id, alert_id)
            if existing is None:
                raise
            return to_dict(session, existing), False


# -- reads ----------------------------------------------------------------------------------------
def list_incidents(
    db: Database,
    ctx: TenantContext,
    *,
    page_size: int | None = None,
    page_token: str | None = None,
    status: str | None = None,
    severity: str | None = None,
    service_id: str | None = None,
    since: datetime | None = None,
) -> Page[dict[str, Any]]:
    filters: dict[str, Any] = {
        "status": status,
        "severity": severity,
        "service_id": service_id,
        "since": since,
    }
    with db.session() as session:
        page = paginate(
            lambda after, limit: store.list_page(
                session,
                ctx.tenant_id,
                after=after,
                limit=limit,
                status=status,
                severity=severity,
                service_id=service_id,
                since=since,
            ),
            key=lambda row: row.id,
            page_size=page_size,
            page_token=page_token,
            filters=filters,
        )
        ids = [r.id for r in page.items]
        services = store.service_ids(session, ctx.tenant_id, ids)
        checklists = store.checklists(session, ctx.tenant_id, ids)
        timelines = store.timelines(session, ctx.tenant_id, ids)
        items = [
            to_dict(session, r, services[r.id], checklist=checklists[r.id], timeline=timelines[r.id])
            for r in page.items
        ]
        return Page(items, page.next_page_token)


def get_incident(db: Database, ctx: TenantContext, incident_id: str) -> dict[str, Any]:
    with db.session() as session:
        return to_dict(session, _load(session, ctx, incident_id))


# -- mutations ------------------------------------------------------------------------------------
def update_incident(
    db: Database, graph: Any | None, ctx: TenantContext, incident_id: str, patch: dict[str, Any]
) -> dict[str, Any]:
    now, actor = utcnow(), ctx.principal.subject
    with db.session() as session:
        row = _load(session, ctx, incident_id, lock=True)
        for field in ("title", "summary"):
            if field in patch:
                setattr(row, field, patch[field])
        if "severity" in patch and patch["severity"] != row.severity:
            _append(
                session,
                row,
                "action",
                actor,
                f"Severity {row.severity} → {patch['severity']}",
                now,
                severity=patch["severity"],
            )
            row.severity = patch["severity"]
        if "service_ids" in patch:
            store.set_services(
                session, ctx.tenant_id, row.id, _check_services(session, ctx, patch["service_ids"])
            )
        if "status" in patch and patch["status"] != row.status:
            old, new = row.status, patch["status"]
            note = f": {patch['status_note']}" if patch.get("status_note") else ""
            _append(
                session,
                row,
                "status_change",
                actor,
                f"Status {old} → {new}{note}",
                now,
                previous=old,
                status=new,
            )
            row.status = new
            row.resolved_at = now if new == "resolved" else None
            _graph_change(session, graph, ctx, row, f"incident.{new}", f"Incident {old} → {new}")
        row.updated_at = now
        session.flush()
        return to_dict(session, row)


def add_timeline_entry(
    db: Database, ctx: TenantContext, incident_id: str, body: dict[str, Any]
) -> dict[str, Any]:
    with db.session() as session:
        row = _load(session, ctx, incident_id, lock=True)
        entry = _append(session, row, body["kind"], ctx.principal.subject, body["text"], utcnow())
        row.updated_at = entry.at
        session.flush()
        return _timeline_dict(entry)


def add_responder(db: Database, ctx: TenantContext, incident_id: str, body: dict[str, Any]) -> dict[str, Any]:
    now, actor = utcnow(), ctx.principal.subject
    with db.session() as session:
        row = _load(session, ctx, incident_id, lock=True)
        responders = [r for r in row.responders or [] if r["subject"] != body["subject"]]
        responders.append(
            {"subject": body["subject"], "role": body["role"], "added_by": actor, "added_at": now.isoformat()}
        )
        row.responders = responders
        _append(
            session,
            row,
            "action",
            actor,
            f"{body['subject']} joined as {body['role']}",
            now,
            responder=body["subject"],
        )
        row.updated_at = now
        session.flush()
        return to_dict(session, row)


def add_dashboard(db: Database, ctx: TenantContext, incident_id: str, body: dict[str, Any]) -> dict[str, Any]:
    now, actor = utcnow(), ctx.principal.subject
    with db.session() as session:
        row = _load(session, ctx, incident_id, lock=True)
        if any(d["url"] == body["url"] for d in row.dashboards or []):
            return to_dict(session, row)
        row.dashboards = [*(row.dashboards or []), _dashboard(body, actor, now)]
        row.updated_at = now
        session.flush()
        return to_dict(session, row)


def add_task(
    db: Database, graph: Any | None, ctx: TenantContext, incident_id: str, body: dict[str, Any]
) -> dict[str, Any]:
    """Link a Maestro plan run (``plan_run:…``) to the incident."""
    ref = body["ref"]
    if not PLAN_RUN_REF.match(ref):
        raise errors.invalid_argument(
            "ref must be a plan run reference.", [errors.FieldError("ref", "expected plan_run:<id>")]
        )
    with db.session() as session:
        row = _load(session, ctx, incident_id, lock=True)
        if link_task(session, row, ref, body.get("title") or ref, ctx.principal.subject):
            src = _graph_entity(session, graph, ctx, row)
            if src is not None and graph is not None:
                graph.link(
                    session,
                    tenant_id=ctx.tenant_id,
                    src=src,
                    relation="has_task",
                    dst=ref,
                    actor=ctx.principal.subject,
                )
        session.flush()
        return to_dict(session, row)


def link_task(session: Session, row: IncidentRow, ref: str, title: str, actor: str) -> bool:
    """Add task ``ref`` to the incident with a timeline entry; False when it was already linked."""
    if any(t["ref"] == ref for t in row.tasks or []):
        return False
    now = utcnow()
    row.tasks = [
        *(row.tasks or []),
        {"ref": ref, "title": title, "added_by": actor, "added_at": now.isoformat()},
    ]
    _append(session, row, "action", actor, f"Maestro task linked: {title}", now, ref=ref)
    row.updated_at = now
    return True


def open_task_for_run(
    session: Session, tenant_id: str, incident_id: str, run_id: str, title: str, actor: str
) -> dict[str, Any] | None:
    """Maestro's ``incident.task`` action: the running plan becomes a task of the incident.

    Runs in the caller's transaction (the effect row commits with it). None when the tenant has no such
    incident, so a plan aimed at a closed-out or unknown incident still records what it meant to do.
    """
    row = store.get(session, tenant_id, incident_id, lock=True)
    if row is None:
        return None
    ref = f"plan_run:{run_id}"
    linked = link_task(session, row, ref, title, actor)
    return {"ref": ref, "newly_linked": linked}


def add_checklist_item(
    db: Database, ctx: TenantContext, incident_id: str, body: dict[str, Any]
) -> dict[str, Any]:
    with db.session() as session:
        row = _load(session, ctx, incident_id, lock=True)
        items = store.checklist(session, ctx.tenant_id, row.id)
        item = IncidentChecklistItemRow(
            id=new_id("chk"),
            tenant_id=ctx.tenant_id,
            incident_id=row.id,
            position=(items[-1].position + 1) if items else 0,
            text=body["text"],
        )
        session.add(item)
        row.updated_at = utcnow()
        session.flush()
        return _item_dict(item)


def check_item(db: Database, ctx: TenantContext, incident_id: str, item_id: str) -> dict[str, Any]:
    """Tick an item; who ticked it and when are kept (a second tick changes nothing)."""
    now, actor = utcnow(), ctx.principal.subject
    with db.session() as session:
        row = _load(session, ctx, incident_id, lock=True)
        item = store.checklist_item(session, ctx.tenant_id, row.id, item_id)
        if item is None:
            raise errors.not_found("Checklist item", item_id)
        if not item.checked:
            item.checked, item.checked_by, item.checked_at = True, actor, now
            _append(session, row, "action", actor, f"Checked: {item.text}", now, checklist_item_id=item.id)
            row.updated_at = now
        session.flush()
        return _item_dict(item)
