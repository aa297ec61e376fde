"""IntelGraph on SQLite and PostgreSQL (the `runtime` fixture runs each test on both)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from companyos_server.core.intelgraph.graph import IntelGraph
from companyos_server.core.intelgraph.models import GraphChangeRow, GraphEdgeRow, GraphEntityRow
from companyos_server.errors import DomainError
from companyos_server.platform.runtime import Runtime
from companyos_server.platform.storage import utcnow


def build(graph: IntelGraph, runtime: Runtime, tenant: str = "acme") -> None:
    """web → api → db, api → cache, cache → db (a cycle through db), deploy → api."""
    with runtime.db.session() as s:
        for ident, name, env in [
            ("web", "Storefront Web", "production"),
            ("api", "Payments API", "production"),
            ("db", "Payments DB", "production"),
            ("cache", "Redis Cache", "staging"),
        ]:
            graph.upsert_entity(
                s, tenant_id=tenant, kind="service", entity_id=ident, name=name,
                attributes={"environment": env, "tier": "1"}, actor="usr_alice",
            )  # fmt: skip
        graph.upsert_entity(s, tenant_id=tenant, kind="deployment", entity_id="dep1", name="api v42")
        graph.link(s, tenant_id=tenant, src="service:web", relation="depends_on", dst="service:api")
        graph.link(s, tenant_id=tenant, src="service:api", relation="depends_on", dst="service:db")
        graph.link(s, tenant_id=tenant, src="service:api", relation="depends_on", dst="service:cache")
        graph.link(s, tenant_id=tenant, src="service:cache", relation="depends_on", dst="service:db")
        graph.link(s, tenant_id=tenant, src="deployment:dep1", relation="deployed_to", dst="service:api")


@pytest.fixture
def graph(runtime: Runtime) -> IntelGraph:
    return runtime.graph


def test_upsert_returns_ref_and_get_reads_it(graph: IntelGraph, runtime: Runtime) -> None:
    build(graph, runtime)
    entity = graph.get("acme", "service:api")
    assert entity is not None
    assert entity["ref"] == "service:api" and entity["name"] == "Payments API"
    assert entity["attributes"] == {"environment": "production", "tier": "1"}
    assert graph.get("acme", "service:nope") is None


def test_neighbours_depth_kinds_relations(graph: IntelGraph, runtime: Runtime) -> None:
    build(graph, runtime)
    one = graph.neighbours("acme", "service:api", depth=1)
    assert one["root"]["name"] == "Payments API"
    assert sorted(e["ref"] for e in one["entities"]) == [
        "deployment:dep1", "service:cache", "service:db", "service:web",
    ]  # fmt: skip
    assert {e["depth"] for e in one["entities"]} == {1}
    assert len(one["edges"]) == 5  # includes cache → db between two depth-1 neighbours

    from_web = graph.neighbours("acme", "service:web", depth=2)
    depths = {e["ref"]: e["depth"] for e in from_web["entities"]}
    assert depths == {"service:api": 1, "service:db": 2, "service:cache": 2, "deployment:dep1": 2}

    only_deploys = graph.neighbours("acme", "service:web", depth=2, kinds=["deployment"])
    assert [e["ref"] for e in only_deploys["entities"]] == ["deployment:dep1"]

    deps_only = graph.neighbours("acme", "service:api", depth=3, relations=["deployed_to"])
    assert [e["ref"] for e in deps_only["entities"]] == ["deployment:dep1"]
    assert [(e["src"], e["dst"]) for e in deps_only["edges"]] == [("deployment:dep1", "service:api")]


def test_paths_are_cycle_safe_and_shortest_first(graph: IntelGraph, runtime: Runtime) -> None:
    build(graph, runtime)
    paths = graph.paths("acme", "service:web", "service:db", max_depth=4)
    as_refs = [[(e["src"], e["relation"], e["dst"]) for e in p] for p in paths]
    assert as_refs[0] == [
        ("service:web", "depends_on", "service:api"),
        ("service:api", "depends_on", "service:db"),
    ]
    assert [
        ("service:web", "depends_on", "service:api"),
        ("service:api", "depends_on", "service:cache"),
        ("service:cache", "depends_on", "service:db"),
    ] in as_refs
    assert len(as_refs) == 2  # no path revisits an entity, however deep we allow
    assert graph.paths("acme", "service:web", "service:db", max_depth=1) == []
    assert len(graph.paths("acme", "service:web", "service:db", max_depth=6, limit=1)) == 1


def test_link_is_idempotent_and_unlink_records_changes(graph: IntelGraph, runtime: Runtime) -> None:
    build(graph, runtime)
    with runtime.db.session() as s:
        graph.link(s, tenant_id="acme", src="service:web", relation="depends_on", dst="service:api")
    with runtime.db.session() as s:
        count = s.query(GraphEdgeRow).filter_by(tenant_id="acme", src="service:web").count()
        assert count == 1
        graph.unlink(
            s, tenant_id="acme", src="service:web", relation="depends_on", dst="service:api", actor="bob"
        )
    assert graph.paths("acme", "service:web", "service:db") == []
    now = utcnow()
    changes = graph.what_changed(
        "acme", "service:web", since=now - timedelta(hours=1), until=now + timedelta(1)
    )
    assert [c["action"] for c in changes] == ["unlinked", "linked", "created"]
    assert changes[0]["actor"] == "bob"


def test_what_changed_window_depth_and_updates(graph: IntelGraph, runtime: Runtime) -> None:
    build(graph, runtime)
    now = utcnow()
    with runtime.db.session() as s:
        graph.record_change(
            s, tenant_id="acme", ref="deployment:dep1", actor="ci", action="deployed",
            summary="api v42 rolled out", at=now - timedelta(hours=3),
        )  # fmt: skip
        graph.upsert_entity(
            s, tenant_id="acme", kind="service", entity_id="api", name="Payments API",
            attributes={"environment": "production", "tier": "0"}, actor="usr_carol",
        )  # fmt: skip
    own = graph.what_changed(
        "acme", "service:api", since=now - timedelta(minutes=5), until=now + timedelta(1)
    )
    assert own[0]["action"] == "updated" and own[0]["actor"] == "usr_carol"
    assert own[0]["details"]["attributes"] == {"tier": {"from": "1", "to": "0"}}
    window = graph.what_changed(
        "acme", "service:api", since=now - timedelta(hours=4), until=now - timedelta(hours=2), depth=1
    )
    assert [(c["ref"], c["action"]) for c in window] == [("deployment:dep1", "deployed")]
    assert (
        graph.what_changed(
            "acme", "service:api", since=now - timedelta(hours=4), until=now - timedelta(hours=2), depth=0
        )
        == []
    )
    with pytest.raises(DomainError):
        graph.what_changed("acme", "service:api", since=now, until=now - timedelta(1))


def test_unchanged_upsert_records_nothing(graph: IntelGraph, runtime: Runtime) -> None:
    build(graph, runtime)
    with runtime.db.session() as s:
        before = s.query(GraphChangeRow).filter_by(tenant_id="acme", ref="service:api").count()
        graph.upsert_entity(
            s, tenant_id="acme", kind="service", entity_id="api", name="Payments API",
            attributes={"environment": "production", "tier": "1"},
        )  # fmt: skip
        assert s.query(GraphChangeRow).filter_by(tenant_id="acme", ref="service:api").count() == before


def test_remove_entity_drops_edges_and_search_document(graph: IntelGraph, runtime: Runtime) -> None:
    from companyos_server.core.intelgraph import search

    build(graph, runtime)
    with runtime.db.session() as s:
        assert [h.ref for h in search.search(s, tenant_id="acme", query="redis", kinds=["service"])] == [
            "service:cache"
        ]
        graph.remove_entity(s, tenant_id="acme", ref="service:cache", actor="usr_alice")
    with runtime.db.session() as s:
        assert search.search(s, tenant_id="acme", query="redis", kinds=["service"]) == []
        assert (
            s.query(GraphEdgeRow)
            .filter((GraphEdgeRow.src == "service:cache") | (GraphEdgeRow.dst == "service:cache"))
            .count()
            == 0
        )
    assert graph.get("acme", "service:cache") is None
    assert len(graph.paths("acme", "service:web", "service:db")) == 1


def test_no_query_returns_another_tenants_rows(graph: IntelGraph, runtime: Runtime) -> None:
    from companyos_server.core.intelgraph import search

    build(graph, runtime, "acme")
    build(graph, runtime, "globex")
    with runtime.db.session() as s:
        graph.upsert_entity(
            s, tenant_id="globex", kind="service", entity_id="secret", name="Globex Secret Ledger"
        )
        graph.link(s, tenant_id="globex", src="service:api", relation="depends_on", dst="service:secret")
    now = utcnow()
    assert graph.get("acme", "service:secret") is None
    refs = {e["ref"] for e in graph.neighbours("acme", "service:api", depth=4)["entities"]}
    assert "service:secret" not in refs
    assert graph.paths("acme", "service:web", "service:secret") == []
    assert len(graph.paths("globex", "service:web", "service:secret")) == 1
    changes = graph.what_changed(
        "acme", "service:api", since=now - timedelta(1), until=now + timedelta(1), depth=3
    )
    assert all(c["ref"] != "service:secret" for c in changes)
    with runtime.db.session() as s:
        assert search.search(s, tenant_id="acme", query="ledger", kinds=["service"]) == []
        assert [h.ref for h in search.search(s, tenant_id="globex", query="ledger", kinds=["service"])] == [
            "service:secret"
        ]
        assert s.query(GraphEntityRow).filter_by(tenant_id="acme").count() == 5
    # the same refs exist in both tenants: acme's neighbours still only count acme's edges
    assert len(graph.neighbours("acme", "service:api")["edges"]) == 5


def test_writes_roll_back_with_the_callers_transaction(graph: IntelGraph, runtime: Runtime) -> None:
    def failing_domain_change() -> None:
        with runtime.db.session() as s:
            graph.upsert_entity(s, tenant_id="acme", kind="service", entity_id="ghost", name="Ghost")
            raise RuntimeError("domain change failed")

    with pytest.raises(RuntimeError):
        failing_domain_change()
    assert graph.get("acme", "service:ghost") is None
    from companyos_server.core.intelgraph import search

    with runtime.db.session() as s:
        assert search.search(s, tenant_id="acme", query="ghost", kinds=["service"]) == []


def test_bad_refs_are_invalid_arguments(graph: IntelGraph, runtime: Runtime) -> None:
    with pytest.raises(DomainError) as exc:
        graph.neighbours("acme", "not a ref")
    assert exc.value.status == 400
    with pytest.raises(DomainError), runtime.db.session() as s:
        graph.link(s, tenant_id="acme", src="service:a", relation="Depends On", dst="service:b")
