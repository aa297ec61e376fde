"""Data residency posture: where the tenant's data lives, compared with the tenant's residency.

Data stores and export destinations come from the configuration's ``data_stores`` section; without
one, the platform's own stores apply, which the platform places in the tenant's region. Services
declare ``data_locations``. Anything outside the tenant's residency is a violation.
"""

from __future__ import annotations

from typing import Any

from companyos_server import errors
from companyos_server.domains.services import store as services_store
from companyos_server.domains.tenant_config import store
from companyos_server.domains.tenants import store as tenants_store
from companyos_server.platform.principal import TenantContext
from companyos_server.platform.storage import Database, utcnow

PLATFORM_STORES = (
    ("database", "CompanyOS primary database"),
    ("object_store", "Data Spine evidence store"),
    ("analytics", "Analytics store"),
    ("export", "Audit exports"),
)
EXPORT_KINDS = ("export", "backup")


def posture(db: Database, ctx: TenantContext) -> dict[str, Any]:
    with db.session() as session:
        tenant = tenants_store.get(session, ctx.tenant_id)
        if tenant is None:
            raise errors.not_found("Tenant", ctx.tenant_id)
        region = tenant.residency
        config = store.latest(session, ctx.tenant_id)
        declared = (config.document or {}).get("data_stores") if config else None
        if isinstance(declared, list) and declared:
            entries = [
                (d["kind"], d["name"], d["location"], "configuration")
                for d in declared
                if isinstance(d, dict)
            ]
        else:
            entries = [(kind, name, region, "platform_default") for kind, name in PLATFORM_STORES]
        stores: list[dict[str, Any]] = []
        exports: list[dict[str, Any]] = []
        violations: list[dict[str, Any]] = []
        for kind, name, location, source in entries:
            item = {
                "kind": kind,
                "name": name,
                "service_id": None,
                "locations": [location],
                "compliant": location == region,
                "source": source,
            }
            (exports if kind in EXPORT_KINDS else stores).append(item)
            if location != region:
                violations.append(
                    {
                        "kind": kind,
                        "name": name,
                        "service_id": None,
                        "location": location,
                        "detail": f"{name} keeps data in {location}; tenant residency is {region}.",
                    }
                )
        services = []
        for row in services_store.all_services(session, ctx.tenant_id):
            locations = list(row.data_locations or [])
            outside = [loc for loc in locations if loc != region]
            services.append(
                {
                    "kind": "service",
                    "name": row.name,
                    "service_id": row.id,
                    "locations": locations,
                    "compliant": not outside,
                    "source": "service",
                }
            )
            violations += [
                {
                    "kind": "service",
                    "name": row.name,
                    "service_id": row.id,
                    "location": loc,
                    "detail": f"Service {row.name} stores data in {loc}; tenant residency is {region}.",
                }
                for loc in outside
            ]
        return {
            "tenant_id": ctx.tenant_id,
            "residency": region,
            "compliant": not violations,
            "stores": stores,
            "exports": exports,
            "services": services,
            "violations": violations,
            "evaluated_at": utcnow(),
        }
