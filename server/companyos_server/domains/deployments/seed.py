"""Demo deployments: a week of history per service, and the on-call walkthrough's bad deploy.

acme's tier-0 ``checkout-api`` got v2.14.0 in production 40 minutes before seeding; its verification
failed (error rate over threshold), and v2.13.2 is the rollback candidate. Idempotent: services that
already have deployments are left alone.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from typing import Any

from companyos_server.domains.deployments import service, store
from companyos_server.domains.services import store as services_store
from companyos_server.platform.runtime import Runtime
from companyos_server.platform.storage import utcnow

SEED_ORDER = 20
STAGE_MINUTES = {"build": (0, 4), "deploy": (5, 9), "verification": (10, 20)}
ACTORS = {"acme": ("usr_carol", "ci:github-actions"), "globex": ("usr_gabe", "ci:jenkins")}

# (service, environment, version, hours ago, outcome): outcome is succeeded, or the failed stage.
WALKTHROUGH = ("checkout-api", "production", "v2.14.0", 40 / 60, "verification")
HISTORY: dict[str, list[tuple[str, str, str, float, str]]] = {
    "acme": [
        ("checkout-api", "production", "v2.13.0", 130, "succeeded"),
        ("checkout-api", "production", "v2.13.1", 74, "succeeded"),
        ("checkout-api", "staging", "v2.14.0", 26, "succeeded"),
        ("checkout-api", "production", "v2.13.2", 22, "succeeded"),
        WALKTHROUGH,
        ("payments-gateway", "production", "v5.2.0", 150, "succeeded"),
        ("payments-gateway", "production", "v5.2.1", 50, "succeeded"),
        ("auth-service", "production", "v3.8.4", 100, "succeeded"),
        ("auth-service", "staging", "v3.9.0-rc1", 6, "succeeded"),
        ("inventory-service", "production", "v1.41.0", 90, "succeeded"),
        ("inventory-service", "production", "v1.42.0", 30, "deploy"),
        ("inventory-service", "production", "v1.41.1", 29, "succeeded"),
        ("search-api", "production", "v0.18.3", 60, "succeeded"),
        ("notification-service", "production", "v2.0.7", 80, "succeeded"),
        ("analytics-ingest", "production", "v1.3.0", 110, "succeeded"),
        ("web-storefront", "production", "v12.4.0", 45, "succeeded"),
        ("web-storefront", "production", "v12.5.0", 12, "succeeded"),
    ],
    "globex": [
        ("customer-profile", "production", "v4.1.0", 140, "succeeded"),
        ("pricing-engine", "production", "v7.0.0", 120, "succeeded"),
        ("pricing-engine", "production", "v7.1.0", 20, "verification"),
        ("cart-service", "production", "v2.9.1", 96, "succeeded"),
        ("order-service", "production", "v6.3.0", 70, "succeeded"),
        ("order-service", "staging", "v6.4.0-rc2", 8, "succeeded"),
        ("fulfillment-worker", "production", "v1.12.0", 55, "succeeded"),
        ("email-dispatcher", "production", "v0.9.4", 100, "succeeded"),
        ("reporting-api", "production", "v3.2.0", 35, "build"),
        ("storefront", "production", "v8.8.0", 65, "succeeded"),
        ("storefront", "production", "v8.9.0", 5, "succeeded"),
    ],
}

FAILURE_DETAIL = {
    "verification": "Error rate 4.2% over the 1% threshold for 10 minutes; p99 latency 2.8 s",
    "deploy": "Readiness probe failed on 3/6 pods (CrashLoopBackOff)",
    "build": "Unit tests failed: 2 failures in test_pricing_rules",
}


def _iso(value: datetime) -> str:
    return value.isoformat().replace("+00:00", "Z")


def stages_for(start: datetime, outcome: str) -> list[dict[str, Any]]:
    stages: list[dict[str, Any]] = []
    failed = False
    for name, (begin, end) in STAGE_MINUTES.items():
        if failed:
            stages.append(
                {"name": name, "state": "pending", "started_at": None, "finished_at": None, "detail": None}
            )
            continue
        state = "failed" if name == outcome else "succeeded"
        failed = state == "failed"
        stages.append(
            {
                "name": name,
                "state": state,
                "started_at": _iso(start + timedelta(minutes=begin)),
                "finished_at": _iso(start + timedelta(minutes=end)),
                "detail": FAILURE_DETAIL.get(name) if failed else None,
            }
        )
    return stages


def commit_for(tenant_id: str, service_name: str, version: str) -> str:
    return hashlib.sha256(f"{tenant_id}/{service_name}/{version}".encode()).hexdigest()[:12]


def seed_demo(runtime: Runtime) -> None:
    now = utcnow()
    with runtime.db.session() as session:
        for tenant_id, history in HISTORY.items():
            human, ci = ACTORS[tenant_id]
            seeded: set[str] = set()
            for name, environment, version, hours_ago, outcome in history:
                svc = services_store.get_by_name(session, tenant_id, name)
                if svc is None:
                    continue
                if svc.id not in seeded and store.ids_for_service(session, tenant_id, svc.id):
                    continue  # this service already has a history
                seeded.add(svc.id)
                start = now - timedelta(hours=hours_ago)
                body = {
                    "environment": environment,
                    "version": version,
                    "commit": commit_for(tenant_id, name, version),
                    "description": f"Release {version} of {name}",
                }
                actor = human if outcome != "succeeded" or hours_ago < 24 else ci
                service.create_deployment_in(
                    session, tenant_id, svc.id, body, actor, stages=stages_for(start, outcome), at=start
                )
