"""The SLO Doctor pillar: a tenant's services with their SLOs, and per service the latest health report —
executive summary, findings, recommendations with their backtests (pages before/after, significant burns
missed), follow-ups — with burn-rate and backtest charts (Vega-Lite specs built with altair, drawn in the
browser by the pinned vega-embed). Generating a report starts the report job.

Everything goes through the SDK (``services``, ``slos``).
"""

from __future__ import annotations

import asyncio
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from companyos_console.actions import action
from companyos_console.context import Console, page_context
from companyos_console.pillars import Pillar

PILLAR = Pillar("slos", "SLO Doctor", "/slos", order=45)
REPORT_DAYS = 30
BURN_WINDOWS = ("5m", "1h", "6h", "3d")  # the multi-window policy's windows, shortest first


async def _items(pager: Any) -> list[dict[str, Any]]:
    page = await pager.first_page()
    return list(page.items)


def burn_chart(report: dict[str, Any]) -> dict[str, Any] | None:
    """Burn rate now per SLO and window, against 1 (the rate that spends the budget exactly)."""
    import altair as alt

    rows = [
        {"slo": slo["slo"]["name"], "window": window, "burn_rate": rate}
        for slo in report.get("slos", [])
        for window, rate in (slo.get("burn_rates") or {}).items()
        if rate is not None
    ]
    if not rows:
        return None
    bars = (
        alt.Chart(alt.Data(values=rows))
        .mark_bar()
        .encode(
            x=alt.X("window:N", sort=list(BURN_WINDOWS), title="Window"),
            y=alt.Y("burn_rate:Q", title="Burn rate"),
            color=alt.Color("slo:N", title="SLO"),
            xOffset="slo:N",
            tooltip=["slo:N", "window:N", "burn_rate:Q"],
        )
    )
    rule = (
        alt.Chart(alt.Data(values=[{"one": 1.0}]))
        .mark_rule(strokeDash=[4, 4], color="#8b0000")
        .encode(y="one:Q")
    )
    return dict((bars + rule).properties(width="container", height=200).to_dict())


def backtest_chart(report: dict[str, Any]) -> dict[str, Any] | None:
    """Pages before and after each recommendation, as replayed over the report's history."""
    import altair as alt

    rows = []
    for rec in report.get("recommendations", []):
        impact = rec.get("expected_impact")
        if not impact:
            continue
        label = f"{rec['kind']} ({rec['slo_name']})"
        rows += [{"recommendation": label, "when": "today", "pages": impact["pages_before"]},
                 {"recommendation": label, "when": "proposed", "pages": impact["pages_after"]}]  # fmt: skip
    if not rows:
        return None
    chart = (
        alt.Chart(alt.Data(values=rows))
        .mark_bar()
        .encode(
            y=alt.Y("recommendation:N", title=None),
            x=alt.X("pages:Q", title="Pages (backtest)"),
            color=alt.Color("when:N", title=None, sort=["today", "proposed"]),
            yOffset=alt.YOffset("when:N", sort=["today", "proposed"]),
            tooltip=["recommendation:N", "when:N", "pages:Q"],
        )
    )
    return dict(chart.properties(width="container").to_dict())


async def slos_page(console: Console, request: Request) -> Response:
    from companyos_console.views import page  # views imports the pillars: resolve at call time

    ctx = await page_context(console, request, request.path_params["tenant"])
    services = await _items(ctx.client.services.list(page_size=200))
    return await page(ctx, "slos/index.html", "SLO Doctor", "slos", services=services)


async def service_page(console: Console, request: Request) -> Response:
    from companyos_console.actions import perform
    from companyos_console.security import checked_form
    from companyos_console.views import page, permissions

    ctx = await page_context(console, request, request.path_params["tenant"])
    service_id = request.path_params["service_id"]
    client = ctx.client
    if request.method == "POST":
        await checked_form(request, ctx.session.csrf_token)
        back = f"{ctx.base}/t/{ctx.tenant}/slos/{service_id}"
        return await perform(console, ctx, "create_health_report", {"service_id": service_id}, back=back)
    service, slos, reports, perms = await asyncio.gather(
        client.services.retrieve(service_id),
        _items(client.slos.list(service_id, page_size=50)),
        _items(client.slos.reports(service_id, page_size=10)),
        permissions(ctx, "slo"),
    )
    latest = await client.slos.retrieve_report(service_id, reports[0]["id"]) if reports else None
    report = (latest or {}).get("report") or {}
    return await page(
        ctx,
        "slos/service.html",
        f"SLO Doctor: {service['name']}",
        "slos",
        service=service,
        slos=slos,
        reports=reports,
        report=report,
        burn_chart=burn_chart(report) if report else None,
        burn_windows=BURN_WINDOWS,
        backtest_chart=backtest_chart(report) if report else None,
        can_report=perms.get("slos:report", {}),
    )


@action("create_health_report")
async def _create_health_report(client: Any, args: dict[str, Any]) -> str:
    job = await client.slos.create_report(
        args["service_id"], days=REPORT_DAYS, idempotency_key=args["idempotency_key"]
    )
    return f"Report job {job['id']} started: the report appears here when it is done (reload in a moment)."


def routes(console: Console, bind: Any) -> list[BaseRoute]:
    return [
        Route("/t/{tenant}/slos", bind(slos_page, console), methods=["GET"]),
        Route("/t/{tenant}/slos/{service_id}", bind(service_page, console), methods=["GET", "POST"]),
    ]
