"""``companyos slo analyze``: what a service's own history says about its SLO and its alerting."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from ._common import Purpose, state
from ._output import console, render_object

__all__ = ["app"]

app: typer.Typer = typer.Typer(help="Service level objectives: burn rates, regressions, alerting backtests.",
                               no_args_is_help=True)  # fmt: skip


def _pct(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{100 * value:.{digits}f} %"


@app.command("analyze")
def analyze(
    ctx: typer.Context,
    service_id: Annotated[str, typer.Argument(help="Service id (svc_…).")],
    days: Annotated[int, typer.Option(min=1, max=30, help="Days of history to analyse.")] = 7,
    compare_error_rate: Annotated[
        float | None,
        typer.Option(min=0.0, max=1.0, help="Also backtest a static alert at this error rate (0.01 = 1 %)."),
    ] = None,
    compare_window_minutes: Annotated[
        int, typer.Option(min=1, max=1440, help="The static alert's window.")
    ] = 5,
    min_events: Annotated[int, typer.Option(min=0, help="Low-traffic guard: events a window needs.")] = 0,
    purpose: Purpose = None,
) -> None:
    """Budget left, burn rates now, the Workbook policy's state, significant burns, regressions after
    deploys, and the alerting backtest (pages, precision, recall, detection and reset time)."""
    st = state(ctx)
    kwargs: dict[str, Any] = {
        "days": days,
        "compare_window_minutes": compare_window_minutes,
        "min_events": min_events,
    }
    if compare_error_rate is not None:
        kwargs["compare_error_rate"] = compare_error_rate
    report = st.client().slos.analyze(service_id, tenant=st.require_tenant(), purpose=purpose, **kwargs)
    if st.output != "table":
        render_object(report, st.output)
        return
    out = console()
    objective = report["objective"]
    period = report["period"]
    out.print(f"{report['service_id']}: {objective['percent']} % over {objective['window_days']} days "
              f"({objective['source']}), {days} day(s) analysed, {period['events']} events")  # fmt: skip
    if report["state"] == "no_data":
        out.print("no SLI samples in the period")
        return
    out.print(f"budget left over the period: {_pct(report['budget_remaining'])}")
    rates = ", ".join(
        f"{b['window']} {'-' if b['burn_rate'] is None else b['burn_rate']}x" for b in report["burn_rates"]
    )
    out.print(f"burn rate now: {rates}")
    for rule in report["policy"]:
        status = "FIRING" if rule["firing"] else "ok"
        out.print(f"  {rule['name']:<10} {rule['action']:<6} >= {rule['burn_rate_threshold']}x over "
                  f"{rule['long_window_minutes']}m and {rule['short_window_minutes']}m: {status}")  # fmt: skip
    out.print(f"significant burns: {len(report['significant_burns'])}")
    for burn in report["significant_burns"]:
        out.print(f"  {burn['start']} for {burn['minutes']} min")
    for found in report["regressions"]:
        cause = (
            f"after {found['version'] or found['deployment_id']} (+{found['lag_minutes']} min)"
            if found["deployment_id"]
            else "no deploy nearby"
        )
        out.print(f"regression at {found['at']}: error rate {_pct(found['error_rate_before'], 3)} -> "
                  f"{_pct(found['error_rate_after'], 3)} ({found['ratio']}x), {cause}")  # fmt: skip
    backtest = report["backtest"]
    for label, quality in (
        ("workbook policy", backtest["workbook"]),
        ("compared rule", backtest["compared"]),
    ):
        if quality:
            out.print(f"{label}: {quality['pages']} pages ({quality['pages_per_week']}/week), precision "
                      f"{_pct(quality['precision'])}, recall {_pct(quality['recall'])}, detection "
                      f"{quality['detection_minutes']} min, reset {quality['reset_minutes']} min")  # fmt: skip
    if backtest["page_reduction"] is not None:
        out.print(
            f"the workbook policy removes {_pct(backtest['page_reduction'])} of the compared rule's pages"
        )
