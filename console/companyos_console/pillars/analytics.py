"""The Analytics pillar: the prebuilt "Feature X adoption (30 d)" card, adoption, cohorts and ops KPIs;
exports and scheduled reports on their own page (:mod:`._analytics_delivery`).

Everything is read through the SDK's ``analytics`` reports; filters are a plain GET form (feature, days,
environment, the roles to compare), so each view is a shareable URL.
"""

from __future__ import annotations

import asyncio
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from companyos_console.context import Console, page_context
from companyos_console.pillars import Pillar

PILLAR = Pillar("analytics", "Analytics", "/analytics", order=60)
DEFAULT_FEATURE = "service-map"
ENVIRONMENTS = ("production", "staging", "sandbox")


def _alt() -> Any:
    import altair as alt

    return alt


def adoption_card_chart(active: dict[str, Any], kpis: dict[str, Any]) -> dict[str, Any] | None:
    """DAU / WAU / MAU per day (lines, left axis) with the p90 latency overlaid (dashed, right axis)."""
    rows = [
        {"day": d["day"], "metric": metric.upper(), "users": d[metric]}
        for d in active.get("series") or []
        for metric in ("dau", "wau", "mau")
    ]
    if not rows:
        return None
    alt = _alt()
    users = (
        alt.Chart(alt.Data(values=rows))
        .mark_line(point=False)
        .encode(
            x=alt.X("day:T", title="Day (UTC)"),
            y=alt.Y("users:Q", title="Active users"),
            color=alt.Color("metric:N", title=None, sort=["DAU", "WAU", "MAU"]),
            tooltip=[alt.Tooltip("day:T"), alt.Tooltip("metric:N"), alt.Tooltip("users:Q")],
        )
    )
    layers = [users]
    latency = [
        {"day": d["day"], "p90": d["latency_p90_ms"]}
        for d in kpis.get("series") or []
        if d.get("latency_p90_ms") is not None
    ]
    if latency:
        layers.append(
            alt.Chart(alt.Data(values=latency))
            .mark_line(strokeDash=[4, 3], color="#8b0000")
            .encode(
                x="day:T",
                y=alt.Y("p90:Q", title="p90 latency (ms)"),
                tooltip=[alt.Tooltip("day:T"), alt.Tooltip("p90:Q", title="p90 ms")],
            )
        )
    chart = (
        alt.layer(*layers)
        .resolve_scale(y="independent")
        .properties(
            width="container", height=220, description="DAU, WAU and MAU per day with the p90 latency"
        )
    )
    return dict(chart.to_dict(validate=False))


def adoption_by_role_chart(report: dict[str, Any]) -> dict[str, Any] | None:
    groups = [g for g in report.get("groups") or [] if g.get("adoption_rate") is not None]
    if not groups:
        return None
    alt = _alt()
    chart = (
        alt.Chart(alt.Data(values=groups))
        .mark_bar()
        .encode(
            x=alt.X("group:N", title="Role"),
            y=alt.Y("adoption_rate:Q", title="Adoption", axis=alt.Axis(format="%")),
            tooltip=[alt.Tooltip("group:N"), alt.Tooltip("adopters:Q"), alt.Tooltip("active_users:Q")],
        )
        .properties(width="container", height=180, description="Feature adoption by role")
    )
    return dict(chart.to_dict(validate=False))


def cohort_chart(retention: dict[str, Any], compare: list[str]) -> dict[str, Any] | None:
    """Retention curves of the compared groups (share of the cohort retained per period)."""
    rows = [
        {"period": k, "group": o["group"] or "all", "rate": rate}
        for o in retention.get("overall") or []
        if not compare or o["group"] in compare
        for k, rate in enumerate(o["rates"])
        if rate is not None
    ]
    if not rows:
        return None
    alt = _alt()
    chart = (
        alt.Chart(alt.Data(values=rows))
        .mark_line(point=True)
        .encode(
            x=alt.X("period:O", title="Days since first use"),
            y=alt.Y("rate:Q", title="Retained", axis=alt.Axis(format="%")),
            color=alt.Color("group:N", title="Cohort"),
            tooltip=[alt.Tooltip("group:N"), alt.Tooltip("period:O"), alt.Tooltip("rate:Q", format=".1%")],
        )
        .properties(width="container", height=200, description="Retention by cohort")
    )
    return dict(chart.to_dict(validate=False))


async def analytics_page(console: Console, request: Request) -> Response:
    from companyos_console.views import page  # views imports the pillars: resolve at call time

    ctx = await page_context(console, request, request.path_params["tenant"])
    q = request.query_params
    feature = (q.get("feature") or DEFAULT_FEATURE)[:100]
    try:
        days = max(1, min(int(q.get("days") or 30), 365))
    except ValueError:
        days = 30
    environment = q.get("env") if q.get("env") in ENVIRONMENTS else None
    compare = [r for r in q.getlist("compare") if r][:5]
    a = ctx.client.analytics
    active, feature_active, by_role, kpis, retention = await asyncio.gather(
        a.active_users(days=days, environment=environment),
        a.active_users(days=days, feature=feature, environment=environment),
        a.adoption(feature=feature, days=days, by="role", environment=environment),
        a.ops_kpis(days=days),
        a.retention(start_event="Feature Used", return_event="Feature Used", periods=14, breakdown="role"),
    )
    roles = sorted({o["group"] for o in retention["overall"] if o["group"]})
    return await page(
        ctx,
        "analytics/index.html",
        "Analytics",
        "analytics",
        feature=feature,
        days=days,
        env=environment,
        environments=ENVIRONMENTS,
        compare=compare,
        roles=roles,
        active=active,
        feature_active=feature_active,
        by_role=by_role,
        kpis=kpis,
        retention=retention,
        card_chart=adoption_card_chart(feature_active, kpis),
        role_chart=adoption_by_role_chart(by_role),
        cohort_chart=cohort_chart(retention, compare),
    )


def routes(console: Console, bind: Any) -> list[BaseRoute]:
    from companyos_console.pillars import _analytics_delivery

    return [
        Route("/t/{tenant}/analytics", bind(analytics_page, console)),
        *_analytics_delivery.routes(console, bind),
    ]
