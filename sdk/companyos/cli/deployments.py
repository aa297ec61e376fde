"""``companyos deployments …``: the deployments feed, a service's timeline, rollback candidates, stages."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, cast

import typer

from companyos import types as t

from ._common import All, Limit, PageSize, Purpose, RowFormatOption, limited, read_row_file, state
from ._output import Column, render_list, render_object
from .services import Env, ServiceArg

__all__ = ["app"]

app: typer.Typer = typer.Typer(
    help="Deployments: feed, a service's timeline, rollback candidates, show, start, advance a stage, import history.",
    no_args_is_help=True,
)

DEPLOY_COLUMNS: list[Column] = [
    ("ID", "id"),
    ("SERVICE", "service_name"),
    ("ENV", "environment"),
    ("VERSION", "version"),
    ("STATE", "state"),
    ("ACTOR", "actor"),
    ("CREATED", "created_at"),
]


@app.command("list")
def deployments_list(
    ctx: typer.Context,
    service: Annotated[str | None, typer.Option("--service", help="Only this service (svc_…).")] = None,
    env: Env = None,
    deploy_state: Annotated[t.DeploymentState | None, typer.Option("--state")] = None,
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


@app.command("get")
def deployments_get(ctx: typer.Context, deployment_id: str, purpose: Purpose = None) -> None:
    """One deployment with its stages."""
    st = state(ctx)
    dep = st.client().deployments.retrieve(deployment_id, tenant=st.require_tenant(), purpose=purpose)
    render_object(dep, st.output)


@app.command("create")
def deployments_create(
    ctx: typer.Context,
    service_id: ServiceArg,
    version: Annotated[str, typer.Option(help="Version being deployed.")],
    env: Annotated[t.ServiceEnvironment, typer.Option("--env")],
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


@app.command("advance")
def deployments_advance(
    ctx: typer.Context,
    deployment_id: str,
    stage: Annotated[t.DeploymentStageName, typer.Argument()],
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


@app.command("timeline")
def timeline(
    ctx: typer.Context,
    service_id: ServiceArg,
    env: Env = None,
    deploy_state: Annotated[t.DeploymentState | None, typer.Option("--state")] = None,
    limit: Limit = 50,
    every: All = False,
    page_size: PageSize = None,
    purpose: Purpose = None,
) -> None:
    """One service's deployments, newest first."""
    st = state(ctx)
    pager = st.client().deployments.list_for_service(
        service_id, tenant=st.require_tenant(), environment=cast(Any, env), state=cast(Any, deploy_state),
        page_size=page_size, purpose=purpose,
    )  # fmt: skip
    render_list(limited(pager, limit, every), DEPLOY_COLUMNS, st.output)


@app.command("rollback-candidates")
def rollback_candidates(
    ctx: typer.Context,
    service_id: ServiceArg,
    env: Annotated[
        t.ServiceEnvironment | None,
        typer.Option("--env", help="Default: production."),
    ] = None,
    purpose: Purpose = None,
) -> None:
    """What a service could roll back to: its earlier successful deployments in an environment."""
    st = state(ctx)
    result = st.client().deployments.rollback_candidates(
        service_id, tenant=st.require_tenant(), environment=cast(Any, env), purpose=purpose
    )
    if st.output != "table":
        render_object(result, st.output)
        return
    current = result.get("current")
    print(
        f"{result['environment']}: current "
        + (f"{current['version']} ({current['id']})" if current else "none")
    )
    render_list(result["candidates"], DEPLOY_COLUMNS, st.output, title="rollback candidates")


@app.command("import")
def deployments_import(
    ctx: typer.Context,
    service_id: ServiceArg,
    file: Annotated[
        Path,
        typer.Argument(
            help="CSV (version,environment,started_at[,finished_at,outcome,commit,description]), NDJSON or JSON."
        ),
    ],
    fmt: RowFormatOption = None,
) -> None:
    """Record a service's past deployments (up to 1,000) from a CD system's history; all or nothing, and rows
    the service already has are skipped."""
    content, chosen = read_row_file(file, fmt)
    st = state(ctx)
    result = st.client().deployments.import_history(
        service_id, format=chosen, content=content, tenant=st.require_tenant()
    )
    render_object(result, st.output)
