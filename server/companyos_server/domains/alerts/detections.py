"""Security detections in the same inbox: one alert per (rule, group), re-detections update it (dedup).

Called by the SecOps domain in its own session. The alert carries ``category`` ``security``, the
``rule`` that fired, the ``principal`` it is about, the principal's ``risk`` at the time, and the
``detection`` (the Sigma rule's title and level, group, metric, evidence event ids, enrichment). An
acknowledged or silenced alert stays so when the rule fires again; a resolved one fires again.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from companyos_server.domains.alerts import store
from companyos_server.domains.alerts.store import AlertRow
from companyos_server.domains.slos import budget as slo_budget
from companyos_server.platform.storage import new_id

MAX_EVIDENCE = 50


def fingerprint(rule: str, title: str, group: list[tuple[str, str]] | tuple[tuple[str, str], ...]) -> str:
    canonical = json.dumps([rule, title, sorted(list(g) for g in group)], separators=(",", ":"))
    return "sec-" + hashlib.sha256(canonical.encode()).hexdigest()[:28]


def upsert_security_alert(
    session: Session,
    tenant_id: str,
    *,
    rule: str,
    title: str,
    severity: str,
    principal: str | None,
    group: list[tuple[str, str]] | tuple[tuple[str, str], ...],
    detection: dict[str, Any],
    risk: float | None,
    at: datetime,
    now: datetime,
) -> tuple[AlertRow, str]:
    """``(row, "created" | "updated" | "refired")``."""
    key = fingerprint(rule, title, group)
    evidence = list(detection.get("event_ids") or [])[-MAX_EVIDENCE:]
    labels = {"alertname": title[:200], "category": "security", "rule": rule, "severity": severity}
    if principal:
        labels["principal"] = principal
    row = store.by_fingerprint(session, tenant_id, key)
    if row is None:
        row = AlertRow(
            id=new_id("alt"), tenant_id=tenant_id, fingerprint=key, name=title[:200], status="firing",
            severity=severity, summary=f"{title}" + (f" ({principal})" if principal else ""),
            description=str(detection.get("description") or "")[:8000], labels=labels, annotations={},
            starts_at=at, occurrences=1, last_received_at=now, burn_rate=slo_budget.severity_burn_rate(severity),
            slo_objective=99.9, slo_window_days=30, slo_source="default", category="security", rule=rule,
            principal=principal, risk=risk, detection={**detection, "event_ids": evidence},
            created_at=now, updated_at=now,
        )  # fmt: skip
        try:
            with session.begin_nested():
                session.add(row)
            return row, "created"
        except IntegrityError:
            found = store.by_fingerprint(session, tenant_id, key)
            if found is None:
                raise
            row = found
    previous = dict(row.detection or {})
    merged = list(dict.fromkeys([*(previous.get("event_ids") or []), *evidence]))[-MAX_EVIDENCE:]
    row.detection = {**previous, **detection, "event_ids": merged}
    row.risk, row.last_received_at, row.updated_at = risk, now, now
    row.occurrences += 1
    if row.status == "resolved":
        row.status, row.starts_at, row.ends_at = "firing", at, None
        row.acknowledged_by = row.acknowledged_at = None
        return row, "refired"
    return row, "updated"


def security_alerts_of(session: Session, tenant_id: str, principal: str) -> list[AlertRow]:
    from companyos_server.platform.storage import tenant_select

    query = tenant_select(AlertRow, tenant_id).where(
        AlertRow.category == "security", AlertRow.principal == principal
    )
    return list(session.scalars(query.order_by(AlertRow.id.desc()).limit(200)))
