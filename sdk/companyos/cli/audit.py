"""``companyos audit list|verify|export``: the tenant's signed, hash-chained audit trail."""

from __future__ import annotations

from typing import Annotated, Any, cast

import typer

from companyos import types as t
from companyos.audit_checkpoints import PIN_DIR, CheckpointPins

from ._common import All, Limit, PageSize, Purpose, limited, state
from ._context import home_dir
from ._errors import CliError, ExitCode
from ._output import Column, render_list, render_object
from .jobs import COLUMNS as JOB_COLUMNS
from .jobs import Interval, Timeout, watch_job

__all__ = ["app"]

app: typer.Typer = typer.Typer(
    help="Audit trail: list events, verify the chain, export.", no_args_is_help=True
)

COLUMNS: list[Column] = [
    ("POS", "position"),
    ("TIME", lambda e: str(e.get("occurred_at", ""))[:19].replace("T", " ")),
    ("ACTOR", "actor"),
    ("ACTION", "action"),
    ("RESOURCE", "resource"),
    ("OUTCOME", "outcome"),
    ("STATUS", "status"),
    ("REQUEST", "request_id"),
]


@app.command("list")
def list_(
    ctx: typer.Context,
    actor: Annotated[str | None, typer.Option(help="Only this actor (usr_…, client id).")] = None,
    action: Annotated[str | None, typer.Option(help="Only this action (operation id).")] = None,
    outcome: Annotated[t.AuditOutcome | None, typer.Option()] = None,
    resource: Annotated[str | None, typer.Option(help="Only this resource.")] = None,
    since: Annotated[str | None, typer.Option(help="RFC 3339 timestamp (inclusive).")] = None,
    until: Annotated[str | None, typer.Option(help="RFC 3339 timestamp (exclusive).")] = None,
    limit: Limit = 50,
    every: All = False,
    page_size: PageSize = None,
    purpose: Purpose = None,
) -> None:
    """Audit events in chain order (pages fetched as needed)."""
    st = state(ctx)
    pager = st.client().audit.list(
        tenant=st.require_tenant(),
        actor=actor,
        action=action,
        outcome=cast(Any, outcome),
        resource=resource,
        since=since,
        until=until,
        page_size=page_size,
        purpose=purpose,
    )
    render_list(limited(pager, limit, every), COLUMNS, st.output)


@app.command("verify")
def verify(
    ctx: typer.Context,
    purpose: Purpose = None,
    pin: Annotated[
        bool,
        typer.Option(
            "--pin/--no-pin",
            help="Check against the last checkpoint verified from this machine and keep the new one "
            "(under $COMPANYOS_HOME/audit-checkpoints).",
        ),
    ] = True,
) -> None:
    """Verify the chain (hashes, signatures, order, signed checkpoints): OK, or the first problem (exit 1).

    A server checkpoint older than the one this machine verified before is a rollback (exit 1)."""
    st = state(ctx)
    audit = st.client().audit
    tenant = st.require_tenant()
    try:
        result = (
            audit.verify_pinned(tenant=tenant, purpose=purpose, pins=CheckpointPins(home_dir() / PIN_DIR))
            if pin
            else audit.verify(tenant=tenant, purpose=purpose)
        )
    except ValueError as exc:  # an unreadable saved checkpoint
        raise CliError(str(exc), ExitCode.ERROR) from None
    if st.output != "table":
        render_object(result, st.output)
    elif result["ok"]:
        checkpoint = result.get("checkpoint")
        anchor = f", checkpoint {checkpoint['seq']} at {checkpoint['size']} events" if checkpoint else ""
        print(f"OK: {result['tenant_id']} audit chain intact ({result['checked']} events checked{anchor})")
    if not result["ok"]:
        detail = f" ({result['detail']})" if result.get("detail") else ""
        where = result["first_broken_position"]
        raise CliError(
            f"audit chain of {result['tenant_id']} "
            + (f"broken at position {where}: " if where is not None else "not intact: ")
            + f"{result['reason']}{detail}",
            ExitCode.ERROR,
        )


@app.command("export")
def export(
    ctx: typer.Context,
    watch: Annotated[
        bool, typer.Option("--watch", "-w", help="Follow the export job until it ends.")
    ] = False,
    interval: Interval = 1.0,
    timeout: Timeout = None,
) -> None:
    """Start an NDJSON export of the audit trail (a job; see `companyos jobs`)."""
    st = state(ctx)
    tenant = st.require_tenant()
    client = st.client()
    job = client.audit.export(tenant=tenant)
    if not watch:
        render_object(job, st.output, JOB_COLUMNS)
        return
    watch_job(st, client, job["id"], tenant, interval=interval, timeout=timeout)
