"""The Analytics pillar's charts: valid Vega-Lite (checked against the schema by altair)."""

from __future__ import annotations

import altair as alt
from companyos_console.pillars import PILLARS
from companyos_console.pillars.analytics import adoption_by_role_chart, adoption_card_chart, cohort_chart

ACTIVE = {
    "series": [
        {"day": "2026-03-01", "dau": 2, "wau": 2, "mau": 2},
        {"day": "2026-03-02", "dau": 1, "wau": 3, "mau": 3},
    ]
}
KPIS = {
    "series": [{"day": "2026-03-01", "latency_p90_ms": 120.0}, {"day": "2026-03-02", "latency_p90_ms": None}]
}


def validate(spec: dict) -> None:  # type: ignore[type-arg]
    alt.Chart.from_dict(spec, validate=True) if "layer" not in spec else alt.LayerChart.from_dict(
        spec, validate=True
    )


def test_the_pillar_is_discovered() -> None:
    assert any(p.key == "analytics" and p.label == "Analytics" and p.path == "/analytics" for p in PILLARS)


def test_feature_adoption_card_overlays_p90_latency() -> None:
    spec = adoption_card_chart(ACTIVE, KPIS)
    assert spec is not None and len(spec["layer"]) == 2
    assert spec["resolve"] == {"scale": {"y": "independent"}}
    validate(spec)
    assert adoption_card_chart({"series": []}, KPIS) is None


def test_role_and_cohort_charts() -> None:
    roles = adoption_by_role_chart(
        {"groups": [{"group": "sre", "adoption_rate": 0.5, "adopters": 1, "active_users": 2}]}
    )
    assert roles is not None
    validate(roles)
    retention = {
        "overall": [{"group": "sre", "rates": [1.0, 0.5]}, {"group": "viewer", "rates": [1.0, None]}]
    }
    cohorts = cohort_chart(retention, ["sre"])
    assert cohorts is not None and {r["group"] for r in cohorts["data"]["values"]} == {"sre"}
    validate(cohorts)
