"""``companyos services list|get|create|delete|deps|map`` and ``companyos deployments list|get|create|advance``."""

from __future__ import annotations

from typing import Annotated, Any, cast

import typer

from ._common import All, Limit, PageSize, Purpose, labels, limited, state
from ._output import Column, render_list, render_object

__all__ = ["app", "deployments_app"]

app = typer.Typer(
    help="Services: list, show, register, remove, dependencies, service map.", no_args_is_help=True
)
deployments_app = typer.Typer(help="Deployments: feed, show, start, advance a stage.", no_args_is_help=True)

COLUMNS: list[Column] = [
    ("ID", "id"),
    ("NAME", "name"),
    ("TIER", "tier"),
    ("OWNER", lambda s: (s.get("owner") or {}).get("team")),
    ("ENVIRONMENTS", "environments"),
    ("SLO", lambda s: (s.get("slo") or {}).get("state")),
]
DEPLOY_COLUMNS: list[Column] = [
    ("ID", "id"),
    ("SERVICE", "service_name"),
    ("ENV", "environment"),
    ("VERSION", "version"),
    ("STATE", "state"),
    ("ACTOR", "actor"),
    ("CREATED", "created_at"),
]
ServiceArg = Annotated[str, typer.Argument(help="Service id (svc_…).")]
Env = Annotated[str | None, typer.Option("--env", help="production, staging or sandbox.")]


@app.command("list")
def list_(
    ctx: typer.Context,
    owner: Annotated[str | None, typer.Option(help="Owning team.")] = None,
    tier: Annotated[str | None, typer.Option(help="tier-0 … tier-3.")] = None,
    name_prefix: Annotated[
        str | None, typer.Option("--name-prefix", help="Names starting with this.")
    ] = None,
    env: Env = None,
    limit: Limit = 50,
    every: All = False,
    page_size: PageSize = None,
    purpose: Purpose = None,
) -> None:
    """Services of the tenant."""
    st = state(ctx)
    pager = st.client().services.list(
        tenant=st.require_tenant(), owner=owner, tier=cast(Any, tier), name_prefix=name_prefix,
        environment=cast(Any, env), page_size=page_size, purpose=purpose,
    )  # fmt: skip
    render_list(limited(pager, limit, every), COLUMNS, st.output)


@app.command("get")
def get(ctx: typer.Context, service_id: ServiceArg, purpose: Purpose = None) -> None:
    """One service."""
    st = state(ctx)
    render_object(
        st.client().services.retrieve(service_id, tenant=st.require_tenant(), purpose=purpose), st.output
    )


@app.command("create")
def create(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Service name (lowercase, dashes).")],
    team: Annotated[str, typer.Option("--team", help="Owning team.")],
    tier: Annotated[str, typer.Option(help="tier-0 … tier-3.")],
    description: Annotated[str | None, typer.Option(help="What it does.")] = None,
    env: Annotated[list[str] | None, typer.Option("--env", help="Environment (repeatable).")] = None,
    label: Annotated[list[str] | None, typer.Option("--label", "-l", help="KEY=VALUE (repeatable).")] = None,
) -> None:
    """Register a service."""
    st = state(ctx)
    service = st.client().services.create(
        tenant=st.require_tenant(), name=name, owner={"team": team}, tier=cast(Any, tier),
        description=description, environments=cast(Any, env), labels=labels(label),
    )  # fmt: skip
    render_object(service, st.output)


@app.command("delete")
def delete(ctx: typer.Context, service_id: ServiceArg) -> None:
    """Remove a service."""
    st = state(ctx)
    st.client().services.delete(service_id, tenant=st.require_tenant())
    print(f"deleted {service_id}")


@app.command("deps")
def deps(
    ctx: typer.Context,
    service_id: ServiceArg,
    depth: Annotated[int, typer.Option(min=1, max=10)] = 1,
    upstream: Annotated[bool, typer.Option("--upstream", help="Services that depend on it.")] = False,
) -> None:
    """A service's dependency graph."""
    st = state(ctx)
    graph = st.client().services.dependencies(
        service_id,
        tenant=st.require_tenant(),
        depth=depth,
        direction="upstream" if upstream else "downstream",
    )
    if st.output != "table":
        render_object(graph, st.output)
        return
    render_list(graph["nodes"], [("ID", "id"), ("NAME", "name"), ("TIER", "tier"), ("DEPTH", "depth"),
                                 ("SLO", "slo_state")], st.output)  # fmt: skip


@app.command("map")
def service_map(ctx: typer.Context, env: Env = None) -> None:
    """The tenant's service map (edges: dependent → dependency)."""
    st = state(ctx)
    result = st.client().services.map(tenant=st.require_tenant(), environment=cast(Any, env))
    if st.output != "table":
        render_object(result, st.output)
        return
    names = {n["id"]: n["name"] for n in result["nodes"]}
    rows = [{"from": names.get(e["source"], e["source"]), "to": names.get(e["target"], e["target"])}
            for e in result["edges"]]  # fmt: skip
    render_list(rows, [("SERVICE", "from"), ("DEPENDS ON", "to")], st.output)


@deployments_app.command("list")
def deployments_list(
    ctx: typer.Context,
    service: Annotated[str | None, typer.Option("--service", help="Only this service (svc_…).")] = None,
    env: Env = None,
    deploy_state: Annotated[
        str | None, typer.Option("--state", help="pending, running, succeeded, …")
    ] = None,
    since: Annotated[str | None, typer.Option(help="RFC 3339 timestamp.")] = None,
    limit: Limit = 50,
    every: All = False,
    page_size: PageSize = None,
    purpose: Purpose = None,
) -> None:
    """The deployments feed, newest first."""
    st = state(ctx)
    pager = st.client().deployments.list(
        tenant=st.require_tenant(), service_id=service, environment=cast(Any, env),
        state=cast(Any, deploy_state), since=since, page_size=page_size, purpose=purpose,
    )  # fmt: skip
    render_list(limited(pager, limit, every), DEPLOY_COLUMNS, st.output)


@deployments_app.command("get")
def deployments_get(ctx: typer.Context, deployment_id: str, purpose: Purpose = None) -> None:
    """One deployment with its stages."""
    st = state(ctx)
    dep = st.client().deployments.retrieve(deployment_id, tenant=st.require_tenant(), purpose=purpose)
    render_object(dep, st.output)


@deployments_app.command("create")
def deployments_create(
    ctx: typer.Context,
    service_id: ServiceArg,
    version: Annotated[str, typer.Option(help="Version being deployed.")],
    env: Annotated[str, typer.Option("--env", help="production, staging or sandbox.")],
    commit: Annotated[str | None, typer.Option(help="Commit sha.")] = None,
    description: Annotated[str | None, typer.Option()] = None,
) -> None:
    """Start a deployment."""
    st = state(ctx)
    dep = st.client().deployments.create(
        service_id, tenant=st.require_tenant(), version=version, environment=cast(Any, env), commit=commit,
        description=description,
    )  # fmt: skip
    render_object(dep, st.output, DEPLOY_COLUMNS)


@deployments_app.command("advance")
def deployments_advance(
    ctx: typer.Context,
    deployment_id: str,
    stage: Annotated[str, typer.Argument(help="build, deploy or verification.")],
    stage_state: Annotated[str, typer.Option("--state", help="running, succeeded or failed.")],
    detail: Annotated[str | None, typer.Option()] = None,
) -> None:
    """Advance a deployment stage."""
    st = state(ctx)
    dep = st.client().deployments.advance_stage(
        deployment_id,
        cast(Any, stage),
        tenant=st.require_tenant(),
        state=cast(Any, stage_state),
        detail=detail,
    )
    render_object(dep, st.output, DEPLOY_COLUMNS)
