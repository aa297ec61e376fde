"""Service catalog logic below HTTP: SLO math, link templating, and store-level tenant isolation."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from companyos_server.domains.services import links, slo, store
from companyos_server.domains.services.service import create_service_in
from companyos_server.platform.runtime import Runtime


@pytest.mark.parametrize(
    ("objective", "sli", "remaining", "state"),
    [
        (99.9, 99.92, 0.2, "at_risk"),
        (99.9, 99.95, 0.5, "healthy"),
        (99.9, 99.9, 0.0, "exhausted"),
        (99.0, 98.0, -1.0, "exhausted"),
        (99.5, 100.0, 1.0, "healthy"),
    ],
)
def test_error_budget(objective: float, sli: float, remaining: float, state: str) -> None:
    summary = slo.summarize({"objective": objective, "window_days": 28, "sli": sli})
    assert summary["error_budget_remaining"] == pytest.approx(remaining)
    assert summary["state"] == state and summary["source"] == "stored"


def test_slo_empty_states_are_explicit() -> None:
    assert slo.summarize(None)["state"] == "not_configured"
    no_data = slo.summarize({"objective": 99.9, "window_days": 7})
    assert (no_data["state"], no_data["objective"], no_data["sli"]) == ("no_data", 99.9, None)
    from_samples = slo.summarize({"objective": 99.0, "sli": 50.0}, samples_sli=99.5)
    assert (from_samples["sli"], from_samples["source"], from_samples["error_budget_remaining"]) == (
        99.5,
        "samples",
        0.5,
    )


def test_fill_encodes_values_and_keeps_the_template() -> None:
    template = "https://g.example/d/x?svc={service}&t={tenant}&from={from}&to={to}&env={environment}"
    values = {"service": "a b&c", "tenant": "acme", "from": "1", "to": "2", "environment": "staging"}
    assert (
        links.fill(template, values) == "https://g.example/d/x?svc=a%20b%26c&t=acme&from=1&to=2&env=staging"
    )
    assert links.epoch_ms(datetime(2026, 1, 1, tzinfo=UTC)) == "1767225600000"


def test_store_never_returns_another_tenants_services(runtime: Runtime) -> None:
    with runtime.db.session() as session:
        from companyos_server.seed import seed_tenants

        seed_tenants(runtime)
        acme = create_service_in(
            session, "acme", {"name": "shared-name", "owner": {"team": "a"}, "tier": "tier-1"}, "t"
        )
        globex = create_service_in(
            session, "globex", {"name": "shared-name", "owner": {"team": "g"}, "tier": "tier-2"}, "t"
        )
        dep = create_service_in(
            session,
            "globex",
            {"name": "uses-it", "owner": {"team": "g"}, "tier": "tier-3", "dependencies": [globex["id"]]},
            "t",
        )
    with runtime.db.session() as session:
        assert store.get(session, "acme", globex["id"]) is None
        assert store.get(session, "globex", acme["id"]) is None
        assert store.get_by_name(session, "acme", "shared-name").id == acme["id"]  # type: ignore[union-attr]
        assert [r.id for r in store.all_services(session, "acme")] == [acme["id"]]
        assert store.get_many(session, "acme", [globex["id"], dep["id"]]) == {}
        assert [r.tenant_id for r in store.list_page(session, "acme", after=None, limit=50)] == ["acme"]
        assert store.edges(session, "acme") == []
        assert store.dependents_of(session, "acme", globex["id"]) == []
        assert store.dependents_of(session, "globex", globex["id"]) == [dep["id"]]


def test_a_dependency_in_another_tenant_is_not_found(runtime: Runtime) -> None:
    from companyos_server import errors
    from companyos_server.seed import seed_tenants

    seed_tenants(runtime)
    with runtime.db.session() as session:
        other = create_service_in(
            session, "globex", {"name": "theirs", "owner": {"team": "g"}, "tier": "tier-1"}, "t"
        )
    with pytest.raises(errors.DomainError) as caught, runtime.db.session() as session:
        create_service_in(
            session,
            "acme",
            {"name": "mine", "owner": {"team": "a"}, "tier": "tier-1", "dependencies": [other["id"]]},
            "t",
        )
    assert caught.value.status == 404


def test_inspect_gets_service_links_from_the_registry(runtime: Runtime) -> None:
    from companyos_server.domains.inspect.links import links_for
    from companyos_server.domains.services import seed as services_seed
    from companyos_server.domains.tenant_config import seed as config_seed
    from companyos_server.seed import seed_tenants

    seed_tenants(runtime)
    services_seed.seed_demo(runtime)
    config_seed.seed_demo(runtime)
    with runtime.db.session() as session:
        checkout = store.get_by_name(session, "acme", "checkout-api")
        assert checkout is not None
    found = links_for("acme", {"kind": "service", "id": checkout.id, "name": "checkout-api", "ref": "x"})
    names = [link["name"] for link in found]
    assert names[:3] == [
        "Grafana dashboard for checkout-api",
        "Prometheus queries for checkout-api",
        "Loki logs for checkout-api",
    ]
    assert "var-service=checkout-api" in found[0]["url"] and "grafana.eu.example.com" in found[0]["url"]
