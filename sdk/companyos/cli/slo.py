"""``companyos slo …``: a service's SLOs (CRUD, OpenSLO import/export), what its own history says about them
(``analyze``), the doctor's recommendations proven by backtest, and the follow-ups of accepted ones."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any

import typer

from ._common import All, JsonFile, Limit, PageSize, Purpose, limited, read_json, state
from ._errors import CliError, ExitCode
from ._output import Column, console, render_list, render_object

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


SLO_FIELDS = ("name", "display_name", "description", "sli_type", "objective", "window_days", "budgeting_method",
              "indicator", "timeslice", "alerting", "labels")  # fmt: skip
SLO_COLUMNS: list[Column] = [
    ("ID", "id"),
    ("NAME", "name"),
    ("TYPE", "sli_type"),
    ("OBJECTIVE", lambda s: f"{s['objective']} % / {s['window_days']}d"),
    ("BUDGETING", "budgeting_method"),
    ("RULES", lambda s: len(s["alerting"])),
]
ServiceArg = Annotated[str, typer.Argument(help="Service id (svc_…).")]
SloArg = Annotated[str, typer.Argument(help="SLO id (slo_…).")]


@app.command("list")
def list_(
    ctx: typer.Context,
    service_id: ServiceArg,
    limit: Limit = 50,
    every: All = False,
    page_size: PageSize = None,
) -> None:
    """The service's SLOs."""
    st = state(ctx)
    pager = st.client().slos.list(service_id, tenant=st.require_tenant(), page_size=page_size)
    render_list(limited(pager, limit, every), SLO_COLUMNS, st.output)


@app.command("get")
def get(ctx: typer.Context, service_id: ServiceArg, slo_id: SloArg) -> None:
    """One SLO."""
    st = state(ctx)
    render_object(st.client().slos.retrieve(service_id, slo_id, tenant=st.require_tenant()), st.output)


@app.command("create")
def create(
    ctx: typer.Context,
    service_id: ServiceArg,
    file: JsonFile = None,
    name: Annotated[str | None, typer.Option(help="Name, unique in the service.")] = None,
    sli_type: Annotated[
        str | None, typer.Option(help="availability, latency, error_rate or freshness.")
    ] = None,
    objective: Annotated[float | None, typer.Option(help="Target in percent (99.9).")] = None,
    window_days: Annotated[int | None, typer.Option(help="Rolling window: 7, 28 or 30 days.")] = None,
) -> None:
    """Add an SLO (the full shape from --file; the options override it)."""
    st = state(ctx)
    body = read_json(file, "SLO", allowed=SLO_FIELDS) if file else {}
    body.update({k: v for k, v in {"name": name, "sli_type": sli_type, "objective": objective,
                                    "window_days": window_days}.items() if v is not None})  # fmt: skip
    missing = [k for k in ("name", "sli_type", "objective") if k not in body]
    if missing:
        raise CliError(f"missing {', '.join(missing)} (options or --file)", ExitCode.USAGE)
    render_object(st.client().slos.create(service_id, tenant=st.require_tenant(), **body), st.output)


@app.command("update")
def update(
    ctx: typer.Context,
    service_id: ServiceArg,
    slo_id: SloArg,
    file: JsonFile = None,
    objective: Annotated[float | None, typer.Option(help="Target in percent.")] = None,
    window_days: Annotated[int | None, typer.Option(help="Rolling window: 7, 28 or 30 days.")] = None,
) -> None:
    """Change an SLO's fields (from --file and the options)."""
    st = state(ctx)
    body = read_json(file, "SLO", allowed=SLO_FIELDS) if file else {}
    body.update(
        {k: v for k, v in {"objective": objective, "window_days": window_days}.items() if v is not None}
    )
    if not body:
        raise CliError("nothing to change: give --file or an option", ExitCode.USAGE)
    render_object(st.client().slos.update(service_id, slo_id, tenant=st.require_tenant(), **body), st.output)


@app.command("delete")
def delete(ctx: typer.Context, service_id: ServiceArg, slo_id: SloArg) -> None:
    """Remove an SLO."""
    st = state(ctx)
    st.client().slos.delete(service_id, slo_id, tenant=st.require_tenant())
    console().print(f"deleted {slo_id}")


def _read_documents(path: Path) -> list[Any]:
    import yaml

    try:
        text = sys.stdin.read() if str(path) == "-" else path.read_text()
        documents = [d for d in yaml.safe_load_all(text) if d is not None]
    except (OSError, yaml.YAMLError) as exc:
        raise CliError(f"cannot read OpenSLO documents {path}: {exc}", ExitCode.USAGE) from None
    if len(documents) == 1 and isinstance(documents[0], list):
        documents = documents[0]
    return documents


@app.command("import")
def import_(
    ctx: typer.Context,
    service_id: ServiceArg,
    path: Annotated[Path, typer.Argument(help="OpenSLO v1 YAML (several documents) or JSON; '-': stdin.")],
    replace: Annotated[bool, typer.Option("--replace", help="Overwrite SLOs of the same name.")] = False,
) -> None:
    """Import OpenSLO v1 documents (Service, SLI, SLO, AlertPolicy, AlertCondition): all or nothing."""
    st = state(ctx)
    result = st.client().slos.import_openslo(
        service_id, documents=_read_documents(path), replace=replace, tenant=st.require_tenant()
    )
    if st.output != "table":
        render_object(result, st.output)
        return
    for verb in ("created", "replaced"):
        for slo in result[verb]:
            console().print(f"{verb} {slo['id']} {slo['name']}")


@app.command("export")
def export(ctx: typer.Context, service_id: ServiceArg) -> None:
    """The service's SLOs as OpenSLO v1 YAML documents (JSON with -o json)."""
    st = state(ctx)
    documents = st.client().slos.export_openslo(service_id, tenant=st.require_tenant())["documents"]
    if st.output == "json":
        render_object({"documents": documents}, "json")
        return
    import yaml

    sys.stdout.write(yaml.safe_dump_all(documents, sort_keys=False))


def _impact(rec: Mapping[str, Any]) -> str:
    impact = rec.get("expected_impact")
    if not impact:
        return "-"
    text = f"pages {impact['pages_before']}->{impact['pages_after']}, missed " \
           f"{impact['significant_burns_missed_before']}->{impact['significant_burns_missed_after']}"  # fmt: skip
    if impact.get("budget_saved") is not None:
        text += f", budget saved {_pct(impact['budget_saved'])}"
    return text


@app.command("recommendations")
def recommendations(
    ctx: typer.Context,
    service_id: ServiceArg,
    days: Annotated[int, typer.Option(min=1, max=30, help="Days of history to replay.")] = 30,
) -> None:
    """The doctor's recommendations, each with its backtest (pages and significant burns missed)."""
    st = state(ctx)
    found = st.client().slos.recommendations(service_id, tenant=st.require_tenant(), days=days)
    columns: list[Column] = [
        ("ID", "id"),
        ("KIND", "kind"),
        ("SLO", "slo_name"),
        ("TITLE", "title"),
        ("CONFIDENCE", "confidence"),
        ("BACKTEST", _impact),
    ]
    render_list(found["items"], columns, st.output)


@app.command("accept")
def accept(
    ctx: typer.Context,
    service_id: ServiceArg,
    recommendation_id: Annotated[str, typer.Argument(help="Recommendation id (rec_…).")],
    owner: Annotated[str, typer.Option(help="Who owns the follow-up.")],
    due: Annotated[str, typer.Option("--due", help="Due date (YYYY-MM-DD).")],
    success_metric: Annotated[str | None, typer.Option(help="Override the proposed success metric.")] = None,
    days: Annotated[int, typer.Option(min=1, max=30, help="The history the recommendation came from.")] = 30,
) -> None:
    """Accept a recommendation: creates its follow-up, which every health report re-checks."""
    st = state(ctx)
    extra: dict[str, Any] = {"success_metric": success_metric} if success_metric else {}
    created = st.client().slos.accept_recommendation(
        service_id,
        recommendation_id,
        owner=owner,
        due_date=due,
        days=days,
        tenant=st.require_tenant(),
        **extra,
    )
    render_object(created, st.output)


@app.command("follow-ups")
def follow_ups(
    ctx: typer.Context,
    service_id: ServiceArg,
    limit: Limit = 50,
    every: All = False,
    page_size: PageSize = None,
) -> None:
    """Follow-ups of accepted recommendations and their last re-check."""
    st = state(ctx)
    pager = st.client().slos.follow_ups(service_id, tenant=st.require_tenant(), page_size=page_size)
    columns: list[Column] = [
        ("ID", "id"),
        ("TITLE", "title"),
        ("OWNER", "owner"),
        ("DUE", "due_date"),
        ("STATUS", "status"),
        ("CHECK", lambda f: (f.get("last_check") or {}).get("result", "-")),
        ("VERIFICATION", lambda f: f["verification"].get("query", "")),
    ]
    render_list(limited(pager, limit, every), columns, st.output)
