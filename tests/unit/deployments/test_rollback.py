"""``rollback_to`` (Maestro's entry point), stage arithmetic and store-level tenant isolation."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from companyos_server import errors
from companyos_server.domains.deployments import service, store
from companyos_server.domains.deployments.seed import stages_for
from companyos_server.domains.services import store as services_store
from companyos_server.platform.runtime import Runtime
from companyos_server.platform.storage import utcnow


@pytest.fixture
def demo(runtime: Runtime) -> Runtime:
    from companyos_server.domains.deployments import seed as deployments_seed
    from companyos_server.domains.services import seed as services_seed
    from companyos_server.domains.tenant_config import seed as config_seed
    from companyos_server.seed import seed_tenants

    seed_tenants(runtime)
    for module in (services_seed, config_seed, deployments_seed):
        module.seed_demo(runtime)
    return runtime


def _checkout(runtime: Runtime) -> tuple[str, list[Any]]:
    with runtime.db.session() as session:
        svc = services_store.get_by_name(session, "acme", "checkout-api")
        assert svc is not None
        return svc.id, store.for_service(session, "acme", svc.id, "production")


def test_overall_state() -> None:
    now = utcnow()
    assert service.overall_state(stages_for(now, "succeeded")) == "succeeded"
    assert service.overall_state(stages_for(now, "deploy")) == "failed"
    pending = [{"name": n, "state": "pending"} for n in service.STAGES]
    assert service.overall_state(pending) == "pending"
    pending[0]["state"] = "succeeded"
    assert service.overall_state(pending) == "running"


def test_rollback_to_rolls_back_to_the_newest_candidate(demo: Runtime) -> None:
    checkout, history = _checkout(demo)
    bad = history[0]
    assert (bad.version, bad.state) == ("v2.14.0", "failed")
    with demo.db.session() as session:
        result = service.rollback_to(session, "acme", bad.id, "usr_maestro")
    new, old, target = result["deployment"], result["rolled_back"], result["target"]
    assert (old["id"], old["state"]) == (bad.id, "rolled_back")
    assert target["version"] == "v2.13.2"
    assert (new["version"], new["commit"], new["state"]) == ("v2.13.2", target["commit"], "succeeded")
    assert new["rollback_of"] == bad.id and new["actor"] == "usr_maestro"
    assert new["environment"] == "production" and new["service_id"] == checkout
    assert all(s["state"] == "succeeded" for s in new["stages"])

    _, after = _checkout(demo)
    assert [d.version for d in after[:2]] == ["v2.13.2", "v2.14.0"]
    assert after[1].state == "rolled_back"
    # What's changed on the deployment is in IntelGraph, with the actor.
    window = {"since": utcnow() - timedelta(hours=1), "until": utcnow() + timedelta(minutes=1)}
    changes = demo.graph.what_changed("acme", f"deployment:{bad.id}", **window)
    assert any(c["action"] == "deployments:rollback" and c["actor"] == "usr_maestro" for c in changes)

    with pytest.raises(errors.DomainError) as twice, demo.db.session() as session:
        service.rollback_to(session, "acme", bad.id, "usr_maestro")
    assert twice.value.status == 409


def test_rollback_to_a_named_target_and_refusals(demo: Runtime) -> None:
    _, history = _checkout(demo)
    bad, oldest = history[0], history[-1]
    with demo.db.session() as session:
        result = service.rollback_to(session, "acme", bad.id, "usr_x", target_deployment_id=oldest.id)
    assert result["deployment"]["version"] == "v2.13.0"

    with pytest.raises(errors.DomainError) as missing, demo.db.session() as session:
        service.rollback_to(session, "globex", bad.id, "usr_x")
    assert missing.value.status == 404  # another tenant's deployment does not exist here
    with pytest.raises(errors.DomainError) as none_left, demo.db.session() as session:
        service.rollback_to(session, "acme", oldest.id, "usr_x")
    assert none_left.value.status == 409 and "No earlier" in none_left.value.detail


def test_rollback_in_a_failed_transaction_changes_nothing(demo: Runtime) -> None:
    _, history = _checkout(demo)
    bad = history[0]

    def failing_step() -> None:
        with demo.db.session() as session:
            service.rollback_to(session, "acme", bad.id, "usr_x")
            raise RuntimeError("the plan step failed after the call")

    with pytest.raises(RuntimeError):
        failing_step()
    _, after = _checkout(demo)
    assert [(d.id, d.state) for d in after] == [(d.id, d.state) for d in history]


def test_store_never_returns_another_tenants_deployments(demo: Runtime) -> None:
    checkout, history = _checkout(demo)
    with demo.db.session() as session:
        assert store.get(session, "globex", history[0].id) is None
        assert store.for_service(session, "globex", checkout, "production") == []
        assert store.ids_for_service(session, "globex", checkout) == []
        rows = store.list_page(session, "globex", after=None, limit=500)
        assert rows and {r.tenant_id for r in rows} == {"globex"}
        assert store.list_page(session, "globex", after=None, limit=500, service_id=checkout) == []


def test_demo_seeds_are_idempotent_and_fill_both_tenants(demo: Runtime) -> None:
    from companyos_server.domains.deployments import seed as deployments_seed
    from companyos_server.domains.services import seed as services_seed
    from companyos_server.domains.tenant_config import seed as config_seed
    from companyos_server.domains.tenant_config import store as config_store

    def counts() -> dict[str, tuple[int, int, int, int]]:
        with demo.db.session() as session:
            return {
                t: (
                    len(services_store.all_services(session, t)),
                    len(store.list_page(session, t, after=None, limit=500)),
                    config_store.latest_version_number(session, t),
                    len(config_store.flags_page(session, t, after=None, limit=500)),
                )
                for t in ("acme", "globex")
            }

    before = counts()
    assert before == {"acme": (8, 17, 3, 4), "globex": (8, 11, 2, 3)}
    for module in (services_seed, config_seed, deployments_seed):
        module.seed_demo(demo)
    assert counts() == before
