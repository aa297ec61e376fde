"""Vega-Lite specs for the console's charts, rendered in the browser by the pinned vega-embed.

Each chart also has a text summary, so nothing depends on JavaScript to be readable.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any

VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"


def sli_chart(samples: list[dict[str, Any]], objective: float | None) -> dict[str, Any] | None:
    """The service level indicator (good / total, %) per sample, against the objective."""
    points = [
        {"ts": s["ts"], "sli": round(100.0 * s["good"] / s["total"], 4)} for s in samples if s.get("total")
    ]
    if not points:
        return None
    line = {
        "mark": {"type": "line", "interpolate": "monotone"},
        "encoding": {
            "x": {"field": "ts", "type": "temporal", "title": "Time (UTC)"},
            "y": {"field": "sli", "type": "quantitative", "title": "SLI (%)", "scale": {"zero": False}},
            "tooltip": [{"field": "ts", "type": "temporal"}, {"field": "sli", "type": "quantitative"}],
        },
    }
    layers: list[dict[str, Any]] = [line]
    if objective is not None:
        layers.append(
            {
                "data": {"values": [{"objective": objective}]},
                "mark": {"type": "rule", "strokeDash": [4, 4], "color": "#8b0000"},
                "encoding": {"y": {"field": "objective", "type": "quantitative"}},
            }
        )
    return {
        "$schema": VEGA_LITE_SCHEMA,
        "description": "Service level indicator per sample against the objective",
        "width": "container",
        "height": 200,
        "data": {"values": points},
        "layer": layers,
    }


def sli_summary(samples: list[dict[str, Any]]) -> dict[str, Any] | None:
    values = [100.0 * s["good"] / s["total"] for s in samples if s.get("total")]
    if not values:
        return None
    return {"count": len(values), "latest": values[-1], "lowest": min(values)}


# -- SLO burn charts (altair) ------------------------------------------------------------------------
# Built with altair and emitted as plain Vega-Lite dicts (``validate=False`` on the hot path: the specs
# are fixed shapes over data we made; a unit test validates them against the schema).
WINDOW_ORDER = ["5m", "30m", "1h", "6h", "3d"]


def _alt() -> Any:
    import altair as alt

    return alt


def burn_rate_chart(analysis: dict[str, Any], *, validate: bool = False) -> dict[str, Any] | None:
    """Burn rate now per window (bars) against the Workbook policy's thresholds (dashed rules)."""
    rates = [
        {"window": b["window"], "burn_rate": b["burn_rate"]}
        for b in analysis.get("burn_rates") or []
        if b.get("burn_rate") is not None
    ]
    if not rates:
        return None
    alt = _alt()
    bars = (
        alt.Chart(alt.Data(values=rates))
        .mark_bar()
        .encode(
            x=alt.X("window:N", sort=WINDOW_ORDER, title="Window"),
            y=alt.Y("burn_rate:Q", title="Burn rate (× allowed error rate)"),
            tooltip=[alt.Tooltip("window:N"), alt.Tooltip("burn_rate:Q", format=".2f")],
        )
    )
    thresholds = sorted({float(p["burn_rate_threshold"]) for p in analysis.get("policy") or []})
    layers = [bars]
    if thresholds:
        rules = (
            alt.Chart(alt.Data(values=[{"threshold": t} for t in thresholds]))
            .mark_rule(strokeDash=[4, 4], color="#8b0000")
            .encode(y="threshold:Q")
        )
        layers.append(rules)
    chart = alt.layer(*layers).properties(
        width="container", height=180, description="Burn rate per window against the alerting thresholds"
    )
    return dict(chart.to_dict(validate=validate))


def budget_burndown(samples: list[dict[str, Any]], objective: float | None) -> list[dict[str, Any]]:
    """Error budget left (share of the allowance of the events seen so far) after each sample."""
    if objective is None or objective >= 100:
        return []
    allowed = 1.0 - objective / 100.0
    good = total = 0
    points = []
    for s in samples:
        if not s.get("total"):
            continue
        good += int(s["good"])
        total += int(s["total"])
        spent = (total - good) / (allowed * total)
        points.append({"ts": s["ts"], "budget_remaining": round(100.0 * (1.0 - spent), 3) + 0.0})
    return points


def burndown_chart(
    points: list[dict[str, Any]], *, field: str = "ts", validate: bool = False
) -> dict[str, Any] | None:
    """Error budget left over time (%), with the zero line: below it the budget is overspent."""
    if not points:
        return None
    alt = _alt()
    line = (
        alt.Chart(alt.Data(values=points))
        .mark_line(interpolate="step-after")
        .encode(
            x=alt.X(f"{field}:T", title="Time (UTC)"),
            y=alt.Y("budget_remaining:Q", title="Error budget left (%)"),
            tooltip=[alt.Tooltip(f"{field}:T"), alt.Tooltip("budget_remaining:Q", format=".1f")],
        )
    )
    zero = alt.Chart(alt.Data(values=[{"zero": 0}])).mark_rule(color="#8b0000").encode(y="zero:Q")
    chart = alt.layer(line, zero).properties(
        width="container", height=180, description="Error budget left over time"
    )
    return dict(chart.to_dict(validate=validate))


def verification_burndown(service: dict[str, Any]) -> list[dict[str, Any]]:
    """A run verification's burn-down for one service, in percent."""
    return [
        {"at": p["at"], "budget_remaining": round(100.0 * p["budget_remaining"], 3)}
        for p in service.get("burn_down") or []
        if p.get("budget_remaining") is not None
    ]


# The SLO states as the service list shows them (green, amber, red), the service itself in the accent.
SLO_COLOURS = {
    "this service": "#0b4f9c",
    "healthy": "#2e7d32",
    "met": "#2e7d32",
    "at risk": "#ef6c00",
    "breached": "#8b0000",
    "exhausted": "#8b0000",
    "not configured": "#9e9e9e",
    "no data": "#9e9e9e",
    "unknown": "#9e9e9e",
}


def _bearing(dx: float, dy: float) -> float:
    """The screen angle (degrees clockwise from up) of a move by (dx, dy) in data units, y upwards."""
    return round(math.degrees(math.atan2(dx, dy)) % 360, 1)


def dependency_layout(
    service: dict[str, Any], downstream: dict[str, Any], upstream: dict[str, Any]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """A layered layout of the service's dependency graph: services that use it to the left (one column per
    hop), the service in the middle, what it depends on to the right; each column in name order.

    Nodes carry ``x``/``y`` (column, row) and edges both ends' coordinates, so the chart only draws."""
    nodes: dict[str, dict[str, Any]] = {
        service["id"]: {"id": service["id"], "name": service["name"], "x": 0, "slo_state": "this service"}
    }
    for graph, sign in ((downstream, 1), (upstream, -1)):
        for n in graph.get("nodes") or []:
            if n.get("depth") and n["id"] not in nodes:
                nodes[n["id"]] = {"id": n["id"], "name": n["name"], "x": sign * int(n["depth"]),
                                  "slo_state": str(n.get("slo_state") or "unknown").replace("_", " ")}  # fmt: skip
    columns: dict[int, list[dict[str, Any]]] = {}
    for node in nodes.values():
        columns.setdefault(node["x"], []).append(node)
    for column in columns.values():
        column.sort(key=lambda n: n["name"])
        for row, node in enumerate(column):
            node["y"] = (len(column) - 1) / 2 - row  # first name on top (Vega's y grows upwards), centred
    edges = []
    seen = set()
    for graph in (downstream, upstream):
        for e in graph.get("edges") or []:
            key = (e["source"], e["target"])
            if key in seen or e["source"] not in nodes or e["target"] not in nodes:
                continue
            seen.add(key)
            a, b = nodes[e["source"]], nodes[e["target"]]
            edges.append({
                "x": a["x"], "y": a["y"], "x2": b["x"], "y2": b["y"], "from": a["name"], "to": b["name"],
                # the arrowhead, three quarters of the way to the dependency, pointing at it
                "hx": a["x"] + 0.75 * (b["x"] - a["x"]), "hy": a["y"] + 0.75 * (b["y"] - a["y"]),
                "angle": _bearing(b["x"] - a["x"], b["y"] - a["y"]),
            })  # fmt: skip
    return list(nodes.values()), edges


def dependency_chart(
    nodes: list[dict[str, Any]], edges: list[dict[str, Any]], *, validate: bool = False
) -> dict[str, Any] | None:
    """The dependency map as a graph: an arrow per "depends on" (left to right), a node per service."""
    if len(nodes) < 2:
        return None
    alt = _alt()
    xs, ys = [n["x"] for n in nodes], [n["y"] for n in nodes]
    # Half a column and a row of room around the outermost nodes, so their labels are not cut off.
    x_axis = {"axis": None, "scale": alt.Scale(domain=[min(xs) - 0.6, max(xs) + 0.6])}
    y_axis = {"axis": None, "scale": alt.Scale(domain=[min(ys) - 0.8, max(ys) + 0.6])}
    links = (
        alt.Chart(alt.Data(values=edges))
        .mark_rule(color="#767676")
        .encode(
            x=alt.X("x:Q", **x_axis), y=alt.Y("y:Q", **y_axis), x2="x2:Q", y2="y2:Q",
            tooltip=[alt.Tooltip("from:N", title="service"), alt.Tooltip("to:N", title="depends on")],
        )
    )  # fmt: skip
    heads = (
        alt.Chart(alt.Data(values=edges))
        .mark_point(shape="triangle-up", filled=True, size=70, color="#555555")
        .encode(x=alt.X("hx:Q", **x_axis), y=alt.Y("hy:Q", **y_axis), angle=alt.Angle("angle:Q", scale=None))
    )
    points = (
        alt.Chart(alt.Data(values=nodes))
        .mark_circle(size=260, opacity=1)
        .encode(
            x=alt.X("x:Q", **x_axis),
            y=alt.Y("y:Q", **y_axis),
            color=alt.Color(
                "slo_state:N",
                title="SLO",
                legend=alt.Legend(orient="bottom"),
                scale=alt.Scale(domain=list(SLO_COLOURS), range=list(SLO_COLOURS.values())),
            ),
            tooltip=[alt.Tooltip("name:N", title="service"), alt.Tooltip("slo_state:N", title="SLO")],
        )
    )
    labels = (
        alt.Chart(alt.Data(values=nodes))
        .mark_text(dy=-16, fontSize=12)
        .encode(x=alt.X("x:Q", **x_axis), y=alt.Y("y:Q", **y_axis), text="name:N")
    )
    rows = max(sum(1 for n in nodes if n["x"] == x) for x in {n["x"] for n in nodes})
    chart = alt.layer(links, heads, points, labels).properties(
        width="container",
        height=max(90, 60 * rows),
        description="Dependency graph: services using this one on the left, its dependencies on the right",
    )
    return dict(chart.to_dict(validate=validate))


def deployment_throughput(deployments: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Deployments per UTC day and outcome (succeeded, failed, rolled back, in progress), and a summary:
    how many, over how many days, per day, and the failure rate among finished ones."""
    counts: dict[tuple[str, str], int] = {}
    for d in deployments:
        state = str(d.get("state") or "unknown")
        outcome = state if state in ("succeeded", "failed", "rolled_back") else "in progress"
        key = (str(d["created_at"])[:10], outcome.replace("_", " "))
        counts[key] = counts.get(key, 0) + 1
    ordered = sorted(counts.items())
    rows: list[dict[str, Any]] = [{"day": d, "outcome": o, "deployments": n} for (d, o), n in ordered]
    days = sorted({day for (day, _), _ in ordered})
    # Calendar days from the first to the last deployment: quiet days count (they lower the rate).
    span = (date.fromisoformat(days[-1]) - date.fromisoformat(days[0])).days + 1 if days else 0
    finished = sum(n for (_, outcome), n in ordered if outcome != "in progress")
    failed = sum(n for (_, outcome), n in ordered if outcome in ("failed", "rolled back"))
    summary = {
        "total": len(deployments),
        "days": span,
        "per_day": round(len(deployments) / span, 1) if span else 0.0,
        "failure_rate": round(100.0 * failed / finished, 1) if finished else None,
        "since": days[0] if days else None,
    }
    return rows, summary


def throughput_chart(rows: list[dict[str, Any]], *, validate: bool = False) -> dict[str, Any] | None:
    """Deployment throughput: stacked bars per day, coloured by outcome."""
    if not rows:
        return None
    alt = _alt()
    outcomes = ["succeeded", "in progress", "rolled back", "failed"]
    chart = (
        alt.Chart(alt.Data(values=rows))
        .mark_bar()
        .encode(
            x=alt.X("day:T", timeUnit="utcyearmonthdate", title="Day (UTC)"),
            y=alt.Y("sum(deployments):Q", title="Deployments"),
            color=alt.Color(
                "outcome:N",
                title="Outcome",
                sort=outcomes,
                scale=alt.Scale(domain=outcomes, range=["#2e7d32", "#757575", "#ef6c00", "#8b0000"]),
            ),
            tooltip=[
                alt.Tooltip("day:T", timeUnit="utcyearmonthdate", title="day"),
                alt.Tooltip("outcome:N"),
                alt.Tooltip("deployments:Q"),
            ],
        )
        .properties(width="container", height=180, description="Deployments per day by outcome")
    )
    return dict(chart.to_dict(validate=validate))
