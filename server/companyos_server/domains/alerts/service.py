"""The alerts inbox: Alertmanager ingest with fingerprint dedup, acknowledge, silence, open incident.

Pure domain logic (no HTTP). Alerts are written to IntelGraph in the same session: each alert is an
entity (``alert:alt_…``) that ``affects`` its service when the ``service`` label names a known one.
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from companyos_server import errors
from companyos_server.domains.alerts import budget, occurrences, services_ref, store
from companyos_server.domains.alerts.store import AlertRow
from companyos_server.domains.slos import budget as slo_budget
from companyos_server.platform.pagination import Page, paginate
from companyos_server.platform.principal import TenantContext
from companyos_server.platform.storage import Database, new_id, utcnow

SEVERITY_ALIASES = {
    "critical": "critical", "page": "critical", "high": "critical", "error": "critical", "p1": "critical",
    "warning": "warning", "warn": "warning", "medium": "warning", "p2": "warning",
}  # fmt: skip
MAX_SILENCE = timedelta(days=30)
_FRACTION = re.compile(r"\.(\d+)")
_ZERO_TIME = "0001-01-01"


def normalize_severity(value: str | None) -> str:
    """``severity`` label → critical | warning | info (unknown or missing labels are info)."""
    return SEVERITY_ALIASES.get((value or "").strip().lower(), "info")


def parse_time(value: Any) -> datetime | None:
    """RFC 3339 as Alertmanager writes it (nanoseconds, ``Z``); its zero time means 'not set'."""
    if not isinstance(value, str) or not value or value.startswith(_ZERO_TIME):
        return None
    text = value.strip().replace("Z", "+00:00").replace("z", "+00:00")
    text = _FRACTION.sub(lambda m: "." + m.group(1)[:6].ljust(6, "0"), text, count=1)
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def fingerprint_of(alert: dict[str, Any], labels: dict[str, str]) -> str:
    given = alert.get("fingerprint")
    if isinstance(given, str) and given.strip():
        return given.strip()[:64]
    canonical = json.dumps(sorted(labels.items()), separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]


def to_dict(row: AlertRow, now: datetime | None = None) -> dict[str, Any]:
    now = now or utcnow()
    ends = row.ends_at if row.status == "resolved" else None
    return {
        "id": row.id,
        "tenant_id": row.tenant_id,
        "fingerprint": row.fingerprint,
        "name": row.name,
        "status": row.status,
        "severity": row.severity,
        "service": row.service_name,
        "service_id": row.service_id,
        "summary": row.summary,
        "description": row.description,
        "labels": dict(row.labels or {}),
        "annotations": dict(row.annotations or {}),
        "starts_at": row.starts_at,
        "ends_at": row.ends_at,
        "generator_url": row.generator_url,
        "receiver": row.receiver,
        "occurrences": row.occurrences,
        "last_received_at": row.last_received_at,
        "acknowledged_by": row.acknowledged_by,
        "acknowledged_at": row.acknowledged_at,
        "silenced_by": row.silenced_by if row.status == "silenced" else None,
        "silenced_until": row.silenced_until if row.status == "silenced" else None,
        "silence_reason": row.silence_reason if row.status == "silenced" else None,
        "incident_id": row.incident_id,
        "category": row.category or "operations",
        "rule": row.rule,
        "principal": row.principal,
        "risk": row.risk,
        "detection": dict(row.detection) if row.detection is not None else None,
        "error_budget_impact": budget.impact(
            severity=row.severity,
            burn=row.burn_rate,
            objective=row.slo_objective,
            window_days=row.slo_window_days,
            source=row.slo_source,
            starts_at=row.starts_at,
            ends_at=ends,
            now=now,
        ),
        "created_at": row.created_at,
        "updated_at": row.updated_at,
    }


# -- ingest ---------------------------------------------------------------------------------------
def ingest_alertmanager(
    db: Database,
    graph: Any | None,
    ctx: TenantContext,
    payload: dict[str, Any],
    *,
    now: datetime | None = None,
) -> dict[str, Any]:
    """Apply one Alertmanager webhook (version 4) notification to the tenant's inbox."""
    now = now or utcnow()
    common = {str(k): str(v) for k, v in (payload.get("commonLabels") or {}).items()}
    common_annotations = {str(k): str(v) for k, v in (payload.get("commonAnnotations") or {}).items()}
    context = {
        "receiver": payload.get("receiver"),
        "group_key": payload.get("groupKey"),
        "external_url": payload.get("externalURL"),
        "default_status": payload.get("status", "firing"),
    }
    counts = {"created": 0, "updated": 0, "resolved": 0}
    ids: list[str] = []
    with db.session() as session:
        for alert in payload.get("alerts") or []:
            row, outcome = _apply_one(session, graph, ctx, alert, common, common_annotations, context, now)
            counts[outcome] += 1
            if row.id not in ids:
                ids.append(row.id)
    return {
        "received": len(payload.get("alerts") or []),
        **counts,
        "truncated_alerts": int(payload.get("truncatedAlerts") or 0),
        "alert_ids": ids,
    }


def _apply_one(
    session: Session,
    graph: Any | None,
    ctx: TenantContext,
    alert: dict[str, Any],
    common: dict[str, str],
    common_annotations: dict[str, str],
    context: dict[str, Any],
    now: datetime,
) -> tuple[AlertRow, str]:
    labels = {**common, **{str(k): str(v) for k, v in (alert.get("labels") or {}).items()}}
    annotations = {
        **common_annotations,
        **{str(k): str(v) for k, v in (alert.get("annotations") or {}).items()},
    }
    fingerprint = fingerprint_of(alert, labels)
    status = alert.get("status") or context["default_status"]
    resolved = status == "resolved"
    given_start = parse_time(alert.get("startsAt"))
    starts_at = given_start or now
    ends_at = parse_time(alert.get("endsAt"))
    fields = {
        "labels": labels,
        "annotations": annotations,
        "name": labels.get("alertname", "unnamed")[:200],
        "summary": annotations.get("summary", "")[:2000],
        "description": annotations.get("description", annotations.get("message", ""))[:8000],
        "generator_url": alert.get("generatorURL") or None,
        "receiver": context["receiver"],
        "group_key": context["group_key"],
        "external_url": context["external_url"],
        "last_received_at": now,
        "updated_at": now,
    }
    row, outcome = _apply_to_inbox(
        session, graph, ctx, labels, fingerprint, resolved, starts_at, ends_at, fields, now
    )
    # Without a startsAt of its own the alert is the inbox row's current firing (a repeat, not a new one).
    occurrences.record_notification(
        session,
        row,
        starts_at=given_start or row.starts_at,
        ends_at=ends_at,
        resolved=resolved,
        end_given=ends_at is not None,
        now=now,
    )
    return row, outcome


def _apply_to_inbox(
    session: Session,
    graph: Any | None,
    ctx: TenantContext,
    labels: dict[str, str],
    fingerprint: str,
    resolved: bool,
    starts_at: datetime,
    ends_at: datetime | None,
    fields: dict[str, Any],
    now: datetime,
) -> tuple[AlertRow, str]:
    row = store.by_fingerprint(session, ctx.tenant_id, fingerprint)
    if row is None:
        row = _new_row(session, ctx, labels, fingerprint, starts_at, now, fields)
        try:
            with session.begin_nested():
                session.add(row)
        except IntegrityError:  # a concurrent notification created it first: dedup onto that row
            row = store.by_fingerprint(session, ctx.tenant_id, fingerprint)  # type: ignore[assignment]
            if row is None:
                raise
        else:
            outcome = "created"
            if resolved:
                row.status, row.ends_at = "resolved", ends_at or now
                outcome = "resolved"
            _write_graph(
                session, graph, ctx, row, "created", f"Alert {row.name} received ({row.status})", now
            )
            return row, outcome
    for key, value in fields.items():
        setattr(row, key, value)
    if resolved:
        if row.status == "resolved":
            return row, "updated"
        row.status, row.ends_at = "resolved", ends_at or now
        _write_graph(session, graph, ctx, row, "resolved", f"Alert {row.name} resolved", now)
        return row, "resolved"
    if row.status == "resolved":  # fired again after resolving: a new occurrence of the same alert
        row.status, row.starts_at, row.ends_at = "firing", starts_at, None
        row.acknowledged_by = row.acknowledged_at = None
        row.occurrences += 1
        _write_graph(session, graph, ctx, row, "refired", f"Alert {row.name} firing again", now)
    session.flush()
    return row, "updated"


def _new_row(
    session: Session,
    ctx: TenantContext,
    labels: dict[str, str],
    fingerprint: str,
    starts_at: datetime,
    now: datetime,
    fields: dict[str, Any],
) -> AlertRow:
    severity = normalize_severity(labels.get("severity"))
    service_name = labels.get("service") or None
    service = services_ref.by_name(session, ctx.tenant_id, service_name) if service_name else None
    slo, slo_source = slo_budget.objective_or_default(
        service.slo_objective if service else None, service.slo_window_days if service else None
    )
    return AlertRow(
        id=new_id("alt"),
        tenant_id=ctx.tenant_id,
        fingerprint=fingerprint,
        status="firing",
        severity=severity,
        service_name=service_name[:200] if service_name else None,
        service_id=service.id if service else None,
        starts_at=starts_at,
        occurrences=1,
        burn_rate=slo_budget.severity_burn_rate(severity),
        slo_objective=slo.percent,
        slo_window_days=slo.window_days,
        slo_source=slo_source,
        created_at=now,
        **fields,
    )


def _write_graph(
    session: Session,
    graph: Any | None,
    ctx: TenantContext,
    row: AlertRow,
    action: str,
    summary: str,
    now: datetime,
) -> None:
    if graph is None:
        return
    session.flush()
    actor = ctx.principal.subject
    ref = graph.upsert_entity(
        session,
        tenant_id=ctx.tenant_id,
        kind="alert",
        entity_id=row.id,
        name=row.name,
        attributes={"severity": row.severity, "status": row.status, "service": row.service_name},
        text=" ".join(filter(None, [row.name, row.severity, row.service_name, row.summary])),
        actor=actor,
    )
    if action == "created" and row.service_id:
        graph.link(
            session,
            tenant_id=ctx.tenant_id,
            src=ref,
            relation="affects",
            dst=f"service:{row.service_id}",
            actor=actor,
        )
    graph.record_change(
        session,
        tenant_id=ctx.tenant_id,
        ref=ref,
        actor=actor,
        action=f"alert.{action}",
        summary=summary,
        at=now,
    )


# -- reads ----------------------------------------------------------------------------------------
def list_alerts(
    db: Database,
    ctx: TenantContext,
    *,
    page_size: int | None = None,
    page_token: str | None = None,
    status: str | None = None,
    severity: str | None = None,
    service_id: str | None = None,
    category: str | None = None,
    principal: str | None = None,
    now: datetime | None = None,
) -> Page[dict[str, Any]]:
    now = now or utcnow()
    filters = {"status": status, "severity": severity, "service_id": service_id}
    # Only set filters join the page token, so tokens issued before these filters existed stay valid.
    filters.update({k: v for k, v in (("category", category), ("principal", principal)) if v})
    with db.session() as session:
        store.lapse_silences(session, ctx.tenant_id, now)
        page = paginate(
            lambda after, limit: store.list_page(session, ctx.tenant_id, after=after, limit=limit, **filters),
            key=lambda row: row.id,
            page_size=page_size,
            page_token=page_token,
            filters=filters,
        )
        return Page([to_dict(r, now) for r in page.items], page.next_page_token)


def get_alert(
    db: Database, ctx: TenantContext, alert_id: str, *, now: datetime | None = None
) -> dict[str, Any]:
    now = now or utcnow()
    with db.session() as session:
        store.lapse_silences(session, ctx.tenant_id, now)
        return to_dict(_load(session, ctx, alert_id), now)


def _load(session: Session, ctx: TenantContext, alert_id: str, *, lock: bool = False) -> AlertRow:
    row = (store.get_for_update if lock else store.get)(session, ctx.tenant_id, alert_id)
    if row is None:
        raise errors.not_found("Alert", alert_id)
    return row


# -- mutations ------------------------------------------------------------------------------------
def acknowledge(
    db: Database, graph: Any | None, ctx: TenantContext, alert_id: str, *, now: datetime | None = None
) -> dict[str, Any]:
    """Idempotent: the first acknowledgement (who, when) is kept."""
    now = now or utcnow()
    with db.session() as session:
        store.lapse_silences(session, ctx.tenant_id, now)
        row = _load(session, ctx, alert_id, lock=True)
        if row.status == "resolved":
            raise errors.failed_precondition(
                f"Alert '{alert_id}' is resolved; there is nothing to acknowledge."
            )
        if row.acknowledged_at is None:
            row.acknowledged_by, row.acknowledged_at = ctx.principal.subject, now
            if row.status == "firing":
                row.status = "acknowledged"
            row.updated_at = now
            _write_graph(session, graph, ctx, row, "acknowledged", f"Alert {row.name} acknowledged", now)
        session.flush()
        return to_dict(row, now)


def silence(
    db: Database,
    graph: Any | None,
    ctx: TenantContext,
    alert_id: str,
    body: dict[str, Any],
    *,
    now: datetime | None = None,
) -> dict[str, Any]:
    now = now or utcnow()
    until = body["until"]
    if isinstance(until, str):
        until = parse_time(until)
    if until is None:
        raise errors.invalid_argument(
            "until is not a date-time.", [errors.FieldError("until", "not a date-time")]
        )
    if until.tzinfo is None:
        until = until.replace(tzinfo=UTC)
    if until <= now:
        raise errors.failed_precondition(
            "The silence would already have expired: 'until' must be in the future."
        )
    if until - now > MAX_SILENCE:
        raise errors.failed_precondition("A silence lasts at most 30 days; silence again when it lapses.")
    with db.session() as session:
        store.lapse_silences(session, ctx.tenant_id, now)
        row = _load(session, ctx, alert_id, lock=True)
        if row.status == "resolved":
            raise errors.failed_precondition(f"Alert '{alert_id}' is resolved; there is nothing to silence.")
        row.status = "silenced"
        row.silenced_by, row.silenced_until = ctx.principal.subject, until
        row.silence_reason = body.get("reason") or None
        row.updated_at = now
        _write_graph(
            session, graph, ctx, row, "silenced", f"Alert {row.name} silenced until {until.isoformat()}", now
        )
        session.flush()
        return to_dict(row, now)


def open_incident(
    db: Database, graph: Any | None, ctx: TenantContext, alert_id: str, body: dict[str, Any] | None = None
) -> tuple[dict[str, Any], bool]:
    """The alert's incident, opened on first call; ``(incident, created)``. At most one per alert."""
    from companyos_server.domains.incidents import service as incidents

    return incidents.open_from_alert(db, graph, ctx, alert_id, body or {})
