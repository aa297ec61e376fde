"""``companyos analytics export …`` and ``companyos analytics schedule …``: report exports (signed,
watermarked packs) and scheduled reports (who receives which report, how often, in which format).

Report parameters are given as ``--param NAME=VALUE`` (repeatable), named as the API's report operations
name them: ``--param feature=checkout --param days=7``; ``steps`` takes a comma-separated list.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from ._common import All, Limit, PageSize, limited, state
from ._errors import CliError, ExitCode
from ._output import Column, render_list, render_object
from .jobs import Interval, Timeout, watch_job

__all__ = ["export_app", "schedule_app"]

export_app: typer.Typer = typer.Typer(
    help="Export a report or an ad-hoc query as a signed, watermarked pack.", no_args_is_help=True
)
schedule_app: typer.Typer = typer.Typer(
    help="Scheduled reports: which report, to whom, how often, in which format.", no_args_is_help=True
)

EXPORT_COLUMNS: list[Column] = [("ID", "id"), ("REPORT", "report"), ("FORMAT", "format"), ("RECIPIENT", "recipient"),
                                ("ROWS", "rows"), ("PACK", "evidence_pack_id"), ("CREATED", "created_at")]  # fmt: skip
SCHEDULE_COLUMNS: list[Column] = [
    ("ID", "id"), ("NAME", "name"), ("REPORT", "report"), ("FORMAT", "format"),
    ("EVERY", lambda s: _cadence(s["cadence"])), ("RECIPIENTS", lambda s: ", ".join(s["recipients"])),
    ("ENABLED", "enabled"), ("NEXT RUN", "next_run_at"), ("LAST ERROR", "last_error"),
]  # fmt: skip

Report = Annotated[str, typer.Argument(help="adoption, active_users, retention, funnel, ops_kpis or query.")]
Params = Annotated[
    list[str] | None, typer.Option("--param", "-p", help="NAME=VALUE report parameter (repeatable).")
]
Format = Annotated[str, typer.Option("--format", "-f", help="csv, ndjson or parquet.")]
Destination = Annotated[
    str | None, typer.Option("--destination", help="Destination region (default: residency).")
]
Redact = Annotated[list[str] | None, typer.Option("--redact", help="COLUMN=mask|hash|drop (repeatable).")]


def _cadence(cadence: dict[str, Any]) -> str:
    when = {"week": cadence.get("weekday"), "month": f"day {cadence.get('day_of_month')}"}.get(
        cadence["every"]
    )
    return " ".join(p for p in (cadence["every"], when, cadence.get("at"), "UTC") if p)


def _pairs(items: list[str] | None, what: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in items or []:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise CliError(f"{what} '{item}' is not NAME=VALUE", ExitCode.USAGE)
        out[name] = value
    return out


INTEGER_PARAMETERS = frozenset({"days", "compare_days", "period_days", "periods", "window_days", "limit"})


def parameters(items: list[str] | None) -> dict[str, Any]:
    """``--param`` values: the integer parameters as integers, ``steps`` split on commas, the rest text."""
    out: dict[str, Any] = {}
    for name, value in _pairs(items, "--param").items():
        if name == "steps":
            out[name] = [s.strip() for s in value.split(",") if s.strip()]
        elif name in INTEGER_PARAMETERS:
            try:
                out[name] = int(value)
            except ValueError:
                raise CliError(f"--param {name} must be an integer, not '{value}'", ExitCode.USAGE) from None
        else:
            out[name] = value
    return out


# -- exports ----------------------------------------------------------------------------------------
@export_app.command("create")
def create_export(
    ctx: typer.Context,
    report: Report,
    recipient: Annotated[
        str, typer.Option(help="Who receives the export (goes into every row's watermark).")
    ],
    param: Params = None,
    fmt: Format = "csv",
    destination: Destination = None,
    redact: Redact = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Follow the job, then save the pack here.")
    ] = None,
    interval: Interval = 1.0,
    timeout: Timeout = None,
) -> None:
    """Export a report (residency-checked, redacted, watermarked, signed)."""
    st = state(ctx)
    tenant, client = st.require_tenant(), st.client()
    # The report, format, region and redaction modes are validated by the API (its problem names a bad one).
    export = client.analytics.create_export(
        tenant=tenant, report=report, recipient=recipient, parameters=parameters(param),  # type: ignore[arg-type]
        format=fmt, destination_region=destination, redactions=_pairs(redact, "--redact") or None,  # type: ignore[arg-type]
    )  # fmt: skip
    if output is None:
        render_object(export, st.output, EXPORT_COLUMNS)
        return
    watch_job(st, client, str(export["job_id"]), tenant, interval=interval, timeout=timeout)
    output.write_bytes(client.analytics.download_export(export["id"], tenant=tenant))
    print(f"{output}: export {export['id']}")


@export_app.command("list")
def list_exports(
    ctx: typer.Context,
    schedule: Annotated[
        str | None, typer.Option("--schedule", help="Only this schedule's deliveries.")
    ] = None,
    recipient: Annotated[
        str | None, typer.Option("--recipient", help="Only this recipient's exports.")
    ] = None,
    limit: Limit = 50,
    every: All = False,
    page_size: PageSize = None,
) -> None:
    """Report exports, newest first."""
    st = state(ctx)
    pager = st.client().analytics.list_exports(
        tenant=st.require_tenant(), schedule_id=schedule, recipient=recipient, page_size=page_size
    )
    render_list(limited(pager, limit, every), EXPORT_COLUMNS, st.output)


@export_app.command("get")
def get_export(ctx: typer.Context, export_id: str) -> None:
    """A report export, its job and evidence pack."""
    st = state(ctx)
    render_object(st.client().analytics.retrieve_export(export_id, tenant=st.require_tenant()), st.output,
                  EXPORT_COLUMNS)  # fmt: skip


@export_app.command("download")
def download_export(
    ctx: typer.Context,
    export_id: str,
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to save the pack.")],
) -> None:
    """Save a report export's signed pack (.tar.gz); check it with `companyos export verify`."""
    st = state(ctx)
    output.write_bytes(st.client().analytics.download_export(export_id, tenant=st.require_tenant()))
    print(f"{output}")


# -- schedules --------------------------------------------------------------------------------------
Every = Annotated[str | None, typer.Option("--every", help="day, week or month.")]
At = Annotated[str | None, typer.Option("--at", help="Time of day, HH:MM UTC (default 06:00).")]
Weekday = Annotated[str | None, typer.Option("--weekday", help="mon..sun, with --every week.")]
DayOfMonth = Annotated[int | None, typer.Option("--day-of-month", help="1..28, with --every month.")]
Recipients = Annotated[
    list[str] | None, typer.Option("--recipient", "-r", help="Who receives it (repeatable).")
]


def _cadence_body(
    every: str | None, at: str | None, weekday: str | None, day: int | None
) -> dict[str, Any] | None:
    if every is None:
        if at or weekday or day:
            raise CliError("--at, --weekday and --day-of-month need --every", ExitCode.USAGE)
        return None
    body: dict[str, Any] = {"every": every, "at": at, "weekday": weekday, "day_of_month": day}
    return {k: v for k, v in body.items() if v is not None}


@schedule_app.command("create")
def create_schedule(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The schedule's name (unique in the tenant).")],
    report: Annotated[
        str, typer.Option("--report", help="adoption, active_users, retention, funnel, ops_kpis, query.")
    ],
    recipient: Recipients = None,
    every: Every = None,
    at: At = None,
    weekday: Weekday = None,
    day_of_month: DayOfMonth = None,
    param: Params = None,
    fmt: Format = "csv",
    destination: Destination = None,
    redact: Redact = None,
    paused: Annotated[bool, typer.Option("--paused", help="Create it paused.")] = False,
) -> None:
    """Schedule a report: one watermarked export per recipient at every due time."""
    st = state(ctx)
    cadence = _cadence_body(every, at, weekday, day_of_month)
    if cadence is None or not recipient:
        raise CliError("a schedule needs --every and at least one --recipient", ExitCode.USAGE)
    schedule = st.client().analytics.create_schedule(
        tenant=st.require_tenant(), name=name, report=report, recipients=recipient, cadence=cadence,  # type: ignore[arg-type]
        parameters=parameters(param), format=fmt, destination_region=destination,  # type: ignore[arg-type]
        redactions=_pairs(redact, "--redact") or None, enabled=not paused,  # type: ignore[arg-type]
    )  # fmt: skip
    render_object(schedule, st.output, SCHEDULE_COLUMNS)


@schedule_app.command("list")
def list_schedules(
    ctx: typer.Context, limit: Limit = 50, every: All = False, page_size: PageSize = None
) -> None:
    """Scheduled reports, by name."""
    st = state(ctx)
    pager = st.client().analytics.list_schedules(tenant=st.require_tenant(), page_size=page_size)
    render_list(limited(pager, limit, every), SCHEDULE_COLUMNS, st.output)


@schedule_app.command("get")
def get_schedule(ctx: typer.Context, schedule_id: str) -> None:
    """A scheduled report: its policy, next and last run."""
    st = state(ctx)
    render_object(st.client().analytics.retrieve_schedule(schedule_id, tenant=st.require_tenant()), st.output,
                  SCHEDULE_COLUMNS)  # fmt: skip


@schedule_app.command("update")
def update_schedule(
    ctx: typer.Context,
    schedule_id: str,
    name: Annotated[str | None, typer.Option("--name", help="A new name.")] = None,
    recipient: Recipients = None,
    every: Every = None,
    at: At = None,
    weekday: Weekday = None,
    day_of_month: DayOfMonth = None,
    param: Params = None,
    fmt: Annotated[str | None, typer.Option("--format", "-f", help="csv, ndjson or parquet.")] = None,
    destination: Destination = None,
    pause: Annotated[
        bool | None, typer.Option("--pause/--resume", help="Pause or resume deliveries.")
    ] = None,
) -> None:
    """Change a schedule (only what is given); --pause / --resume stop and restart deliveries."""
    st = state(ctx)
    changes: dict[str, Any] = {
        "name": name, "recipients": recipient or None, "cadence": _cadence_body(every, at, weekday, day_of_month),
        "parameters": parameters(param) if param else None, "format": fmt, "destination_region": destination,
        "enabled": None if pause is None else not pause,
    }  # fmt: skip
    changes = {k: v for k, v in changes.items() if v is not None}
    if not changes:
        raise CliError("nothing to change: give at least one option", ExitCode.USAGE)
    schedule = st.client().analytics.update_schedule(schedule_id, tenant=st.require_tenant(), **changes)
    render_object(schedule, st.output, SCHEDULE_COLUMNS)


@schedule_app.command("delete")
def delete_schedule(ctx: typer.Context, schedule_id: str) -> None:
    """Remove a schedule (its past exports stay)."""
    st = state(ctx)
    st.client().analytics.delete_schedule(schedule_id, tenant=st.require_tenant())
    print(f"deleted {schedule_id}")


@schedule_app.command("run")
def run_schedule(ctx: typer.Context, schedule_id: str) -> None:
    """Deliver a schedule now (one export per recipient); its next due time does not move."""
    st = state(ctx)
    result = st.client().analytics.run_schedule(schedule_id, tenant=st.require_tenant())
    render_list(result["exports"], EXPORT_COLUMNS, st.output)
