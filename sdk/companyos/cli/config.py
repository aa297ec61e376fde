"""``companyos config …``, ``companyos flags …`` and ``companyos policies …``."""

from __future__ import annotations

from typing import Annotated, Any, cast

import typer

from ._common import All, Limit, PageSize, Purpose, limited, state
from ._output import Column, render_list, render_object

__all__ = ["app", "flags_app", "policies_app"]

app = typer.Typer(
    help="Tenant configuration: show, history, diff, residency, admin actions.", no_args_is_help=True
)
flags_app = typer.Typer(
    help="Feature flags: list, show, create, toggle, evaluate, delete.", no_args_is_help=True
)
policies_app = typer.Typer(help="Policies: catalog, decisions, exceptions.", no_args_is_help=True)
FLAG_COLUMNS: list[Column] = [("KEY", "key"), ("ENABLED", "enabled"), ("DEFAULT", "default_variant"),
                              ("DESCRIPTION", "description"), ("UPDATED", "updated_at")]  # fmt: skip


@app.command("get")
def get(
    ctx: typer.Context, version: Annotated[int | None, typer.Option()] = None, purpose: Purpose = None
) -> None:
    """The current configuration (or --version N)."""
    st = state(ctx)
    cfg, tenant = st.client().tenant_config, st.require_tenant()
    result = (
        cfg.retrieve_version(version, tenant=tenant, purpose=purpose)
        if version
        else cfg.retrieve(tenant=tenant, purpose=purpose)
    )
    render_object(result, st.output)


@app.command("history")
def history(ctx: typer.Context, limit: Limit = 50, every: All = False, page_size: PageSize = None) -> None:
    """Configuration versions."""
    st = state(ctx)
    pager = st.client().tenant_config.list_versions(tenant=st.require_tenant(), page_size=page_size)
    render_list(limited(pager, limit, every), [("VERSION", "version"), ("AUTHOR", "author"), ("MESSAGE", "message"),
                                               ("CREATED", "created_at")], st.output)  # fmt: skip


@app.command("diff")
def diff(ctx: typer.Context, from_: Annotated[int, typer.Argument(metavar="FROM")], to: int) -> None:
    """JSON-patch operations from one version to another."""
    st = state(ctx)
    result = st.client().tenant_config.diff(tenant=st.require_tenant(), from_=from_, to=to)
    render_list(result["operations"], [("OP", "op"), ("PATH", "path"), ("VALUE", "value")], st.output)


@app.command("residency")
def residency(ctx: typer.Context) -> None:
    """Data residency posture (violations listed)."""
    st = state(ctx)
    render_object(st.client().tenant_config.residency(tenant=st.require_tenant()), st.output)


@app.command("admin-actions")
def admin_actions(ctx: typer.Context, since: Annotated[str | None, typer.Option()] = None, limit: Limit = 50,
                  every: All = False) -> None:  # fmt: skip
    """Recent admin actions."""
    st = state(ctx)
    pager = st.client().tenant_config.admin_actions(tenant=st.require_tenant(), since=since)
    render_list(limited(pager, limit, every), [("AT", "occurred_at"), ("ACTOR", "actor"), ("ROLE", "actor_role"),
                                               ("ACTION", "action"), ("RESOURCE", "resource")], st.output)  # fmt: skip


@flags_app.command("list")
def flags_list(ctx: typer.Context, limit: Limit = 50, every: All = False, page_size: PageSize = None) -> None:
    """Feature flags."""
    st = state(ctx)
    pager = st.client().tenant_config.flags.list(tenant=st.require_tenant(), page_size=page_size)
    render_list(limited(pager, limit, every), FLAG_COLUMNS, st.output)


@flags_app.command("get")
def flags_get(ctx: typer.Context, key: str) -> None:
    """One flag with its evaluation in every environment."""
    st = state(ctx)
    render_object(st.client().tenant_config.flags.retrieve(key, tenant=st.require_tenant()), st.output)


@flags_app.command("create")
def flags_create(ctx: typer.Context, key: str, description: Annotated[str | None, typer.Option()] = None,
                 enabled: Annotated[bool, typer.Option("--enabled/--disabled")] = False) -> None:  # fmt: skip
    """Create a flag."""
    st = state(ctx)
    flag = st.client().tenant_config.flags.create(tenant=st.require_tenant(), key=key, description=description,
                                                  enabled=enabled)  # fmt: skip
    render_object(flag, st.output, FLAG_COLUMNS)


@flags_app.command("set")
def flags_set(
    ctx: typer.Context, key: str, enabled: Annotated[bool, typer.Option("--enabled/--disabled")]
) -> None:
    """Turn a flag's default on or off."""
    st = state(ctx)
    flag = st.client().tenant_config.flags.update(key, tenant=st.require_tenant(), enabled=enabled)
    render_object(flag, st.output, FLAG_COLUMNS)


@flags_app.command("evaluate")
def flags_evaluate(
    ctx: typer.Context, key: str, env: Annotated[str | None, typer.Option("--env")] = None
) -> None:
    """Evaluate a flag in an environment, with why."""
    st = state(ctx)
    render_object(st.client().tenant_config.flags.evaluate(key, tenant=st.require_tenant(), environment=cast(Any, env)),
                  st.output)  # fmt: skip


@flags_app.command("delete")
def flags_delete(ctx: typer.Context, key: str) -> None:
    """Delete a flag."""
    st = state(ctx)
    st.client().tenant_config.flags.delete(key, tenant=st.require_tenant())
    print(f"deleted {key}")


@policies_app.command("list")
def policies_list(ctx: typer.Context) -> None:
    """Policies in force (built-in and the tenant's)."""
    st = state(ctx)
    items = st.client().policies.list(tenant=st.require_tenant())
    render_list(items, [("ID", "id"), ("SOURCE", "source"), ("EFFECT", "effect"), ("ENABLED", "enabled"),
                        ("REASON", "reason")], st.output)  # fmt: skip


@policies_app.command("get")
def policies_get(ctx: typer.Context, policy_id: str) -> None:
    """One policy (with its Cedar text)."""
    st = state(ctx)
    render_object(st.client().policies.retrieve(policy_id, tenant=st.require_tenant()), st.output)


@policies_app.command("decisions")
def policies_decisions(ctx: typer.Context, action: Annotated[str | None, typer.Option()] = None,
                       outcome: Annotated[str | None, typer.Option(help="allow or deny.")] = None,
                       limit: Limit = 50, every: All = False) -> None:  # fmt: skip
    """Recent authorization decisions with their reasons."""
    st = state(ctx)
    pager = st.client().policies.decisions(
        tenant=st.require_tenant(), action=action, outcome=cast(Any, outcome)
    )
    render_list(limited(pager, limit, every), [("AT", "at"), ("PRINCIPAL", "principal"), ("ACTION", "action"),
                                               ("RESOURCE", "resource"), ("OUTCOME", "outcome"),
                                               ("REASONS", "reasons")], st.output)  # fmt: skip


@policies_app.command("exceptions")
def policies_exceptions(ctx: typer.Context, status: Annotated[str | None, typer.Option()] = None,
                        limit: Limit = 50, every: All = False) -> None:  # fmt: skip
    """Policy exceptions."""
    st = state(ctx)
    pager = st.client().policies.exceptions.list(tenant=st.require_tenant(), status=cast(Any, status))
    render_list(limited(pager, limit, every), [("ID", "id"), ("POLICY", "policy_id"), ("SCOPE", "scope"),
                                               ("STATUS", "status"), ("EXPIRES", "expires_at")], st.output)  # fmt: skip
