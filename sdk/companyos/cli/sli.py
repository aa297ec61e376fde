"""``companyos services sli list|push|import``: a service's SLI samples (good of total events per bucket)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import typer

from ._common import All, Limit, PageSize, Purpose, RowFormatOption, limited, read_json, read_row_file, state
from ._errors import CliError, ExitCode
from ._output import render_list, render_object

__all__ = ["app"]

app: typer.Typer = typer.Typer(help="SLI samples of a service: list, push, import.", no_args_is_help=True)

ServiceArg = Annotated[str, typer.Argument(help="Service id (svc_…).")]
SamplesFile = Annotated[
    Path | None,
    typer.Option("--file", "-f", help='JSON {"samples": [{"ts", "good", "total"}, …]} (- for stdin).'),
]


@app.command("list")
def list_(
    ctx: typer.Context,
    service_id: ServiceArg,
    since: Annotated[str | None, typer.Option(help="RFC 3339 start (default: 24 h before --until).")] = None,
    until: Annotated[str | None, typer.Option(help="RFC 3339 end (default: now).")] = None,
    limit: Limit = 100,
    every: All = False,
    page_size: PageSize = None,
    purpose: Purpose = None,
) -> None:
    """The service's SLI samples in the window, oldest first, with each bucket's SLI in percent."""
    st = state(ctx)
    pager = st.client().services.sli_samples.list(
        service_id, tenant=st.require_tenant(), since=since, until=until, page_size=page_size, purpose=purpose
    )
    columns: list[Any] = [("TS", "ts"), ("GOOD", "good"), ("TOTAL", "total"),
                          ("LABELS", lambda s: ",".join(f"{k}={v}" for k, v in (s.get("labels") or {}).items())),
                          ("SLI %", lambda s: round(100 * s["good"] / s["total"], 3) if s["total"] else "-")]  # fmt: skip
    render_list(limited(pager, limit, every), columns, st.output)


@app.command("push")
def push(
    ctx: typer.Context,
    service_id: ServiceArg,
    file: SamplesFile = None,
    good: Annotated[int | None, typer.Option(min=0, help="One sample: good events (with --total).")] = None,
    total: Annotated[int | None, typer.Option(min=0, help="One sample: all events (with --good).")] = None,
    ts: Annotated[str | None, typer.Option(help="One sample: its RFC 3339 time (default: now).")] = None,
    label: Annotated[
        list[str] | None,
        typer.Option(
            "--label",
            help="One sample: a label NAME=VALUE (endpoint, task, region, segment, sli); repeatable.",
        ),
    ] = None,
) -> None:
    """Push samples from --file, or one sample from --good/--total; a repeated ts (and labels) replaces the
    old one."""
    if (file is None) == (good is None and total is None):
        raise CliError("give either --file or --good and --total", ExitCode.USAGE)
    if file is not None:
        samples = read_json(file, "SLI samples", allowed=("samples",)).get("samples")
        if not isinstance(samples, list) or not samples:
            raise CliError(
                f"cannot read SLI samples {file}: 'samples' must be a non-empty list", ExitCode.USAGE
            )
    else:
        if good is None or total is None:
            raise CliError("--good and --total go together", ExitCode.USAGE)
        when = ts or datetime.now(UTC).replace(microsecond=0).isoformat()
        sample: dict[str, Any] = {"ts": when, "good": good, "total": total}
        if label:
            sample["labels"] = _labels(label)
        samples = [sample]
    st = state(ctx)
    result = st.client().services.sli_samples.record(service_id, samples=samples, tenant=st.require_tenant())
    render_object(result, st.output)


def _labels(pairs: list[str]) -> dict[str, str]:
    labels: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip() or not value.strip():
            raise CliError(f"--label {pair!r}: expected NAME=VALUE, e.g. region=eu", ExitCode.USAGE)
        labels[name.strip()] = value.strip()
    return labels


@app.command("import")
def import_(
    ctx: typer.Context,
    service_id: ServiceArg,
    file: Annotated[
        Path, typer.Argument(help="CSV (ts,good,total[,endpoint,task,region,segment,sli]), NDJSON or JSON.")
    ],
    fmt: RowFormatOption = None,
) -> None:
    """Import a file of up to 100,000 samples at once; any bad row refuses the file, naming each bad line."""
    content, chosen = read_row_file(file, fmt)
    st = state(ctx)
    result = st.client().services.sli_samples.import_file(
        service_id, format=chosen, content=content, tenant=st.require_tenant()
    )
    render_object(result, st.output)
