"""The ops feed: copies the ops records other domains already keep into the analytics store as ops events.

Sources (read-only, by their own timestamps): audit events, policy decisions, deployments (finished),
incidents (opened, resolved), alerts (fired), SLI samples and experiment exposures. Each (tenant, source)
has a watermark in ``analytics_feed_cursors``; a sync copies what is newer than it (at most ``max_age``
back on the first run) and moves it. Nothing in those domains is re-instrumented. For ops events the
``feature`` dimension holds the service id when the record names one.

Exposures are product events (``Experiment Exposed``, the built-in schema): they name a person, who is
pseudonymised with the tenant's analytics key exactly as an ingested event's ``user_id`` is, so an
exposed subject and the same user's own events share one ``user_hash``.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from companyos_server.core.maestro.models import SliSampleRow
from companyos_server.domains.alerts.store import AlertRow
from companyos_server.domains.analytics import ingest, store
from companyos_server.domains.analytics.warehouse import Warehouse
from companyos_server.domains.deployments.store import DeploymentRow
from companyos_server.domains.features.store import ExposureRow
from companyos_server.domains.incidents.store import IncidentRow
from companyos_server.domains.policies.store import PolicyDecisionRow
from companyos_server.platform.audit.models import AuditEventRow
from companyos_server.platform.encryption import SecretKeyring
from companyos_server.platform.storage import Database, utcnow

BATCH = 5000
Mapper = Callable[[Any], tuple[str, datetime, str, dict[str, Any]] | None]


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


# source -> (model, timestamp column, mapper to (event name, ts, service/feature, properties))
SOURCES: dict[str, tuple[Any, Any, Mapper]] = {
    "audit_events": (
        AuditEventRow,
        AuditEventRow.occurred_at,
        lambda r: ("Audit Event Recorded", r.occurred_at, "", {"action": r.action, "outcome": r.outcome}),
    ),
    "policy_decisions": (
        PolicyDecisionRow,
        PolicyDecisionRow.at,
        lambda r: ("Policy Decision Made", r.at, "", {"action": r.action, "allowed": bool(r.allowed)}),
    ),
    "deployments": (
        DeploymentRow,
        DeploymentRow.updated_at,
        lambda r: (
            ("Deployment Finished", r.finished_at, r.service_id,
             {"service_id": r.service_id, "state": r.state, "deploy_version": r.version})
            if r.finished_at is not None else None
        ),
    ),
    "incidents": (
        IncidentRow,
        IncidentRow.created_at,
        lambda r: ("Incident Opened", r.created_at, "", {"incident_id": r.id, "severity": r.severity}),
    ),
    "incidents_resolved": (
        IncidentRow,
        IncidentRow.resolved_at,
        lambda r: (
            ("Incident Resolved", r.resolved_at, "",
             {"incident_id": r.id, "severity": r.severity,
              "minutes_open": round((_aware(r.resolved_at) - _aware(r.created_at)).total_seconds() / 60, 2)})
            if r.resolved_at is not None else None
        ),
    ),
    "alerts": (
        AlertRow,
        AlertRow.starts_at,
        lambda r: ("Alert Fired", r.starts_at, r.service_id or "", {"alert_id": r.id, "severity": r.severity}),
    ),
    "sli_samples": (
        SliSampleRow,
        SliSampleRow.ts,
        lambda r: ("Sli Sample Recorded", r.ts, r.service_ref,
                   {"service_id": r.service_ref, "good": int(r.good), "total": int(r.total)}),
    ),
    "experiment_exposures": (
        ExposureRow,
        ExposureRow.at,
        lambda r: ("Experiment Exposed", r.at, "", {"experiment": r.experiment_id, "variant": r.variant}),
    ),
}  # fmt: skip
# Sources whose records name a person: the column holding them. Their events are product events.
SUBJECTS = {"experiment_exposures": "subject"}


# Sources whose records change state after creation are followed by that state's timestamp; the rest by
# id (ids are time-sortable and assigned at insert), so records written with past timestamps are not missed.
BY_TIMESTAMP = ("deployments", "incidents_resolved")


def _rows(session: Session, tenant_id: str, model: Any, column: Any, cursor: store.FeedCursorRow | None,
          source: str, since: datetime) -> list[Any]:  # fmt: skip
    # Plain rows (attribute access by column name), not ORM instances: the feed copies tens of thousands
    # of records and building mapped objects for them dominated the sync.
    query = select(*model.__table__.columns).where(model.tenant_id == tenant_id, column.is_not(None))
    if source in BY_TIMESTAMP:
        after = cursor.watermark if cursor and cursor.watermark else since
        query = query.where(column > after).order_by(column, model.id)
    else:
        query = (
            query.where(model.id > cursor.last_id)
            if cursor and cursor.last_id
            else query.where(column >= since)
        )
        query = query.order_by(model.id)
    return list(session.execute(query.limit(BATCH)).all())


_tenant_locks: dict[str, threading.Lock] = {}
_tenant_locks_guard = threading.Lock()


def sync(db: Database, warehouse: Warehouse, keyring: SecretKeyring, tenant_id: str) -> dict[str, Any]:
    """Copy new ops records (and exposures) of one tenant; returns the count per source.

    One sync of a tenant at a time in a process (the follower and a manual sync wait for each other).
    Across processes, a batch whose cursor another process created first is read again from that cursor;
    rows both copied are stored once (their event ids are derived from the records)."""
    with _tenant_locks_guard:
        lock = _tenant_locks.setdefault(tenant_id, threading.Lock())
    with lock:
        return _sync(db, warehouse, keyring, tenant_id)


def _sync(db: Database, warehouse: Warehouse, keyring: SecretKeyring, tenant_id: str) -> dict[str, Any]:
    now = utcnow()
    copied: dict[str, int] = {}
    with db.session() as session:
        tenant = ingest.profile(session, tenant_id)
    key: bytes | None = None
    for source, (model, column, mapper) in SOURCES.items():
        subject = SUBJECTS.get(source)
        total = 0
        while True:
            try:
                with db.session() as session:
                    cursor = store.cursor(session, tenant_id, source)
                    has_environment = "environment" in model.__table__.c
                    records = _rows(session, tenant_id, model, column, cursor, source, now - ingest.max_age())
                    rows = []
                    for record in records:
                        mapped = mapper(record)
                        if mapped is None:
                            continue
                        name, ts, feature, props = mapped
                        ts = _aware(ts)
                        person = getattr(record, subject) if subject else None
                        if person and key is None:
                            key = ingest.tenant_key(db, keyring, tenant_id)
                        rows.append(
                            {
                                "tenant_id": tenant_id,
                                "region": tenant.region,
                                "event_id": f"ops_{source}_{record.id}",
                                "name": name,
                                "version": "1-0-0",
                                "kind": "product" if subject else "ops",
                                "ts": ts.replace(tzinfo=None),
                                "day": ts.date(),
                                "received_at": now.replace(tzinfo=None),
                                "user_hash": ingest.pseudonym(key, person) if key and person else "",
                                "role": "unknown" if subject else "system",
                                "feature": feature or "",
                                "environment": (has_environment and record.environment) or "production",
                                "client_type": "server",
                                "app_version": "",
                                "residency_tier": tenant.tier,
                                "flags_on": ",",
                                "properties": json.dumps(props, sort_keys=True, separators=(",", ":")),
                                "latency_ms": None,
                                "good": props.get("good"),
                                "total": props.get("total"),
                            }
                        )
                    ingest.write(warehouse, tenant.region, rows)
                    if records:
                        if cursor is None:
                            cursor = store.FeedCursorRow(tenant_id=tenant_id, source=source, updated_at=now)
                            session.add(cursor)
                        cursor.watermark = getattr(records[-1], column.key)
                        cursor.last_id = records[-1].id
                        cursor.updated_at = now
            except IntegrityError:
                continue  # another process created this cursor meanwhile: go on from it
            total += len(rows)
            if len(records) < BATCH:
                break
        copied[source] = total
    return {"tenant_id": tenant_id, "partition": tenant.region, "copied": copied, "synced_at": now}
