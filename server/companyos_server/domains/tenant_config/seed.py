"""Demo tenant configuration (three versions for acme, two for globex) and feature flags. Idempotent."""

from __future__ import annotations

import copy
from typing import Any

from companyos_server.domains.tenant_config import flags, service, store
from companyos_server.platform.runtime import Runtime

SEED_ORDER = 12  # after services (10), before deployments (20)

GRAFANA = "https://grafana.{region}.example.com/d/service-overview?var-tenant={{tenant}}&var-service={{service}}&var-env={{environment}}&from={{from}}&to={{to}}"
PROMETHEUS = "https://prometheus.{region}.example.com/graph?g0.expr=sum(rate(http_requests_total%7Btenant%3D%22{{tenant}}%22%2Cservice%3D%22{{service}}%22%7D%5B5m%5D))&g0.range_input=1h&g0.end_input={{to}}"
LOKI = "https://grafana.{region}.example.com/explore?left=%7B%22datasource%22%3A%22loki%22%2C%22queries%22%3A%5B%7B%22expr%22%3A%22%7Bservice%3D%5C%22{{service}}%5C%22%7D%22%7D%5D%2C%22range%22%3A%7B%22from%22%3A%22{{from}}%22%2C%22to%22%3A%22{{to}}%22%7D%7D"


def _observability(region: str, *, loki: bool) -> dict[str, str]:
    section = {"grafana": GRAFANA.format(region=region), "prometheus": PROMETHEUS.format(region=region)}
    if loki:
        section["loki"] = LOKI.format(region=region)
    return section


def _stores(region: str, backup_region: str) -> list[dict[str, str]]:
    return [
        {"name": "CompanyOS primary database", "kind": "database", "location": region},
        {"name": "Data Spine evidence store", "kind": "object_store", "location": region},
        {"name": "Analytics warehouse", "kind": "analytics", "location": region},
        {"name": "Audit exports bucket", "kind": "export", "location": region},
        {"name": f"Nightly backups ({backup_region})", "kind": "backup", "location": backup_region},
    ]


def _versions(
    region: str, backup_region: str, admins: tuple[str, str]
) -> list[tuple[str, str, dict[str, Any]]]:
    v1: dict[str, Any] = {
        "observability": _observability(region, loki=False),
        "maintenance_window": "Sun 02:00-04:00 UTC",
        "incident": {"default_severity": "sev3", "paging": {"tier-0": True, "tier-1": True, "tier-2": False}},
    }
    v2 = copy.deepcopy(v1)
    v2["observability"] = _observability(region, loki=True)
    v2["data_stores"] = _stores(region, backup_region)
    v3 = copy.deepcopy(v2)
    v3["maintenance_window"] = "Sat 23:00-01:00 UTC"
    v3["incident"]["paging"]["tier-2"] = True
    return [
        (admins[0], "Initial configuration: Grafana and Prometheus links, paging policy", v1),
        (admins[1], "Add Loki log links and declare data stores", v2),
        (admins[0], "Move the maintenance window; page tier-2 services too", v3),
    ]


DEMO_CONFIG = {
    "acme": _versions("eu", "us", ("usr_erin", "usr_carol")),
    "globex": _versions("us", "us", ("usr_gina", "usr_gabe"))[:2],
}
FLAG_AUTHORS = {"acme": "usr_erin", "globex": "usr_gina"}  # the demo tenant admins create the demo flags


DEMO_FLAGS: dict[str, list[dict[str, Any]]] = {
    "acme": [
        {"key": "new-checkout-flow", "description": "One-page checkout (v2.14 feature).", "enabled": False,
         "rules": [{"name": "staging-first", "environments": ["staging", "sandbox"], "enabled": True}]},
        {"key": "payments-3ds-v2", "description": "3-D Secure 2 for card payments.", "enabled": True,
         "override": {"enabled": True, "reason": "Required by PSD2 for EU tenants"}},
        {"key": "search-ranking", "description": "Search ranking model.", "enabled": True,
         "variants": {"control": "bm25", "treatment": "hybrid-semantic"}, "default_variant": "control",
         "rules": [{"name": "staging-treatment", "environments": ["staging"], "variant": "treatment"}]},
        {"key": "maintenance-banner", "description": "Show the maintenance banner.", "enabled": False},
    ],
    "globex": [
        {"key": "express-shipping", "description": "Offer express shipping at checkout.", "enabled": True},
        {"key": "cart-recommendations", "description": "Product recommendations in the cart.",
         "enabled": False, "rules": [{"name": "staging-only", "environments": ["staging"], "enabled": True}]},
        {"key": "pricing-cache", "description": "Cache price rules in the pricing engine.", "enabled": True,
         "override": {"enabled": False, "reason": "Stale prices after the promotion import; off until fixed"}},
    ],
}  # fmt: skip


def seed_demo(runtime: Runtime) -> None:
    with runtime.db.session() as session:
        for tenant_id, versions in DEMO_CONFIG.items():
            if store.latest(session, tenant_id) is None:
                for author, message, document in versions:
                    service.save_version_in(session, tenant_id, document, author=author, message=message)
        for tenant_id, specs in DEMO_FLAGS.items():
            for spec in specs:
                if store.get_flag(session, tenant_id, spec["key"]) is None:
                    flags.create_flag_in(session, tenant_id, spec, actor=FLAG_AUTHORS[tenant_id])
