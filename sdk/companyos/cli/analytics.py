"""``companyos analytics …``: event schemas, ingest, the ops feed, prebuilt reports and ad-hoc SQL.

Reports print a table (or ``--output json|yaml``); ``--csv`` prints the report's rows as CSV instead.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Annotated, Any

import typer

from ._common import All, Limit, PageSize, Purpose, limited, read_json, state
from ._errors import CliError, ExitCode
from ._output import render_list, render_object
from .analytics_delivery import export_app, schedule_app

__all__ = ["app"]

app: typer.Typer = typer.Typer(help="Product and ops analytics: schemas, events, reports, SQL.",
                               no_args_is_help=True)  # fmt: skip
schemas_app: typer.Typer = typer.Typer(help="The event schema registry (SchemaVer).", no_args_is_help=True)
app.add_typer(schemas_app, name="schemas")
app.add_typer(export_app, name="export")
app.add_typer(schedule_app, name="schedule")

Csv = Annotated[bool, typer.Option("--csv", help="Print the rows as CSV (overrides --output).")]
Days = Annotated[int, typer.Option("--days", min=1, max=3650, help="Days in the window.")]
Until = Annotated[
    str | None, typer.Option("--until", help="Last day of the window, YYYY-MM-DD (default today).")
]
Since = Annotated[
    str | None, typer.Option("--since", help="First day, YYYY-MM-DD (default 29 days before --until).")
]
Env = Annotated[str | None, typer.Option("--env", help="Only this environment.")]
Source = Annotated[str, typer.Option("--source", help="materialized (daily roll-up) or raw events.")]


def _emit(
    rows: Sequence[Mapping[str, Any]], columns: list[tuple[str, Any]], output: str, as_csv: bool
) -> None:
    if as_csv:
        writer = csv.writer(sys.stdout)
        writer.writerow([h for h, _ in columns])
        for row in rows:
            writer.writerow([(g(row) if callable(g) else row.get(g)) for _, g in columns])
        return
    render_list(rows, columns, output)


def _footer(report: Mapping[str, Any], output: str, as_csv: bool) -> None:
    if output == "table" and not as_csv:
        fresh = report["freshness"]
        typer.echo(
            f"data as of {fresh['data_as_of'] or '-'} · {fresh['events']} events · source {report['source']} · "
            f"{report['sampling']['notice']}",
            err=True,
        )


def _report(report: Mapping[str, Any], rows: Sequence[Mapping[str, Any]], columns: list[tuple[str, Any]],
            output: str, as_csv: bool) -> None:  # fmt: skip
    if output != "table" and not as_csv:
        render_object(report, output)
        return
    _emit(rows, columns, output, as_csv)
    _footer(report, output, as_csv)


@schemas_app.command("list")
def schemas_list(
    ctx: typer.Context,
    name: Annotated[str | None, typer.Option(help="Only versions of this schema.")] = None,
    kind: Annotated[str | None, typer.Option(help="product or ops.")] = None,
    limit: Limit = 200,
    every: All = False,
    page_size: PageSize = None,
    purpose: Purpose = None,
) -> None:
    """Built-in and registered event schemas, every version."""
    st = state(ctx)
    pager = st.client().analytics.list_schemas(tenant=st.require_tenant(), name=name, kind=kind,  # type: ignore[arg-type]
                                               page_size=page_size, purpose=purpose)  # fmt: skip
    columns: list[Any] = [("NAME", "name"), ("VERSION", "version"), ("KIND", "kind"), ("CATEGORY", "category"),
                          ("PROPERTIES", lambda s: ", ".join(sorted(s["properties"]))),
                          ("BUILTIN", "builtin")]  # fmt: skip
    render_list(limited(pager, limit, every), columns, st.output)


@schemas_app.command("register")
def schemas_register(
    ctx: typer.Context,
    file: Annotated[Path, typer.Option("--file", "-f", help="JSON schema version (- for stdin).")],
) -> None:
    """Register a schema version; a breaking change needs a MODEL bump (refused otherwise, naming it)."""
    body = read_json(file, "event schema",
                     allowed=("name", "version", "kind", "category", "description", "properties"))  # fmt: skip
    st = state(ctx)
    render_object(st.client().analytics.register_schema(tenant=st.require_tenant(), **body), st.output)


@app.command("ingest")
def ingest(
    ctx: typer.Context,
    file: Annotated[Path, typer.Option("--file", "-f", help='JSON {"events": […]} (- for stdin).')],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Validate and route only.")] = False,
) -> None:
    """Send a batch of events (at most 1,000); prints what was accepted and each rejected event's errors."""
    events = read_json(file, "events", allowed=("events",)).get("events")
    if not isinstance(events, list) or not events:
        raise CliError(f"cannot read events {file}: 'events' must be a non-empty list", ExitCode.USAGE)
    st = state(ctx)
    result = st.client().analytics.ingest(events=events, tenant=st.require_tenant(), dry_run=dry_run)
    if st.output != "table":
        render_object(result, st.output)
        return
    render_object(result, st.output, [("accepted", "accepted"), ("rejected", "rejected"),
                                      ("partition", "partition"), ("dry run", "dry_run")])  # fmt: skip
    for err in result["errors"]:
        for e in err["errors"]:
            typer.echo(f"event {err['index']}: {e['code']} {e['field']}: {e['message']}", err=True)


@app.command("sync")
def sync(ctx: typer.Context) -> None:
    """Feed new ops records (audit, decisions, deployments, incidents, alerts, SLI samples) into analytics."""
    st = state(ctx)
    render_object(st.client().analytics.sync_ops(tenant=st.require_tenant()), st.output)


@app.command("adoption")
def adoption(
    ctx: typer.Context,
    feature: Annotated[str, typer.Argument(help="The feature.")],
    days: Days = 30,
    until: Until = None,
    by: Annotated[str, typer.Option(help="tenant, role, flag_state, environment or client_type.")] = "tenant",
    flag: Annotated[str | None, typer.Option(help="The flag for --by flag_state.")] = None,
    env: Env = None,
    source: Source = "materialized",
    as_csv: Csv = False,
) -> None:
    """Feature adoption over the last --days days."""
    st = state(ctx)
    report: Mapping[str, Any] = st.client().analytics.adoption(feature=feature, tenant=st.require_tenant(), days=days, until=until,
                                            by=by, flag=flag, environment=env, source=source)  # type: ignore[arg-type]  # fmt: skip
    columns: list[Any] = [("GROUP", "group"), ("ACTIVE USERS", "active_users"), ("ADOPTERS", "adopters"),
                          ("ADOPTION", "adoption_rate"), ("FEATURE EVENTS", "feature_events")]  # fmt: skip
    _report(report, report["groups"], columns, st.output, as_csv)


@app.command("active-users")
def active_users(
    ctx: typer.Context,
    days: Days = 30,
    until: Until = None,
    feature: Annotated[str | None, typer.Option(help="Only users of this feature.")] = None,
    env: Env = None,
    source: Source = "materialized",
    as_csv: Csv = False,
) -> None:
    """DAU, WAU, MAU and stickiness per day."""
    st = state(ctx)
    report: Mapping[str, Any] = st.client().analytics.active_users(tenant=st.require_tenant(), days=days, until=until, feature=feature,
                                                environment=env, source=source)  # type: ignore[arg-type]  # fmt: skip
    columns: list[Any] = [("DAY", "day"), ("DAU", "dau"), ("WAU", "wau"), ("MAU", "mau"),
                          ("STICKINESS", "stickiness")]  # fmt: skip
    _report(report, report["series"], columns, st.output, as_csv)


@app.command("retention")
def retention(
    ctx: typer.Context,
    start_event: Annotated[str, typer.Option("--start", help="The event that puts a user in a cohort.")],
    return_event: Annotated[str, typer.Option("--return", help="The event that counts as returning.")],
    since: Since = None,
    until: Until = None,
    period_days: Annotated[int, typer.Option(min=1, max=365, help="Days in a period.")] = 1,
    periods: Annotated[int, typer.Option(min=1, max=400, help="How many periods.")] = 7,
    mode: Annotated[str, typer.Option(help="n_day, unbounded or cumulative.")] = "n_day",
    breakdown: Annotated[str | None, typer.Option(help="role, environment or client_type.")] = None,
    as_csv: Csv = False,
) -> None:
    """Cohort retention (one row per cohort; the columns are the periods)."""
    st = state(ctx)
    report: Mapping[str, Any] = st.client().analytics.retention(
        start_event=start_event, return_event=return_event, tenant=st.require_tenant(), since=since, until=until,
        period_days=period_days, periods=periods, mode=mode, breakdown=breakdown,  # type: ignore[arg-type]
    )  # fmt: skip
    columns: list[Any] = [("COHORT", "cohort"), ("GROUP", "group"), ("SIZE", "size")]
    columns += [(f"P{k}", (lambda c, k=k: c["retained"][k])) for k in range(periods + 1)]
    _report(report, report["cohorts"], columns, st.output, as_csv)


@app.command("funnel")
def funnel(
    ctx: typer.Context,
    steps: Annotated[list[str], typer.Argument(help="The step event names, in order (2 to 10).")],
    since: Since = None,
    until: Until = None,
    window_days: Annotated[int, typer.Option(min=1, max=90, help="Conversion window.")] = 7,
    as_csv: Csv = False,
) -> None:
    """An ordered funnel."""
    if not 2 <= len(steps) <= 10:
        raise CliError("a funnel has 2 to 10 steps", ExitCode.USAGE)
    st = state(ctx)
    report: Mapping[str, Any] = st.client().analytics.funnel(steps=steps, tenant=st.require_tenant(), since=since, until=until,
                                          window_days=window_days)  # fmt: skip
    columns: list[Any] = [("STEP", "step"), ("EVENT", "name"), ("USERS", "users"),
                          ("FROM START", "conversion_from_start"), ("FROM PREVIOUS", "conversion_from_previous")]  # fmt: skip
    _report(report, report["steps"], columns, st.output, as_csv)


@app.command("kpis")
def kpis(
    ctx: typer.Context,
    days: Days = 30,
    until: Until = None,
    service: Annotated[str | None, typer.Option("--service", help="Only this service (svc_…).")] = None,
    as_csv: Csv = False,
) -> None:
    """Uptime, latency p50/p90/p99 and ops event counts, per day."""
    st = state(ctx)
    report: Mapping[str, Any] = st.client().analytics.ops_kpis(
        tenant=st.require_tenant(), days=days, until=until, service_id=service
    )
    if st.output == "table" and not as_csv:
        lat = report["latency_ms"]
        typer.echo(
            f"uptime {report['uptime']} · p50 {lat['p50']} ms · p90 {lat['p90']} ms · p99 {lat['p99']} ms"
        )
    columns: list[Any] = [("DAY", "day"), ("UPTIME", "uptime"), ("P50 MS", "latency_p50_ms"),
                          ("P90 MS", "latency_p90_ms"), ("P99 MS", "latency_p99_ms")]  # fmt: skip
    _report(report, report["series"], columns, st.output, as_csv)


@app.command("query")
def query(
    ctx: typer.Context,
    sql: Annotated[str, typer.Argument(help="One SELECT over events / daily_usage (DuckDB dialect).")],
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=10000, help="Row limit.")] = 1000,
    as_csv: Csv = False,
) -> None:
    """An ad-hoc read-only query, filtered to the tenant."""
    st = state(ctx)
    result = st.client().analytics.query(sql=sql, tenant=st.require_tenant(), limit=limit)
    if st.output != "table" and not as_csv:
        render_object(result, st.output)
        return
    rows = [dict(zip(result["columns"], r, strict=True)) for r in result["rows"]]
    _emit(rows, [(c.upper(), c) for c in result["columns"]], st.output, as_csv)
    if result["truncated"] and not as_csv:
        typer.echo(f"(truncated at {result['limit']} rows)", err=True)
