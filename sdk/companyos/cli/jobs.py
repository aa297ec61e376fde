"""``companyos jobs list|get|watch|cancel|retry|download``: long-running work."""

from __future__ import annotations

import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, cast

import typer
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

import companyos
from companyos import types as t
from companyos.types import Job

from ._common import All, Limit, PageSize, Purpose, limited, state
from ._context import State
from ._errors import CliError, ExitCode
from ._output import Column, err_console, render_list, render_object

__all__ = ["app", "watch_job"]

app: typer.Typer = typer.Typer(
    help="Jobs: list, show, watch progress, cancel, retry, download results.", no_args_is_help=True
)

TERMINAL = frozenset({"succeeded", "failed", "cancelled"})


def _progress(job: Mapping[str, Any]) -> str:
    done, total = job["progress"]["done"], job["progress"]["total"]
    return f"{done}/{total}" if total is not None else str(done)


def _eta(job: Mapping[str, Any]) -> str:
    eta = job.get("eta_seconds")
    return "-" if eta is None else f"{eta:.0f}s"


COLUMNS: list[Column] = [
    ("ID", "id"),
    ("KIND", "kind"),
    ("STATE", "state"),
    ("PROGRESS", _progress),
    (
        "RATE/S",
        lambda j: "-" if j.get("throughput_per_second") is None else f"{j['throughput_per_second']:.1f}",
    ),
    ("ETA", _eta),
    ("CREATED", "created_at"),
]
JobArg = Annotated[str, typer.Argument(help="Job id (job_…).")]


@app.command("list")
def list_(
    ctx: typer.Context,
    job_state: Annotated[t.JobState | None, typer.Option("--state")] = None,
    kind: Annotated[str | None, typer.Option(help="Job kind, e.g. audit.export.")] = None,
    limit: Limit = 50,
    every: All = False,
    page_size: PageSize = None,
    purpose: Purpose = None,
) -> None:
    """Jobs of the tenant, newest first."""
    st = state(ctx)
    pager = st.client().jobs.list(
        tenant=st.require_tenant(),
        state=cast(Any, job_state),
        kind=kind,
        page_size=page_size,
        purpose=purpose,
    )
    render_list(limited(pager, limit, every), COLUMNS, st.output)


@app.command("get")
def get(ctx: typer.Context, job_id: JobArg, purpose: Purpose = None) -> None:
    """One job: state, progress, throughput, ETA, errors and result."""
    st = state(ctx)
    render_object(st.client().jobs.retrieve(job_id, tenant=st.require_tenant(), purpose=purpose), st.output)


def _finish(st: State, job: Job) -> None:
    render_object(job, st.output, [*COLUMNS, ("errors", lambda j: [e["message"] for e in j["errors"]])])
    if job["state"] == "failed":
        last = job["errors"][-1]["message"] if job["errors"] else "no error message"
        raise CliError(f"job {job['id']} failed: {last}", ExitCode.ERROR)
    if job["state"] == "cancelled":
        raise CliError(f"job {job['id']} was cancelled", ExitCode.ERROR)


def watch_job(
    st: State, client: companyos.Client, job_id: str, tenant: str, *, interval: float, timeout: float | None
) -> None:
    """Poll a job until it ends, rendering a live progress bar (on stderr); fail on failed/cancelled."""
    job = client.jobs.retrieve(job_id, tenant=tenant)
    deadline = None if timeout is None else time.monotonic() + timeout
    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.fields[count]}"),
        TextColumn("{task.fields[rate]}/s"),
        TextColumn("ETA {task.fields[eta]}"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=err_console(), transient=False) as bar:
        task = bar.add_task(job_id, total=None, count="", rate="-", eta="-")
        while True:
            total = job["progress"]["total"]
            rate = job.get("throughput_per_second")
            bar.update(
                task,
                description=f"{job['kind']} {job['state']}",
                total=total,
                completed=job["progress"]["done"],
                count=_progress(job),
                rate="-" if rate is None else f"{rate:.1f}",
                eta=_eta(job),
            )
            if job["state"] in TERMINAL:
                break
            if deadline is not None and time.monotonic() > deadline:
                raise CliError(f"job {job_id} still {job['state']} after {timeout:.0f}s", ExitCode.ERROR)
            time.sleep(interval)
            job = client.jobs.retrieve(job_id, tenant=tenant)
    _finish(st, job)


Interval = Annotated[float, typer.Option("--interval", min=0, help="Seconds between polls.")]
Timeout = Annotated[float | None, typer.Option("--timeout", min=0, help="Give up after this many seconds.")]


@app.command("watch")
def watch(ctx: typer.Context, job_id: JobArg, interval: Interval = 1.0, timeout: Timeout = None) -> None:
    """Follow a job with a live progress bar until it ends (exit 1 when it fails or is cancelled)."""
    st = state(ctx)
    watch_job(st, st.client(), job_id, st.require_tenant(), interval=interval, timeout=timeout)


@app.command("cancel")
def cancel(ctx: typer.Context, job_id: JobArg) -> None:
    """Cancel a queued or running job."""
    st = state(ctx)
    render_object(st.client().jobs.cancel(job_id, tenant=st.require_tenant()), st.output, COLUMNS)


@app.command("retry")
def retry(ctx: typer.Context, job_id: JobArg) -> None:
    """Run a failed or cancelled job again."""
    st = state(ctx)
    render_object(st.client().jobs.retry(job_id, tenant=st.require_tenant()), st.output, COLUMNS)


@app.command("download")
def download(
    ctx: typer.Context,
    job_id: JobArg,
    out: Annotated[Path, typer.Option("--out", "-O", help="File to write ('-' for stdout).")] = Path("-"),
    purpose: Purpose = None,
) -> None:
    """Download a finished job's result file (an audit export, …)."""
    st = state(ctx)
    data = st.client().jobs.artifact(job_id, tenant=st.require_tenant(), purpose=purpose)
    if str(out) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        out.write_bytes(data)
        print(f"wrote {len(data)} bytes to {out}", file=sys.stderr)
