"""Demo incidents for both demo tenants: one open (from an alert, with a runbook checklist partly
ticked) and one resolved, with realistic timelines. Idempotent (by source alert and by title)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from companyos_server.domains.alerts import store as alerts_store
from companyos_server.domains.alerts.seed import seed_context
from companyos_server.domains.alerts.services_ref import by_name, intelgraph
from companyos_server.domains.incidents import service
from companyos_server.domains.incidents.store import IncidentRow
from companyos_server.platform.runtime import Runtime

SEED_ORDER = 30  # after the alerts seed (same order, sorted by module name)

# tenant → (responder username, roles, open-from-alert fingerprint, resolved incident)
DEMO: dict[str, dict[str, Any]] = {
    "acme": {
        "user": ("alice", ("sre",)),
        "helper": ("carol", "ops"),
        "open_from": "acme0payments0p99",
        "open_title": "Payments gateway latency above SLO",
        "resolved": {
            "title": "Search API 5xx spike after index rebuild",
            "severity": "sev3",
            "service": "search-api",
            "summary": "A partial index rebuild returned 5xx for 48 minutes; rolled back to the previous index.",
            "checklist": [
                "Confirm customer impact",
                "Roll back the index",
                "Verify the error rate",
                "Write the postmortem",
            ],
        },
    },
    "globex": {
        "user": ("gwen", ("sre",)),
        "helper": ("gabe", "ops"),
        "open_from": "globex0orders0backlog",
        "open_title": "Order queue backlog delaying fulfilment",
        "resolved": {
            "title": "Storefront 5xx spike during CDN failover",
            "severity": "sev2",
            "service": "storefront",
            "summary": "The CDN failed over to a cold origin pool; 5xx for 35 minutes until the pool warmed.",
            "checklist": [
                "Confirm customer impact",
                "Pin the warm origin pool",
                "Verify the error rate",
                "Write the postmortem",
            ],
        },
    },
}


def seed_demo(runtime: Runtime) -> None:
    graph = intelgraph(runtime)
    for tenant_id, demo in DEMO.items():
        username, roles = demo["user"]
        ctx = seed_context(runtime, tenant_id, username, roles)
        helper = seed_context(runtime, tenant_id, demo["helper"][0], ("platform_engineer",))
        with runtime.db.session() as session:
            alert = alerts_store.by_fingerprint(session, tenant_id, demo["open_from"])
            alert_id = alert.id if alert is not None else None
        if alert_id is not None:
            incident, created = service.open_from_alert(
                runtime.db, graph, ctx, alert_id, {"title": demo["open_title"], "severity": "sev2"}
            )
            if created:
                path = incident["id"]
                service.add_responder(
                    runtime.db, ctx, path, {"subject": helper.principal.subject, "role": demo["helper"][1]}
                )
                for item in incident["checklist"][:2]:
                    service.check_item(runtime.db, ctx, path, item["id"])
                service.add_timeline_entry(
                    runtime.db,
                    ctx,
                    path,
                    {
                        "kind": "note",
                        "text": "Impact confirmed on a subset of requests; checking recent deploys.",
                    },
                )
                service.update_incident(
                    runtime.db,
                    graph,
                    ctx,
                    path,
                    {"status": "identified", "status_note": "Suspect the latest deploy"},
                )
        _seed_resolved(runtime, graph, ctx, helper, tenant_id, demo["resolved"])


def _seed_resolved(
    runtime: Runtime, graph: Any, ctx: Any, helper: Any, tenant_id: str, spec: dict[str, Any]
) -> None:
    with runtime.db.session() as session:
        exists = session.scalars(
            select(IncidentRow.id).where(
                IncidentRow.tenant_id == tenant_id, IncidentRow.title == spec["title"]
            )
        ).first()
        svc = by_name(session, tenant_id, spec["service"])
    if exists:
        return
    body = {
        "title": spec["title"],
        "severity": spec["severity"],
        "summary": spec["summary"],
        "checklist": spec["checklist"],
        "service_ids": [svc.id] if svc else [],
    }
    incident, _ = service.create_incident(runtime.db, graph, ctx, body)
    ident = incident["id"]
    service.add_responder(runtime.db, ctx, ident, {"subject": helper.principal.subject, "role": "comms"})
    for status in ("identified", "monitoring", "resolved"):
        service.update_incident(runtime.db, graph, ctx, ident, {"status": status})
    for i, item in enumerate(incident["checklist"]):
        service.check_item(runtime.db, helper if i % 2 else ctx, ident, item["id"])
