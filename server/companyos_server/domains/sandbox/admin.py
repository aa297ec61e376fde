"""Seeded rows of the administration domains: tenant configuration versions, feature flags, the feature
portfolio and its lifecycle, a dataset in the lake, and product analytics usage in the warehouse.

Configuration versions and flags go through their domain writers (``save_version_in``, ``create_flag_in``:
validation, shaping, the flag-change announcement) and then get the seeded id and times; features are
written as rows, each transition checked against the registry's evidence gates; the dataset's rows are one
Parquet file published where an import would put it; analytics events go through the ingest pipeline's
``prepare`` and ``write`` (validation, pseudonymisation, de-duplication by event id) on the seeded clock.
"""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import pyarrow as pa
from sqlalchemy import update

from companyos_server.domains.datasets import seed as datasets_demo
from companyos_server.domains.datasets.lake import Lake, write_parquet_atomic
from companyos_server.domains.datasets.schema import arrow_schema, check_fields
from companyos_server.domains.datasets.store import DatasetRow
from companyos_server.domains.features.registry import NEXT, REQUIRED_EVIDENCE
from companyos_server.domains.features.store import FeatureRow, FeatureTransitionRow
from companyos_server.domains.tenant_config import flags as tenant_flags
from companyos_server.domains.tenant_config import service as config_service
from companyos_server.domains.tenant_config.seed import GRAFANA, LOKI, PROMETHEUS
from companyos_server.domains.tenant_config.store import ConfigVersionRow, FlagRow

if TYPE_CHECKING:
    from companyos_server.domains.sandbox.stories import Seeding

ADMINS = ("usr_erin", "usr_carol")
DATASET = "customers-demo"
DATASET_IMPORT = "sandbox-seed"  # the provenance ``_import_id`` of the seeded rows (no import ran)
COUNTRIES = ("DE", "FR", "NL", "ES", "IT", "IE", "PL", "SE")


# -- tenant configuration and flags ----------------------------------------------------------------
def config_documents(region: str) -> list[tuple[str, str, dict[str, Any]]]:
    """Up to three versions, as the development seed writes them (tenant_config/seed.py)."""
    v1: dict[str, Any] = {
        "observability": {"grafana": GRAFANA.format(region=region), "prometheus": PROMETHEUS.format(region=region)},
        "maintenance_window": "Sun 02:00-04:00 UTC",
        "incident": {"default_severity": "sev3", "paging": {"tier-0": True, "tier-1": True, "tier-2": False}},
    }  # fmt: skip
    v2 = copy.deepcopy(v1)
    v2["observability"]["loki"] = LOKI.format(region=region)
    v2["data_stores"] = [
        {"name": "CompanyOS primary database", "kind": "database", "location": region},
        {"name": "Analytics warehouse", "kind": "analytics", "location": region},
        {"name": "Audit exports bucket", "kind": "export", "location": region},
    ]
    v3 = copy.deepcopy(v2)
    v3["maintenance_window"] = "Sat 23:00-01:00 UTC"
    v3["incident"]["paging"]["tier-2"] = True
    return [
        (ADMINS[0], "Initial configuration: Grafana and Prometheus links, paging policy", v1),
        (ADMINS[1], "Add Loki log links and declare data stores", v2),
        (ADMINS[0], "Move the maintenance window; page tier-2 services too", v3),
    ]


def seed_config(s: Seeding, region: str, versions: int) -> None:
    for n, (author, message, document) in enumerate(config_documents(region)[:versions], start=1):
        at = s.at(minutes_ago=(40 - 10 * n) * 24 * 60)
        config_service.save_version_in(s.session, s.tenant_id, document, author=author, message=message)
        s.session.execute(
            update(ConfigVersionRow)
            .where(ConfigVersionRow.tenant_id == s.tenant_id, ConfigVersionRow.version == n)
            .values(id=s.ids.make("cfg", f"config/{n}", at), created_at=at)
        )
        s.count("tenant_config_versions")


def seed_flags(s: Seeding, specs: tuple[dict[str, Any], ...]) -> None:
    for n, spec in enumerate(specs):
        at = s.at(minutes_ago=(20 - n) * 24 * 60)
        tenant_flags.create_flag_in(s.session, s.tenant_id, copy.deepcopy(spec))
        s.session.execute(
            update(FlagRow)
            .where(FlagRow.tenant_id == s.tenant_id, FlagRow.key == spec["key"])
            .values(id=s.ids.make("flg", f"flag/{spec['key']}", at), created_at=at, updated_at=at)
        )
        s.count("tenant_flags")


# -- the feature portfolio ---------------------------------------------------------------------------
# (feature, [(target state, actor, [(evidence kind, title)])]): each move carries the evidence its gate needs.
JOURNEYS: dict[str, list[tuple[str, str, list[tuple[str, str]]]]] = {
    "express-shipping": [
        ("experiment", "usr_erin", [("design", "Express shipping: design review")]),
        ("beta", "usr_carol", [("kpi_results", "Experiment: +3.1 pt checkout conversion (CI 1.2–5.0)"),
                               ("risk_controls", "Kill switch `express-shipping`, carrier quota alerting")]),
        ("ga", "usr_erin", [("slo_health", "checkout-api SLO 99.95 % over 28 days, no burn alerts"),
                            ("security_signoff", "AppSec review SEC-412: no findings")]),
        ("sunset", "usr_carol", [("sunset_plan", "Replaced by same-day delivery; flag removal next quarter")]),
    ],
    "one-page-checkout": [
        ("experiment", "usr_carol", [("design", "One-page checkout design")]),
        ("beta", "usr_carol", [("kpi_results", "A/B: -4.2 pt abandonment"),
                               ("risk_controls", "Kill switch `new-checkout-flow`")]),
    ],
    "saved-carts": [],
}  # fmt: skip
FEATURES: dict[str, dict[str, Any]] = {
    "express-shipping": {
        "name": "Express shipping", "owner": "fulfilment-team",
        "problem": "Shoppers abandon carts when delivery takes more than three days.",
        "hypothesis": "Offering express shipping at checkout raises conversion by 2 points.",
        "objectives": ["Raise checkout conversion", "Keep carrier cost per order flat"],
        "kpis": [{"name": "checkout_conversion", "target": "+2 pt", "result": "+3.1 pt"}],
        "personas": ["shopper", "support agent"], "links": [{"kind": "flag", "ref": "express-shipping"}],
    },
    "one-page-checkout": {
        "name": "One-page checkout", "owner": "payments-team",
        "problem": "Checkout abandonment is 38 % across four steps.",
        "hypothesis": "A single page cuts abandonment by 5 points.", "objectives": ["Lower checkout abandonment"],
        "kpis": [{"name": "checkout_abandonment", "target": "< 33 %"}], "personas": ["shopper"],
        "links": [{"kind": "flag", "ref": "new-checkout-flow"}],
    },
    "saved-carts": {
        "name": "Saved carts", "owner": "storefront-team", "problem": "Returning shoppers rebuild their carts.",
        "hypothesis": "", "objectives": ["Raise repeat purchases"], "kpis": [], "personas": [], "links": [],
    },
}  # fmt: skip


def seed_features(s: Seeding) -> None:
    for n, (key, journey) in enumerate(JOURNEYS.items()):
        spec = FEATURES[key]
        created = s.at(minutes_ago=(60 - 5 * n) * 24 * 60)
        feature_id = s.ids.make("feat", f"feature/{key}", created)
        state, evidence, at = "idea", [], created
        transitions = []
        for step, (target, actor, items) in enumerate(journey):
            if target != "sunset" and NEXT.get(state) != target:  # pragma: no cover - fixed data
                raise RuntimeError(f"feature {key}: {state} cannot move to {target}")
            at = at + timedelta(days=6, hours=step)
            for kind, title in items:
                evidence.append({
                    "id": s.ids.make("evd", f"feature/{key}/evidence/{kind}", at), "kind": kind, "title": title,
                    "url": None, "summary": "", "added_by": actor, "added_at": at.isoformat(),
                })  # fmt: skip
            have = {e["kind"] for e in evidence}
            missing = [k for k in REQUIRED_EVIDENCE[target] if k not in have]
            if missing:  # pragma: no cover - fixed data
                raise RuntimeError(f"feature {key}: {target} needs evidence {missing}")
            moved = at + timedelta(minutes=30)
            transitions.append({
                "id": s.ids.make("ftr", f"feature/{key}/transition/{target}", moved), "feature_id": feature_id,
                "from_state": state, "to_state": target, "actor": actor, "note": f"Evidence reviewed for {target}.",
                "evidence": [e for e in evidence if e["kind"] in REQUIRED_EVIDENCE[target]], "at": moved,
            })  # fmt: skip
            state, at = target, moved
        s.add(FeatureRow, {
            "id": feature_id, "key": key, "name": spec["name"], "owner": spec["owner"], "problem": spec["problem"],
            "hypothesis": spec["hypothesis"], "state": state, "objectives": spec["objectives"],
            "kpis": spec["kpis"], "personas": spec["personas"], "tenants": [s.tenant_id], "links": spec["links"],
            "evidence": evidence, "created_at": created, "updated_at": at,
        })  # fmt: skip
        for row in transitions:
            s.add(FeatureTransitionRow, row)
        s.entities.append({"kind": "feature", "entity_id": key, "name": spec["name"], "at": created,
                           "attributes": {"state": state, "owner": spec["owner"]},
                           "text": f"{spec['problem']} {spec['hypothesis']}".strip()})  # fmt: skip


# -- a dataset ----------------------------------------------------------------------------------------
def dataset_table(s: Seeding, rows: int) -> pa.Table:
    """Synthetic customers in the development seed's ``customers-demo`` schema (all rows valid)."""
    rng = s.rng("dataset")
    start = datetime(2026, 1, 1, tzinfo=UTC)
    fields = check_fields(datasets_demo.FIELDS, "signed_up")
    records = [
        {"customer_id": i, "name": f"Customer {i}", "email": f"customer{i}@example.com",
         "country": rng.choice(COUNTRIES), "lifetime_value": round(rng.uniform(0, 5000), 2),
         "active": rng.random() < 0.6, "signed_up": start + timedelta(minutes=rng.randrange(0, 60 * 24 * 300)),
         "_import_id": DATASET_IMPORT, "_file": "customers.csv", "_row": i}
        for i in range(1, rows + 1)
    ]  # fmt: skip
    return pa.Table.from_pylist(records, schema=arrow_schema(fields))


def seed_dataset(s: Seeding, lake: Lake, region: str, rows: int) -> None:
    created = s.at(minutes_ago=10 * 24 * 60)
    dataset_id = s.ids.make("ds", f"dataset/{DATASET}", created)
    path = lake.dataset_dir(s.tenant_id, region, dataset_id) / lake.published_name(DATASET_IMPORT, "c00000")
    size = write_parquet_atomic(path, dataset_table(s, rows))
    fields = check_fields(datasets_demo.FIELDS, "signed_up")
    description = "Synthetic demo customers (seeded)."
    s.add(DatasetRow, {
        "id": dataset_id, "name": DATASET, "description": description, "fields": fields, "residency": region,
        "time_field": "signed_up", "row_count": rows, "size_bytes": size, "created_by": ADMINS[0],
        "created_at": created, "updated_at": created,
    })  # fmt: skip
    s.files.append(path)
    s.entities.append({
        "kind": "dataset", "entity_id": dataset_id, "name": DATASET, "at": created,
        "attributes": {"residency": region, "row_count": rows, "fields": len(fields),
                       "pii_fields": [f["name"] for f in fields if f["classification"] == "pii"]},
        "text": " ".join([description, *(f["name"] for f in fields)]),
    })  # fmt: skip


# -- product analytics ------------------------------------------------------------------------------
ROLES = ("platform_engineer", "sre", "tenant_admin", "viewer", "security_analyst")
USED = ("service-map", "deployments", "incidents", "search", "policies")
DAYS = 28


def analytics_events(s: Seeding, users: int) -> list[dict[str, Any]]:
    """28 days of console usage (the development seed's acme shape): growing adoption of ``service-map``."""
    rng = s.rng("analytics")
    start = (s.anchor - timedelta(days=DAYS - 1)).replace(hour=0, minute=0)
    events: list[dict[str, Any]] = []

    def add(event: dict[str, Any]) -> None:
        events.append({"id": f"sbx-{len(events):05d}", "version": "1-0-0", "client_type": "console", **event})

    for u in range(users):
        user, role = f"user-{u:03d}", ROLES[u % len(ROLES)]
        for day in range(DAYS):
            if rng.random() > min(0.95, 0.55 + 0.012 * day):
                continue
            when = start + timedelta(days=day, hours=rng.randint(7, 18), minutes=rng.randint(0, 59))
            if when > s.anchor - timedelta(minutes=10):
                continue
            add({"schema": "Page Viewed", "ts": _iso(when), "user_id": user, "user_role": role,
                 "properties": {"page": "home"}})  # fmt: skip
            adopt = rng.random() < 0.7 * (0.5 + day / DAYS)
            for feature in rng.sample(USED, rng.randint(1, 3)):
                if feature == "service-map" and not adopt:
                    continue
                latency = round(max(5.0, rng.gauss(80, 40)), 1)
                add({"schema": "Feature Used", "ts": _iso(when + timedelta(minutes=1)), "user_id": user,
                     "user_role": role, "feature": feature, "properties": {"action": "open", "latency_ms": latency}})  # fmt: skip
            if rng.random() < 0.15:
                add({"schema": "Report Exported", "ts": _iso(when + timedelta(minutes=5)), "user_id": user,
                     "user_role": role, "properties": {"format": rng.choice(["csv", "pdf"])}})  # fmt: skip
    return events


def _iso(value: datetime) -> str:
    return value.isoformat().replace("+00:00", "Z")


def seed_analytics(s: Seeding, runtime: Any, users: int) -> int:
    """Through ingest's ``prepare`` and ``write`` (as the development seed does), after the tenant's flags
    are committed (events record the flags on). Returns how many events were stored."""
    from companyos_server.domains.analytics import ingest, registry, reports
    from companyos_server.domains.analytics.service import keyring, warehouse

    store = warehouse(runtime)
    with runtime.db.session() as session:
        tenant = ingest.profile(session, s.tenant_id)
        schemas = registry.catalog(session, s.tenant_id)
    key = ingest.tenant_key(runtime.db, keyring(runtime), s.tenant_id)
    events = analytics_events(s, users)
    written = 0
    for i in range(0, len(events), ingest.MAX_BATCH):
        prepared = ingest.prepare(events[i : i + ingest.MAX_BATCH], tenant=tenant, schemas=schemas, key=key,
                                  caller_role="viewer", now=s.anchor)  # fmt: skip
        if prepared.rejected:  # pragma: no cover - generated data
            raise RuntimeError(f"sandbox analytics events rejected: {prepared.rejected[:3]}")
        written += ingest.write(store, tenant.region, prepared.rows)
    reports.refresh(store.partition(tenant.region))
    return written
