"""``companyos doctor report|reports|show``: a service's health report, generated as a job."""

from __future__ import annotations

import sys
import time
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from ._common import All, Limit, PageSize, limited, state
from ._errors import CliError, ExitCode
from ._output import Column, err_console, render_list, render_object
from .jobs import TERMINAL

__all__ = ["app"]

app: typer.Typer = typer.Typer(
    help="SLO Doctor: health reports with findings and recommendations proven by backtest.",
    no_args_is_help=True,
)
ServiceArg = Annotated[str, typer.Argument(help="Service id (svc_…).")]


class Format(StrEnum):
    md = "md"
    html = "html"
    json = "json"


FormatOption = Annotated[Format, typer.Option("--format", help="md, html or json.")]
OutFile = Annotated[
    Path | None, typer.Option("--out", help="Write the report to this file (default: stdout).")
]


def _emit(report: dict[str, Any], fmt: Format, out: Path | None) -> None:
    import json

    if fmt is Format.json:
        text = json.dumps(report["report"], indent=2, sort_keys=True) + "\n"
    else:
        text = report["markdown"] if fmt is Format.md else report["html"]
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text)
        err_console().print(f"wrote {out}")


@app.command("report")
def report(
    ctx: typer.Context,
    service_id: ServiceArg,
    fmt: FormatOption = Format.md,
    days: Annotated[int, typer.Option(min=1, max=30, help="Days of history to diagnose.")] = 30,
    out: OutFile = None,
    interval: Annotated[float, typer.Option("--interval", min=0, help="Seconds between polls.")] = 0.5,
    timeout: Annotated[
        float, typer.Option("--timeout", min=0, help="Give up after this many seconds.")
    ] = 600,
    charts: Annotated[bool, typer.Option("--charts/--no-charts", help="Draw the charts.")] = True,
) -> None:
    """Generate a health report (a job; a progress bar on stderr while it runs) and print it."""
    st = state(ctx)
    client = st.client()
    tenant = st.require_tenant()
    job = client.slos.create_report(service_id, tenant=tenant, days=days, charts=charts)
    deadline = time.monotonic() + timeout
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err_console(), transient=True) as bar:
        task = bar.add_task("health report", total=None)
        while True:
            bar.update(task, description=f"health report {job['state']}", total=job["progress"]["total"],
                       completed=job["progress"]["done"])  # fmt: skip
            if job["state"] in TERMINAL:
                break
            if time.monotonic() > deadline:
                raise CliError(f"job {job['id']} still {job['state']} after {timeout:.0f}s", ExitCode.ERROR)
            time.sleep(interval)
            job = client.jobs.retrieve(job["id"], tenant=tenant)
    if job["state"] != "succeeded":
        last = job["errors"][-1]["message"] if job["errors"] else job["state"]
        raise CliError(f"job {job['id']} {job['state']}: {last}", ExitCode.ERROR)
    result = job["result"] or {}
    found = client.slos.retrieve_report(service_id, str(result["report_id"]), tenant=tenant)
    _emit(dict(found), fmt, out)


@app.command("reports")
def reports(
    ctx: typer.Context,
    service_id: ServiceArg,
    limit: Limit = 20,
    every: All = False,
    page_size: PageSize = None,
) -> None:
    """The service's kept reports, newest first."""
    st = state(ctx)
    pager = st.client().slos.reports(service_id, tenant=st.require_tenant(), page_size=page_size)
    columns: list[Column] = [
        ("ID", "id"),
        ("CREATED", "created_at"),
        ("DAYS", "days"),
        ("PAGES", lambda r: r["executive_summary"].get("pages")),
        ("NOISE", lambda r: r["executive_summary"].get("noise_score")),
        ("TOP", lambda r: len(r["executive_summary"].get("top_recommendations", []))),
    ]
    render_list(limited(pager, limit, every), columns, st.output)


@app.command("show")
def show(
    ctx: typer.Context,
    service_id: ServiceArg,
    report_id: Annotated[str, typer.Argument(help="Report id (rpt_…).")],
    fmt: FormatOption = Format.md,
    out: OutFile = None,
) -> None:
    """A kept report."""
    st = state(ctx)
    found = st.client().slos.retrieve_report(service_id, report_id, tenant=st.require_tenant())
    if st.output not in ("table", "json"):
        render_object(found, st.output)
        return
    _emit(dict(found), fmt, out)
