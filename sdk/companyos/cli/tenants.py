"""``companyos tenants list|get|create|update``."""

from __future__ import annotations

from typing import Annotated, Any, cast

import typer

from companyos import types as t

from ._common import All, Limit, PageSize, Purpose, labels, limited, state
from ._output import render_list, render_object

__all__ = ["app"]

app: typer.Typer = typer.Typer(
    help="Tenants: list, show, create (platform admins, step-up) and update.", no_args_is_help=True
)

COLUMNS = [
    ("ID", "id"),
    ("NAME", "display_name"),
    ("TIER", "tier"),
    ("RESIDENCY", "residency"),
    ("STATUS", "status"),
    ("ENVIRONMENT", "environment"),
    ("LABELS", "labels"),
]
TenantArg = Annotated[str | None, typer.Argument(help="Tenant id (default: --tenant / $COMPANYOS_TENANT).")]
Label = Annotated[list[str] | None, typer.Option("--label", "-l", help="KEY=VALUE (repeatable).")]


@app.command("list")
def list_(
    ctx: typer.Context,
    tier: Annotated[t.TenantTier | None, typer.Option()] = None,
    status: Annotated[t.TenantStatus | None, typer.Option()] = None,
    environment: Annotated[
        t.TenantEnvironment | None, typer.Option(help="Only this environment's tenants.")
    ] = None,
    limit: Limit = 50,
    every: All = False,
    page_size: PageSize = None,
) -> None:
    """Your tenants (every tenant with platform:admin)."""
    st = state(ctx)
    pager = st.client().tenants.list(
        tier=cast(Any, tier),
        status=cast(Any, status),
        environment=cast(Any, environment),
        page_size=page_size,
    )
    render_list(limited(pager, limit, every), COLUMNS, st.output)


@app.command("get")
def get(ctx: typer.Context, tenant_id: TenantArg = None, purpose: Purpose = None) -> None:
    """One tenant."""
    st = state(ctx)
    tenant = st.client().tenants.retrieve(st.require_tenant(tenant_id), purpose=purpose)
    render_object(tenant, st.output)


@app.command("create")
def create(
    ctx: typer.Context,
    tenant_id: Annotated[str, typer.Argument(help="New tenant id (lowercase, 3-32 chars).")],
    display_name: Annotated[str, typer.Option("--display-name", "--name", help="Human-readable name.")],
    tier: Annotated[t.TenantTier | None, typer.Option()] = None,
    residency: Annotated[t.Residency | None, typer.Option()] = None,
    environment: Annotated[
        t.TenantEnvironment | None,
        typer.Option(
            help="production (default), staging, or sandbox: synthetic data under guardrails. Fixed."
        ),
    ] = None,
    label: Label = None,
) -> None:
    """Create a tenant (platform:admin; needs a recent multi-factor sign-in)."""
    st = state(ctx)
    tenant = st.client().tenants.create(
        id=tenant_id,
        display_name=display_name,
        tier=cast(Any, tier),
        residency=cast(Any, residency),
        environment=cast(Any, environment),
        labels=labels(label),
    )
    render_object(tenant, st.output)


@app.command("update")
def update(
    ctx: typer.Context,
    tenant_id: TenantArg = None,
    display_name: Annotated[str | None, typer.Option("--display-name", "--name")] = None,
    tier: Annotated[t.TenantTier | None, typer.Option()] = None,
    status: Annotated[t.TenantStatus | None, typer.Option()] = None,
    label: Label = None,
) -> None:
    """Change a tenant's name, tier, status or labels (only what you pass changes)."""
    st = state(ctx)
    tenant = st.client().tenants.update(
        st.require_tenant(tenant_id),
        display_name=display_name,
        tier=cast(Any, tier),
        status=cast(Any, status),
        labels=labels(label),
    )
    render_object(tenant, st.output)
