"""The two sandbox profiles, as data: what a seeded demo tenant holds.

* ``ops-heavy`` — a service catalog with dependencies, a week of deployments ending in a bad deploy
  (``checkout-api`` v2.14.0 failed its verification 40 minutes before the clock anchor), firing and
  resolved alerts, an open incident opened from an alert and a resolved one, ``ledger-ops`` with an SLO,
  30 days of per-minute SLI samples, a noisy static alert and the pages it sent (for SLO Doctor), and a
  credential-stuffing attack for SecOps.
* ``admin-heavy`` — a smaller catalog, three tenant configuration versions and feature flags, a feature
  through its whole lifecycle (idea → experiment → beta → ga → sunset, each gate with its evidence), one in
  beta and one idea, 28 days of product analytics usage, and a dataset of synthetic customers.

Times are minutes before the clock anchor (the ``now`` a sandbox is seeded at). Numbers the seed draws
(traffic noise, jitter, analytics usage, dataset values, attack timing) come from generators seeded with
the sandbox's seed, so the same seed gives the same tenant.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["PROFILES", "AlertSpec", "DeploySpec", "IncidentSpec", "Profile", "ServiceSpec", "profile"]

HOUR = 60
DAY = 24 * HOUR


@dataclass(frozen=True)
class ServiceSpec:
    name: str
    description: str
    team: str
    tier: str
    deps: tuple[str, ...] = ()
    environments: tuple[str, ...] = ("production", "staging")
    objective: float | None = None  # the embedded SLO (availability, 28 days) when set
    sli: float | None = None
    contact: str | None = None


@dataclass(frozen=True)
class DeploySpec:
    service: str
    environment: str
    version: str
    minutes_ago: int
    outcome: str  # succeeded, or the stage that failed (build | deploy | verification)
    actor: str = "ci:github-actions"


@dataclass(frozen=True)
class AlertSpec:
    key: str  # the Alertmanager fingerprint (unique per tenant)
    name: str
    service: str
    severity: str  # critical | warning | info
    summary: str
    started_ago: int
    resolved_ago: int | None = None


@dataclass(frozen=True)
class IncidentSpec:
    key: str
    title: str
    severity: str
    service: str
    summary: str
    opened_ago: int
    commander: str
    helper: tuple[str, str]  # (subject, role)
    statuses: tuple[tuple[str, int, str], ...]  # (status, minutes after opening, note)
    checklist: tuple[str, ...] = ()  # empty: the default runbook of an incident opened from an alert
    checked: int = 0  # how many checklist items are ticked
    from_alert: str | None = None  # an AlertSpec key
    notes: tuple[tuple[int, str], ...] = ()  # (minutes after opening, text)


@dataclass(frozen=True)
class Profile:
    name: str
    description: str
    services: tuple[ServiceSpec, ...]
    deployments: tuple[DeploySpec, ...] = ()
    alerts: tuple[AlertSpec, ...] = ()
    incidents: tuple[IncidentSpec, ...] = ()
    ledger: bool = False  # ledger-ops: SLO, 30 days of SLI samples, the noisy alert's pages
    attack: bool = False  # a credential-stuffing attack in the SecOps event stream
    config_versions: int = 1
    flags: tuple[dict[str, Any], ...] = ()
    lifecycle: bool = False  # the feature portfolio (one feature idea → sunset)
    analytics_users: int = 0
    dataset_rows: int = 0


def _svc(name: str, description: str, team: str, tier: str, **kw: Any) -> ServiceSpec:
    return ServiceSpec(name, description, team, tier, **kw)


OPS_HEAVY = Profile(
    name="ops-heavy",
    description="Incidents, releases, SLOs with 30 days of data, noisy alerts for SLO Doctor, an attack for SecOps.",
    services=(
        _svc("auth-service", "OIDC login, sessions and API tokens.", "identity", "tier-0",
             objective=99.95, sli=99.981),
        _svc("payments-gateway", "Card and SEPA payments through the acquirer.", "payments", "tier-0",
             deps=("auth-service",), objective=99.95, sli=99.962),
        _svc("inventory-service", "Stock levels and reservations per warehouse.", "fulfilment", "tier-1",
             objective=99.9, sli=99.97),
        _svc("checkout-api", "Cart checkout: pricing, payment capture and order creation.", "payments",
             "tier-0", deps=("auth-service", "payments-gateway", "inventory-service"), objective=99.9,
             sli=99.92, contact="payments-oncall@sandbox.example"),
        _svc("search-api", "Product search and typeahead.", "discovery", "tier-2",
             deps=("inventory-service",), objective=99.5, sli=99.81),
        _svc("web-storefront", "The customer-facing web shop.", "web", "tier-1",
             deps=("checkout-api", "search-api", "auth-service"), objective=99.9, sli=99.95),
    ),
    deployments=(
        DeploySpec("checkout-api", "production", "v2.13.0", 130 * HOUR, "succeeded"),
        DeploySpec("checkout-api", "production", "v2.13.1", 74 * HOUR, "succeeded"),
        DeploySpec("checkout-api", "staging", "v2.14.0", 26 * HOUR, "succeeded"),
        DeploySpec("checkout-api", "production", "v2.13.2", 22 * HOUR, "succeeded", "usr_carol"),
        DeploySpec("checkout-api", "production", "v2.14.0", 40, "verification", "usr_carol"),
        DeploySpec("payments-gateway", "production", "v5.2.0", 150 * HOUR, "succeeded"),
        DeploySpec("payments-gateway", "production", "v5.2.1", 50 * HOUR, "succeeded"),
        DeploySpec("auth-service", "production", "v3.8.4", 100 * HOUR, "succeeded"),
        DeploySpec("inventory-service", "production", "v1.42.0", 30 * HOUR, "deploy", "usr_dave"),
        DeploySpec("inventory-service", "production", "v1.41.1", 29 * HOUR, "succeeded", "usr_dave"),
        DeploySpec("search-api", "production", "v0.18.3", 60 * HOUR, "succeeded"),
        DeploySpec("web-storefront", "production", "v12.5.0", 12 * HOUR, "succeeded", "usr_erin"),
    ),
    alerts=(
        AlertSpec("sbx0checkout5xx", "HighErrorRate", "checkout-api", "critical",
                  "checkout-api 5xx ratio above 5% (7.3% over 5m)", 12),
        AlertSpec("sbx0payments0p99", "LatencyP99High", "payments-gateway", "warning",
                  "payments-gateway p99 latency above 800 ms", 95),
        AlertSpec("sbx0search0errors", "HighErrorRate", "search-api", "critical",
                  "search-api 5xx ratio above 5%", 2 * DAY, 2 * DAY - 48),
    ),
    incidents=(
        IncidentSpec(
            key="payments-latency", title="Payments gateway latency above SLO", severity="sev2",
            service="payments-gateway", summary="p99 latency over 800 ms on card authorisations.",
            opened_ago=90, commander="usr_alice", helper=("usr_carol", "ops"),
            statuses=(("identified", 35, "Suspect the latest deploy"),), checked=2, from_alert="sbx0payments0p99",
            notes=((20, "Impact confirmed on a subset of requests; checking recent deploys."),),
        ),
        IncidentSpec(
            key="search-5xx", title="Search API 5xx spike after index rebuild", severity="sev3",
            service="search-api",
            summary="A partial index rebuild returned 5xx for 48 minutes; rolled back to the previous index.",
            opened_ago=2 * DAY - 5, commander="usr_alice", helper=("usr_carol", "comms"),
            statuses=(("identified", 12, ""), ("monitoring", 30, ""), ("resolved", 50, "")),
            checklist=("Confirm customer impact", "Roll back the index", "Verify the error rate",
                       "Write the postmortem"),
            checked=4,
        ),
    ),
    ledger=True,
    attack=True,
    config_versions=1,
)  # fmt: skip

ADMIN_HEAVY = Profile(
    name="admin-heavy",
    description="Tenant configuration, flags, a feature through its lifecycle, analytics usage, a dataset.",
    services=(
        _svc("auth-service", "OIDC login, sessions and API tokens.", "identity", "tier-0",
             objective=99.95, sli=99.981),
        _svc("checkout-api", "Cart checkout: pricing, payment capture and order creation.", "payments",
             "tier-0", deps=("auth-service",), objective=99.9, sli=99.95),
        _svc("web-storefront", "The customer-facing web shop.", "web", "tier-1",
             deps=("checkout-api", "auth-service"), objective=99.9, sli=99.95),
        _svc("analytics-ingest", "Clickstream ingestion into the analytics warehouse.", "data", "tier-3",
             environments=("production",)),
    ),
    config_versions=3,
    flags=(
        {"key": "express-shipping", "description": "Offer express shipping at checkout.", "enabled": True,
         "temporary": True},
        {"key": "new-checkout-flow", "description": "One-page checkout.", "enabled": False,
         "rules": [{"name": "sandbox-first", "environments": ["staging", "sandbox"], "enabled": True}]},
        {"key": "checkout-copy", "description": "Checkout button copy (experiment).", "enabled": True,
         "variants": {"control": "Buy now", "treatment": "Get it today"}, "default_variant": "control",
         "temporary": True},
        {"key": "maintenance-banner", "description": "Show the maintenance banner.", "enabled": False},
    ),
    lifecycle=True,
    analytics_users=24,
    dataset_rows=2000,
)  # fmt: skip

PROFILES: dict[str, Profile] = {p.name: p for p in (OPS_HEAVY, ADMIN_HEAVY)}


def profile(name: str) -> Profile:
    from companyos_server import errors

    found = PROFILES.get(name)
    if found is None:
        raise errors.invalid_argument(
            f"Unknown sandbox profile '{name}': one of {', '.join(sorted(PROFILES))}.",
            [errors.FieldError("profile", f"must be one of {', '.join(sorted(PROFILES))}")],
        )
    return found
