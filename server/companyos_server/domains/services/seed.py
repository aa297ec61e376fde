"""Demo services for both demo tenants: owners, tiers, dependencies, runbooks, SLOs. Idempotent."""

from __future__ import annotations

from typing import Any

from companyos_server.domains.services import service, store
from companyos_server.platform.runtime import Runtime

SEED_ORDER = 10
ACTOR = "seed"
RUNBOOKS = "https://runbooks.example.com"


def _svc(
    name: str,
    description: str,
    team: str,
    tier: str,
    *,
    deps: tuple[str, ...] = (),
    envs: tuple[str, ...] = ("production", "staging"),
    locations: tuple[str, ...] = (),
    slo: dict[str, Any] | None = None,
    contact: str | None = None,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "name": name,
        "description": description,
        "owner": {"team": team, "contact": contact or f"#{team}-oncall"},
        "tier": tier,
        "environments": list(envs),
        "runbooks": [{"title": f"{name} runbook", "url": f"{RUNBOOKS}/{name}"}],
        "data_locations": list(locations),
        "deps": list(deps),
    }
    if slo:
        body["slo"] = slo
    return body


def availability(objective: float, sli: float | None) -> dict[str, Any]:
    return {
        "objective": objective,
        "window_days": 28,
        "indicator": "availability of HTTP requests (non-5xx)",
        **({"sli": sli} if sli is not None else {}),
    }


# Listed so that every dependency comes before its dependents.
DEMO_SERVICES: dict[str, list[dict[str, Any]]] = {
    "acme": [
        _svc("auth-service", "OIDC login, sessions and API tokens.", "identity", "tier-0",
             locations=("eu",), slo=availability(99.95, 99.981)),
        _svc("payments-gateway", "Card and SEPA payments through the acquirer.", "payments", "tier-0",
             deps=("auth-service",), locations=("eu",), slo=availability(99.95, 99.962)),
        _svc("inventory-service", "Stock levels and reservations per warehouse.", "fulfilment", "tier-1",
             locations=("eu",), slo=availability(99.9, 99.97)),
        _svc("checkout-api", "Cart checkout: pricing, payment capture and order creation.", "payments",
             "tier-0", deps=("auth-service", "payments-gateway", "inventory-service"), locations=("eu",),
             slo=availability(99.9, 99.92), contact="payments-oncall@acme.example"),
        _svc("search-api", "Product search and typeahead.", "discovery", "tier-2",
             deps=("inventory-service",), locations=("eu",), slo=availability(99.5, 99.81)),
        _svc("notification-service", "E-mail and push notifications for orders.", "messaging", "tier-2",
             deps=("auth-service",), locations=("eu",), slo=availability(99.5, None)),
        _svc("analytics-ingest", "Clickstream ingestion into the analytics warehouse.", "data", "tier-3",
             envs=("production",), locations=("eu", "us")),
        _svc("web-storefront", "The customer-facing web shop.", "web", "tier-1",
             deps=("checkout-api", "search-api", "auth-service"), locations=("eu",),
             slo=availability(99.9, 99.95)),
    ],
    "globex": [
        _svc("customer-profile", "Customer accounts and addresses.", "accounts", "tier-1",
             locations=("us",), slo=availability(99.9, 99.96)),
        _svc("pricing-engine", "Price rules, promotions and tax.", "commerce", "tier-1",
             locations=("us",), slo=availability(99.9, 99.93)),
        _svc("cart-service", "Shopping carts.", "commerce", "tier-1",
             deps=("pricing-engine", "customer-profile"), locations=("us",), slo=availability(99.9, 99.95)),
        _svc("order-service", "Order placement and status.", "commerce", "tier-0",
             deps=("cart-service", "customer-profile"), locations=("us",), slo=availability(99.95, 99.97)),
        _svc("fulfillment-worker", "Picks, packs and ships orders.", "operations", "tier-2",
             deps=("order-service",), envs=("production",), locations=("us",)),
        _svc("email-dispatcher", "Transactional e-mail.", "operations", "tier-3",
             deps=("customer-profile",), locations=("us",), slo=availability(99.0, 99.6)),
        _svc("reporting-api", "Sales reports for merchants.", "data", "tier-3",
             deps=("order-service",), locations=("us",)),
        _svc("storefront", "Globex's web shop.", "web", "tier-0",
             deps=("cart-service", "order-service", "customer-profile"), locations=("us",),
             slo=availability(99.95, 99.985)),
    ],
}  # fmt: skip


def seed_demo(runtime: Runtime) -> None:
    with runtime.db.session() as session:
        for tenant_id, specs in DEMO_SERVICES.items():
            ids: dict[str, str] = {}
            for spec in specs:
                existing = store.get_by_name(session, tenant_id, spec["name"])
                if existing is not None:
                    ids[spec["name"]] = existing.id
                    continue
                body = {k: v for k, v in spec.items() if k != "deps"}
                body["dependencies"] = [ids[d] for d in spec["deps"]]
                ids[spec["name"]] = service.create_service_in(session, tenant_id, body, ACTOR)["id"]
