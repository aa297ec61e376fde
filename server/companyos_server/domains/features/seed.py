"""Demo feature lifecycle for acme: one feature tracked idea → experiment → beta → ga → sunset with the
evidence each state needs, a second in beta waiting for its GA evidence, and a third still an idea; a
staged rollout approved in staging (the server's scheduler carries it out through its Maestro run once
the server runs) and one awaiting a production approval; an experiment whose treatment wins on its metric
but breaches its guardrail, so shipping it is refused. Idempotent (a feature that exists is left alone)."""

from __future__ import annotations

import random
from typing import Any

from companyos_server.domains.features import experiments, registry, rollouts, store
from companyos_server.domains.tenant_config import flags as tenant_flags
from companyos_server.domains.tenant_config import store as flag_store
from companyos_server.domains.tenant_config.seed import FLAG_AUTHORS
from companyos_server.platform.principal import Principal, TenantContext
from companyos_server.platform.runtime import Runtime

SEED_ORDER = 14  # after tenant configuration and flags (12)

JOURNEY: list[tuple[str, str, list[tuple[str, str]]]] = [
    ("experiment", "usr_erin", [("design", "Express shipping: design review (2026-09-02)")]),
    ("beta", "usr_carol", [("kpi_results", "Experiment: +3.1 pt checkout conversion (CI 1.2–5.0)"),
                           ("risk_controls", "Kill switch `express-shipping`, carrier quota alerting")]),
    ("ga", "usr_erin", [("slo_health", "checkout-api SLO 99.95 % over 28 days, no burn alerts"),
                        ("security_signoff", "AppSec review SEC-412: no findings")]),
    ("sunset", "usr_carol", [("sunset_plan", "Replaced by same-day delivery; flag removal in 2026-12")]),
]  # fmt: skip

FEATURES: list[dict[str, Any]] = [
    {
        "key": "express-shipping",
        "name": "Express shipping",
        "owner": "fulfilment-team",
        "problem": "Shoppers abandon carts when delivery takes more than three days.",
        "hypothesis": "Offering express shipping at checkout raises conversion by 2 points.",
        "objectives": ["Raise checkout conversion", "Keep carrier cost per order flat"],
        "kpis": [{"name": "checkout_conversion", "target": "+2 pt", "result": "+3.1 pt"}],
        "personas": ["shopper", "support agent"],
        "tenants": ["acme"],
        "links": [
            {"kind": "flag", "ref": "express-shipping"},
            {"kind": "dashboard", "ref": "https://grafana.eu.example.com/d/checkout", "title": "Checkout"},
            {
                "kind": "runbook",
                "ref": "https://runbooks.example.com/express-shipping",
                "title": "Carrier outage",
            },
        ],
    },
    {
        "key": "one-page-checkout",
        "name": "One-page checkout",
        "owner": "payments-team",
        "problem": "Checkout abandonment is 38 % across four steps.",
        "hypothesis": "A single page cuts abandonment by 5 points.",
        "objectives": ["Lower checkout abandonment"],
        "kpis": [{"name": "checkout_abandonment", "target": "< 33 %"}],
        "personas": ["shopper"],
        "tenants": ["acme"],
        "links": [{"kind": "flag", "ref": "new-checkout-flow"}],
    },
    {
        "key": "saved-carts",
        "name": "Saved carts",
        "owner": "storefront-team",
        "problem": "Returning shoppers rebuild their carts.",
        "objectives": ["Raise repeat purchases"],
        "tenants": ["acme"],
    },
]
BETA_EVIDENCE = [("design", "One-page checkout design"), ("kpi_results", "A/B: -4.2 pt abandonment"),
                 ("risk_controls", "Kill switch `new-checkout-flow`")]  # fmt: skip


def _ctx(subject: str) -> TenantContext:
    principal = Principal(subject=subject, kind="user", tenants={"acme": ("tenant_admin",)})
    return TenantContext(tenant_id="acme", principal=principal)


# Flags the demo features and experiments use, in both tenants (the spec's examples name them too).
DEMO_FLAGS: list[dict[str, Any]] = [
    {"key": "express-shipping", "description": "Offer express shipping at checkout.", "enabled": True,
     "temporary": True},
    {"key": "checkout-copy", "description": "Checkout button copy (experiment).", "enabled": True,
     "variants": {"control": "Buy now", "treatment": "Get it today"}, "default_variant": "control",
     "temporary": True,
     "rules": [{"name": "pro-first", "environments": ["staging"], "variant": "treatment",
                "conditions": [{"attribute": "plan", "operator": "in", "values": ["pro"]}]},
               {"name": "canary", "environments": ["production"], "variant": "treatment",
                "rollout": {"percentage": 10, "stickiness": "targetingKey"}}]},
    {"key": "same-day-delivery", "description": "Same-day delivery slots at checkout (rolling out).",
     "enabled": False, "temporary": True},
    {"key": "delivery-eta-copy", "description": "Delivery date wording on the product page (experiment).",
     "enabled": True, "variants": {"control": "Arrives in 2-3 days", "treatment": "Arrives by Thursday"},
     "default_variant": "control", "temporary": True},
]  # fmt: skip


def seed_demo(runtime: Runtime) -> None:
    db = runtime.db
    with db.session() as session:
        for tenant_id in ("acme", "globex"):
            for spec in DEMO_FLAGS:
                if flag_store.get_flag(session, tenant_id, spec["key"]) is None:
                    tenant_flags.create_flag_in(session, tenant_id, spec, actor=FLAG_AUTHORS[tenant_id])
        if store.get_feature(session, "acme", FEATURES[0]["key"]) is not None:
            return
    for spec in FEATURES:
        registry.create_feature(db, _ctx("usr_erin"), spec)
    for state, actor, evidence in JOURNEY:
        for kind, title in evidence:
            registry.add_evidence(db, _ctx(actor), "express-shipping", {"kind": kind, "title": title})
        registry.transition(
            db, _ctx(actor), "express-shipping", {"to": state, "note": f"Evidence reviewed for {state}."}
        )
    for kind, title in BETA_EVIDENCE:
        registry.add_evidence(db, _ctx("usr_carol"), "one-page-checkout", {"kind": kind, "title": title})
    for state in ("experiment", "beta"):
        registry.transition(db, _ctx("usr_carol"), "one-page-checkout", {"to": state})

    _seed_rollouts(db)
    _seed_experiment(db)


def _seed_rollouts(db: Any) -> None:
    staged = {"flag_key": "same-day-delivery", "environment": "staging", "stages": [10, 50, 100],
              "bake_seconds": 3600, "gates": {"checks": ["security"]},
              "reason": "Same-day slots for the Berlin and Paris warehouses."}  # fmt: skip
    rollout = rollouts.create_rollout(db, _ctx("usr_carol"), staged)
    rollouts.approve_rollout(db, _ctx("usr_erin"), rollout["id"], {"comment": "Carrier quota confirmed."})
    production = {**staged, "environment": "production", "stages": [5, 25, 100], "bake_seconds": 86400,
                  "reason": "After a week in staging."}  # fmt: skip
    rollouts.create_rollout(db, _ctx("usr_carol"), production)


# Conversion and guardrail ("page_ok": the page rendered within its budget) rates per arm: the treatment
# converts better, but its page is slower past the 2-point tolerance, so the guardrail is breached.
EXPERIMENT_RATES = {"control": (0.10, 0.97), "treatment": (0.135, 0.91)}


def _seed_experiment(db: Any) -> None:
    body = {"key": "eta-wording", "flag_key": "delivery-eta-copy", "environment": "staging",
            "control": "control", "treatment": "treatment", "metric": "add_to_cart",
            "guardrails": ["page_ok"], "guardrail_max_drop": 0.02}  # fmt: skip
    experiment = experiments.create_experiment(db, _ctx("usr_erin"), body)
    rng = random.Random(14)
    events = []
    for i in range(1200):
        variant = "treatment" if i % 2 else "control"
        converts, page_ok = EXPERIMENT_RATES[variant]
        events.append({"subject": f"visitor-{i:04d}", "variant": variant, "converted": rng.random() < converts,
                       "metrics": {"page_ok": rng.random() < page_ok}})  # fmt: skip
    for start in range(0, len(events), 500):
        experiments.record_exposures(
            db, _ctx("usr_erin"), experiment["id"], {"events": events[start : start + 500]}
        )
