"""``companyos config …`` and ``companyos flags …``: tenant configuration and feature flags."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, cast

import typer

from ._common import All, EnvOption, Limit, PageSize, Purpose, limited, read_json, state
from ._output import Column, render_list, render_object

__all__ = ["app", "flags_app"]

app: typer.Typer = typer.Typer(
    help="Tenant configuration: show, save, history, diff, residency, admin actions.", no_args_is_help=True
)
flags_app: typer.Typer = typer.Typer(
    help="Feature flags: list, show, create, toggle, evaluate, delete.", no_args_is_help=True
)
VERSION_FIELDS: list[Column] = [("version", "version"), ("author", "author"), ("message", "message"),
                                 ("created", "created_at")]  # fmt: skip
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


@app.command("put")
def put(
    ctx: typer.Context,
    file: Annotated[
        Path, typer.Option("--file", "-f", help="The whole configuration document, JSON ('-': stdin).")
    ],
    message: Annotated[str, typer.Option("--message", "-m", help="Why (kept with the version).")],
    base_version: Annotated[
        int | None,
        typer.Option("--base-version", help="Refuse (exit 5) unless this is still the current version."),
    ] = None,
) -> None:
    """Save a new configuration version (see it with `config diff`)."""
    st = state(ctx)
    document = read_json(file, "configuration")
    result = st.client().tenant_config.update(
        tenant=st.require_tenant(), document=cast(Any, document), message=message, base_version=base_version
    )
    render_object(result, st.output, VERSION_FIELDS)


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
    ctx: typer.Context,
    key: str,
    env: EnvOption = None,
    context: Annotated[
        str | None, typer.Option("--context", help="Evaluation context (JSON): through OFREP.")
    ] = None,
    targeting_key: Annotated[
        str | None, typer.Option("--targeting-key", help="The context's targetingKey.")
    ] = None,
) -> None:
    """Evaluate a flag in an environment, with why; with --context/--targeting-key, for that context (OFREP)."""
    st = state(ctx)
    if context is not None or targeting_key is not None:
        from .features import evaluation_context

        evaluated = st.client().flags.ofrep_evaluate(
            cast(Any, env or "production"), key, tenant=st.require_tenant(),
            context=evaluation_context(context, targeting_key),
        )  # fmt: skip
        render_object(evaluated, st.output)
        return
    render_object(st.client().tenant_config.flags.evaluate(key, tenant=st.require_tenant(), environment=cast(Any, env)),
                  st.output)  # fmt: skip


@flags_app.command("delete")
def flags_delete(ctx: typer.Context, key: str) -> None:
    """Delete a flag."""
    st = state(ctx)
    st.client().tenant_config.flags.delete(key, tenant=st.require_tenant())
    print(f"deleted {key}")
