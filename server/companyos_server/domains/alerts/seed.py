"""Demo alerts for both demo tenants, ingested through the real Alertmanager path. Idempotent.

acme's firing critical ``HighErrorRate`` on ``checkout-api`` is the start of the on-call walkthrough
(docs/walkthroughs/on-call.md): it is left without an incident so the walkthrough can open one.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import select

from companyos_server.domains.alerts import service, store
from companyos_server.domains.alerts.services_ref import intelgraph
from companyos_server.platform.principal import Principal, TenantContext
from companyos_server.platform.runtime import Runtime
from companyos_server.platform.storage import utcnow

SEED_ORDER = 30
WALKTHROUGH_FINGERPRINT = "acme0checkout5xx"

# tenant → [(fingerprint, alertname, service, severity, summary, minutes ago started, minutes ago resolved)]
DEMO_ALERTS: dict[str, list[tuple[str, str, str, str, str, int, int | None]]] = {
    "acme": [
        (WALKTHROUGH_FINGERPRINT, "HighErrorRate", "checkout-api", "critical",
         "checkout-api 5xx ratio above 5% (7.3% over 5m)", 12, None),
        ("acme0payments0p99", "LatencyP99High", "payments-gateway", "warning",
         "payments-gateway p99 latency above 800 ms", 95, None),
        ("acme0analytics0disk", "DiskSpaceLow", "analytics-ingest", "info",
         "analytics-ingest volume /data above 85%", 600, 540),
        ("acme0search0errors", "HighErrorRate", "search-api", "critical",
         "search-api 5xx ratio above 5%", 2 * 24 * 60, 2 * 24 * 60 - 48),
    ],
    "globex": [
        ("globex0orders0backlog", "OrderQueueBacklog", "order-service", "warning",
         "order-service queue depth above 5,000 for 10m", 40, None),
        ("globex0storefront5xx", "HighErrorRate", "storefront", "critical",
         "storefront 5xx ratio above 5%", 3 * 24 * 60, 3 * 24 * 60 - 35),
        ("globex0email0bounce", "EmailBounceRate", "email-dispatcher", "info",
         "email-dispatcher bounce rate above 3%", 30, None),
    ],
}  # fmt: skip


def seed_context(runtime: Runtime, tenant_id: str, username: str, roles: tuple[str, ...]) -> TenantContext:
    """A context acting as a seeded demo user (their real subject id when the identity seed ran)."""
    from companyos_server.platform.identity.models import IdpUser

    with runtime.db.session() as session:
        subject = session.scalars(select(IdpUser.id).where(IdpUser.username == username)).first()
    principal = Principal(subject=subject or f"usr_{username}", kind="user", tenants={tenant_id: roles})
    return TenantContext(tenant_id=tenant_id, principal=principal, roles=roles)


def _alert(
    fingerprint: str, name: str, svc: str, severity: str, summary: str, started: int, ended: int | None
) -> dict[str, Any]:
    now = utcnow()
    return {
        "status": "firing" if ended is None else "resolved",
        "labels": {"alertname": name, "service": svc, "severity": severity, "job": svc, "namespace": "prod"},
        "annotations": {"summary": summary, "runbook_url": f"https://runbooks.example.com/{svc}#{name}"},
        "startsAt": (now - timedelta(minutes=started)).isoformat().replace("+00:00", "Z"),
        "endsAt": (now - timedelta(minutes=ended)).isoformat().replace("+00:00", "Z")
        if ended is not None
        else "0001-01-01T00:00:00Z",
        "generatorURL": f"http://prometheus.example:9090/graph?g0.expr=ALERTS%7Balertname%3D%22{name}%22%7D",
        "fingerprint": fingerprint,
    }


def seed_demo(runtime: Runtime) -> None:
    graph = intelgraph(runtime)
    for tenant_id, alerts in DEMO_ALERTS.items():
        principal = Principal(
            subject="ingest-key:demo-seed", kind="client", tenants={tenant_id: ("alert_ingest",)}
        )
        ctx = TenantContext(tenant_id=tenant_id, principal=principal, roles=("alert_ingest",))
        for spec in alerts:
            with runtime.db.session() as session:
                if store.by_fingerprint(session, tenant_id, spec[0]) is not None:
                    continue
            alert = _alert(*spec)
            if alert["status"] == "resolved":  # it fired first, then resolved: two notifications
                firing = {**alert, "status": "firing", "endsAt": "0001-01-01T00:00:00Z"}
                service.ingest_alertmanager(runtime.db, graph, ctx, _payload(firing))
            service.ingest_alertmanager(runtime.db, graph, ctx, _payload(alert))


def _payload(alert: dict[str, Any]) -> dict[str, Any]:
    return {
        "version": "4",
        "groupKey": f'{{}}:{{alertname="{alert["labels"]["alertname"]}"}}',
        "truncatedAlerts": 0,
        "status": alert["status"],
        "receiver": "companyos",
        "groupLabels": {"alertname": alert["labels"]["alertname"]},
        "commonLabels": dict(alert["labels"]),
        "commonAnnotations": dict(alert["annotations"]),
        "externalURL": "http://alertmanager.example:9093",
        "alerts": [alert],
    }
