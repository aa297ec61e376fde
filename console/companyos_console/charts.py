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
