"""Demo analytics for both demo tenants, with contrasting usage. Deterministic for a given day; idempotent.

* acme (eu, enterprise): 40 users, growing adoption of ``service-map`` (most roles), steady daily use,
  fast interactions.
* globex (us, standard): 12 users, bursty and churning usage, low adoption, slower interactions.

Then the ops feed copies both tenants' ops records (deployments, incidents, alerts, SLI samples …).
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

from companyos_server import errors
from companyos_server.domains.alerts.seed import seed_context
from companyos_server.domains.analytics import ingest, opsfeed, registry, reports, schedules
from companyos_server.domains.analytics import store as metadata
from companyos_server.domains.analytics.service import keyring, warehouse
from companyos_server.domains.analytics.warehouse import query
from companyos_server.domains.tenants import store as tenants_store
from companyos_server.platform.runtime import Runtime

SEED_ORDER = 90  # after the domains whose ops records it feeds
DAYS = 28
FEATURES = ("service-map", "deployments", "incidents", "search", "policies")
ROLES = ("platform_engineer", "sre", "tenant_admin", "viewer", "security_analyst")
PROFILES: dict[str, dict[str, Any]] = {
    "acme": {"users": 40, "daily": 0.55, "growth": 0.012, "adopt": 0.7, "latency": (80, 40), "churn": 0.0},
    "globex": {"users": 12, "daily": 0.25, "growth": 0.0, "adopt": 0.2, "latency": (260, 140), "churn": 0.03},
}


def demo_events(tenant_id: str, now: datetime) -> list[dict[str, Any]]:
    p = PROFILES[tenant_id]
    rng = random.Random(f"analytics-{tenant_id}-{now.date().isoformat()}")
    start = (now - timedelta(days=DAYS - 1)).replace(hour=0, minute=0, second=0, microsecond=0)
    events: list[dict[str, Any]] = []
    for u in range(p["users"]):
        user, role = f"{tenant_id}-user-{u:03d}", ROLES[u % len(ROLES)]
        gone_after = DAYS if not p["churn"] else int(rng.expovariate(p["churn"]))
        for day in range(DAYS):
            if day > gone_after or rng.random() > min(0.95, p["daily"] + p["growth"] * day):
                continue
            when = start + timedelta(days=day, hours=rng.randint(7, 18), minutes=rng.randint(0, 59))
            if when > now - timedelta(minutes=10):
                continue
            events.append({"schema": "Page Viewed", "version": "1-0-0", "ts": _iso(when), "user_id": user,
                           "user_role": role, "client_type": "console", "properties": {"page": "home"}})  # fmt: skip
            adopt = rng.random() < p["adopt"] * (0.5 + day / DAYS)
            for feature in rng.sample(FEATURES, rng.randint(1, 3)):
                if feature == "service-map" and not adopt:
                    continue
                mean, spread = p["latency"]
                latency = round(max(5.0, rng.gauss(mean, spread)), 1)
                events.append({"schema": "Feature Used", "version": "1-0-0", "user_id": user, "user_role": role,
                               "ts": _iso(when + timedelta(minutes=1)), "feature": feature, "client_type": "console",
                               "properties": {"action": "open", "latency_ms": latency}})  # fmt: skip
            if rng.random() < 0.15:
                events.append({"schema": "Report Exported", "version": "1-0-0", "user_id": user, "user_role": role,
                               "ts": _iso(when + timedelta(minutes=5)), "client_type": "console",
                               "properties": {"format": rng.choice(["csv", "pdf"])}})  # fmt: skip
    return events


def _iso(value: datetime) -> str:
    return value.isoformat().replace("+00:00", "Z")


# acme's delivery policy on the console's Exports & schedules page: its admin gets the month's ops KPIs.
DEMO_SCHEDULE = {
    "name": "Monthly ops KPIs", "report": "ops_kpis", "parameters": {"days": 30}, "format": "csv",
    "recipients": ["ops-leads@acme.example"], "cadence": {"every": "month", "day_of_month": 1, "at": "07:00"},
}  # fmt: skip


def seed_schedule(runtime: Runtime, tenant_id: str = "acme") -> None:
    with runtime.db.session() as session:
        tenant = tenants_store.get(session, tenant_id)
        if (
            tenant is None
            or session.query(metadata.AnalyticsScheduleRow).filter_by(tenant_id=tenant_id).first()
        ):
            return  # not a demo tenant, or seeded already
        residency = tenant.residency
    ctx = seed_context(runtime, tenant_id, "erin", ("tenant_admin",))
    backend = warehouse(runtime).partition(residency)
    schedules.create_schedule(runtime, backend, ctx, DEMO_SCHEDULE)


def seed_demo(runtime: Runtime) -> None:
    _seed_usage(runtime)
    seed_schedule(runtime)


def _seed_usage(runtime: Runtime) -> None:
    store = warehouse(runtime)
    now = datetime.now(UTC)
    for tenant_id in PROFILES:
        with runtime.db.session() as session:
            try:
                tenant = ingest.profile(session, tenant_id)
            except errors.DomainError:  # a tenant the demo seed did not create: nothing to fill
                continue
            schemas = registry.catalog(session, tenant_id)
        backend = store.partition(tenant.region)
        seen = query(backend, tenant_id, "SELECT count(*) AS n FROM events WHERE kind = 'product'")
        if seen and int(seen[0]["n"]):
            continue  # idempotent: the demo usage is there already
        key = ingest.tenant_key(runtime.db, keyring(runtime), tenant_id)
        events = demo_events(tenant_id, now)
        for i in range(0, len(events), ingest.MAX_BATCH):
            prepared = ingest.prepare(events[i : i + ingest.MAX_BATCH], tenant=tenant, schemas=schemas, key=key,
                                      caller_role="viewer", now=now)  # fmt: skip
            ingest.write(store, tenant.region, prepared.rows)
        opsfeed.sync(runtime.db, store, keyring(runtime), tenant_id)
        reports.refresh(backend)
