"""The service page's dependency graph: a layered layout (users left, dependencies right, by hops) and a
valid Vega-Lite spec drawing it."""

from __future__ import annotations

from companyos_console import charts

SERVICE = {"id": "svc_api", "name": "api"}


def _node(ident: str, name: str, depth: int, slo_state: str = "healthy") -> dict:
    return {"id": ident, "name": name, "depth": depth, "slo_state": slo_state}


def test_columns_by_hop_each_in_name_order_and_centred() -> None:
    downstream = {
        "nodes": [{**SERVICE, "depth": 0}, _node("svc_db", "db", 1), _node("svc_cache", "cache", 1),
                  _node("svc_disk", "disk", 2)],
        "edges": [{"source": "svc_api", "target": "svc_db"}, {"source": "svc_api", "target": "svc_cache"},
                  {"source": "svc_db", "target": "svc_disk"}],
    }  # fmt: skip
    upstream = {
        "nodes": [{**SERVICE, "depth": 0}, _node("svc_web", "web", 1, "at_risk")],
        "edges": [{"source": "svc_web", "target": "svc_api"}],
    }
    nodes, edges = charts.dependency_layout(SERVICE, downstream, upstream)
    place = {n["name"]: (n["x"], n["y"]) for n in nodes}
    assert place == {
        "api": (0, 0),
        "cache": (1, 0.5),
        "db": (1, -0.5),
        "disk": (2, 0),
        "web": (-1, 0),
    }  # cache on top
    assert {(e["from"], e["to"]) for e in edges} == {
        ("api", "db"),
        ("api", "cache"),
        ("db", "disk"),
        ("web", "api"),
    }
    assert all(e["x"] < e["x2"] for e in edges)  # every arrow points right: user -> dependency
    head = next(e for e in edges if (e["from"], e["to"]) == ("web", "api"))
    assert (head["hx"], head["hy"], head["angle"]) == (-0.25, 0, 90.0)  # pointing right, 3/4 along
    down = next(e for e in edges if (e["from"], e["to"]) == ("api", "db"))
    assert 90 < down["angle"] < 180  # to the right and down
    assert next(n for n in nodes if n["name"] == "web")["slo_state"] == "at risk"
    spec = charts.dependency_chart(nodes, edges, validate=True)
    assert spec is not None and spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/")
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["rule", "point", "circle", "text"]


def test_a_service_alone_has_no_graph_and_stray_edges_are_dropped() -> None:
    alone = {"nodes": [{**SERVICE, "depth": 0}], "edges": [{"source": "svc_api", "target": "svc_gone"}]}
    nodes, edges = charts.dependency_layout(SERVICE, alone, {"nodes": [], "edges": []})
    assert [n["name"] for n in nodes] == ["api"] and edges == []
    assert charts.dependency_chart(nodes, edges) is None


def test_deployment_throughput_per_day_and_outcome() -> None:
    deployments = [
        {"created_at": "2026-12-01T10:00:00Z", "state": "succeeded"},
        {"created_at": "2026-12-01T11:00:00Z", "state": "failed"},
        {"created_at": "2026-12-02T09:00:00Z", "state": "rolled_back"},
        {"created_at": "2026-12-02T09:30:00Z", "state": "succeeded"},
        {"created_at": "2026-12-03T08:00:00Z", "state": "running"},
    ]
    rows, summary = charts.deployment_throughput(deployments)
    assert rows == [
        {"day": "2026-12-01", "outcome": "failed", "deployments": 1},
        {"day": "2026-12-01", "outcome": "succeeded", "deployments": 1},
        {"day": "2026-12-02", "outcome": "rolled back", "deployments": 1},
        {"day": "2026-12-02", "outcome": "succeeded", "deployments": 1},
        {"day": "2026-12-03", "outcome": "in progress", "deployments": 1},
    ]
    assert summary == {"total": 5, "days": 3, "per_day": 1.7, "failure_rate": 50.0, "since": "2026-12-01"}
    spec = charts.throughput_chart(rows, validate=True)
    assert spec is not None and spec["mark"]["type"] == "bar"
    assert charts.throughput_chart([]) is None
    # Quiet days count: two deployments ten days apart are 0.2 a day, not 1.
    _, sparse = charts.deployment_throughput(
        [
            {"created_at": "2026-11-01T10:00:00Z", "state": "succeeded"},
            {"created_at": "2026-11-10T10:00:00Z", "state": "succeeded"},
        ]
    )
    assert (sparse["days"], sparse["per_day"]) == (10, 0.2)
    assert charts.deployment_throughput([])[1] == {
        "total": 0,
        "days": 0,
        "per_day": 0.0,
        "failure_rate": None,
        "since": None,
    }
