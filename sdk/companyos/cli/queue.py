"""``companyos queue status|flush``: the SDK's encrypted offline queue (see ``--offline``)."""

from __future__ import annotations

import datetime as dt

import typer

from ._common import state
from ._errors import CliError, ExitCode
from ._output import Column, render, render_list

__all__ = ["app"]

app: typer.Typer = typer.Typer(help="Offline queue: mutations waiting for the API.", no_args_is_help=True)


def _when(ts: float | None) -> str | None:
    return None if ts is None else dt.datetime.fromtimestamp(ts, dt.UTC).isoformat(timespec="seconds")


COLUMNS: list[Column] = [
    ("ENTRY", "id"),
    ("OPERATION", "operation_id"),
    ("METHOD", "method"),
    ("PATH", "path"),
    ("TENANT", "tenant"),
    ("QUEUED AT", lambda e: _when(e.get("created_at"))),
]


@app.command("status")
def status(ctx: typer.Context) -> None:
    """Pending and rejected entries (no request bodies)."""
    st = state(ctx)
    result = st.client(auth=None, offline=True).offline.status()
    if st.output != "table":
        render(
            {
                "pending": result.pending,
                "rejected": result.rejected,
                "oldest_created_at": _when(result.oldest_created_at),
                "path": str(result.path),
                "entries": result.entries,
            },
            st.output,
        )
        return
    print(f"{result.pending} pending, {result.rejected} rejected ({result.path})")
    if result.entries:
        render_list(result.entries, COLUMNS, st.output)


@app.command("flush")
def flush(ctx: typer.Context) -> None:
    """Replay pending mutations in order with their original idempotency keys."""
    st = state(ctx)
    result = st.client(offline=True).offline.flush()
    summary = {
        "replayed": [{"id": entry, "status": code} for entry, code in result.replayed],
        "rejected": [{"id": entry, "error": str(err)} for entry, err in result.rejected],
        "remaining": result.remaining,
    }
    if st.output != "table":
        render(summary, st.output)
    else:
        print(
            f"{len(result.replayed)} replayed, {len(result.rejected)} rejected, {result.remaining} remaining"
        )
        for entry, err in result.rejected:
            print(f"  rejected {entry}: {err}")
    if result.remaining:
        raise CliError(
            f"{result.remaining} entries still pending: the API is unreachable", ExitCode.CONNECTION
        )
    if result.rejected:
        raise CliError(f"{len(result.rejected)} entries rejected by the API", ExitCode.ERROR)
