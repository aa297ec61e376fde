"""Vega-Lite specs for the console's charts, rendered in the browser by the pinned vega-embed.

Each chart also has a text summary, so nothing depends on JavaScript to be readable.
"""

from __future__ import annotations

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
